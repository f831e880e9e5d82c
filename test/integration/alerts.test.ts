import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/identity/demo.ts';
import { insertPostings } from '../../src/jobs/store.ts';
import { deliverOutbox, runAlerts, spoolTransport } from '../../src/market/alerts.ts';
import { createServices } from '../../src/services.ts';
import { addDays, seoulToday } from '../../src/shared/dates.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { makePosting } from '../support/postings.ts';
import { WebClient } from '../support/web.ts';

const today = seoulToday();
const open = { regDt: today, closeDt: addDays(today, 30) };

for (const kind of DRIVERS) {
  describe(`alerts for 구직신청 and 저장한 검색 on ${kind}`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let seeker: WebClient;
    let spool: string;

    before(async () => {
      t = await openTestDatabase(kind);
      spool = await fs.mkdtemp(path.join(os.tmpdir(), 'ilteo-spool-'));
      await insertPostings(t.database, [
        makePosting({
          ...open,
          wantedAuthNo: 'KOLD00001',
          title: '오래된 개발자 공고',
          jobsCd: '133',
          regionCd: '11680',
        }),
      ]);
      await seedDemoAccounts(t.database, () => {});
      app = await buildApp({
        config: loadConfig({ LOG_LEVEL: 'silent', ILTEO_ALERTS_SECONDS: '0' }),
        database: t.database,
      });
      seeker = new WebClient(app);
      await seeker.signIn('minjun', DEMO_PASSWORD);
      await seeker.get('/my/job-seeking');
      await seeker.post('/my/job-seeking', { occupation0: '133', region0: '11680' });
      const search = await seeker.get(`/jobs?q=${encodeURIComponent('드론')}`);
      assert.match(search.body, /이 조건 저장/);
      assert.equal(
        (await seeker.post('/my/saved-searches', { query: `q=${encodeURIComponent('드론')}`, name: '드론' }))
          .statusCode,
        303,
      );
      await insertPostings(t.database, [
        makePosting({ ...open, wantedAuthNo: 'KNEW00001', title: '백엔드 개발자', jobsCd: '133', regionCd: '11680' }),
        makePosting({ ...open, wantedAuthNo: 'KNEW00002', title: '드론 조종사', jobsCd: '900', regionCd: '26110' }),
        makePosting({
          ...open,
          wantedAuthNo: 'KNEW00003',
          title: '부산 회계 사무원',
          jobsCd: '026',
          regionCd: '26110',
        }),
      ]);
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
      await fs.rm(spool, { recursive: true, force: true });
    });

    it('notifies each new matching posting once, even when two processes run the job together', async () => {
      const services = createServices({ config: loadConfig({ LOG_LEVEL: 'silent' }), database: t.database });
      const run = (holder: string) =>
        runAlerts(t.database, services.marketStore, {
          now: new Date(),
          today,
          holder,
          publicUrl: 'http://127.0.0.1:3000',
        });
      const [a, b] = await Promise.all([run('process-a'), run('process-b')]);
      assert.equal(a.notified + b.notified, 2);
      assert.ok(a.skipped || b.skipped || a.notified + b.notified === 2);
      assert.equal((await run('process-a')).notified, 0, 'nothing twice');
      const page = await seeker.get('/my/notifications');
      assert.match(page.body, /새 맞춤 채용공고: 백엔드 개발자/);
      assert.match(page.body, /\[드론\] 새 채용공고: 드론 조종사/);
      assert.doesNotMatch(page.body, /오래된 개발자 공고|부산 회계 사무원/);
      const [n] = await t.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM notifications`);
      assert.equal(n?.n, 2);
    });

    it('the outbox sends each e-mail once, as a message in the spool', async () => {
      const transport = spoolTransport(spool);
      const [x, y] = await Promise.all([deliverOutbox(t.database, transport), deliverOutbox(t.database, transport)]);
      assert.equal(x.sent + y.sent, 2);
      assert.equal((await deliverOutbox(t.database, transport)).sent, 0);
      const files = (await fs.readdir(spool)).filter((f) => f.endsWith('.eml'));
      assert.equal(files.length, 2);
      const text = await fs.readFile(path.join(spool, files[0] as string), 'utf8');
      assert.match(text, /^To: minjun@example\.kr\r$/m);
      assert.match(text, /Content-Type: text\/plain; charset=UTF-8/);
    });

    it('notifications can be marked read', async () => {
      await seeker.get('/my/notifications');
      await seeker.post('/my/notifications/read', {});
      assert.doesNotMatch((await seeker.get('/my/notifications')).body, /새 알림/);
    });
  });
}
