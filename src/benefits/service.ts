/**
 * 구직급여 claims in the database: filing (exactly once per idempotency key), the counsellor's
 * decision and schedule, 실업인정 filing with 재취업활동, confirmation into payment lines, and the
 * ledger every step writes to. Figures come from the pure calculators; this module only stores and
 * sequences them.
 */
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/index.ts';
import type { Account } from '../identity/accounts.ts';
import { addDays, ageOn, formatKoreanDate, seoulToday } from '../shared/dates.ts';
import { josa } from '../shared/korean.ts';
import { UserError } from '../web/errors.ts';
import {
  type ActivityCheck,
  activityDateError,
  type ClaimantProfile,
  checkActivities,
  type ReportedActivity,
} from './activities.ts';
import {
  benefitDays,
  benefitPeriodEnd,
  type ClaimFacts,
  dailyAmount,
  eligibility,
  waitingPeriod,
} from './calculate.ts';
import { type LedgerEvent, replay } from './ledger.ts';
import { type Outage, outageReason, rescheduleAfterOutage } from './outage.ts';
import { type ActivityKind, amountRulesFor } from './rules.ts';
import {
  type Calendar,
  moveRecognitionDate,
  payableDays,
  recognitionSchedule,
  type SchedulePeriod,
} from './schedule.ts';

export interface Claim extends Record<string, unknown> {
  id: number;
  claimantId: number;
  claimantName: string;
  centreCode: string;
  centreName: string;
  status: 'submitted' | 'approved' | 'rejected';
  filedAt: string;
  reportDate: string;
  companyName: string;
  separationDate: string;
  separationReason: string;
  justifiedReason: string | null;
  insuredMonths: number;
  insuredUnitDays: number;
  averageDailyWage: number;
  ordinaryDailyWage: number | null;
  dailyHours: number;
  disabled: boolean;
  birthDate: string;
  repeatClaimant: boolean;
  ruleVersion: string;
  dailyAmount: number;
  benefitDays: number;
  benefitPeriodEnd: string;
  decidedAt: string | null;
  decisionCode: string | null;
  decisionNote: string | null;
  firstRecognitionDate: string | null;
  cycleDays: number | null;
  planningNote: string;
  personalChangeUsed: boolean;
  version: number;
  paidDays: number;
  totalPaid: number;
}

export interface Recognition extends Record<string, unknown> {
  id: number;
  seq: number;
  nominalDate: string;
  scheduledDate: string;
  movedBecause: string | null;
  periodStart: string;
  periodEnd: string;
  status: 'scheduled' | 'filed' | 'confirmed' | 'rejected';
  filedAt: string | null;
  workedOrEarned: boolean | null;
  decisionNote: string | null;
  paidDays: number | null;
  amount: number | null;
}

export interface Activity extends Record<string, unknown> {
  recognitionId: number;
  kind: ActivityKind;
  date: string;
  organisation: string;
  description: string;
}

export interface LedgerRow extends Record<string, unknown> {
  id: number;
  at: string;
  actorName: string | null;
  actorKind: string | null;
  event: LedgerEvent['event'];
  details: Record<string, unknown>;
  days: number | null;
  amount: number | null;
}

const CLAIM_COLUMNS = sql`c.id::int AS id, c.claimant_id::int AS "claimantId", a.name AS "claimantName",
  c.centre_code AS "centreCode", jc.name AS "centreName", c.status, c.filed_at::text AS "filedAt",
  c.report_date::text AS "reportDate", c.company_name AS "companyName", c.separation_date::text AS "separationDate",
  c.separation_reason AS "separationReason", c.justified_reason AS "justifiedReason", c.insured_months AS "insuredMonths",
  c.insured_unit_days AS "insuredUnitDays", c.average_daily_wage AS "averageDailyWage",
  c.ordinary_daily_wage AS "ordinaryDailyWage", c.daily_hours::float8 AS "dailyHours", c.disabled,
  c.birth_date::text AS "birthDate", c.repeat_claimant AS "repeatClaimant", c.rule_version AS "ruleVersion",
  c.daily_amount AS "dailyAmount", c.benefit_days AS "benefitDays", c.benefit_period_end::text AS "benefitPeriodEnd",
  c.decided_at::text AS "decidedAt", c.decision_code AS "decisionCode", c.decision_note AS "decisionNote",
  c.first_recognition_date::text AS "firstRecognitionDate", c.cycle_days AS "cycleDays", c.planning_note AS "planningNote",
  c.personal_change_used AS "personalChangeUsed", c.version,
  COALESCE((SELECT sum(paid_days) FROM claim_recognitions r WHERE r.claim_id = c.id AND r.status = 'confirmed'), 0)::int AS "paidDays",
  COALESCE((SELECT sum(amount) FROM claim_recognitions r WHERE r.claim_id = c.id AND r.status = 'confirmed'), 0)::int AS "totalPaid"`;
