/**
 * npm run bench:failover — how long writes stop when the primary is lost, under load.
 *
 * On the local two-node Patroni cluster (started if needed), with two app processes behind HAProxy and
 * mixed HTTP load (4 writers filing idempotent reports, 2 readers searching 20,000 postings), kills the
 * current primary BENCH_KILLS times (default 10) of each kind:
 * - postgres: kill -9 of the primary's postmaster (Patroni stays up);
 * - node: kill -9 of the primary's Patroni and postmaster together; the node is started again
 *   afterwards and rejoins as a standby before the next kill.
 * Reports per kind the write outage (longest time without an acknowledged write) p50/p95/max, read
 * latency during the outage, failed requests, and, at the end, acknowledged writes lost or doubled
 * (checked in the database). Beside the reports, four signed-in people write all along — a saved
 * search, a saved posting, a 입사지원, a counsellor's decision note (test/support/signed-in-load.ts) —
 * and a second table gives per kind: sent, acknowledged, 503, unanswered, lost, duplicated, applied
 * after a 503. A third table gives how fast the status page showed each fault with the shipped settings
 * (both app processes' /status.json, polled every 200 ms), how fast it showed the recovery, and how many
 * write pauses reached the outage register (issue 21). --write-readme replaces the tables between the
 * bench:failover markers.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { koreanCalendar } from '../src/benefits/schedule.ts';
import { createBenefitsService } from '../src/benefits/service.ts';
import { assertNodeVersion } from '../src/config/index.ts';
import { createDatabase, dropDatabase } from '../src/db/admin.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedPostings } from '../src/jobs/seed-demo.ts';
import * as cluster from '../src/ops/cluster.ts';
import { startFleet } from '../src/ops/fleet.ts';
import { Load } from '../test/support/load.ts';
import { KINDS, prepareSignedInLoad, SignedInLoad } from '../test/support/signed-in-load.ts';
import { percentile, publishTable } from './report.ts';

assertNodeVersion();
const KILLS = Number(process.env.BENCH_KILLS ?? 10);
const DB = 'ilteo_failover_bench';
const layout = cluster.DEFAULT_LAYOUT;
const URL_ = cluster.clusterUrl(layout, DB);
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Kind = 'postgres' | 'node';
interface Sample {
  outageMs: number;
  readLatencies: number[];
  /** From the kill until both app processes' /status showed the database not 정상; null: never (15 s). */
  detectedMs: number | null;
}

const APP_PORTS = [23101, 23102] as const;

