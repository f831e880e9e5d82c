/**
 * npm run bench:search — job search at scale on real PostgreSQL.
 *
 * 1. Creates a fresh database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/ilteo_bench),
 *    migrates it and seeds BENCH_POSTINGS (default 1,000,000) postings with the demo generator.
 *    BENCH_REUSE=1 keeps an already-seeded database of the right size.
 * 2. For a fixed query mix, measures latency in-process (the search service, sequential) and over HTTP
 *    (autocannon against the real server), and the same queries as a plain sequential-scan ILIKE baseline.
 * 3. Prints a Markdown table; --write-readme replaces the table between the bench markers in README.md.
 */
import os from 'node:os';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { assertNodeVersion, loadConfig } from '../src/config/index.ts';
import { createDatabase, dropDatabase } from '../src/db/admin.ts';
import { openDatabase } from '../src/db/index.ts';
import { migrate } from '../src/db/migrate.ts';
import { searchPostings } from '../src/jobs/search.ts';
import { escapeLike } from '../src/jobs/search-plan.ts';
import { parseSearchParams, type SearchParams } from '../src/jobs/search-query.ts';
import { seedPostings } from '../src/jobs/seed-demo.ts';
import { countPostings } from '../src/jobs/store.ts';
import { seoulToday } from '../src/shared/dates.ts';
import { publishTable } from './report.ts';

assertNodeVersion();
const URL_ = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ilteo_bench';
const COUNT = Number(process.env.BENCH_POSTINGS ?? 1_000_000);
const REUSE = process.env.BENCH_REUSE === '1';
const ITER = Number(process.env.BENCH_ITERATIONS ?? 200);
const BASELINE_ITER = Number(process.env.BENCH_BASELINE_ITERATIONS ?? 5);
const HTTP_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 8);
const TARGET_P95_MS = 50;

/**
 * Each class rotates through its queries. The word classes search the typed words only (`syn: 'off'`),
 * as they did before synonyms; the words of the synonym table have a class of their own.
 */
const CLASSES: { name: string; queries: Record<string, string | string[]>[] }[] = [
  {
    name: '2음절 단어',
    queries: [{ q: '개발' }, { q: '물류' }, { q: '용접' }, { q: '강남' }, { q: '경리', syn: 'off' }, { q: '조리' }],
  },
  {
    name: '3음절 이상 단어',
    queries: [{ q: '요양보호사', syn: 'off' }, { q: '지게차' }, { q: '사무보조' }, { q: '개발자', syn: 'off' }],
  },
  { name: '비슷한 말 포함', queries: [{ q: '경리' }, { q: '요양보호사' }, { q: '개발자' }, { q: '조리사' }] },
  { name: '두 단어 AND', queries: [{ q: '물류 상하차' }, { q: '개발자 경력', syn: 'off' }, { q: '요양 방문' }] },
  { name: 'OR', queries: [{ q: '용접|도장' }, { q: '간호|요양' }, { q: '경리|회계' }] },
  { name: '초성', queries: [{ q: 'ㄱㅂㅈ' }, { q: 'ㅇㅇㅂㅎㅅ' }, { q: 'ㅁㄹ' }] },
  {
    name: '필터만',
    queries: [
      { region: '41000', occupation: '8', salTp: 'M' },
      { region: ['11680', '11650'], career: 'N' },
      { occupation: '550', posted: '1w' },
    ],
  },
  {
    name: '검색어 + 필터',
    queries: [
      { q: '사무', region: '11000', career: 'N' },
      { q: '생산', region: '41000', empTp: '10' },
      { q: '조리', sort: 'wage' },
    ],
  },
  {
    name: '깊은 페이지',
    queries: [{ q: '모집', page: '200' }, { page: '400' }, { q: '개발', page: '40', sort: 'closing' }],
  },
];

function params(query: Record<string, string | string[]>): SearchParams {
  const r = parseSearchParams(query);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.params;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)] as number;
}

interface Stats {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
}

function stats(samples: number[], seconds: number): Stats {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), rps: samples.length / seconds };
}

/** The naive way: ILIKE over the concatenated text, no helper indexes (sequential scan). */
function baselineSql(p: SearchParams, today: string) {
  const conds = [sql`status = 'open'`, sql`(close_dt IS NULL OR close_dt >= ${today}::date)`];
  for (const group of p.keyword) {
    const ors = group.map((t) =>
      t.kind === 'choseong'
        ? sql`ilteo_choseong(title || ' ' || company_name) LIKE ${`%${escapeLike(t.text)}%`}`
        : sql`(title || ' ' || company_name || ' ' || job_cont) ILIKE ${`%${escapeLike(t.text)}%`}`,
    );
    conds.push(sql`(${sql.join(ors, sql` OR `)})`);
  }
  return conds;
}

