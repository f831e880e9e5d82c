/**
 * Demo history on the status page (issue 20, item 13): with --demo the seeded incidents and
 * availability figures are said to be demonstration data on every page that shows them, and the seed
 * holds no realistic private addresses or staff names. Without --demo nothing says so.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/identity/demo.ts';
import { buildCatalogue } from '../../src/status/catalogue.ts';
import { seedDemoStatus } from '../../src/status/demo.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { WebClient } from '../support/web.ts';

const NOTICE = /시연용 데이터입니다/;
const PRIVATE_ADDRESS = /\b(10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+)\b/;

for (const kind of DRIVERS) {
  describe(`status: demonstration history is labelled as such on ${kind}`, () => {
    let t: TestDatabase;
    let demo: FastifyInstance;
    let plain: FastifyInstance;

    before(async () => {
      t = await openTestDatabase(kind);
      await seedDemoAccounts(t.database, () => {});
      const config = loadConfig({
        LOG_LEVEL: 'silent',
        ILTEO_ALERTS_SECONDS: '0',
        ILTEO_STATUS: 'off',
        ...(t.config.kind === 'postgres' ? { DATABASE_URL: t.config.url } : { ILTEO_DATA_DIR: t.config.dataDir }),
      });
      await seedDemoStatus(
        t.database,
        buildCatalogue(config.auth.providers, config.status.monitors),
        new Date(),
        () => {},
      );
      demo = await buildApp({ config, database: t.database, demo: true });
      plain = await buildApp({ config, database: t.database });
      for (const app of [demo, plain]) await app.statusRunner.refreshSnapshot();
    });
    after(async () => {
      await demo?.close();
      await plain?.close();
      await t?.cleanup().catch(() => {});
    });

    it('says so on /status, on each incident, in /status.json and on the operator page', async () => {
      const citizen = new WebClient(demo);
      const page = await citizen.get('/status');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, NOTICE);
      assert.doesNotMatch(page.body, PRIVATE_ADDRESS);
      const json = (await citizen.get('/status.json')).json() as {
        demonstration?: boolean;
        incidents: { id: number; cause: string }[];
      };
      assert.equal(json.demonstration, true);
      assert.ok(json.incidents.length >= 3, 'the seeded incidents are there');
      for (const i of json.incidents) {
        assert.doesNotMatch(i.cause, PRIVATE_ADDRESS);
        const incident = await citizen.get(`/status/incidents/${i.id}`);
        assert.equal(incident.statusCode, 200);
        assert.match(incident.body, NOTICE, `incident ${i.id}`);
        assert.doesNotMatch(incident.body, PRIVATE_ADDRESS);
        assert.doesNotMatch(incident.body, /이도현|박서연|김지훈/, 'no named staff on public pages');
      }
      const operator = new WebClient(demo);
      await operator.signIn('admin', DEMO_PASSWORD);
      assert.match((await operator.get('/admin/status')).body, NOTICE);
    });

    it('says nothing of the kind without --demo', async () => {
      const citizen = new WebClient(plain);
      assert.doesNotMatch((await citizen.get('/status')).body, NOTICE);
      const json = (await citizen.get('/status.json')).json() as { demonstration?: boolean };
      assert.equal(json.demonstration, undefined);
    });
  });
}