const CLAIM_FROM = sql`benefit_claims c JOIN accounts a ON a.id = c.claimant_id JOIN job_centres jc ON jc.code = c.centre_code`;

const RECOGNITION_COLUMNS = sql`id::int AS id, seq, nominal_date::text AS "nominalDate", scheduled_date::text AS "scheduledDate",
  moved_because AS "movedBecause", period_start::text AS "periodStart", period_end::text AS "periodEnd", status,
  filed_at::text AS "filedAt", worked_or_earned AS "workedOrEarned", decision_note AS "decisionNote",
  paid_days AS "paidDays", amount`;

export const REJECTION_CODES = {
  R01: '피보험단위기간 부족 (이직 전 18개월 180일 미만)',
  R02: '수급자격 제한 사유 (자발적 이직·중대한 귀책 사유)',
  R03: '근로 의사 또는 능력이 없음',
  R04: '신고 내용이 사실과 다름',
  R05: '수급기간 경과',
} as const;

/** Why a 실업인정일 moves. Only 'personal' uses the once-per-claim allowance. */
export const CHANGE_KINDS = {
  personal: '개인 사정 (수급 기간 중 1회)',
  illness: '질병·부상',
  interview: '면접 등 구직 활동',
  training: '직업훈련 수강',
  disaster: '천재지변·대규모 재난',
  family: '가족의 사망 등 불가피한 사유',
  outage: '전산 장애로 인한 일정 조정 (불이익 없음)',
} as const;
export type ChangeKind = keyof typeof CHANGE_KINDS;

export const RECOGNITION_REJECTIONS = {
  N01: '재취업활동 요건 미충족',
  N02: '취업 또는 근로 사실 확인',
  N03: '활동 증빙 확인 불가',
} as const;

function ledgerWrite(
  tx: Tx,
  at: Date,
  claimId: number,
  actor: Pick<Account, 'id' | 'kind'> | null,
  event: LedgerEvent['event'],
  details: Record<string, unknown>,
  money?: { days: number; amount: number },
) {
  return tx.query(
    sql`INSERT INTO benefit_ledger (at, claim_id, actor_id, actor_kind, event, details, days, amount)
        VALUES (${at.toISOString()}, ${claimId}, ${actor?.id ?? null}, ${actor?.kind ?? null}, ${event}, ${JSON.stringify(details)}::jsonb,
                ${money?.days ?? null}, ${money?.amount ?? null})`,
  );
}

export function profileOf(
  claim: Pick<Claim, 'birthDate' | 'separationDate' | 'disabled' | 'repeatClaimant'>,
): ClaimantProfile {
  return {
    age: ageOn(claim.birthDate, claim.separationDate),
    disabled: claim.disabled,
    repeatClaimant: claim.repeatClaimant,
  };
}

export interface FileClaimInput {
  claimant: Pick<Account, 'id' | 'kind'>;
  centreCode: string;
  idempotencyKey: string;
  facts: ClaimFacts;
  companyName: string;
  /** 실업신고일; the Seoul date of filing unless a counter took it earlier on paper. */
  reportDate: string;
}

/** Writes the periods that changed after a move; the moved 차수 records why. */
async function applyPeriods(
  tx: Tx,
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
    await tx.query(
      sql`UPDATE claim_recognitions SET scheduled_date = ${p.date}, period_start = ${p.periodStart}, period_end = ${p.periodEnd},
            moved_because = ${p.seq === seq ? because : before.movedBecause}
          WHERE claim_id = ${claimId} AND seq = ${p.seq}`,
    );
  }
}

/** What a 실업인정일 change would do: the 차수 it moves and the schedule after it. */
export interface MovePlan {
  target: Recognition;
  /** The schedule with the move applied (the moved 차수 ends on the new date, the next starts the day after). */
  periods: SchedulePeriod[];
}

/**
 * Checks a 실업인정일 change against the rules and plans it, without writing: the one place both the
 * confirmation page (previewMove) and the change itself (moveRecognition) ask. Throws a UserError with
 * the Korean reason when the change is not allowed.
 */
