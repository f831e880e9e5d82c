/**
 * Postings close at the end of their 마감일 (Asia/Seoul). Search reads `status = 'open'` only (its
 * indexes are partial on it), so expired postings are closed here: once per day per process, before
 * the first search of the day, and after seeding. The UPDATE is idempotent, so any number of app
 * processes may run it at once.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';

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

/** Runs the closer at most once per day (per process); concurrent callers share one run. */
export function dailyCloser(database: Database): (today: string) => Promise<void> {
  let done: { day: string; run: Promise<void> } | undefined;
  return (today) => {
    if (done?.day !== today) {
      const run = closeExpiredPostings(database, today).then(() => undefined);
      done = { day: today, run };
      run.catch(() => {
        if (done?.run === run) done = undefined;
      });
    }
    return done.run;
  };
}
