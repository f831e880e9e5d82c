/**
 * The rescheduling job (issue 7): for every closed outage of the 실업급여 service — an incident the
 * monitors opened (전체 장애 or 부분 장애) or one an operator declared — reschedules the 실업인정일 that
 * fell in it, once (outage_reschedule_runs), one process at a time (a lease).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { acquireLease, releaseLease } from '../db/leases.ts';
import type { BenefitsService } from './service.ts';

export async function runOutageReschedules(
  database: Database,
  benefits: BenefitsService,
  opts: { holder: string; now: Date },
): Promise<{ skipped: boolean; incidents: number; moved: number; review: number }> {
  if (!(await acquireLease(database, 'outage-reschedule', opts.holder, 300, opts.now)))
    return { skipped: true, incidents: 0, moved: 0, review: 0 };
  try {
    const pending = await database.query<{ id: number; title: string; startedAt: string; resolvedAt: string }>(
      sql`SELECT i.id::int AS id, i.title, i.started_at::text AS "startedAt", i.resolved_at::text AS "resolvedAt"
            FROM incidents i
           WHERE i.resolved_at IS NOT NULL AND 'benefits' = ANY (i.services) AND i.impact IN ('major', 'partial')
             AND NOT EXISTS (SELECT 1 FROM outage_reschedule_runs r WHERE r.incident_id = i.id)
           ORDER BY i.started_at`,
    );
    let moved = 0;
    let review = 0;
    for (const i of pending) {
      const result = await benefits.rescheduleForOutage({
        id: i.id,
        title: i.title,
        from: Date.parse(i.startedAt),
        to: Date.parse(i.resolvedAt),
      });
      await database.query(
        sql`INSERT INTO outage_reschedule_runs (incident_id, at, moved, review)
            VALUES (${i.id}, ${opts.now.toISOString()}, ${result.moved}, ${result.review}) ON CONFLICT DO NOTHING`,
      );
      moved += result.moved;
      review += result.review;
    }
    return { skipped: false, incidents: pending.length, moved, review };
  } finally {
    await releaseLease(database, 'outage-reschedule', opts.holder);
  }
}
