/**
 * 이력서 and 입사지원: a seeker's resumes, applying to an open posting with one (once per posting),
 * following and withdrawing; an employer's applicants (their own postings only), opened (열람) and moved
 * on. Writes are called inside a command (src/web/commands.ts), so a change and its audit row share the
 * command's transaction through the command-aware database (src/db/commands.ts).
 */
import { randomUUID } from 'node:crypto';
import { atomically, CommandOutcomeUnknownError } from '../db/commands.ts';
import { DatabaseUnavailableError } from '../db/failover.ts';
import type { Database } from '../db/index.ts';
import { type Actor as AuditActor, auditBy } from '../identity/audit.ts';
import type { JobsService } from '../jobs/service.ts';
import { seoulToday } from '../shared/dates.ts';
import { UserError } from '../web/errors.ts';
import { type EmployerStatus, MOVABLE_FROM, WITHDRAWABLE_FROM } from './application-status.ts';
import * as applications from './application-store.ts';
import type { ResumeInput } from './resume.ts';
import * as resumes from './resume-store.ts';

export type { Application } from './application-store.ts';
export type { Resume } from './resume-store.ts';

/** Who is acting, from where (an employer account, with its company): for the audit row. */
export interface Actor extends AuditActor {
  companyId: number | null;
}

export type Posting = NonNullable<Awaited<ReturnType<JobsService['find']>>>;

/**
 * Whether a 입사지원 that failed may go into the journal instead: no database could take it, and it is
 * not one whose COMMIT may have landed (CommandOutcomeUnknownError, answered as not known): journaling
 * that could file it a second time.
 */
export const journalable = (err: unknown): boolean =>
  err instanceof DatabaseUnavailableError && !(err instanceof CommandOutcomeUnknownError);

/** The refusal when no database can take a write and the journal cannot either. */
export const databaseUnavailable = (): Error =>
  new DatabaseUnavailableError('데이터베이스에 연결할 수 없습니다.', 'write');

export function createApplicationService(deps: {
  database: Database;
  jobs: Pick<JobsService, 'find'>;
  now: () => Date;
}) {
  const { database } = deps;
  return {
    ...resumeFunctions(database, deps.now),
    ...seekerApplicationFunctions(database, deps.jobs),
    ...applicantFunctions(database),
  };
}

export type ApplicationService = ReturnType<typeof createApplicationService>;

/** The seeker's own resumes. */
function resumeFunctions(database: Database, now: () => Date) {
  return {
    /** This month (Seoul), the latest a career may end. */
    thisMonth: () => seoulToday(now()).slice(0, 7),

    resumes: (ownerId: number) => resumes.resumesOf(database, ownerId),

    /** The seeker's own resume with this id (from the URL), or 404. */
    async ownResume(ownerId: number, raw: string): Promise<resumes.Resume> {
      const id = Number(raw);
      const resume = Number.isSafeInteger(id) && id > 0 ? await resumes.findResume(database, id) : undefined;
      if (!resume || resume.ownerId !== ownerId) throw new UserError(404, 'NOT_FOUND', '이력서를 찾을 수 없습니다.');
      return resume;
    },

    /** A new resume (id null) or the seeker's own one. */
    saveResume: (ownerId: number, id: number | null, input: ResumeInput) =>
      resumes.saveResume(database, ownerId, id, input),
  };
}

