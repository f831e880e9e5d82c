/**
 * 고용센터 업무 (the job-centre back office): what a counsellor or operator may see, and every look and
 * write with its audit row. A counsellor sees the 개인회원 and the 구직급여 신청 of their own centre and
 * nobody else's; operators see every centre. Opening a person's record or a claim is a staff action and
 * goes to the audit log, allowed or denied. Called inside a command for the writes (src/web/commands.ts),
 * so a change and its audit row share the command's transaction (src/db/commands.ts).
 */
import type { BenefitsService } from '../benefits/service.ts';
import type { Database } from '../db/index.ts';
import { findAccount } from '../identity/accounts.ts';
import type { MarketStore } from '../market/store.ts';
import { UserError } from '../web/errors.ts';
import { createClaimDeskService, staffAudit } from './claim-service.ts';
import { type Staff, scopeOf } from './scope.ts';
import { clientsOf } from './store.ts';

export interface CentreDeps {
  database: Database;
  benefits: BenefitsService;
  market: MarketStore;
}

/** The 개인회원 of the centre and one person's record (구직신청, 구직급여 신청, 입사지원). */
function createClientDeskService(deps: CentreDeps) {
  const { database, benefits, market } = deps;
  return {
    /** The latest 개인회원 of the staff member's centre (every centre for operators); the look audited. */
    async clients(staff: Staff) {
      const scope = scopeOf(staff.account);
      const clients = await clientsOf(database, scope);
      await staffAudit(database, staff, {
        action: 'client.list',
        outcome: 'success',
        target: { type: 'centre', id: scope ?? 'all' },
        details: { shown: clients.length },
      });
      return { scope, clients };
    },

    /** One 개인회원's record if they belong to the staff member's centre, else 404; audited either way. */
    async client(staff: Staff, rawId: string) {
      const scope = scopeOf(staff.account);
      const id = Number(rawId);
      const client = Number.isSafeInteger(id) ? await findAccount(database, id) : undefined;
      const visible = client && client.kind === 'seeker' && (scope === null || client.centreCode === scope);
      await staffAudit(database, staff, {
        action: 'client.view',
        outcome: visible ? 'success' : 'denied',
        target: { type: 'account', id: rawId.slice(0, 20) },
      });
      // Someone outside the centre is answered exactly like someone who does not exist.
      if (!visible || !client) throw new UserError(404, 'NOT_FOUND', '요청하신 개인회원을 찾을 수 없습니다.');
      const [profile, claims, applications] = await Promise.all([
        market.profile(client.id),
        benefits.claimsOf(client.id),
        market.applicationsOf(client.id),
      ]);
      return { scope, client, profile, claims, applications };
    },
  };
}

export function createCentreService(deps: CentreDeps) {
  return { ...createClientDeskService(deps), claims: createClaimDeskService(deps) };
}

export type { ClientRow } from './store.ts';
export type { Staff };
export type CentreService = ReturnType<typeof createCentreService>;
export type ClientRecord = Awaited<ReturnType<CentreService['client']>>;
