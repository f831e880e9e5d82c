/**
 * What a process taking over the status leader's lease reads first: it marks the gaps nobody watched,
 * then learns what is recorded (each subject's open interval), the automatic incidents still open, and
 * when the database component was last observed (what the previous leader saw is recorded already).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import type { LiveState } from './model.ts';

/**
 * When nobody watched for longer than `staleMs` (every process was down), the open intervals end at the
 * last observation and 자료 없음 follows: an unobserved gap is never counted as up or down.
 */
export async function markGaps(database: Database, now: Date, staleMs: number): Promise<number> {
  const cutoff = new Date(now.getTime() - staleMs).toISOString();
  return database.transaction(async (tx) => {
    const stale = await tx.query<{ id: number; subject: string; observedAt: string }>(
      sql`SELECT i.id, i.subject, o.observed_at::text AS "observedAt"
            FROM status_intervals i JOIN status_observed o ON o.subject = i.subject
           WHERE i.ended_at IS NULL AND i.state <> 'nodata' AND o.observed_at < ${cutoff}
             AND o.observed_at > i.started_at
           FOR UPDATE OF i`,
    );
    for (const s of stale) {
      await tx.query(sql`UPDATE status_intervals SET ended_at = ${s.observedAt} WHERE id = ${s.id}`);
      await tx.query(
        sql`INSERT INTO status_intervals (subject, state, started_at, detail)
            VALUES (${s.subject}, 'nodata', ${s.observedAt}, '감시 공백: 상태를 확인한 프로세스가 없었음')`,
      );
    }
    return stale.length;
  });
}

export async function openAutoIncidents(
  database: Database,
): Promise<{ key: string; component: string; impact: LiveState }[]> {
  return database.query(
    sql`SELECT dedupe_key AS key, component, impact FROM incidents WHERE resolved_at IS NULL AND automatic ORDER BY id`,
  );
}

export async function takeOver(
  database: Database,
  now: Date,
  staleMs: number,
): Promise<{
  recorded: Map<string, string>;
  open: { key: string; component: string; impact: LiveState }[];
  databaseObservedAt: number;
}> {
  await markGaps(database, now, staleMs);
  const intervals = await database.query<{ subject: string; state: string }>(
    sql`SELECT subject, state FROM status_intervals WHERE ended_at IS NULL`,
  );
  const open = await openAutoIncidents(database);
  const [observed] = await database.query<{ at: string }>(
    sql`SELECT observed_at::text AS at FROM status_observed WHERE subject = 'component:database'`,
  );
  return {
    recorded: new Map(intervals.map((o) => [o.subject, o.state])),
    open,
    databaseObservedAt: observed ? Date.parse(observed.at) : 0,
  };
}
