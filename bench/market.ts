/**
 * npm run bench:market — the job market at scale on real PostgreSQL.
 *
 * Seeds BENCH_POSTINGS (default 1,000,000) postings, BENCH_SEEKERS (default 200,000) seekers with a
 * 구직신청 and a resume, and BENCH_APPLICATIONS (default 2,000,000) applications, one posting of which
 * has 5,000 applicants. Then measures:
 *   1. 맞춤 채용정보 for random seekers (candidates through the facet index + scoring), in-process;
 *   2. the applicant list of the 5,000-applicant posting (first page, the employer's view);
 *   3. a burst of 2,000 applications to one posting within 10 s through HTTP (one app process),
 *      with every 10th click sent twice: zero errors and zero duplicates expected;
 *   4. recommendation quality: precision@10 of preference-matching postings (wished 직종 and 시도)
 *      for 500 seekers, against newest-first baselines.
 * BENCH_REUSE=1 keeps a seeded database. --write-readme updates the README table.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { assertNodeVersion } from '../src/config/index.ts';
import { createDatabase, dropDatabase } from '../src/db/admin.ts';
import { openDatabase } from '../src/db/index.ts';
import { migrate } from '../src/db/migrate.ts';
import { hashToken } from '../src/identity/sessions.ts';
import { seedPostings } from '../src/jobs/seed-demo.ts';
import { candidateKeys, narrowKeys, recommend } from '../src/market/recommend.ts';
import { createMarketStore } from '../src/market/store.ts';
import { httpOk, waitFor } from '../src/ops/wait.ts';
import { OCCUPATIONS } from '../src/reference/occupations.ts';
import { SIGUNGU } from '../src/reference/regions.ts';
import { seoulToday } from '../src/shared/dates.ts';
import { publishTable } from './report.ts';

assertNodeVersion();
const URL_ = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ilteo_bench_market';
const POSTINGS = Number(process.env.BENCH_POSTINGS ?? 1_000_000);
const SEEKERS = Number(process.env.BENCH_SEEKERS ?? 200_000);
const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 2_000_000);
const REUSE = process.env.BENCH_REUSE === '1';
const PORT = Number(process.env.BENCH_PORT ?? 23400);
const BURST = 2_000;
const HOT = 5_000;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN;
};
const fmt = (xs: number[]) => `${pct(xs, 50).toFixed(1)} / ${pct(xs, 95).toFixed(1)} / ${pct(xs, 99).toFixed(1)}`;

async function seed() {
  const server = URL_.replace(/\/[^/?]+(\?.*)?$/, '/postgres');
  const name = /\/([^/?]+)(\?.*)?$/.exec(URL_)?.[1] ?? 'ilteo_bench_market';
  if (!REUSE) await dropDatabase(server, name).catch(() => {});
  await createDatabase(URL_);
  const database = await openDatabase({ kind: 'postgres', url: URL_ });
  await migrate(database);
  const count = async (q: ReturnType<typeof sql>) => (await database.query<{ n: number }>(q))[0]?.n ?? 0;
  const started = performance.now();
  // Each stage is skipped when a reused database already has it.
  if ((await count(sql`SELECT count(*)::int AS n FROM postings`)) < POSTINGS)
    await seedPostings(database, { count: POSTINGS, reset: true, log: (m) => console.error(m) });
  if ((await count(sql`SELECT count(*)::int AS n FROM applications`)) >= APPLICATIONS * 0.99) return database;
  if ((await count(sql`SELECT count(*)::int AS n FROM accounts`)) > 0)
    throw new Error(
      'The reused database has people but not all applications: drop ilteo_bench_market and run again without BENCH_REUSE.',
    );
  // Level-3 codes and 시군구 that postings actually use, so seekers' wishes meet real postings.
  const occupations = `{${OCCUPATIONS.filter((o) => o.level === 3)
    .map((o) => o.code)
    .join(',')}}`;
  const regions = `{${SIGUNGU.map((s) => s.code).join(',')}}`;
  const occupationCount = OCCUPATIONS.filter((o) => o.level === 3).length;
  const regionCount = SIGUNGU.length;
  await database.query(
    sql`INSERT INTO accounts (kind, login_id, name, email, centre_code)
        SELECT 'seeker', 'm' || lpad(g::text, 7, '0'), '구직자' || g, NULL, 'seoul' FROM generate_series(1, ${SEEKERS}) g`,
  );
  await database.query(
    sql`INSERT INTO job_seeker_profiles (account_id, occupations, regions, wage_monthly, emp_type)
        SELECT a.id, ARRAY[(${occupations}::text[])[1 + (a.id * 7) % ${occupationCount}], (${occupations}::text[])[1 + (a.id * 13) % ${occupationCount}]],
               ARRAY[(${regions}::text[])[1 + (a.id * 11) % ${regionCount}]], 2000000 + (a.id % 20) * 100000, ''
        FROM accounts a WHERE a.kind = 'seeker'`,
  );
  await database.query(
    sql`INSERT INTO resumes (owner_id, title, education, careers, is_public)
        SELECT a.id, '이력서 ' || a.id, (ARRAY['03','04','05','06'])[1 + a.id % 4],
               jsonb_build_array(jsonb_build_object('company', '(주)회사', 'role', '업무', 'from', '2020-01', 'to', '')), a.id % 3 = 0
        FROM accounts a WHERE a.kind = 'seeker'`,
  );
  const [range] = await database.query<{ lo: number; hi: number }>(
    sql`SELECT min(id)::int AS lo, max(id)::int AS hi FROM postings`,
  );
  const lo = range?.lo ?? 1;
  const span = (range?.hi ?? 1) - lo + 1;
  const perSeeker = Math.max(1, Math.ceil((APPLICATIONS - HOT) / SEEKERS));
  const [ids] = await database.query<{ lo: number; hi: number }>(
    sql`SELECT min(id)::int AS lo, max(id)::int AS hi FROM resumes`,
  );
  // In slices: one statement per 10,000 resumes stays well inside the write deadline.
  for (let from = ids?.lo ?? 1; from <= (ids?.hi ?? 0); from += 10_000)
    await database.query(
      sql`INSERT INTO applications (posting_id, applicant_id, resume_id, idempotency_key, status, applied_at)
          SELECT ${lo} + ((r.owner_id * 7919 + k * 104729) % ${span}), r.owner_id, r.id, 'b-' || r.id || '-' || k,
                 (ARRAY['received','viewed','passed','rejected'])[1 + (r.id + k) % 4], now() - ((k * 37 % 60) || ' days')::interval
          FROM resumes r CROSS JOIN generate_series(1, ${perSeeker}) k
          WHERE r.id >= ${from} AND r.id < ${from + 10_000}
          ON CONFLICT DO NOTHING`,
    );
  // The hot posting: 5,000 applicants.
  await database.query(
    sql`INSERT INTO applications (posting_id, applicant_id, resume_id, idempotency_key)
        SELECT ${lo}, r.owner_id, r.id, 'hot-' || r.id FROM resumes r ORDER BY r.id LIMIT ${HOT}
        ON CONFLICT DO NOTHING`,
  );
  await database.query(sql`ANALYZE`);
  console.error(`seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return database;
}

async function main(): Promise<void> {
  const database = await seed();
  const market = createMarketStore(database);
  const today = seoulToday();
  const [counts] = await database.query<{ postings: number; seekers: number; applications: number }>(
    sql`SELECT (SELECT count(*)::int FROM postings) AS postings, (SELECT count(*)::int FROM accounts WHERE kind = 'seeker') AS seekers,
               (SELECT count(*)::int FROM applications) AS applications`,
  );
  const seekers = await database.query<{ id: number }>(
    sql`SELECT id::int AS id FROM accounts WHERE kind = 'seeker' ORDER BY random() LIMIT 500`,
  );

  // 1 + 4: recommendations, their latency and quality.
  const recMs: number[] = [];
  let hitsRec = 0;
  let hitsNewestNear = 0;
  let hitsNewest = 0;
  let counted = 0;
  const newestOverall = await database.query<{ jobsCd: string; regionCd: string }>(
    sql`SELECT jobs_cd AS "jobsCd", region_cd AS "regionCd" FROM postings WHERE status = 'open' ORDER BY reg_dt DESC, id DESC LIMIT 10`,
  );
  const relevant = (p: { jobsCd: string; regionCd: string }, w: { occupations: string[]; regions: string[] }) =>
    w.occupations.includes(p.jobsCd) && w.regions.some((r) => r.slice(0, 2) === p.regionCd.slice(0, 2));
  for (const s of seekers) {
    const profile = await market.profile(s.id);
    if (!profile) continue;
    const wishes = {
      occupations: profile.occupations,
      regions: profile.regions,
      wageMonthly: profile.wageMonthly,
      careerMonths: 60,
      education: '05',
    };
    const t0 = performance.now();
    const candidates = await market.recommendationCandidates(
      narrowKeys(wishes),
      candidateKeys(wishes),
      profile.empType,
    );
    const ranked = recommend(wishes, candidates, today, 10);
    recMs.push(performance.now() - t0);
    counted++;
    hitsRec += ranked.filter((r) => relevant(r.posting, wishes)).length;
    hitsNewestNear += candidates.slice(0, 10).filter((c) => relevant(c, wishes)).length;
    hitsNewest += newestOverall.filter((c) => relevant(c, wishes)).length;
  }

  // 2: the 5,000-applicant posting.
  const [hot] = await database.query<{ wantedAuthNo: string; companyId: number; n: number }>(
    sql`SELECT p.wanted_auth_no AS "wantedAuthNo", p.company_id::int AS "companyId", count(a.id)::int AS n
        FROM postings p JOIN applications a ON a.posting_id = p.id GROUP BY p.id ORDER BY n DESC LIMIT 1`,
  );
  const listMs: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await market.applicants(hot?.companyId ?? 0, hot?.wantedAuthNo ?? '');
    listMs.push(performance.now() - t0);
  }

  // 3: a burst of 2,000 applications to one open posting, through HTTP.
  // The burst goes to the newest open posting, emptied of its seeded applications first.
  const [target] = await database.query<{ id: number; wantedAuthNo: string }>(
    sql`SELECT id::int AS id, wanted_auth_no AS "wantedAuthNo" FROM postings WHERE status = 'open' ORDER BY reg_dt DESC, id DESC LIMIT 1`,
  );
  await database.query(
    sql`DELETE FROM application_events WHERE application_id IN (SELECT id FROM applications WHERE posting_id = ${target?.id ?? 0})`,
  );
  await database.query(sql`DELETE FROM applications WHERE posting_id = ${target?.id ?? 0}`);
  const burstSeekers = await database.query<{ id: number; resumeId: number }>(
    sql`SELECT r.owner_id::int AS id, r.id::int AS "resumeId" FROM resumes r ORDER BY r.id DESC LIMIT ${BURST}`,
  );
  const tokens = burstSeekers.map(() => randomBytes(32).toString('base64url'));
  const expires = new Date(Date.now() + 3_600_000).toISOString();
  for (let i = 0; i < burstSeekers.length; i += 1000)
    await database.query(
      sql`INSERT INTO sessions (id_hash, account_id, method, expires_at, ip) VALUES ${sql.join(
        burstSeekers
          .slice(i, i + 1000)
          .map((s, j) => sql`(${hashToken(tokens[i + j] as string)}, ${s.id}, 'password', ${expires}, '127.0.0.1')`),
        sql`, `,
      )}`,
    );
  const app = spawn(process.execPath, ['src/cli.ts', 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: URL_,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ILTEO_RATE_LIMIT_PER_MINUTE: '0',
      ILTEO_ALERTS_SECONDS: '0',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${PORT}`;
  const burstMs: number[] = [];
  let errors = 0;
  let started = 0;
  try {
    await waitFor('Ilteo', () => httpOk(`${base}/healthz`), 60_000);
    // Each seeker opens the form first (CSRF token, key); then all click within 10 s.
    const forms = await Promise.all(
      burstSeekers.map(async (s, i) => {
        const cookie = `ilteo_session=${tokens[i]}`;
        const page = await fetch(`${base}/jobs/${target?.wantedAuthNo}/apply`, { headers: { cookie } });
        const html = await page.text();
        const csrfCookie = (page.headers.getSetCookie?.() ?? [])
          .map((c) => c.split(';')[0])
          .find((c) => c?.startsWith('ilteo_csrf='));
        return {
          cookie: [cookie, csrfCookie].filter(Boolean).join('; '),
          body: new URLSearchParams({
            _csrf: /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '',
            idempotencyKey: /name="idempotencyKey" value="([^"]+)"/.exec(html)?.[1] ?? randomUUID(),
            resumeId: String(s.resumeId),
          }).toString(),
        };
      }),
    );
    started = performance.now();
    const runs = forms.map(async (f, i) => {
      await new Promise((r) => setTimeout(r, (i * 10_000) / BURST));
      const send = async () => {
        const t0 = performance.now();
        const r = await fetch(`${base}/jobs/${target?.wantedAuthNo}/apply`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: f.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          body: f.body,
        });
        await r.arrayBuffer();
        burstMs.push(performance.now() - t0);
        if (r.status !== 303) {
          if (errors === 0) console.error(`first error: ${r.status} ${r.headers.get('location') ?? ''}`);
          errors++;
        }
      };
      await send();
      if (i % 10 === 0) await send();
    });
    await Promise.all(runs);
  } finally {
    app.kill('SIGTERM');
  }
  const burstSeconds = (performance.now() - started) / 1000;
  const [stored] = await database.query<{ n: number; distinct: number }>(
    sql`SELECT count(*)::int AS n, count(DISTINCT applicant_id)::int AS distinct FROM applications WHERE posting_id = ${target?.id ?? 0}`,
  );
  await database.close();

  const table = [
    `측정: ${today}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'CPU'}), PostgreSQL 15 (127.0.0.1), Node ${process.versions.node}.`,
    `채용공고 ${counts?.postings.toLocaleString()}건, 구직자 ${counts?.seekers.toLocaleString()}명 (구직신청·이력서), 입사지원 ${counts?.applications.toLocaleString()}건.`,
    '',
    '| 측정 | 결과 | 목표 |',
    '|---|---:|:---:|',
    `| 맞춤 채용정보 (${counted}명, in-process) p50 / p95 / p99 | ${fmt(recMs)} ms | ${pct(recMs, 95) <= 100 ? '✅' : '❌'} p95 ≤ 100 ms |`,
    `| 지원자 목록 (지원자 ${hot?.n.toLocaleString()}명인 공고, 첫 200명) p50 / p95 / p99 | ${fmt(listMs)} ms | ${pct(listMs, 95) <= 50 ? '✅' : '❌'} p95 ≤ 50 ms |`,
    `| 한 공고에 ${BURST.toLocaleString()}명 지원 (${burstSeconds.toFixed(1)} s, 10명 중 1명은 두 번 클릭) HTTP p50 / p95 / p99 | ${fmt(burstMs)} ms | |`,
    `| └ 오류 / 저장된 지원 / 중복 | ${errors} / ${stored?.n.toLocaleString()} / ${(stored?.n ?? 0) - (stored?.distinct ?? 0)} | ${errors === 0 && stored?.n === BURST && stored.n === stored.distinct ? '✅' : '❌'} |`,
    `| 추천 품질 precision@10 (희망직종 일치 + 희망 시도) | 맞춤 ${(hitsRec / (counted * 10)).toFixed(3)} · 같은 후보의 최신순 ${(hitsNewestNear / (counted * 10)).toFixed(3)} · 전체 최신순 ${(hitsNewest / (counted * 10)).toFixed(3)} | |`,
  ].join('\n');
  await publishTable('market', 'market.md', table);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
