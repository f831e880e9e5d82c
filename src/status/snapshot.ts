/**
 * The status page's data in one object, read from the database every few seconds by every process and
 * kept in memory and on disk (written atomically). The page, the feeds and the banner are rendered from
 * it, so they answer fast and keep answering when no database node does: then the last snapshot on disk
 * is served, marked with its time, and the process's own live view of the database is laid over it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { seoulToday } from '../shared/dates.ts';
import type { Catalogue } from './catalogue.ts';
import type { LiveState, Named } from './model.ts';
import { type IncidentRow, lastDays, type UpdateStatus } from './store.ts';
import { addTotals, percentOf, type ServiceState, type Totals, ZERO_TOTALS } from './uptime.ts';

export interface DayBar {
  date: string;
  worst: ServiceState;
  percent: number | null;
  totals: Totals;
}

export interface ServiceView {
  id: string;
  name: Named;
  description: Named;
  state: LiveState;
  since: string | null;
  uptime90: number | null;
  totals90: Totals;
  days: DayBar[];
}

export interface ComponentSummary {
  id: string;
  name: Named;
  public: boolean;
  state: LiveState;
  since: string | null;
  cause: string;
  monitors: { total: number; down: number };
}

export interface CorrectiveActionView {
  id: number;
  title: string;
  owner: string;
  dueDate: string;
  status: 'open' | 'in-progress' | 'done';
  verification: string;
  overdue: boolean;
}

export interface IncidentView {
  id: number;
  title: string;
  component: string;
  componentName: Named;
  services: string[];
  impact: LiveState;
  cause: string;
  automatic: boolean;
  startedAt: string;
  resolvedAt: string | null;
  status: UpdateStatus;
  updates: { id: number; status: UpdateStatus; body: string; createdAt: string }[];
  postmortem: {
    summary: string;
    rootCause: string;
    impact: string;
    publishedAt: string;
    actions: CorrectiveActionView[];
  } | null;
}

export interface MaintenanceView {
  id: number;
  title: string;
  description: string;
  components: string[];
  startsAt: string;
  endsAt: string;
}

export interface Snapshot {
  generatedAt: string;
  services: ServiceView[];
  components: ComponentSummary[];
  incidents: IncidentView[];
  maintenance: MaintenanceView[];
}

const REGISTER_DAYS = 365;

export async function loadSnapshot(database: Database, catalogue: Catalogue, now: Date): Promise<Snapshot> {
  const days = lastDays(now, 90);
  const firstDay = new Date(`${days[0]}T00:00:00+09:00`).toISOString();
  const subjects = [
    ...catalogue.services.map((s) => `service:${s.id}`),
    ...catalogue.components.map((c) => `component:${c.id}`),
  ];
  const subjectList = sql.join(
    subjects.map((s) => sql`${s}`),
    sql`, `,
  );
  const [open, rollups, monitorRows, incidents, maintenance] = await Promise.all([
    database.read<{ subject: string; state: LiveState; since: string; detail: string }>(
      sql`SELECT subject, state, started_at::text AS since, detail FROM status_intervals
           WHERE ended_at IS NULL AND subject IN (${subjectList})`,
    ),
    database.read<{
      subject: string;
      day: string;
      upMs: number;
      partialMs: number;
      downMs: number;
      maintenanceMs: number;
      noDataMs: number;
      worst: ServiceState;
    }>(
      sql`SELECT subject, to_char(bucket AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD') AS day, up_ms::float8 AS "upMs",
                 partial_ms::float8 AS "partialMs", down_ms::float8 AS "downMs", maintenance_ms::float8 AS "maintenanceMs",
                 no_data_ms::float8 AS "noDataMs", worst
            FROM status_rollups WHERE grain = 'day' AND bucket >= ${firstDay}
               AND subject IN (${sql.join(
                 catalogue.services.map((s) => sql`${`service:${s.id}`}`),
                 sql`, `,
               )})`,
    ),
    database.read<{ component: string; total: number; down: number }>(
      sql`SELECT split_part(detail, '|', 1) AS component, count(*)::int AS total,
                 count(*) FILTER (WHERE state <> 'operational')::int AS down
            FROM status_intervals WHERE ended_at IS NULL AND subject LIKE 'monitor:%' GROUP BY 1`,
    ),
    database.read<
      IncidentRow & {
        updates: IncidentView['updates'] | null;
        pmSummary: string | null;
        pmRootCause: string | null;
        pmImpact: string | null;
        pmPublishedAt: string | null;
        actions: Omit<CorrectiveActionView, 'overdue'>[] | null;
      }
    >(
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
           WHERE i.resolved_at IS NULL OR i.started_at >= ${new Date(now.getTime() - REGISTER_DAYS * 86_400_000).toISOString()}
           ORDER BY i.started_at DESC LIMIT 500`,
    ),
    database.read<MaintenanceView & Record<string, unknown>>(
      sql`SELECT id, title, description, components,
                 to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "startsAt",
                 to_char(ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "endsAt"
            FROM maintenance_windows WHERE cancelled_at IS NULL AND ends_at > ${now.toISOString()}
           ORDER BY starts_at LIMIT 50`,
    ),
  ]);
  const openBy = new Map(open.map((o) => [o.subject, o]));
  const today = seoulToday(now);
  const services: ServiceView[] = catalogue.services.map((s) => {
    const mine = new Map(rollups.filter((r) => r.subject === `service:${s.id}`).map((r) => [r.day, r]));
    const bars: DayBar[] = days.map((date) => {
      const r = mine.get(date);
      const t: Totals = r
        ? {
            upMs: r.upMs,
            partialMs: r.partialMs,
            downMs: r.downMs,
            maintenanceMs: r.maintenanceMs,
            noDataMs: r.noDataMs,
          }
        : { ...ZERO_TOTALS, noDataMs: 86_400_000 };
      return { date, worst: r ? r.worst : 'nodata', percent: percentOf(t), totals: t };
    });
    const totals90 = bars.reduce((acc, b) => addTotals(acc, b.totals), ZERO_TOTALS);
    const current = openBy.get(`service:${s.id}`);
    return {
      id: s.id,
      name: s.name,
      description: s.description,
      state: current && current.state !== ('nodata' as LiveState) ? current.state : 'operational',
      since: current ? new Date(current.since).toISOString() : null,
      uptime90: percentOf(totals90),
      totals90,
      days: bars,
    };
  });
  const monitorsBy = new Map(monitorRows.map((m) => [m.component, m]));
  const components: ComponentSummary[] = catalogue.components.map((c) => {
    const current = openBy.get(`component:${c.id}`);
    const m = monitorsBy.get(c.id);
    return {
      id: c.id,
      name: c.name,
      public: c.public,
      state: current && current.state !== ('nodata' as LiveState) ? current.state : 'operational',
      since: current ? new Date(current.since).toISOString() : null,
      cause: current?.detail ?? '',
      monitors: { total: m?.total ?? 0, down: m?.down ?? 0 },
    };
  });
  return {
    generatedAt: now.toISOString(),
    services,
    components,
    incidents: incidents.map((i) => {
      const updates = i.updates ?? [];
      return {
        id: Number(i.id),
        title: i.title,
        component: i.component,
        componentName: catalogue.names.get(i.component) ?? { ko: i.component, en: i.component },
        services: i.services,
        impact: i.impact,
        cause: i.cause,
        automatic: i.automatic,
        startedAt: i.startedAt,
        resolvedAt: i.resolvedAt,
        status: updates.at(-1)?.status ?? (i.resolvedAt ? 'resolved' : 'investigating'),
        updates,
        postmortem:
          i.pmPublishedAt && i.pmSummary !== null
            ? {
                summary: i.pmSummary,
                rootCause: i.pmRootCause ?? '',
                impact: i.pmImpact ?? '',
                publishedAt: i.pmPublishedAt,
                actions: (i.actions ?? []).map((a) => ({ ...a, overdue: a.status !== 'done' && a.dueDate < today })),
              }
            : null,
      };
    }),
    maintenance: maintenance.map((m) => ({ ...m, id: Number(m.id) })),
  };
}

/** Writes the snapshot atomically (temporary file, fsync, rename), so a crash never leaves half a file. */
export async function saveSnapshot(file: string, snapshot: Snapshot): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const handle = await fs.open(tmp, 'w');
  try {
    await handle.writeFile(JSON.stringify(snapshot));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, file);
}

export async function readSnapshot(file: string): Promise<Snapshot | null> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as Snapshot;
  } catch {
    return null;
  }
}
