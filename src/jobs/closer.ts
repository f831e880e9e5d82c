/**
 * Postings close at the end of their 마감일 (Asia/Seoul). Search reads `status = 'open'` only (its
 * indexes are partial on it), so expired postings are closed here: once per day per process, before
 * the first search of the day, and after seeding. The UPDATE is idempotent, so any number of app
 * processes may run it at once.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { acquireLease } from '../db/leases.ts';
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
 * The vocabulary is rebuilt by the first process to get there each day (a lease per day): at 1,000,000
 * postings a rebuild takes ~10 s of a core, and two processes rebuilding at once queued behind each
 * other for 17 s while every search slowed (bench:day). If that process dies mid-rebuild, the day keeps
 * the previous day's vocabulary.
 */
async function refreshOncePerDay(database: Database, today: string, holder: string): Promise<void> {
  if (await acquireLease(database, `search-vocabulary:${today}`, holder, 2 * 86_400, new Date()))
    await refreshVocabulary(database);
}

/**
 * Runs the closer at most once per day (per process), then has the search vocabulary (typo help and
 * suggestions, vocabulary.ts) rebuilt from what is open, once a day across processes; concurrent
 * callers share one run. A caller waits
 * at most `maxWaitMs` for it (without a primary, during a failover, reads go on meanwhile); once the
 * day's run has finished, callers do not wait at all.
 */
export function dailyCloser(database: Database, maxWaitMs = 1_000): (today: string) => Promise<void> {
  const holder = randomUUID();
  let current: { day: string; run: Promise<void>; finished: boolean } | undefined;
  return async (today) => {
    if (current?.day !== today) {
      const entry = { day: today, run: Promise.resolve(), finished: false };
      entry.run = closeExpiredPostings(database, today)
        .then(() => refreshOncePerDay(database, today, holder))
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
