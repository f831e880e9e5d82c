/**
 * The operators' back office (운영 관리): the accounts they look after, staff accounts they create, staff
 * passwords they set, accounts they disable and enable, and the audit log they read. Every action is a
 * staff action and writes its audit row in the same function: the writes are called inside a command
 * (src/web/commands.ts), so the change and its audit share the command's transaction through the
 * command-aware database (src/db/commands.ts).
 */
import type { Database } from '../db/index.ts';
import {
  type AccountFilter,
  changePassword,
  createAccount,
  findAccount,
  listAccounts,
  listCentres,
  setAccountStatus,
} from '../identity/accounts.ts';
import { type Actor, auditBy, listAudit } from '../identity/audit.ts';
import { revokeAllSessions } from '../identity/sessions.ts';
import { UserError } from '../web/errors.ts';
import { DISABLE_REASONS, type DisableReason, isStaff, type NewStaffAccount } from './forms.ts';

export type { Actor };

export type AdminAccount = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

/** The accounts an operator may act on, found by the id in the URL. */
function targets(database: Database) {
  return {
    /**
     * A staff account whose password an operator sets (404 for any other account); not one's own (409:
     * that is 내 정보).
     */
    async staff(raw: string, me: { id: number }): Promise<AdminAccount> {
      const id = Number(raw);
      const target = Number.isSafeInteger(id) ? await findAccount(database, id) : undefined;
      if (!target || !isStaff(target.kind)) throw new UserError(404, 'NOT_FOUND', '직원 계정을 찾을 수 없습니다.');
      if (target.id === me.id) throw new UserError(409, 'SELF', '자기 비밀번호는 내 정보에서 바꿉니다.');
      return target;
    },

    /** An account an operator may disable or enable: not their own (409), one that exists (404). */
    async status(raw: string, me: { id: number }): Promise<AdminAccount> {
      const id = Number(raw);
      if (!Number.isSafeInteger(id)) throw new UserError(404, 'NOT_FOUND', '계정을 찾을 수 없습니다.');
      if (id === me.id) throw new UserError(409, 'SELF', '자기 계정은 사용 중지할 수 없습니다.');
      const target = await findAccount(database, id);
      if (!target) throw new UserError(404, 'NOT_FOUND', '계정을 찾을 수 없습니다.');
      return target;
    },
  };
}

/** The writes, each with its audit row. */
function accountWrites(database: Database) {
  return {
    /** A new 상담원 or 운영자 account; a login ID already taken is a UserError with `fields`. */
    async createStaff(account: NewStaffAccount, actor: Actor): Promise<number> {
      const id = await createAccount(database, { ...account, createdBy: actor.id });
      await auditBy(database, actor, 'account.create', {
        target: { type: 'account', id },
        details: { kind: account.kind, loginId: account.loginId, centre: account.centreCode },
      });
      return id;
    },

    /** Sets a staff member's password and ends every session of that account. */
    async setStaffPassword(target: AdminAccount, password: string, actor: Actor): Promise<void> {
      const ended = await database.transaction(async (tx) => {
        await changePassword(tx, target.id, password);
        return revokeAllSessions(tx, target.id);
      });
      await auditBy(database, actor, 'account.password-set', {
        target: { type: 'account', id: target.id },
        details: { loginId: target.loginId, sessionsEnded: ended },
      });
    },

    /** 사용 중지 (signs the account out everywhere, with the reason and note audited) or 다시 사용. */
    async setStatus(
      target: AdminAccount,
      change: { status: 'active' } | { status: 'disabled'; reason: DisableReason; note: string },
      actor: Actor,
    ): Promise<void> {
      await setAccountStatus(database, target.id, change.status);
      await auditBy(database, actor, change.status === 'disabled' ? 'account.disable' : 'account.enable', {
        target: { type: 'account', id: target.id },
        ...(change.status === 'disabled'
          ? { details: { reason: change.reason, reasonLabel: DISABLE_REASONS[change.reason], note: change.note } }
          : {}),
      });
    },
  };
}

export function createAdminService(deps: { database: Database }) {
  const { database } = deps;
  return {
    accounts: (filter: AccountFilter) => listAccounts(database, filter),
    /** The job centres a counsellor may belong to. */
    centres: () => listCentres(database),
    target: targets(database),
    ...accountWrites(database),

    /** The latest 200 audit entries matching the filter; reading them is itself audited. */
    async auditLog(filter: { action: string; staffOnly: boolean }, actor: Actor) {
      const rows = await listAudit(database, {
        ...(filter.action ? { action: filter.action } : {}),
        staffOnly: filter.staffOnly,
        limit: 200,
      });
      await auditBy(database, actor, 'audit.view', {
        details: { filter: filter.action || null, staffOnly: filter.staffOnly },
      });
      return rows;
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
