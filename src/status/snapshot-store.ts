/** The status snapshot's queries (src/status/snapshot.ts), each a read that a standby may serve. */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import type { LiveState } from './model.ts';
import type { IncidentRow, UpdateStatus } from './store.ts';
import type { ServiceState } from './uptime.ts';

/** How far back the public incident register goes. */
const REGISTER_DAYS = 365;

export interface OpenState extends Record<string, unknown> {
  subject: string;
  state: LiveState;
  since: string;
  detail: string;
}

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** Each subject's open state interval. */
export function openStates(database: Database, subjects: readonly string[]): Promise<OpenState[]> {
  return database.read<OpenState>(
    sql`SELECT subject, state, started_at::text AS since, detail FROM status_intervals
         WHERE ended_at IS NULL AND subject IN (${list(subjects)})`,
  );
}

export interface DayRollup extends Record<string, unknown> {
  subject: string;
  day: string;
  upMs: number;
  partialMs: number;
  downMs: number;
  maintenanceMs: number;
  noDataMs: number;
  worst: ServiceState;
}

/** The subjects' day roll-ups from `from` (a Seoul midnight), by Seoul date. */
export function dayRollups(database: Database, subjects: readonly string[], from: string): Promise<DayRollup[]> {
  return database.read<DayRollup>(
    sql`SELECT subject, to_char(bucket AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD') AS day, up_ms::float8 AS "upMs",
               partial_ms::float8 AS "partialMs", down_ms::float8 AS "downMs", maintenance_ms::float8 AS "maintenanceMs",
               no_data_ms::float8 AS "noDataMs", worst
          FROM status_rollups WHERE grain = 'day' AND bucket >= ${from} AND subject IN (${list(subjects)})`,
  );
}

export interface MonitorCount extends Record<string, unknown> {
  component: string;
  total: number;
  down: number;
}

/** Per component: its monitors, and how many of them are not 정상. */
export function monitorCounts(database: Database): Promise<MonitorCount[]> {
  return database.read<MonitorCount>(
    sql`SELECT split_part(detail, '|', 1) AS component, count(*)::int AS total,
               count(*) FILTER (WHERE state <> 'operational')::int AS down
          FROM status_intervals WHERE ended_at IS NULL AND subject LIKE 'monitor:%' GROUP BY 1`,
  );
}

export interface UpdateRow {
  id: number;
  status: UpdateStatus;
  body: string;
  createdAt: string;
}

export interface ActionRow {
  id: number;
  title: string;
  owner: string;
  dueDate: string;
  status: 'open' | 'in-progress' | 'done';
  verification: string;
}

export type RegisterIncident = IncidentRow & {
  updates: UpdateRow[] | null;
  pmSummary: string | null;
  pmRootCause: string | null;
  pmImpact: string | null;
  pmPublishedAt: string | null;
  actions: ActionRow[] | null;
};

/** The register: open incidents and those of the last year, with updates and the published postmortem. */
export function registerIncidents(database: Database, now: Date): Promise<RegisterIncident[]> {
  const from = new Date(now.getTime() - REGISTER_DAYS * 86_400_000).toISOString();
  return database.read<RegisterIncident>(
    sql`SELECT i.id, i.title, i.component, i.services, i.impact, i.cause, i.automatic,
               to_char(i.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "startedAt",
               to_char(i.resolved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "resolvedAt",
               (SELECT json_agg(json_build_object('id', u.id, 'status', u.status, 'body', u.body,
                        'createdAt', to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY u.created_at, u.id)
                  FROM incident_updates u WHERE u.incident_id = i.id) AS updates,
               p.summary AS "pmSummary", p.root_cause AS "pmRootCause", p.impact AS "pmImpact",
               to_char(p.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "pmPublishedAt",
               (SELECT json_agg(json_build_object('id', a.id, 'title', a.title, 'owner', a.owner, 'dueDate', a.due_date::text,
                        'status', a.status, 'verification', a.verification) ORDER BY a.due_date, a.id)
                  FROM corrective_actions a WHERE a.incident_id = i.id) AS actions
          FROM incidents i LEFT JOIN postmortems p ON p.incident_id = i.id AND p.published_at IS NOT NULL
         WHERE i.resolved_at IS NULL OR i.started_at >= ${from}
         ORDER BY i.started_at DESC LIMIT 500`,
  );
}

export interface MaintenanceRow {
  id: number;
  title: string;
  description: string;
  components: string[];
  startsAt: string;
  endsAt: string;
}

/** Maintenance announced and not over. */
export function upcomingMaintenance(database: Database, now: Date): Promise<MaintenanceRow[]> {
  return database.read<MaintenanceRow & Record<string, unknown>>(
    sql`SELECT id, title, description, components,
               to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "startsAt",
               to_char(ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "endsAt"
          FROM maintenance_windows WHERE cancelled_at IS NULL AND ends_at > ${now.toISOString()}
         ORDER BY starts_at LIMIT 50`,
  );
}
