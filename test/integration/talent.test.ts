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
      assert.match((await employer.get('/employer/talent?minCareer=120')).body, /조건에 맞는 인재가 없습니다/);
      assert.equal((await minjun.get('/employer/talent')).statusCode, 403);
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
      assert.equal((await minjun.post(`/my/contact-requests/${id}`, { decision: 'accepted' })).statusCode, 303);
      const after = await employer.get(`/employer/talent/${publicId}`);
      assert.match(after.body, /김민준/);
      assert.match(after.body, /minjun@example\.kr/);
    });
  });
}
