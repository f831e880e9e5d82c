/**
 * Resumes and applications in SQL. An application is unique per (posting, applicant) and per
 * idempotency key, so a double click, a retry or a burst of the same click files one application.
 * Every status change is also an application event the applicant sees.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { UserError } from '../web/errors.ts';
import type { Candidate } from './recommend.ts';
import type { Career, ResumeInput } from './resume.ts';

export interface Resume extends Record<string, unknown> {
  id: number;
  ownerId: number;
  title: string;
  education: string;
  school: string;
  careers: Career[];
  certificates: string;
  skills: string;
  introduction: string;
  isPublic: boolean;
  updatedAt: string;
}

export const APPLICATION_STATUS = {
  received: '접수',
  viewed: '열람',
  passed: '서류합격',
  interview: '면접',
  hired: '합격',
  rejected: '불합격',
  withdrawn: '취소',
} as const;
export type ApplicationStatus = keyof typeof APPLICATION_STATUS;
/** Statuses an employer may set (열람 is set by opening the resume; 취소 only by the applicant). */
export const EMPLOYER_STATUSES = ['passed', 'interview', 'hired', 'rejected'] as const;

export interface Application extends Record<string, unknown> {
  id: number;
  postingId: number;
  wantedAuthNo: string;
  title: string;
  companyName: string;
  companyId: number;
  applicantId: number;
  applicantName: string;
  resumeId: number;
  resumeTitle: string;
  status: ApplicationStatus;
  appliedAt: string;
  updatedAt: string;
}

const RESUME_COLUMNS = sql`id::int AS id, owner_id::int AS "ownerId", title, education, school, careers, certificates, skills,
  introduction, is_public AS "isPublic", updated_at::text AS "updatedAt"`;
const APPLICATION_COLUMNS = sql`a.id::int AS id, a.posting_id::int AS "postingId", p.wanted_auth_no AS "wantedAuthNo", p.title,
  p.company_name AS "companyName", p.company_id::int AS "companyId", a.applicant_id::int AS "applicantId", acc.name AS "applicantName",
  a.resume_id::int AS "resumeId", r.title AS "resumeTitle", a.status, a.applied_at::text AS "appliedAt", a.updated_at::text AS "updatedAt"`;
const APPLICATION_FROM = sql`applications a JOIN postings p ON p.id = a.posting_id JOIN accounts acc ON acc.id = a.applicant_id
  JOIN resumes r ON r.id = a.resume_id`;

export interface SeekerProfile extends Record<string, unknown> {
  occupations: string[];
  regions: string[];
  wageMonthly: number;
  empType: string;
  availableFrom: string | null;
}

export interface RecommendationCandidate extends Candidate, Record<string, unknown> {
  title: string;
  companyName: string;
  salTpCd: string;
  minSal: number;
  maxSal: number;
  closeDt: string | null;
}

