/**
 * Sign-in flows: password (throttled, audited, no user enumeration) and OpenID Connect (flow state
 * in the database so the callback can land on any app process; identity linking; sign-up of a
 * first-time provider user). HTTP details (cookies, redirects, pages) stay in routes.ts.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { UserError } from '../web/errors.ts';
import { safeLocalPath } from '../web/security.ts';
import {
  type Account,
  createAccount,
  findAccount,
  findByIdentity,
  findForSignIn,
  linkIdentity,
  touchIdentity,
} from './accounts.ts';
import { audit } from './audit.ts';
import { verifyPassword } from './passwords.ts';
import type { ProviderRegistry, SignedInIdentity } from './providers.ts';
import { normalizeLoginId } from './rules.ts';
import { createSession, hashToken, newToken, type SessionPolicy } from './sessions.ts';
import { blockedFor, clearFailures, recordFailure } from './throttle.ts';

export interface ClientInfo {
  ip: string;
  userAgent: string;
}

export type PasswordSignIn =
  | { ok: true; token: string; account: Account }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

const FLOW_MINUTES = 10;
const SIGNUP_MINUTES = 30;

export type FlowPurpose = 'login' | 'link' | 'signup';

export interface PendingSignUp {
  provider: string;
  subject: string;
  name: string | null;
  email: string | null;
  returnTo: string;
}

export type CallbackResult =
  | { kind: 'signed-in'; token: string; account: Account; returnTo: string }
  | { kind: 'linked'; accountId: number; provider: string }
  | { kind: 'sign-up'; flowToken: string };

interface FlowRow extends Record<string, unknown> {
  provider: string;
  purpose: FlowPurpose;
  accountId: number | null;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  subject: string | null;
  claims: { name?: string | null; email?: string | null } | null;
}

/** Only same-site paths are followed after sign-in (no open redirect). */
export function safeReturnTo(raw: unknown): string {
  const path = safeLocalPath(raw, '/');
  return path.length > 500 || path.startsWith('/login') || path.startsWith('/logout') ? '/' : path;
}

