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
 * (checked in the database). --write-readme replaces the table between the bench:failover markers.
 */
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { assertNodeVersion } from '../src/config/index.ts';
import { createDatabase, dropDatabase } from '../src/db/admin.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedPostings } from '../src/jobs/seed-demo.ts';
import * as cluster from '../src/ops/cluster.ts';
import { startFleet } from '../src/ops/fleet.ts';
import { Load } from '../test/support/load.ts';
import { publishTable } from './report.ts';

assertNodeVersion();
const KILLS = Number(process.env.BENCH_KILLS ?? 10);
const DB = 'ilteo_failover_bench';
const layout = cluster.DEFAULT_LAYOUT;
const URL_ = cluster.clusterUrl(layout, DB);
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  return s[Math.max(0, Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1))] as number;
}

type Kind = 'postgres' | 'node';
interface Sample {
  outageMs: number;
  readLatencies: number[];
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
  const samples: Record<Kind, Sample[]> = { postgres: [], node: [] };
  try {
    for (const kind of ['postgres', 'node'] as const) {
      for (let i = 1; i <= KILLS; i++) {
        await cluster.waitHealthy(layout, 120_000);
        await settle(2_000);
        const p = (await cluster.primaryIndex(layout)) as cluster.NodeIndex;
        const since = performance.now();
        if (kind === 'postgres') await cluster.killPostgres(layout, p);
        else await cluster.killNode(layout, p);
        await settle(5_000); // longer than Patroni takes to notice the loss
        await load.writesResumeAfter(performance.now(), 60_000);
        const back = performance.now();
        const outageMs = load.writeOutageMs(since, back);
        samples[kind].push({ outageMs, readLatencies: load.readLatenciesMs(since, back) });
        console.error(`${kind} kill ${i}/${KILLS}: write outage ${(outageMs / 1000).toFixed(1)} s`);
        if (kind === 'node') await cluster.startNode(layout, p);
      }
    }
    await cluster.waitHealthy(layout, 120_000);
  } finally {
    await load.stop();
    await fleet.stop();
  }

  const check = await load.verify(database);
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
  const table = [
    `측정: ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, PostgreSQL 15 ×2 under Patroni 3.0.2 + etcd (127.0.0.1), 2 app processes behind HAProxy, 4 writers + 2 readers.`,
    '',
    '| 장애 | 횟수 | 쓰기 중단 p50 / p95 / max (s) | 장애 중 읽기 p50 / p95 / max (ms) | 목표 (p50) |',
    '|---|---:|---:|---:|:---:|',
    ...rows,
    '',
    `요청 전체: 쓰기 ${check.writes.toLocaleString()}건 (확인 ${check.acknowledged.toLocaleString()}, 503 ${check.unavailable}, 그 밖의 실패 ${check.badWrites.length}), 읽기 ${check.reads.toLocaleString()}건 (실패 ${check.failedReads.length}); 확인된 쓰기 중 유실 ${check.lost.length}, 중복 ${check.doubled.length}, id 불일치 ${check.mismatched.length}.`,
  ].join('\n');
  await publishTable('failover', `failover.md`, table);
  const failed =
    check.lost.length +
    check.doubled.length +
    check.mismatched.length +
    check.failedReads.length +
    check.badWrites.length;
  if (failed > 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
