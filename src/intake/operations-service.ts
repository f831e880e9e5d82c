/**
 * 운영 현황 (/admin/operations): the numbers from the database (every app server's journal, the counters,
 * the replay, moved 실업인정일) with what only this server knows (its journal, its saved pages).
 */
import type { Database } from '../db/index.ts';
import type { PageCache } from '../web/page-cache.ts';
import { operationsNumbers } from './operations-store.ts';
import type { Intake } from './service.ts';

export function createOperationsService(deps: {
  database: Database;
  intake: Intake;
  now: () => Date;
  /** This server's saved pages (counted by kind). */
  pageCache: Pick<PageCache, 'counts'>;
}) {
  return {
    async overview() {
      const numbers = await operationsNumbers(deps.database, deps.now());
      return {
        numbers,
        local: { pending: deps.intake.pendingCount(), saved: deps.pageCache.counts(), journal: deps.intake.journal },
      };
    },
  };
}

export type OperationsService = ReturnType<typeof createOperationsService>;
