/**
 * The counsellor's page of one 개인회원 (`/centre/clients/:id`, issue 20 item 12): their 구직신청 and
 * 입사지원 shown read-only, their 구직급여 신청 listed with a link to each review page at the counsellor's
 * centre; someone of another centre is 404.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/identity/demo.ts';
import { insertPostings } from '../../src/jobs/store.ts';
import { createServices, type Services } from '../../src/services.ts';
import { filedClaim } from '../support/claims.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { makePosting } from '../support/postings.ts';
import { WebClient } from '../support/web.ts';

const NOW = new Date('2026-12-02T01:00:00Z');

for (const kind of DRIVERS) {
  describe(`a counsellor's client page on ${kind}`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let services: Services;
    let serial = 0;
    const client = () => new WebClient(app, { 'x-forwarded-for': `10.23.0.${++serial}` });
    let minjun = 0;
    let claimId = 0;
    let otherCentreClaim = 0;

    before(async () => {
      t = await openTestDatabase(kind);
      await seedDemoAccounts(t.database, () => {});
      const config = loadConfig({
        LOG_LEVEL: 'silent',
        ILTEO_TRUST_PROXY: 'true',
        ILTEO_STATUS: 'off',
        ILTEO_ALERTS_SECONDS: '0',
      });
      app = await buildApp({ config, database: t.database, now: () => NOW });
      services = createServices({ config, database: t.database, now: () => NOW });
      const [row] = await t.database.query<{ id: number }>(
        sql`SELECT id::int AS id FROM accounts WHERE login_id = 'minjun'`,
      );
      minjun = row?.id ?? 0;
      await services.marketStore.saveProfile(minjun, {
        occupations: ['026'],
        regions: ['11680'],
        wageMonthly: 2_800_000,
        empType: '10',
        availableFrom: '2026-12-15',
      });
      claimId = await filedClaim(services.benefits, { claimantId: minjun, today: '2026-12-02' });
      otherCentreClaim = await filedClaim(services.benefits, {
        claimantId: minjun,
        today: '2026-11-30',
        centreCode: 'busan',
      });
      await insertPostings(t.database, [
        makePosting({
          wantedAuthNo: 'KCLIENT00000001',
          title: '물류센터 입출고 관리',
          company: '(주)다온로지스',
          closeDt: null,
        }),
      ]);
      const [posting] = await t.database.query<{ id: number }>(
        sql`SELECT id::int AS id FROM postings WHERE wanted_auth_no = 'KCLIENT00000001'`,
      );
      const resumeId = await services.marketStore.saveResume(minjun, null, {
        title: '물류 관리 경력 5년',
        education: '05',
        school: '한국대학교',
        careers: [],
        certificates: '',
        skills: '지게차',
        introduction: '',
        isPublic: false,
      });
      await services.marketStore.apply({
        postingId: posting?.id ?? 0,
        applicantId: minjun,
        resumeId,
        idempotencyKey: 'client-page-application-1',
      });
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('shows the 구직신청, lists the claims with links to their review pages, and the 입사지원', async () => {
      const counsellor = client();
      await counsellor.signIn('counsel.gangnam', DEMO_PASSWORD);
      const page = await counsellor.get(`/centre/clients/${minjun}`);
      assert.equal(page.statusCode, 200);
      const body = page.body.replace(/\s+/g, ' ');
      // 구직신청, read-only.
      assert.match(body, /<h2 id="job-seeking"[^>]*>구직신청<\/h2>/);
      assert.match(body, /\(026\)/);
      assert.match(body, /강남구/);
      assert.match(body, /2,800,000원/);
      assert.match(body, /2026\.12\.15\./);
      // Claims: the one at this centre links to its review page, which opens; the 부산 one is listed only.
      assert.match(body, new RegExp(`<a href="/centre/claims/${claimId}">2026\\.11\\.18\\. 신청`));
      assert.doesNotMatch(body, new RegExp(`href="/centre/claims/${otherCentreClaim}"`));
      assert.match(body, /부산/);
      assert.equal((await counsellor.get(`/centre/claims/${claimId}`)).statusCode, 200);
      // 입사지원, read-only, with the public posting linked.
      assert.match(body, /<a href="\/jobs\/KCLIENT00000001">물류센터 입출고 관리<\/a>/);
      assert.match(body, /\(주\)다온로지스/);
      assert.match(body, /물류 관리 경력 5년/);
      assert.match(body, /<td>접수<\/td>/);
      const clientPageForms = [...page.body.matchAll(/<form\b[^>]*method="post"[^>]*action="([^"]+)"/g)].map(
        (m) => m[1],
      );
      assert.deepEqual(clientPageForms, ['/logout'], 'nothing to change here: read-only');
    });

    it('an operator sees the link to every centre’s claim; another centre’s counsellor gets 404', async () => {
      const operator = client();
      await operator.signIn('admin', DEMO_PASSWORD);
      const page = await operator.get(`/centre/clients/${minjun}`);
      assert.match(page.body, new RegExp(`href="/centre/claims/${otherCentreClaim}"`));
      const busan = client();
      await busan.signIn('counsel.busan', DEMO_PASSWORD);
      assert.equal((await busan.get(`/centre/clients/${minjun}`)).statusCode, 404);
    });

    it('someone without a 구직신청 or 입사지원 gets a plain sentence, not an empty table', async () => {
      const counsellor = client();
      await counsellor.signIn('counsel.gangnam', DEMO_PASSWORD);
      const [row] = await t.database.query<{ id: number }>(
        sql`SELECT id::int AS id FROM accounts WHERE login_id = 'jiwoo'`,
      );
      const page = await counsellor.get(`/centre/clients/${row?.id}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /구직신청을 하지 않았습니다/);
      assert.match(page.body, /구직급여 신청이 없습니다/);
      assert.match(page.body, /일터에서 한 입사지원이 없습니다/);
    });
  });
}
