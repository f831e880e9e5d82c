/**
 * 구직급여 claims in SQL: the claims, their 실업인정 차수 with 재취업활동, the ledger, and the outage
 * reschedules. One function per query or change, the database or a transaction handle first: inside a
 * service's transaction (or a command's, src/db/commands.ts) the writes of one step land together.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import type { Account } from '../identity/accounts.ts';
import type { ReportedActivity } from './activities.ts';
import type { ClaimFacts } from './calculate.ts';
import type { LedgerEvent } from './ledger.ts';
import type { Activity, Claim, LedgerRow, Recognition } from './model.ts';
import type { ActivityKind } from './rules.ts';
import type { SchedulePeriod } from './schedule.ts';

/** The database or a transaction handle. */
type Db = Pick<Database, 'query'>;
type Actor = Pick<Account, 'id' | 'kind'>;

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
  c.personal_change_used AS "personalChangeUsed", c.version, c.facts_source AS "factsSource", c.record_facts AS "recordFacts",
  COALESCE((SELECT sum(paid_days) FROM claim_recognitions r WHERE r.claim_id = c.id AND r.status = 'confirmed'), 0)::int AS "paidDays",
  COALESCE((SELECT sum(amount) FROM claim_recognitions r WHERE r.claim_id = c.id AND r.status = 'confirmed'), 0)::int AS "totalPaid"`;
const CLAIM_FROM = sql`benefit_claims c JOIN accounts a ON a.id = c.claimant_id JOIN job_centres jc ON jc.code = c.centre_code`;

const RECOGNITION_COLUMNS = sql`id::int AS id, seq, nominal_date::text AS "nominalDate", scheduled_date::text AS "scheduledDate",
  moved_because AS "movedBecause", period_start::text AS "periodStart", period_end::text AS "periodEnd", status,
  filed_at::text AS "filedAt", worked_or_earned AS "workedOrEarned", decision_note AS "decisionNote",
  paid_days AS "paidDays", amount`;

export function insertLedger(
  db: Db,
  at: Date,
  claimId: number,
  actor: Actor | null,
  event: LedgerEvent['event'],
  details: Record<string, unknown>,
  money?: { days: number; amount: number },
) {
  return db.query(
    sql`INSERT INTO benefit_ledger (at, claim_id, actor_id, actor_kind, event, details, days, amount)
        VALUES (${at.toISOString()}, ${claimId}, ${actor?.id ?? null}, ${actor?.kind ?? null}, ${event}, ${JSON.stringify(details)}::jsonb,
                ${money?.days ?? null}, ${money?.amount ?? null})`,
  );
}

// --- claims -------------------------------------------------------------------------------------

export async function findClaim(db: Db, id: number): Promise<Claim | undefined> {
  const [row] = await db.query<Claim>(sql`SELECT ${CLAIM_COLUMNS} FROM ${CLAIM_FROM} WHERE c.id = ${id}`);
  return row;
}

export function claimsOf(db: Db, claimantId: number): Promise<Claim[]> {
  return db.query<Claim>(
    sql`SELECT ${CLAIM_COLUMNS} FROM ${CLAIM_FROM} WHERE c.claimant_id = ${claimantId} ORDER BY c.id DESC`,
  );
}

export function claimQueue(
  db: Db,
  centreCode: string | null,
  status: Claim['status'] | 'all',
): Promise<(Claim & { filedRecognitions: number })[]> {
  return db.query<Claim & { filedRecognitions: number }>(
    sql`SELECT ${CLAIM_COLUMNS},
               (SELECT count(*)::int FROM claim_recognitions r WHERE r.claim_id = c.id AND r.status = 'filed') AS "filedRecognitions"
        FROM ${CLAIM_FROM}
        WHERE ${centreCode === null ? sql`true` : sql`c.centre_code = ${centreCode}`}
          AND ${status === 'all' ? sql`true` : sql`c.status = ${status}`}
        ORDER BY (c.status = 'submitted') DESC, c.filed_at
        LIMIT 500`,
  );
}

export interface NewClaim {
  idempotencyKey: string;
  claimantId: number;
  centreCode: string;
  reportDate: string;
  companyName: string;
  facts: ClaimFacts;
  ruleVersion: string;
  dailyAmount: number;
  benefitDays: number;
  benefitPeriodEnd: string;
  /** 'records' (from the 고용보험 records, with recordFacts) or 'typed'. */
  factsSource?: 'records' | 'typed';
  recordFacts?: unknown;
}

/** The new claim's id, or undefined when its idempotency key was taken already. */
export async function insertClaim(db: Db, c: NewClaim): Promise<number | undefined> {
  const f = c.facts;
  const [inserted] = await db.query<{ id: number }>(
    sql`INSERT INTO benefit_claims (idempotency_key, claimant_id, centre_code, report_date, company_name, separation_date,
          separation_reason, justified_reason, insured_months, insured_unit_days, average_daily_wage, ordinary_daily_wage,
          daily_hours, disabled, birth_date, rule_version, daily_amount, benefit_days, benefit_period_end, facts_source,
          record_facts)
        VALUES (${c.idempotencyKey}, ${c.claimantId}, ${c.centreCode}, ${c.reportDate}, ${c.companyName},
          ${f.separationDate}, ${f.separationReason}, ${f.justifiedReason}, ${f.insuredMonths}, ${f.insuredUnitDays},
          ${f.averageDailyWage}, ${f.ordinaryDailyWage}, ${f.dailyHours}, ${f.disabled}, ${f.birthDate}, ${c.ruleVersion},
          ${c.dailyAmount}, ${c.benefitDays}, ${c.benefitPeriodEnd}, ${c.factsSource ?? 'typed'},
          ${c.recordFacts === undefined ? null : JSON.stringify(c.recordFacts)}::jsonb)
        ON CONFLICT (idempotency_key) DO NOTHING RETURNING id::int AS id`,
  );
  return inserted?.id;
}

export async function claimByKey(
  db: Db,
  idempotencyKey: string,
): Promise<{ id: number; claimantId: number } | undefined> {
  const [existing] = await db.query<{ id: number; claimantId: number }>(
    sql`SELECT id::int AS id, claimant_id::int AS "claimantId" FROM benefit_claims WHERE idempotency_key = ${idempotencyKey}`,
  );
  return existing;
}

/** What a decision or a date change needs of the claim, its row locked until the transaction ends. */
export interface LockedClaim extends Record<string, unknown> {
  claimantId: number;
  status: string;
  reportDate: string;
  benefitPeriodEnd: string;
  benefitDays: number;
  dailyAmount: number;
  personalChangeUsed: boolean;
}

export async function lockClaim(db: Db, claimId: number): Promise<LockedClaim | undefined> {
  const [claim] = await db.query<LockedClaim>(
    sql`SELECT claimant_id::int AS "claimantId", status, report_date::text AS "reportDate",
               benefit_period_end::text AS "benefitPeriodEnd", benefit_days AS "benefitDays", daily_amount AS "dailyAmount",
               personal_change_used AS "personalChangeUsed"
          FROM benefit_claims WHERE id = ${claimId} FOR UPDATE`,
  );
  return claim;
}

export async function markApproved(
  db: Db,
  claimId: number,
  staffId: number,
  input: { firstDate: string; cycleDays: number; note: string; repeatClaimant: boolean },
): Promise<void> {
  await db.query(
    sql`UPDATE benefit_claims SET status = 'approved', decided_by = ${staffId}, decided_at = now(), decision_code = 'A01',
          decision_note = ${input.note}, first_recognition_date = ${input.firstDate}, cycle_days = ${input.cycleDays},
          repeat_claimant = ${input.repeatClaimant}, version = version + 1
        WHERE id = ${claimId}`,
  );
}

export async function markRejected(
  db: Db,
  claimId: number,
  staffId: number,
  input: { code: string; note: string },
): Promise<void> {
  await db.query(
    sql`UPDATE benefit_claims SET status = 'rejected', decided_by = ${staffId}, decided_at = now(), decision_code = ${input.code},
          decision_note = ${input.note}, version = version + 1 WHERE id = ${claimId}`,
  );
}

export async function setPlanningNote(db: Db, claimId: number, note: string): Promise<void> {
  await db.query(sql`UPDATE benefit_claims SET planning_note = ${note}, version = version + 1 WHERE id = ${claimId}`);
}

export async function bumpVersion(db: Db, claimId: number): Promise<void> {
  await db.query(sql`UPDATE benefit_claims SET version = version + 1 WHERE id = ${claimId}`);
}

/** A new version of the claim after a date change; a 'personal' one uses the once-per-claim allowance. */
export async function markMoved(db: Db, claimId: number, personal: boolean): Promise<void> {
  await db.query(
    sql`UPDATE benefit_claims SET version = version + 1,
          personal_change_used = personal_change_used OR ${personal}
        WHERE id = ${claimId}`,
  );
}

export function ledgerOf(db: Db, claimId: number): Promise<LedgerRow[]> {
  return db.query<LedgerRow>(
    sql`SELECT l.id::int AS id, l.at::text AS at, acc.name AS "actorName", l.actor_kind AS "actorKind", l.event, l.details,
               l.days, l.amount
        FROM benefit_ledger l LEFT JOIN accounts acc ON acc.id = l.actor_id
        WHERE l.claim_id = ${claimId} ORDER BY l.id`,
  );
}

// --- 실업인정 -------------------------------------------------------------------------------------

export function recognitionsOf(db: Db, claimId: number): Promise<Recognition[]> {
  return db.query<Recognition>(
    sql`SELECT ${RECOGNITION_COLUMNS} FROM claim_recognitions WHERE claim_id = ${claimId} ORDER BY seq`,
  );
}

export async function recognitionBySeq(db: Db, claimId: number, seq: number): Promise<Recognition | undefined> {
  const [r] = await db.query<Recognition>(
    sql`SELECT ${RECOGNITION_COLUMNS} FROM claim_recognitions WHERE claim_id = ${claimId} AND seq = ${seq}`,
  );
  return r;
}

export async function insertRecognitions(
  db: Db,
  claimId: number,
  rows: readonly { seq: number; nominal: string; date: string; moved: string | null; start: string; end: string }[],
): Promise<void> {
  for (const r of rows)
    await db.query(
      sql`INSERT INTO claim_recognitions (claim_id, seq, nominal_date, scheduled_date, moved_because, period_start, period_end)
          VALUES (${claimId}, ${r.seq}, ${r.nominal}, ${r.date}, ${r.moved}, ${r.start}, ${r.end})`,
    );
}

export async function updatePeriod(
  db: Db,
  claimId: number,
  p: SchedulePeriod,
  movedBecause: string | null,
): Promise<void> {
  await db.query(
    sql`UPDATE claim_recognitions SET scheduled_date = ${p.date}, period_start = ${p.periodStart}, period_end = ${p.periodEnd},
          moved_because = ${movedBecause}
        WHERE claim_id = ${claimId} AND seq = ${p.seq}`,
  );
}

export function activitiesOf(db: Db, claimId: number): Promise<Activity[]> {
  return db.query<Activity>(
    sql`SELECT ra.recognition_id::int AS "recognitionId", ra.kind, ra.activity_date::text AS date, ra.organisation, ra.description
        FROM recognition_activities ra JOIN claim_recognitions r ON r.id = ra.recognition_id
        WHERE r.claim_id = ${claimId} ORDER BY ra.activity_date, ra.id`,
  );
}

/** How many activities of each kind the claim's confirmed 차수 before `seq` counted. */
export async function usedKinds(db: Db, claimId: number, seq: number): Promise<Partial<Record<ActivityKind, number>>> {
  const rows = await db.query<{ kind: ActivityKind; n: number }>(
    sql`SELECT ra.kind, count(*)::int AS n FROM recognition_activities ra JOIN claim_recognitions r ON r.id = ra.recognition_id
        WHERE r.claim_id = ${claimId} AND r.seq < ${seq} AND r.status = 'confirmed' GROUP BY ra.kind`,
  );
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}

export async function recognitionIdByKey(db: Db, idempotencyKey: string): Promise<number | undefined> {
  const [same] = await db.query<{ id: number }>(
    sql`SELECT id::int AS id FROM claim_recognitions WHERE idempotency_key = ${idempotencyKey}`,
  );
  return same?.id;
}

/** Whether the 차수 was still scheduled and is now filed under this key. */
export async function markFiled(
  db: Db,
  recognitionId: number,
  input: { idempotencyKey: string; filedAt: Date; workedOrEarned: boolean },
): Promise<boolean> {
  const [updated] = await db.query<{ id: number }>(
    sql`UPDATE claim_recognitions SET status = 'filed', idempotency_key = ${input.idempotencyKey}, filed_at = ${input.filedAt.toISOString()},
          worked_or_earned = ${input.workedOrEarned}
        WHERE id = ${recognitionId} AND status = 'scheduled' RETURNING id::int AS id`,
  );
  return updated !== undefined;
}

export async function filedWithKey(db: Db, recognitionId: number, idempotencyKey: string): Promise<boolean> {
  const [mine] = await db.query<{ id: number }>(
    sql`SELECT id::int AS id FROM claim_recognitions WHERE id = ${recognitionId} AND idempotency_key = ${idempotencyKey}`,
  );
  return mine !== undefined;
}

export async function insertActivities(
  db: Db,
  recognitionId: number,
  activities: readonly (ReportedActivity & { organisation: string; description: string })[],
): Promise<void> {
  for (const a of activities)
    await db.query(
      sql`INSERT INTO recognition_activities (recognition_id, kind, activity_date, organisation, description)
          VALUES (${recognitionId}, ${a.kind}, ${a.date}, ${a.organisation}, ${a.description})`,
    );
}

export async function markRecognitionRejected(
  db: Db,
  recognitionId: number,
  staffId: number,
  note: string,
): Promise<void> {
  await db.query(
    sql`UPDATE claim_recognitions SET status = 'rejected', decided_by = ${staffId}, decided_at = now(),
          decision_note = ${note}, paid_days = 0, amount = 0
        WHERE id = ${recognitionId}`,
  );
}

export async function confirmedDays(db: Db, claimId: number): Promise<number | undefined> {
  const [paid] = await db.query<{ days: number }>(
    sql`SELECT COALESCE(sum(paid_days), 0)::int AS days FROM claim_recognitions WHERE claim_id = ${claimId} AND status = 'confirmed'`,
  );
  return paid?.days;
}

export async function markConfirmed(
  db: Db,
  recognitionId: number,
  staffId: number,
  input: { note: string; days: number; amount: number },
): Promise<void> {
  await db.query(
    sql`UPDATE claim_recognitions SET status = 'confirmed', decided_by = ${staffId}, decided_at = now(),
          decision_note = ${input.note}, paid_days = ${input.days}, amount = ${input.amount}
        WHERE id = ${recognitionId}`,
  );
}

// --- outages ------------------------------------------------------------------------------------

/** Approved claims with a 실업인정일 not filed yet between two Seoul days (of one centre, or all). */
export async function claimsDueBetween(
  db: Db,
  window: { firstDay: string; lastDay: string; centreCode: string | null },
): Promise<number[]> {
  const rows = await db.query<{ claimId: number }>(
    sql`SELECT DISTINCT r.claim_id::int AS "claimId" FROM claim_recognitions r
          JOIN benefit_claims c ON c.id = r.claim_id
         WHERE c.status = 'approved' AND r.status = 'scheduled'
           AND r.scheduled_date BETWEEN ${window.firstDay}::date AND ${window.lastDay}::date
           AND ${window.centreCode !== null ? sql`c.centre_code = ${window.centreCode}` : sql`true`}
         ORDER BY 1`,
  );
  return rows.map((r) => r.claimId);
}

/** Records one outage's decision for a 차수; false when it was recorded already (once per outage, claim and 차수). */
export async function insertOutageReschedule(
  db: Db,
  row: {
    incidentId: number | null;
    counterOutageId: number | null;
    claimId: number;
    seq: number;
    from: string;
    to: string | null;
    result: 'moved' | 'review';
    reason: string;
    at: Date;
  },
): Promise<boolean> {
  const fresh = await db.query<{ seq: number }>(
    sql`INSERT INTO outage_reschedules (incident_id, counter_outage_id, claim_id, seq, from_date, to_date, result, reason, at)
        VALUES (${row.incidentId}, ${row.counterOutageId}, ${row.claimId}, ${row.seq}, ${row.from}, ${row.to}, ${row.result},
                ${row.reason}, ${row.at.toISOString()})
        ON CONFLICT DO NOTHING RETURNING seq`,
  );
  return fresh.length > 0;
}

export async function insertNotification(
  db: Db,
  n: { accountId: number; kind: string; title: string; body: string; link: string; dedupeKey: string },
): Promise<void> {
  await db.query(
    sql`INSERT INTO notifications (account_id, kind, title, body, link, dedupe_key)
        VALUES (${n.accountId}, ${n.kind}, ${n.title}, ${n.body}, ${n.link}, ${n.dedupeKey})
        ON CONFLICT (dedupe_key) DO NOTHING`,
  );
}
