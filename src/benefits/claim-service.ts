/**
 * 수급자격 신청 and its decision: filing (exactly once per idempotency key), 인정 with the 실업인정
 * schedule, 불인정, the counsellor's planning note, and reading claims and their ledger. Every change is
 * written with its ledger row in one transaction (inside a command, the command's).
 */
import type { Database } from '../db/index.ts';
import { type Account, type JobCentre, listCentres } from '../identity/accounts.ts';
import { addDays } from '../shared/dates.ts';
import { UserError } from '../web/errors.ts';
import { createApplyService } from './apply-service.ts';
import {
  benefitDays,
  benefitPeriodEnd,
  type ClaimFacts,
  dailyAmount,
  eligibility,
  waitingPeriod,
} from './calculate.ts';
import { type LedgerEvent, replay } from './ledger.ts';
import { type Claim, REJECTION_CODES } from './model.ts';
import { amountRulesFor } from './rules.ts';
import { type Calendar, payableDays, recognitionSchedule } from './schedule.ts';
import * as store from './store.ts';

/** What every part of the benefits service is built on. */
export interface BenefitsDeps {
  database: Database;
  calendar: Calendar;
  now: () => Date;
}

type Staff = Pick<Account, 'id' | 'kind'>;

export interface FileClaimInput {
  claimant: Pick<Account, 'id' | 'kind'>;
  centreCode: string;
  idempotencyKey: string;
  facts: ClaimFacts;
  companyName: string;
  /** 실업신고일; the Seoul date of filing unless a counter took it earlier on paper. */
  reportDate: string;
  /** 'records' when the facts came from the 고용보험 records (with what the claimant said of each). */
  factsSource?: 'records' | 'typed';
  recordFacts?: unknown;
}

/** Files a 수급자격 신청 once per idempotency key; a repeat returns the claim filed the first time. */
export async function fileClaim(
  deps: BenefitsDeps,
  input: FileClaimInput,
): Promise<{ claim: Claim; created: boolean }> {
  const { database, now } = deps;
  const check = eligibility(input.facts);
  const daily = dailyAmount(input.facts);
  const days = benefitDays(input.facts);
  const rules = amountRulesFor(input.facts.separationDate);
  const end = benefitPeriodEnd(input.facts.separationDate);
  if (input.reportDate > end)
    throw new UserError(422, 'PERIOD_OVER', `수급기간(${end}까지)이 지나 신청할 수 없습니다.`, {
      separationDate: `이직일 ${input.facts.separationDate}의 수급기간은 ${end}에 끝났습니다.`,
    });
  const id = await database.transaction(async (tx) => {
    const inserted = await store.insertClaim(tx, {
      idempotencyKey: input.idempotencyKey,
      claimantId: input.claimant.id,
      centreCode: input.centreCode,
      reportDate: input.reportDate,
      companyName: input.companyName,
      facts: input.facts,
      ruleVersion: rules.id,
      dailyAmount: daily.value.amount,
      benefitDays: days.value,
      benefitPeriodEnd: end,
      factsSource: input.factsSource ?? 'typed',
      recordFacts: input.recordFacts,
    });
    if (inserted === undefined) {
      const existing = await store.claimByKey(tx, input.idempotencyKey);
      if (!existing || existing.claimantId !== input.claimant.id)
        throw new UserError(409, 'KEY_REUSED', '이미 다른 신청에 쓰인 요청입니다. 새로 고친 뒤 다시 신청해 주세요.');
      return -existing.id;
    }
    await store.insertLedger(tx, now(), inserted, input.claimant, 'claim.filed', {
      dailyAmount: daily.value.amount,
      benefitDays: days.value,
      ruleVersion: rules.id,
      reportDate: input.reportDate,
      benefitPeriodEnd: end,
      eligibleOnFacts: check.eligible,
      problems: check.problems,
      factsSource: input.factsSource ?? 'typed',
    });
    return inserted;
  });
  const claim = await store.findClaim(database, Math.abs(id));
  if (!claim) throw new Error('claim vanished after filing');
  return { claim, created: id > 0 };
}

type ScheduleRow = { seq: number; nominal: string; date: string; moved: string | null; start: string; end: string };

/**
 * The 실업인정 차수 from the 1차 every `cycleDays`, up to the day the 소정급여일수 would run out or the
 * 수급기간 ends, whichever comes first; each covers the days since the one before (the first: since the
 * 실업신고일).
 */
export function approvalSchedule(
  claim: { reportDate: string; benefitPeriodEnd: string; benefitDays: number },
  input: { firstDate: string; cycleDays: number },
  calendar: Calendar,
): ScheduleRow[] {
  const schedule = recognitionSchedule({
    firstDate: input.firstDate,
    cycleDays: input.cycleDays,
    until: claim.benefitPeriodEnd,
    calendar,
  });
  const waiting = waitingPeriod(claim.reportDate);
  let remaining = claim.benefitDays;
  let previous = addDays(claim.reportDate, -1);
  const rows: ScheduleRow[] = [];
  for (const s of schedule) {
    const start = addDays(previous, 1);
    rows.push({ seq: s.seq, nominal: s.nominal, date: s.date, moved: s.movedBecause, start, end: s.date });
    remaining -= payableDays({
      periodStart: start,
      periodEnd: s.date,
      firstPayableDay: waiting.firstPayableDay,
      benefitPeriodEnd: claim.benefitPeriodEnd,
      remainingDays: remaining,
    });
    previous = s.date;
    if (remaining <= 0) break;
  }
  return rows;
}

