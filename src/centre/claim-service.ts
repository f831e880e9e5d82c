/**
 * 고용센터 업무 for 구직급여: the claims a staff member may see (a claim at another centre is answered like
 * one that does not exist), what the review page shows, and the decisions — each with the audit row of
 * the look at the claim, in the command's one transaction (src/db/commands.ts): a refusal rolls both back.
 */
import type { ActivityCheck } from '../benefits/activities.ts';
import { dailyAmount, benefitDays as daysFor, eligibility } from '../benefits/calculate.ts';
import type {
  Activity,
  BenefitsService,
  ChangeKind,
  Claim,
  RECOGNITION_REJECTIONS,
  REJECTION_CODES,
  Recognition,
} from '../benefits/service.ts';
import type { Database } from '../db/index.ts';
import { type AuditEntry, audit } from '../identity/audit.ts';
import { claimedPeriods } from '../insurance/claim-records.ts';
import { claimRecords, recordsAuditDetails } from '../insurance/claim-records-service.ts';
import { UserError } from '../web/errors.ts';
import { type Staff, scopeOf } from './scope.ts';

/** One audit row of a staff member's action. */
export function staffAudit(
  database: Database,
  staff: Staff,
  entry: Pick<AuditEntry, 'action' | 'outcome' | 'target' | 'details'>,
): Promise<void> {
  return audit(database, {
    actor: { id: staff.account.id, kind: staff.account.kind },
    ...entry,
    ip: staff.ip,
    userAgent: staff.userAgent,
  });
}

export type QueueStatus = 'submitted' | 'approved' | 'rejected' | 'all';

/** A decision on a claim the staff member may see: who, the claim, and its id as the URL gave it (audited). */
export interface Decision {
  staff: Staff;
  rawId: string;
  claim: Claim;
}

/** A 실업인정 차수 on the review page: its activities and, when filed, their check. */
export interface RecognitionLine {
  recognition: Recognition;
  activities: Activity[];
  check: ActivityCheck<Activity> | null;
}

interface ClaimDeskDeps {
  database: Database;
  benefits: BenefitsService;
}

export const claimNotFound = () => new UserError(404, 'NOT_FOUND', '요청하신 신청을 찾을 수 없습니다.');

/** The audit row of one look at a claim (allowed or denied), with what it showed when given. */
function auditLook(
  database: Database,
  staff: Staff,
  rawId: string,
  action: string,
  visible: boolean,
  details?: AuditEntry['details'],
) {
  return staffAudit(database, staff, {
    action,
    outcome: visible ? 'success' : 'denied',
    target: { type: 'claim', id: rawId.slice(0, 20) },
    ...(details ? { details } : {}),
  });
}

/** The claims a staff member may see, and the audited looks at them. */
function claimReads(deps: ClaimDeskDeps) {
  const { database, benefits } = deps;

  /** The claim if the staff member may see it, else undefined (reads only, nothing audited). */
  const claimFor = async (staff: Staff, rawId: string): Promise<Claim | undefined> => {
    const scope = scopeOf(staff.account);
    const id = Number(rawId);
    const claim = Number.isSafeInteger(id) && id > 0 ? await benefits.claimById(id) : undefined;
    return claim !== undefined && (scope === null || claim.centreCode === scope) ? claim : undefined;
  };

  return {
    claimFor,

    /** The claims of the staff member's centre (every centre for operators) in this state; audited. */
    async queue(staff: Staff, status: QueueStatus) {
      const scope = scopeOf(staff.account);
      const claims = await benefits.queue(scope, status);
      await staffAudit(database, staff, {
        action: 'claim.list',
        outcome: 'success',
        target: { type: 'centre', id: scope ?? 'all' },
      });
      return { scope, centreName: staff.account.centreName, claims };
    },

    /**
     * The denied look at a claim to decide on, audited as the request's command (its one write), so a
     * repeat answers 404 again without a second row.
     */
    deniedLook: (staff: Staff, rawId: string, action: string) => auditLook(database, staff, rawId, action, false),

    claimById: (id: number) => benefits.claimById(id),
  };
}

