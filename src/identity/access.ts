/**
 * Who may use each route. Every route declares `config.access` — 'public', 'signed-in', or the
 * account kinds allowed — and registering a route without it fails at start-up, so no route is
 * open by omission. The session is read from its cookie before the body is parsed; a refused
 * request never reaches the handler.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DatabaseUnavailableError } from '../db/failover.ts';
import type { Database } from '../db/index.ts';
import { UserError, wantsJson } from '../web/errors.ts';
import { STATIC_ROUTE_PREFIXES } from '../web/krds/static.ts';
import type { Account, AccountKind } from './accounts.ts';
import { audit, clientOf } from './audit.ts';
import type { RevocationList } from './revocations.ts';
import {
  type ActiveSession,
  findSession,
  hashToken,
  isTokenShaped,
  type SessionPolicy,
  touchSession,
} from './sessions.ts';

export type Access = 'public' | 'signed-in' | readonly AccountKind[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    /** The signed-in session, or null. Set for every non-static route before its handler runs. */
    identity: ActiveSession | null;
  }
}

/** Route options declaring access: `app.get('/x', allow('seeker'), handler)`. */
export function allow(...access: ['public'] | ['signed-in'] | AccountKind[]): { config: { access: Access } } {
  const first = access[0];
  if (first === 'public' || first === 'signed-in') return { config: { access: first } };
  return { config: { access: access as AccountKind[] } };
}

export const SESSION_COOKIE = 'ilteo_session';
/**
 * A signed pass beside the session cookie (HMAC with the cookie secret, which every process holds in
 * memory): who you are, bound to your session token, valid for the idle timeout (at most an hour). It is read only when no
 * database can look the session up (a full outage), so a signed-in citizen can still file a
 * submission into the journal. Only citizens get one (OFFLINE_KINDS); a pass for a session signed out
 * or an account disabled before the outage is refused by the revocation list every process keeps on its
 * disk (revocations.ts); and everything filed with a pass is checked again, with the account, when it
 * is applied.
 */
export const PASS_COOKIE = 'ilteo_pass';
export const OFFLINE_METHOD = 'offline-pass';
const PASS_REFRESH_MS = 5 * 60_000;
/**
 * Who gets a pass: citizens (seekers), who may file into the journal during an outage. Counsellors and
 * operators act on other people's records and get none: with no database they are not signed in.
 */
const OFFLINE_KINDS: ReadonlySet<AccountKind> = new Set(['seeker']);

/** A pass lives for the idle timeout, at most an hour, and is re-issued every 5 minutes while a database answers. */
export function passLifetimeMs(policy: SessionPolicy): number {
  return Math.min(policy.idleMinutes * 60_000, 60 * 60_000);
}

interface Pass {
  id: number;
  kind: AccountKind;
  name: string;
  /** First 16 hex digits of the session token's hash. */
  sid: string;
  iat: number;
  exp: number;
}

export function permits(access: Access, account: Account | null): boolean {
  if (access === 'public') return true;
  if (!account) return false;
  if (access === 'signed-in') return true;
  return access.includes(account.kind);
}

/** The signed-in account; for handlers of routes that are not public. */
export function accountOf(request: FastifyRequest): Account {
  const account = request.identity?.account;
  if (!account) throw new UserError(401, 'SIGN_IN_REQUIRED', '로그인이 필요합니다.');
  return account;
}

export interface AccessDeps {
  database: Database;
  policy: SessionPolicy;
  now: () => Date;
  secureCookies: (request: FastifyRequest) => boolean;
  /** True while this process knows no database answers (the status monitor's own view). */
  databaseDown?: () => boolean;
  /** True while not even a standby answers: the session is not looked up at all, the pass decides. */
  noNodeAnswers?: () => boolean;
  /** Sessions ended and accounts disabled, as this server last read them: a pass for one is refused. */
  revocations?: Pick<RevocationList, 'refuses'>;
}

function readPass(request: FastifyRequest, token: string, now: Date): Pass | null {
  const raw = request.cookies[PASS_COOKIE];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  try {
    const pass = JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8')) as Pass;
    if (pass.exp < now.getTime() || pass.sid !== hashToken(token).slice(0, 16)) return null;
    return pass;
  } catch {
    return null;
  }
}

function offlineSession(pass: Pass, now: Date): ActiveSession {
  return {
    idHash: '',
    method: OFFLINE_METHOD,
    lastSeenAt: now.toISOString(),
    account: {
      id: pass.id,
      kind: pass.kind,
      loginId: '',
      name: pass.name,
      email: null,
      companyId: null,
      companyName: null,
      busino: null,
      centreCode: null,
      centreName: null,
      status: 'active',
      hasPassword: false,
      createdAt: '',
    },
  };
}

export function sessionCookieOptions(secure: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
}

function isStatic(url: string): boolean {
  return STATIC_ROUTE_PREFIXES.some((prefix) => url.startsWith(prefix));
}

export function registerAccess(app: FastifyInstance, deps: AccessDeps): void {
  app.decorateRequest('identity', null);

  app.addHook('onRoute', (route) => {
    if (route.config?.access === undefined && !isStatic(route.url))
      throw new Error(`route ${String(route.method)} ${route.url} does not declare who may use it (config.access)`);
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config?.access;
    if (access === undefined) return; // static files and 404s
    const token = request.cookies[SESSION_COOKIE];
    if (token !== undefined && isTokenShaped(token)) await readSession(deps, request, reply, token, access);
    else if (token !== undefined) {
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps.secureCookies(request)));
    }
    return checkAccess(deps, request, reply, access);
  });
}