/** Applying, following and withdrawing: the seeker's side. */
function seekerApplicationFunctions(database: Database, jobs: Pick<JobsService, 'find'>) {
  return {
    /** The posting with this 구인인증번호 (from the URL), or 404. */
    async openPosting(wantedAuthNo: string): Promise<Posting> {
      const posting = /^[A-Za-z0-9]{1,40}$/.test(wantedAuthNo) ? await jobs.find(wantedAuthNo) : undefined;
      if (!posting) throw new UserError(404, 'NOT_FOUND', '요청하신 채용공고를 찾을 수 없습니다.');
      return posting;
    },

    /** What the 지원하기 page needs: the seeker's resumes, and their application to this posting if any. */
    async applyForm(applicantId: number, posting: Posting) {
      const [mine, applied] = await Promise.all([
        resumes.resumesOf(database, applicantId),
        applications.applicationTo(database, applicantId, posting.id),
      ]);
      return { resumes: mine, applied };
    },

    /** 입사지원, once per posting and seeker: `created` is false when it was already made. */
    async apply(input: applications.ApplyInput): Promise<{ created: boolean }> {
      const { created } = await applications.apply(database, input);
      return { created };
    },

    applications: (applicantId: number) => applications.applicationsOf(database, applicantId),

    /** The seeker's own application with this id (from the URL), or 404. */
    async ownApplication(applicantId: number, raw: string): Promise<applications.Application> {
      const id = Number(raw);
      const application = Number.isSafeInteger(id) ? await applications.findApplication(database, id) : undefined;
      if (!application || application.applicantId !== applicantId)
        throw new UserError(404, 'NOT_FOUND', '지원 내역을 찾을 수 없습니다.');
      return application;
    },

    /** 지원 취소 (from 접수 or 열람; a repeat changes nothing). */
    async withdraw(application: applications.Application, applicantId: number): Promise<void> {
      await applications.setApplicationStatus(database, {
        id: application.id,
        actorId: applicantId,
        status: 'withdrawn',
        allowedFrom: WITHDRAWABLE_FROM,
      });
    },
  };
}

/** An employer's applicants: opening one (열람) and moving them on, each with its audit row. */
function applicantFunctions(database: Database) {
  const log = (actor: Actor, action: string, applicationId: number, details?: { status: string }, entryId?: string) =>
    auditBy(database, actor, action, {
      target: { type: 'application', id: applicationId },
      ...(details ? { details } : {}),
      ...(entryId ? { entryId } : {}),
    });
  return {
    /** An applicant of the employer's company with this id (from the URL), or 404. */
    async companyApplication(companyId: number | null, raw: string): Promise<applications.Application> {
      const id = Number(raw);
      const application =
        Number.isSafeInteger(id) && id > 0 ? await applications.findApplication(database, id) : undefined;
      // Another company's applicant is answered exactly like one who does not exist.
      if (!application || application.companyId !== companyId || application.status === 'withdrawn')
        throw new UserError(404, 'NOT_FOUND', '지원자를 찾을 수 없습니다.');
      return application;
    },

    /** The employer opens the applicant: a 접수 one becomes 열람 (the seeker sees it), and the view is audited. */
    async view(application: applications.Application, actor: Actor): Promise<applications.Application> {
      // Outside a command (a page view): the 열람 change and its audit row in one transaction.
      const entryId = randomUUID();
      return atomically(database, async () => {
        let seen = application;
        if (
          application.status === 'received' &&
          (await applications.setApplicationStatus(database, {
            id: application.id,
            actorId: actor.id,
            status: 'viewed',
            allowedFrom: ['received'],
          }))
        )
          seen = (await applications.findApplication(database, application.id)) ?? application;
        await log(actor, 'applicant.view', seen.id, undefined, entryId);
        return seen;
      });
    },

    /** The applicant's resume and the application's 진행 기록 (reads only). */
    async applicantResume(application: applications.Application) {
      const resume = await resumes.findResume(database, application.resumeId);
      if (!resume) throw new UserError(404, 'NOT_FOUND', '이력서를 찾을 수 없습니다.');
      const events = await applications.applicationEvents(database, application.id);
      return { resume, events };
    },

    /** 전형 진행: the move and its audit row; false when the applicant was already there (or finished). */
    async move(application: applications.Application, status: EmployerStatus, actor: Actor): Promise<boolean> {
      const moved = await applications.setApplicationStatus(database, {
        id: application.id,
        actorId: actor.id,
        status,
        allowedFrom: MOVABLE_FROM,
      });
      await log(actor, 'applicant.status', application.id, { status });
      return moved;
    },
  };
}
