/**
 * 인재검색 and 인재정보 요청: employers find public resumes only and see no name or contact until the
 * seeker accepts; a private resume answers like one that does not exist. A request and its audit row are
 * written in the command's one transaction.
 */
import type { Database } from '../db/index.ts';
import type { AccountKind } from '../identity/accounts.ts';
import { audit } from '../identity/audit.ts';
import { maskPersonalNumbers } from '../identity/rules.ts';
import { UserError } from '../web/errors.ts';
import { careerMonths } from './resume.ts';
import type { MarketStore, Resume } from './store.ts';
import * as store from './talent-store.ts';

export type { Resume } from './store.ts';

export function createTalentService(deps: { database: Database; market: MarketStore; today: () => string }) {
  const { database, market } = deps;
  const thisMonth = () => deps.today().slice(0, 7);
  return {
    thisMonth,

    /** Up to 50 public resumes matching the filters, 경력 counted to this month. */
    async search(f: store.TalentFilters): Promise<store.TalentRow[]> {
      const rows = await store.searchPublicResumes(database, f);
      const minCareer = Number(f.minCareer) || 0;
      return rows.filter((r) => careerMonths(r.careers, thisMonth()) >= minCareer).slice(0, 50);
    },

    /** A public resume for an employer, or 404 (a private one is answered like one that does not exist). */
    async publicResume(raw: string): Promise<Resume> {
      const id = Number(raw);
      const resume = Number.isSafeInteger(id) && id > 0 ? await market.resume(id) : undefined;
      if (!resume?.isPublic) throw new UserError(404, 'NOT_FOUND', '이력서를 찾을 수 없습니다.');
      return resume;
    },

    /** What the employer's company asked of this resume, and the seeker's name and e-mail (shown once accepted). */
    async contact(resume: Resume, companyId: number) {
      const [existing, owner] = await Promise.all([
        store.contactRequestOf(database, resume.id, companyId),
        store.contactOf(database, resume.ownerId),
      ]);
      return { existing, owner };
    },

    async requestContact(
      resume: Resume,
      me: { id: number; kind: AccountKind; companyId: number | null },
      message: string,
      client: { ip: string; userAgent: string },
    ): Promise<void> {
      await store.insertContactRequest(database, {
        resumeId: resume.id,
        companyId: me.companyId,
        requestedBy: me.id,
        message: maskPersonalNumbers(message),
      });
      await audit(database, {
        actor: { id: me.id, kind: me.kind },
        action: 'talent.request',
        outcome: 'success',
        target: { type: 'resume', id: resume.id },
        ...client,
      });
    },

    requests: (ownerId: number) => store.requestsForSeeker(database, ownerId),

    /** 404 (rolled back) when the request is not a pending one on the seeker's own resume. */
    async answer(raw: string, ownerId: number, decision: 'accepted' | 'declined'): Promise<void> {
      const id = Number(raw);
      const answered = await store.answerContactRequest(database, {
        id: Number.isSafeInteger(id) ? id : 0,
        ownerId,
        decision,
      });
      if (!answered) throw new UserError(404, 'NOT_FOUND', '요청을 찾을 수 없습니다.');
    },
  };
}

export type TalentService = ReturnType<typeof createTalentService>;
