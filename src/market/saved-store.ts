/** 관심 채용정보 (saved postings), 저장한 검색 and the site's 알림 in SQL. */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import type { RecommendationCandidate } from './seeker-store.ts';

export interface SavedSearch {
  id: number;
  name: string;
  query: string;
  createdAt: string;
}

export interface Notification {
  id: number;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}

/** Saves a /jobs query; only postings newer than now will be alerted. */
export async function saveSearch(database: Database, accountId: number, name: string, query: string): Promise<number> {
  const [row] = await database.query<{ id: number }>(
    sql`INSERT INTO saved_searches (account_id, name, query, watermark)
        VALUES (${accountId}, ${name}, ${query}, (SELECT COALESCE(max(id), 0) FROM postings)) RETURNING id::int AS id`,
  );
  if (!row) throw new Error('saved search insert returned nothing');
  return row.id;
}

export async function savedSearches(database: Database, accountId: number): Promise<SavedSearch[]> {
  return database.query<SavedSearch & Record<string, unknown>>(
    sql`SELECT id::int AS id, name, query, created_at::text AS "createdAt" FROM saved_searches WHERE account_id = ${accountId} ORDER BY id DESC`,
  );
}

export async function deleteSearch(database: Database, accountId: number, id: number): Promise<void> {
  await database.query(sql`DELETE FROM saved_searches WHERE id = ${id} AND account_id = ${accountId}`);
}

export async function notifications(database: Database, accountId: number): Promise<Notification[]> {
  return database.query<Notification & Record<string, unknown>>(
    sql`SELECT id::int AS id, title, body, link, created_at::text AS "createdAt", read_at::text AS "readAt"
        FROM notifications WHERE account_id = ${accountId} ORDER BY id DESC LIMIT 100`,
  );
}

export async function markNotificationsRead(database: Database, accountId: number): Promise<void> {
  await database.query(
    sql`UPDATE notifications SET read_at = now() WHERE account_id = ${accountId} AND read_at IS NULL`,
  );
}

export async function savePosting(database: Database, accountId: number, postingId: number): Promise<void> {
  await database.query(
    sql`INSERT INTO saved_postings (account_id, posting_id) VALUES (${accountId}, ${postingId}) ON CONFLICT DO NOTHING`,
  );
}

export async function unsavePosting(database: Database, accountId: number, postingId: number): Promise<void> {
  await database.query(sql`DELETE FROM saved_postings WHERE account_id = ${accountId} AND posting_id = ${postingId}`);
}

export async function isSaved(database: Database, accountId: number, postingId: number): Promise<boolean> {
  const rows = await database.query<{ ok: number }>(
    sql`SELECT 1 AS ok FROM saved_postings WHERE account_id = ${accountId} AND posting_id = ${postingId}`,
  );
  return rows.length > 0;
}

/** The seeker's saved postings, newest saved first, with each one's status (open or closed). */
export async function savedPostings(database: Database, accountId: number): Promise<RecommendationCandidate[]> {
  return database.query<RecommendationCandidate>(
    sql`SELECT p.id::int AS id, p.wanted_auth_no AS "wantedAuthNo", p.title, p.company_name AS "companyName", p.jobs_cd AS "jobsCd",
               p.region_cd AS "regionCd", p.wage_monthly AS "wageMonthly", p.sal_tp_cd AS "salTpCd", p.min_sal AS "minSal",
               p.max_sal AS "maxSal", p.career, p.min_career_months AS "minCareerMonths", p.min_edubg AS "minEdubg",
               p.reg_dt::text AS "regDt", p.close_dt::text AS "closeDt", p.status
        FROM saved_postings s JOIN postings p ON p.id = s.posting_id WHERE s.account_id = ${accountId} ORDER BY s.saved_at DESC`,
  );
}

/** The saved-postings, saved-searches and notifications part of the MarketStore (src/market/store.ts). */
export function createSavedStore(database: Database) {
  return {
    saveSearch: (accountId: number, name: string, query: string) => saveSearch(database, accountId, name, query),
    savedSearches: (accountId: number) => savedSearches(database, accountId),
    deleteSearch: (accountId: number, id: number) => deleteSearch(database, accountId, id),
    notifications: (accountId: number) => notifications(database, accountId),
    markNotificationsRead: (accountId: number) => markNotificationsRead(database, accountId),
    savePosting: (accountId: number, postingId: number) => savePosting(database, accountId, postingId),
    unsavePosting: (accountId: number, postingId: number) => unsavePosting(database, accountId, postingId),
    isSaved: (accountId: number, postingId: number) => isSaved(database, accountId, postingId),
    savedPostings: (accountId: number) => savedPostings(database, accountId),
  };
}