async function main() {
  const today = seoulToday();
  const dbName = /\/([^/?]+)(\?|$)/.exec(URL_.replace(/^postgres(ql)?:\/\/[^/]*/, ''))?.[1] ?? 'ilteo_bench';
  let seedSeconds: number | undefined;
  let database = await (async () => {
    if (REUSE) {
      try {
        const db = await openDatabase({ kind: 'postgres', url: URL_ });
        if ((await countPostings(db)) === COUNT) return db;
        await db.close();
      } catch {}
    }
    await dropDatabase(URL_, dbName);
    await createDatabase(URL_);
    return undefined;
  })();
  if (!database) {
    database = await openDatabase({ kind: 'postgres', url: URL_ });
    await migrate(database);
    const t0 = performance.now();
    await seedPostings(database, { count: COUNT, today, log: (m) => console.error(m) });
    await database.query(sql`VACUUM ANALYZE postings`);
    seedSeconds = (performance.now() - t0) / 1000;
  }
  const total = await countPostings(database);
  const [size] = await database.query<{ table: string; indexes: string }>(
    sql`SELECT pg_size_pretty(pg_table_size('postings')) AS table, pg_size_pretty(pg_indexes_size('postings')) AS indexes`,
  );
  console.error(`postings: ${total.toLocaleString()} (table ${size?.table}, indexes ${size?.indexes})`);

  const config = {
    ...loadConfig({ LOG_LEVEL: 'warn', PORT: '0' }),
    database: { kind: 'postgres' as const, url: URL_ },
  };
  const app = await buildApp({ config, database });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });

  const rows: { name: string; inproc: Stats; http: Stats; baseline: Stats; matches: number }[] = [];
  for (const cls of CLASSES) {
    const ps = cls.queries.map(params);
    // warm-up
    for (const p of ps) await searchPostings(database, p, today);
    const samples: number[] = [];
    let matches = 0;
    const t0 = performance.now();
    for (let i = 0; i < ITER; i++) {
      const p = ps[i % ps.length] as SearchParams;
      const s = performance.now();
      const r = await searchPostings(database, p, today);
      samples.push(performance.now() - s);
      if (i < ps.length) matches += r.total;
    }
    const inproc = stats(samples, (performance.now() - t0) / 1000);

    const paths = cls.queries.map((q) => {
      const usp = new URLSearchParams();
      for (const [k, v] of Object.entries(q)) for (const x of Array.isArray(v) ? v : [v]) usp.append(k, x);
      return `/api/v1/postings?${usp}`;
    });
    const httpSamples: number[] = [];
    let n = 0;
    let done!: (r: autocannon.Result) => void;
    let fail!: (e: unknown) => void;
    const finished = new Promise<autocannon.Result>((res, rej) => {
      done = res;
      fail = rej;
    });
    const instance = autocannon(
      {
        url: address,
        connections: 10,
        duration: HTTP_SECONDS,
        requests: [{ setupRequest: (req) => ({ ...req, path: paths[n++ % paths.length] as string }) }],
      },
      (err, res) => (err ? fail(err) : done(res)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status === 200) httpSamples.push(ms);
    });
    const result = await finished;
    if (result.non2xx > 0 || result.errors > 0)
      console.error(`${cls.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    const http = stats(httpSamples, HTTP_SECONDS);

    const baseSamples: number[] = [];
    const tb = performance.now();
    for (let i = 0; i < BASELINE_ITER; i++) {
      const p = ps[i % ps.length] as SearchParams;
      const conds = baselineSql(p, today);
      const s = performance.now();
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL enable_indexscan = off`);
        await tx.execute(sql`SET LOCAL enable_bitmapscan = off`);
        await tx.execute(
          sql`SELECT count(*) FROM (SELECT 1 FROM postings WHERE ${sql.join(conds, sql` AND `)} LIMIT 10001) s`,
        );
        await tx.execute(
          sql`SELECT id FROM postings WHERE ${sql.join(conds, sql` AND `)} ORDER BY reg_dt DESC, id DESC LIMIT ${p.pageSize} OFFSET ${(p.page - 1) * p.pageSize}`,
        );
      });
      baseSamples.push(performance.now() - s);
    }
    const baseline = stats(baseSamples, (performance.now() - tb) / 1000);
    rows.push({ name: cls.name, inproc, http, baseline, matches: Math.round(matches / ps.length) });
    console.error(
      `${cls.name}: in-process p95 ${inproc.p95.toFixed(1)} ms, HTTP p95 ${http.p95.toFixed(1)} ms, baseline p95 ${baseline.p95.toFixed(0)} ms`,
    );
  }
  await app.close();
  await database.close();

  const f = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    `측정: ${today}, ${total.toLocaleString()}건, PostgreSQL (127.0.0.1), ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}.`,
    seedSeconds
      ? `생성·적재 ${seedSeconds.toFixed(0)} s; 테이블 ${size?.table}, 인덱스 ${size?.indexes}.`
      : `테이블 ${size?.table}, 인덱스 ${size?.indexes}.`,
    `In-process: ${ITER} sequential searches per class (count + page). HTTP: autocannon, 10 connections, ${HTTP_SECONDS} s per class. Baseline: ILIKE with index scans off, ${BASELINE_ITER} runs. Target p95 ≤ ${TARGET_P95_MS} ms.`,
    '',
    '| 질의 유형 | 평균 결과 수 | in-process p50 / p95 / p99 (ms) | HTTP p50 / p95 / p99 (ms) | HTTP req/s | ILIKE 기준 p95 (ms) | 기준 대비 | 목표 |',
    '|---|---:|---:|---:|---:|---:|---:|:---:|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.matches.toLocaleString()} | ${f(r.inproc.p50)} / ${f(r.inproc.p95)} / ${f(r.inproc.p99)} | ${f(r.http.p50)} / ${f(r.http.p95)} / ${f(r.http.p99)} | ${r.http.rps.toFixed(0)} | ${f(r.baseline.p95)} | ${(r.baseline.p95 / r.inproc.p95).toFixed(0)}× | ${r.inproc.p95 <= TARGET_P95_MS ? '✅' : '❌ 초과'} |`,
    ),
  ];
  const table = lines.join('\n');
  await publishTable('search', `search-${total}.md`, table);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
