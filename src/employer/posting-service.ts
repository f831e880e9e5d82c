/**
 * 채용공고 관리 for employers: the company a posting is registered for, the employer's own posting (any
 * other answers 404), and the writes — register, edit, pause, reopen, close, re-post — each with its
 * audit row. The writes are called inside a command (src/web/commands.ts), so a change and its audit
 * share the command's transaction through the command-aware database (src/db/commands.ts).
 */
import type { Database } from '../db/index.ts';
import { type Actor, auditBy } from '../identity/audit.ts';
import type { NewPosting } from '../jobs/posting.ts';
import { findPosting, type PostingDetail } from '../jobs/search.ts';
import { insertOnePosting, setPostingStatus, updatePostingContent } from '../jobs/store.ts';
import { UserError } from '../web/errors.ts';
import { type PostingContent, parsePostingForm } from './posting-form.ts';
import { DEADLINE_PASSED, type PostingStatus, postingNumber, reopenRefused, repostForm } from './postings.ts';
import { companyOf } from './store.ts';

export type { PostingDetail };

/** The company a posting is registered for: its name, 사업자등록번호 and 업종. */
export interface PostingCompany {
  id: number;
  name: string;
  busino: string;
  indTpNm: string;
}

type Deps = { database: Database; today: () => string };

const deadlinePassed = () => new UserError(409, 'DEADLINE_PASSED', DEADLINE_PASSED);

/** The audit row of an action on a posting. */
const log = (
  database: Database,
  actor: Actor,
  action: string,
  wantedAuthNo: string,
  details?: Record<string, string>,
) =>
  auditBy(database, actor, action, { target: { type: 'posting', id: wantedAuthNo }, ...(details ? { details } : {}) });

export function createPostingService(deps: Deps) {
  return { today: deps.today, ...postingReads(deps), ...postingWrites(deps) };
}

/** What the routes check before a write: the company, the own posting, a status move, a re-post's copy. */
function postingReads(deps: Deps) {
  const { database, today } = deps;
  return {
    /** The employer's company, or 403 for an employer account without one. */
    async company(companyId: number | null): Promise<PostingCompany> {
      const company = await companyOf(database, companyId);
      if (!company) throw new UserError(403, 'NO_COMPANY', '사업장이 없는 기업회원 계정입니다.');
      return company;
    },

    /** The employer's own posting, or 404. */
    async own(companyId: number | null, wantedAuthNo: string): Promise<PostingDetail> {
      const posting = /^[A-Za-z0-9]{1,40}$/.test(wantedAuthNo)
        ? await findPosting(database, wantedAuthNo, { primary: true })
        : undefined;
      if (!posting || posting.companyId !== companyId)
        throw new UserError(404, 'NOT_FOUND', '요청하신 채용공고를 찾을 수 없습니다.');
      return posting;
    },

    /** Refuses (409) reopening a posting whose deadline has passed; checked before the command. */
    checkStatus(posting: PostingDetail, status: PostingStatus): void {
      if (reopenRefused(status, posting.closeDt, today())) throw deadlinePassed();
    },

    /**
     * The copy a 다시 올리기 would register, checked by today's rules: an old posting that no longer
     * passes them (e.g. a raised minimum wage) is answered with the form to fix it first.
     */
    repostCopy(posting: PostingDetail) {
      return parsePostingForm(repostForm(posting as unknown as PostingContent & { regDt: string }, today()), today());
    },
  };
}

/** The writes, each with its audit row; run inside the route's command. */
function postingWrites(deps: Deps) {
  const { database, today } = deps;
  return {
    /**
     * Stores a new posting of the company once per form key (a repeat finds the first) and audits it.
     * Runs inside the route's command.
     */
    async register(
      actor: Actor,
      company: PostingCompany,
      content: PostingContent,
      key: string,
      action: 'posting.create' | 'posting.repost',
      details?: Record<string, string>,
    ) {
      const posting: NewPosting = {
        ...content,
        wantedAuthNo: postingNumber(company.id, key, today()),
        company: company.name,
        busino: company.busino,
        indTpNm: company.indTpNm,
        regDt: today(),
      };
      const { created } = await insertOnePosting(database, posting, company.id, today());
      if (created) await log(database, actor, action, posting.wantedAuthNo, details);
      return { wantedAuthNo: posting.wantedAuthNo, created };
    },

    /** Saves the edited content of the employer's posting (its number, company and 등록일 stay) and audits it. */
    async edit(actor: Actor, company: PostingCompany, posting: PostingDetail, content: PostingContent) {
      await updatePostingContent(
        database,
        {
          ...content,
          wantedAuthNo: posting.wantedAuthNo,
          company: company.name,
          busino: company.busino,
          indTpNm: company.indTpNm,
          regDt: posting.regDt,
        },
        company.id,
        today(),
      );
      await log(database, actor, 'posting.edit', posting.wantedAuthNo);
      return { redirect: `/employer/postings/${posting.wantedAuthNo}?saved=1` };
    },

    /** Moves the employer's posting to 접수 중, 일시 중지 or 마감 and audits it. */
    async setStatus(actor: Actor, company: PostingCompany, posting: PostingDetail, status: PostingStatus) {
      const changed = await setPostingStatus(database, posting.wantedAuthNo, company.id, status, today());
      // The deadline passed between the check before the command and now (midnight).
      if (!changed) throw deadlinePassed();
      await log(database, actor, `posting.${status}`, posting.wantedAuthNo);
      return { redirect: `/employer/postings/${posting.wantedAuthNo}?status=${status}` };
    },
  };
}

export type PostingService = ReturnType<typeof createPostingService>;
