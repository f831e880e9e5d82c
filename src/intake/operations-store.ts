/** 운영 현황 numbers (SQL): journals, replay, counters, their offline windows, moved 실업인정일. */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';

export interface Rescheduled extends Record<string, unknown> {
  /** The incident, or null for a counter's offline window (then `title` names the centre's counter). */
  incidentId: number | null;
  title: string;
  claimId: number;
  name: string;
  centre: string;
  seq: number;
  fromDate: string;
  toDate: string | null;
  /** moved | review */
  result: string;
  reason: string;
}

/** 실업인정일 moved after outages (those a counsellor must settle first), for one incident or all outages. */
export function rescheduled(
  database: Database,
  opts: { incidentId?: number; limit?: number } = {},
): Promise<Rescheduled[]> {
  return database.read<Rescheduled>(
    sql`SELECT r.incident_id::int AS "incidentId", coalesce(i.title, j.name || ' 창구 전산 중단') AS title,
               r.claim_id::int AS "claimId", a.name, j.name AS centre, r.seq,
               r.from_date::text AS "fromDate", r.to_date::text AS "toDate", r.result, r.reason
          FROM outage_reschedules r LEFT JOIN incidents i ON i.id = r.incident_id JOIN benefit_claims c ON c.id = r.claim_id
          JOIN accounts a ON a.id = c.claimant_id JOIN job_centres j ON j.code = c.centre_code
         WHERE ${opts.incidentId === undefined ? sql`true` : sql`r.incident_id = ${opts.incidentId}`}
         ORDER BY r.result DESC, r.at DESC, j.name, a.name LIMIT ${opts.limit ?? 1000}`,
  );
}

export interface OperationsNumbers {
  journals: { instance: string; pending: number; seenAt: string }[];
  replay: { status: string; n: number; last: string | null }[];
  /** Journal entries set aside as 확인 필요 in the last 24 hours (latest 50), with why. */
  reviews: {
    receipt: string;
    kind: string;
    instance: string;
    receivedAt: string;
    appliedAt: string;
    message: string;
  }[];
  counters: {
    centre: string;
    counters: number;
    waiting: number;
    review: number;
    oldest: string | null;
    received24h: number;
    review24h: number;
  }[];
  /** Counters' offline windows of the last 7 days, newest first. */
  counterOutages: {
    centre: string;
    counsellor: string;
    counterId: string;
    fromAt: string;
    toAt: string;
    clamped: boolean;
    rescheduled: boolean;
    /** Claimants whose 실업인정일 this window moved. */
    moved: number;
  }[];
  reschedules: Rescheduled[];
}

export async function operationsNumbers(database: Database, now: Date): Promise<OperationsNumbers> {
  const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
  const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  const [journals, replay, reviews, counters, counterOutages, reschedules] = await Promise.all([
    database.read<OperationsNumbers['journals'][number]>(
      sql`SELECT holder AS instance, journal_pending AS pending, seen_at::text AS "seenAt" FROM app_heartbeats ORDER BY holder`,
    ),
    database.read<OperationsNumbers['replay'][number]>(
      sql`SELECT status, count(*)::int AS n, max(applied_at)::text AS last FROM journal_receipts
           WHERE applied_at >= ${dayAgo} GROUP BY status ORDER BY status`,
    ),
    database.read<OperationsNumbers['reviews'][number]>(
      sql`SELECT receipt, kind, instance, received_at::text AS "receivedAt", applied_at::text AS "appliedAt", message
            FROM journal_receipts WHERE status = 'review' AND applied_at >= ${dayAgo}
           ORDER BY applied_at DESC, receipt LIMIT 50`,
    ),
    database.read<OperationsNumbers['counters'][number]>(
      sql`SELECT j.name AS centre,
                 count(q.counsellor_id)::int AS counters,
                 coalesce(sum(q.waiting), 0)::int AS waiting,
                 coalesce(sum(q.review), 0)::int AS review,
                 min(q.oldest_taken_at)::text AS oldest,
                 (SELECT count(*)::int FROM counter_submissions s WHERE s.centre_code = j.code AND s.received_at >= ${dayAgo}) AS "received24h",
                 (SELECT count(*)::int FROM counter_submissions s WHERE s.centre_code = j.code AND s.received_at >= ${dayAgo} AND s.status = 'review') AS "review24h"
            FROM job_centres j LEFT JOIN counter_queues q ON q.centre_code = j.code AND q.reported_at >= ${hourAgo}
           GROUP BY j.code, j.name
          HAVING count(q.counsellor_id) > 0
              OR EXISTS (SELECT 1 FROM counter_submissions s WHERE s.centre_code = j.code AND s.received_at >= ${dayAgo})
           ORDER BY j.name`,
    ),
    database.read<OperationsNumbers['counterOutages'][number]>(
      sql`SELECT j.name AS centre, a.name AS counsellor, o.counter_id AS "counterId", o.from_at::text AS "fromAt",
                 o.to_at::text AS "toAt", o.reported_from IS NOT NULL AS clamped, o.rescheduled_at IS NOT NULL AS rescheduled,
                 (SELECT count(DISTINCT r.claim_id)::int FROM outage_reschedules r
                   WHERE r.counter_outage_id = o.id AND r.result = 'moved') AS moved
            FROM counter_outages o JOIN job_centres j ON j.code = o.centre_code JOIN accounts a ON a.id = o.counsellor_id
           WHERE o.to_at >= ${weekAgo}
           ORDER BY o.from_at DESC, o.id DESC LIMIT 200`,
    ),
    rescheduled(database, { limit: 300 }),
  ]);
  return { journals, replay, reviews, counters, counterOutages, reschedules };
}
