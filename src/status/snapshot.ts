/**
 * The status page's data in one object, read from the database every few seconds by every process and
 * kept in memory and on disk (written atomically). The page, the feeds and the banner are rendered from
 * it, so they answer fast and keep answering when no database node does: then the last snapshot on disk
 * is served, marked with its time, and the process's own live view of the database is laid over it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/index.ts';
import { seoulToday } from '../shared/dates.ts';
import type { Catalogue } from './catalogue.ts';
import type { LiveState, Named } from './model.ts';
import * as store from './snapshot-store.ts';
import { lastDays, type UpdateStatus } from './store.ts';
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

export interface CorrectiveActionView extends store.ActionRow {
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
  updates: store.UpdateRow[];
  postmortem: {
    summary: string;
    rootCause: string;
    impact: string;
    publishedAt: string;
    actions: CorrectiveActionView[];
  } | null;
}

export type MaintenanceView = store.MaintenanceRow;

export interface Snapshot {
  generatedAt: string;
  services: ServiceView[];
  components: ComponentSummary[];
  incidents: IncidentView[];
  maintenance: MaintenanceView[];
}

export async function loadSnapshot(database: Database, catalogue: Catalogue, now: Date): Promise<Snapshot> {
  const days = lastDays(now, 90);
  const [open, rollups, monitorRows, incidents, maintenance] = await Promise.all([
    store.openStates(database, [
      ...catalogue.services.map((s) => `service:${s.id}`),
      ...catalogue.components.map((c) => `component:${c.id}`),
    ]),
    store.dayRollups(
      database,
      catalogue.services.map((s) => `service:${s.id}`),
      new Date(`${days[0]}T00:00:00+09:00`).toISOString(),
    ),
    store.monitorCounts(database),
    store.registerIncidents(database, now),
    store.upcomingMaintenance(database, now),
  ]);
  const openBy = new Map(open.map((o) => [o.subject, o]));
  return {
    generatedAt: now.toISOString(),
    services: catalogue.services.map((s) => serviceView(s, days, rollups, openBy.get(`service:${s.id}`))),
    components: componentSummaries(catalogue, openBy, monitorRows),
    incidents: incidents.map((i) => incidentView(i, catalogue, seoulToday(now))),
    maintenance: maintenance.map((m) => ({ ...m, id: Number(m.id) })),
  };
}

/** An open interval's state, 정상 when there is none or nobody watched (자료 없음 is not shown as a state). */
const stateOf = (current: store.OpenState | undefined): LiveState =>
  current && current.state !== ('nodata' as LiveState) ? current.state : 'operational';

function serviceView(
  s: Catalogue['services'][number],
  days: readonly string[],
  rollups: readonly store.DayRollup[],
  current: store.OpenState | undefined,
): ServiceView {
  const mine = new Map(rollups.filter((r) => r.subject === `service:${s.id}`).map((r) => [r.day, r]));
  const bars: DayBar[] = days.map((date) => {
    const r = mine.get(date);
    const t: Totals = r
      ? { upMs: r.upMs, partialMs: r.partialMs, downMs: r.downMs, maintenanceMs: r.maintenanceMs, noDataMs: r.noDataMs }
      : { ...ZERO_TOTALS, noDataMs: 86_400_000 };
    return { date, worst: r ? r.worst : 'nodata', percent: percentOf(t), totals: t };
  });
  const totals90 = bars.reduce((acc, b) => addTotals(acc, b.totals), ZERO_TOTALS);
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    state: stateOf(current),
    since: current ? new Date(current.since).toISOString() : null,
    uptime90: percentOf(totals90),
    totals90,
    days: bars,
  };
}

function componentSummaries(
  catalogue: Catalogue,
  openBy: ReadonlyMap<string, store.OpenState>,
  monitorRows: readonly store.MonitorCount[],
): ComponentSummary[] {
  const monitorsBy = new Map(monitorRows.map((m) => [m.component, m]));
  return catalogue.components.map((c) => {
    const current = openBy.get(`component:${c.id}`);
    const m = monitorsBy.get(c.id);
    return {
      id: c.id,
      name: c.name,
      public: c.public,
      state: stateOf(current),
      since: current ? new Date(current.since).toISOString() : null,
      cause: current?.detail ?? '',
      monitors: { total: m?.total ?? 0, down: m?.down ?? 0 },
    };
  });
}

function incidentView(i: store.RegisterIncident, catalogue: Catalogue, today: string): IncidentView {
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
