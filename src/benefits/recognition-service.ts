/**
 * 실업인정 신청 with 재취업활동: the claimant's 차수 and activities, the check of a period's activities
 * (before sending, and again on filing), and the filing itself — once per idempotency key, only in the
 * week up to the 실업인정일, with its ledger row in one transaction.
 */
import type { Account } from '../identity/accounts.ts';
import { createMarketStore } from '../market/store.ts';
import { addDays, seoulToday } from '../shared/dates.ts';
import { UserError } from '../web/errors.ts';
import { type ActivityCheck, activityDateError, checkActivities, type ReportedActivity } from './activities.ts';
import type { BenefitsDeps } from './claim-service.ts';
import { type Claim, profileOf, type Recognition } from './model.ts';
import type { ActivityKind } from './rules.ts';
import * as store from './store.ts';

/** Checks a period's activities without filing (what the claimant sees before sending). */
export function checkPeriod<A extends ReportedActivity>(
  claim: Claim,
  recognition: Recognition,
  activities: readonly A[],
  usedBefore: Partial<Record<ActivityKind, number>>,
): ActivityCheck<A> {
  return checkActivities({
    seq: recognition.seq,
    profile: profileOf(claim),
    cycleDays: claim.cycleDays ?? 28,
    periodStart: recognition.periodStart,
    periodEnd: recognition.periodEnd,
    activities,
    usedBefore,
  });
}

export interface RecognitionFiling {
  idempotencyKey: string;
  workedOrEarned: boolean;
  activities: (ReportedActivity & { organisation: string; description: string })[];
  /** When it was filed, if earlier than now (a journaled submission applied after an outage). */
  filedAt?: Date;
}

/** Refuses a filing outside the 차수's week, with an activity outside its period, or short of the requirement. */
async function checkFiling(
  deps: BenefitsDeps,
  claim: Claim,
  recognition: Recognition,
  input: RecognitionFiling,
  filedAt: Date,
): Promise<void> {
  const { seq } = recognition;
  const day = seoulToday(filedAt);
  const opens = addDays(recognition.scheduledDate, -6);
  if (day < opens || day > recognition.scheduledDate)
    throw new UserError(
      422,
      'WINDOW_CLOSED',
      day < opens
        ? `${seq}차 실업인정 신청은 ${opens}부터 ${recognition.scheduledDate}까지 할 수 있습니다.`
        : `${seq}차 실업인정일(${recognition.scheduledDate})이 지났습니다. 고용센터에 문의해 주세요.`,
    );
  const outside = input.activities.map((a) => activityDateError(a.date, recognition)).find((e) => e !== null);
  if (outside) throw new UserError(422, 'ACTIVITY_OUTSIDE_PERIOD', outside, { activities: outside });
  const used = await store.usedKinds(deps.database, claim.id, seq);
  const check = checkPeriod(claim, recognition, input.activities, used);
  if (!check.met)
    throw new UserError(422, 'ACTIVITIES_MISSING', check.missing.join(' '), {
      activities: check.missing.join(' '),
    });
}

/**
 * 실업인정 신청: once per idempotency key; only in the week up to the 실업인정일; only when the
 * period's 재취업활동 meet the requirement (the check says what is missing).
 */
export async function fileRecognition(
  deps: BenefitsDeps,
  claimant: Pick<Account, 'id' | 'kind'>,
  claimId: number,
  seq: number,
  input: RecognitionFiling,
): Promise<{ created: boolean }> {
  const { database, now } = deps;
  const claim = await store.findClaim(database, claimId);
  if (!claim || claim.claimantId !== claimant.id) throw new UserError(404, 'NOT_FOUND', '신청을 찾을 수 없습니다.');
  const recognition = (await store.recognitionsOf(database, claimId)).find((r) => r.seq === seq);
  if (!recognition) throw new UserError(404, 'NOT_FOUND', '해당 차수의 실업인정이 없습니다.');
  const same = await store.recognitionIdByKey(database, input.idempotencyKey);
  if (same !== undefined) {
    if (same !== recognition.id) throw new UserError(409, 'KEY_REUSED', '이미 다른 신청에 쓰인 요청입니다.');
    return { created: false };
  }
  if (recognition.status !== 'scheduled')
    throw new UserError(409, 'ALREADY_FILED', '이 차수의 실업인정은 이미 신청했습니다.');
  const filedAt = input.filedAt ?? now();
  await checkFiling(deps, claim, recognition, input, filedAt);
  const created = await database.transaction(async (tx) => {
    const filed = await store.markFiled(tx, recognition.id, { ...input, filedAt });
    if (!filed) {
      // Filed meanwhile by the same request sent twice at once (two tabs, a counter's double send):
      // not a conflict, it is filed once.
      if (await store.filedWithKey(tx, recognition.id, input.idempotencyKey)) return false;
      throw new UserError(409, 'ALREADY_FILED', '이 차수의 실업인정은 이미 신청했습니다.');
    }
    await store.insertActivities(tx, recognition.id, input.activities);
    await store.bumpVersion(tx, claimId);
    await store.insertLedger(tx, now(), claimId, claimant, 'recognition.filed', {
      seq,
      activities: input.activities.length,
      workedOrEarned: input.workedOrEarned,
    });
    return true;
  });
  return { created };
}

export function createRecognitionService(deps: BenefitsDeps) {
  const { database } = deps;
  const market = createMarketStore(database);
  return {
    recognitions: (claimId: number): Promise<Recognition[]> => store.recognitionsOf(database, claimId),
    activities: (claimId: number) => store.activitiesOf(database, claimId),
    checkPeriod,
    /** Capped activity kinds already counted in the claim's earlier, confirmed periods. */
    usedBefore: (claimId: number, seq: number): Promise<Partial<Record<ActivityKind, number>>> =>
      store.usedKinds(database, claimId, seq),
    fileRecognition: (claimant: Pick<Account, 'id' | 'kind'>, claimId: number, seq: number, input: RecognitionFiling) =>
      fileRecognition(deps, claimant, claimId, seq, input),
    /** The claimant's 입사 지원 in Ilteo between two dates (Seoul), offered as the period's activities. */
    applicationsBetween: (claimantId: number, from: string, to: string) =>
      market.applicationsBetween(claimantId, from, to),
  };
}
