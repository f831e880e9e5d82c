import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { createEmployer, findForSignIn, setAccountStatus } from '../../src/identity/accounts.ts';
import { DEMO_PASSWORD } from '../../src/identity/demo.ts';
import { deliverOutbox, spoolTransport } from '../../src/market/alerts.ts';
import { DRIVERS, type TestDatabase } from '../support/db.ts';
import { demoApp, WebClient } from '../support/web.ts';

const START = new Date('2026-11-25T00:30:00Z');
const NEW_PASSWORD = 'Saeroun-2026!';
const SENT = '가입하신 이메일이 있으면 비밀번호 재설정 안내를 보냈습니다.';

for (const kind of DRIVERS) {
  describe(`비밀번호 찾기 on ${kind}`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let clock = START;
    let ipSerial = 0;
    /** Each client comes from its own address, so per-IP throttling of one test does not touch another. */
    const client = () =>
      new WebClient(app, { 'x-forwarded-for': `10.1.${Math.floor(++ipSerial / 250)}.${ipSerial % 250}` });

    const mailsTo = (loginId: string) =>
      t.database.query<{ body: string; to: string; subject: string; sentAt: string | null }>(
        sql`SELECT o.body, o.to_address AS to, o.subject, o.sent_at::text AS "sentAt" FROM email_outbox o
            JOIN accounts a ON a.id = o.account_id WHERE a.login_id = ${loginId} ORDER BY o.id`,
      );
    const linkIn = (body: string) => /https?:\/\/\S+\/password\/reset\?token=([A-Za-z0-9_-]{43})/.exec(body);
    /** Asks for a reset from a fresh client; returns the link's path and token from the newest e-mail. */
    const requestLink = async (loginId: string) => {
      const c = client();
      await c.get('/password/forgot');
      const res = await c.post('/password/forgot', { loginId });
      assert.equal(res.statusCode, 200);
      const mails = await mailsTo(loginId);
      const match = linkIn(mails.at(-1)?.body ?? '');
      assert.ok(match, 'the e-mail holds a reset link');
      const token = match[1] ?? '';
      return { token, path: `/password/reset?token=${token}` };
    };
    const resetWith = async (c: WebClient, linkPath: string, password: string, confirm = password) => {
      const form = await c.get(linkPath);
      assert.equal(form.statusCode, 200);
      const token = new URL(linkPath, 'http://x').searchParams.get('token') ?? '';
      return c.post('/password/reset', { token, newPassword: password, newPasswordConfirm: confirm });
    };

    before(async () => {
      ({ t, app } = await demoApp(kind, () => clock));
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('the sign-in page links to 비밀번호 찾기, a form asking for the 아이디', async () => {
      const c = client();
      const login = await c.get('/login');
      assert.match(login.body, /<a href="\/password\/forgot">비밀번호를 잊으셨나요\?<\/a>/);
      const forgot = await c.get('/password/forgot');
      assert.equal(forgot.statusCode, 200);
      assert.match(forgot.body, /<h1 class="heading-xlarge">비밀번호 찾기<\/h1>/);
      assert.match(forgot.body, /name="loginId"/);
      assert.match(forgot.body, /name="_csrf"/);
      const empty = await c.post('/password/forgot', { loginId: '  ' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /아이디를 입력해 주세요/);
      const noToken = await c.post('/password/forgot', { loginId: 'minjun' }, { csrf: null });
      assert.equal(noToken.statusCode, 403);
    });

    it('answers an unknown, a staff, a disabled and a known 아이디 with the same page; only the known one gets mail', async () => {
      await setAccountStatus(t.database, (await findForSignIn(t.database, 'dohyun'))?.id ?? 0, 'disabled');
      const answers: string[] = [];
      for (const loginId of ['nobody-here', 'counsel.gangnam', 'dohyun', 'jiwoo']) {
        const c = client();
        await c.get('/password/forgot');
        const res = await c.post('/password/forgot', { loginId });
        assert.equal(res.statusCode, 200, loginId);
        assert.ok(res.body.includes(SENT), loginId);
        // The page differs only by its form tokens, CSP nonce and the ID typed back into the field.
        answers.push(
          res.body
            .replaceAll(loginId, 'ID')
            .replace(/name="_csrf" value="[^"]+"/g, '')
            .replace(/name="idempotencyKey" value="[^"]+"/g, '')
            .replace(/nonce="[^"]+"/g, ''),
        );
      }
      assert.equal(new Set(answers).size, 1, 'the same page for every 아이디');
      assert.equal((await mailsTo('counsel.gangnam')).length, 0);
      assert.equal((await mailsTo('dohyun')).length, 0);
      const [mail] = await mailsTo('jiwoo');
      assert.equal(mail?.to, 'jiwoo@example.kr');
      assert.match(mail?.subject ?? '', /비밀번호 재설정/);
      assert.match(mail?.body ?? '', /최지우 님/);
      assert.ok(linkIn(mail?.body ?? ''));
    });

    it('points the link at this server, not at a forged Host header', async () => {
      const c = new WebClient(app, {
        host: 'evil.example',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-for': '10.9.9.9',
      });
      await c.get('/password/forgot');
      assert.equal((await c.post('/password/forgot', { loginId: 'jiwoo' })).statusCode, 200);
      const body = (await mailsTo('jiwoo')).at(-1)?.body ?? '';
      assert.ok(linkIn(body), 'a link was sent');
      assert.doesNotMatch(body, /evil\.example/);
    });

    it('delivers the e-mail through the outbox to the spool, and stores only a hash of the token', async () => {
      const { token } = await requestLink('hyunwoo');
      const spool = await fs.mkdtemp(path.join(os.tmpdir(), 'ilteo-spool-'));
      try {
        const { sent } = await deliverOutbox(t.database, spoolTransport(spool));
        assert.ok(sent >= 1);
        const files = await fs.readdir(spool);
        const texts = await Promise.all(files.map((f) => fs.readFile(path.join(spool, f), 'utf8')));
        const decoded = texts.map((text) => Buffer.from(text.split('\r\n\r\n')[1] ?? '', 'base64').toString('utf8'));
        assert.ok(decoded.some((body) => body.includes(`token=${token}`)));
      } finally {
        await fs.rm(spool, { recursive: true, force: true });
      }
      const stored = await t.database.query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM password_resets WHERE token_hash = ${token}`,
      );
      assert.equal(stored[0]?.n, 0);
      const audited = await t.database.query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE details::text LIKE ${`%${token}%`}`,
      );
      assert.equal(audited[0]?.n, 0, 'the token is not in the audit log');
    });

    it('the link sets a new password once, ends every session, and the new password signs in', async () => {
      const other = client();
      assert.equal((await other.signIn('minjun', DEMO_PASSWORD)).statusCode, 303);
      assert.equal((await other.get('/my')).statusCode, 200);

      const { path: linkPath, token } = await requestLink('minjun');
      const c = client();
      const form = await c.get(linkPath);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /새 비밀번호 정하기/);
      assert.match(form.body, /<strong>minjun<\/strong>/);
      assert.equal(form.headers['cache-control'], 'no-store');

      // Bad input: field errors in Korean, status 400, nothing typed is sent back.
      const mismatch = await c.post('/password/reset', {
        token,
        newPassword: NEW_PASSWORD,
        newPasswordConfirm: 'Different-2026!',
      });
      assert.equal(mismatch.statusCode, 400);
      assert.match(mismatch.body, /새 비밀번호 확인이 새 비밀번호와 다릅니다/);
      assert.ok(!mismatch.body.includes(NEW_PASSWORD) && !mismatch.body.includes('Different-2026!'));
      const weak = await c.post('/password/reset', {
        token,
        newPassword: 'minjun1234',
        newPasswordConfirm: 'minjun1234',
      });
      assert.equal(weak.statusCode, 400);
      assert.match(weak.body, /비밀번호 규칙을 지키지 않았습니다/);

      const done = await c.post('/password/reset', {
        token,
        newPassword: NEW_PASSWORD,
        newPasswordConfirm: NEW_PASSWORD,
      });
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, '/login?reset=1');
      const login = await c.get('/login?reset=1');
      assert.match(login.body, /비밀번호를 바꿨습니다\. 새 비밀번호로 로그인해 주세요\./);

      // The session signed in before the reset is over.
      const my = await other.get('/my');
      assert.equal(my.statusCode, 303);
      assert.match(String(my.headers.location), /^\/login/);

      assert.equal((await client().signIn('minjun', DEMO_PASSWORD)).statusCode, 401);
      const signedIn = await client().signIn('minjun', NEW_PASSWORD);
      assert.equal(signedIn.statusCode, 303);
      assert.equal(signedIn.headers.location, '/my');

      // A second use is refused, by the page and by the form.
      const again = await client().get(linkPath);
      assert.equal(again.statusCode, 400);
      assert.match(again.body, /이미 사용되었습니다/);
      assert.match(again.body, /href="\/password\/forgot"/);
      const replay = await c.post('/password/reset', {
        token,
        newPassword: 'Another-2026!',
        newPasswordConfirm: 'Another-2026!',
      });
      assert.equal(replay.statusCode, 400);
      assert.match(replay.body, /이미 사용되었습니다/);
      assert.equal((await client().signIn('minjun', NEW_PASSWORD)).statusCode, 303);

      // The audit log has the reset; the outbox no longer holds a live link.
      const audited = await t.database.query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM audit_log l JOIN accounts a ON a.id = l.actor_id
            WHERE a.login_id = 'minjun' AND l.action = 'account.password-reset' AND l.outcome = 'success'`,
      );
      assert.equal(audited[0]?.n, 1);
      for (const mail of await mailsTo('minjun')) assert.equal(linkIn(mail.body), null);
    });

    it('refuses an expired link and a garbage token with Korean messages', async () => {
      const { path: linkPath, token } = await requestLink('sua');
      clock = new Date(START.getTime() + 31 * 60_000);
      try {
        const expired = await client().get(linkPath);
        assert.equal(expired.statusCode, 400);
        assert.match(expired.body, /이 링크는 만료되었습니다/);
        const c = client();
        await c.get('/password/forgot');
        const post = await c.post('/password/reset', {
          token,
          newPassword: NEW_PASSWORD,
          newPasswordConfirm: NEW_PASSWORD,
        });
        assert.equal(post.statusCode, 400);
        assert.match(post.body, /이 링크는 만료되었습니다/);
      } finally {
        clock = START;
      }
      for (const garbage of ['garbage', 'A'.repeat(43), '', '<script>']) {
        const res = await client().get(`/password/reset?token=${encodeURIComponent(garbage)}`);
        assert.equal(res.statusCode, 400, garbage);
        assert.match(res.body, /이 링크는 올바르지 않습니다/);
        assert.ok(!res.body.includes('<script>x'), 'nothing typed is reflected');
      }
      assert.equal((await client().signIn('sua', DEMO_PASSWORD)).statusCode, 303, 'the password did not change');
    });

    it('a newer request replaces the earlier link (an employer account)', async () => {
      await createEmployer(t.database, {
        loginId: 'employer',
        password: DEMO_PASSWORD,
        name: '이채용',
        email: 'hr@company.example',
        busino: '1248100998',
        companyName: '(주)한빛물류',
        industry: '운수업',
      });
      const first = await requestLink('employer');
      const second = await requestLink('employer');
      assert.notEqual(first.token, second.token);
      const old = await client().get(first.path);
      assert.equal(old.statusCode, 400);
      assert.match(old.body, /이 링크는 올바르지 않습니다/);
      assert.equal((await client().get(second.path)).statusCode, 200);
      const live = (await mailsTo('employer')).filter((m) => linkIn(m.body));
      assert.equal(live.length, 1, 'only the newest e-mail holds a live link');
      const done = await resetWith(client(), second.path, NEW_PASSWORD);
      assert.equal(done.statusCode, 303);
    });

    it('throttles per 아이디 and per IP address with a Korean message (429)', async () => {
      // Per 아이디, from different addresses: four requests go through, the fifth waits.
      for (let i = 0; i < 4; i++) {
        const c = client();
        await c.get('/password/forgot');
        assert.equal((await c.post('/password/forgot', { loginId: 'hong-unknown' })).statusCode, 200);
      }
      const c = client();
      await c.get('/password/forgot');
      const blocked = await c.post('/password/forgot', { loginId: 'hong-unknown' });
      assert.equal(blocked.statusCode, 429);
      assert.match(blocked.body, /비밀번호 찾기 요청이 너무 많아 잠시 막아 두었습니다\. 5분 후 다시 시도/);
      assert.equal(blocked.headers['retry-after'], '300');

      // Per address, with a different 아이디 each time: twenty-one go through, then the address waits.
      const one = client();
      await one.get('/password/forgot');
      for (let i = 0; i < 21; i++)
        assert.equal((await one.post('/password/forgot', { loginId: `someone${i}` })).statusCode, 200, `request ${i}`);
      const tooMany = await one.post('/password/forgot', { loginId: 'someone-else' });
      assert.equal(tooMany.statusCode, 429);
      assert.match(tooMany.body, /1분 후 다시 시도/);
    });
  });
}