/** What the review page and the confirmation pages of a claim show. */
function reviewReads(deps: ClaimDeskDeps) {
  const { benefits, database } = deps;
  return {
    /**
     * Everything the review page shows besides the claim: 실업인정 with their checks, ledger, figures, and
     * the claimant's 고용보험 records with their flags (src/insurance/claim-records.ts).
     */
    async review(claim: Claim) {
      const [recognitions, activities, ledger] = await Promise.all([
        benefits.recognitions(claim.id),
        benefits.activities(claim.id),
        benefits.ledger(claim.id),
      ]);
      const lines: RecognitionLine[] = recognitions.map((r) => {
        const acts = activities.filter((a) => a.recognitionId === r.id);
        return {
          recognition: r,
          activities: acts,
          check: r.status === 'filed' ? benefits.checkPeriod(claim, r, acts, {}) : null,
        };
      });
      const records = await claimRecords(database, claim, claimedPeriods(ledger, recognitions));
      return {
        today: benefits.today(),
        eligibility: eligibility(claim),
        daily: dailyAmount(claim),
        days: daysFor(claim),
        recognitions: lines,
        ledger,
        records,
      };
    },

    /** A 실업인정 차수 of the claim (404 otherwise). */
    async recognitionOf(claim: Claim, rawSeq: string): Promise<Recognition> {
      const recognition = (await benefits.recognitions(claim.id)).find((r) => String(r.seq) === rawSeq);
      if (!recognition) throw new UserError(404, 'NOT_FOUND', '해당 차수의 실업인정이 없습니다.');
      return recognition;
    },

    /** Days a confirmation of this filed 실업인정 would pay: what a 불인정 withholds (the confirmation page). */
    payableIfConfirmed: (claim: Claim, r: Recognition) => benefits.payableIfConfirmed(claim, r),

    /** What a 실업인정일 change would do, without writing; throws what the change would. */
    previewMove: (staff: Staff, claim: Claim, seq: number, change: MoveChange) =>
      benefits.previewMove(staff.account, claim.id, seq, change),
  };
}

export interface MoveChange {
  newDate: string;
  kind: ChangeKind;
  evidence: string;
}

/** The decisions, each with the audit row of the (allowed) look at the claim, audited first. */
function claimWrites(deps: ClaimDeskDeps) {
  const { database, benefits } = deps;
  const looked = (d: Decision, action: string) => auditLook(database, d.staff, d.rawId, action, true);
  return {
    async approve(d: Decision, input: { firstDate: string; cycleDays: number; note: string; repeatClaimant: boolean }) {
      await looked(d, 'claim.approve');
      await benefits.approve(d.staff.account, d.claim.id, input);
    },

    async reject(d: Decision, input: { code: keyof typeof REJECTION_CODES; note: string }) {
      await looked(d, 'claim.reject');
      await benefits.reject(d.staff.account, d.claim.id, input);
    },

    async saveNote(d: Decision, note: string) {
      await looked(d, 'claim.note');
      await benefits.addNote(d.staff.account, d.claim.id, note);
    },

    /** 인정·지급: the payment line (payable days less the days worked × 구직급여일액). */
    async confirmRecognition(d: Decision, seq: number, workedDays: number): Promise<{ days: number; amount: number }> {
      await looked(d, 'recognition.confirm');
      const paid = await benefits.decideRecognition(d.staff.account, d.claim.id, seq, {
        confirm: true,
        note: '',
        workedDays,
      });
      if (!paid) throw new Error('a confirmation without a payment line');
      return paid;
    },

    async rejectRecognition(
      d: Decision,
      seq: number,
      input: { code: keyof typeof RECOGNITION_REJECTIONS; note: string },
    ) {
      await looked(d, 'recognition.reject');
      await benefits.decideRecognition(d.staff.account, d.claim.id, seq, { confirm: false, ...input });
    },

    async moveRecognition(d: Decision, seq: number, change: MoveChange) {
      await looked(d, 'recognition.move');
      await benefits.moveRecognition(d.staff.account, d.claim.id, seq, { ...change, reason: '' });
    },
  };
}

export function createClaimDeskService(deps: ClaimDeskDeps) {
  const reads = claimReads(deps);
  const reviews = reviewReads(deps);
  return {
    ...reads,
    ...reviews,
    ...claimWrites(deps),

    /**
     * The review page's claim and what it shows, or 404; one audit row of the look either way, naming
     * the claimant's 고용보험 records it showed (recordsAuditDetails).
     */
    async viewClaim(staff: Staff, rawId: string) {
      const claim = await reads.claimFor(staff, rawId);
      if (!claim) {
        await auditLook(deps.database, staff, rawId, 'claim.view', false);
        throw claimNotFound();
      }
      const review = await reviews.review(claim);
      await auditLook(deps.database, staff, rawId, 'claim.view', true, recordsAuditDetails(review.records));
      return { claim, review };
    },
  };
}

export type ClaimDeskService = ReturnType<typeof createClaimDeskService>;
export type ClaimReview = Awaited<ReturnType<ClaimDeskService['review']>>;
export type MovePreview = Awaited<ReturnType<ClaimDeskService['previewMove']>>;
