/**
 * 비밀번호 찾기 (the rules in password-reset.ts, the storage in password-reset-store.ts): asking for a link
 * and using one, each with its audit row. Called inside a command, so the change, its audit row and the
 * e-mail in the outbox are one transaction.
 */
import type { Database } from '../db/index.ts';
import { UserError } from '../web/errors.ts';
import { findForSignIn } from './accounts.ts';
import { audit } from './audit.ts';
import { type ResetLinkProblem, resetLinkState, resetRequestOutcome } from './password-reset.ts';
import { findLink, issueLink, type LinkRow, useLink } from './password-reset-store.ts';
import type { ClientInfo } from './sign-in-service.ts';
import { blockedFor, clearFailures, PASSWORD_RESET, recordFailure } from './throttle.ts';

/** The refusal, inside the command, of a link that could not be claimed (rolled back, then explained). */
export const LINK_UNUSABLE = 'RESET_LINK_UNUSABLE';

export type ResetLink = LinkRow;

export function createPasswordResetService(deps: { database: Database; now: () => Date }) {
  const { database } = deps;
  return {
    /**
     * A request for a link to the 아이디 (normalized): throttled per 아이디 and IP, counted whether or not
     * the account exists, audited, and the e-mail (pointing at `origin`) put in the outbox. Returns how
     * many seconds to wait when throttled, else 0 — never whether the account exists.
     */
    async requestLink(loginId: string, client: ClientInfo, origin: () => string): Promise<number> {
      const now = deps.now();
      const keys = { loginId, ip: client.ip };
      const wait = await blockedFor(database, keys, now, PASSWORD_RESET);
      if (wait > 0) {
        await audit(database, {
          actor: null,
          action: 'password.reset-request',
          outcome: 'denied',
          ...client,
          details: { loginId, reason: 'throttled' },
        });
        return wait;
      }
      await recordFailure(database, keys, now, PASSWORD_RESET);
      const account = await findForSignIn(database, loginId);
      const result = resetRequestOutcome(account);
      if (account && result === 'sent' && account.email) {
        const { passwordHash: _hash, ...publicAccount } = account;
        await issueLink(database, { ...publicAccount, email: account.email }, origin(), now);
      }
      await audit(database, {
        actor: account ? { id: account.id, kind: account.kind } : null,
        action: 'password.reset-request',
        outcome: result === 'sent' ? 'success' : 'failure',
        ...client,
        details: { loginId, result },
      });
      return 0;
    },

    /** The link of this token and whether it may be used now, or why not. */
    async link(token: string): Promise<{ link: ResetLink | undefined; state: 'valid' | ResetLinkProblem }> {
      const link = await findLink(database, token);
      return { link, state: resetLinkState(link, deps.now()) };
    },

    /**
     * Uses the link: sets the password and ends every session of the account (password-reset-store.ts
     * useLink), audited. Refused with LINK_UNUSABLE when the link can no longer be claimed.
     */
    async reset(link: ResetLink, token: string, password: string, client: ClientInfo): Promise<void> {
      if (!(await useLink(database, token, password, deps.now())))
        throw new UserError(400, LINK_UNUSABLE, '비밀번호 재설정 링크를 쓸 수 없습니다.');
      await audit(database, {
        actor: { id: link.accountId, kind: link.kind },
        action: 'account.password-reset',
        outcome: 'success',
        ...client,
        details: { method: 'email-link' },
      });
      // A new password also lifts a sign-in block on the 아이디 (someone may have been guessing).
      await clearFailures(database, link.loginId);
    },
  };
}

export type PasswordResetService = ReturnType<typeof createPasswordResetService>;
