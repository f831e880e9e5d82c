/**
 * OpenID Connect sign-in: flow state in the database so the callback can land on any app process
 * (oidc-store.ts), identity linking, and sign-up of a first-time provider user.
 */
import { randomBytes } from 'node:crypto';
import { UserError } from '../web/errors.ts';
import { type Account, findAccount, findByIdentity, linkIdentity, touchIdentity } from './accounts.ts';
import { audit } from './audit.ts';
import {
  createExternalSeeker,
  deleteFlow,
  type FlowRow,
  findSignUpFlow,
  insertFlow,
  insertSignUpFlow,
  takeFlow,
} from './oidc-store.ts';
import type { SignedInIdentity } from './providers.ts';
import { newToken } from './sessions.ts';
import { safeReturnTo } from './sign-in-forms.ts';
import type { ClientInfo, IdentityDeps, StartSession } from './sign-in-service.ts';

const FLOW_MINUTES = 10;
const SIGNUP_MINUTES = 30;

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

const minutesFrom = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000);

export function createOidcSignIn(deps: IdentityDeps, startSession: StartSession) {
  const { database, providers, now } = deps;
  return {
    /** Starts an OpenID Connect flow; returns the provider URL and the flow cookie token. */
    async beginOidc(
      providerId: string,
      purpose: 'login' | 'link',
      redirectUri: string,
      options: { accountId?: number; returnTo?: string },
    ): Promise<{ url: URL; flowToken: string }> {
      const started = await providers.begin(providerId, redirectUri);
      // Chosen before the first attempt, so a retried INSERT finds its own row (insertFlow).
      const flowToken = newToken();
      await insertFlow(database, flowToken, {
        provider: providerId,
        purpose,
        accountId: options.accountId ?? null,
        state: started.state,
        nonce: started.nonce,
        codeVerifier: started.codeVerifier,
        returnTo: safeReturnTo(options.returnTo),
        expiresAt: minutesFrom(now(), FLOW_MINUTES),
      });
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
      const flow = flowToken ? await takeFlow(database, flowToken, now()) : undefined;
      if (!flow || flow.provider !== providerId || flow.purpose === 'signup')
        throw new UserError(
          400,
          'FLOW_EXPIRED',
          '로그인 요청이 만료되었거나 올바르지 않습니다. 처음부터 다시 시도해 주세요.',
        );
      const identity: SignedInIdentity = await providers.finish(providerId, callbackUrl, flow);
      if (flow.purpose === 'link') return linkFlow(deps, flow, identity, client, signedIn);
      return signInFlow(deps, startSession, flow, identity, client);
    },

    /** Drops a flow the provider ended with an error (cancelled, refused). */
    async discardFlow(flowToken: string | undefined): Promise<void> {
      if (flowToken) await deleteFlow(database, flowToken);
    },
  };
}

/** 내 정보's 연결하기: the identity is linked to the account that started the flow, if still signed in. */
async function linkFlow(
  deps: IdentityDeps,
  flow: FlowRow,
  identity: SignedInIdentity,
  client: ClientInfo,
  signedIn: Account | null,
): Promise<CallbackResult> {
  const { database } = deps;
  if (!signedIn || signedIn.id !== flow.accountId)
    throw new UserError(
      403,
      'LINK_SESSION_CHANGED',
      '계정 연결을 시작한 로그인 상태가 바뀌었습니다. 다시 로그인한 뒤 연결해 주세요.',
    );
  await database.transaction((tx) => linkIdentity(tx, signedIn.id, flow.provider, identity.subject));
  await audit(database, {
    actor: { id: signedIn.id, kind: signedIn.kind },
    action: 'identity.link',
    outcome: 'success',
    target: { type: 'provider', id: flow.provider },
    ...client,
  });
  return { kind: 'linked', accountId: signedIn.id, provider: flow.provider };
}

/** 간편 로그인: the linked account is signed in; a disabled one is refused; a new identity may sign up. */
async function signInFlow(
  deps: IdentityDeps,
  startSession: StartSession,
  flow: FlowRow,
  identity: SignedInIdentity,
  client: ClientInfo,
): Promise<CallbackResult> {
  const { database, now } = deps;
  const providerId = flow.provider;
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
  await insertSignUpFlow(database, signUpToken, {
    provider: providerId,
    returnTo: flow.returnTo,
    subject: identity.subject,
    claims: { name: identity.name, email: identity.email },
    expiresAt: minutesFrom(now(), SIGNUP_MINUTES),
  });
  return { kind: 'sign-up', flowToken: signUpToken };
}

export function createExternalSignUp(deps: IdentityDeps, startSession: StartSession) {
  const { database, now } = deps;
  const pendingSignUp = async (flowToken: string | undefined): Promise<PendingSignUp | null> => {
    if (!flowToken) return null;
    const flow = await findSignUpFlow(database, flowToken, now());
    if (!flow?.subject) return null;
    return {
      provider: flow.provider,
      subject: flow.subject,
      name: flow.claims?.name ?? null,
      email: flow.claims?.email ?? null,
      returnTo: flow.returnTo,
    };
  };
  return {
    pendingSignUp,

    /** Creates a 개인회원 for a first-time provider identity and signs them in. */
    async completeSignUp(
      flowToken: string,
      input: { name: string; email: string | null; centreCode: string | null },
      client: ClientInfo,
    ): Promise<{ token: string; returnTo: string }> {
      const pending = await pendingSignUp(flowToken);
      if (!pending)
        throw new UserError(400, 'FLOW_EXPIRED', '가입 요청이 만료되었습니다. 로그인 화면에서 다시 시작해 주세요.');
      const loginId = `${pending.provider}_${randomBytes(5).toString('hex')}`;
      const accountId = await createExternalSeeker(database, flowToken, { loginId, ...input }, pending);
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
  };
}
