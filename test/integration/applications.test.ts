import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createEmployer } from '../../src/identity/accounts.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/identity/demo.ts';
import { insertPostings } from '../../src/jobs/store.ts';
import { createServices } from '../../src/services.ts';
import { addDays, seoulToday } from '../../src/shared/dates.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { RESUME_FORM as RESUME } from '../support/forms.ts';
import { makePosting } from '../support/postings.ts';
import { WebClient } from '../support/web.ts';

for (const kind of DRIVERS) {
  describe(`이력서 and 입사지원 on ${kind}`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let serial = 0;
    const client = () => new WebClient(app, { 'x-forwarded-for': `10.7.0.${++serial}` });
    const key = (body: string) => /name="idempotencyKey" value="([^"]+)"/.exec(body)?.[1] ?? '';
    const resumeId = (body: string) => /name="resumeId" id="resume-(\d+)"/.exec(body)?.[1] ?? '';
    let seeker: WebClient;
    let employer: WebClient;
    let applicationId = 0;

    before(async () => {
      t = await openTestDatabase(kind);
      const today = seoulToday();
      await insertPostings(t.database, [
        makePosting({
          wantedAuthNo: 'KAPPLY01',
          company: '(주)한빛물류',
          busino: '1248100998',
          regDt: today,
          closeDt: addDays(today, 30),
        }),
        makePosting({
          wantedAuthNo: 'KAPPLY02',
          company: '(주)한빛물류',
          busino: '1248100998',
          regDt: today,
          closeDt: addDays(today, 30),
        }),
        makePosting({
          wantedAuthNo: 'KCLOSED1',
          company: '(주)한빛물류',
          busino: '1248100998',
          regDt: addDays(today, -60),
          closeDt: addDays(today, -1),
        }),
        makePosting({
          wantedAuthNo: 'KOTHER02',
          company: '(주)다른회사',
          busino: '2208162517',
          regDt: today,
          closeDt: addDays(today, 30),
        }),
      ]);
      await seedDemoAccounts(t.database, () => {});
      app = await buildApp({
        config: loadConfig({ LOG_LEVEL: 'silent', ILTEO_TRUST_PROXY: 'true' }),
        database: t.database,
      });
      seeker = client();
      await seeker.signIn('minjun', DEMO_PASSWORD);
      employer = client();
      await employer.signIn('employer', DEMO_PASSWORD);
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('writes a resume; bad input comes back with Korean messages and what was typed', async () => {
      await seeker.get('/my/resumes/new');
      // '2021-3' is read as 2021.03 (src/shared/dates.ts); a 13th month is not.
      const bad = await seeker.post('/my/resumes', { ...RESUME, from0: '2021-13', title: '' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /이력서 제목을 적어 주세요/);
      assert.match(bad.body, /2021\.03 처럼/);
      assert.match(bad.body, /value="2021-13"/);
      assert.match(bad.body, /value="\(주\)한빛물류"/);
      const ok = await seeker.post('/my/resumes', RESUME);
      assert.equal(ok.statusCode, 303);
      assert.match((await seeker.get('/my/resumes')).body, /물류 관리 경력 5년/);
    });

    it('applies once, however often or in however many requests the button is pressed', async () => {
      const page = await seeker.get('/jobs/KAPPLY01/apply');
      const form = { idempotencyKey: key(page.body), resumeId: resumeId(page.body) };
      const first = await seeker.post('/jobs/KAPPLY01/apply', form);
      assert.equal(first.statusCode, 303);
      assert.match(String(first.headers.location), /applied=KAPPLY01/);
      // The same form again (a double click, a re-sent request) is answered as the first was.
      const again = await seeker.post('/jobs/KAPPLY01/apply', form);
      assert.equal(again.headers.location, first.headers.location);
      const otherKey = await seeker.post('/jobs/KAPPLY01/apply', {
        ...form,
        idempotencyKey: `${form.idempotencyKey}x`,
      });
      assert.match(String(otherKey.headers.location), /already=KAPPLY01/);
      // A burst of 20 clicks with fresh keys from a second seeker.
      const jiwoo = client();
      await jiwoo.signIn('jiwoo', DEMO_PASSWORD);
      await jiwoo.get('/my/resumes/new');
      // Written from the apply page, the resume brings the seeker back to it, saying it was saved.
      const written = await jiwoo.post('/my/resumes', {
        ...RESUME,
        title: '사무 경력',
        returnTo: '/jobs/KAPPLY01/apply',
      });
      assert.equal(written.headers.location, '/jobs/KAPPLY01/apply?resume=saved');
      const applyPage = await jiwoo.get(String(written.headers.location));
      assert.match(applyPage.body, /role="status"[\s\S]*이력서를 저장했습니다. 이제 이 이력서로 지원할 수 있습니다/);
      const id = resumeId(applyPage.body);
      const burst = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          jiwoo.post('/jobs/KAPPLY01/apply', { resumeId: id, idempotencyKey: `burst-key-${kind}-${i}-aaaaaaaa` }),
        ),
      );
      assert.ok(
        burst.every((r) => r.statusCode === 303),
        burst.map((r) => r.statusCode).join(','),
      );
      const rows = await t.database.query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM applications a JOIN postings p ON p.id = a.posting_id WHERE p.wanted_auth_no = 'KAPPLY01'`,
      );
      assert.equal(rows[0]?.n, 2, 'one application per seeker');
      const list = await seeker.get('/my/applications');
      assert.match(list.body, /<strong>접수<\/strong>/);
    });

    it('the apply page says "이미 지원했습니다" with a link to the application, not the form again', async () => {
      const [row] = await t.database.query<{ id: number }>(
        sql`SELECT a.id::int AS id FROM applications a JOIN accounts acc ON acc.id = a.applicant_id
            JOIN postings p ON p.id = a.posting_id WHERE acc.login_id = 'minjun' AND p.wanted_auth_no = 'KAPPLY01'`,
      );
      const page = await seeker.get('/jobs/KAPPLY01/apply');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /이미 지원했습니다/);
      assert.match(page.body, /물류 관리 경력 5년&quot;으로 지원했습니다 · 지금 상태 <strong>접수<\/strong>/);
      assert.match(
        page.body,
        new RegExp(`<a href="/my/applications#application-${row?.id}">입사지원 현황에서 보기</a>`),
      );
      assert.doesNotMatch(page.body, /name="resumeId"|이 이력서로 지원/);
      assert.match((await seeker.get('/my/applications')).body, new RegExp(`id="application-${row?.id}"`));
      // Another posting still offers the form.
      assert.match((await seeker.get('/jobs/KAPPLY02/apply')).body, /이 이력서로 지원/);
    });

    it('offers 지원하기 to seekers and to people not signed in, not to an employer (whose click would be refused)', async () => {
      const apply = /href="\/jobs\/KAPPLY02\/apply"/;
      assert.match((await seeker.get('/jobs/KAPPLY02')).body, apply);
      assert.match((await client().get('/jobs/KAPPLY02')).body, apply);
      const asEmployer = await employer.get('/jobs/KAPPLY02');
      assert.equal(asEmployer.statusCode, 200);
      assert.doesNotMatch(asEmployer.body, apply);
      assert.match(asEmployer.body, /입사지원은 개인회원 계정으로 로그인해서 할 수 있습니다/);
      assert.equal((await employer.get('/jobs/KAPPLY02/apply')).statusCode, 403);
    });

    it('refuses closed postings and other people’s resumes', async () => {
      const page = await seeker.get('/jobs/KAPPLY02/apply');
      const [other] = await t.database.query<{ id: number }>(
        sql`SELECT r.id::int AS id FROM resumes r JOIN accounts a ON a.id = r.owner_id WHERE a.login_id = 'jiwoo'`,
      );
      const foreign = await seeker.post('/jobs/KAPPLY02/apply', {
        idempotencyKey: key(page.body),
        resumeId: String(other?.id),
      });
      assert.equal(foreign.statusCode, 422);
      assert.match(foreign.body, /이력서를 골라/);
      const closedPage = await seeker.get('/jobs/KCLOSED1/apply');
      assert.match(closedPage.body, /마감된 채용공고/);
      const closed = await seeker.post('/jobs/KCLOSED1/apply', {
        idempotencyKey: 'closed-key-aaaaaaaaaaaa',
        resumeId: resumeId(page.body),
      });
      assert.equal(closed.statusCode, 409);
    });

    it('the employer sees the applicant, opening the resume marks it 열람, and the seeker sees each change', async () => {
      const posting = await employer.get('/employer/postings/KAPPLY01');
      assert.match(posting.body, /지원자 2명/);
      assert.match(posting.body, /미열람/);
      applicationId = Number(/\/employer\/applications\/(\d+)">김민준/.exec(posting.body)?.[1]);
      const resume = await employer.get(`/employer/applications/${applicationId}`);
      assert.equal(resume.statusCode, 200);
      assert.match(resume.body, /정확하고 빠른 출고/);
      assert.match((await seeker.get('/my/applications')).body, /<strong>열람<\/strong>/);
      const empty = await employer.post(`/employer/applications/${applicationId}/status`, { status: '' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /김민준 님 · /, 'the resume page again, not an error page');
      assert.match(empty.body, /<a href="#status">다음 상태를 서류합격, 면접, 합격, 불합격 가운데에서 골라 주세요/);
      assert.match(empty.body, /id="status"[^>]*aria-invalid="true"[^>]*aria-describedby="status-error"/);
      assert.match(empty.body, /정확하고 빠른 출고/);
      const moved = await employer.post(`/employer/applications/${applicationId}/status`, { status: 'passed' });
      assert.equal(moved.statusCode, 303);
      const back = await employer.get(String(moved.headers.location));
      assert.match(back.body, /role="status"[\s\S]*김민준 님의 상태를 서류합격으로 바꿨습니다/);
      assert.match((await seeker.get('/my/applications')).body, /<strong>서류합격<\/strong>/);
      const events = await t.database.query<{ status: string }>(
        sql`SELECT status FROM application_events WHERE application_id = ${applicationId} ORDER BY id`,
      );
      assert.deepEqual(
        events.map((e) => e.status),
        ['received', 'viewed', 'passed'],
      );
    });

    it('no employer sees another company’s applicants (404)', async () => {
      const [company] = await t.database.query<{ id: number }>(
        sql`SELECT id::int AS id FROM companies WHERE busino = '2208162517'`,
      );
      assert.ok(company);
      await createEmployer(t.database, {
        loginId: 'other.hr',
        password: 'Other!company2026',
        name: '남인사',
        email: 'hr@other.example',
        busino: '2208162517',
        companyName: '(주)다른회사',
        industry: '제조업',
      });
      const other = client();
      await other.signIn('other.hr', 'Other!company2026');
      assert.equal((await other.get(`/employer/applications/${applicationId}`)).statusCode, 404);
      assert.equal((await other.get('/employer/postings/KAPPLY01')).statusCode, 404);
      await other.get('/employer');
      assert.equal(
        (await other.post(`/employer/applications/${applicationId}/status`, { status: 'rejected' })).statusCode,
        404,
      );
      assert.equal((await seeker.get(`/employer/applications/${applicationId}`)).statusCode, 403);
    });

    it('a seeker withdraws; the employer no longer sees the application', async () => {
      const jiwoo = client();
      await jiwoo.signIn('jiwoo', DEMO_PASSWORD);
      const list = await jiwoo.get('/my/applications');
      const id = /\/my\/applications\/(\d+)\/withdraw/.exec(list.body)?.[1];
      assert.ok(id);
      assert.equal((await jiwoo.post(`/my/applications/${id}/withdraw`, {})).statusCode, 303);
      assert.match((await jiwoo.get('/my/applications')).body, /<strong>취소<\/strong>/);
      assert.match((await employer.get('/employer/postings/KAPPLY01')).body, /지원자 1명/);
      assert.equal((await employer.get(`/employer/applications/${id}`)).statusCode, 404);
      // Someone else cannot withdraw minjun's application.
      await jiwoo.get('/my/applications');
      assert.equal((await jiwoo.post(`/my/applications/${applicationId}/withdraw`, {})).statusCode, 404);
    });

    it('the employer moves several applicants at once; ids of other postings are ignored', async () => {
      const page = await employer.get('/employer/postings/KAPPLY01');
      const ids = [...page.body.matchAll(/name="ids" value="(\d+)"/g)].map((m) => m[1] as string);
      assert.equal(ids.length, 1);
      const moved = await app.inject({
        method: 'POST',
        url: '/employer/postings/KAPPLY01/applicants',
        headers: {
          cookie: employer.cookieHeader(),
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-for': '10.7.1.1',
        },
        payload: `_csrf=${encodeURIComponent(employer.lastCsrf ?? '')}&idempotencyKey=${employer.formKeys.get('/employer/postings/KAPPLY01/applicants')}&status=interview&ids=${ids[0]}&ids=999999`,
      });
      assert.equal(moved.statusCode, 303);
      assert.match(String(moved.headers.location), /moved=1/);
      const notice = await employer.get(String(moved.headers.location));
      assert.match(notice.body, /role="status"[\s\S]*지원자 1명의 상태를 면접으로 바꿨습니다/);
      assert.doesNotMatch(notice.body, /가운데/, 'the id of another posting is not counted as picked');
      assert.match((await seeker.get('/my/applications')).body, /<strong>면접<\/strong>/);
    });

    it('한꺼번에 바꾸기 with nothing picked or no status comes back on the page, with what was chosen', async () => {
      const page = await employer.get('/employer/postings/KAPPLY01');
      const id = /name="ids" value="(\d+)"/.exec(page.body)?.[1] ?? '';
      const none = await employer.post('/employer/postings/KAPPLY01/applicants', { status: 'passed' });
      assert.equal(none.statusCode, 400);
      assert.match(none.body, /<h1 class="heading-xlarge">[^<]+<\/h1>/);
      assert.match(none.body, /지원자 1명/, 'the applicants are still there');
      assert.match(none.body, /role="alert"[\s\S]*<a href="#pick-\d+">상태를 바꿀 지원자를 골라 주세요/);
      assert.match(none.body, /id="ids-error">상태를 바꿀 지원자를 골라 주세요/);
      assert.match(none.body, /name="ids" value="\d+" aria-invalid="true" aria-describedby="ids-error"/);
      assert.match(none.body, /<option value="passed" selected>서류합격으로<\/option>/, 'the status chosen stays');
      const noStatus = await employer.post('/employer/postings/KAPPLY01/applicants', { ids: id, status: '' });
      assert.equal(noStatus.statusCode, 400);
      assert.match(noStatus.body, /<a href="#bulkStatus">선택한 지원자를 어떤 상태로 바꿀지 골라 주세요/);
      assert.match(noStatus.body, /id="bulkStatus"[^>]*aria-invalid="true"/);
      assert.match(noStatus.body, new RegExp(`name="ids" value="${id}" checked`), 'the pick stays');
      assert.doesNotMatch(noStatus.body, /id="ids-error"/);
      // The form came back with its key: sent again as corrected, it is applied once.
      const ok = await employer.post('/employer/postings/KAPPLY01/applicants', { ids: id, status: 'interview' });
      assert.equal(ok.statusCode, 303);
      const notice = await employer.get(String(ok.headers.location));
      assert.match(notice.body, /고른 지원자 1명은 이미 면접으로 바뀌었거나 전형이 끝나 상태를 바꾸지 않았습니다/);
    });

    it('applications made in Ilteo are offered as 재취업활동 in the 실업인정 form', async () => {
      const services = createServices({ config: loadConfig({ LOG_LEVEL: 'silent' }), database: t.database });
      const [minjun] = await t.database.query<{ id: number }>(
        sql`SELECT id::int AS id FROM accounts WHERE login_id = 'minjun'`,
      );
      const [counsellor] = await t.database.query<{ id: number }>(
        sql`SELECT id::int AS id FROM accounts WHERE login_id = 'counsel.gangnam'`,
      );
      const today = seoulToday();
      const { claim } = await services.benefits.fileClaim({
        claimant: { id: minjun?.id ?? 0, kind: 'seeker' },
        centreCode: 'seoul-gangnam',
        idempotencyKey: `claim-${kind}-aaaaaaaaaaaa`,
        companyName: '(주)예전회사',
        reportDate: addDays(today, -14),
        facts: {
          separationDate: addDays(today, -20),
          birthDate: '1985-05-20',
          disabled: false,
          insuredMonths: 40,
          insuredUnitDays: 400,
          separationReason: '23',
          justifiedReason: null,
          averageDailyWage: 95_000,
          ordinaryDailyWage: null,
          dailyHours: 8,
        },
      });
      await services.benefits.approve({ id: counsellor?.id ?? 0, kind: 'counsellor' }, claim.id, {
        firstDate: today,
        cycleDays: 28,
        note: '',
        repeatClaimant: false,
      });
      const form = await seeker.get(`/benefits/claims/${claim.id}/recognitions/1`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /일터에서 한 입사 지원은 아래 목록에 미리 채워 두었습니다/);
      assert.match(form.body, /value="\(주\)한빛물류"/);
      assert.match(form.body, /일터 입사 지원/);
    });
  });
}