/** The database component's state on each app process, asked directly (not through HAProxy). */
async function databaseStates(): Promise<string[]> {
  return Promise.all(
    APP_PORTS.map(async (port) => {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/status.json`, { signal: AbortSignal.timeout(2_000) });
        const body = (await res.json()) as { components: { id: string; state: string }[] };
        return body.components.find((c) => c.id === 'database')?.state ?? 'unknown';
      } catch {
        return 'no-answer';
      }
    }),
  );
}

/** Ms from `from` until every app process's database state passes `want` (polled every 200 ms), or null. */
async function shownWithin(want: (state: string) => boolean, from: number, timeoutMs: number): Promise<number | null> {
  while (performance.now() - from < timeoutMs) {
    if ((await databaseStates()).every(want)) return performance.now() - from;
    await settle(200);
  }
  return null;
}

async function main() {
  const startedCluster = !(await cluster.isHealthy(layout));
  if (startedCluster) await cluster.up(layout, (m) => console.error(m));
  await dropDatabase(URL_, DB);
  await createDatabase(URL_);
  const database = await cluster.openCreatedDatabase(URL_, 'ilteo-bench');
  await migrate(database);
  await seedPostings(database, { count: 20_000 });

  const fleet = await startFleet({
    dir: path.join(layout.dir, 'bench-fleet'),
    databaseUrl: URL_,
    port: 23100,
    appPorts: [23101, 23102],
    // One machine plays many citizens here: no per-IP request limit.
    env: { ILTEO_RATE_LIMIT_PER_MINUTE: '0' },
  });
  const [first] = await database.query<{ id: string }>(sql`SELECT wanted_auth_no AS id FROM postings LIMIT 1`);
  const load = new Load(fleet.url, first?.id);
  load.start();
  const benefits = createBenefitsService({ database, calendar: koreanCalendar(), now: () => new Date() });
  const signedIn = new SignedInLoad(fleet.url, await prepareSignedInLoad(database, benefits, { postings: 20_000 }));
  await signedIn.start();
  const samples: Record<Kind, Sample[]> = { postgres: [], node: [] };
  /** After each fault, from the cluster healthy again until both app processes showed 정상 (null: not in 30 s). */
  const recoveries: Record<Kind, (number | null)[]> = { postgres: [], node: [] };
  const operational = (s: string) => s === 'operational';
  const pauseCount = async () =>
    (
      await database.query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM incidents WHERE dedupe_key LIKE 'write-pause@%'`,
      )
    )[0]?.n ?? 0;
  const pausesRecorded: Record<Kind, number> = { postgres: 0, node: 0 };
  try {
    await cluster.waitHealthy(layout, 120_000);
    await shownWithin(operational, performance.now(), 60_000);
    for (const kind of ['postgres', 'node'] as const) {
      const pausesAtStart = await pauseCount();
      for (let i = 1; i <= KILLS; i++) {
        await cluster.waitHealthy(layout, 120_000);
        if (i > 1) recoveries[kind].push(await shownWithin(operational, performance.now(), 30_000));
        await settle(2_000);
        const p = (await cluster.primaryIndex(layout)) as cluster.NodeIndex;
        const since = performance.now();
        if (kind === 'postgres') await cluster.killPostgres(layout, p);
        else await cluster.killNode(layout, p);
        // Detection runs beside the write outage: a fault shorter than the monitors' confirmation may
        // never show (that is counted, not hidden).
        const detected = shownWithin((s) => !operational(s) && s !== 'no-answer', since, 15_000);
        await settle(5_000); // longer than Patroni takes to notice the loss
        await load.writesResumeAfter(performance.now(), 60_000);
        const back = performance.now();
        const outageMs = load.writeOutageMs(since, back);
        const detectedMs = await detected;
        samples[kind].push({ outageMs, readLatencies: load.readLatenciesMs(since, back), detectedMs });
        console.error(
          `${kind} kill ${i}/${KILLS}: write outage ${(outageMs / 1000).toFixed(1)} s, on /status after ${detectedMs === null ? '(not shown)' : `${(detectedMs / 1000).toFixed(1)} s`}`,
        );
        if (kind === 'node') await cluster.startNode(layout, p);
      }
      await cluster.waitHealthy(layout, 120_000);
      recoveries[kind].push(await shownWithin(operational, performance.now(), 30_000));
      // The leader writes a pause when a primary answers again: give it a few passes.
      await settle(6_000);
      pausesRecorded[kind] = (await pauseCount()) - pausesAtStart;
    }
  } finally {
    await load.stop();
    await signedIn.stop();
    await fleet.stop();
  }

  const check = await load.verify(database);
  // The environment line is read from the machine, not typed.
  const [version] = await database.query<{ v: string }>(sql`SELECT current_setting('server_version') AS v`);
  const environment = {
    postgres: version?.v.split(' ')[0] ?? '?',
    patroni: execFileSync('patroni', ['--version'], { encoding: 'utf8' }).trim(),
  };
  // 입사지원 answered 접수됨 while no primary answered waits in a journal until replay: give it time.
  let kinds = await signedIn.verify(database);
  for (let i = 0; i < 30 && KINDS.some((k) => kinds[k].lost.length > 0); i++) {
    await settle(2_000);
    kinds = await signedIn.verify(database);
  }
  await database.close();
  if (startedCluster) await cluster.killAll(layout);

  const f = (ms: number) => (ms / 1000).toFixed(1);
  const rows = (['postgres', 'node'] as const).map((kind) => {
    const outages = samples[kind].map((s) => s.outageMs);
    const reads = samples[kind].flatMap((s) => s.readLatencies);
    const label = kind === 'postgres' ? 'primary postgres kill -9' : 'primary node kill -9 (Patroni + postgres)';
    const goal = kind === 'postgres' ? 4_000 : 10_000;
    return `| ${label} | ${outages.length} | ${f(percentile(outages, 50))} / ${f(percentile(outages, 95))} / ${f(Math.max(...outages))} | ${Math.round(percentile(reads, 50))} / ${Math.round(percentile(reads, 95))} / ${Math.round(Math.max(...reads))} | ${percentile(outages, 50) <= goal ? '✅' : '❌'} ≤ ${goal / 1000} s |`;
  });
  const secs = (values: (number | null)[]) => {
    const seen = values.filter((v): v is number => v !== null);
    return seen.length === 0 ? '-' : `${f(percentile(seen, 50))} / ${f(Math.max(...seen))}`;
  };
  const detectionRows = (['postgres', 'node'] as const).map((kind) => {
    const label = kind === 'postgres' ? 'primary postgres kill -9' : 'primary node kill -9 (Patroni + postgres)';
    const detected = samples[kind].map((s) => s.detectedMs);
    const missed = detected.filter((d) => d === null).length;
    const within = detected.filter((d) => d !== null && d <= 10_000).length;
    const rec = recoveries[kind];
    const recMissed = rec.filter((r) => r === null).length;
    return `| ${label} | ${detected.length} | ${secs(detected)} | ${missed} | ${within === detected.length ? '✅' : '❌'} ${within}/${detected.length} ≤ 10 s | ${secs(rec)}${recMissed ? ` (30 s 안에 못 봄 ${recMissed})` : ''} | ${pausesRecorded[kind]} |`;
  });
  const table = [
    `측정: ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'CPU'}), PostgreSQL ${environment.postgres} ×2 under ${environment.patroni} + etcd (127.0.0.1), 2 app processes behind HAProxy, Node ${process.versions.node}, 4 report writers + 2 readers + 4 signed-in writers.`,
    '',
    '| 장애 | 횟수 | 쓰기 중단 p50 / p95 / max (s) | 장애 중 읽기 p50 / p95 / max (ms) | 목표 (p50) |',
    '|---|---:|---:|---:|:---:|',
    ...rows,
    '',
    '서비스 상태 화면의 감지 (배포 기본 설정 그대로: DB 점검 2초, 연속 2번 실패로 확정): 장애를 낸 때부터 두 앱 프로세스의 `/status.json` 모두에서 데이터베이스가 정상이 아니게 될 때까지 (200 ms마다 확인, 15초까지). 복구 표시는 클러스터가 다시 정상(동기 복제)이 된 때부터 두 프로세스 모두 정상으로 보일 때까지. 쓰기 일시 중단 기록은 그 장애 종류 동안 장애 이력에 남은 "쓰기 일시 중단" 건수.',
    '',
    '| 장애 | 횟수 | 감지 p50 / max (s) | 감지 못 함 | 10초 안 | 복구 표시 p50 / max (s) | 쓰기 일시 중단 기록 |',
    '|---|---:|---:|---:|:---:|---:|---:|',
    ...detectionRows,
    '',
    '로그인한 사람의 쓰기 (종류마다 한 사람, 같은 기간 내내): 응답이 없거나 "처리 여부 미확인"(OUTCOME_UNKNOWN)이면 같은 키로 다시 보내고(최대 3번), "저장되지 않았습니다" 503이면 포기합니다.',
    '',
    '| 쓰기 | 보냄 | 확인 (그중 접수됨 202) | 503 (포기) | 응답 없음 | 유실 | 중복 | 503 뒤 적용 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...KINDS.map((kind) => {
      const k = kinds[kind];
      const label = {
        'saved-search': '저장한 검색',
        'saved-posting': '관심 채용정보',
        application: '입사지원',
        decision: '상담원 심사 메모',
      }[kind];
      return `| ${label} | ${k.sent.toLocaleString()} | ${k.acknowledged.toLocaleString()} (${k.journaled}) | ${k.unavailable} | ${k.unanswered} | ${k.lost.length} | ${k.duplicated.length} | ${k.appliedAfter503.length} |`;
    }),
    // The 4 report writers (JSON API, no sign-in) in the same columns: one write per key, its last answer counts.
    `| 허위광고 신고 (API, 로그인 없음) | ${check.keys.toLocaleString()} | ${check.acknowledged.toLocaleString()} (0) | ${check.gaveUp} | ${check.keys - check.acknowledged - check.gaveUp} | ${check.lost.length} | ${check.doubled.length} | ${check.appliedAfter503.length} |`,
    '',
    `요청 전체: 쓰기 ${check.writes.toLocaleString()}건 (확인 ${check.acknowledged.toLocaleString()}, 503 ${check.unavailable}, 처리 여부 미확인 후 같은 키로 재전송 ${check.unknownRetried}, 그 밖의 실패 ${check.badWrites.length}), 읽기 ${check.reads.toLocaleString()}건 (실패 ${check.failedReads.length}); 확인된 쓰기 중 유실 ${check.lost.length}, 중복 ${check.doubled.length}, id 불일치 ${check.mismatched.length}.`,
  ].join('\n');
  await publishTable('failover', `failover.md`, table);
  const failed =
    KINDS.reduce(
      (n, kind) =>
        n +
        kinds[kind].lost.length +
        kinds[kind].duplicated.length +
        kinds[kind].appliedAfter503.length +
        kinds[kind].failed.length,
      0,
    ) +
    check.lost.length +
    check.doubled.length +
    check.mismatched.length +
    check.appliedAfter503.length +
    check.failedReads.length +
    check.badWrites.length;
  if (failed > 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
