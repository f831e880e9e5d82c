/**
 * 이직확인서 (separation_certificates, append-only: a later filing is a new row and the newest counts)
 * and the requests for one (certificate_requests, fulfilled by a filing), in SQL; and the notifications
 * that tell a workplace's reporters of a request. The JSON columns keep the schema's shapes exactly —
 * recent_wages [{ from, to, wage, days }], base_days [{ month: 'YYYY-MM', days }] — other readers (the
 * claim built from records) read them through their own store.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import type { WagePeriod } from './certificate-rules.ts';
import type { MonthDays } from './unit-period.ts';

type Db = Pick<Database, 'query'>;

export interface CertificateRow extends Record<string, unknown> {
  id: number;
  workplaceId: number;
  workplaceName: string;
  managementNo: string;
  companyId: number;
  personHash: string;
  personMasked: string;
  personName: string;
  separatedOn: string;
  lossCode: string;
  lossSubCode: string;
  reason: string;
  recentWages: WagePeriod[];
  ordinaryDailyWage: number | null;
  dailyHours: number;
  baseDays: MonthDays[];
  filedAt: string;
  dueOn: string | null;
  late: boolean;
}

/** A new 이직확인서 as the service builds it. */
export interface NewCertificate {
  dedupeKey: string;
  workplaceId: number;
  personHash: string;
  personMasked: string;
  personName: string;
  separatedOn: string;
  lossCode: string;
  lossSubCode: string;
  reason: string;
  recentWages: WagePeriod[];
  ordinaryDailyWage: number | null;
  dailyHours: number;
  baseDays: MonthDays[];
  filedBy: number;
  filedAt: Date;
  dueOn: string | null;
  late: boolean;
}

const CERT = sql`c.id::int AS id, c.workplace_id::int AS "workplaceId", w.name AS "workplaceName",
  w.management_no AS "managementNo", w.company_id::int AS "companyId", c.person_hash AS "personHash",
  c.person_masked AS "personMasked", c.person_name AS "personName", c.separated_on::text AS "separatedOn",
  c.loss_code AS "lossCode", c.loss_sub_code AS "lossSubCode", c.reason, c.recent_wages AS "recentWages",
  c.ordinary_daily_wage AS "ordinaryDailyWage", c.daily_hours::float8 AS "dailyHours", c.base_days AS "baseDays",
  c.filed_at::text AS "filedAt", c.due_on::text AS "dueOn", c.late`;
const CERT_FROM = sql`separation_certificates c JOIN workplaces w ON w.id = c.workplace_id`;

/** jsonb comes back parsed from both drivers; a string (older driver settings) is parsed here. */
const parsed = (row: CertificateRow): CertificateRow => ({
  ...row,
  recentWages: typeof row.recentWages === 'string' ? JSON.parse(row.recentWages) : row.recentWages,
  baseDays: typeof row.baseDays === 'string' ? JSON.parse(row.baseDays) : row.baseDays,
});

/** Appends an 이직확인서; the same dedupe key again is left as it is. Returns its id. */
export async function insertCertificate(db: Db, c: NewCertificate): Promise<{ id: number; inserted: boolean }> {
  const [row] = await db.query<{ id: number }>(
    sql`INSERT INTO separation_certificates (dedupe_key, workplace_id, person_hash, person_masked, person_name,
          separated_on, loss_code, loss_sub_code, reason, recent_wages, ordinary_daily_wage, daily_hours, base_days,
          filed_by, filed_at, due_on, late)
        VALUES (${c.dedupeKey}, ${c.workplaceId}, ${c.personHash}, ${c.personMasked}, ${c.personName},
          ${c.separatedOn}, ${c.lossCode}, ${c.lossSubCode}, ${c.reason}, ${JSON.stringify(c.recentWages)}::jsonb,
          ${c.ordinaryDailyWage}, ${c.dailyHours}, ${JSON.stringify(c.baseDays)}::jsonb, ${c.filedBy}, ${c.filedAt.toISOString()}, ${c.dueOn},
          ${c.late})
        ON CONFLICT (dedupe_key) DO NOTHING RETURNING id::int AS id`,
  );
  if (row) return { id: row.id, inserted: true };
  const [found] = await db.query<{ id: number }>(
    sql`SELECT id::int AS id FROM separation_certificates WHERE dedupe_key = ${c.dedupeKey}`,
  );
  if (!found) throw new Error('separation certificate neither inserted nor found');
  return { id: found.id, inserted: false };
}