/**
 * 수급자격 인정: sets the 1차 실업인정일 and the cycle and generates the schedule up to the day the
 * 소정급여일수 would run out or the 수급기간 ends, whichever comes first.
 */
export async function approve(
  deps: BenefitsDeps,
  staff: Staff,
  claimId: number,
  input: { firstDate: string; cycleDays: number; note: string; repeatClaimant: boolean },
): Promise<void> {
  const { now } = deps;
  await deps.database.transaction(async (tx) => {
    const claim = await store.lockClaim(tx, claimId);
    if (!claim) throw new UserError(404, 'NOT_FOUND', '신청을 찾을 수 없습니다.');
    if (claim.status !== 'submitted') throw new UserError(409, 'DECIDED', '이미 결정한 신청입니다.');
    if (input.firstDate <= claim.reportDate || input.firstDate > claim.benefitPeriodEnd) {
      const message = `1차 실업인정일은 실업신고일(${claim.reportDate}) 다음 날부터 수급기간 끝(${claim.benefitPeriodEnd}) 사이여야 합니다.`;
      throw new UserError(422, 'BAD_FIRST_DATE', message, { firstDate: message });
    }
    const rows = approvalSchedule(claim, input, deps.calendar);
    await store.insertRecognitions(tx, claimId, rows);
    await store.markApproved(tx, claimId, staff.id, input);
    await store.insertLedger(tx, now(), claimId, staff, 'claim.approved', {
      firstRecognitionDate: input.firstDate,
      cycleDays: input.cycleDays,
      note: input.note,
      repeatClaimant: input.repeatClaimant,
    });
    await store.insertLedger(tx, now(), claimId, staff, 'schedule.set', {
      dates: rows.map((r) => ({ seq: r.seq, date: r.date, ...(r.moved ? { movedBecause: r.moved } : {}) })),
    });
  });
}

export async function reject(
  deps: BenefitsDeps,
  staff: Staff,
  claimId: number,
  input: { code: keyof typeof REJECTION_CODES; note: string },
): Promise<void> {
  await deps.database.transaction(async (tx) => {
    const claim = await store.lockClaim(tx, claimId);
    if (!claim) throw new UserError(404, 'NOT_FOUND', '신청을 찾을 수 없습니다.');
    if (claim.status !== 'submitted') throw new UserError(409, 'DECIDED', '이미 결정한 신청입니다.');
    await store.markRejected(tx, claimId, staff.id, input);
    await store.insertLedger(tx, deps.now(), claimId, staff, 'claim.rejected', {
      code: input.code,
      reason: REJECTION_CODES[input.code],
      note: input.note,
    });
  });
}

export function createClaimService(deps: BenefitsDeps) {
  const { database } = deps;
  const ledger = (claimId: number) => store.ledgerOf(database, claimId);
  return {
    fileClaim: (input: FileClaimInput) => fileClaim(deps, input),
    ...createApplyService(deps, (input: FileClaimInput) => fileClaim(deps, input)),
    claimById: (id: number): Promise<Claim | undefined> => store.findClaim(database, id),
    claimsOf: (claimantId: number): Promise<Claim[]> => store.claimsOf(database, claimantId),
    /** Claims a staff member may see: a counsellor's own centre; an operator's (null) all. */
    queue: (centreCode: string | null, status: 'submitted' | 'approved' | 'rejected' | 'all' = 'all') =>
      store.claimQueue(database, centreCode, status),
    ledger,
    /** The claim's state replayed from its ledger (for checks and audits). */
    async replayed(claimId: number) {
      const rows = await ledger(claimId);
      return replay(
        rows.map(
          (r) => ({ event: r.event, details: r.details, days: r.days ?? 0, amount: r.amount ?? 0 }) as LedgerEvent,
        ),
      );
    },
    approve: (staff: Staff, claimId: number, input: Parameters<typeof approve>[3]) =>
      approve(deps, staff, claimId, input),
    reject: (staff: Staff, claimId: number, input: Parameters<typeof reject>[3]) => reject(deps, staff, claimId, input),
    async addNote(staff: Staff, claimId: number, note: string): Promise<void> {
      await database.transaction(async (tx) => {
        await store.setPlanningNote(tx, claimId, note);
        await store.insertLedger(tx, deps.now(), claimId, staff, 'note', { planningNote: note });
      });
    },
    /** The job centres a claim may be filed at (the 수급자격 신청 form's choice). */
    centres: (): Promise<JobCentre[]> => listCentres(database),
  };
}
