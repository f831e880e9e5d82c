/**
 * Write-path cases for the identity routes: 로그인, 로그아웃, 비밀번호 찾기, 회원가입 (password and a
 * sign-in provider), 내 정보 (password, sessions, linked sign-in methods) (src/identity/routes.ts,
 * src/identity/password-reset.ts) and the operator's account management (src/admin/routes.ts).
 */
import { sql } from 'drizzle-orm';
import { type AccountKind, createAccount } from '../../../src/identity/accounts.ts';
import { hashToken, newToken } from '../../../src/identity/sessions.ts';
import type { WebClient } from '../../support/web.ts';
import { form, type Kit, PASSWORD, type RunResult, type WriteCase } from '../../support/write-path.ts';

const NEW_PASSWORD = 'Ilteo!2027next';

/** An account that is not signed in anywhere (sign-in, 비밀번호 찾기, the operator's target). */
async function account(kit: Kit, kind: AccountKind, options: { email?: string | null } = {}) {
  const loginId = kit.unique(kind.slice(0, 3));
  const id = await createAccount(kit.database, {
    kind,
    loginId,
    name: kind === 'seeker' ? '김일터' : '박상담',
    email: options.email === undefined ? `${loginId}@example.kr` : options.email,
    password: PASSWORD,
    centreCode: kind === 'operator' ? null : 'seoul-gangnam',
  });
  return { id, loginId };
}

/** A second browser of the same account, signed in (a session to end from the first). */
async function otherSession(kit: Kit, loginId: string): Promise<{ client: WebClient; idHash: string }> {
  const client = kit.anonymous();
  const signIn = await client.signIn(loginId, PASSWORD);
  const token = client.cookies.get('ilteo_session');
  if (signIn.statusCode !== 303 || !token) throw new Error(`second sign-in answered ${signIn.statusCode}`);
  return { client, idHash: hashToken(token) };
}

/** Opens a page (as a person does before filling its form): the client holds its CSRF token then. */
async function open(client: WebClient, url: string): Promise<void> {
  const page = await client.get(url);
  if (page.statusCode !== 200) throw new Error(`GET ${url} answered ${page.statusCode}`);
}

/**
 * The authorization URL a repeat of "link" redirects to: a new flow at the same provider, so the same
 * URL but for its own state, nonce and PKCE challenge. Where it is that, the expected location is the
 * repeat's own; otherwise the first's (and the assertion shows both).
 */
function sameFlowAs(first: string | undefined, repeat: string | undefined): string | null {
  if (!first || !repeat) return first ?? null;
  const strip = (raw: string) => {
    const url = new URL(raw);
    for (const p of ['state', 'nonce', 'code_challenge']) {
      if (!url.searchParams.get(p)) return `missing ${p}: ${raw}`;
      url.searchParams.delete(p);
    }
    return url.href;
  };
  const a = new URL(first);
  const b = new URL(repeat);
  const fresh = ['state', 'nonce', 'code_challenge'].every((p) => a.searchParams.get(p) !== b.searchParams.get(p));
  return fresh && strip(first) === strip(repeat) ? repeat : first;
}

/** Signed out by the first answer (its cookie cleared): the repeat is refused as not signed in. */
const refusedAsSignedOut = () => ({ status: 401, location: null });

