import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/identity/demo.ts';
import { insertPostings } from '../../src/jobs/store.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { makePosting } from '../support/postings.ts';
import { WebClient } from '../support/web.ts';

/** The metrics token the app below is configured with. */
const TOKEN = 'test-metrics-token-0123456789abcdef';
const CONTROL_MESSAGE = /입력값에 사용할 수 없는 문자\(제어 문자\)가 있습니다/;

/** One raw HTTP/1.1 exchange (what fetch will not send: a NUL in a cookie, 20 KB of headers). */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer in 10 s')));
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (err) => (chunks.length ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(err)));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.write(request);
  });
}

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

      await seedDemoAccounts(t.database, () => {});
      app = await buildApp({
        config: loadConfig({ LOG_LEVEL: 'silent', ILTEO_METRICS_TOKEN: TOKEN }),
        database: t.database,
        now: () => NOW,
      });
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
    it('offers English only where the page is translated; ?lang=en elsewhere says the page is Korean only', async () => {
      for (const url of [
        '/',
        '/jobs',
        '/jobs/KW001',
        '/benefits',
        '/benefits/estimate',
        '/login',
        '/signup',
        '/centers',
      ]) {
        const korean = await app.inject(url);
        assert.doesNotMatch(korean.body, /hreflang="en"/, `${url} has no English link`);
        const asked = await app.inject(`${url}${url.includes('?') ? '&' : '?'}lang=en`);
        assert.equal(asked.statusCode, 200, url);
        assert.match(asked.body, /<html lang="ko"/, `${url}?lang=en stays Korean`);
        assert.match(asked.body, /<p class="ilteo-lang-note" lang="en">This page is in Korean only\./, url);
      }
      const status = await app.inject('/status');
      assert.match(status.body, /<a href="\/status\?lang=en"[^>]*hreflang="en">English<\/a>/);
      const english = await app.inject('/status?lang=en');
      assert.match(english.body, /<html lang="en"/);
      assert.doesNotMatch(english.body, /ilteo-lang-note/);
      assert.match(english.body, /<a href="\/status" [^>]*lang="ko"[^>]*>한국어<\/a>/);
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
      assert.match(res.body, /‘개발’로 검색/);
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

    // ── Issue 20, item 14: redirects go to this site only ─────────────────────────────────────
    it('sends a signed-in person only to a path on this site after /login?next=', async () => {
      const c = new WebClient(app, { 'x-forwarded-for': '10.20.14.1' });
      assert.equal((await c.signIn('minjun', DEMO_PASSWORD)).statusCode, 303);
      const hostile = [
        '/\t/evil.example',
        '/\n/evil.example',
        '/\r\n/evil.example',
        '/\\evil.example',
        '\\\\evil.example',
        '//evil.example',
        '/..//evil.example',
        '/.//evil.example',
        'https://evil.example/',
        'javascript:alert(1)',
        ' /evil',
      ];
      for (const next of hostile) {
        const res = await c.get(`/login?next=${encodeURIComponent(next)}`);
        assert.equal(res.statusCode, 303, JSON.stringify(next));
        assert.equal(res.headers.location, '/', JSON.stringify(next));
      }
      // A path of ours is kept, written as a browser reads it.
      const ok = await c.get(`/login?next=${encodeURIComponent('/jobs?q=개발&page=2')}`);
      assert.equal(ok.headers.location, '/jobs?q=%EA%B0%9C%EB%B0%9C&page=2');
      assert.equal((await c.get('/login?next=%2Fmy%2Fresumes')).headers.location, '/my/resumes');
    });
    it('sends someone who signs in with a hostile next to the home page', async () => {
      const c = new WebClient(app, { 'x-forwarded-for': '10.20.14.2' });
      await c.get('/login');
      const res = await c.post('/login', { loginId: 'jiwoo', password: DEMO_PASSWORD, next: '/\t/evil.example' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/');
    });

    // ── Item 15: control characters and inherited names ──────────────────────────────────────
    it('refuses a NUL byte in a form, a search and a JSON body with a Korean 400, not a 500', async () => {
      const c = new WebClient(app, { 'x-forwarded-for': '10.20.15.1' });
      await c.get('/login');
      const login = await c.post('/login', { loginId: 'min\u0000jun', password: 'x' });
      assert.equal(login.statusCode, 400);
      assert.match(login.body, CONTROL_MESSAGE);
      assert.equal(login.headers['ilteo-error-code'], 'CONTROL_CHARACTER');
      const search = await app.inject('/jobs?q=%00');
      assert.equal(search.statusCode, 400);
      assert.match(search.body, CONTROL_MESSAGE);
      const forgot = await c.post('/password/forgot', { loginId: '\u0000' });
      assert.equal(forgot.statusCode, 400);
      const api = await c.postJson('/api/v1/postings/KW001/reports', { reason: 'fee', detail: 'a\u0000b' });
      assert.equal(api.statusCode, 400);
      assert.equal(api.json().error.code, 'CONTROL_CHARACTER');
      assert.match(api.json().error.message, CONTROL_MESSAGE);
      assert.equal(api.json().error.fields.detail !== undefined, true);
      const esc = await app.inject('/jobs?q=%1B%5B31m');
      assert.equal(esc.statusCode, 400, 'an ESC is refused like a NUL');
    });
    it('takes tabs and line breaks as text', async () => {
      const c = new WebClient(app, { 'x-forwarded-for': '10.20.15.2' });
      const res = await c.postJson('/api/v1/postings/KW001/reports', { reason: 'fee', detail: '첫 줄\n둘째 줄\t끝' });
      assert.notEqual(res.json().error?.code, 'CONTROL_CHARACTER');
      assert.ok(res.statusCode < 400, `${res.statusCode} ${res.body}`);
    });
    it('answers /login?error= with a name every object has as no message, not a 500', async () => {
      for (const error of ['__proto__', 'valueOf', 'hasOwnProperty', 'constructor', 'toString']) {
        const res = await app.inject(`/login?error=${error}`);
        assert.equal(res.statusCode, 200, error);
        assert.match(res.body, /<h1[^>]*>로그인/);
      }
      assert.match((await app.inject('/login?error=cancelled&provider=x')).body, /로그인이 취소되었습니다/);
    });

    // ── Item 17: nothing personal in a cache ─────────────────────────────────────────────────
    it('sends Cache-Control: no-store on every answer to someone signed in and to every write', async () => {
      const pages: Record<string, string[]> = {
        minjun: ['/my', '/my/resumes', '/my/applications', '/', '/jobs'],
        employer: ['/employer', '/employer/company'],
        'counsel.gangnam': ['/centre', '/centre/claims'],
        admin: ['/admin', '/admin/accounts', '/admin/audit'],
      };
      let n = 0;
      for (const [loginId, urls] of Object.entries(pages)) {
        const c = new WebClient(app, { 'x-forwarded-for': `10.20.17.${++n}` });
        assert.equal((await c.signIn(loginId, DEMO_PASSWORD)).statusCode, 303);
        for (const url of urls) {
          const res = await c.get(url);
          assert.equal(res.statusCode, 200, `${loginId} ${url}`);
          assert.equal(res.headers['cache-control'], 'no-store', `${loginId} ${url}`);
        }
      }
      // Not signed in, a public page may be cached as before; any POST is not.
      assert.notEqual((await app.inject('/jobs')).headers['cache-control'], 'no-store');
      const c = new WebClient(app, { 'x-forwarded-for': '10.20.17.9' });
      await c.get('/login');
      const failed = await c.post('/login', { loginId: 'nobody', password: 'wrong-password' });
      assert.equal(failed.statusCode, 401);
      assert.equal(failed.headers['cache-control'], 'no-store');
    });

    // ── Item 18: the framework's refusals in Korean ──────────────────────────────────────────
    const assertKoreanPage = (res: { statusCode: number; body: string; headers: Record<string, unknown> }) => {
      assert.match(String(res.headers['content-type']), /text\/html/);
      assert.match(res.body, /<html lang="ko"/);
      assert.doesNotMatch(res.body, /FST_ERR|is not a valid url|Bad Request|exceeding the max/);
      assert.doesNotMatch(String(res.headers['ilteo-error-code'] ?? ''), /^FST_/);
    };
    it('answers a path that does not decode in Korean, without repeating it', async () => {
      const page = await app.inject('/jobs/%zz<b>');
      assert.equal(page.statusCode, 400);
      assertKoreanPage(page);
      assert.match(page.body, /주소가 올바르지 않습니다/);
      assert.doesNotMatch(page.body, /%zz/);
      const api = await app.inject('/api/v1/postings/%E0%A4%A');
      assert.equal(api.statusCode, 400);
      assert.deepEqual(
        { code: api.json().error.code, korean: /[가-힣]/.test(api.json().error.message) },
        { code: 'BAD_URL', korean: true },
      );
      assert.doesNotMatch(api.body, /E0%A4/);
    });
    it('answers a path parameter over the length limit with a Korean 414, without repeating it', async () => {
      const long = 'A'.repeat(300);
      const res = await app.inject(`/jobs/${long}`);
      assert.equal(res.statusCode, 414);
      assertKoreanPage(res);
      assert.match(res.body, /주소가 너무 깁니다/);
      assert.doesNotMatch(res.body, new RegExp(long));
    });
    it('answers bad JSON, an unsupported media type and a body too large in Korean', async () => {
      const badJson = await app.inject({
        method: 'POST',
        url: '/api/v1/postings/KW001/reports',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'bad-json-0000000001' },
        payload: '{"reason": ',
      });
      assert.equal(badJson.statusCode, 400);
      assert.equal(badJson.json().error.code, 'BAD_JSON');
      assert.match(badJson.json().error.message, /JSON의 형식이 올바르지 않습니다/);
      const xml = await app.inject({
        method: 'POST',
        url: '/login',
        headers: { 'content-type': 'text/xml' },
        payload: '<a/>',
      });
      assert.equal(xml.statusCode, 415);
      assertKoreanPage(xml);
      assert.equal(xml.headers['ilteo-error-code'], 'UNSUPPORTED_MEDIA_TYPE');
      assert.match(xml.body, /지원하지 않는 형식의 요청입니다/);
      const big = await app.inject({
        method: 'POST',
        url: '/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `loginId=${'x'.repeat(1_100_000)}`,
      });
      assert.equal(big.statusCode, 413);
      assertKoreanPage(big);
      assert.equal(big.headers['ilteo-error-code'], 'BODY_TOO_LARGE');
      assert.match(big.body, /보낸 내용이 너무 큽니다/);
    });
    it("answers what Node's HTTP parser refuses (headers too large, a NUL in a cookie) in Korean", async () => {
      await app.listen({ host: '127.0.0.1', port: 0 });
      {
        const { port } = app.server.address() as net.AddressInfo;
        const big = `cookie: a=${'x'.repeat(20_000)}\r\n`;
        const tooLarge = await rawRequest(port, `GET /jobs HTTP/1.1\r\nhost: 127.0.0.1\r\n${big}\r\n`);
        assert.match(tooLarge, /^HTTP\/1\.1 431 /);
        assert.match(tooLarge, /content-type: text\/html; charset=utf-8/i);
        assert.match(tooLarge, /쿠키를 지운 뒤 다시 시도해 주세요/);
        assert.doesNotMatch(tooLarge, /Exceeded maximum|"statusCode"/);
        const apiTooLarge = await rawRequest(port, `GET /api/v1/postings HTTP/1.1\r\nhost: 127.0.0.1\r\n${big}\r\n`);
        assert.match(apiTooLarge, /^HTTP\/1\.1 431 /);
        const json = JSON.parse(apiTooLarge.slice(apiTooLarge.indexOf('\r\n\r\n') + 4));
        assert.equal(json.error.code, 'HEADERS_TOO_LARGE');
        assert.match(json.error.message, /[가-힣]/);
        const nul = await rawRequest(port, 'GET /jobs HTTP/1.1\r\nhost: 127.0.0.1\r\ncookie: a=\u0000b\r\n\r\n');
        assert.match(nul, /^HTTP\/1\.1 400 /);
        assert.match(nul, /요청 형식이 올바르지 않아 처리할 수 없습니다/);
        assert.doesNotMatch(nul, /Client Error|"statusCode"/);
      }
    });

    // ── Item 19: operators' details to operators ─────────────────────────────────────────────
    it('answers /readyz/database and /metrics up/down only, in full to an operator or with the token', async () => {
      const publicDb = await app.inject('/readyz/database');
      assert.equal(publicDb.statusCode, 200);
      assert.deepEqual(publicDb.json(), { status: 'up' });
      const wrong = await app.inject({ url: '/readyz/database', headers: { authorization: 'Bearer not-the-token' } });
      assert.deepEqual(wrong.json(), { status: 'up' });
      const withToken = await app.inject({ url: '/readyz/database', headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(withToken.json().status, 'up');
      assert.equal(withToken.json().database, kind);
      assert.ok(Array.isArray(withToken.json().nodes) && withToken.json().nodes.length > 0);

      const publicMetrics = await app.inject('/metrics');
      assert.equal(publicMetrics.statusCode, 200);
      assert.match(publicMetrics.body, /^ilteo_up 1$/m);
      assert.doesNotMatch(publicMetrics.body, /ilteo_http_requests_total|nodejs_/);
      const tokenMetrics = await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
      assert.match(tokenMetrics.body, /ilteo_http_requests_total/);

      const operator = new WebClient(app, { 'x-forwarded-for': '10.20.19.1' });
      assert.equal((await operator.signIn('admin', DEMO_PASSWORD)).statusCode, 303);
      assert.ok(Array.isArray((await operator.get('/readyz/database')).json().nodes));
      assert.match((await operator.get('/metrics')).body, /ilteo_http_requests_total/);
      const seeker = new WebClient(app, { 'x-forwarded-for': '10.20.19.2' });
      await seeker.signIn('minjun', DEMO_PASSWORD);
      assert.deepEqual((await seeker.get('/readyz/database')).json(), { status: 'up' });
      assert.doesNotMatch((await seeker.get('/metrics')).body, /ilteo_http_requests_total/);
    });
  });
}
