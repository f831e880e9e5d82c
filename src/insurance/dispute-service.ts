/**
 * The counsellor's side of the 피보험자격 확인 청구 (고용보험법 제17조): the open 청구 of people at
 * their centre (every centre for operators), each with the record it names beside it, and the decision —
 * 인정 or 기각 — with its reason, which the person then sees. Every look and every decision is audited;
 * a 청구 at another centre is answered like one that does not exist.
 *
 * An upheld 청구 may correct the record by office: the counsellor writes it as it should be, and each
 * 신고 that changes gets a 정정 event of its own, filed by the counsellor (office-correction.ts); the
 * employer sees it on the workplace's ledger (제17조 ②: the 확인 is made on the 청구 or by office;
 * ③: the result is told to the person and employer).
 */
// UNCONFIRMED: 제17조 ② and ③ as summarised above; searched "고용보험법 제17조 피보험자격에 관한 확인 청구"
// (pages, docs) without finding the text.

import { staffAudit } from '../centre/claim-service.ts';
import { type Staff, scopeOf } from '../centre/scope.ts';
import type { Database } from '../db/index.ts';
import { seoulToday } from '../shared/dates.ts';
import { UserError } from '../web/errors.ts';
import type { DisputeDecision } from './dispute-forms.ts';
import { type Correction, officeCorrections, type RecordFix } from './office-correction.ts';
import { type InsuredStint, insuredHistory, stintOf } from './person-history.ts';
import { type DisputeCase, decideDispute, findDispute, openDisputes, personEvents } from './person-store.ts';
import { reportsOf } from './report-ledger.ts';
import { insertEvent, workplaceEvents } from './store.ts';

/** A 청구 with the record it names as it stands now (null: the employer has since cancelled it). */
export interface DisputeWithRecord {
  dispute: DisputeCase;
  record: InsuredStint | null;
}

export const disputeNotFound = () => new UserError(404, 'NOT_FOUND', '요청하신 확인 청구를 찾을 수 없습니다.');

type Deps = { database: Database; now: () => Date };

async function withRecord(database: Database, dispute: DisputeCase): Promise<DisputeWithRecord> {
  return {
    dispute,
    record: stintOf(insuredHistory(await personEvents(database, dispute.personHash)), dispute.eventId) ?? null,
  };
}

/** The 청구 if this staff member may see it (reads only). */
async function visible(database: Database, staff: Staff, rawId: string): Promise<DisputeCase | undefined> {
  const scope = scopeOf(staff.account);
  const id = Number(rawId);
  const found = Number.isSafeInteger(id) && id > 0 ? await findDispute(database, id) : undefined;
  return found && (scope === null || found.centreCode === scope) ? found : undefined;
}

/** The 정정 events that make the 청구's record say what `fix` says (refused by field when it cannot). */
async function correctionsOf(database: Database, dispute: DisputeCase, fix: RecordFix): Promise<Correction[]> {
  const { record } = await withRecord(database, dispute);
  if (!record) {
    if (Object.values(fix).every((v) => v === null)) return [];
    throw new UserError(409, 'CANCELLED', '이 청구가 가리키는 신고는 사업장이 취소해 정정할 수 없습니다.');
  }
  const reports = reportsOf(await workplaceEvents(database, record.workplaceId)).filter((r) =>
    record.reportIds.includes(r.original.id),
  );
  const got = officeCorrections(record.workplaceId, reports, fix, dispute.id);
  if (!got.ok) throw new UserError(400, 'FIX_REFUSED', got.message, { [got.field]: got.message });
  return got.events;
}

export function createDisputeDesk(deps: Deps) {
  return { ...disputeReads(deps), ...disputeDecisions(deps) };
}

function disputeReads({ database, now }: Deps) {
  return {
    /** Today in Seoul, for the decision form's dates. */
    today: () => seoulToday(now()),

    /** The open 청구 of the staff member's centre, oldest first, each with its record; audited. */
    async disputeQueue(staff: Staff): Promise<DisputeWithRecord[]> {
      const scope = scopeOf(staff.account);
      const open = await openDisputes(database, scope);
      await staffAudit(database, staff, {
        action: 'insurance.dispute.list',
        outcome: 'success',
        target: { type: 'centre', id: scope ?? 'all' },
      });
      return Promise.all(open.map((d) => withRecord(database, d)));
    },

    /** One 청구 with its record; the look is audited (a denied one too, and answered 404). */
    async disputeCase(staff: Staff, rawId: string): Promise<DisputeWithRecord> {
      const found = await visible(database, staff, rawId);
      await staffAudit(database, staff, {
        action: 'insurance.dispute.view',
        outcome: found ? 'success' : 'denied',
        target: { type: 'record_dispute', id: rawId.slice(0, 20) },
      });
      if (!found) throw disputeNotFound();
      return withRecord(database, found);
    },

    /** One 청구 with its record for the decision form shown again (the decision's command audits the look). */
    async disputeToDecide(staff: Staff, rawId: string): Promise<DisputeWithRecord> {
      const found = await visible(database, staff, rawId);
      if (!found) throw disputeNotFound();
      return withRecord(database, found);
    },
  };
}

function disputeDecisions({ database, now }: Deps) {
  return {
    /**
     * Decides a 청구 (inside the request's command, with its audit row); once only. An upheld one with
     * the record as it should be (`fix`) corrects it by office: a 정정 event for each 신고 that changes,
     * in the same transaction (office-correction.ts).
     */
    async decideDispute(
      staff: Staff,
      rawId: string,
      decision: { decision: DisputeDecision; reason: string; fix: RecordFix },
    ): Promise<{ redirect: string }> {
      const found = await visible(database, staff, rawId);
      if (!found) throw disputeNotFound();
      const decided = () =>
        new UserError(409, 'DECIDED', '이미 결정한 확인 청구입니다. 목록에서 다른 청구를 골라 주세요.');
      if (found.status !== 'open') throw decided();
      const corrections = decision.decision === 'upheld' ? await correctionsOf(database, found, decision.fix) : [];
      const at = now();
      if (
        !(await decideDispute(database, {
          id: found.id,
          status: decision.decision,
          reason: decision.reason,
          by: staff.account.id,
          at,
        }))
      )
        throw decided();
      await staffAudit(database, staff, {
        action: 'insurance.dispute.decide',
        outcome: 'success',
        target: { type: 'record_dispute', id: found.id },
        details: { decision: decision.decision, corrections: String(corrections.length) },
      });
      for (const e of corrections) {
        const { id, inserted } = await insertEvent(database, { ...e, reportedBy: staff.account.id });
        if (inserted)
          await staffAudit(database, staff, {
            action: 'insurance.correct.office',
            outcome: 'success',
            target: { type: 'insurance_event', id },
            details: { dispute: String(found.id) },
          });
      }
      return { redirect: `/centre/disputes?decided=${found.id}` };
    },
  };
}
