/**
 * Password sign-in (throttled, audited, no user enumeration) and the session every sign-in starts.
 * HTTP details (cookies, redirects, pages) stay in the route files.
 */
import { randomUUID } from 'node:crypto';
import { atomically } from '../db/commands.ts';
import type { Database } from '../db/index.ts';
import { type Account, findForSignIn } from './accounts.ts';
import { audit } from './audit.ts';
import { verifyPassword } from './passwords.ts';
import type { ProviderRegistry } from './providers.ts';
import { normalizeLoginId } from './rules.ts';
import { createSession, type SessionPolicy } from './sessions.ts';
import { blockedFor, clearFailures, recordFailure } from './throttle.ts';

export interface ClientInfo {
  ip: string;
  userAgent: string;
}

export interface IdentityDeps {
  database: Database;
  providers: ProviderRegistry;
  policy: SessionPolicy;
  now: () => Date;
}

export type PasswordSignIn =
  | { ok: true; token: string; account: Account }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/** Opens a session for the account (audited as a sign-in by `method`) and returns its cookie token. */
export type StartSession = (account: Account, method: string, client: ClientInfo) => Promise<string>;

export function sessionStarter(deps: Pick<IdentityDeps, 'database' | 'policy' | 'now'>): StartSession {
  const { database, policy, now } = deps;
  return async (account, method, client) => {
    // The session and its audit row together (a sign-in is not a command: a repeat opens another session).
    const entryId = randomUUID();
    return atomically(database, async () => {
      const token = await createSession(database, { accountId: account.id, method, ...client }, policy, now());
      await audit(database, {
        actor: { id: account.id, kind: account.kind },
        action: 'sign-in',
        outcome: 'success',
        ip: client.ip,
        userAgent: client.userAgent,
        details: { method },
        entryId,
      });
      return token;
    });
  };
}

export function createPasswordSignIn(deps: Pick<IdentityDeps, 'database' | 'now'>, startSession: StartSession) {
  const { database, now } = deps;
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
        // The failure counted for the throttle and its audit row together.
        const entryId = randomUUID();
        await atomically(database, async () => {
          const delay = await recordFailure(database, keys, now());
          await audit(database, {
            actor: account ? { id: account.id, kind: account.kind } : null,
            action: 'sign-in',
            outcome: 'failure',
            ip: client.ip,
            userAgent: client.userAgent,
            details: { method: 'password', loginId, ...(delay > 0 ? { blockedSeconds: delay } : {}) },
            entryId,
          });
        });
        return { ok: false, reason: 'invalid' };
      }
      await clearFailures(database, loginId);
      const { passwordHash: _hash, ...publicAccount } = account;
      return { ok: true, account: publicAccount, token: await startSession(publicAccount, 'password', client) };
    },
  };
}
