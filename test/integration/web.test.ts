import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { insertPostings } from '../../src/jobs/store.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { makePosting } from '../support/postings.ts';

const NOW = new Date('2026-11-25T01:00:00Z'); // 10:00 in Seoul

for (const kind of DRIVERS) {
  describe(`web pages and API on ${kind}`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    before(async () => {
      t = await openTestDatabase(kind);
      await insertPostings(
        t.database,
        [
          makePosting({ wantedAuthNo: 'KW001', title: '웹 개발자 모집', regDt: '2026-11-24', closeDt: '2026-11-28' }),
          makePosting({
            wantedAuthNo: 'KW002',
            title: '물류센터 상하차',
            regionCd: '41461',
            regDt: '2026-11-25',
            closeDt: null,
          }),
          makePosting({ wantedAuthNo: 'KW003', title: '마감된 경리 공고', regDt: '2026-10-01', closeDt: '2026-10-31' }),
        ],
        { today: '2026-10-01' },
      ); // all stored open: the service's daily closer must close KW003 itself

      app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database: t.database, now: () => NOW });
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('GET /healthz says the process is alive', async () => {
      const res = await app.inject('/healthz');
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().status, 'ok');
    });
    it('GET /readyz says the database is reachable and migrated', async () => {
      const res = await app.inject('/readyz');
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().status, 'ready');
      assert.equal(res.json().migrations.upToDate, true);
    });
    it('home page is a Korean government page with counts and the latest postings', async () => {
      const res = await app.inject('/');
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /text\/html/);
      assert.match(res.body, /<html lang="ko"/);
      assert.match(res.body, /이 누리집은 대한민국 공식 전자정부 누리집입니다/);
      assert.match(res.body, /채용공고 <strong>2건<\/strong>/);
      assert.match(res.body, /물류센터 상하차/);
    });
    it('search page shows highlighted results and keeps the query in the form', async () => {
      const res = await app.inject('/jobs?q=%EA%B0%9C%EB%B0%9C');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /검색결과 <strong>1건<\/strong>/);
      assert.match(res.body, /웹 <mark>개발<\/mark>자 모집/);
      assert.match(res.body, /name="q" class="krds-input" value="개발"/);
      assert.doesNotMatch(res.body, /마감된 경리 공고/);
    });
    it('search page says clearly when nothing matches', async () => {
      const res = await app.inject(`/jobs?q=${encodeURIComponent('없는직종이름')}`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /검색 결과가 없습니다/);
    });
    it('suggests the Hangul of a query typed with the keyboard in English mode', async () => {
      const res = await app.inject('/jobs?q=roqkf');
      assert.match(res.body, /‘개발’\(으\)로 검색/);
    });
    it('invalid filters get 400, a Korean message, and the typed input back', async () => {
      const res = await app.inject(`/jobs?q=${encodeURIComponent('개발')}&region=99999&page=abc`);
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /검색 조건을 확인해 주세요/);
      assert.match(res.body, /지역 코드 &#39;99999&#39;가 올바르지 않습니다/);
      assert.match(res.body, /value="개발"/);
    });
    it('escapes hostile input everywhere', async () => {
      const res = await app.inject(`/jobs?q=${encodeURIComponent('<script>alert(1)</script>')}`);
      assert.equal(res.statusCode, 200);
      assert.doesNotMatch(res.body, /<script>alert\(1\)<\/script>/);
      assert.match(res.body, /&lt;script&gt;/);
    });
    it('detail page shows the posting without any age and links back to the search', async () => {
      const res = await app.inject(`/jobs/KW001?back=${encodeURIComponent('?q=개발')}`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<h1[^>]*>웹 개발자 모집<\/h1>/);
      assert.match(res.body, /근무조건|모집요강/);
      assert.match(res.body, /우대사항/);
      assert.match(res.body, /복리후생/);
      assert.match(res.body, /전형방법/);
      assert.match(res.body, /D-3/);
      assert.doesNotMatch(res.body, /연령|나이/);
      assert.match(res.body, /href="\/jobs\?q=개발"/);
    });
    it('detail page ignores a back link to another site', async () => {
      const res = await app.inject(`/jobs/KW001?back=${encodeURIComponent('//evil.example')}`);
      assert.doesNotMatch(res.body, /evil\.example/);
    });
    it('a closed posting still opens, marked 마감', async () => {
      const res = await app.inject('/jobs/KW003');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /마감된 채용공고입니다/);
    });
    it('unknown posting and unknown page are Korean 404 pages', async () => {
      for (const url of ['/jobs/NOPE123', '/jobs/%3Cx%3E', '/no/such/page']) {
        const res = await app.inject(url);
        assert.equal(res.statusCode, 404, url);
        assert.match(res.body, /찾을 수 없습니다/);
        assert.doesNotMatch(res.body, /at .*\.ts:\d+/);
      }
    });
    it('JSON API searches in WorkNet field names', async () => {
      const res = await app.inject(`/api/v1/postings?q=${encodeURIComponent('물류')}`);
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.total, 1);
      assert.equal(body.items[0].wantedAuthNo, 'KW002');
      assert.equal(body.items[0].closeDt, '채용시까지');
      assert.equal(body.items[0].region, '경기 용인시 처인구');
      assert.equal(body.items[0].wantedInfoUrl, '/jobs/KW002');
    });
    it('JSON API rejects invalid parameters with 400 and a Korean message', async () => {
      const res = await app.inject('/api/v1/postings?salTp=X');
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'INVALID_PARAMETER');
      assert.match(res.json().error.message, /임금형태/);
    });
    it('JSON API returns one posting, or a Korean 404', async () => {
      assert.equal((await app.inject('/api/v1/postings/KW001')).json().title, '웹 개발자 모집');
      const missing = await app.inject('/api/v1/postings/NOPE');
      assert.equal(missing.statusCode, 404);
      assert.match(missing.json().error.message, /채용공고가 없습니다/);
    });
    it('serves an OpenAPI document that lists every search parameter', async () => {
      const res = await app.inject('/api/openapi.json');
      const names = res.json().paths['/api/v1/postings'].get.parameters.map((p: { name: string }) => p.name);
      for (const n of [
        'q',
        'scope',
        'exclude',
        'region',
        'occupation',
        'empTp',
        'salTp',
        'minWage',
        'career',
        'edu',
        'posted',
        'sort',
        'page',
        'size',
      ]) {
        assert.ok(names.includes(n), n);
      }
    });
    it('serves a Korean API guide page', async () => {
      const res = await app.inject('/api/docs');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /채용정보 오픈API/);
      assert.match(res.body, /<code>minWage<\/code>/);
    });
    it('sends security headers with a CSP', async () => {
      const res = await app.inject('/');
      assert.match(res.headers['content-security-policy'] as string, /default-src 'self'/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
    });
  });
}
