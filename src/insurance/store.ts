/**
 * 고용보험 사업장 and 피보험자격 신고 in SQL: workplaces, their reporters, and the append-only events
 * (취득, 상실, 정정, 취소). Every read is scoped by the caller to one workplace of the employer's company.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';

type Db = Pick<Database, 'query'>;

export interface Workplace extends Record<string, unknown> {
  id: number;
  managementNo: string;
  companyId: number;
  name: string;
  address: string;
  /** Whether the asking account reports for it. */
  reporter: boolean;
}

export interface InsuranceEvent extends Record<string, unknown> {
  id: number;
  kind: 'acquire' | 'lose' | 'correct' | 'cancel';
  personHash: string;
  personMasked: string;
  personName: string;
  acquiredOn: string | null;
  lostOn: string | null;
  monthlyWage: number | null;
  dailyHours: number | null;
  occupationCd: string | null;
  lossCode: string | null;
  lossSubCode: string | null;
  lossReason: string | null;
  correctsId: number | null;
  reportedAt: string;
  dueOn: string | null;
  late: boolean;
  batchKey: string | null;
  /** A 정정 the 고용센터 filed on an upheld 확인 청구 (office-correction.ts). */
  byOffice?: boolean;
}

/** A new event as the service builds it (the workplace, reporter and key come with it). */
export interface NewEvent {
  dedupeKey: string;
  workplaceId: number;
  kind: InsuranceEvent['kind'];
  personHash: string;
  personMasked: string;
  personName: string;
  acquiredOn?: string | null;
  lostOn?: string | null;
  monthlyWage?: number | null;
  dailyHours?: number | null;
  occupationCd?: string | null;
  lossCode?: string | null;
  lossSubCode?: string | null;
  lossReason?: string | null;
  correctsId?: number | null;
  reportedBy: number;
  dueOn?: string | null;
  late?: boolean;
  batchKey?: string | null;
}

const WORKPLACE = (accountId: number) => sql`w.id::int AS id, w.management_no AS "managementNo",
  w.company_id::int AS "companyId", w.name, w.address,
  EXISTS (SELECT 1 FROM workplace_reporters r WHERE r.workplace_id = w.id AND r.account_id = ${accountId}) AS reporter`;

/** The company's workplaces, by 사업장관리번호. */
export function companyWorkplaces(db: Db, companyId: number, accountId: number): Promise<Workplace[]> {
  return db.query<Workplace>(
    sql`SELECT ${WORKPLACE(accountId)} FROM workplaces w WHERE w.company_id = ${companyId} ORDER BY w.management_no`,
  );
}

/** One workplace by its 사업장관리번호, whatever company holds it. */
export async function workplaceByNo(db: Db, managementNo: string, accountId: number): Promise<Workplace | undefined> {
  const [w] = await db.query<Workplace>(
    sql`SELECT ${WORKPLACE(accountId)} FROM workplaces w WHERE w.management_no = ${managementNo}`,
  );
  return w;
}

/** Registers a workplace; undefined when the number is taken (by anyone). */
export async function insertWorkplace(
  db: Db,
  v: { managementNo: string; companyId: number; name: string; address: string },
): Promise<number | undefined> {
  const [row] = await db.query<{ id: number }>(
    sql`INSERT INTO workplaces (management_no, company_id, name, address)
        VALUES (${v.managementNo}, ${v.companyId}, ${v.name}, ${v.address})
        ON CONFLICT (management_no) DO NOTHING RETURNING id::int AS id`,
  );
  return row?.id;
}

/** Makes the account a reporter of the workplace (nothing when it already is); true when added. */
export async function addReporter(db: Db, workplaceId: number, accountId: number): Promise<boolean> {
  const rows = await db.query<{ n: number }>(
    sql`INSERT INTO workplace_reporters (workplace_id, account_id) VALUES (${workplaceId}, ${accountId})
        ON CONFLICT DO NOTHING RETURNING 1 AS n`,
  );
  return rows.length > 0;
}

const EVENT = sql`id::int AS id, kind, person_hash AS "personHash", person_masked AS "personMasked",
  person_name AS "personName", acquired_on::text AS "acquiredOn", lost_on::text AS "lostOn",
  monthly_wage AS "monthlyWage", daily_hours::float8 AS "dailyHours", occupation_cd AS "occupationCd",
  loss_code AS "lossCode", loss_sub_code AS "lossSubCode", loss_reason AS "lossReason",
  corrects_id::int AS "correctsId", reported_at::text AS "reportedAt", due_on::text AS "dueOn", late,
  batch_key AS "batchKey", dedupe_key LIKE 'dispute:%' AS "byOffice"`;

/** Every event of a workplace, oldest first (at most 5,000: a 사업장's whole history fits). */
export function workplaceEvents(db: Db, workplaceId: number): Promise<InsuranceEvent[]> {
  return db.query<InsuranceEvent>(
    sql`SELECT ${EVENT} FROM insurance_events WHERE workplace_id = ${workplaceId} ORDER BY id LIMIT 5000`,
  );
}

/** Appends an event; an event with the same dedupe key already there is left as it is. Returns its id. */
export async function insertEvent(db: Db, e: NewEvent): Promise<{ id: number; inserted: boolean }> {
  const [row] = await db.query<{ id: number }>(
    sql`INSERT INTO insurance_events (dedupe_key, workplace_id, kind, person_hash, person_masked, person_name,
          acquired_on, lost_on, monthly_wage, daily_hours, occupation_cd, loss_code, loss_sub_code, loss_reason,
          corrects_id, reported_by, due_on, late, batch_key)
        VALUES (${e.dedupeKey}, ${e.workplaceId}, ${e.kind}, ${e.personHash}, ${e.personMasked}, ${e.personName},
          ${e.acquiredOn ?? null}, ${e.lostOn ?? null}, ${e.monthlyWage ?? null}, ${e.dailyHours ?? null},
          ${e.occupationCd ?? null}, ${e.lossCode ?? null}, ${e.lossSubCode ?? null}, ${e.lossReason ?? null},
          ${e.correctsId ?? null}, ${e.reportedBy}, ${e.dueOn ?? null}, ${e.late ?? false}, ${e.batchKey ?? null})
        ON CONFLICT (dedupe_key) DO NOTHING RETURNING id::int AS id`,
  );
  if (row) return { id: row.id, inserted: true };
  const [found] = await db.query<{ id: number }>(
    sql`SELECT id::int AS id FROM insurance_events WHERE dedupe_key = ${e.dedupeKey}`,
  );
  if (!found) throw new Error('insurance event neither inserted nor found');
  return { id: found.id, inserted: false };
}

/** The dedupe keys of a batch already filed (a file sent again). */
export async function batchKeys(db: Db, batchKey: string): Promise<Set<string>> {
  const rows = await db.query<{ k: string }>(
    sql`SELECT dedupe_key AS k FROM insurance_events WHERE batch_key = ${batchKey}`,
  );
  return new Set(rows.map((r) => r.k));
}
