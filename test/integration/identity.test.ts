import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { allow } from '../../src/identity/access.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/identity/demo.ts';
import { businoCheckDigit } from '../../src/identity/rules.ts';
import { insertPostings } from '../../src/jobs/store.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { makePosting } from '../support/postings.ts';
import { WebClient } from '../support/web.ts';

const START = new Date('2026-11-25T00:30:00Z');

for (const kind of DRIVERS) {
  describe(`sign-in, sessions and access on ${kind}`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let clock = START;
    let ipSerial = 0;
    /** Each client comes from its own address, so per-IP throttling of one test does not touch another. */
    const client = () =>
      new WebClient(app, { 'x-forwarded-for': `10.0.${Math.floor(++ipSerial / 250)}.${ipSerial % 250}` });
    const query = <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) => t.database.query<T>(q);

    before(async () => {
      t = await openTestDatabase(kind);
      await insertPostings(t.database, [
        makePosting({ wantedAuthNo: 'KOWN0001', company: '(주)한빛물류', busino: '1248100998' }),
        makePosting({ wantedAuthNo: 'KOWN0002', company: '(주)한빛물류', busino: '1248100998' }),
        makePosting({ wantedAuthNo: 'KOTHER01', company: '(주)다른회사', busino: '2208162517' }),
      ]);
      await seedDemoAccounts(t.database, () => {});
      app = await buildApp({
        config: loadConfig({ LOG_LEVEL: 'silent', ILTEO_TRUST_PROXY: 'true' }),
        database: t.database,
        now: () => clock,
      });
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('signs in with a password, rotates the session, and signs out', async () => {
      const c = client();
      const res = await c.signIn('minjun', DEMO_PASSWORD);
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/my');
      const setCookie = String(res.headers['set-cookie']);
      assert.match(setCookie, /ilteo_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
      const first = c.cookies.get('ilteo_session');
      const my = await c.get('/my');
      assert.equal(my.statusCode, 200);
      assert.match(my.body, /김민준 님/);
      // Signing in again issues a new session; the old one stays valid only as its own session.
      await c.signIn('minjun', DEMO_PASSWORD);
      assert.notEqual(c.cookies.get('ilteo_session'), first);
      const out = await c.post('/logout', {});
      assert.equal(out.statusCode, 303);
      assert.equal(c.cookies.has('ilteo_session'), false);
      const after = await c.get('/my');
      assert.equal(after.statusCode, 303);
      assert.match(String(after.headers.location), /^\/login\?next=%2Fmy/);
    });

    it('stores only a hash of the session token', async () => {
      const c = client();
      await c.signIn('minjun', DEMO_PASSWORD);
      const token = c.cookies.get('ilteo_session') ?? '';
      const rows = await query<{ n: number }>(sql`SELECT count(*)::int AS n FROM sessions WHERE id_hash = ${token}`);
      assert.equal(rows[0]?.n, 0);
    });

    it('does not reveal which IDs exist: same status and message for a wrong password and an unknown ID', async () => {
      const a = await client().signIn('minjun', 'wrong-password-1');
      const b = await client().signIn('nobody-here', 'wrong-password-1');
      assert.equal(a.statusCode, 401);
      assert.equal(b.statusCode, 401);
      const message = (body: string) => /<li>(아이디 또는 비밀번호가[^<]*)<\/li>/.exec(body)?.[1];
      assert.ok(message(a.body));
      assert.equal(message(a.body), message(b.body));
      assert.match(a.body, /value="minjun"/, 'the typed ID is kept');
    });

    it('throttles repeated failures per ID with an increasing delay, also for unknown IDs', async () => {
      for (const id of ['jiwoo', 'ghost-user']) {
        const c = client();
        const statuses: number[] = [];
        for (let i = 0; i < 7; i++) statuses.push((await c.signIn(id, `wrong-${i}`)).statusCode);
        assert.deepEqual(statuses, [401, 401, 401, 401, 401, 401, 429]);
        // From another address, and with the right password: the ID is still blocked.
        const blocked = await client().signIn(id, DEMO_PASSWORD);
        assert.equal(blocked.statusCode, 429);
        assert.match(blocked.body, /로그인 시도가 너무 많아/);
        assert.ok(Number(blocked.headers['retry-after']) > 0);
      }
      // After the delay has passed, the right password works and clears the counter.
      clock = new Date(START.getTime() + 120_000);
      try {
        const ok = await client().signIn('jiwoo', DEMO_PASSWORD);
        assert.equal(ok.statusCode, 303);
      } finally {
        clock = START;
      }
    });

    it('refuses a state-changing form without a valid CSRF token', async () => {
      const c = client();
      await c.get('/login');
      const none = await c.post('/login', { loginId: 'minjun', password: DEMO_PASSWORD }, { csrf: null });
      assert.equal(none.statusCode, 403);
      assert.match(none.body, /보안 확인 값/);
      const forged = await c.post('/login', { loginId: 'minjun', password: DEMO_PASSWORD }, { csrf: 'forged-token' });
      assert.equal(forged.statusCode, 403);
      // A token from someone else's page does not fit this browser's secret.
      const other = client();
      await other.get('/login');
      const foreign = await c.post(
        '/login',
        { loginId: 'minjun', password: DEMO_PASSWORD },
        { csrf: other.lastCsrf ?? '' },
      );
      assert.equal(foreign.statusCode, 403);
      // Signed in, a logout without a token is refused too.
      await c.signIn('minjun', DEMO_PASSWORD);
      assert.equal((await c.post('/logout', {}, { csrf: null })).statusCode, 403);
      assert.equal((await c.get('/my')).statusCode, 200);
    });

    it('API writes must be JSON (a cross-site form cannot send them)', async () => {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/postings/KOWN0001/reports',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': 'k'.repeat(20) },
        payload: 'reason=fee',
      });
      assert.equal(r.statusCode, 415);
      assert.match((r.json() as { error: { message: string } }).error.message, /application\/json/);
    });

    it('defeats session fixation: a session ID planted before sign-in is never used', async () => {
      const c = client();
      const planted = 'A'.repeat(43);
      c.cookies.set('ilteo_session', planted);
      await c.signIn('minjun', DEMO_PASSWORD);
      assert.notEqual(c.cookies.get('ilteo_session'), planted);
      const attacker = client();
      attacker.cookies.set('ilteo_session', planted);
      const r = await attacker.get('/my');
      assert.equal(r.statusCode, 303);
    });

    it('ends idle sessions and sessions past the absolute timeout', async () => {
      const c = client();
      await c.signIn('minjun', DEMO_PASSWORD);
      try {
        clock = new Date(START.getTime() + 29 * 60_000);
        assert.equal((await c.get('/my')).statusCode, 200, 'active within the idle timeout');
        clock = new Date(START.getTime() + 29 * 60_000 + 31 * 60_000);
        assert.equal((await c.get('/my')).statusCode, 303, 'idle for 31 minutes');
        // Keep a session busy for 12 hours: it still ends.
        clock = START;
        const busy = client();
        await busy.signIn('minjun', DEMO_PASSWORD);
        for (let m = 20; m < 12 * 60; m += 20) {
          clock = new Date(START.getTime() + m * 60_000);
          assert.equal((await busy.get('/my')).statusCode, 200, `minute ${m}`);
        }
        clock = new Date(START.getTime() + 12 * 60 * 60_000 + 60_000);
        assert.equal((await busy.get('/my')).statusCode, 303);
      } finally {
        clock = START;
      }
    });

    it('lists active sessions and signs out other devices or everywhere', async () => {
      const phone = client();
      const laptop = client();
      await phone.signIn('hyunwoo', DEMO_PASSWORD);
      await laptop.signIn('hyunwoo', DEMO_PASSWORD);
      const my = await laptop.get('/my');
      assert.equal(
        (my.body.match(/name="session" value="/g) ?? []).length,
        1,
        'one other device with a sign-out button',
      );
      assert.match(my.body, /지금 이 기기/);
      await laptop.post('/my/sessions/revoke-others', {});
      assert.equal((await phone.get('/my')).statusCode, 303);
      assert.equal((await laptop.get('/my')).statusCode, 200);
      await laptop.post('/my/sessions/revoke-all', {});
      assert.equal((await laptop.get('/my')).statusCode, 303);
    });

    it('a session of one account cannot be signed out by another', async () => {
      const victim = client();
      await victim.signIn('sua', DEMO_PASSWORD);
      const [row] = await query<{ idHash: string }>(
        sql`SELECT s.id_hash AS "idHash" FROM sessions s JOIN accounts a ON a.id = s.account_id
            WHERE a.login_id = 'sua' AND s.revoked_at IS NULL LIMIT 1`,
      );
      const attacker = client();
      await attacker.signIn('dohyun', DEMO_PASSWORD);
      await attacker.get('/my');
      await attacker.post('/my/sessions/revoke', { session: (row?.idHash ?? '').slice(0, 16) });
      assert.equal((await victim.get('/my')).statusCode, 200);
    });

    it('lets each role in only where it belongs (403 for the wrong role, sign-in for nobody)', async () => {
      const seeker = client();
      await seeker.signIn('minjun', DEMO_PASSWORD);
      for (const url of ['/admin', '/admin/accounts', '/admin/audit', '/centre', '/employer'])
        assert.equal((await seeker.get(url)).statusCode, 403, url);
      const anonymous = client();
      for (const url of ['/admin', '/centre', '/employer', '/my'])
        assert.equal((await anonymous.get(url)).statusCode, 303, url);
      const api = await anonymous.get('/my', { accept: 'application/json' });
      assert.equal(api.statusCode, 401);
      const denied = await query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'access.denied' AND target_id = 'GET /admin'`,
      );
      assert.ok((denied[0]?.n ?? 0) >= 1, 'refusals are audited');
    });

    it('an employer sees only their own postings (IDOR → 404)', async () => {
      const employer = client();
      await employer.signIn('employer', DEMO_PASSWORD);
      const home = await employer.get('/employer');
      assert.equal(home.statusCode, 200);
      assert.match(home.body, /KOWN0001/);
      assert.doesNotMatch(home.body, /KOTHER01/);
      assert.equal((await employer.get('/employer/postings/KOWN0002')).statusCode, 200);
      assert.equal((await employer.get('/employer/postings/KOTHER01')).statusCode, 404);
      assert.equal((await employer.get('/employer/postings/NOSUCH')).statusCode, 404);
    });

    it('a counsellor sees the people of their own centre only (IDOR → 404)', async () => {
      const ids = await query<{ id: number; loginId: string }>(
        sql`SELECT id::int AS id, login_id AS "loginId" FROM accounts WHERE login_id IN ('minjun', 'sua')`,
      );
      const id = (login: string) => ids.find((r) => r.loginId === login)?.id;
      const gangnam = client();
      await gangnam.signIn('counsel.gangnam', DEMO_PASSWORD);
      const list = await gangnam.get('/centre');
      assert.match(list.body, /김민준/);
      assert.doesNotMatch(list.body, /한수아/);
      assert.equal((await gangnam.get(`/centre/clients/${id('minjun')}`)).statusCode, 200);
      assert.equal((await gangnam.get(`/centre/clients/${id('sua')}`)).statusCode, 404);
      const busan = client();
      await busan.signIn('counsel.busan', DEMO_PASSWORD);
      assert.equal((await busan.get(`/centre/clients/${id('sua')}`)).statusCode, 200);
      assert.equal((await busan.get(`/centre/clients/${id('minjun')}`)).statusCode, 404);
      const views = await query<{ outcome: string }>(
        sql`SELECT outcome FROM audit_log WHERE action = 'client.view' AND staff ORDER BY id`,
      );
      assert.deepEqual(
        views.map((v) => v.outcome),
        ['success', 'denied', 'success', 'denied'],
      );
    });

    it('operators create staff accounts; the new counsellor can sign in; the action is audited', async () => {
      const op = client();
      await op.signIn('admin', DEMO_PASSWORD);
      await op.get('/admin/accounts/new');
      const bad = await op.post('/admin/accounts', {
        kind: 'counsellor',
        loginId: 'x',
        name: '',
        email: 'no',
        password: 'short',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /소속 고용센터를 골라/);
      assert.match(bad.body, /아이디는/);
      const created = await op.post('/admin/accounts', {
        kind: 'counsellor',
        centreCode: 'daegu',
        loginId: 'counsel.daegu',
        name: '문가영',
        email: 'gy.moon@ilteo.example',
        password: 'Daegu!centre7',
      });
      assert.equal(created.statusCode, 303);
      const counsellor = client();
      assert.equal((await counsellor.signIn('counsel.daegu', 'Daegu!centre7')).statusCode, 303);
      assert.equal((await counsellor.get('/centre')).statusCode, 200);
      const [entry] = await query<{ actor: string; details: { loginId: string } }>(
        sql`SELECT acc.login_id AS actor, a.details FROM audit_log a JOIN accounts acc ON acc.id = a.actor_id
            WHERE a.action = 'account.create' ORDER BY a.id DESC LIMIT 1`,
      );
      assert.equal(entry?.actor, 'admin');
      assert.equal(entry?.details.loginId, 'counsel.daegu');
      // Nobody signs up as staff: the sign-up forms make 개인회원 and 기업회원 only.
      const audit = await op.get('/admin/audit?staff=1');
      // The row shows the action in Korean with its code (the filter's options list every code too).
      assert.match(audit.body, /직원 계정 만들기<br><code class="ilteo-muted">account\.create<\/code>/);
      assert.match(audit.body, /<option value="account\.create">직원 계정 만들기 \(account\.create\)<\/option>/);
    });

    it("an operator sets a staff member's forgotten password: their sessions end, the old one stops working, it is audited", async () => {
      const staff = client();
      await staff.signIn('counsel.busan', DEMO_PASSWORD);
      assert.equal((await staff.get('/centre')).statusCode, 200);
      const [row] = await query<{ id: number }>(
        sql`SELECT id::int AS id FROM accounts WHERE login_id = 'counsel.busan'`,
      );
      const [citizen] = await query<{ id: number }>(sql`SELECT id::int AS id FROM accounts WHERE login_id = 'sua'`);
      const [self] = await query<{ id: number }>(sql`SELECT id::int AS id FROM accounts WHERE login_id = 'admin'`);
      const op = client();
      await op.signIn('admin', DEMO_PASSWORD);
      assert.match((await op.get('/admin/accounts?kind=counsellor')).body, /비밀번호 다시 정하기/);
      assert.equal(
        (await op.get(`/admin/accounts/${citizen?.id}/password`)).statusCode,
        404,
        'citizens use 비밀번호 찾기',
      );
      assert.equal((await op.get(`/admin/accounts/${self?.id}/password`)).statusCode, 409, 'not one’s own');
      assert.equal((await client().get(`/admin/accounts/${row?.id}/password`)).statusCode, 303, 'operators only');
      const form = await op.get(`/admin/accounts/${row?.id}/password`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /강태호 \(counsel\.busan\)/);
      const weak = await op.post(`/admin/accounts/${row?.id}/password`, { password: 'short' });
      assert.equal(weak.statusCode, 400);
      assert.match(weak.body, /비밀번호 규칙을 지키지 않았습니다/);
      const done = await op.post(`/admin/accounts/${row?.id}/password`, { password: 'Busan!centre9' });
      assert.equal(done.statusCode, 303);
      assert.match((await op.get(String(done.headers.location))).body, /로그인을 모두 끝냈습니다/);
      assert.equal((await staff.get('/centre')).statusCode, 303, 'signed out');
      assert.equal((await client().signIn('counsel.busan', DEMO_PASSWORD)).statusCode, 401);
      assert.equal((await client().signIn('counsel.busan', 'Busan!centre9')).statusCode, 303);
      const [entry] = await query<{ details: { loginId: string; sessionsEnded: number } }>(
        sql`SELECT details FROM audit_log WHERE action = 'account.password-set' ORDER BY id DESC LIMIT 1`,
      );
      assert.equal(entry?.details.loginId, 'counsel.busan');
      assert.ok((entry?.details.sessionsEnded ?? 0) >= 1);
      assert.doesNotMatch(JSON.stringify(entry), /Busan!centre9/);
    });

    it('a disabled account is signed out everywhere and cannot sign in', async () => {
      const person = client();
      await person.signIn('dohyun', DEMO_PASSWORD);
      const [row] = await query<{ id: number }>(sql`SELECT id::int AS id FROM accounts WHERE login_id = 'dohyun'`);
      const op = client();
      await op.signIn('admin', DEMO_PASSWORD);
      await op.get('/admin/accounts');
      const disable = { status: 'disabled', reason: 'request', note: '', confirm: 'yes' };
      assert.equal((await op.post(`/admin/accounts/${row?.id}/status`, disable)).statusCode, 303);
      assert.equal((await person.get('/my')).statusCode, 303);
      assert.equal((await client().signIn('dohyun', DEMO_PASSWORD)).statusCode, 401);
      await op.post(`/admin/accounts/${row?.id}/status`, { status: 'active' });
      assert.equal((await client().signIn('dohyun', DEMO_PASSWORD)).statusCode, 303);
    });

    it('signs up a 개인회원 and a 기업회원 with Korean messages; a 사업장 signs up once', async () => {
      const c = client();
      await c.get('/signup/seeker');
      const bad = await c.post('/signup/seeker', {
        loginId: 'new.person',
        password: 'new.person123',
        passwordConfirm: 'x',
        name: '',
        email: 'not-an-email',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /아이디를 포함하지 않음/);
      assert.match(bad.body, /이름을 입력해 주세요/);
      assert.match(bad.body, /이메일 주소 형식/);
      assert.match(bad.body, /동의해 주세요/);
      assert.match(bad.body, /value="new\.person"/, 'what was typed is kept');
      const ok = await c.post('/signup/seeker', {
        loginId: 'new.person',
        password: 'Seoul!jobs2026',
        passwordConfirm: 'Seoul!jobs2026',
        name: '나신입',
        email: 'new@example.kr',
        centreCode: 'seoul',
        terms: 'yes',
      });
      assert.equal(ok.statusCode, 303);
      assert.match((await c.get('/my')).body, /나신입 님/);
      const again = await client().post('/signup/seeker', {}, { csrf: null });
      assert.equal(again.statusCode, 403);

      const e = client();
      await e.get('/signup/employer');
      const form = {
        busino: '124-81-00997',
        companyName: '(주)새회사',
        industry: '제조업',
        loginId: 'newcompany',
        password: 'Factory!2026',
        passwordConfirm: 'Factory!2026',
        name: '박인사',
        email: 'hr@new.example',
        terms: 'yes',
      };
      const wrong = await e.post('/signup/employer', form);
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /사업자등록번호가 올바르지 않습니다/);
      const taken = await e.post('/signup/employer', { ...form, busino: '124-81-00998' });
      assert.equal(taken.statusCode, 400);
      assert.match(taken.body, /이미 기업회원으로 등록된 사업장/);
      const fresh = `10181${String(kind === 'pglite' ? 1234 : 5678)}`;
      const created = await e.post('/signup/employer', { ...form, busino: `${fresh}${businoCheckDigit(fresh)}` });
      assert.equal(created.statusCode, 303);
      assert.match((await e.get('/employer')).body, /\(주\)새회사/);
    });

    it('escapes stored script in every place a name is shown', async () => {
      const c = client();
      await c.get('/signup/seeker');
      const name = '<script>alert(1)</script>"><img src=x>';
      await c.post('/signup/seeker', {
        loginId: 'xss.tester',
        password: 'Xss!tester2026',
        passwordConfirm: 'Xss!tester2026',
        name,
        email: '',
        centreCode: 'seoul-gangnam',
        terms: 'yes',
      });
      const pages = [await c.get('/my')];
      const counsellor = client();
      await counsellor.signIn('counsel.gangnam', DEMO_PASSWORD);
      pages.push(await counsellor.get('/centre'));
      const op = client();
      await op.signIn('admin', DEMO_PASSWORD);
      pages.push(await op.get('/admin/accounts?q=xss'));
      for (const page of pages) {
        assert.equal(page.statusCode, 200);
        assert.ok(!page.body.includes('<script>alert(1)'), 'raw script tag');
        assert.ok(!page.body.includes('<img src=x'), 'raw img tag');
        assert.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      }
    });

    it('treats SQL fragments in every parameter as plain text', async () => {
      const fragments = ["' OR '1'='1", '1; DROP TABLE accounts; --', "\\'; SELECT pg_sleep(5); --", '%_\\'];
      const op = client();
      await op.signIn('admin', DEMO_PASSWORD);
      for (const f of fragments) {
        const e = encodeURIComponent(f);
        for (const url of [
          `/admin/accounts?q=${e}`,
          `/admin/accounts?kind=${e}`,
          `/admin/audit?action=${e}`,
          `/centre/clients/${e}`,
          `/jobs?q=${e}`,
          `/employer/postings/${e}`,
          `/login?next=${e}&error=${e}&provider=${e}`,
        ]) {
          const r = await op.get(url);
          assert.ok(r.statusCode < 500, `${url} → ${r.statusCode}`);
        }
        const signIn = await client().signIn(f, f);
        assert.equal(signIn.statusCode, 401);
      }
      const [row] = await query<{ n: number }>(sql`SELECT count(*)::int AS n FROM accounts`);
      assert.ok((row?.n ?? 0) > 5, 'accounts still there');
    });

    it('keeps the audit log append-only and personal numbers masked', async () => {
      await client().signIn('900101-1234567', 'whatever-pw');
      const [row] = await query<{ details: { loginId: string } }>(
        sql`SELECT details FROM audit_log WHERE action = 'sign-in' AND outcome = 'failure' ORDER BY id DESC LIMIT 1`,
      );
      assert.equal(row?.details.loginId, '900101-1******');
      const refused = (err: unknown) => /append-only/.test(`${(err as Error).message} ${String((err as Error).cause)}`);
      await assert.rejects(query(sql`UPDATE audit_log SET outcome = 'success'`), refused);
      await assert.rejects(query(sql`DELETE FROM audit_log`), refused);
    });

    it('refuses to register a route that does not say who may use it', async () => {
      const probe = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database: t.database });
      try {
        assert.throws(() => probe.get('/undeclared', async () => 'x'), /does not declare who may use it/);
        assert.doesNotThrow(() => probe.get('/declared', allow('public'), async () => 'x'));
      } finally {
        await probe.close();
      }
    });
  });
}