export function planMove(opts: {
  actor: Pick<Account, 'kind'>;
  today: string;
  claim: { personalChangeUsed: boolean; benefitPeriodEnd: string };
  rows: readonly Recognition[];
  seq: number;
  input: { newDate: string; kind: ChangeKind; evidence: string };
  calendar: Calendar;
}): MovePlan {
  const { actor, claim, input, seq } = opts;
  const target = opts.rows.find((r) => r.seq === seq);
  if (!target) throw new UserError(404, 'NOT_FOUND', '해당 차수의 실업인정이 없습니다.');
  if (target.status !== 'scheduled')
    throw new UserError(409, 'ALREADY_FILED', '이미 신청한 실업인정의 날짜는 바꿀 수 없습니다.');
  // Claimants ask in advance; staff may also move a date afterwards, on evidence (사후 인정).
  if (actor.kind === 'seeker' && opts.today >= target.scheduledDate)
    throw new UserError(
      422,
      'TOO_LATE',
      `실업인정일 변경은 실업인정일(${target.scheduledDate}) 전날까지 신청해야 합니다.`,
    );
  if (input.kind === 'personal' && claim.personalChangeUsed)
    throw new UserError(
      409,
      'PERSONAL_CHANGE_USED',
      '개인 사정으로 인한 변경은 수급 기간 중 한 번만 할 수 있습니다. 질병·면접 등 증빙이 있는 사유라면 그 사유를 골라 주세요.',
    );
  if (input.kind !== 'personal' && input.kind !== 'outage' && input.evidence.trim() === '')
    throw new UserError(
      422,
      'EVIDENCE_REQUIRED',
      '증빙 자료(진단서, 면접 확인서 등)를 적어 주세요. 상담원이 확인합니다.',
      {
        evidence: '증빙 자료를 적어 주세요.',
      },
    );
  const moved = moveRecognitionDate(
    opts.rows.map((r) => ({ seq: r.seq, date: r.scheduledDate, periodStart: r.periodStart, periodEnd: r.periodEnd })),
    seq,
    input.newDate,
    { calendar: opts.calendar, benefitPeriodEnd: claim.benefitPeriodEnd },
  );
  if (!moved.ok) throw new UserError(422, 'BAD_DATE', moved.error, { newDate: moved.error });
  return { target, periods: moved.periods };
}

