/**
 * A person's side of the 고용보험 records: the 신고 events of one person hash (with their workplaces),
 * and the 피보험자격 확인 청구 (record_disputes) — filed, listed for the counsellors, decided once.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import type { PersonEvent } from './person-history.ts';

/** Every 신고 event of this person hash, and only of it. */
export function personEvents(database: Database, personHash: string): Promise<PersonEvent[]> {
  return database.query<PersonEvent & Record<string, unknown>>(
    sql`SELECT e.id::int AS id, e.kind, e.workplace_id::int AS "workplaceId", w.name AS "workplaceName",
               w.management_no AS "managementNo", e.acquired_on::text AS "acquiredOn", e.lost_on::text AS "lostOn",
               e.monthly_wage AS "monthlyWage", e.loss_code AS "lossCode", e.loss_sub_code AS "lossSubCode",
               e.loss_reason AS "lossReason", e.corrects_id::int AS "correctsId",
               e.dedupe_key LIKE 'dispute:%' AS "byOffice"
        FROM insurance_events e JOIN workplaces w ON w.id = e.workplace_id
        WHERE e.person_hash = ${personHash}
        ORDER BY e.id`,
  );
}

export interface DisputeRow extends Record<string, unknown> {
  id: number;
  accountId: number;
  eventId: number;
  reason: string;
  filedAt: string;
  status: 'open' | 'upheld' | 'rejected';
  decidedAt: string | null;
  decisionReason: string | null;
}

const DISPUTE = sql`d.id::int AS id, d.account_id::int AS "accountId", d.event_id::int AS "eventId", d.reason,
  d.filed_at::text AS "filedAt", d.status, d.decided_at::text AS "decidedAt", d.decision_reason AS "decisionReason"`;

export function disputesOf(database: Database, accountId: number): Promise<DisputeRow[]> {
  return database.query<DisputeRow>(
    sql`SELECT ${DISPUTE} FROM record_disputes d WHERE d.account_id = ${accountId} ORDER BY d.id DESC`,
  );
}

/** A new 확인 청구; its key is the command's (a repeat finds the row). Returns its id. */
export async function insertDispute(
  database: Database,
  d: { dedupeKey: string; accountId: number; eventId: number; reason: string; at: Date },
): Promise<number> {
  const [row] = await database.query<{ id: number }>(
    sql`WITH ins AS (
          INSERT INTO record_disputes (dedupe_key, account_id, event_id, reason, filed_at)
          VALUES (${d.dedupeKey}, ${d.accountId}, ${d.eventId}, ${d.reason}, ${d.at.toISOString()})
          ON CONFLICT (dedupe_key) DO NOTHING RETURNING id)
        SELECT id::int AS id FROM ins
        UNION ALL SELECT id::int FROM record_disputes WHERE dedupe_key = ${d.dedupeKey}
        LIMIT 1`,
  );
  if (!row) throw new Error('dispute not inserted');
  return row.id;
}

/** A dispute with who filed it and the person hash of the record it names (for the counsellor). */
export interface DisputeCase extends DisputeRow {
  personName: string;
  loginId: string;
  centreCode: string | null;
  personHash: string;
  personMasked: string;
  decidedByName: string | null;
}

const CASE = sql`${DISPUTE}, a.name AS "personName", a.login_id AS "loginId", a.centre_code AS "centreCode",
  e.person_hash AS "personHash", e.person_masked AS "personMasked", s.name AS "decidedByName"`;
const CASE_FROM = sql`record_disputes d JOIN accounts a ON a.id = d.account_id
  JOIN insurance_events e ON e.id = d.event_id LEFT JOIN accounts s ON s.id = d.decided_by`;

/** The open disputes of people at this centre (every centre: null), oldest first. */
export function openDisputes(database: Database, centre: string | null): Promise<DisputeCase[]> {
  return database.query<DisputeCase>(
    sql`SELECT ${CASE} FROM ${CASE_FROM}
        WHERE d.status = 'open' ${centre === null ? sql`` : sql`AND a.centre_code = ${centre}`}
        ORDER BY d.filed_at, d.id LIMIT 200`,
  );
}

export async function findDispute(database: Database, id: number): Promise<DisputeCase | undefined> {
  const [row] = await database.query<DisputeCase>(sql`SELECT ${CASE} FROM ${CASE_FROM} WHERE d.id = ${id}`);
  return row;
}

/** Decides an open dispute; false when it was decided already. */
export async function decideDispute(
  database: Database,
  d: { id: number; status: 'upheld' | 'rejected'; reason: string; by: number; at: Date },
): Promise<boolean> {
  const rows = await database.query<{ id: number }>(
    sql`UPDATE record_disputes SET status = ${d.status}, decision_reason = ${d.reason}, decided_by = ${d.by},
          decided_at = ${d.at.toISOString()}
        WHERE id = ${d.id} AND status = 'open' RETURNING id::int AS id`,
  );
  return rows.length === 1;
}
