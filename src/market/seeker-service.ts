/**
 * 구직신청 (what a seeker looks for), 맞춤 채용정보 (postings ranked by fit, with reasons), 관심 채용정보
 * (saved postings), 저장한 검색 and 알림. Writes are called inside a command (src/web/commands.ts).
 */
import type { Database } from '../db/index.ts';
import { findPosting } from '../jobs/search.ts';
import type { JobsService } from '../jobs/service.ts';
import { UserError } from '../web/errors.ts';
import { candidateKeys, narrowKeys, recommend } from './recommend.ts';
import { careerMonths } from './resume.ts';
import { resumesOf } from './resume-store.ts';
import * as saved from './saved-store.ts';
import * as seeker from './seeker-store.ts';

export function createSeekerService(deps: { database: Database; jobs: Pick<JobsService, 'today'> }) {
  const { database, jobs } = deps;
  return {
    profile: (accountId: number) => seeker.findProfile(database, accountId),
    saveProfile: (accountId: number, profile: seeker.SeekerProfile) => seeker.saveProfile(database, accountId, profile),

    /**
     * 맞춤 채용정보: up to 20 open postings ranked by fit with the 구직신청 (and the newest resume's
     * 경력 and 학력), or no profile when the seeker has not made a 구직신청 yet.
     */
    async recommendations(accountId: number) {
      const profile = await seeker.findProfile(database, accountId);
      if (!profile) return undefined;
      const today = jobs.today();
      const [resume] = await resumesOf(database, accountId);
      const wishes = {
        occupations: profile.occupations,
        regions: profile.regions,
        wageMonthly: profile.wageMonthly,
        careerMonths: resume ? careerMonths(resume.careers, today.slice(0, 7)) : 0,
        // Without a resume the education is unknown: no posting is ruled out for it.
        education: resume?.education ?? '99',
      };
      const candidates = await seeker.recommendationCandidates(
        database,
        narrowKeys(wishes),
        candidateKeys(wishes),
        profile.empType,
      );
      return { profile, hasResume: resume !== undefined, ranked: recommend(wishes, candidates, today, 20) };
    },

    /** The posting with this 구인인증번호 (from the URL), read from the primary, or 404. */
    async posting(wantedAuthNo: string) {
      const posting = /^[A-Za-z0-9]{1,40}$/.test(wantedAuthNo)
        ? await findPosting(database, wantedAuthNo, { primary: true })
        : undefined;
      if (!posting) throw new UserError(404, 'NOT_FOUND', '요청하신 채용공고를 찾을 수 없습니다.');
      return posting;
    },
    /** Whether the seeker keeps the posting in 관심 채용정보 (for its page's button). */
    isSaved: (accountId: number, postingId: number) => saved.isSaved(database, accountId, postingId),
    savePosting: (accountId: number, postingId: number) => saved.savePosting(database, accountId, postingId),
    unsavePosting: (accountId: number, postingId: number) => saved.unsavePosting(database, accountId, postingId),
    savedPostings: (accountId: number) => saved.savedPostings(database, accountId),

    saveSearch: (accountId: number, search: { name: string; query: string }) =>
      saved.saveSearch(database, accountId, search.name, search.query),
    savedSearches: (accountId: number) => saved.savedSearches(database, accountId),
    deleteSearch: (accountId: number, id: number) => saved.deleteSearch(database, accountId, id),

    notifications: (accountId: number) => saved.notifications(database, accountId),
    markNotificationsRead: (accountId: number) => saved.markNotificationsRead(database, accountId),
  };
}

export type SeekerService = ReturnType<typeof createSeekerService>;
