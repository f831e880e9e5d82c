/** The monthly availability report in SQL: per service, from the daily roll-ups and the incidents. */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { addMonths } from '../shared/dates.ts';
import type { Catalogue } from './catalogue.ts';
import { addTotals, type MonthlyRow, percentOf, type Totals, ZERO_TOTALS } from './uptime.ts';

/** Availability per service for one month (Seoul calendar), from the daily roll-ups. */
export async function monthlyReport(database: Database, catalogue: Catalogue, month: string): Promise<MonthlyRow[]> {
  const from = new Date(`${month}-01T00:00:00+09:00`);
  const to = new Date(`${addMonths(`${month}-01`, 1)}T00:00:00+09:00`);
  const [rollups, incidents] = await Promise.all([
    database.read<{ subject: string } & Totals>(
      sql`SELECT subject, sum(up_ms)::float8 AS "upMs", sum(partial_ms)::float8 AS "partialMs", sum(down_ms)::float8 AS "downMs",
                 sum(maintenance_ms)::float8 AS "maintenanceMs", sum(no_data_ms)::float8 AS "noDataMs"
            FROM status_rollups WHERE grain = 'day' AND bucket >= ${from.toISOString()} AND bucket < ${to.toISOString()}
             AND subject IN (${sql.join(
               catalogue.services.map((s) => sql`${`service:${s.id}`}`),
               sql`, `,
             )}) GROUP BY subject`,
    ),
    database.read<{ service: string; n: number }>(
      sql`SELECT unnest(services) AS service, count(*)::int AS n FROM incidents
           WHERE started_at < ${to.toISOString()} AND (resolved_at IS NULL OR resolved_at >= ${from.toISOString()})
           GROUP BY 1`,
    ),
  ]);
  const minutes = (ms: number) => Math.round(ms / 60_000);
  return catalogue.services.map((s) => {
    const r = rollups.find((x) => x.subject === `service:${s.id}`);
    const t = r ? addTotals(ZERO_TOTALS, r) : ZERO_TOTALS;
    return {
      service: s.id,
      name: s.name.ko,
      month,
      availabilityPercent: percentOf(t),
      downMinutes: minutes(t.downMs),
      partialMinutes: minutes(t.partialMs),
      maintenanceMinutes: minutes(t.maintenanceMs),
      noDataMinutes: minutes(t.noDataMs),
      incidents: incidents.find((i) => i.service === s.id)?.n ?? 0,
    };
  });
}
