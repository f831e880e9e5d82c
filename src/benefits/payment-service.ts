/**
 * The counsellor's decision on a filed 실업인정: confirmed into a payment line (payable days × 구직급여일액,
 * less the days worked) or rejected with its reason, each with its ledger row in one transaction.
 */
import type { Account } from '../identity/accounts.ts';
import { UserError } from '../web/errors.ts';
import { waitingPeriod } from './calculate.ts';
import type { BenefitsDeps } from './claim-service.ts';
import { type Claim, RECOGNITION_REJECTIONS, type Recognition } from './model.ts';
import { payableDays } from './schedule.ts';
import * as store from './store.ts';

/** Days a confirmation of this filed 실업인정 would pay (before days worked): what a 불인정 withholds. */
export function payableIfConfirmed(claim: Claim, r: Recognition): number {
  return payableDays({
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    firstPayableDay: waitingPeriod(claim.reportDate).firstPayableDay,
    benefitPeriodEnd: claim.benefitPeriodEnd,
    remainingDays: claim.benefitDays - claim.paidDays,
  });
}

export type RecognitionDecision =
  | {
      confirm: true;
      note: string /** Days the claimant worked in the period (not paid, 제47조). */;
      workedDays?: number;
    }
  | { confirm: false; code: keyof typeof RECOGNITION_REJECTIONS; note: string };

/** The counsellor confirms (a payment line: payable days × 구직급여일액) or rejects a filed 실업인정. */
export async function decideRecognition(
  deps: BenefitsDeps,
  staff: Pick<Account, 'id' | 'kind'>,
  claimId: number,
  seq: number,
  input: RecognitionDecision,
): Promise<{ days: number; amount: number } | null> {
  const { now } = deps;
  return deps.database.transaction(async (tx) => {
    const claim = await store.lockClaim(tx, claimId);
    const r = await store.recognitionBySeq(tx, claimId, seq);
    if (!claim || !r) throw new UserError(404, 'NOT_FOUND', '실업인정을 찾을 수 없습니다.');
    if (r.status !== 'filed') throw new UserError(409, 'NOT_FILED', '신청된 실업인정만 결정할 수 있습니다.');
    if (!input.confirm) {
      const note = `${RECOGNITION_REJECTIONS[input.code]}${input.note ? ` — ${input.note}` : ''}`;
      await store.markRecognitionRejected(tx, r.id, staff.id, note);
      await store.insertLedger(tx, now(), claimId, staff, 'recognition.rejected', {
        seq,
        code: input.code,
        note: input.note,
      });
      return null;
    }
    const paid = await store.confirmedDays(tx, claimId);
    const workedDays = Math.max(0, Math.floor(input.workedDays ?? 0));
    const days = Math.max(
      0,
      payableDays({
        periodStart: r.periodStart,
        periodEnd: r.periodEnd,
        firstPayableDay: waitingPeriod(claim.reportDate).firstPayableDay,
        benefitPeriodEnd: claim.benefitPeriodEnd,
        remainingDays: claim.benefitDays - (paid ?? 0),
      }) - workedDays,
    );
    const amount = days * claim.dailyAmount;
    await store.markConfirmed(tx, r.id, staff.id, { note: input.note, days, amount });
    await store.bumpVersion(tx, claimId);
    const details = {
      seq,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      dailyAmount: claim.dailyAmount,
      workedDays,
      note: input.note,
    };
    await store.insertLedger(tx, now(), claimId, staff, 'payment', details, { days, amount });
    return { days, amount };
  });
}

export function createPaymentService(deps: BenefitsDeps) {
  return {
    payableIfConfirmed,
    decideRecognition: (
      staff: Pick<Account, 'id' | 'kind'>,
      claimId: number,
      seq: number,
      input: RecognitionDecision,
    ): Promise<{ days: number; amount: number } | null> => decideRecognition(deps, staff, claimId, seq, input),
  };
}