/**
 * The session of a well-formed cookie token, looked up in the database, or from the signed pass when no
 * database can say; `unavailable` when neither can.
 */
async function lookUpSession(
  deps: AccessDeps,
  request: FastifyRequest,
  token: string,
  now: Date,
  primaryDown: boolean,
): Promise<{ session: ActiveSession | null; unavailable: boolean; usablePass: Pass | null }> {
  let session: ActiveSession | null = null;
  let unavailable = false;
  if (deps.noNodeAnswers?.()) unavailable = true;
  else
    try {
      // Bounded (LOOKUP_BOUND_MS): the standby first when this process knows there is no primary.
      session = await findSession(deps.database, token, deps.policy, now, { primaryDown });
    } catch (err) {
      if (!(err instanceof DatabaseUnavailableError)) throw err;
      unavailable = true;
    }
  const pass = unavailable ? readPass(request, token, now) : null;
  const usablePass = pass && OFFLINE_KINDS.has(pass.kind) && !deps.revocations?.refuses(pass) ? pass : null;
  // No pass to go by (a counsellor, an operator) while a node still answers: a failover is under
  // way, and waiting it out (the full deadline) beats turning them away.
  if (unavailable && !usablePass && !deps.noNodeAnswers?.()) {
    try {
      session = await findSession(deps.database, token, deps.policy, now, { patient: true });
      unavailable = false;
    } catch (err) {
      if (!(err instanceof DatabaseUnavailableError)) throw err;
    }
  }
  return { session, unavailable, usablePass };
}

/** Sets request.identity from the session cookie (or the pass), and keeps the pass and the session fresh. */
async function readSession(
  deps: AccessDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  access: Access,
): Promise<void> {
  const now = deps.now();
  const primaryDown = deps.databaseDown?.() ?? false;
  const { session, unavailable, usablePass } = await lookUpSession(deps, request, token, now, primaryDown);
  if (unavailable) {
    if (usablePass) request.identity = offlineSession(usablePass, now);
    // Signed in, but nobody can say as whom: not "please sign in" (signing in needs the database
    // too), but "not now" — a 503 with Retry-After, for pages and writes alike.
    else if (access !== 'public')
      throw new DatabaseUnavailableError(
        '지금은 로그인 상태를 확인할 수 없어 이 화면을 열 수 없습니다. 잠시 후 다시 시도해 주세요. 보내신 내용은 저장되지 않았습니다.',
        'read',
      );
  } else if (session) {
    request.identity = session;
    refreshPass(deps, request, reply, token, session, now);
    // Recording activity does not hold up the page, unless the session is past half its idle
    // time: then the extension must land before the person's next click — but never for longer
    // than a second (with no primary it cannot land at all).
    const touched = touchSession(deps.database, session, now);
    const idleMs = now.getTime() - Date.parse(session.lastSeenAt);
    if (idleMs > (deps.policy.idleMinutes * 60_000) / 2 && !primaryDown)
      await Promise.race([touched, new Promise((r) => setTimeout(r, 1_000).unref())]);
  } else {
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps.secureCookies(request)));
    reply.clearCookie(PASS_COOKIE, sessionCookieOptions(deps.secureCookies(request)));
  }
}

/** A citizen's pass is re-issued every 5 minutes while a database answers; anyone else's is taken away. */
function refreshPass(
  deps: AccessDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  session: ActiveSession,
  now: Date,
): void {
  const lifetimeMs = passLifetimeMs(deps.policy);
  const pass = readPass(request, token, now);
  if (OFFLINE_KINDS.has(session.account.kind) && (!pass || now.getTime() - pass.iat > PASS_REFRESH_MS)) {
    const value: Pass = {
      id: session.account.id,
      kind: session.account.kind,
      name: session.account.name,
      sid: hashToken(token).slice(0, 16),
      iat: now.getTime(),
      exp: now.getTime() + lifetimeMs,
    };
    reply.setCookie(PASS_COOKIE, Buffer.from(JSON.stringify(value)).toString('base64url'), {
      ...sessionCookieOptions(deps.secureCookies(request)),
      signed: true,
      maxAge: Math.round(lifetimeMs / 1000),
    });
  } else if (pass && !OFFLINE_KINDS.has(session.account.kind)) {
    reply.clearCookie(PASS_COOKIE, sessionCookieOptions(deps.secureCookies(request)));
  }
}

/** Lets the request through, sends someone signed out to the sign-in page, or refuses (audited). */
async function checkAccess(deps: AccessDeps, request: FastifyRequest, reply: FastifyReply, access: Access) {
  const account = request.identity?.account ?? null;
  if (permits(access, account)) return;
  if (!account) {
    if (request.method === 'GET' && !wantsJson(request)) {
      const next = encodeURIComponent(request.url);
      return reply.redirect(`/login?next=${next}`, 303);
    }
    throw new UserError(401, 'SIGN_IN_REQUIRED', '로그인이 필요합니다. 로그인한 뒤 다시 시도해 주세요.');
  }
  await audit(deps.database, {
    actor: { id: account.id, kind: account.kind },
    action: 'access.denied',
    outcome: 'denied',
    target: { type: 'route', id: `${request.method} ${request.routeOptions.url ?? request.url}` },
    ...clientOf(request),
  }).catch(() => {});
  throw new UserError(403, 'FORBIDDEN', '이 페이지를 이용할 권한이 없습니다.');
}