export const IDENTITY_CASES: Record<string, WriteCase> = {
  // Repeatable: the first INSERT is the new session's (ON CONFLICT on its token hash: a retry finds it);
  // a repeat opens another session, as the route declares.
  'POST /login': {
    fault: 'INSERT',
    async prepare(kit) {
      const { loginId } = await account(kit, 'seeker');
      const client = kit.anonymous();
      await open(client, '/login');
      return { client, url: '/login', form: { loginId, password: PASSWORD, next: '/my' } };
    },
  },
  // Repeatable: the first UPDATE revokes the session (only while not revoked: a retry changes nothing).
  'POST /logout': {
    fault: 'UPDATE',
    async prepare(kit) {
      const { client } = await kit.signedIn('seeker');
      return { client, url: '/logout', form: {} };
    },
    // The first answer cleared the session cookie (and the session is over): the repeat comes signed out.
    repeat: refusedAsSignedOut,
  },
  'POST /password/forgot': {
    status: 200,
    async prepare(kit) {
      const { loginId } = await account(kit, 'seeker');
      const client = kit.anonymous();
      await open(client, '/password/forgot');
      return { client, url: '/password/forgot', form: { loginId } };
    },
  },
  // The link is issued as a person gets it: 비밀번호 찾기, then the link from the e-mail in the outbox.
  'POST /password/reset': {
    async prepare(kit) {
      const { id, loginId } = await account(kit, 'seeker');
      const client = kit.anonymous();
      await open(client, '/password/forgot');
      const asked = await client.post('/password/forgot', { loginId });
      if (asked.statusCode !== 200) throw new Error(`비밀번호 찾기 answered ${asked.statusCode}`);
      const [mail] = await kit.database.query<{ body: string }>(
        sql`SELECT body FROM email_outbox WHERE account_id = ${id} ORDER BY id DESC LIMIT 1`,
      );
      const token = /\/password\/reset\?token=([A-Za-z0-9_-]{43})/.exec(mail?.body ?? '')?.[1];
      if (!token) throw new Error('no reset link in the outbox');
      await open(client, `/password/reset?token=${token}`);
      return {
        client,
        url: '/password/reset',
        form: { token, newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD },
      };
    },
  },
  'POST /signup/seeker': {
    async prepare(kit) {
      const client = kit.anonymous();
      await open(client, '/signup/seeker');
      const loginId = kit.unique('new');
      return {
        client,
        url: '/signup/seeker',
        form: form({
          loginId,
          password: PASSWORD,
          passwordConfirm: PASSWORD,
          name: '김새일',
          email: `${loginId}@example.kr`,
          centreCode: 'seoul-gangnam',
          terms: 'yes',
        }),
      };
    },
  },
  'POST /signup/employer': {
    async prepare(kit) {
      const client = kit.anonymous();
      await open(client, '/signup/employer');
      const loginId = kit.unique('hr');
      return {
        client,
        url: '/signup/employer',
        form: form({
          loginId,
          password: PASSWORD,
          passwordConfirm: PASSWORD,
          name: '이채용',
          email: `${loginId}@example.kr`,
          busino: kit.busino(),
          companyName: `(주)${loginId}`,
          industry: '그 외 기타 분류 안된 사업지원 서비스업',
          terms: 'yes',
        }),
      };
    },
  },
  // A first-time sign-in through the provider, as its callback leaves it (service.ts finishOidc): a
  // 'signup' flow with the provider's subject and claims, and its token in the unsigned ilteo_signup cookie.
  'POST /signup/external': {
    async prepare(kit) {
      const token = newToken();
      const subject = kit.unique('sub');
      await kit.database.query(
        sql`INSERT INTO oidc_flows (id_hash, provider, purpose, state, nonce, code_verifier, return_to, subject, claims, expires_at)
            VALUES (${hashToken(token)}, ${kit.provider.id}, 'signup', '', '', '', '/', ${subject},
                    ${JSON.stringify({ name: '이서연', email: `${subject}@example.kr` })}::jsonb,
                    ${new Date(kit.services.now().getTime() + 30 * 60_000).toISOString()})`,
      );
      const client = kit.anonymous();
      client.cookies.set('ilteo_signup', token);
      await open(client, '/signup/external');
      return {
        client,
        url: '/signup/external',
        form: form({ name: '이서연', email: `${subject}@example.kr`, centreCode: 'seoul-gangnam', terms: 'yes' }),
      };
    },
    // The first answer cleared the sign-up cookie (the flow is used up): the repeat has no sign-up to
    // finish, and is sent back to sign in, with nothing written.
    repeat: () => ({ status: 303, location: '/login?error=flow_expired&provider=' }),
  },
  'POST /my/password': {
    async prepare(kit) {
      const { client, loginId } = await kit.signedIn('seeker');
      await otherSession(kit, loginId);
      await open(client, '/my');
      return {
        client,
        url: '/my/password',
        form: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD },
      };
    },
  },
  'POST /my/sessions/revoke': {
    async prepare(kit) {
      const { client, loginId } = await kit.signedIn('seeker');
      const other = await otherSession(kit, loginId);
      await open(client, '/my');
      return { client, url: '/my/sessions/revoke', form: { session: other.idHash.slice(0, 16) } };
    },
  },
  'POST /my/sessions/revoke-others': {
    async prepare(kit) {
      const { client, loginId } = await kit.signedIn('seeker');
      await otherSession(kit, loginId);
      await open(client, '/my');
      return { client, url: '/my/sessions/revoke-others', form: {} };
    },
  },
  'POST /my/sessions/revoke-all': {
    async prepare(kit) {
      const { client, loginId } = await kit.signedIn('seeker');
      await otherSession(kit, loginId);
      await open(client, '/my');
      return { client, url: '/my/sessions/revoke-all', form: {} };
    },
    // Signed out everywhere, this browser too (its cookie cleared): the repeat comes signed out.
    repeat: refusedAsSignedOut,
  },
  // Repeatable: the first INSERT is the new sign-in flow's; the answer is a redirect to the provider.
  'POST /my/identities/:provider/link': {
    fault: 'INSERT',
    async prepare(kit) {
      const { client } = await kit.signedIn('seeker');
      await open(client, '/my');
      return { client, url: `/my/identities/${kit.provider.id}/link`, form: {} };
    },
    // A repeat opens a flow of its own: the same authorization URL with a new state, nonce and challenge.
    repeat: (run: RunResult) => ({
      status: 303,
      location: sameFlowAs(run.first.headers.location, run.repeat.headers.location),
    }),
  },
  'POST /my/identities/:provider/unlink': {
    async prepare(kit) {
      const { client, id } = await kit.signedIn('seeker');
      await kit.database.query(
        sql`INSERT INTO account_identities (provider, subject, account_id) VALUES (${kit.provider.id}, ${kit.unique('sub')}, ${id})`,
      );
      await open(client, '/my');
      return { client, url: `/my/identities/${kit.provider.id}/unlink`, form: {} };
    },
  },
  'POST /admin/accounts': {
    async prepare(kit) {
      const { client } = await kit.signedIn('operator');
      await open(client, '/admin/accounts/new');
      const loginId = kit.unique('staff');
      return {
        client,
        url: '/admin/accounts',
        form: form({
          kind: 'counsellor',
          centreCode: 'seoul-gangnam',
          loginId,
          name: '오상담',
          email: `${loginId}@ilteo.example`,
          password: PASSWORD,
        }),
      };
    },
  },
  'POST /admin/accounts/:id/password': {
    async prepare(kit) {
      const { client } = await kit.signedIn('operator');
      const target = await account(kit, 'counsellor');
      await otherSession(kit, target.loginId);
      await open(client, `/admin/accounts/${target.id}/password`);
      return { client, url: `/admin/accounts/${target.id}/password`, form: { password: NEW_PASSWORD } };
    },
  },
  'POST /admin/accounts/:id/status': {
    async prepare(kit) {
      const { client } = await kit.signedIn('operator');
      const target = await account(kit, 'seeker');
      await otherSession(kit, target.loginId);
      await open(client, '/admin/accounts');
      // The confirmed post of the confirmation page (the first post writes nothing).
      return {
        client,
        url: `/admin/accounts/${target.id}/status`,
        form: { status: 'disabled', reason: 'compromised', note: '', confirm: 'yes' },
      };
    },
  },
};
