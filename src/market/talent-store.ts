/** 인재검색 and 인재정보 요청 in SQL: public resumes by the seeker's 구직신청, requests and their answers. */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { EDUCATIONS } from '../jobs/codes.ts';
import { escapeLike } from '../jobs/search-plan.ts';
import type { Career } from './resume.ts';

type Db = Pick<Database, 'query' | 'read'>;

export interface TalentFilters {
  occupation: string;
  sido: string;
  education: string;
  minCareer: string;
  q: string;
}

export interface TalentRow extends Record<string, unknown> {
  id: number;
  title: string;
  education: string;
  careers: Career[];
  skills: string;
  ownerName: string;
  occupations: string[] | null;
  regions: string[] | null;
  updatedAt: string;
}

export interface ContactRequest extends Record<string, unknown> {
  id: number;
  status: string;
  createdAt: string;
}

export interface SeekerRequest extends Record<string, unknown> {
  id: number;
  companyName: string;
  resumeTitle: string;
  message: string;
  status: string;
  createdAt: string;
}

/** Public resumes of active accounts matching the filters, newest first (300 at most). */
export function searchPublicResumes(db: Db, f: TalentFilters): Promise<TalentRow[]> {
  const where = [sql`r.is_public`];
  if (/^\d{1,3}$/.test(f.occupation))
    where.push(sql`EXISTS (SELECT 1 FROM unnest(p.occupations) o WHERE o LIKE ${`${f.occupation}%`})`);
  if (/^\d{5}$/.test(f.sido))
    where.push(sql`EXISTS (SELECT 1 FROM unnest(p.regions) g WHERE left(g, 2) = ${f.sido.slice(0, 2)})`);
  if (EDUCATIONS.some((e) => e.code === f.education)) where.push(sql`r.education >= ${f.education}`);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    where.push(
      sql`(r.title ILIKE ${like} OR r.skills ILIKE ${like} OR r.certificates ILIKE ${like} OR r.introduction ILIKE ${like})`,
    );
  }
  return db.read<TalentRow>(
    sql`SELECT r.id::int AS id, r.title, r.education, r.careers, r.skills, a.name AS "ownerName", p.occupations, p.regions,
               r.updated_at::text AS "updatedAt"
        FROM resumes r JOIN accounts a ON a.id = r.owner_id AND a.status = 'active'
        LEFT JOIN job_seeker_profiles p ON p.account_id = r.owner_id
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY r.updated_at DESC, r.id DESC LIMIT 300`,
  );
}

export async function contactRequestOf(
  db: Db,
  resumeId: number,
  companyId: number,
): Promise<ContactRequest | undefined> {
  const [row] = await db.query<ContactRequest>(
    sql`SELECT id::int AS id, status, created_at::text AS "createdAt" FROM contact_requests WHERE resume_id = ${resumeId} AND company_id = ${companyId}`,
  );
  return row;
}

export async function contactOf(
  db: Db,
  accountId: number,
): Promise<{ name: string; email: string | null } | undefined> {
  const [row] = await db.query<{ name: string; email: string | null }>(
    sql`SELECT name, email FROM accounts WHERE id = ${accountId}`,
  );
  return row;
}

/** One request per resume and company: a second one changes nothing. */
export async function insertContactRequest(
  db: Db,
  r: { resumeId: number; companyId: number | null; requestedBy: number; message: string },
): Promise<void> {
  await db.query(
    sql`INSERT INTO contact_requests (resume_id, company_id, requested_by, message)
        VALUES (${r.resumeId}, ${r.companyId}, ${r.requestedBy}, ${r.message}) ON CONFLICT DO NOTHING`,
  );
}

export function requestsForSeeker(db: Db, ownerId: number): Promise<SeekerRequest[]> {
  return db.query<SeekerRequest>(
    sql`SELECT cr.id::int AS id, c.name AS "companyName", r.title AS "resumeTitle", cr.message, cr.status, cr.created_at::text AS "createdAt"
        FROM contact_requests cr JOIN resumes r ON r.id = cr.resume_id JOIN companies c ON c.id = cr.company_id
        WHERE r.owner_id = ${ownerId} ORDER BY cr.created_at DESC`,
  );
}

/** Answers a pending request on one of the owner's resumes; false when there is none such. */
export async function answerContactRequest(
  db: Db,
  a: { id: number; ownerId: number; decision: 'accepted' | 'declined' },
): Promise<boolean> {
  const rows = await db.query<{ id: number }>(
    sql`UPDATE contact_requests cr SET status = ${a.decision}, decided_at = now()
        FROM resumes r WHERE cr.id = ${a.id} AND r.id = cr.resume_id AND r.owner_id = ${a.ownerId}
          AND cr.status = 'pending'
        RETURNING cr.id::int AS id`,
  );
  return rows.length > 0;
}
