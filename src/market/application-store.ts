/**
 * Applications in SQL. An application is unique per (posting, applicant) and per idempotency key, so a
 * double click, a retry or a burst of the same click files one application. Every status change is also
 * an application event the applicant sees.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { UserError } from '../web/errors.ts';
import type { ApplicationStatus } from './application-status.ts';

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

export interface ApplyInput {
  postingId: number;
  applicantId: number;
  resumeId: number;
  idempotencyKey: string;
}

const APPLICATION_COLUMNS = sql`a.id::int AS id, a.posting_id::int AS "postingId", p.wanted_auth_no AS "wantedAuthNo", p.title,
  p.company_name AS "companyName", p.company_id::int AS "companyId", a.applicant_id::int AS "applicantId", acc.name AS "applicantName",
  a.resume_id::int AS "resumeId", r.title AS "resumeTitle", a.status, a.applied_at::text AS "appliedAt", a.updated_at::text AS "updatedAt"`;
const APPLICATION_FROM = sql`applications a JOIN postings p ON p.id = a.posting_id JOIN accounts acc ON acc.id = a.applicant_id
  JOIN resumes r ON r.id = a.resume_id`;

/**
 * 입사지원, exactly once per posting and applicant. Returns the application and whether this call
 * created it. Refuses a closed posting and someone else's resume.
 */
export async function apply(database: Database, input: ApplyInput): Promise<{ id: number; created: boolean }> {
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
}

export async function applicationsOf(database: Database, applicantId: number): Promise<Application[]> {
  return database.query<Application>(
    sql`SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM} WHERE a.applicant_id = ${applicantId} ORDER BY a.applied_at DESC, a.id DESC`,
  );
}

/** Applications made between two dates (Seoul), for 실업인정 activities. */
export async function applicationsBetween(
  database: Database,
  applicantId: number,
  from: string,
  to: string,
): Promise<Application[]> {
  return database.query<Application>(
    sql`SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM}
        WHERE a.applicant_id = ${applicantId} AND a.status <> 'withdrawn'
          AND (a.applied_at AT TIME ZONE 'Asia/Seoul')::date BETWEEN ${from} AND ${to}
        ORDER BY a.applied_at`,
  );
}

export async function findApplication(database: Database, id: number): Promise<Application | undefined> {
  const [row] = await database.query<Application>(
    sql`SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM} WHERE a.id = ${id}`,
  );
  return row;
}

export async function applicationEvents(
  database: Database,
  applicationId: number,
): Promise<{ at: string; status: ApplicationStatus }[]> {
  return database.query<{ at: string; status: ApplicationStatus }>(
    sql`SELECT at::text AS at, status FROM application_events WHERE application_id = ${applicationId} ORDER BY id`,
  );
}

/** This seeker's application to this posting (withdrawn ones too), if any: one per posting and seeker. */
export async function applicationTo(
  database: Database,
  applicantId: number,
  postingId: number,
): Promise<Application | undefined> {
  const [row] = await database.query<Application>(
    sql`SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM} WHERE a.applicant_id = ${applicantId} AND a.posting_id = ${postingId}`,
  );
  return row;
}

/** Moves an application to a status; returns false when it was already there (or withdrawn). */
export async function setApplicationStatus(
  database: Database,
  move: { id: number; actorId: number; status: ApplicationStatus; allowedFrom: readonly ApplicationStatus[] },
): Promise<boolean> {
  const { id, actorId, status, allowedFrom } = move;
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
}

/** Applicants of one posting of the employer's company (others' postings answer nothing). */
export async function applicantsOf(
  database: Database,
  companyId: number,
  wantedAuthNo: string,
  limit = 200,
): Promise<Application[]> {
  return database.query<Application>(
    sql`SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM}
        WHERE p.wanted_auth_no = ${wantedAuthNo} AND p.company_id = ${companyId} AND a.status <> 'withdrawn'
        ORDER BY a.applied_at DESC NULLS LAST, a.id DESC NULLS LAST LIMIT ${limit}`,
  );
}

/** The application part of the MarketStore (src/market/store.ts). */
export function createApplicationStore(database: Database) {
  return {
    apply: (input: ApplyInput) => apply(database, input),
    applicationsOf: (applicantId: number) => applicationsOf(database, applicantId),
    applicationsBetween: (applicantId: number, from: string, to: string) =>
      applicationsBetween(database, applicantId, from, to),
    application: (id: number) => findApplication(database, id),
    events: (applicationId: number) => applicationEvents(database, applicationId),
    applicationTo: (applicantId: number, postingId: number) => applicationTo(database, applicantId, postingId),
    setStatus: (id: number, actorId: number, status: ApplicationStatus, allowedFrom: readonly ApplicationStatus[]) =>
      setApplicationStatus(database, { id, actorId, status, allowedFrom }),
    applicants: (companyId: number, wantedAuthNo: string, limit?: number) =>
      applicantsOf(database, companyId, wantedAuthNo, limit),
  };
}
