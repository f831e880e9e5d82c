/**
 * A sign-in provider down, as two app processes on one database see it (issue 21): each takes in its
 * own provider checks, so the one that is not the leader shows the outage from its own results before
 * the leader has recorded anything (with a provisional incident that has its own page), both agree once
 * it is recorded, and the newer recovery wins the same way. A real OpenID Connect provider
 * (oidc-provider) on 127.0.0.1 is stopped and started again; passes are driven by hand on a test clock.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { demoIdpUsers, type RunningDevIdp, startDevIdp } from '../../src/identity/dev-idp.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { freePort } from '../support/idp.ts';

interface StatusJson {
  services: { id: string; state: string }[];
  components: { id: string; state: string; cause: string }[];
  incidents: { id: number; component: string; title: string; resolvedAt: string | null }[];
}

for (const kind of DRIVERS) {
  describe(`a sign-in provider outage on two app processes on ${kind}`, () => {
    let t: TestDatabase;
    let leader: FastifyInstance;
    let other: FastifyInstance;
    let idp: RunningDevIdp;
    let port: number;
    let clock = Date.parse('2026-11-30T03:00:00.000Z');
    const now = () => new Date(clock);
    const startIdp = async () => {
      idp = await startDevIdp({
        name: 'kakao',
        label: '카카오',
        host: '127.0.0.1',
        port,
        clientId: 'ilteo',
        clientSecret: 'secret-kakao',
        redirectUris: ['http://127.0.0.1:9/login/oidc/kakao/callback'],
        users: demoIdpUsers('kakao', 'pw'),
      });
    };
    /** Two provider results on this process (the registry's own second look may add a third). */
    const observe = async (app: FastifyInstance) => {
      await app.providers.check('kakao');
      await app.providers.check('kakao');
    };
    const pass = async (app: FastifyInstance) => {
      clock += 2000;
      await app.statusRunner.tick();
      await app.statusRunner.refreshSnapshot();
    };
    const status = async (app: FastifyInstance) => (await app.inject('/status.json')).json() as StatusJson;
    const login = (s: StatusJson) => s.services.find((x) => x.id === 'login')?.state;
    const kakao = (s: StatusJson) => s.components.find((c) => c.id === 'idp:kakao');

    before(async () => {
      t = await openTestDatabase(kind);
      port = await freePort();
      await startIdp();
      const config = loadConfig({
        LOG_LEVEL: 'silent',
        ILTEO_ALERTS_SECONDS: '0',
        ILTEO_STATUS: 'off', // no timers: the test drives the passes and the provider checks
        ILTEO_PROVIDER_CHECK_SECONDS: '300',
        ILTEO_OIDC_PROVIDERS: JSON.stringify([
          { id: 'kakao', label: '카카오', issuer: idp.issuer, clientId: 'ilteo', clientSecret: 'secret-kakao' },
        ]),
        ...(t.config.kind === 'postgres' ? { DATABASE_URL: t.config.url } : { ILTEO_DATA_DIR: t.config.dataDir }),
      });
      leader = await buildApp({ config, database: t.database, now });
      other = await buildApp({ config: { ...config, port: config.port + 1 }, database: t.database, now });
    });
    after(async () => {
      await other?.close();
      await leader?.close();
      await idp?.close().catch(() => {});
      await t?.cleanup().catch(() => {});
    });

    it('starts 정상 on both, with one leader', async () => {
      await observe(leader);
      await observe(other);
      for (let i = 0; i < 3; i++) {
        await pass(leader);
        await pass(other);
      }
      assert.equal(leader.statusRunner.isLeader, true);
      assert.equal(other.statusRunner.isLeader, false);
      for (const app of [leader, other]) {
        const s = await status(app);
        assert.equal(login(s), 'operational');
        assert.equal(kakao(s)?.state, 'operational');
      }
    });

    let provisional = 0;
    it('one failed check is not an outage; two are, on the process that saw them, before anything is recorded', async () => {
      await idp.close();
      await other.providers.check('kakao');
      await pass(other);
      assert.equal(login(await status(other)), 'operational', 'one failed result: not yet');
      await other.providers.check('kakao');
      await pass(other);
      const s = await status(other);
      assert.equal(kakao(s)?.state, 'major');
      assert.match(kakao(s)?.cause ?? '', /카카오 로그인 서버 응답 이상/);
      assert.equal(login(s), 'partial', 'one way in of several: 부분 장애');
      assert.equal(s.services.find((x) => x.id === 'jobs')?.state, 'operational');
      const incident = s.incidents.find((i) => i.component === 'idp:kakao' && !i.resolvedAt);
      assert.ok(incident, 'a provisional incident');
      assert.ok(incident.id < 0, 'provisional: not in the register yet');
      provisional = incident.id;
      const page = await other.inject(`/status/incidents/${provisional}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /이 서버가 직접 확인한 내용을 먼저 알립니다/);
      const feed = await other.inject('/status/feed.json');
      assert.doesNotMatch(feed.body, /카카오 로그인/, 'feeds carry only what is recorded');
      // The leader has checked nothing since: it still says 정상 — each process tells what it saw.
      assert.equal(login(await status(leader)), 'operational');
    });

    it('once the leader records it, both show the one recorded incident', async () => {
      await observe(leader);
      await pass(leader);
      await pass(other);
      for (const app of [leader, other]) {
        const s = await status(app);
        assert.equal(login(s), 'partial');
        const open = s.incidents.filter((i) => i.component === 'idp:kakao' && !i.resolvedAt);
        assert.equal(open.length, 1, 'no provisional beside the recorded one');
        assert.ok((open[0]?.id ?? 0) > 0);
      }
      assert.equal((await other.inject(`/status/incidents/${provisional}`)).statusCode, 404);
    });

    it('the recovery a process confirmed itself wins over the older recorded outage', async () => {
      await startIdp();
      await observe(other);
      await pass(other);
      const s = await status(other);
      assert.equal(kakao(s)?.state, 'operational');
      assert.equal(login(s), 'operational');
      assert.equal(
        s.incidents.filter((i) => i.component === 'idp:kakao' && !i.resolvedAt).length,
        1,
        'the recorded incident stays open until the leader closes it',
      );
      await observe(leader);
      await pass(leader);
      await pass(other);
      for (const app of [leader, other]) {
        const after = await status(app);
        assert.equal(login(after), 'operational');
        assert.equal(after.incidents.filter((i) => i.component === 'idp:kakao' && !i.resolvedAt).length, 0);
      }
    });

    it('a process that takes over the lease records a provider outage in its first pass as leader', async () => {
      await idp.close();
      await observe(other);
      // The leader stops (its lease of 40 s runs out); the other process takes over in its next pass,
      // before it has confirmed the leader's own monitors (the app heartbeats) either way.
      clock += 60_000;
      await pass(other);
      assert.equal(other.statusRunner.isLeader, true);
      const open = (await status(other)).incidents.filter((i) => i.component === 'idp:kakao' && !i.resolvedAt);
      assert.equal(open.length, 1);
      assert.ok((open[0]?.id ?? 0) > 0, 'in the register, not only this process’s provisional view');
      await startIdp();
      await observe(other);
      await pass(other);
      const closed = (await status(other)).incidents.filter((i) => i.component === 'idp:kakao' && i.id === open[0]?.id);
      assert.ok(closed[0]?.resolvedAt, 'closed by the new leader once the provider answers');
    });
  });
}
