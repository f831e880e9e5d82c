import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/identity/demo.ts';
import { insertPostings } from '../../src/jobs/store.ts';
import { maskName } from '../../src/market/talent.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { makePosting } from '../support/postings.ts';
import { WebClient } from '../support/web.ts';

for (const kind of DRIVERS) {
  describe(`인재검색 and 인재정보 요청 on ${kind}`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let employer: WebClient;
    let minjun: WebClient;
    let privateId = 0;
    let publicId = 0;

    before(async () => {
      t = await openTestDatabase(kind);
      await insertPostings(t.database, [
        makePosting({ wantedAuthNo: 'KTAL00001', company: '(주)한빛물류', busino: '1248100998' }),
      ]);
      await seedDemoAccounts(t.database, () => {});
      app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database: t.database });
      minjun = new WebClient(app);
      await minjun.signIn('minjun', DEMO_PASSWORD);
      await minjun.get('/my/job-seeking');
      await minjun.post('/my/job-seeking', { occupation0: '133', region0: '11680' });
      await minjun.get('/my/resumes/new');
      await minjun.post('/my/resumes', {
        title: '백엔드 개발 5년',
        education: '05',
        company0: '(주)소프트',
        from0: '2021-01',
        to0: '',
        skills: 'TypeScript, PostgreSQL',
        isPublic: 'yes',
      });
      const jiwoo = new WebClient(app);
      await jiwoo.signIn('jiwoo', DEMO_PASSWORD);
      await jiwoo.get('/my/resumes/new');
      await jiwoo.post('/my/resumes', { title: '비공개 회계 이력서', education: '04', skills: 'TypeScript' });
      const ids = await t.database.query<{ id: number; isPublic: boolean }>(
        sql`SELECT id::int AS id, is_public AS "isPublic" FROM resumes`,
      );
      publicId = ids.find((r) => r.isPublic)?.id ?? 0;
      privateId = ids.find((r) => !r.isPublic)?.id ?? 0;
      employer = new WebClient(app);
      await employer.signIn('employer', DEMO_PASSWORD);
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('finds public resumes only, without names', async () => {
      const all = await employer.get('/employer/talent?q=TypeScript');
      assert.match(all.body, /백엔드 개발 5년/);
      assert.match(all.body, new RegExp(maskName('김민준')));
      assert.doesNotMatch(all.body, /김민준|비공개 회계 이력서/);
      assert.equal((await employer.get(`/employer/talent/${privateId}`)).statusCode, 404);
      assert.match((await employer.get('/employer/talent?sido=26000')).body, /조건에 맞는 인재가 없습니다/);
      assert.match(
        (await employer.get('/employer/talent?sido=11000&occupation=1&minCareer=36')).body,
        /백엔드 개발 5년/,
      );
      const none = await employer.get('/employer/talent?minCareer=120');
      assert.match(none.body, /조건에 맞는 인재가 없습니다/);
      assert.match(none.body, /조건을 줄여 보세요/);
      assert.doesNotMatch(none.body, /철자/, 'no spelling advice when no word was typed');
      assert.match((await employer.get('/employer/talent?q=Kotlin')).body, /검색어\(기술·자격증\)의 철자/);
      assert.equal((await minjun.get('/employer/talent')).statusCode, 403);
    });

    it('with no request yet, the seeker’s inbox says what would come there, not search advice', async () => {
      const inbox = await minjun.get('/my/contact-requests');
      assert.match(inbox.body, /받은 인재정보 요청이 없습니다/);
      assert.match(inbox.body, /이력서를 인재검색에 공개하면 기업이 연락을 요청할 수 있고/);
      assert.doesNotMatch(inbox.body, /철자|검색어/);
    });

    it('a request without a message comes back on the resume page with the error', async () => {
      await employer.get(`/employer/talent/${publicId}`);
      const empty = await employer.post(`/employer/talent/${publicId}/request`, { message: '   ' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /백엔드 개발 5년/, 'the resume is still there');
      assert.match(empty.body, /role="alert"[\s\S]*<a href="#message">구직자에게 보낼 말을 적어 주세요/);
      assert.match(empty.body, /id="message"[^>]*aria-invalid="true"/);
      const [n] = await t.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM contact_requests`);
      assert.equal(n?.n, 0);
    });

    it('the seeker accepts a contact request; only then the employer sees the name and e-mail', async () => {
      const page = await employer.get(`/employer/talent/${publicId}`);
      assert.doesNotMatch(page.body, /minjun@example\.kr/);
      assert.equal(
        (await employer.post(`/employer/talent/${publicId}/request`, { message: '물류 시스템 개발자 자리입니다.' }))
          .statusCode,
        303,
      );
      await employer.post(`/employer/talent/${publicId}/request`, { message: '두 번째' });
      const [n] = await t.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM contact_requests`);
      assert.equal(n?.n, 1, 'one request per company and resume');
      const inbox = await minjun.get('/my/contact-requests');
      assert.match(inbox.body, /물류 시스템 개발자 자리입니다/);
      const id = /\/my\/contact-requests\/(\d+)/.exec(inbox.body)?.[1];
      const bad = await minjun.post(`/my/contact-requests/${id}`, { decision: 'maybe' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /수락 또는 거절 단추를 눌러 답해 주세요/);
      assert.match(bad.body, /물류 시스템 개발자 자리입니다/, 'the requests are still there');
      const accepted = await minjun.post(`/my/contact-requests/${id}`, { decision: 'accepted' });
      assert.equal(accepted.statusCode, 303);
      assert.match(
        (await minjun.get(String(accepted.headers.location))).body,
        /role="status"[\s\S]*요청을 수락했습니다/,
      );
      const after = await employer.get(`/employer/talent/${publicId}`);
      assert.match(after.body, /김민준/);
      assert.match(after.body, /minjun@example\.kr/);
    });
  });
}
