/**
 * The status feature end to end on both drivers, with a test clock and passes driven by hand: a real
 * HTTP target turns unhealthy and healthy again; the incident opens and closes with exact times and
 * its cause; the banner, the page, the feeds, the operator's updates, maintenance, the postmortem with
 * an overdue action, the monthly report, /metrics; and last, the database itself goes away and the
 * page keeps answering from the snapshot with the process's own view of the database.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/identity/demo.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { WebClient } from '../support/web.ts';

interface StatusJson {
  fresh: boolean;
  services: { id: string; state: string; uptime90: number | null }[];
  components: { id: string; state: string; cause: string }[];
  incidents: {
    id: number;
    title: string;
    component: string;
    cause: string;
    startedAt: string;
    resolvedAt: string | null;
    status: string;
    updates: { id: number; status: string; body: string }[];
    postmortem: { actions: { id: number; title: string; overdue: boolean }[] } | null;
  }[];
}

for (const kind of DRIVERS) {
  describe(`status: monitors, incidents, page and feeds on ${kind}`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let target: http.Server;
    let healthy = true;
    let clock = Date.parse('2026-11-30T00:00:00.000Z');
    const now = () => new Date(clock);
    let operator: WebClient;
    let citizen: WebClient;
    const status = async () => (await citizen.get('/status.json')).json() as StatusJson;
    /** One monitor pass 2 s after the last, then the snapshot. */
    const pass = async () => {
      clock += 2000;
      await app.statusRunner.tick();
      await app.statusRunner.refreshSnapshot();
    };

    before(async () => {
      t = await openTestDatabase(kind);
      await seedDemoAccounts(t.database, () => {});
      target = http.createServer((_req, res) => {
        res.writeHead(healthy ? 200 : 503, { 'content-type': 'text/plain' });
        res.end(healthy ? 'ok' : 'unavailable');
      });
      await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
      const port = (target.address() as AddressInfo).port;
      const config = loadConfig({
        LOG_LEVEL: 'silent',
        ILTEO_ALERTS_SECONDS: '0',
        ILTEO_STATUS: 'off', // no timers: the test drives the passes
        ILTEO_STATUS_CHECK_SECONDS: '1',
        ILTEO_STATUS_MONITORS: JSON.stringify([
          {
            id: 'cert-api',
            name: '본인확인 연계',
            kind: 'http',
            url: `http://127.0.0.1:${port}/health`,
            keyword: 'ok',
            service: 'login',
            impact: 'soft',
            intervalSeconds: 1,
          },
        ]),
        ...(t.config.kind === 'postgres' ? { DATABASE_URL: t.config.url } : { ILTEO_DATA_DIR: t.config.dataDir }),
      });
      app = await buildApp({ config, database: t.database, now });
      operator = new WebClient(app);
      citizen = new WebClient(app);
      await operator.signIn('admin', DEMO_PASSWORD);
    });

    after(async () => {
      await app?.close();
      await new Promise((r) => target?.close(r));
      await t?.cleanup().catch(() => {});
    });

    let incidentId = 0;
    let firstFailure = 0;
    let firstSuccess = 0;

    it('starts all 정상 once every monitor is confirmed', async () => {
      for (let i = 0; i < 3; i++) await pass();
      const s = await status();
      assert.equal(s.fresh, true);
      assert.deepEqual(
        s.services.map((x) => [x.id, x.state]),
        [
          ['jobs', 'operational'],
          ['benefits', 'operational'],
          ['login', 'operational'],
          ['centre', 'operational'],
        ],
      );
      assert.equal(s.components.find((c) => c.id === 'ext:cert-api')?.state, 'operational');
      assert.equal(s.incidents.length, 0);
      const page = await citizen.get('/jobs');
      assert.doesNotMatch(page.body, /data-incident-banner/);
    });

    it('confirms down after 3 failed checks, opens one incident from the first failure, shows the banner', async () => {
      healthy = false;
      await pass();
      firstFailure = clock;
      await pass();
      let s = await status();
      assert.equal(s.incidents.length, 0, 'two failures are not yet an outage');
      await pass();
      s = await status();
      assert.equal(s.services.find((x) => x.id === 'login')?.state, 'partial', 'one way in of several: 부분 장애');
      assert.equal(s.services.find((x) => x.id === 'jobs')?.state, 'operational');
      assert.equal(s.incidents.length, 1);
      const incident = s.incidents[0];
      assert.ok(incident);
      incidentId = incident.id;
      assert.equal(incident.component, 'ext:cert-api');
      assert.equal(incident.startedAt, new Date(firstFailure).toISOString());
      assert.match(incident.cause, /HTTP 503/);
      assert.equal(incident.resolvedAt, null);
      assert.equal(incident.updates[0]?.status, 'investigating');
      // More failing passes do not open more incidents.
      await pass();
      assert.equal((await status()).incidents.length, 1);

      const [alerted] = await t.database.query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM notifications n JOIN accounts a ON a.id = n.account_id
             WHERE a.login_id = 'admin' AND n.kind = 'status.incident' AND n.link = ${`/admin/status/incidents/${incidentId}`}`,
      );
      assert.equal(alerted?.n, 1, 'operators are alerted once');
      const page = await citizen.get('/jobs');
      assert.match(page.body, /data-incident-banner/);
      assert.match(page.body, new RegExp(`/status/incidents/${incidentId}`));
      const statusPage = await citizen.get('/status');
      assert.equal(statusPage.statusCode, 200);
      assert.match(statusPage.body, /부분 장애/);
      assert.match(statusPage.body, /진행 중인 장애/);
    });

    it('takes an operator update (원인 파악) in Korean, once per key', async () => {
      const desk = await operator.get(`/admin/status/incidents/${incidentId}`);
      assert.equal(desk.statusCode, 200);
      const key = /name="idempotencyKey" value="([^"]+)"/.exec(desk.body)?.[1] ?? '';
      const form = { idempotencyKey: key, status: 'identified', body: '연계 기관 서버 점검 중 오류를 확인했습니다.' };
      assert.equal((await operator.post(`/admin/status/incidents/${incidentId}/updates`, form)).statusCode, 303);
      await operator.get(`/admin/status/incidents/${incidentId}`);
      assert.equal((await operator.post(`/admin/status/incidents/${incidentId}/updates`, form)).statusCode, 303);
      const s = await status();
      assert.deepEqual(
        s.incidents[0]?.updates.map((u) => u.status),
        ['investigating', 'identified'],
      );
      assert.equal(s.incidents[0]?.status, 'identified');
      const empty = await operator.post(`/admin/status/incidents/${incidentId}/updates`, { ...form, body: '' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /공개할 안내문을 적어 주세요/);
      const citizenTry = await citizen.post(`/admin/status/incidents/${incidentId}/updates`, form);
      assert.notEqual(citizenTry.statusCode, 303);
    });

    it('closes after 2 good checks, with the duration from first failure to first success', async () => {
      healthy = true;
      await pass();
      firstSuccess = clock;
      await pass();
      const s = await status();
      const incident = s.incidents.find((i) => i.id === incidentId);
      assert.equal(incident?.resolvedAt, new Date(firstSuccess).toISOString());
      assert.equal(
        Date.parse(incident?.resolvedAt ?? '') - Date.parse(incident?.startedAt ?? ''),
        firstSuccess - firstFailure,
      );
      assert.equal(incident?.status, 'resolved');
      assert.equal(firstSuccess - firstFailure, 8000, 'four failed passes, 2 s apart');
      assert.match(incident?.updates.at(-1)?.body ?? '', /자동 복구 확인.*지속 시간 8초/);
      assert.equal(s.services.find((x) => x.id === 'login')?.state, 'operational');
      assert.doesNotMatch((await citizen.get('/jobs')).body, /data-incident-banner/);
      const page = await citizen.get(`/status/incidents/${incidentId}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /data-duration>8초/);
      assert.match(page.body, /HTTP 503/);
      const register = await citizen.get('/status');
      assert.match(register.body, /id="outage-register"/);
      assert.match(register.body, /로그인/);
    });

    it('publishes every update in RSS, Atom and JSON Feed with stable IDs', async () => {
      const json = (await citizen.get('/status/feed.json')).json() as { items: { id: string; title: string }[] };
      assert.equal(json.items.length, 3);
      assert.ok(json.items.some((i) => i.title.startsWith('[해결]')));
      assert.ok(json.items.some((i) => i.title.startsWith('[원인 파악]')));
      assert.ok(json.items.some((i) => i.title.startsWith('[조사 중]')));
      const again = (await citizen.get('/status/feed.json')).json() as { items: { id: string }[] };
      assert.deepEqual(
        again.items.map((i) => i.id),
        json.items.map((i) => i.id),
      );
      const rss = await citizen.get('/status/feed.rss');
      assert.match(rss.headers['content-type'] as string, /rss\+xml/);
      assert.equal((rss.body.match(/<item>/g) ?? []).length, 3);
      assert.match(rss.body, /<guid isPermaLink="false">ilteo-incident-\d+-update-\d+<\/guid>/);
      const atom = await citizen.get('/status/feed.atom');
      assert.equal((atom.body.match(/<entry>/g) ?? []).length, 3);
    });

    it('announced maintenance shows 점검 중 and suppresses incidents; it can be cancelled', async () => {
      const desk = await operator.get('/admin/status');
      const key = [...desk.body.matchAll(/name="idempotencyKey" value="([^"]+)"/g)][1]?.[1] ?? '';
      const local = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 16);
      const bad = await operator.post('/admin/status/maintenance', {
        idempotencyKey: key,
        title: '',
        components: 'ext:cert-api',
        startsAt: local(clock - 60_000),
        endsAt: 'tomorrow',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /점검 제목을 적어 주세요/);
      assert.match(bad.body, /끝 시각을 2026-12-05T04:00 형식으로/);
      assert.match(bad.body, /value="tomorrow"/, 'what was typed is kept');
      const ok = await operator.post('/admin/status/maintenance', {
        idempotencyKey: key,
        title: '본인확인 연계 점검',
        components: 'ext:cert-api',
        startsAt: local(clock - 60_000),
        endsAt: local(clock + 3_600_000),
      });
      assert.equal(ok.statusCode, 303);
      healthy = false;
      for (let i = 0; i < 4; i++) await pass();
      const s = await status();
      assert.equal(s.components.find((c) => c.id === 'ext:cert-api')?.state, 'maintenance');
      assert.equal(s.incidents.filter((i) => !i.resolvedAt).length, 0, 'no incident during announced maintenance');
      assert.match((await citizen.get('/jobs')).body, /점검 안내: 본인확인 연계 점검/);
      healthy = true;
      for (let i = 0; i < 2; i++) await pass();
      const [w] = await t.database.query<{ id: number }>(sql`SELECT id::int AS id FROM maintenance_windows`);
      await operator.get('/admin/status');
      assert.equal((await operator.post(`/admin/status/maintenance/${w?.id}/cancel`, {})).statusCode, 303);
      assert.equal(
        (await operator.post('/admin/status/maintenance/987654321/cancel', {})).statusCode,
        404,
        'a window that does not exist is not cancelled (nor audited)',
      );
      await pass();
      assert.equal((await status()).components.find((c) => c.id === 'ext:cert-api')?.state, 'operational');
    });

    it('publishes a postmortem with measured impact and flags an overdue corrective action', async () => {
      const desk = await operator.get(`/admin/status/incidents/${incidentId}`);
      assert.match(desk.body, /로그인 시도 \d+건 중 실패 \d+건/);
      const saved = await operator.post(`/admin/status/incidents/${incidentId}/postmortem`, {
        summary: '본인확인 연계가 8초 동안 503을 돌려주었습니다.',
        impact: '로그인 일부 경로 이용 불가',
        rootCause: '연계 기관의 배포 중 헬스 체크 실패',
        publish: 'yes',
      });
      assert.equal(saved.statusCode, 303);
      const page = await operator.get(`/admin/status/incidents/${incidentId}`);
      const key = [...page.body.matchAll(/name="idempotencyKey" value="([^"]+)"/g)].at(-1)?.[1] ?? '';
      const action = { idempotencyKey: key, title: '연계 헬스 체크 이중화', owner: '연계팀', dueDate: '2026-11-01' };
      assert.equal((await operator.post(`/admin/status/incidents/${incidentId}/actions`, action)).statusCode, 303);
      await operator.get(`/admin/status/incidents/${incidentId}`);
      assert.equal((await operator.post(`/admin/status/incidents/${incidentId}/actions`, action)).statusCode, 303);
      const s = await status();
      const pm = s.incidents.find((i) => i.id === incidentId)?.postmortem;
      assert.deepEqual(pm?.actions, [
        {
          id: pm?.actions[0] && (pm.actions[0] as { id: number }).id,
          title: '연계 헬스 체크 이중화',
          owner: '연계팀',
          dueDate: '2026-11-01',
          status: 'open',
          verification: '',
          overdue: true,
        },
      ]);
      const publicPage = await citizen.get(`/status/incidents/${incidentId}`);
      assert.match(publicPage.body, /사후 분석 보고서/);
      assert.match(publicPage.body, /기한 지남/);
      assert.match((await operator.get('/admin/status')).body, /기한이 지난 재발 방지 조치 1건/);
      // 완료 needs a verification.
      const [a] = await t.database.query<{ id: number }>(sql`SELECT id::int AS id FROM corrective_actions`);
      await operator.get(`/admin/status/incidents/${incidentId}`);
      const noVerification = await operator.post(`/admin/status/actions/${a?.id}`, {
        status: 'done',
        verification: '',
      });
      assert.equal(noVerification.statusCode, 422);
      await operator.get(`/admin/status/incidents/${incidentId}`);
      const done = await operator.post(`/admin/status/actions/${a?.id}`, {
        status: 'done',
        verification: '장애 훈련으로 확인',
      });
      assert.equal(done.statusCode, 303);
      assert.equal((await status()).incidents.find((i) => i.id === incidentId)?.postmortem?.actions[0]?.overdue, false);
    });

    it('rolls up, and the monthly report and 90-day uptime count the partial outage as half down', async () => {
      await app.statusRunner.rollupNow();
      await app.statusRunner.refreshSnapshot();
      const s = await status();
      const login = s.services.find((x) => x.id === 'login')?.uptime90 ?? 100;
      assert.ok(login < 100 && login > 50, `login uptime ${login}`);
      assert.equal(s.services.find((x) => x.id === 'jobs')?.uptime90, 100);
      const report = (await citizen.get('/status/reports/2026-11.json')).json() as {
        services: { service: string; availabilityPercent: number; incidents: number }[];
      };
      const row = report.services.find((r) => r.service === 'login');
      assert.equal(row?.availabilityPercent, login);
      assert.equal(row?.incidents, 1);
      const csv = await citizen.get('/status/reports/2026-11.csv');
      assert.match(csv.headers['content-type'] as string, /text\/csv/);
      assert.match(csv.body, /^\uFEFF서비스 ID,서비스,월,가용률\(%\)/);
      assert.match(csv.body, /\r\nlogin,로그인,2026-11,/);
      const badMonth = await citizen.get('/status/reports/2026-13.csv');
      assert.equal(badMonth.statusCode, 400);
      assert.match(badMonth.body, /연월과 형식/);
    });

    it('exposes Prometheus metrics', async () => {
      const metrics = await operator.get('/metrics');
      assert.equal(metrics.statusCode, 200);
      assert.match(metrics.body, /ilteo_status_component_state\{component="ext:cert-api"\} 0/);
      assert.match(metrics.body, /ilteo_status_leader 1/);
      assert.match(metrics.body, /ilteo_http_requests_total\{method="GET",route="\/status.json",status="200"\}/);
    });

    // On PostgreSQL, the same with real servers stopped is in the chaos suite (test/chaos/status.test.ts).
    it('without any database the page still answers: last snapshot, and the database 전체 장애 seen by this process', {
      skip: kind === 'postgres',
    }, async () => {
      const file = loadConfig({
        ...(t.config.kind === 'postgres' ? { DATABASE_URL: t.config.url } : { ILTEO_DATA_DIR: t.config.dataDir }),
      }).status.snapshotFile;
      const onDisk = JSON.parse(await fs.readFile(file, 'utf8')) as StatusJson;
      assert.ok(
        onDisk.incidents.some((i) => i.id === incidentId),
        'the snapshot on disk holds the register',
      );
      await t.database.close();
      clock += 60_000;
      for (let i = 0; i < 3; i++) await pass();
      const s = await status();
      assert.equal(s.fresh, false);
      assert.equal(s.components.find((c) => c.id === 'database')?.state, 'major');
      assert.ok(s.services.every((x) => x.state === 'major'));
      assert.ok(
        s.incidents.some((i) => i.id === incidentId),
        'the register is still there',
      );
      assert.equal(s.incidents[0]?.id, 0, 'a provisional incident from this process');
      const page = await citizen.get('/status');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /데이터베이스에 연결할 수 없어/);
      assert.match(page.body, /전체 장애/);
    });
  });
}
