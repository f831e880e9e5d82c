import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createEmployer } from '../../src/identity/accounts.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/identity/demo.ts';
import { insertPostings } from '../../src/jobs/store.ts';
import { addDays, seoulToday } from '../../src/shared/dates.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { makePosting } from '../support/postings.ts';
import { WebClient } from '../support/web.ts';

const today = seoulToday();
const FORM = {
  title: '물류센터 입출고 관리 사원',
  jobsCd: '026',
  salTpCd: 'M',
  minSal: '2,600,000',
  maxSal: '3,000,000',
  workHoursPerDay: '8',
  workHoursPerWeek: '40',
  holidayTpCd: '1',
  regionCd: '11680',
  zipCd: '06164',
  basicAddr: '서울특별시 강남구 테헤란로 152',
  minEdubg: '03',
  career: 'Z',
  empTpCd: '10',
  closeDt: addDays(today, 30),
  jobCont: '입출고 관리와 재고 조사를 맡습니다.',
  selMthd: '서류 > 면접',
  rcptMthd: '일터 입사 지원',
  collectPsncnt: '2',
  contactName: '인사담당 이채용',
  contactTelno: '02-1234-5678',
};

for (const kind of DRIVERS) {
  describe(`채용공고 관리 by employers on ${kind}`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let serial = 0;
    const client = () => new WebClient(app, { 'x-forwarded-for': `10.8.0.${++serial}` });
    let employer: WebClient;
    let number = '';

    before(async () => {
      t = await openTestDatabase(kind);
      await insertPostings(t.database, [
        makePosting({ wantedAuthNo: 'KSEED0001', company: '(주)한빛물류', busino: '1248100998' }),
      ]);
      await seedDemoAccounts(t.database, () => {});
      app = await buildApp({
        config: loadConfig({ LOG_LEVEL: 'silent', ILTEO_TRUST_PROXY: 'true' }),
        database: t.database,
      });
      employer = client();
      await employer.signIn('employer', DEMO_PASSWORD);
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('refuses a wage under the minimum and an age requirement, keeping the input', async () => {
      const page = await employer.get('/employer/postings/new');
      const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const bad = await employer.post('/employer/postings', {
        ...FORM,
        idempotencyKey: key,
        minSal: '2,000,000',
        pfCond: '30세 이하 우대',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /최저임금/);
      assert.match(bad.body, /고령자고용법/);
      assert.match(bad.body, /value="물류센터 입출고 관리 사원"/);
    });

    it('registers a posting once per form, visible in search at once', async () => {
      const page = await employer.get('/employer/postings/new');
      const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const created = await employer.post('/employer/postings', { ...FORM, idempotencyKey: key });
      assert.equal(created.statusCode, 303);
      number = /\/employer\/postings\/([A-Z0-9]+)\?created=1/.exec(String(created.headers.location))?.[1] ?? '';
      assert.match(number, /^E\d{6}[0-9A-Z]{9}$/);
      const again = await employer.post('/employer/postings', { ...FORM, idempotencyKey: key });
      assert.match(String(again.headers.location), /already=1/);
      const [row] = await t.database.query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM postings WHERE title = ${FORM.title}`,
      );
      assert.equal(row?.n, 1);
      const publicPage = await client().get(`/jobs/${number}`);
      assert.equal(publicPage.statusCode, 200);
      assert.match(publicPage.body, /이 공고에 지원하기/);
      const search = await client().get(`/jobs?q=${encodeURIComponent('입출고')}`);
      assert.match(search.body, new RegExp(number));
    });

    it('edits, pauses, reopens, closes and re-posts', async () => {
      await employer.get(`/employer/postings/${number}/edit`);
      const saved = await employer.post(`/employer/postings/${number}/edit`, {
        ...FORM,
        title: '물류센터 입출고 관리 (주간)',
      });
      assert.equal(saved.statusCode, 303);
      assert.match((await client().get(`/jobs/${number}`)).body, /물류센터 입출고 관리 \(주간\)/);
      await employer.get(`/employer/postings/${number}`);
      assert.equal((await employer.post(`/employer/postings/${number}/status`, { status: 'paused' })).statusCode, 303);
      const paused = await client().get(`/jobs/${number}`);
      assert.doesNotMatch(paused.body, /이 공고에 지원하기/);
      assert.match((await employer.get(`/employer/postings/${number}`)).body, /일시 중지/);
      assert.equal((await employer.post(`/employer/postings/${number}/status`, { status: 'open' })).statusCode, 303);
      assert.match((await client().get(`/jobs/${number}`)).body, /이 공고에 지원하기/);
      assert.equal((await employer.post(`/employer/postings/${number}/status`, { status: 'closed' })).statusCode, 303);
      const detail = await employer.get(`/employer/postings/${number}`);
      const key = /name="idempotencyKey" value="([^"]+)"/.exec(detail.body)?.[1] ?? '';
      const repost = await employer.post(`/employer/postings/${number}/repost`, { idempotencyKey: key });
      assert.equal(repost.statusCode, 303);
      const copy = /\/employer\/postings\/([A-Z0-9]+)\?created=1/.exec(String(repost.headers.location))?.[1] ?? '';
      assert.notEqual(copy, number);
      assert.match((await client().get(`/jobs/${copy}`)).body, /이 공고에 지원하기/);
      const actions = await t.database.query<{ action: string }>(
        sql`SELECT action FROM audit_log WHERE action LIKE 'posting.%' ORDER BY id`,
      );
      assert.deepEqual(
        actions.map((a) => a.action),
        ['posting.create', 'posting.edit', 'posting.paused', 'posting.open', 'posting.closed', 'posting.repost'],
      );
    });

    it('keeps a company profile that postings show', async () => {
      await employer.get('/employer/company');
      const bad = await employer.post('/employer/company', {
        employees: '많음',
        homepage: 'javascript:alert(1)',
        description: '소개',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /직원 수는/);
      assert.match(bad.body, /https:\/\/로 시작/);
      assert.match(bad.body, />소개<\/textarea>/, 'what was typed stays');
      const ok = await employer.post('/employer/company', {
        employees: '120',
        homepage: 'https://hanbit.example',
        description: '수도권 물류센터 3곳을 운영합니다.',
      });
      assert.equal(ok.statusCode, 303);
      const page = await client().get(`/jobs/${number}`);
      assert.match(page.body, /120명/);
      assert.match(page.body, /수도권 물류센터 3곳을 운영합니다/);
      assert.match(page.body, /href="https:\/\/hanbit\.example"/);
    });

    it('another employer cannot touch the posting (404)', async () => {
      await createEmployer(t.database, {
        loginId: 'rival.hr',
        password: 'Rival!company2026',
        name: '경쟁사',
        email: 'hr@rival.example',
        busino: '2208162517',
        companyName: '(주)경쟁사',
        industry: '제조업',
      });
      const rival = client();
      await rival.signIn('rival.hr', 'Rival!company2026');
      assert.equal((await rival.get(`/employer/postings/${number}/edit`)).statusCode, 404);
      await rival.get('/employer');
      assert.equal((await rival.post(`/employer/postings/${number}/edit`, FORM)).statusCode, 404);
      assert.equal((await rival.post(`/employer/postings/${number}/status`, { status: 'open' })).statusCode, 404);
      const seeker = client();
      await seeker.signIn('minjun', DEMO_PASSWORD);
      assert.equal((await seeker.get('/employer/postings/new')).statusCode, 403);
    });
  });
}