export function createBenefitsService(deps: { database: Database; calendar: Calendar; now: () => Date }) {
  const { database, calendar, now } = deps;
  const today = () => seoulToday(now());

  async function claimById(id: number): Promise<Claim | undefined> {
    const [row] = await database.query<Claim>(sql`SELECT ${CLAIM_COLUMNS} FROM ${CLAIM_FROM} WHERE c.id = ${id}`);
    return row;
  }

  return {
    today,

    /** Files a 수급자격 신청 once per idempotency key; a repeat returns the claim filed the first time. */
    async fileClaim(input: FileClaimInput): Promise<{ claim: Claim; created: boolean }> {
      const check = eligibility(input.facts);
      const daily = dailyAmount(input.facts);
      const days = benefitDays(input.facts);
      const rules = amountRulesFor(input.facts.separationDate);
      const end = benefitPeriodEnd(input.facts.separationDate);
      if (input.reportDate > end)
        throw new UserError(422, 'PERIOD_OVER', `수급기간(${end}까지)이 지나 신청할 수 없습니다.`, {
          separationDate: `이직일 ${input.facts.separationDate}의 수급기간은 ${end}에 끝났습니다.`,
        });
      const f = input.facts;
      const id = await database.transaction(async (tx) => {
        const [inserted] = await tx.query<{ id: number }>(
          sql`INSERT INTO benefit_claims (idempotency_key, claimant_id, centre_code, report_date, company_name, separation_date,
                separation_reason, justified_reason, insured_months, insured_unit_days, average_daily_wage, ordinary_daily_wage,
                daily_hours, disabled, birth_date, rule_version, daily_amount, benefit_days, benefit_period_end)
              VALUES (${input.idempotencyKey}, ${input.claimant.id}, ${input.centreCode}, ${input.reportDate}, ${input.companyName},
                ${f.separationDate}, ${f.separationReason}, ${f.justifiedReason}, ${f.insuredMonths}, ${f.insuredUnitDays},
                ${f.averageDailyWage}, ${f.ordinaryDailyWage}, ${f.dailyHours}, ${f.disabled}, ${f.birthDate}, ${rules.id},
                ${daily.value.amount}, ${days.value}, ${end})
              ON CONFLICT (idempotency_key) DO NOTHING RETURNING id::int AS id`,
        );
        if (!inserted) {
          const [existing] = await tx.query<{ id: number; claimantId: number }>(
            sql`SELECT id::int AS id, claimant_id::int AS "claimantId" FROM benefit_claims WHERE idempotency_key = ${input.idempotencyKey}`,
          );
          if (!existing || existing.claimantId !== input.claimant.id)
            throw new UserError(
              409,
              'KEY_REUSED',
              '이미 다른 신청에 쓰인 요청입니다. 새로 고친 뒤 다시 신청해 주세요.',
            );
          return -existing.id;
        }
        await ledgerWrite(tx, now(), inserted.id, input.claimant, 'claim.filed', {
          dailyAmount: daily.value.amount,
          benefitDays: days.value,
          ruleVersion: rules.id,
          reportDate: input.reportDate,
          benefitPeriodEnd: end,
          eligibleOnFacts: check.eligible,
          problems: check.problems,
        });
        return inserted.id;
      });
      const claim = await claimById(Math.abs(id));
      if (!claim) throw new Error('claim vanished after filing');
      return { claim, created: id > 0 };
    },

    claimById,

    async claimsOf(claimantId: number): Promise<Claim[]> {
      return database.query<Claim>(
        sql`SELECT ${CLAIM_COLUMNS} FROM ${CLAIM_FROM} WHERE c.claimant_id = ${claimantId} ORDER BY c.id DESC`,
      );
    },

    /** Claims a staff member may see: a counsellor's own centre; an operator's (null) all. */
    async queue(
      centreCode: string | null,
      status: 'submitted' | 'approved' | 'rejected' | 'all' = 'all',
    ): Promise<(Claim & { filedRecognitions: number })[]> {
      return database.query<Claim & { filedRecognitions: number }>(
        sql`SELECT ${CLAIM_COLUMNS},
                   (SELECT count(*)::int FROM claim_recognitions r WHERE r.claim_id = c.id AND r.status = 'filed') AS "filedRecognitions"
            FROM ${CLAIM_FROM}
            WHERE ${centreCode === null ? sql`true` : sql`c.centre_code = ${centreCode}`}
              AND ${status === 'all' ? sql`true` : sql`c.status = ${status}`}
            ORDER BY (c.status = 'submitted') DESC, c.filed_at
            LIMIT 500`,
      );
    },

    async recognitions(claimId: number): Promise<Recognition[]> {
      return database.query<Recognition>(
        sql`SELECT ${RECOGNITION_COLUMNS} FROM claim_recognitions WHERE claim_id = ${claimId} ORDER BY seq`,
      );
    },

    async activities(claimId: number): Promise<Activity[]> {
      return database.query<Activity>(
        sql`SELECT ra.recognition_id::int AS "recognitionId", ra.kind, ra.activity_date::text AS date, ra.organisation, ra.description
            FROM recognition_activities ra JOIN claim_recognitions r ON r.id = ra.recognition_id
            WHERE r.claim_id = ${claimId} ORDER BY ra.activity_date, ra.id`,
      );
    },

    async ledger(claimId: number): Promise<LedgerRow[]> {
      return database.query<LedgerRow>(
        sql`SELECT l.id::int AS id, l.at::text AS at, acc.name AS "actorName", l.actor_kind AS "actorKind", l.event, l.details,
                   l.days, l.amount
            FROM benefit_ledger l LEFT JOIN accounts acc ON acc.id = l.actor_id
            WHERE l.claim_id = ${claimId} ORDER BY l.id`,
      );
    },

    /** The claim's state replayed from its ledger (for checks and audits). */
    async replayed(claimId: number) {
      const rows = await this.ledger(claimId);
      return replay(
        rows.map(
          (r) => ({ event: r.event, details: r.details, days: r.days ?? 0, amount: r.amount ?? 0 }) as LedgerEvent,
        ),
      );
    },

    /**
     * 수급자격 인정: sets the 1차 실업인정일 and the cycle and generates the schedule up to the day the
     * 소정급여일수 would run out or the 수급기간 ends, whichever comes first.
     */
    async approve(
      staff: Pick<Account, 'id' | 'kind'>,
      claimId: number,
      input: { firstDate: string; cycleDays: number; note: string; repeatClaimant: boolean },
    ): Promise<void> {
      await database.transaction(async (tx) => {
        const [claim] = await tx.query<{
          status: string;
          reportDate: string;
          benefitPeriodEnd: string;
          benefitDays: number;
          dailyAmount: number;
        }>(
          sql`SELECT status, report_date::text AS "reportDate", benefit_period_end::text AS "benefitPeriodEnd",
                     benefit_days AS "benefitDays", daily_amount AS "dailyAmount"
              FROM benefit_claims WHERE id = ${claimId} FOR UPDATE`,
        );
        if (!claim) throw new UserError(404, 'NOT_FOUND', '신청을 찾을 수 없습니다.');
        if (claim.status !== 'submitted') throw new UserError(409, 'DECIDED', '이미 결정한 신청입니다.');
        if (input.firstDate <= claim.reportDate || input.firstDate > claim.benefitPeriodEnd) {
          const message = `1차 실업인정일은 실업신고일(${claim.reportDate}) 다음 날부터 수급기간 끝(${claim.benefitPeriodEnd}) 사이여야 합니다.`;
          throw new UserError(422, 'BAD_FIRST_DATE', message, { firstDate: message });
        }
        const schedule = recognitionSchedule({
          firstDate: input.firstDate,
          cycleDays: input.cycleDays,
          until: claim.benefitPeriodEnd,
          calendar,
        });
        const waiting = waitingPeriod(claim.reportDate);
        let remaining = claim.benefitDays;
        let previous = addDays(claim.reportDate, -1);
        const rows: { seq: number; nominal: string; date: string; moved: string | null; start: string; end: string }[] =
          [];
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
        for (const r of rows)
          await tx.query(
            sql`INSERT INTO claim_recognitions (claim_id, seq, nominal_date, scheduled_date, moved_because, period_start, period_end)
                VALUES (${claimId}, ${r.seq}, ${r.nominal}, ${r.date}, ${r.moved}, ${r.start}, ${r.end})`,
          );
        await tx.query(
          sql`UPDATE benefit_claims SET status = 'approved', decided_by = ${staff.id}, decided_at = now(), decision_code = 'A01',
                decision_note = ${input.note}, first_recognition_date = ${input.firstDate}, cycle_days = ${input.cycleDays},
                repeat_claimant = ${input.repeatClaimant}, version = version + 1
              WHERE id = ${claimId}`,
        );
        await ledgerWrite(tx, now(), claimId, staff, 'claim.approved', {
          firstRecognitionDate: input.firstDate,
          cycleDays: input.cycleDays,
          note: input.note,
          repeatClaimant: input.repeatClaimant,
        });
        await ledgerWrite(tx, now(), claimId, staff, 'schedule.set', {
          dates: rows.map((r) => ({ seq: r.seq, date: r.date, ...(r.moved ? { movedBecause: r.moved } : {}) })),
        });
      });
    },

    async reject(
      staff: Pick<Account, 'id' | 'kind'>,
      claimId: number,
      input: { code: keyof typeof REJECTION_CODES; note: string },
    ) {
      await database.transaction(async (tx) => {
        const [claim] = await tx.query<{ status: string }>(
          sql`SELECT status FROM benefit_claims WHERE id = ${claimId} FOR UPDATE`,
        );
        if (!claim) throw new UserError(404, 'NOT_FOUND', '신청을 찾을 수 없습니다.');
        if (claim.status !== 'submitted') throw new UserError(409, 'DECIDED', '이미 결정한 신청입니다.');
        await tx.query(
          sql`UPDATE benefit_claims SET status = 'rejected', decided_by = ${staff.id}, decided_at = now(), decision_code = ${input.code},
                decision_note = ${input.note}, version = version + 1 WHERE id = ${claimId}`,
        );
        await ledgerWrite(tx, now(), claimId, staff, 'claim.rejected', {
          code: input.code,
          reason: REJECTION_CODES[input.code],
          note: input.note,
        });
      });
    },

    async addNote(staff: Pick<Account, 'id' | 'kind'>, claimId: number, note: string) {
      await database.transaction(async (tx) => {
        await tx.query(
          sql`UPDATE benefit_claims SET planning_note = ${note}, version = version + 1 WHERE id = ${claimId}`,
        );
        await ledgerWrite(tx, now(), claimId, staff, 'note', { planningNote: note });
      });
    },

    /** Checks a period's activities without filing (what the claimant sees before sending). */
    checkPeriod<A extends ReportedActivity>(
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
    },

    /** Capped activity kinds already counted in the claim's earlier, confirmed periods. */
    async usedBefore(claimId: number, seq: number): Promise<Partial<Record<ActivityKind, number>>> {
      const rows = await database.query<{ kind: ActivityKind; n: number }>(
        sql`SELECT ra.kind, count(*)::int AS n FROM recognition_activities ra JOIN claim_recognitions r ON r.id = ra.recognition_id
            WHERE r.claim_id = ${claimId} AND r.seq < ${seq} AND r.status = 'confirmed' GROUP BY ra.kind`,
      );
      return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
    },

    /**
     * 실업인정 신청: once per idempotency key; only in the week up to the 실업인정일; only when the
     * period's 재취업활동 meet the requirement (the check says what is missing).
     */
    async fileRecognition(
      claimant: Pick<Account, 'id' | 'kind'>,
      claimId: number,
      seq: number,
      input: {
        idempotencyKey: string;
        workedOrEarned: boolean;
        activities: (ReportedActivity & { organisation: string; description: string })[];
        /** When it was filed, if earlier than now (a journaled submission applied after an outage). */
        filedAt?: Date;
      },
    ): Promise<{ created: boolean }> {
      const claim = await claimById(claimId);
      if (!claim || claim.claimantId !== claimant.id) throw new UserError(404, 'NOT_FOUND', '신청을 찾을 수 없습니다.');
      const recognition = (await this.recognitions(claimId)).find((r) => r.seq === seq);
      if (!recognition) throw new UserError(404, 'NOT_FOUND', '해당 차수의 실업인정이 없습니다.');
      const [same] = await database.query<{ id: number }>(
        sql`SELECT id::int AS id FROM claim_recognitions WHERE idempotency_key = ${input.idempotencyKey}`,
      );
      if (same) {
        if (same.id !== recognition.id) throw new UserError(409, 'KEY_REUSED', '이미 다른 신청에 쓰인 요청입니다.');
        return { created: false };
      }
      if (recognition.status !== 'scheduled')
        throw new UserError(409, 'ALREADY_FILED', '이 차수의 실업인정은 이미 신청했습니다.');
      const filedAt = input.filedAt ?? now();
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
      const check = this.checkPeriod(claim, recognition, input.activities, await this.usedBefore(claimId, seq));
      if (!check.met)
        throw new UserError(422, 'ACTIVITIES_MISSING', check.missing.join(' '), {
          activities: check.missing.join(' '),
        });
      const created = await database.transaction(async (tx) => {
        const [updated] = await tx.query<{ id: number }>(
          sql`UPDATE claim_recognitions SET status = 'filed', idempotency_key = ${input.idempotencyKey}, filed_at = ${filedAt.toISOString()},
                worked_or_earned = ${input.workedOrEarned}
              WHERE id = ${recognition.id} AND status = 'scheduled' RETURNING id::int AS id`,
        );
        if (!updated) {
          // Filed meanwhile by the same request sent twice at once (two tabs, a counter's double send):
          // not a conflict, it is filed once.
          const [mine] = await tx.query<{ id: number }>(
            sql`SELECT id::int AS id FROM claim_recognitions WHERE id = ${recognition.id} AND idempotency_key = ${input.idempotencyKey}`,
          );
          if (mine) return false;
          throw new UserError(409, 'ALREADY_FILED', '이 차수의 실업인정은 이미 신청했습니다.');
        }
        for (const a of input.activities)
          await tx.query(
            sql`INSERT INTO recognition_activities (recognition_id, kind, activity_date, organisation, description)
                VALUES (${recognition.id}, ${a.kind}, ${a.date}, ${a.organisation}, ${a.description})`,
          );
        await tx.query(sql`UPDATE benefit_claims SET version = version + 1 WHERE id = ${claimId}`);
        await ledgerWrite(tx, now(), claimId, claimant, 'recognition.filed', {
          seq,
          activities: input.activities.length,
          workedOrEarned: input.workedOrEarned,
        });
        return true;
      });
      return { created };
    },

    /**
     * What a 실업인정일 change would do, checked as the change itself checks it, without writing (the
     * confirmation page). Throws the same UserError the change would.
     */
    async previewMove(
      actor: Pick<Account, 'id' | 'kind'>,
      claimId: number,
      seq: number,
      input: { newDate: string; kind: ChangeKind; evidence: string },
    ): Promise<MovePlan & { next: SchedulePeriod | undefined; moved: SchedulePeriod }> {
      const claim = await claimById(claimId);
      if (!claim || (actor.kind === 'seeker' && claim.claimantId !== actor.id))
        throw new UserError(404, 'NOT_FOUND', '신청을 찾을 수 없습니다.');
      const rows = await this.recognitions(claimId);
      const plan = planMove({ actor, today: today(), claim, rows, seq, input, calendar });
      const moved = plan.periods.find((p) => p.seq === seq);
      if (!moved) throw new Error('the moved 차수 vanished from its plan');
      return { ...plan, moved, next: plan.periods.find((p) => p.seq === seq + 1) };
    },

    /** Days a confirmation of this filed 실업인정 would pay (before days worked): what a 불인정 withholds. */
    payableIfConfirmed(claim: Claim, r: Recognition): number {
      return payableDays({
        periodStart: r.periodStart,
        periodEnd: r.periodEnd,
        firstPayableDay: waitingPeriod(claim.reportDate).firstPayableDay,
        benefitPeriodEnd: claim.benefitPeriodEnd,
        remainingDays: claim.benefitDays - claim.paidDays,
      });
    },

    /**
     * Moves a 실업인정일: the claimant's change requested in advance (개인 사정: once per claim; excused
     * reasons with evidence), or a reschedule (outage, declared by staff). Recorded in the ledger with why.
     */
    async moveRecognition(
      actor: Pick<Account, 'id' | 'kind'>,
      claimId: number,
      seq: number,
      input: { newDate: string; kind: ChangeKind; evidence: string; reason: string },
    ): Promise<void> {
      await database.transaction(async (tx) => {
        const [claim] = await tx.query<{
          claimantId: number;
          status: string;
          personalChangeUsed: boolean;
          benefitPeriodEnd: string;
        }>(
          sql`SELECT claimant_id::int AS "claimantId", status, personal_change_used AS "personalChangeUsed",
                     benefit_period_end::text AS "benefitPeriodEnd"
              FROM benefit_claims WHERE id = ${claimId} FOR UPDATE`,
        );
        if (!claim || (actor.kind === 'seeker' && claim.claimantId !== actor.id))
          throw new UserError(404, 'NOT_FOUND', '신청을 찾을 수 없습니다.');
        const rows = await tx.query<Recognition>(
          sql`SELECT ${RECOGNITION_COLUMNS} FROM claim_recognitions WHERE claim_id = ${claimId} ORDER BY seq`,
        );
        const { target, periods } = planMove({ actor, today: today(), claim, rows, seq, input, calendar });
        await applyPeriods(tx, claimId, rows, periods, seq, CHANGE_KINDS[input.kind]);
        await tx.query(
          sql`UPDATE benefit_claims SET version = version + 1,
                personal_change_used = personal_change_used OR ${input.kind === 'personal'}
              WHERE id = ${claimId}`,
        );
        await ledgerWrite(tx, now(), claimId, actor, 'schedule.moved', {
          seq,
          from: target.scheduledDate,
          to: input.newDate,
          kind: input.kind,
          reason: input.reason || CHANGE_KINDS[input.kind],
          evidence: input.evidence,
        });
      });
    },

    /**
     * Reschedules, after one outage — of the 실업급여 service, or a counter's offline window (then only
     * claims of that centre) — every 실업인정일 that fell in it and was not filed yet (outage.ts has the
     * rule): without penalty, without the personal change, once per outage, claim and 차수
     * (outage_reschedules), with the ledger saying why and the claimant told. What the rules cannot
     * move is kept for a counsellor (`review`).
     */
    async rescheduleForOutage(outage: Outage): Promise<{ moved: number; review: number }> {
      const { source } = outage;
      const firstDay = seoulToday(new Date(outage.from));
      const lastDay = seoulToday(new Date(outage.to));
      const claims = await database.query<{ claimId: number }>(
        sql`SELECT DISTINCT r.claim_id::int AS "claimId" FROM claim_recognitions r
              JOIN benefit_claims c ON c.id = r.claim_id
             WHERE c.status = 'approved' AND r.status = 'scheduled'
               AND r.scheduled_date BETWEEN ${firstDay}::date AND ${lastDay}::date
               AND ${source.kind === 'counter' ? sql`c.centre_code = ${source.centreCode}` : sql`true`}
             ORDER BY 1`,
      );
      let moved = 0;
      let review = 0;
      const reason = outageReason(outage);
      const incidentId = source.kind === 'incident' ? source.id : null;
      const counterOutageId = source.kind === 'counter' ? source.id : null;
      for (const { claimId } of claims) {
        const result = await database.transaction(async (tx) => {
          const [claim] = await tx.query<{ claimantId: number; benefitPeriodEnd: string }>(
            sql`SELECT claimant_id::int AS "claimantId", benefit_period_end::text AS "benefitPeriodEnd"
                  FROM benefit_claims WHERE id = ${claimId} FOR UPDATE`,
          );
          if (!claim) return { moved: 0, review: 0 };
          const rows = await tx.query<Recognition>(
            sql`SELECT ${RECOGNITION_COLUMNS} FROM claim_recognitions WHERE claim_id = ${claimId} ORDER BY seq`,
          );
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
            const fresh = await tx.query<{ seq: number }>(
              sql`INSERT INTO outage_reschedules (incident_id, counter_outage_id, claim_id, seq, from_date, to_date, result, reason, at)
                  VALUES (${incidentId}, ${counterOutageId}, ${claimId}, ${d.seq}, ${d.from}, ${d.ok ? d.to : null}, ${d.ok ? 'moved' : 'review'},
                          ${d.ok ? '' : d.reason}, ${now().toISOString()})
                  ON CONFLICT DO NOTHING RETURNING seq`,
            );
            if (fresh.length === 0) continue;
            if (!d.ok) {
              counts.review++;
              continue;
            }
            await applyPeriods(tx, claimId, rows, d.periods, d.seq, CHANGE_KINDS.outage);
            await tx.query(sql`UPDATE benefit_claims SET version = version + 1 WHERE id = ${claimId}`);
            await ledgerWrite(tx, now(), claimId, null, 'schedule.moved', {
              seq: d.seq,
              from: d.from,
              to: d.to,
              kind: 'outage',
              reason,
              ...(incidentId === null ? { counterOutageId } : { incidentId }),
            });
            await tx.query(
              sql`INSERT INTO notifications (account_id, kind, title, body, link, dedupe_key)
                  VALUES (${claim.claimantId}, 'benefits.rescheduled', ${`${d.seq}차 실업인정일이 ${josa(formatKoreanDate(d.to), '으로/로')} 바뀌었습니다`},
                          ${reason}, ${`/benefits/claims/${claimId}`}, ${`${source.kind === 'incident' ? 'outage' : 'counter-outage'}:${source.id}:${claimId}:${d.seq}`})
                  ON CONFLICT (dedupe_key) DO NOTHING`,
            );
            counts.moved++;
          }
          return counts;
        });
        moved += result.moved;
        review += result.review;
      }
      return { moved, review };
    },

    /** The counsellor confirms (a payment line: payable days × 구직급여일액) or rejects a filed 실업인정. */
    async decideRecognition(
      staff: Pick<Account, 'id' | 'kind'>,
      claimId: number,
      seq: number,
      input:
        | {
            confirm: true;
            note: string /** Days the claimant worked in the period (not paid, 제47조). */;
            workedDays?: number;
          }
        | { confirm: false; code: keyof typeof RECOGNITION_REJECTIONS; note: string },
    ): Promise<{ days: number; amount: number } | null> {
      return database.transaction(async (tx) => {
        const [claim] = await tx.query<{
          reportDate: string;
          benefitPeriodEnd: string;
          benefitDays: number;
          dailyAmount: number;
        }>(
          sql`SELECT report_date::text AS "reportDate", benefit_period_end::text AS "benefitPeriodEnd", benefit_days AS "benefitDays",
                     daily_amount AS "dailyAmount"
              FROM benefit_claims WHERE id = ${claimId} FOR UPDATE`,
        );
        const [r] = await tx.query<Recognition>(
          sql`SELECT ${RECOGNITION_COLUMNS} FROM claim_recognitions WHERE claim_id = ${claimId} AND seq = ${seq}`,
        );
        if (!claim || !r) throw new UserError(404, 'NOT_FOUND', '실업인정을 찾을 수 없습니다.');
        if (r.status !== 'filed') throw new UserError(409, 'NOT_FILED', '신청된 실업인정만 결정할 수 있습니다.');
        if (!input.confirm) {
          await tx.query(
            sql`UPDATE claim_recognitions SET status = 'rejected', decided_by = ${staff.id}, decided_at = now(),
                  decision_note = ${`${RECOGNITION_REJECTIONS[input.code]}${input.note ? ` — ${input.note}` : ''}`}, paid_days = 0, amount = 0
                WHERE id = ${r.id}`,
          );
          await ledgerWrite(tx, now(), claimId, staff, 'recognition.rejected', {
            seq,
            code: input.code,
            note: input.note,
          });
          return null;
        }
        const [paid] = await tx.query<{ days: number }>(
          sql`SELECT COALESCE(sum(paid_days), 0)::int AS days FROM claim_recognitions WHERE claim_id = ${claimId} AND status = 'confirmed'`,
        );
        const workedDays = Math.max(0, Math.floor(input.workedDays ?? 0));
        const days = Math.max(
          0,
          payableDays({
            periodStart: r.periodStart,
            periodEnd: r.periodEnd,
            firstPayableDay: waitingPeriod(claim.reportDate).firstPayableDay,
            benefitPeriodEnd: claim.benefitPeriodEnd,
            remainingDays: claim.benefitDays - (paid?.days ?? 0),
          }) - workedDays,
        );
        const amount = days * claim.dailyAmount;
        await tx.query(
          sql`UPDATE claim_recognitions SET status = 'confirmed', decided_by = ${staff.id}, decided_at = now(),
                decision_note = ${input.note}, paid_days = ${days}, amount = ${amount}
              WHERE id = ${r.id}`,
        );
        await tx.query(sql`UPDATE benefit_claims SET version = version + 1 WHERE id = ${claimId}`);
        await ledgerWrite(
          tx,
          now(),
          claimId,
          staff,
          'payment',
          {
            seq,
            periodStart: r.periodStart,
            periodEnd: r.periodEnd,
            dailyAmount: claim.dailyAmount,
            workedDays,
            note: input.note,
          },
          { days, amount },
        );
        return { days, amount };
      });
    },
  };
}

export type BenefitsService = ReturnType<typeof createBenefitsService>;