/** One 이직확인서 by id (the caller checks whose it is). */
export async function findCertificate(db: Db, id: number): Promise<CertificateRow | undefined> {
  const [row] = await db.query<CertificateRow>(sql`SELECT ${CERT} FROM ${CERT_FROM} WHERE c.id = ${id}`);
  return row && parsed(row);
}

/** The 이직확인서 of a person, newest (last filed) first; of one workplace when given. */
export async function certificatesOf(db: Db, personHash: string, workplaceId?: number): Promise<CertificateRow[]> {
  const rows = await db.query<CertificateRow>(
    sql`SELECT ${CERT} FROM ${CERT_FROM} WHERE c.person_hash = ${personHash}
        ${workplaceId === undefined ? sql`` : sql`AND c.workplace_id = ${workplaceId}`}
        ORDER BY c.id DESC LIMIT 100`,
  );
  return rows.map(parsed);
}

/** The company's latest filings, newest first. */
export async function companyCertificates(db: Db, companyId: number): Promise<CertificateRow[]> {
  const rows = await db.query<CertificateRow>(
    sql`SELECT ${CERT} FROM ${CERT_FROM} WHERE w.company_id = ${companyId} ORDER BY c.id DESC LIMIT 50`,
  );
  return rows.map(parsed);
}

export interface RequestRow extends Record<string, unknown> {
  id: number;
  workplaceId: number;
  workplaceName: string;
  managementNo: string;
  personHash: string;
  /** From the person's latest 신고 at the workplace. */
  personName: string;
  personMasked: string;
  requestedAt: string;
  requestedByKind: string;
  dueOn: string;
  certificateId: number | null;
}

const REQUEST = sql`r.id::int AS id, r.workplace_id::int AS "workplaceId", w.name AS "workplaceName",
  w.management_no AS "managementNo", r.person_hash AS "personHash",
  COALESCE(p.person_name, '') AS "personName", COALESCE(p.person_masked, '') AS "personMasked",
  r.requested_at::text AS "requestedAt", q.kind AS "requestedByKind", r.due_on::text AS "dueOn",
  r.certificate_id::int AS "certificateId"`;
const REQUEST_FROM = sql`certificate_requests r JOIN workplaces w ON w.id = r.workplace_id
  JOIN accounts q ON q.id = r.requested_by
  LEFT JOIN LATERAL (SELECT e.person_name, e.person_masked FROM insurance_events e
    WHERE e.workplace_id = r.workplace_id AND e.person_hash = r.person_hash ORDER BY e.id DESC LIMIT 1) p ON true`;

/** The open requests of a person at a workplace, oldest first. */
export function openRequestsOf(db: Db, workplaceId: number, personHash: string): Promise<RequestRow[]> {
  return db.query<RequestRow>(
    sql`SELECT ${REQUEST} FROM ${REQUEST_FROM}
        WHERE r.workplace_id = ${workplaceId} AND r.person_hash = ${personHash} AND r.certificate_id IS NULL
        ORDER BY r.due_on, r.id`,
  );
}

/** Every request of a person (open and fulfilled), newest first. */
export function personRequests(db: Db, personHash: string): Promise<RequestRow[]> {
  return db.query<RequestRow>(
    sql`SELECT ${REQUEST} FROM ${REQUEST_FROM} WHERE r.person_hash = ${personHash} ORDER BY r.id DESC LIMIT 100`,
  );
}

/** The open requests at the company's workplaces, by due date. */
export function companyOpenRequests(db: Db, companyId: number): Promise<RequestRow[]> {
  return db.query<RequestRow>(
    sql`SELECT ${REQUEST} FROM ${REQUEST_FROM}
        WHERE w.company_id = ${companyId} AND r.certificate_id IS NULL ORDER BY r.due_on, r.id LIMIT 200`,
  );
}

