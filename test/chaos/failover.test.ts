/**
 * Chaos suite: the service on the real two-node Patroni cluster, under mixed HTTP load (searches and
 * idempotent writes), while database nodes are killed. Checked from the database afterwards, like
 * Jepsen: every write the API acknowledged is present exactly once; no read failed; no write failed
 * except with the documented 503. Prints the write outage measured per scenario.
 *
 * `npm run test:chaos` (also run by .ci/run). Starts the cluster itself (src/ops/cluster.ts) when it is
 * not running, and stops what it started.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createDatabase, dropDatabase } from '../../src/db/admin.ts';
import { type Database, openDatabase } from '../../src/db/index.ts';
import { migrate } from '../../src/db/migrate.ts';
import { insertPostings } from '../../src/jobs/store.ts';
import * as cluster from '../../src/ops/cluster.ts';
import { makePosting } from '../support/postings.ts';

const layout = cluster.DEFAULT_LAYOUT;
const DB = 'ilteo_chaos';
const URL_ = cluster.clusterUrl(layout, DB);

interface Outcome {
  at: number;
  /** When the answer (or the failure) came. */
  done: number;
  ok: boolean;
  status: number;
  code?: string;
}

class Load {
  readonly acknowledged = new Map<string, number>(); // idempotency key → report id
  readonly writes: Outcome[] = [];
  readonly reads: Outcome[] = [];
  private running = true;
  private loops: Promise<void>[] = [];
  private readonly base: string;
  constructor(base: string) {
    this.base = base;
  }

  start(writers = 4, readers = 2): void {
    for (let i = 0; i < writers; i++) this.loops.push(this.writer());
    for (let i = 0; i < readers; i++) this.loops.push(this.reader());
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async writer(): Promise<void> {
    while (this.running) {
      const key = randomUUID();
      // A client retries a write that got no answer with the same key, as browsers and apps should.
      for (let attempt = 0; attempt < 3; attempt++) {
        const started = performance.now();
        try {
          const res = await fetch(`${this.base}/api/v1/postings/KC1/reports`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': key },
            body: JSON.stringify({ reason: 'fee', detail: `chaos ${key}` }),
            signal: AbortSignal.timeout(30_000),
          });
          const body = (await res.json()) as { id?: number; error?: { code: string } };
          this.writes.push({
            at: started,
            done: performance.now(),
            ok: res.ok,
            status: res.status,
            code: body.error?.code,
          });
          if (res.ok && body.id !== undefined) this.acknowledged.set(key, body.id);
          break;
        } catch {
          this.writes.push({ at: started, done: performance.now(), ok: false, status: 0, code: 'NO_ANSWER' });
        }
      }
    }
  }

  private async reader(): Promise<void> {
    const queries = ['q=%EA%B0%9C%EB%B0%9C', 'q=%EB%AC%BC%EB%A5%98', 'region=11000', ''];
    let n = 0;
    while (this.running) {
      const started = performance.now();
      try {
        const res = await fetch(`${this.base}/api/v1/postings?${queries[n++ % queries.length]}`, {
          signal: AbortSignal.timeout(30_000),
        });
        await res.arrayBuffer();
        this.reads.push({ at: started, done: performance.now(), ok: res.ok, status: res.status });
      } catch {
        this.reads.push({ at: started, done: performance.now(), ok: false, status: 0 });
      }
    }
  }

  /** Longest time after `since` in which no write was acknowledged (gap between acknowledgements). */
  writeOutageMs(since: number): number {
    const ok = this.writes.filter((w) => w.ok && w.done >= since).map((w) => w.done);
    let worst = 0;
    let prev = since;
    for (const t of ok.sort((a, b) => a - b)) {
      worst = Math.max(worst, t - prev);
      prev = t;
    }
    return worst;
  }
}

