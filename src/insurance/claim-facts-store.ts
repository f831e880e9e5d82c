/**
 * What a claim from the records reads and writes: a verified person's 이직확인서, the 이직일 of their
 * earlier approved claims, the masked number the employers reported, the 이직확인서 request a waiting
 * claim makes (certificate_requests, key `claim-wait:…`), and the counsellors' list of who waits on whom.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import type { CertificateRecord } from './claim-facts.ts';

type Db = Pick<Database, 'query'>;

/** Every 이직확인서 of this person hash, newest first. */
export function certificatesOf(db: Db, personHash: string): Promise<CertificateRecord[]> {
  return db.query<CertificateRecord & Record<string, unknown>>(
    sql`SELECT c.id::int AS id, c.workplace_id::int AS "workplaceId", w.name AS "workplaceName",
               w.management_no AS "managementNo", c.separated_on::text AS "separatedOn", c.loss_code AS "lossCode",
               c.loss_sub_code AS "lossSubCode", c.reason, c.recent_wages AS "recentWages",
               c.ordinary_daily_wage AS "ordinaryDailyWage", c.daily_hours::float8 AS "dailyHours",
               c.base_days AS "baseDays", (c.filed_at AT TIME ZONE 'Asia/Seoul')::date::text AS "filedOn"
        FROM separation_certificates c JOIN workplaces w ON w.id = c.workplace_id
        WHERE c.person_hash = ${personHash}
        ORDER BY c.id DESC`,
  );
}

/** The masked 주민등록번호 the employers reported for this person (the newest report's). */
export async function maskedOf(db: Db, personHash: string): Promise<string | null> {
  const [row] = await db.query<{ masked: string }>(
    sql`SELECT person_masked AS masked FROM insurance_events WHERE person_hash = ${personHash} ORDER BY id DESC LIMIT 1`,
  );
  return row?.masked ?? null;
}

/** 이직일 of this account's approved claims (수급자격 인정: a 수급 had). */
export async function approvedSeparations(db: Db, accountId: number): Promise<string[]> {
  const rows = await db.query<{ d: string }>(
    sql`SELECT DISTINCT separation_date::text AS d FROM benefit_claims
        WHERE claimant_id = ${accountId} AND status = 'approved' ORDER BY 1`,
  );
  return rows.map((r) => r.d);
}

export interface WaitRequest extends Record<string, unknown> {
  id: number;
  requestedOn: string;
  dueOn: string;
}

/**
 * The 이직확인서 request of a claim waiting on this 사업장 for this separation (one per person, workplace
 * and 이직일: its key), inserted once. Returns it (the first one's date where it existed).
 */
export async function requestCertificate(
  db: Db,
  r: { accountId: number; personHash: string; workplaceId: number; separationDate: string; dueOn: string; at: Date },
): Promise<WaitRequest> {
  const key = `claim-wait:${r.personHash}:${r.workplaceId}:${r.separationDate}`;
  const [row] = await db.query<WaitRequest>(
    sql`WITH ins AS (
          INSERT INTO certificate_requests (dedupe_key, workplace_id, person_hash, requested_by, requested_at, due_on)
          VALUES (${key}, ${r.workplaceId}, ${r.personHash}, ${r.accountId}, ${r.at.toISOString()}, ${r.dueOn})
          ON CONFLICT (dedupe_key) DO NOTHING
          RETURNING id, requested_at, due_on)
        SELECT id::int AS id, (requested_at AT TIME ZONE 'Asia/Seoul')::date::text AS "requestedOn", due_on::text AS "dueOn" FROM ins
        UNION ALL
        SELECT id::int, (requested_at AT TIME ZONE 'Asia/Seoul')::date::text, due_on::text
        FROM certificate_requests WHERE dedupe_key = ${key}
        LIMIT 1`,
  );
  if (!row) throw new Error('certificate request not inserted');
  return row;
}

/** The waiting request for this separation, if the claimant asked before (its date is the 실업신고일). */
export async function waitRequestFor(
  db: Db,
  r: { personHash: string; workplaceId: number; separationDate: string },
): Promise<WaitRequest | undefined> {
  const key = `claim-wait:${r.personHash}:${r.workplaceId}:${r.separationDate}`;
  const [row] = await db.query<WaitRequest>(
    sql`SELECT id::int AS id, (requested_at AT TIME ZONE 'Asia/Seoul')::date::text AS "requestedOn", due_on::text AS "dueOn"
        FROM certificate_requests WHERE dedupe_key = ${key}`,
  );
  return row;
}

/** A claimant waiting for an 이직확인서, as the counsellors' list shows them. */
export interface WaitingClaim extends Record<string, unknown> {
  requestId: number;
  claimantName: string;
  loginId: string;
  workplaceName: string;
  managementNo: string;
  companyName: string;
  requestedOn: string;
  dueOn: string;
}

/**
 * Claimants of this centre (every centre: null) waiting for an 이직확인서: a `claim-wait` request with no
 * 이직확인서 filed by that 사업장 for that person since it was made. Oldest first.
 */
export function waitingClaims(db: Db, centreCode: string | null): Promise<WaitingClaim[]> {
  return db.query<WaitingClaim>(
    sql`SELECT r.id::int AS "requestId", a.name AS "claimantName", a.login_id AS "loginId", w.name AS "workplaceName",
               w.management_no AS "managementNo", co.name AS "companyName",
               (r.requested_at AT TIME ZONE 'Asia/Seoul')::date::text AS "requestedOn", r.due_on::text AS "dueOn"
        FROM certificate_requests r
        JOIN accounts a ON a.id = r.requested_by
        JOIN workplaces w ON w.id = r.workplace_id
        JOIN companies co ON co.id = w.company_id
        WHERE r.dedupe_key LIKE 'claim-wait:%' AND r.certificate_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM separation_certificates c
                          WHERE c.workplace_id = r.workplace_id AND c.person_hash = r.person_hash
                            AND c.filed_at >= r.requested_at)
          ${centreCode === null ? sql`` : sql`AND a.centre_code = ${centreCode}`}
        ORDER BY r.due_on, r.id LIMIT 500`,
  );
}
