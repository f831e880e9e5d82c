/**
 * The counsellor's side of the 피보험자격 확인 청구 (고용보험법 제17조): the open 청구 of people at
 * their centre (every centre for operators), each with the record it names beside it, and the decision —
 * 인정 or 기각 — with its reason, which the person then sees. Every look and every decision is audited;
 * a 청구 at another centre is answered like one that does not exist.
 *
 * What an upheld 청구 changes in the records is not done here: the 확인 is then a 정정 신고 of its own
 * (제17조 ②: the 확인 is made on the 청구 or by office; ③: the result is told to the person and employer).
 */
// UNCONFIRMED: 제17조 ② and ③ as summarised above; searched "고용보험법 제17조 피보험자격에 관한 확인 청구"
// (pages, docs) without finding the text.

import { type Staff, scopeOf } from '../centre/scope.ts';
import type { Database } from '../db/index.ts';
import { audit } from '../identity/audit.ts';
import { UserError } from '../web/errors.ts';
import type { DisputeDecision } from './dispute-forms.ts';
import { type InsuredStint, insuredHistory, stintOf } from './person-history.ts';
import { type DisputeCase, decideDispute, findDispute, openDisputes, personEvents } from './person-store.ts';

/** A 청구 with the record it names as it stands now (null: the employer has since cancelled it). */
export interface DisputeWithRecord {
  dispute: DisputeCase;
  record: InsuredStint | null;
}

export const disputeNotFound = () => new UserError(404, 'NOT_FOUND', '요청하신 확인 청구를 찾을 수 없습니다.');

function staffAudit(
  database: Database,
  staff: Staff,
  action: string,
  target: { type: string; id: string | number },
  outcome: 'success' | 'denied' = 'success',
  details?: Record<string, string>,
) {
  return audit(database, {
    actor: { id: staff.account.id, kind: staff.account.kind },
    action,
    outcome,
    target,
    ip: staff.ip,
    userAgent: staff.userAgent,
    ...(details ? { details } : {}),
  });
}

export function createDisputeDesk(deps: { database: Database; now: () => Date }) {
  const { database, now } = deps;

  const withRecord = async (dispute: DisputeCase): Promise<DisputeWithRecord> => ({
    dispute,
    record: stintOf(insuredHistory(await personEvents(database, dispute.personHash)), dispute.eventId) ?? null,
  });

  /** The 청구 if this staff member may see it (reads only). */
  const visible = async (staff: Staff, rawId: string): Promise<DisputeCase | undefined> => {
    const scope = scopeOf(staff.account);
    const id = Number(rawId);
    const found = Number.isSafeInteger(id) && id > 0 ? await findDispute(database, id) : undefined;
    return found && (scope === null || found.centreCode === scope) ? found : undefined;
  };

  return {
    /** The open 청구 of the staff member's centre, oldest first, each with its record; audited. */
    async disputeQueue(staff: Staff): Promise<DisputeWithRecord[]> {
      const scope = scopeOf(staff.account);
      const open = await openDisputes(database, scope);
      await staffAudit(database, staff, 'insurance.dispute.list', { type: 'centre', id: scope ?? 'all' });
      return Promise.all(open.map(withRecord));
    },

    /** One 청구 with its record; the look is audited (a denied one too, and answered 404). */
    async disputeCase(staff: Staff, rawId: string): Promise<DisputeWithRecord> {
      const found = await visible(staff, rawId);
      await staffAudit(
        database,
        staff,
        'insurance.dispute.view',
        { type: 'record_dispute', id: rawId.slice(0, 20) },
        found ? 'success' : 'denied',
      );
      if (!found) throw disputeNotFound();
      return withRecord(found);
    },

    /** One 청구 with its record for the decision form shown again (the decision's command audits the look). */
    async disputeToDecide(staff: Staff, rawId: string): Promise<DisputeWithRecord> {
      const found = await visible(staff, rawId);
      if (!found) throw disputeNotFound();
      return withRecord(found);
    },

    /** Decides a 청구 (inside the request's command, with its audit row); once only. */
    async decideDispute(
      staff: Staff,
      rawId: string,
      decision: { decision: DisputeDecision; reason: string },
    ): Promise<{ redirect: string }> {
      const found = await visible(staff, rawId);
      if (!found) throw disputeNotFound();
      if (
        found.status !== 'open' ||
        !(await decideDispute(database, {
          id: found.id,
          status: decision.decision,
          reason: decision.reason,
          by: staff.account.id,
          at: now(),
        }))
      )
        throw new UserError(409, 'DECIDED', '이미 결정한 확인 청구입니다. 목록에서 다른 청구를 골라 주세요.');
      await staffAudit(
        database,
        staff,
        'insurance.dispute.decide',
        { type: 'record_dispute', id: found.id },
        'success',
        {
          decision: decision.decision,
        },
      );
      return { redirect: `/centre/disputes?decided=${found.id}` };
    },
  };
}