describe('losing a database node costs users nothing', { timeout: 600_000 }, () => {
  let startedCluster = false;
  let database: Database;
  let app: FastifyInstance;
  let load: Load;
  const outages: Record<string, number> = {};

  before(async () => {
    if (!(await cluster.isHealthy(layout))) {
      await cluster.up(layout);
      startedCluster = true;
    }
    await dropDatabase(URL_, DB);
    await createDatabase(URL_);
    // The standby replays CREATE DATABASE a moment after the primary commits it.
    for (let i = 0; ; i++) {
      try {
        database = await openDatabase({ kind: 'postgres', url: URL_ }, { applicationName: 'ilteo-chaos' });
        break;
      } catch (err) {
        if (i >= 50) throw err;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    await migrate(database);
    await insertPostings(database, [
      makePosting({ wantedAuthNo: 'KC1', title: '개발자 모집', closeDt: null }),
      makePosting({ wantedAuthNo: 'KC2', title: '물류센터 상하차', regionCd: '11680', closeDt: null }),
    ]);
    app = await buildApp({ config: loadConfig({ LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? 'silent' }), database });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    load = new Load(address);
    load.start();
  });

  after(async () => {
    await load?.stop();
    await app?.close();
    await database?.close();
    if (startedCluster) await cluster.killAll(layout);
    const lines = Object.entries(outages).map(([k, ms]) => `  ${k}: ${(ms / 1000).toFixed(1)} s`);
    if (lines.length)
      console.log(`write outage per scenario (longest gap between acknowledged writes):\n${lines.join('\n')}`);
  });

  const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

  async function scenario(name: string, fault: () => Promise<void>) {
    await cluster.waitHealthy(layout, 120_000);
    await settle(1_500);
    const since = performance.now();
    await fault();
    await cluster.waitHealthy(layout, 120_000).catch(() => {});
    await settle(3_000);
    outages[name] = load.writeOutageMs(since);
  }

  it('kill -9 of the primary postgres', async () => {
    const p = await cluster.primaryIndex(layout);
    assert.notEqual(p, undefined);
    await scenario('primary postgres killed', async () => {
      assert.ok(await cluster.killPostgres(layout, p as cluster.NodeIndex), 'postmaster killed');
    });
    // Patroni either promotes the standby or (crash recovery won the race) restarts the old primary.
  });

  it('kill -9 of the whole primary node (Patroni + postgres), then it rejoins as standby', async () => {
    const p = (await cluster.primaryIndex(layout)) as cluster.NodeIndex;
    await scenario('primary node killed', async () => {
      await cluster.killNode(layout, p);
      await settle(12_000); // the standby takes over alone
      await cluster.startNode(layout, p);
    });
    const states = await cluster.clusterState(layout);
    assert.equal(states[p]?.role, 'replica', `${cluster.nodeName(p)} rejoined as a standby`);
  });

  it('graceful stop of the standby, then start', async () => {
    const p = (await cluster.primaryIndex(layout)) as cluster.NodeIndex;
    const standby = (1 - p) as cluster.NodeIndex;
    await scenario('standby stopped', async () => {
      await cluster.stopNode(layout, standby);
      await settle(5_000);
      await cluster.startNode(layout, standby);
    });
  });

  it('every acknowledged write is stored exactly once; no read failed; writes failed only with 503', async () => {
    await load.stop();
    const keys = [...load.acknowledged.keys()];
    assert.ok(keys.length > 50, `only ${keys.length} writes were acknowledged`);
    const rows = await database.query<{ key: string; id: number }>(
      sql`SELECT idempotency_key AS key, id::int AS id FROM posting_reports WHERE idempotency_key = ANY(${sql`ARRAY[${sql.join(
        keys.map((k) => sql`${k}`),
        sql`, `,
      )}]::text[]`})`,
    );
    const stored = new Map<string, number[]>();
    for (const r of rows) stored.set(r.key, [...(stored.get(r.key) ?? []), r.id]);
    const lost = keys.filter((k) => !stored.has(k));
    const doubled = [...stored.entries()].filter(([, ids]) => ids.length > 1);
    const mismatched = keys.filter((k) => stored.get(k)?.[0] !== load.acknowledged.get(k));
    assert.deepEqual(lost, [], 'acknowledged writes lost');
    assert.deepEqual(doubled, [], 'writes stored twice');
    assert.deepEqual(mismatched, [], 'acknowledged id differs from the stored one');

    const failedReads = load.reads.filter((r) => !r.ok);
    assert.equal(failedReads.length, 0, `failed reads: ${JSON.stringify(failedReads.slice(0, 5))}`);
    const badWrites = load.writes.filter((w) => !w.ok && !(w.status === 503 && w.code === 'DATABASE_UNAVAILABLE'));
    assert.equal(badWrites.length, 0, `writes failed otherwise than 503: ${JSON.stringify(badWrites.slice(0, 5))}`);
    console.log(
      `writes: ${load.writes.length} sent, ${keys.length} acknowledged, ${load.writes.filter((w) => w.status === 503).length} × 503; reads: ${load.reads.length}, 0 failed`,
    );
    assert.ok(await cluster.isHealthy(layout), 'cluster healthy at the end');
  });
});
