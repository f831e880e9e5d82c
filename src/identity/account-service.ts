/**
 * 내 정보 and 로그아웃: the account's sign-in methods, password and active sessions. Each write comes
 * with its audit row; inside a command (src/web/commands.ts) both share the command's transaction.
 */
import type { Database } from '../db/index.ts';
import { UserError } from '../web/errors.ts';
import type { Errors } from '../web/forms.ts';
import {
  type Account,
  changePassword,
  findForSignIn,
  type LinkedIdentity,
  listIdentities,
  unlinkIdentity,
} from './accounts.ts';
import { audit } from './audit.ts';
import { verifyPassword } from './passwords.ts';
import { listActiveSessions, revokeAllSessions, revokeSession, type SessionListItem } from './sessions.ts';
import type { ClientInfo, IdentityDeps } from './sign-in-service.ts';

type Actor = Pick<Account, 'id' | 'kind'>;

const WRONG_CURRENT = '지금 비밀번호가 맞지 않습니다.';

/** Whether the typed 지금 비밀번호 fails to match (an account without a password has none to match). */
async function currentIsWrong(database: Database, account: Account, current: string): Promise<boolean> {
  if (!account.hasPassword) return false;
  const row = await findForSignIn(database, account.loginId);
  return !(await verifyPassword(row?.passwordHash, current));
}

export function createAccountService(deps: Pick<IdentityDeps, 'database' | 'policy' | 'now'>) {
  const { database, policy, now } = deps;
  const log = (account: Actor, entry: { action: string; target?: { type: string; id: string } }, client: ClientInfo) =>
    audit(database, { actor: { id: account.id, kind: account.kind }, outcome: 'success', ...entry, ...client });
  return {
    /** 로그아웃: ends this session. */
    async signOut(session: { idHash: string; account: Actor }, client: ClientInfo): Promise<void> {
      await revokeSession(database, session.idHash);
      await log(session.account, { action: 'sign-out' }, client);
    },

    /** What 내 정보 lists: the linked sign-in methods and the active sessions. */
    async myAccount(accountId: number): Promise<{ identities: LinkedIdentity[]; sessions: SessionListItem[] }> {
      const [identities, sessions] = await Promise.all([
        listIdentities(database, accountId),
        listActiveSessions(database, accountId, policy, now()),
      ]);
      return { identities, sessions };
    },

    /** The message for a 지금 비밀번호 that does not match (none for an account without a password). */
    async currentPasswordErrors(account: Account, current: string): Promise<Errors> {
      return (await currentIsWrong(database, account, current)) ? { currentPassword: WRONG_CURRENT } : {};
    },

    /**
     * Sets a new password and ends the account's other sessions. The current password is checked here,
     * inside the command: a repeat of a change already made (whose answer was lost) no longer matches it,
     * and is answered with the stored outcome instead. Refused with WRONG_PASSWORD (and its field).
     */
    async changePassword(
      account: Account,
      passwords: { current: string; next: string },
      keepIdHash: string | undefined,
      client: ClientInfo,
    ): Promise<void> {
      if (await currentIsWrong(database, account, passwords.current))
        throw new UserError(400, 'WRONG_PASSWORD', WRONG_CURRENT, { currentPassword: WRONG_CURRENT });
      await changePassword(database, account.id, passwords.next);
      await revokeAllSessions(database, account.id, keepIdHash);
      await log(account, { action: 'account.password' }, client);
    },

    /** Signs out one of the account's own sessions, by the first digits of its hash. */
    async revokeOwnSession(accountId: number, prefix: string): Promise<void> {
      const sessions = await listActiveSessions(database, accountId, policy, now());
      const target = sessions.find((s) => s.idHash.startsWith(prefix));
      // Only the person's own sessions are listed, so another account's session is never found here.
      if (target) await revokeSession(database, target.idHash);
    },

    /** 다른 기기 모두 로그아웃: every session but the one in use. */
    async signOutOthers(account: Actor, keepIdHash: string | undefined, client: ClientInfo): Promise<void> {
      await revokeAllSessions(database, account.id, keepIdHash);
      await log(account, { action: 'sign-out.others' }, client);
    },

    /** 모든 기기에서 로그아웃. */
    async signOutEverywhere(account: Actor, client: ClientInfo): Promise<void> {
      await revokeAllSessions(database, account.id);
      await log(account, { action: 'sign-out.everywhere' }, client);
    },

    /** 연결 해제 of a sign-in provider (refused for the last way to sign in). */
    async unlinkIdentity(account: Actor, provider: string, client: ClientInfo): Promise<void> {
      await unlinkIdentity(database, account.id, provider);
      await log(account, { action: 'identity.unlink', target: { type: 'provider', id: provider } }, client);
    },
  };
}
