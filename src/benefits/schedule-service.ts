/**
 * Moving 실업인정일: the claimant's change requested in advance or a counsellor's (previewed for
 * confirmation, then made), and the reschedule after an outage. Every move is written with its ledger
 * row in one transaction, with why it moved.
 */
import type { Account } from '../identity/accounts.ts';
import { formatKoreanDate, seoulToday } from '../shared/dates.ts';
import { josa } from '../shared/korean.ts';
import { UserError } from '../web/errors.ts';
import type { BenefitsDeps } from './claim-service.ts';
import { CHANGE_KINDS, type ChangeKind, type Recognition } from './model.ts';
import { type MovePlan, planMove } from './move.ts';
import { type Outage, outageReason, type RescheduleDecision, rescheduleAfterOutage } from './outage.ts';
import type { SchedulePeriod } from './schedule.ts';
import * as store from './store.ts';

type Db = Parameters<typeof store.updatePeriod>[0];
type Actor = Pick<Account, 'id' | 'kind'>;

/** Writes the periods that changed after a move; the moved 차수 records why. */
async function applyPeriods(
  tx: Db,
  claimId: number,
  rows: readonly Recognition[],
  periods: readonly SchedulePeriod[],
  seq: number,
  because: string,
): Promise<void> {
  for (const p of periods) {
    const before = rows.find((r) => r.seq === p.seq);
    if (
      !before ||
      (before.scheduledDate === p.date && before.periodStart === p.periodStart && before.periodEnd === p.periodEnd)
    )
      continue;
    await store.updatePeriod(tx, claimId, p, p.seq === seq ? because : before.movedBecause);
  }
}

/**
 * What a 실업인정일 change would do, checked as the change itself checks it, without writing (the
 * confirmation page). Throws the same UserError the change would.
 */
export async function previewMove(
  deps: BenefitsDeps,
  actor: Actor,
  claimId: number,
  seq: number,
  input: { newDate: string; kind: ChangeKind; evidence: string },
): Promise<MovePlan & { next: SchedulePeriod | undefined; moved: SchedulePeriod }> {
  const claim = await store.findClaim(deps.database, claimId);
  if (!claim || (actor.kind === 'seeker' && claim.claimantId !== actor.id))
    throw new UserError(404, 'NOT_FOUND', '신청을 찾을 수 없습니다.');
  const rows = await store.recognitionsOf(deps.database, claimId);
  const today = seoulToday(deps.now());
  const plan = planMove({ actor, today, claim, rows, seq, input, calendar: deps.calendar });
  const moved = plan.periods.find((p) => p.seq === seq);
  if (!moved) throw new Error('the moved 차수 vanished from its plan');
  return { ...plan, moved, next: plan.periods.find((p) => p.seq === seq + 1) };
}

/**
 * Moves a 실업인정일: the claimant's change requested in advance (개인 사정: once per claim; excused
 * reasons with evidence), or a reschedule (outage, declared by staff). Recorded in the ledger with why.
 */
export async function moveRecognition(
  deps: BenefitsDeps,
  actor: Actor,
  claimId: number,
  seq: number,
  input: { newDate: string; kind: ChangeKind; evidence: string; reason: string },
): Promise<void> {
  const { now, calendar } = deps;
  await deps.database.transaction(async (tx) => {
    const claim = await store.lockClaim(tx, claimId);
    if (!claim || (actor.kind === 'seeker' && claim.claimantId !== actor.id))
      throw new UserError(404, 'NOT_FOUND', '신청을 찾을 수 없습니다.');
    const rows = await store.recognitionsOf(tx, claimId);
    const { target, periods } = planMove({ actor, today: seoulToday(now()), claim, rows, seq, input, calendar });
    await applyPeriods(tx, claimId, rows, periods, seq, CHANGE_KINDS[input.kind]);
    await store.markMoved(tx, claimId, input.kind === 'personal');
    await store.insertLedger(tx, now(), claimId, actor, 'schedule.moved', {
      seq,
      from: target.scheduledDate,
      to: input.newDate,
      kind: input.kind,
      reason: input.reason || CHANGE_KINDS[input.kind],
      evidence: input.evidence,
    });
  });
}

