/**
 * 기업 서비스: the employer's own postings and their applicants. An employer sees only postings of their
 * own 사업장; another company's posting answers 404, like one that does not exist. The writes are called
 * inside a command (src/web/commands.ts), so a change and its audit row share the command's transaction
 * through the command-aware database (src/db/commands.ts).
 */
import type { Database } from '../db/index.ts';
import { type Actor, auditBy } from '../identity/audit.ts';
import { MOVABLE_FROM } from '../market/application-status.ts';
import type { Application, MarketStore } from '../market/store.ts';
import { UserError } from '../web/errors.ts';
import type { EmployerStatus } from './forms.ts';
import { type OwnPosting, ownPosting, ownPostings } from './store.ts';

export type { Actor, Application, OwnPosting };

export function createEmployerService(deps: { database: Database; market: MarketStore }) {
  const { database, market } = deps;
  return {
    /** The company's latest postings, for the employer's first page. */
    postings(companyId: number | null): Promise<OwnPosting[]> {
      return ownPostings(database, companyId);
    },

    /** One of the company's postings with its applicants, or 404. */
    async postingPage(
      companyId: number | null,
      rawId: string,
    ): Promise<{ posting: OwnPosting; applicants: Application[] }> {
      // The primary: an employer opens this right after saving, and must see what they saved.
      const posting = await ownPosting(database, companyId, rawId);
      if (!posting) throw new UserError(404, 'NOT_FOUND', '요청하신 채용공고를 찾을 수 없습니다.');
      const applicants = await market.applicants(companyId ?? 0, posting.wantedAuthNo);
      return { posting, applicants };
    },

    /**
     * Moves the picked applicants of one posting to a status and audits it once; the outcome sends the
     * employer back to the posting with how many were moved.
     */
    async moveApplicants(
      actor: Actor,
      companyId: number | null,
      rawId: string,
      status: EmployerStatus,
      ids: readonly number[],
    ) {
      const wantedAuthNo = rawId.slice(0, 40);
      // Only applications to this posting of the employer's own company are moved; others are ignored.
      const own = new Set((await market.applicants(companyId ?? 0, wantedAuthNo, 5000)).map((a) => a.id));
      const mine = ids.filter((i) => own.has(i));
      let moved = 0;
      for (const id of mine) if (await market.setStatus(id, actor.id, status, MOVABLE_FROM)) moved++;
      await auditBy(database, actor, 'applicant.bulk-status', {
        target: { type: 'posting', id: wantedAuthNo },
        details: { status, picked: ids.length, moved },
      });
      return {
        redirect: `/employer/postings/${encodeURIComponent(wantedAuthNo)}?moved=${moved}&picked=${mine.length}&to=${status}`,
      };
    },
  };
}

export type EmployerService = ReturnType<typeof createEmployerService>;
