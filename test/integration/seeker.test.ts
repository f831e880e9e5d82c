import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/identity/demo.ts';
import { insertPostings } from '../../src/jobs/store.ts';
import { runAlerts } from '../../src/market/alerts.ts';
import { createServices } from '../../src/services.ts';
import { addDays, seoulToday } from '../../src/shared/dates.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { makePosting } from '../support/postings.ts';
import { WebClient } from '../support/web.ts';

const today = seoulToday();
const open = { regDt: today, closeDt: addDays(today, 30) };

for (const kind of DRIVERS) {
  describe(`구직신청, 맞춤 채용정보 and 관심 채용정보 on ${kind}`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let seeker: WebClient;

    before(async () => {
      t = await openTestDatabase(kind);
      await insertPostings(t.database, [
        makePosting({
          ...open,
          wantedAuthNo: 'KREC00001',
          title: '백엔드 개발자',
          jobsCd: '133',
          regionCd: '11680',
          maxSal: 4_000_000,
          minSal: 3_500_000,
        }),
        makePosting({
          ...open,
          wantedAuthNo: 'KREC00002',
          title: '시스템 운영자',
          jobsCd: '134',
          regionCd: '11650',
          maxSal: 4_000_000,
          minSal: 3_500_000,
        }),
        makePosting({
          ...open,
          wantedAuthNo: 'KREC00003',
          title: '판교 개발자',
          jobsCd: '133',
          regionCd: '41135',
          maxSal: 4_000_000,
          minSal: 3_500_000,
        }),
        makePosting({
          ...open,
          wantedAuthNo: 'KREC00004',
          title: '부산 개발자',
          jobsCd: '133',
          regionCd: '26110',
          maxSal: 4_000_000,
          minSal: 3_500_000,
        }),
        makePosting({ ...open, wantedAuthNo: 'KREC00005', title: '강남 사무원', jobsCd: '026', regionCd: '11680' }),
        makePosting({
          ...open,
          wantedAuthNo: 'KREC00006',
          title: '시니어 개발자',
          jobsCd: '133',
          regionCd: '11680',
          career: 'E',
          minCareerMonths: 120,
          maxSal: 6_000_000,
          minSal: 5_000_000,
        }),
      ]);
      await seedDemoAccounts(t.database, () => {});
      app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database: t.database });
      seeker = new WebClient(app);
      await seeker.signIn('minjun', DEMO_PASSWORD);
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('asks for 구직신청 first, with Korean messages', async () => {
      assert.match((await seeker.get('/my/recommendations')).body, /구직신청을 먼저 해 주세요/);
      await seeker.get('/my/job-seeking');
      const bad = await seeker.post('/my/job-seeking', { wageMonthly: '많이' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /희망직종을 하나 이상/);
      assert.match(bad.body, /희망지역을 하나 이상/);
      assert.match(bad.body, /만원 단위/);
      const ok = await seeker.post('/my/job-seeking', { occupation0: '133', region0: '11680', wageMonthly: '300' });
      assert.equal(ok.statusCode, 303);
    });

    it('ranks postings by fit and says why', async () => {
      await seeker.get('/my/resumes/new');
      await seeker.post('/my/resumes', {
        title: '개발자',
        education: '05',
        company0: '(주)소프트',
        role0: '개발',
        from0: '2022-01',
        to0: '',
      });
      const page = await seeker.get('/my/recommendations');
      const order = [...page.body.matchAll(/href="\/jobs\/(KREC\d+)"/g)].map((m) => m[1]);
      // The exact 직종 next door outranks a related 직종 in the same city: 직종 weighs more than 지역.
      assert.deepEqual(order, ['KREC00001', 'KREC00003', 'KREC00002']);
      assert.match(page.body, /희망직종 일치 · 희망지역 일치 · 희망임금 이상/);
      assert.match(page.body, /희망직종과 비슷한 직종 · 희망지역과 같은 시도/);
      assert.match(page.body, /희망지역 인접/);
      assert.doesNotMatch(
        page.body,
        /KREC00004|KREC00005|KREC00006/,
        'other regions, occupations, and unmet career requirements are left out',
      );
    });

    it('exports the search as CSV in WorkNet field names', async () => {
      const r = await app.inject({ method: 'GET', url: `/api/v1/postings.csv?region=11680` });
      assert.equal(r.statusCode, 200);
      assert.match(String(r.headers['content-type']), /text\/csv; charset=utf-8/);
      assert.match(
        String(r.headers['content-disposition']),
        /attachment; filename="ilteo-postings-\d{4}-\d{2}-\d{2}\.csv"/,
      );
      const lines = r.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      assert.equal(lines[0]?.split(',')[0], 'wantedAuthNo');
      assert.ok(lines.some((l) => l.startsWith('KREC00001,')));
      assert.ok(!lines.some((l) => l.startsWith('KREC00004,')), 'only the searched region');
      const bad = await app.inject({ method: 'GET', url: '/api/v1/postings.csv?region=99' });
      assert.equal(bad.statusCode, 400);
    });

    it('saves and unsaves a posting', async () => {
      const detail = await seeker.get('/jobs/KREC00002');
      assert.match(detail.body, /관심 채용정보 저장/);
      const first = await seeker.post('/jobs/KREC00002/save', {});
      assert.equal(first.statusCode, 303);
      assert.match(
        (await seeker.get(String(first.headers.location))).body,
        /role="status"[\s\S]*관심 채용정보에 저장했습니다/,
      );
      assert.equal((await seeker.post('/jobs/KREC00002/save', {})).statusCode, 303, 'saving twice keeps one');
      const saved = await seeker.get('/my/saved');
      assert.equal([...saved.body.matchAll(/href="\/jobs\/KREC00002"/g)].length, 1);
      assert.match((await seeker.get('/jobs/KREC00002')).body, /관심 채용정보에서 빼기/);
      const out = await seeker.post('/jobs/KREC00002/unsave', {});
      assert.match(
        (await seeker.get(String(out.headers.location))).body,
        /role="status"[\s\S]*관심 채용정보에서 뺐습니다/,
      );
      await seeker.post('/jobs/KREC00002/save', {});
      const removed = await seeker.post('/jobs/KREC00002/unsave', { back: 'saved' });
      const list = await seeker.get(String(removed.headers.location));
      assert.match(list.body, /role="status"[\s\S]*관심 채용정보에서 뺐습니다/);
      assert.match(list.body, /저장한 채용공고가 없습니다/);
    });

    it('shows a saved search as its conditions, in the list and in its alerts', async () => {
      await seeker.get(`/jobs?q=${encodeURIComponent('물류')}&region=11000`);
      // As the search page's form sends it: the query string, no name typed.
      const saved = await seeker.post('/my/saved-searches', {
        query: `q=${encodeURIComponent('물류')}&region=11000&page=2`,
        name: '',
      });
      assert.equal(saved.statusCode, 303);
      const list = await seeker.get('/my/saved-searches');
      assert.match(list.body, /<a href="\/jobs\?q=%EB%AC%BC%EB%A5%98&amp;region=11000">물류 · 서울<\/a>/);
      assert.match(list.body, /<td>물류 · 서울<\/td>/);
      assert.doesNotMatch(list.body, /<td>q=|%EB%AC%BC[^"]*<\/td>/, 'never the query string as text');
      await insertPostings(t.database, [
        makePosting({ ...open, wantedAuthNo: 'KSS000001', title: '물류센터 입출고', regionCd: '11680' }),
      ]);
      const services = createServices({ config: loadConfig({ LOG_LEVEL: 'silent' }), database: t.database });
      await runAlerts(t.database, services.marketStore, {
        now: new Date(),
        today,
        holder: `seeker-test-${kind}`,
        publicUrl: 'http://127.0.0.1:3000',
      });
      const alerts = await seeker.get('/my/notifications');
      assert.match(alerts.body, /\[물류 · 서울\] 새 채용공고: 물류센터 입출고/);
      assert.match(alerts.body, /저장한 검색 &quot;물류 · 서울&quot;에 맞는 새 공고입니다/);
      assert.doesNotMatch(alerts.body, /q=%EB/);
      // A name typed by the person is kept; the list still says the conditions.
      const named = await seeker.post('/my/saved-searches', {
        query: 'occupation=026&region=11680',
        name: '강남 사무',
      });
      assert.equal(named.statusCode, 303);
      const again = await seeker.get('/my/saved-searches');
      assert.match(again.body, /강남 사무<\/a>/);
      assert.match(again.body, /<td>서울 강남구 · 경영지원 사무원<\/td>/);
      const id = /\/my\/saved-searches\/(\d+)\/delete/.exec(again.body)?.[1];
      const deleted = await seeker.post(`/my/saved-searches/${id}/delete`, {});
      assert.match(
        (await seeker.get(String(deleted.headers.location))).body,
        /role="status"[\s\S]*저장한 검색을 지웠습니다/,
      );
    });
  });
}