export function createIdentityService(deps: {
  database: Database;
  providers: ProviderRegistry;
  policy: SessionPolicy;
  now: () => Date;
}) {
  const { database, providers, policy, now } = deps;

  async function startSession(account: Account, method: string, client: ClientInfo): Promise<string> {
    const token = await createSession(database, { accountId: account.id, method, ...client }, policy, now());
    await audit(database, {
      actor: { id: account.id, kind: account.kind },
      action: 'sign-in',
      outcome: 'success',
      ip: client.ip,
      userAgent: client.userAgent,
      details: { method },
    });
    return token;
  }

  return {
    async signInWithPassword(rawLoginId: string, password: string, client: ClientInfo): Promise<PasswordSignIn> {
      const loginId = normalizeLoginId(rawLoginId).slice(0, 100);
      const keys = { loginId, ip: client.ip };
      const wait = await blockedFor(database, keys, now());
      if (wait > 0) {
        await audit(database, {
          actor: null,
          action: 'sign-in',
          outcome: 'denied',
          ip: client.ip,
          userAgent: client.userAgent,
          details: { method: 'password', loginId, reason: 'throttled' },
        });
        return { ok: false, reason: 'throttled', retryAfterSeconds: wait };
      }
      const account = await findForSignIn(database, loginId);
      const valid = await verifyPassword(account?.passwordHash, password);
      if (!account || !valid || account.status !== 'active') {
        const delay = await recordFailure(database, keys, now());
        await audit(database, {
          actor: account ? { id: account.id, kind: account.kind } : null,
          action: 'sign-in',
          outcome: 'failure',
          ip: client.ip,
          userAgent: client.userAgent,
          details: { method: 'password', loginId, ...(delay > 0 ? { blockedSeconds: delay } : {}) },
        });
        return { ok: false, reason: 'invalid' };
      }
      await clearFailures(database, loginId);
      const { passwordHash: _hash, ...publicAccount } = account;
      return { ok: true, account: publicAccount, token: await startSession(publicAccount, 'password', client) };
    },

    /** Starts an OpenID Connect flow; returns the provider URL and the flow cookie token. */
    async beginOidc(
      providerId: string,
      purpose: 'login' | 'link',
      redirectUri: string,
      options: { accountId?: number; returnTo?: string },
    ): Promise<{ url: URL; flowToken: string }> {
      const started = await providers.begin(providerId, redirectUri);
      // Chosen before the first attempt: an INSERT retried after a lost COMMIT answer finds its own row
      // (ON CONFLICT DO NOTHING; 32 random bytes collide with no one else's) instead of failing.
      const flowToken = newToken();
      await database.query(
        sql`INSERT INTO oidc_flows (id_hash, provider, purpose, account_id, state, nonce, code_verifier, return_to, expires_at)
            VALUES (${hashToken(flowToken)}, ${providerId}, ${purpose}, ${options.accountId ?? null}, ${started.state},
                    ${started.nonce}, ${started.codeVerifier}, ${safeReturnTo(options.returnTo)},
                    ${new Date(now().getTime() + FLOW_MINUTES * 60_000).toISOString()})
            ON CONFLICT (id_hash) DO NOTHING`,
      );
      return { url: started.url, flowToken };
    },

    /**
     * Completes a flow at the callback. The flow row is deleted as it is read, so a callback URL
     * cannot be replayed. Throws UserError for a missing/expired flow; provider errors propagate.
     */
    async finishOidc(
      providerId: string,
      flowToken: string | undefined,
      callbackUrl: URL,
      client: ClientInfo,
      signedIn: Account | null,
    ): Promise<CallbackResult> {
      const [flow] = flowToken
        ? await database.query<FlowRow>(
            sql`DELETE FROM oidc_flows WHERE id_hash = ${hashToken(flowToken)} AND expires_at > ${now().toISOString()}
                RETURNING provider, purpose, account_id::int AS "accountId", state, nonce, code_verifier AS "codeVerifier",
                          return_to AS "returnTo", subject, claims`,
          )
        : [];
      if (!flow || flow.provider !== providerId || flow.purpose === 'signup')
        throw new UserError(
          400,
          'FLOW_EXPIRED',
          '로그인 요청이 만료되었거나 올바르지 않습니다. 처음부터 다시 시도해 주세요.',
        );
      const identity: SignedInIdentity = await providers.finish(providerId, callbackUrl, flow);

      if (flow.purpose === 'link') {
        if (!signedIn || signedIn.id !== flow.accountId)
          throw new UserError(
            403,
            'LINK_SESSION_CHANGED',
            '계정 연결을 시작한 로그인 상태가 바뀌었습니다. 다시 로그인한 뒤 연결해 주세요.',
          );
        await database.transaction((tx) => linkIdentity(tx, signedIn.id, providerId, identity.subject));
        await audit(database, {
          actor: { id: signedIn.id, kind: signedIn.kind },
          action: 'identity.link',
          outcome: 'success',
          target: { type: 'provider', id: providerId },
          ...client,
        });
        return { kind: 'linked', accountId: signedIn.id, provider: providerId };
      }

      const accountId = await findByIdentity(database, providerId, identity.subject);
      const account = accountId === undefined ? undefined : await findAccount(database, accountId);
      if (account && account.status === 'active') {
        await touchIdentity(database, providerId, identity.subject);
        return {
          kind: 'signed-in',
          account,
          returnTo: flow.returnTo,
          token: await startSession(account, `oidc:${providerId}`, client),
        };
      }
      if (account) {
        await audit(database, {
          actor: { id: account.id, kind: account.kind },
          action: 'sign-in',
          outcome: 'failure',
          ...client,
          details: { method: `oidc:${providerId}`, reason: 'disabled' },
        });
        throw new UserError(403, 'ACCOUNT_DISABLED', '사용이 중지된 계정입니다. 고객상담센터(1350)로 문의해 주세요.');
      }
      // A first visit with this identity: keep it for sign-up for a while.
      const signUpToken = newToken();
      await database.query(
        sql`INSERT INTO oidc_flows (id_hash, provider, purpose, state, nonce, code_verifier, return_to, subject, claims, expires_at)
            VALUES (${hashToken(signUpToken)}, ${providerId}, 'signup', '', '', '', ${flow.returnTo}, ${identity.subject},
                    ${JSON.stringify({ name: identity.name, email: identity.email })}::jsonb,
                    ${new Date(now().getTime() + SIGNUP_MINUTES * 60_000).toISOString()})
            ON CONFLICT (id_hash) DO NOTHING`,
      );
      return { kind: 'sign-up', flowToken: signUpToken };
    },

    /** Drops a flow the provider ended with an error (cancelled, refused). */
    async discardFlow(flowToken: string | undefined): Promise<void> {
      if (flowToken) await database.query(sql`DELETE FROM oidc_flows WHERE id_hash = ${hashToken(flowToken)}`);
    },

    async pendingSignUp(flowToken: string | undefined): Promise<PendingSignUp | null> {
      if (!flowToken) return null;
      const [flow] = await database.query<FlowRow>(
        sql`SELECT provider, purpose, subject, claims, return_to AS "returnTo" FROM oidc_flows
            WHERE id_hash = ${hashToken(flowToken)} AND purpose = 'signup' AND expires_at > ${now().toISOString()}`,
      );
      if (!flow?.subject) return null;
      return {
        provider: flow.provider,
        subject: flow.subject,
        name: flow.claims?.name ?? null,
        email: flow.claims?.email ?? null,
        returnTo: flow.returnTo,
      };
    },

    /** Creates a 개인회원 for a first-time provider identity and signs them in. */
    async completeSignUp(
      flowToken: string,
      input: { name: string; email: string | null; centreCode: string | null },
      client: ClientInfo,
    ): Promise<{ token: string; returnTo: string }> {
      const pending = await this.pendingSignUp(flowToken);
      if (!pending)
        throw new UserError(400, 'FLOW_EXPIRED', '가입 요청이 만료되었습니다. 로그인 화면에서 다시 시작해 주세요.');
      const loginId = `${pending.provider}_${randomBytes(5).toString('hex')}`;
      const accountId = await database.transaction(async (tx) => {
        const [consumed] = await tx.query<{ ok: number }>(
          sql`DELETE FROM oidc_flows WHERE id_hash = ${hashToken(flowToken)} RETURNING 1 AS ok`,
        );
        if (!consumed) throw new UserError(409, 'FLOW_USED', '이미 처리된 가입 요청입니다. 로그인해 주세요.');
        const [row] = await tx.query<{ id: number }>(
          sql`INSERT INTO accounts (kind, login_id, name, email, centre_code)
              VALUES ('seeker', ${loginId}, ${input.name}, ${input.email}, ${input.centreCode}) RETURNING id::int AS id`,
        );
        if (!row) throw new Error('account insert returned nothing');
        await linkIdentity(tx, row.id, pending.provider, pending.subject);
        return row.id;
      });
      const account = await findAccount(database, accountId);
      if (!account) throw new Error('new account not found');
      await audit(database, {
        actor: { id: account.id, kind: account.kind },
        action: 'account.sign-up',
        outcome: 'success',
        ...client,
        details: { via: `oidc:${pending.provider}` },
      });
      return { token: await startSession(account, `oidc:${pending.provider}`, client), returnTo: pending.returnTo };
    },

    /** Password sign-up of a 개인회원; signs them in. */
    async signUpSeeker(
      input: { loginId: string; password: string; name: string; email: string | null; centreCode: string | null },
      client: ClientInfo,
    ): Promise<string> {
      const id = await createAccount(database, { kind: 'seeker', ...input });
      const account = await findAccount(database, id);
      if (!account) throw new Error('new account not found');
      await audit(database, {
        actor: { id, kind: 'seeker' },
        action: 'account.sign-up',
        outcome: 'success',
        ...client,
      });
      return startSession(account, 'password', client);
    },

    startSession,
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
