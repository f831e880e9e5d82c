/**
 * Chaos suite: the service on the real two-node Patroni cluster, two app processes behind HAProxy,
 * under mixed HTTP load (searches and idempotent writes), while database nodes and an app process
 * are killed. Checked from the database afterwards, like
 * Jepsen: every write the API acknowledged is present exactly once; no read failed; no write failed
 * except with the documented 503. Prints the write outage measured per scenario.
 *
 * `npm run test:chaos` (also run by .ci/run). Starts the cluster itself (src/ops/cluster.ts) when it is
 * not running, and stops what it started.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { koreanCalendar } from '../../src/benefits/schedule.ts';
import { createBenefitsService } from '../../src/benefits/service.ts';
import { createDatabase, dropDatabase } from '../../src/db/admin.ts';
import type { Database } from '../../src/db/index.ts';
import { migrate } from '../../src/db/migrate.ts';
import { insertPostings } from '../../src/jobs/store.ts';
import * as cluster from '../../src/ops/cluster.ts';
import { crashLines, type Fleet, startFleet } from '../../src/ops/fleet.ts';
import { waitFor } from '../../src/ops/wait.ts';
import { Load } from '../support/load.ts';
import { makePosting } from '../support/postings.ts';
import { KINDS, prepareSignedInLoad, SignedInLoad } from '../support/signed-in-load.ts';

const layout = cluster.DEFAULT_LAYOUT;
const DB = 'ilteo_chaos';
const URL_ = cluster.clusterUrl(layout, DB);

describe('losing a database node costs users nothing', { timeout: 600_000 }, () => {
  let startedCluster = false;
  let database: Database;
  let fleet: Fleet;
  let load: Load;
  let signedIn: SignedInLoad;
  const outages: Record<string, number> = {};

  before(async () => {
    if (!(await cluster.isHealthy(layout))) {
      await cluster.up(layout);
      startedCluster = true;
    }
    await dropDatabase(URL_, DB);
    await createDatabase(URL_);
    database = await cluster.openCreatedDatabase(URL_, 'ilteo-chaos');
    await migrate(database);
    await insertPostings(database, [
      makePosting({ wantedAuthNo: 'KC1', title: '개발자 모집', closeDt: null }),
      makePosting({ wantedAuthNo: 'KC2', title: '물류센터 상하차', regionCd: '11680', closeDt: null }),
    ]);
    // Two app processes behind HAProxy, as in production.
    fleet = await startFleet({
      dir: path.join(layout.dir, 'fleet'),
      databaseUrl: URL_,
      port: 23000,
      appPorts: [23001, 23002],
      logLevel: process.env.CHAOS_LOG_LEVEL ?? 'warn',
      // One machine plays many citizens here: no per-IP request limit.
      env: { ILTEO_RATE_LIMIT_PER_MINUTE: '0' },
    });
    load = new Load(fleet.url);
    load.start();
    // Signed-in writes of four kinds beside the reports: saved search, saved posting, 입사지원, a
    // counsellor's decision note — each kind by its own person, through HAProxy.
    const benefits = createBenefitsService({ database, calendar: koreanCalendar(), now: () => new Date() });
    signedIn = new SignedInLoad(fleet.url, await prepareSignedInLoad(database, benefits, { postings: 6_000 }));
    await signedIn.start();
  });

  after(async () => {
    await load?.stop();
    await signedIn?.stop();
    await fleet?.stop();
    const crashes = await crashLines(path.join(layout.dir, 'fleet'));
    if (crashes.length) console.log(`app processes wrote outside their logs:\n${crashes.join('\n')}`);
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
    await settle(5_000); // longer than Patroni takes to notice, so "healthy" below is after the fault
    await cluster.waitHealthy(layout, 120_000);
    await load.writesResumeAfter(performance.now(), 60_000);
    outages[name] = load.writeOutageMs(since, performance.now());
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

  it('kill -9 of one app process, then it starts again', async () => {
    await scenario('app process killed', async () => {
      fleet.killApp(0);
      await settle(3_000);
      await fleet.startApp(0);
    });
    assert.equal(fleet.pids().filter(Boolean).length, 2, 'both app processes run');
  });

  it('kill -9 of an app process in the middle of a POST of each kind, then it starts again', async () => {
    // Killed while a write of that kind is on the wire (it may be on either process: each kind is tried
    // twice, so its requests are caught on the killed one too). HAProxy re-sends a request whose process
    // died without answering to the other, with the same key.
    for (const kind of KINDS) {
      for (let round = 0; round < 2; round++) {
        await waitFor(`a ${kind} write on the wire`, async () => signedIn.inFlight.has(kind), 30_000, 1);
        fleet.killApp(0);
        await settle(1_500);
        await fleet.startApp(0);
        await settle(1_000);
      }
    }
    assert.equal(fleet.pids().filter(Boolean).length, 2, 'both app processes run');
  });

  it('no primary at all (etcd lost): reads go on from the standbys, writes answer 503, then recover', async () => {
    await cluster.waitHealthy(layout, 120_000);
    await settle(1_500);
    const since = performance.now();
    assert.ok(await cluster.killEtcd(layout), 'etcd killed');
    // Patroni demotes the primary once it cannot reach its store (within ttl).
    await waitFor('no primary', async () => (await cluster.primaryIndex(layout)) === undefined, 60_000);
    await settle(25_000); // longer than the 20 s write deadline: writes in this window must end in 503
    const unavailableBefore = load.writes.filter((w) => w.status === 503).length;
    await cluster.startEtcd(layout);
    await cluster.waitHealthy(layout, 120_000);
    await load.writesResumeAfter(performance.now(), 60_000);
    outages['no primary (etcd killed, 25 s)'] = load.writeOutageMs(since, performance.now());
    assert.ok(unavailableBefore > 0, 'writes without a primary were answered 503 within their deadline');
  });

  it('every acknowledged write is stored exactly once; no read failed; writes failed only with 503', async () => {
    await load.stop();
    await signedIn.stop();
    // A 입사지원 answered 접수됨 during the no-primary window waits in an app server's journal until
    // replay (every 2 s once a primary answers): give it that time before counting it lost.
    let kinds = await signedIn.verify(database);
    const until = performance.now() + 60_000;
    while (KINDS.some((k) => kinds[k].lost.length > 0) && performance.now() < until) {
      await settle(2_000);
      kinds = await signedIn.verify(database);
    }
    for (const kind of KINDS) {
      const k = kinds[kind];
      console.log(
        `${kind}: ${k.sent} sent, ${k.acknowledged} acknowledged (${k.journaled} 접수됨 into a journal), ${k.unavailable} × 503, ${k.unanswered} unanswered; lost ${k.lost.length}, duplicated ${k.duplicated.length}, applied after 503 ${k.appliedAfter503.length}`,
      );
      assert.ok(k.acknowledged > 10, `${kind}: only ${k.acknowledged} acknowledged`);
      assert.deepEqual(k.lost, [], `${kind}: acknowledged writes lost`);
      assert.deepEqual(k.duplicated, [], `${kind}: writes stored twice`);
      assert.deepEqual(k.appliedAfter503, [], `${kind}: applied after a 503`);
      assert.deepEqual(k.failed, [], `${kind}: writes failed otherwise than 503`);
    }
    const v = await load.verify(database);
    assert.ok(v.acknowledged > 50, `only ${v.acknowledged} writes were acknowledged`);
    assert.deepEqual(v.lost, [], 'acknowledged writes lost');
    assert.deepEqual(v.doubled, [], 'writes stored twice');
    assert.deepEqual(v.mismatched, [], 'acknowledged id differs from the stored one');
    assert.deepEqual(v.appliedAfter503, [], 'reports answered 503 ("not written") were stored');
    assert.equal(v.failedReads.length, 0, `failed reads: ${JSON.stringify(v.failedReads.slice(0, 5))}`);
    assert.equal(v.badWrites.length, 0, `writes failed otherwise than 503: ${JSON.stringify(v.badWrites.slice(0, 5))}`);
    console.log(
      `writes: ${v.writes} sent, ${v.acknowledged} acknowledged, ${v.unavailable} × 503 (${v.gaveUp} given up, applied after 503 ${v.appliedAfter503.length}), ${v.unknownRetried} × "not known yet" sent again; reads: ${v.reads}, 0 failed`,
    );
    // After the last scenario the sync standby may still be re-attaching: healthy again within a minute.
    await assert.doesNotReject(cluster.waitHealthy(layout, 60_000), 'cluster healthy at the end');
  });
});
