/**
 * The rescheduling job (issue 7): for every closed outage of the 실업급여 service — an incident the
 * monitors opened (전체 장애 or 부분 장애) or one an operator declared — and every offline window a
 * job-centre counter reported, reschedules the 실업인정일 that fell in it (a counter's window: only
 * claims of its centre), once (outage_reschedule_runs; counter_outages.rescheduled_at), one process at
 * a time (a lease).
 *
 * Several counters of one centre usually lose the server together: a counter's window is widened to
 * the centre's reported windows that overlap it, so whichever is taken first moves the date past all
 * of them and the others find nothing left to move (the claimant is moved and told once).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { acquireLease, releaseLease } from '../db/leases.ts';
import type { BenefitsService } from './service.ts';

export async function runOutageReschedules(
  database: Database,
  benefits: BenefitsService,
  opts: { holder: string; now: Date },
): Promise<{ skipped: boolean; incidents: number; counters: number; moved: number; review: number }> {
  if (!(await acquireLease(database, 'outage-reschedule', opts.holder, 300, opts.now)))
    return { skipped: true, incidents: 0, counters: 0, moved: 0, review: 0 };
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
        source: { kind: 'incident', id: i.id },
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
    const counters = await database.query<{
      id: number;
      centreCode: string;
      centre: string;
      fromAt: string;
      toAt: string;
    }>(
      sql`SELECT o.id::int AS id, o.centre_code AS "centreCode", j.name AS centre,
                 (SELECT min(x.from_at) FROM counter_outages x
                   WHERE x.centre_code = o.centre_code AND x.from_at <= o.to_at AND x.to_at >= o.from_at)::text AS "fromAt",
                 (SELECT max(x.to_at) FROM counter_outages x
                   WHERE x.centre_code = o.centre_code AND x.from_at <= o.to_at AND x.to_at >= o.from_at)::text AS "toAt"
            FROM counter_outages o JOIN job_centres j ON j.code = o.centre_code
           WHERE o.rescheduled_at IS NULL
           ORDER BY o.from_at, o.id`,
    );
    for (const o of counters) {
      const result = await benefits.rescheduleForOutage({
        source: { kind: 'counter', id: o.id, centreCode: o.centreCode },
        title: `${o.centre} 창구 전산 중단`,
        from: Date.parse(o.fromAt),
        to: Date.parse(o.toAt),
      });
      await database.query(
        sql`UPDATE counter_outages SET rescheduled_at = ${opts.now.toISOString()} WHERE id = ${o.id}`,
      );
      moved += result.moved;
      review += result.review;
    }
    return { skipped: false, incidents: pending.length, counters: counters.length, moved, review };
  } finally {
    await releaseLease(database, 'outage-reschedule', opts.holder);
  }
}
