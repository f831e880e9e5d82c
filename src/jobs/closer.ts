/**
 * Postings close at the end of their 마감일 (Asia/Seoul). Search reads `status = 'open'` only (its
 * indexes are partial on it), so expired postings are closed here: once per day per process, before
 * the first search of the day, and after seeding. The UPDATE is idempotent, so any number of app
 * processes may run it at once.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { refreshVocabulary } from './vocabulary.ts';

/** Closes open postings whose 마감일 is before `today`; returns how many it closed. */
export async function closeExpiredPostings(database: Database, today: string): Promise<number> {
  const rows = await database.query<{ n: number }>(
    sql`WITH closed AS (
      UPDATE postings SET status = 'closed', updated_at = now()
      WHERE status = 'open' AND close_dt < ${today}::date
      RETURNING 1
    ) SELECT count(*)::int AS n FROM closed`,
  );
  return rows[0]?.n ?? 0;
}

/**
 * Runs the closer at most once per day (per process), then rebuilds the search vocabulary (typo help
 * and suggestions, vocabulary.ts) from what is open; concurrent callers share one run. A caller waits
 * at most `maxWaitMs` for it (without a primary, during a failover, reads go on meanwhile); once the
 * day's run has finished, callers do not wait at all.
 */
export function dailyCloser(database: Database, maxWaitMs = 1_000): (today: string) => Promise<void> {
  let current: { day: string; run: Promise<void>; finished: boolean } | undefined;
  return async (today) => {
    if (current?.day !== today) {
      const entry = { day: today, run: Promise.resolve(), finished: false };
      entry.run = closeExpiredPostings(database, today)
        .then(() => refreshVocabulary(database))
        .then(
          () => {
            entry.finished = true;
          },
          () => {
            if (current === entry) current = undefined; // try again on the next call
          },
        );
      current = entry;
    }
    if (current.finished) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([current.run, new Promise<void>((r) => (timer = setTimeout(r, maxWaitMs)))]);
    clearTimeout(timer);
  };
}