export function createMarketStore(database: Database) {
  return {
    async profile(accountId: number): Promise<SeekerProfile | undefined> {
      const [row] = await database.query<SeekerProfile>(
        sql`SELECT occupations, regions, wage_monthly AS "wageMonthly", emp_type AS "empType", available_from::text AS "availableFrom"
            FROM job_seeker_profiles WHERE account_id = ${accountId}`,
      );
      return row;
    },

    async saveProfile(accountId: number, p: SeekerProfile): Promise<void> {
      const occupations = sql`ARRAY[${sql.join(
        p.occupations.map((o) => sql`${o}`),
        sql`, `,
      )}]::text[]`;
      const regions = sql`ARRAY[${sql.join(
        p.regions.map((r) => sql`${r}`),
        sql`, `,
      )}]::text[]`;
      await database.query(
        sql`INSERT INTO job_seeker_profiles (account_id, occupations, regions, wage_monthly, emp_type, available_from, alert_watermark)
            VALUES (${accountId}, ${occupations}, ${regions}, ${p.wageMonthly}, ${p.empType}, ${p.availableFrom},
                    (SELECT COALESCE(max(id), 0) FROM postings))
            ON CONFLICT (account_id) DO UPDATE SET occupations = excluded.occupations, regions = excluded.regions,
              wage_monthly = excluded.wage_monthly, emp_type = excluded.emp_type, available_from = excluded.available_from,
              updated_at = now()`,
      );
    },

    /** Open postings carrying one of each set of facet keys, newest first, through the facet GIN index. */
    async candidates(
      keys: { occupations: string[]; regions: string[] },
      empType: string,
      limit = 300,
    ): Promise<RecommendationCandidate[]> {
      const arr = (xs: string[]) =>
        sql`ARRAY[${sql.join(
          xs.map((x) => sql`${x}`),
          sql`, `,
        )}]::text[]`;
      return database.readWithSettings<RecommendationCandidate>(
        { max_parallel_workers_per_gather: '0', work_mem: '32MB' },
        sql`SELECT p.id::int AS id, p.wanted_auth_no AS "wantedAuthNo", p.title, p.company_name AS "companyName", p.jobs_cd AS "jobsCd",
                   p.region_cd AS "regionCd", p.wage_monthly AS "wageMonthly", p.sal_tp_cd AS "salTpCd", p.min_sal AS "minSal",
                   p.max_sal AS "maxSal", p.career, p.min_career_months AS "minCareerMonths", p.min_edubg AS "minEdubg",
                   p.reg_dt::text AS "regDt", p.close_dt::text AS "closeDt"
            FROM postings p
            WHERE p.status = 'open' AND p.keys && ${arr(keys.occupations)} AND p.keys && ${arr(keys.regions)}
              ${empType ? sql`AND p.emp_tp_cd = ${empType}` : sql``}
            ORDER BY p.reg_dt DESC, p.id DESC LIMIT ${limit}`,
      );
    },

    /**
     * Candidates for 맞춤 채용정보: first the wished 소분류 in the wished 시도 (narrow, fast); only
     * when that finds few, the wider 중분류 with neighbouring 시도 too.
     */
    async recommendationCandidates(
      narrow: { occupations: string[]; regions: string[] },
      wide: { occupations: string[]; regions: string[] },
      empType: string,
    ): Promise<RecommendationCandidate[]> {
      const first = await this.candidates(narrow, empType, 300);
      if (first.length >= 60) return first;
      const more = await this.candidates(wide, empType, 300);
      const seen = new Set(first.map((c) => c.id));
      return [...first, ...more.filter((c) => !seen.has(c.id))];
    },

    /** Saves a /jobs query; only postings newer than now will be alerted. */
    async saveSearch(accountId: number, name: string, query: string): Promise<number> {
      const [row] = await database.query<{ id: number }>(
        sql`INSERT INTO saved_searches (account_id, name, query, watermark)
            VALUES (${accountId}, ${name}, ${query}, (SELECT COALESCE(max(id), 0) FROM postings)) RETURNING id::int AS id`,
      );
      if (!row) throw new Error('saved search insert returned nothing');
      return row.id;
    },

    async savedSearches(accountId: number): Promise<{ id: number; name: string; query: string; createdAt: string }[]> {
      return database.query<{ id: number; name: string; query: string; createdAt: string }>(
        sql`SELECT id::int AS id, name, query, created_at::text AS "createdAt" FROM saved_searches WHERE account_id = ${accountId} ORDER BY id DESC`,
      );
    },

    async deleteSearch(accountId: number, id: number): Promise<void> {
      await database.query(sql`DELETE FROM saved_searches WHERE id = ${id} AND account_id = ${accountId}`);
    },

    async notifications(
      accountId: number,
    ): Promise<{ id: number; title: string; body: string; link: string; createdAt: string; readAt: string | null }[]> {
      return database.query<{
        id: number;
        title: string;
        body: string;
        link: string;
        createdAt: string;
        readAt: string | null;
      }>(
        sql`SELECT id::int AS id, title, body, link, created_at::text AS "createdAt", read_at::text AS "readAt"
            FROM notifications WHERE account_id = ${accountId} ORDER BY id DESC LIMIT 100`,
      );
    },

    async markNotificationsRead(accountId: number): Promise<void> {
      await database.query(
        sql`UPDATE notifications SET read_at = now() WHERE account_id = ${accountId} AND read_at IS NULL`,
      );
    },

    async savePosting(accountId: number, postingId: number): Promise<void> {
      await database.query(
        sql`INSERT INTO saved_postings (account_id, posting_id) VALUES (${accountId}, ${postingId}) ON CONFLICT DO NOTHING`,
      );
    },

    async unsavePosting(accountId: number, postingId: number): Promise<void> {
      await database.query(
        sql`DELETE FROM saved_postings WHERE account_id = ${accountId} AND posting_id = ${postingId}`,
      );
    },

    async isSaved(accountId: number, postingId: number): Promise<boolean> {
      const rows = await database.query<{ ok: number }>(
        sql`SELECT 1 AS ok FROM saved_postings WHERE account_id = ${accountId} AND posting_id = ${postingId}`,
      );
      return rows.length > 0;
    },

    async savedPostings(accountId: number): Promise<RecommendationCandidate[]> {
      return database.query<RecommendationCandidate>(
        sql`SELECT p.id::int AS id, p.wanted_auth_no AS "wantedAuthNo", p.title, p.company_name AS "companyName", p.jobs_cd AS "jobsCd",
                   p.region_cd AS "regionCd", p.wage_monthly AS "wageMonthly", p.sal_tp_cd AS "salTpCd", p.min_sal AS "minSal",
                   p.max_sal AS "maxSal", p.career, p.min_career_months AS "minCareerMonths", p.min_edubg AS "minEdubg",
                   p.reg_dt::text AS "regDt", p.close_dt::text AS "closeDt", p.status
            FROM saved_postings s JOIN postings p ON p.id = s.posting_id WHERE s.account_id = ${accountId} ORDER BY s.saved_at DESC`,
      );
    },

    async resumesOf(ownerId: number): Promise<Resume[]> {
      return database.query<Resume>(
        sql`SELECT ${RESUME_COLUMNS} FROM resumes WHERE owner_id = ${ownerId} ORDER BY updated_at DESC`,
      );
    },

    async resume(id: number): Promise<Resume | undefined> {
      const [row] = await database.query<Resume>(sql`SELECT ${RESUME_COLUMNS} FROM resumes WHERE id = ${id}`);
      return row;
    },

    async saveResume(ownerId: number, id: number | null, input: ResumeInput): Promise<number> {
      const careers = JSON.stringify(input.careers);
      if (id === null) {
        const [row] = await database.query<{ id: number }>(
          sql`INSERT INTO resumes (owner_id, title, education, school, careers, certificates, skills, introduction, is_public)
              VALUES (${ownerId}, ${input.title}, ${input.education}, ${input.school}, ${careers}::jsonb, ${input.certificates},
                      ${input.skills}, ${input.introduction}, ${input.isPublic})
              RETURNING id::int AS id`,
        );
        if (!row) throw new Error('resume insert returned nothing');
        return row.id;
      }
      const [row] = await database.query<{ id: number }>(
        sql`UPDATE resumes SET title = ${input.title}, education = ${input.education}, school = ${input.school},
              careers = ${careers}::jsonb, certificates = ${input.certificates}, skills = ${input.skills},
              introduction = ${input.introduction}, is_public = ${input.isPublic}, updated_at = now()
            WHERE id = ${id} AND owner_id = ${ownerId} RETURNING id::int AS id`,
      );
      if (!row) throw new UserError(404, 'NOT_FOUND', '이력서를 찾을 수 없습니다.');
      return row.id;
    },

    /**
     * 입사지원, exactly once per posting and applicant. Returns the application and whether this call
     * created it. Refuses a closed posting and someone else's resume.
     */
    async apply(input: {
      postingId: number;
      applicantId: number;
      resumeId: number;
      idempotencyKey: string;
    }): Promise<{ id: number; created: boolean }> {
      return database.transaction(async (tx) => {
        const [resume] = await tx.query<{ ownerId: number }>(
          sql`SELECT owner_id::int AS "ownerId" FROM resumes WHERE id = ${input.resumeId}`,
        );
        if (!resume || resume.ownerId !== input.applicantId)
          throw new UserError(422, 'BAD_RESUME', '지원할 이력서를 다시 골라 주세요.', {
            resumeId: '지원할 이력서를 골라 주세요.',
          });
        const [posting] = await tx.query<{ status: string }>(
          sql`SELECT status FROM postings WHERE id = ${input.postingId}`,
        );
        if (!posting) throw new UserError(404, 'NOT_FOUND', '채용공고를 찾을 수 없습니다.');
        const [inserted] = await tx.query<{ id: number }>(
          sql`INSERT INTO applications (posting_id, applicant_id, resume_id, idempotency_key)
              SELECT ${input.postingId}, ${input.applicantId}, ${input.resumeId}, ${input.idempotencyKey}
              WHERE ${posting.status} = 'open'
              ON CONFLICT DO NOTHING
              RETURNING id::int AS id`,
        );
        if (inserted) {
          await tx.query(
            sql`INSERT INTO application_events (application_id, actor_id, status) VALUES (${inserted.id}, ${input.applicantId}, 'received')`,
          );
          return { id: inserted.id, created: true };
        }
        const [existing] = await tx.query<{ id: number }>(
          sql`SELECT id::int AS id FROM applications
              WHERE (posting_id = ${input.postingId} AND applicant_id = ${input.applicantId}) OR idempotency_key = ${input.idempotencyKey}
              ORDER BY (applicant_id = ${input.applicantId}) DESC LIMIT 1`,
        );
        if (existing) return { id: existing.id, created: false };
        throw new UserError(409, 'CLOSED', '마감된 채용공고에는 지원할 수 없습니다.');
      });
    },

    async applicationsOf(applicantId: number): Promise<Application[]> {
      return database.query<Application>(
        sql`SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM} WHERE a.applicant_id = ${applicantId} ORDER BY a.applied_at DESC, a.id DESC`,
      );
    },

    /** Applications made between two dates (Seoul), for 실업인정 activities. */
    async applicationsBetween(applicantId: number, from: string, to: string): Promise<Application[]> {
      return database.query<Application>(
        sql`SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM}
            WHERE a.applicant_id = ${applicantId} AND a.status <> 'withdrawn'
              AND (a.applied_at AT TIME ZONE 'Asia/Seoul')::date BETWEEN ${from} AND ${to}
            ORDER BY a.applied_at`,
      );
    },

    async application(id: number): Promise<Application | undefined> {
      const [row] = await database.query<Application>(
        sql`SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM} WHERE a.id = ${id}`,
      );
      return row;
    },

    async events(applicationId: number): Promise<{ at: string; status: ApplicationStatus }[]> {
      return database.query<{ at: string; status: ApplicationStatus }>(
        sql`SELECT at::text AS at, status FROM application_events WHERE application_id = ${applicationId} ORDER BY id`,
      );
    },

    /** This seeker's application to this posting (withdrawn ones too), if any: one per posting and seeker. */
    async applicationTo(applicantId: number, postingId: number): Promise<Application | undefined> {
      const [row] = await database.query<Application>(
        sql`SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM} WHERE a.applicant_id = ${applicantId} AND a.posting_id = ${postingId}`,
      );
      return row;
    },

    /** Moves an application to a status; returns false when it was already there (or withdrawn). */
    async setStatus(
      id: number,
      actorId: number,
      status: ApplicationStatus,
      allowedFrom: readonly ApplicationStatus[],
    ): Promise<boolean> {
      return database.transaction(async (tx) => {
        const [row] = await tx.query<{ id: number }>(
          sql`UPDATE applications SET status = ${status}, updated_at = now()
              WHERE id = ${id} AND status <> ${status} AND status IN (${sql.join(
                allowedFrom.map((s) => sql`${s}`),
                sql`, `,
              )})
              RETURNING id::int AS id`,
        );
        if (!row) return false;
        await tx.query(
          sql`INSERT INTO application_events (application_id, actor_id, status) VALUES (${id}, ${actorId}, ${status})`,
        );
        return true;
      });
    },

    /** Applicants of one posting of the employer's company (others' postings answer nothing). */
    async applicants(companyId: number, wantedAuthNo: string, limit = 200): Promise<Application[]> {
      return database.query<Application>(
        sql`SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM}
            WHERE p.wanted_auth_no = ${wantedAuthNo} AND p.company_id = ${companyId} AND a.status <> 'withdrawn'
            ORDER BY a.applied_at DESC NULLS LAST, a.id DESC NULLS LAST LIMIT ${limit}`,
      );
    },
  };
}

export type MarketStore = ReturnType<typeof createMarketStore>;
