/**
 * The job centres the 수급자격 신청 form offers: from the database, else — no database — the list this
 * server last read, kept on its disk (a claim is journaled only for a centre on it, so it can be
 * applied later; a process started during the outage has the list its predecessor saw).
 */
import type { JobCentre } from '../identity/accounts.ts';
import type { Intake } from '../intake/service.ts';
import { isUnavailable, unavailable } from './unavailable.ts';

export function centreChoices(deps: {
  /** The list from the database (the benefits service's `centres`). */
  centres: () => Promise<JobCentre[]>;
  intake?: Pick<Intake, 'recall' | 'remember'>;
  databaseDown?: () => boolean;
}): () => Promise<JobCentre[]> {
  const lastSeen = async (): Promise<JobCentre[]> => (await deps.intake?.recall<JobCentre[]>('centres')) ?? [];
  return async () => {
    if (!deps.databaseDown?.()) {
      try {
        const list = await deps.centres();
        await deps.intake?.remember('centres', list).catch(() => {});
        return list;
      } catch (err) {
        const seen = isUnavailable(err) ? await lastSeen() : [];
        if (seen.length === 0) throw err;
        return seen;
      }
    }
    const seen = await lastSeen();
    if (seen.length === 0) throw unavailable('지금은 데이터베이스에 연결할 수 없어 신청서를 열 수 없습니다.', 'read');
    return seen;
  };
}