/** One outage's decisions for one claim, in its own transaction: what moved and what is left for review. */
async function rescheduleClaim(
  deps: BenefitsDeps,
  outage: Outage,
  claimId: number,
): Promise<{ moved: number; review: number }> {
  const { now, calendar } = deps;
  const { source } = outage;
  const incidentId = source.kind === 'incident' ? source.id : null;
  const counterOutageId = source.kind === 'counter' ? source.id : null;
  const reason = outageReason(outage);
  return deps.database.transaction(async (tx) => {
    const claim = await store.lockClaim(tx, claimId);
    if (!claim) return { moved: 0, review: 0 };
    const rows = await store.recognitionsOf(tx, claimId);
    const decisions = rescheduleAfterOutage(
      rows.map((r) => ({
        seq: r.seq,
        date: r.scheduledDate,
        periodStart: r.periodStart,
        periodEnd: r.periodEnd,
        status: r.status,
      })),
      outage,
      { calendar, benefitPeriodEnd: claim.benefitPeriodEnd },
    );
    const counts = { moved: 0, review: 0 };
    for (const d of decisions) {
      const fresh = await store.insertOutageReschedule(tx, {
        incidentId,
        counterOutageId,
        claimId,
        seq: d.seq,
        from: d.from,
        to: d.ok ? d.to : null,
        result: d.ok ? 'moved' : 'review',
        reason: d.ok ? '' : d.reason,
        at: now(),
      });
      if (!fresh) continue;
      if (!d.ok) {
        counts.review++;
        continue;
      }
      await applyMovedByOutage(deps, tx, { outage, claimId, claimantId: claim.claimantId, rows, decision: d, reason });
      counts.moved++;
    }
    return counts;
  });
}

/** A 실업인정일 an outage moved: the new periods, the ledger saying why, and the claimant told (once). */
async function applyMovedByOutage(
  deps: BenefitsDeps,
  tx: Db,
  opts: {
    outage: Outage;
    claimId: number;
    claimantId: number;
    rows: readonly Recognition[];
    decision: Extract<RescheduleDecision, { ok: true }>;
    reason: string;
  },
): Promise<void> {
  const { source } = opts.outage;
  const { claimId, decision: d, reason } = opts;
  const incidentId = source.kind === 'incident' ? source.id : null;
  const counterOutageId = source.kind === 'counter' ? source.id : null;
  await applyPeriods(tx, claimId, opts.rows, d.periods, d.seq, CHANGE_KINDS.outage);
  await store.bumpVersion(tx, claimId);
  await store.insertLedger(tx, deps.now(), claimId, null, 'schedule.moved', {
    seq: d.seq,
    from: d.from,
    to: d.to,
    kind: 'outage',
    reason,
    ...(incidentId === null ? { counterOutageId } : { incidentId }),
  });
  await store.insertNotification(tx, {
    accountId: opts.claimantId,
    kind: 'benefits.rescheduled',
    title: `${d.seq}차 실업인정일이 ${josa(formatKoreanDate(d.to), '으로/로')} 바뀌었습니다`,
    body: reason,
    link: `/benefits/claims/${claimId}`,
    dedupeKey: `${source.kind === 'incident' ? 'outage' : 'counter-outage'}:${source.id}:${claimId}:${d.seq}`,
  });
}

/**
 * Reschedules, after one outage — of the 실업급여 service, or a counter's offline window (then only
 * claims of that centre) — every 실업인정일 that fell in it and was not filed yet (outage.ts has the
 * rule): without penalty, without the personal change, once per outage, claim and 차수
 * (outage_reschedules), with the ledger saying why and the claimant told. What the rules cannot
 * move is kept for a counsellor (`review`).
 */
export async function rescheduleForOutage(
  deps: BenefitsDeps,
  outage: Outage,
): Promise<{ moved: number; review: number }> {
  const { source } = outage;
  const claims = await store.claimsDueBetween(deps.database, {
    firstDay: seoulToday(new Date(outage.from)),
    lastDay: seoulToday(new Date(outage.to)),
    centreCode: source.kind === 'counter' ? source.centreCode : null,
  });
  let moved = 0;
  let review = 0;
  for (const claimId of claims) {
    const result = await rescheduleClaim(deps, outage, claimId);
    moved += result.moved;
    review += result.review;
  }
  return { moved, review };
}

export function createScheduleService(deps: BenefitsDeps) {
  type Change = { newDate: string; kind: ChangeKind; evidence: string };
  return {
    previewMove: (actor: Actor, claimId: number, seq: number, input: Change) =>
      previewMove(deps, actor, claimId, seq, input),
    moveRecognition: (actor: Actor, claimId: number, seq: number, input: Parameters<typeof moveRecognition>[4]) =>
      moveRecognition(deps, actor, claimId, seq, input),
    rescheduleForOutage: (outage: Outage) => rescheduleForOutage(deps, outage),
  };
}
