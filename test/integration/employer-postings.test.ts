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
import { POSTING_FIELDS } from '../support/forms.ts';
import { makePosting } from '../support/postings.ts';
import { WebClient } from '../support/web.ts';

const today = seoulToday();
const FORM = { ...POSTING_FIELDS, closeDt: addDays(today, 30) };

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
        makePosting({
          wantedAuthNo: 'KPAST0001',
          title: '지난 공고',
          company: '(주)한빛물류',
          busino: '1248100998',
          regDt: addDays(today, -40),
          closeDt: addDays(today, -10),
        }),
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

    it('refuses sex, body, marriage, origin and family conditions, citing the law, keeping what was typed', async () => {
      await employer.get('/employer/postings/new');
      const bad = await employer.post('/employer/postings', {
        ...FORM,
        pfCond: '35세 이하 여성만 지원 가능합니다',
        jobCont: '안내 데스크 (키 165cm 이상, 용모단정)',
        selMthd: '서류(부모님 직업, 출신지역 기재) > 면접',
        etcWelfare: '여성복 할인, 키오스크 교육',
      });
      assert.equal(bad.statusCode, 400);
      // Each field says what it may not say and why, and keeps what was typed.
      assert.match(bad.body, /&#39;여성만&#39;처럼 성별을 조건으로 할 수 없습니다 \(남녀고용평등법 제7조 제1항/);
      assert.match(bad.body, /연령을 조건으로 하는 표현\(&quot;35세 이하&quot;\)/);
      assert.match(bad.body, /id="pfCond-error">[^<]*고령자고용법[^<]*남녀고용평등법/);
      assert.match(bad.body, />35세 이하 여성만 지원 가능합니다<\/textarea>/);
      assert.match(bad.body, /id="pfCond"[^>]*aria-invalid="true"/);
      assert.match(
        bad.body,
        /id="jobCont-error">[^<]*신체 조건[^<]*남녀고용평등법 제7조 제2항, 채용절차법 제4조의3 제1호/,
      );
      assert.match(bad.body, /id="selMthd-error">[^<]*채용절차법 제4조의3 제3호/);
      assert.match(bad.body, /value="서류\(부모님 직업, 출신지역 기재\) &gt; 면접"/);
      assert.doesNotMatch(bad.body, /id="etcWelfare-error"/, '"여성복", "키오스크" are ordinary words');
      assert.match(bad.body, /<a href="#pfCond">/, 'the error summary links to the field');
      const [row] = await t.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM postings`);
      assert.equal(row?.n, 2, 'nothing registered');
    });

    it('a posting without applicants says so, without search advice', async () => {
      const page = await employer.get('/employer/postings/KSEED0001');
      assert.match(page.body, /아직 지원자가 없습니다/);
      assert.match(page.body, /구직자가 이 공고에 지원하면 여기에 나타납니다/);
      assert.doesNotMatch(page.body, /철자|검색어/);
    });

    it('reopening a posting past its deadline comes back on its page with the reason', async () => {
      const page = await employer.get('/employer/postings/KPAST0001');
      assert.match(page.body, /다시 열기/);
      const refused = await employer.post('/employer/postings/KPAST0001/status', { status: 'open' });
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /<h1 class="heading-xlarge">지난 공고<\/h1>/, 'the posting page, not an error page');
      assert.match(refused.body, /role="alert"[\s\S]*마감일이 지난 공고는 다시 열 수 없습니다/);
      assert.match(refused.body, /지원자 0명/);
      const tampered = await employer.post('/employer/postings/KPAST0001/status', { status: 'deleted' });
      assert.equal(tampered.statusCode, 400);
      assert.match(tampered.body, /바꿀 상태가 올바르지 않습니다/);
      assert.match(tampered.body, /<h1 class="heading-xlarge">지난 공고<\/h1>/);
      const [row] = await t.database.query<{ status: string }>(
        sql`SELECT status FROM postings WHERE wanted_auth_no = 'KPAST0001'`,
      );
      assert.equal(row?.status, 'closed');
    });

    it('registers a posting once per form, visible in search at once', async () => {
      const page = await employer.get('/employer/postings/new');
      const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const created = await employer.post('/employer/postings', { ...FORM, idempotencyKey: key });
      assert.equal(created.statusCode, 303);
      number = /\/employer\/postings\/([A-Z0-9]+)\?created=1/.exec(String(created.headers.location))?.[1] ?? '';
      assert.match(number, /^E\d{6}[0-9A-Z]{9}$/);
      // The same form again (a double click, a re-sent request) is answered as the first was.
      const again = await employer.post('/employer/postings', { ...FORM, idempotencyKey: key });
      assert.equal(again.headers.location, created.headers.location);
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
      const pausedPage = await employer.get(`/employer/postings/${number}?status=paused`);
      assert.match(pausedPage.body, /role="status"[\s\S]*공고 상태를 &quot;일시 중지&quot;로 바꿨습니다/);
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