export interface CentreRequestRow extends RequestRow {
  accountId: number;
  accountName: string;
}

/** The open requests for people verified at this centre (every centre: null), by due date. */
export function centreOpenRequests(db: Db, centre: string | null, dueBefore?: string): Promise<CentreRequestRow[]> {
  return db.query<CentreRequestRow>(
    sql`SELECT ${REQUEST}, a.id::int AS "accountId", a.name AS "accountName"
        FROM ${REQUEST_FROM} JOIN person_verifications v ON v.person_hash = r.person_hash
          JOIN accounts a ON a.id = v.account_id
        WHERE r.certificate_id IS NULL ${centre === null ? sql`` : sql`AND a.centre_code = ${centre}`}
          ${dueBefore === undefined ? sql`` : sql`AND r.due_on < ${dueBefore}`}
        ORDER BY r.due_on, r.id LIMIT 200`,
  );
}

/** A new request; its key is the command's (a repeat finds the row). Returns its id and whether it is new. */
export async function insertRequest(
  db: Db,
  r: { dedupeKey: string; workplaceId: number; personHash: string; requestedBy: number; dueOn: string; at: Date },
): Promise<{ id: number; inserted: boolean }> {
  const [row] = await db.query<{ id: number; inserted: boolean }>(
    sql`WITH ins AS (
          INSERT INTO certificate_requests (dedupe_key, workplace_id, person_hash, requested_by, requested_at, due_on)
          VALUES (${r.dedupeKey}, ${r.workplaceId}, ${r.personHash}, ${r.requestedBy}, ${r.at.toISOString()}, ${r.dueOn})
          ON CONFLICT (dedupe_key) DO NOTHING RETURNING id)
        SELECT id::int AS id, true AS inserted FROM ins
        UNION ALL SELECT id::int, false FROM certificate_requests WHERE dedupe_key = ${r.dedupeKey}
        LIMIT 1`,
  );
  if (!row) throw new Error('certificate request not inserted');
  return row;
}

/** Marks the open requests of the person at the workplace fulfilled by this 이직확인서; their ids. */
export async function fulfilRequests(
  db: Db,
  workplaceId: number,
  personHash: string,
  certificateId: number,
): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    sql`UPDATE certificate_requests SET certificate_id = ${certificateId}
        WHERE workplace_id = ${workplaceId} AND person_hash = ${personHash} AND certificate_id IS NULL
        RETURNING id::int AS id`,
  );
  return rows.map((r) => r.id);
}

/** The accounts that report for a workplace (who is told of a request). */
export async function reporterIds(db: Db, workplaceId: number): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    sql`SELECT account_id::int AS id FROM workplace_reporters WHERE workplace_id = ${workplaceId} ORDER BY account_id`,
  );
  return rows.map((r) => r.id);
}

export const REQUEST_NOTIFICATION = 'insurance.certificate.request';

/** One notification; the same dedupe key again adds nothing. */
export async function notify(
  db: Db,
  n: { accountId: number; title: string; body: string; link: string; dedupeKey: string },
): Promise<void> {
  await db.query(
    sql`INSERT INTO notifications (account_id, kind, title, body, link, dedupe_key)
        VALUES (${n.accountId}, ${REQUEST_NOTIFICATION}, ${n.title}, ${n.body}, ${n.link}, ${n.dedupeKey})
        ON CONFLICT (dedupe_key) DO NOTHING`,
  );
}

export interface NotificationRow extends Record<string, unknown> {
  id: number;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}

/** The account's 이직확인서 request notifications, newest first. */
export function requestNotifications(db: Db, accountId: number): Promise<NotificationRow[]> {
  return db.query<NotificationRow>(
    sql`SELECT id::int AS id, title, body, link, created_at::text AS "createdAt", read_at::text AS "readAt"
        FROM notifications WHERE account_id = ${accountId} AND kind = ${REQUEST_NOTIFICATION}
        ORDER BY id DESC LIMIT 30`,
  );
}
