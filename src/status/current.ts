/**
 * The status a process shows: the snapshot the leader recorded, with the parts this process checks itself
 * (the database, the sign-in providers) laid over it when they are newer (issue 21).
 */
import type { Catalogue } from './catalogue.ts';
import { incidentTitle, serviceStates } from './model.ts';
import type { StatusRunner } from './runner.ts';
import type { LocalComponent } from './runner-types.ts';
import type { IncidentView, Snapshot } from './snapshot.ts';
import { ZERO_TOTALS } from './uptime.ts';

const EMPTY = (catalogue: Catalogue, now: Date): Snapshot => ({
  generatedAt: now.toISOString(),
  services: catalogue.services.map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    state: 'operational',
    since: null,
    uptime90: null,
    totals90: ZERO_TOTALS,
    days: [],
  })),
  components: [],
  incidents: [],
  maintenance: [],
});

/**
 * The snapshot to show. The parts this process checks itself — the database and the sign-in
 * providers — are the newer of two views (issue 21): what the leader recorded (the snapshot, read every
 * ILTEO_STATUS_REFRESH_SECONDS) and what this process's own checks confirmed (the database every
 * ILTEO_STATUS_DB_CHECK_SECONDS, each provider result as it comes). A change this process confirmed
 * after the recorded one is shown at once — a primary lost is on the page before the leader could write
 * it, and when the snapshot cannot be refreshed at all (no database) this process's view of the database
 * is all there is. So no process serves a state older than the newest it has seen, and two processes
 * differ only between their own checks. A failing component with no open incident recorded gets a
 * provisional one (id 0 for the database, below 0 for the others).
 */
export function currentSnapshot(deps: { runner: StatusRunner; catalogue: Catalogue; now: () => Date }): {
  snapshot: Snapshot;
  fresh: boolean;
} {
  const now = deps.now();
  const view = deps.runner.view();
  const base = view.snapshot ?? EMPTY(deps.catalogue, now);
  const overlay = view.local.filter((l) => {
    const recorded = base.components.find((c) => c.id === l.id);
    // Announced maintenance is the leader's to know (only it reads the schedule): it is not overridden.
    if (recorded?.state === 'maintenance') return false;
    // Without a current snapshot this process's view of the database is the only one there is.
    if (!view.fresh && l.id === 'database') return true;
    const recordedSince = recorded?.since ? Date.parse(recorded.since) : 0;
    return (
      l.confirmed &&
      (!recorded || (recorded.state !== l.tracked.state && (!view.fresh || l.tracked.since > recordedSince)))
    );
  });
  if (overlay.length === 0) return { snapshot: base, fresh: view.fresh };
  const mine = new Map(overlay.map((l) => [l.id, l.tracked]));
  const components = base.components.map((c) => {
    const t = mine.get(c.id);
    return t ? { ...c, state: t.state, since: new Date(t.since).toISOString(), cause: t.detail } : c;
  });
  // A process that has never read a snapshot (started during an outage) still shows what it checks.
  for (const def of deps.catalogue.components) {
    const t = mine.get(def.id);
    if (t && !components.some((c) => c.id === def.id))
      components.push({
        id: def.id,
        name: def.name,
        public: def.public,
        state: t.state,
        since: new Date(t.since).toISOString(),
        cause: t.detail,
        monitors: { total: 0, down: 0 },
      });
  }
  const inMaintenance = new Set(base.services.filter((s) => s.state === 'maintenance').map((s) => s.id));
  const states = new Map(serviceStates(deps.catalogue.services, components, inMaintenance).map((s) => [s.id, s.state]));
  const depsOf = new Map(deps.catalogue.services.map((s) => [s.id, s.deps.map((d) => d.component)]));
  const snapshot: Snapshot = {
    ...base,
    components,
    services: base.services.map((s) => {
      const state = states.get(s.id) ?? s.state;
      if (state === s.state) return s;
      // From the latest change among the components this process laid over it.
      const changed = (depsOf.get(s.id) ?? [])
        .map((c) => mine.get(c))
        .filter((t) => t !== undefined)
        .reduce((a, b) => (b.since > a.since ? b : a), { since: 0, badSince: 0 } as {
          since: number;
          badSince: number;
        });
      return { ...s, state, since: new Date(state === 'operational' ? changed.since : changed.badSince).toISOString() };
    }),
  };
  const provisional = overlay
    .filter((l) => l.tracked.state !== 'operational')
    .filter((l) => !base.incidents.some((i) => !i.resolvedAt && i.component === l.id))
    .map((l) => provisionalIncident(l, deps.catalogue, view.fresh));
  if (provisional.length) snapshot.incidents = [...provisional, ...base.incidents];
  return { snapshot, fresh: view.fresh };
}

/**
 * The incident this process shows for a failing component before the leader has recorded one: id 0 for
 * the database, below 0 for the others (each has its own page; the feeds leave them out).
 */
function provisionalIncident(l: LocalComponent, catalogue: Catalogue, fresh: boolean): IncidentView {
  const id = l.id === 'database' ? 0 : -1 - catalogue.components.findIndex((c) => c.id === l.id);
  const name = catalogue.names.get(l.id) ?? { ko: l.id, en: l.id };
  const startedAt = new Date(l.tracked.badSince).toISOString();
  const detail = l.tracked.detail;
  return {
    id,
    title: incidentTitle(name, l.tracked.state),
    component: l.id,
    componentName: name,
    services: catalogue.services
      .filter((s) => l.id === 'database' || s.deps.some((d) => d.component === l.id))
      .map((s) => s.id),
    impact: l.tracked.state,
    cause: detail,
    automatic: true,
    startedAt,
    resolvedAt: null,
    status: 'investigating',
    updates: [
      {
        id: 0,
        status: 'investigating',
        body: fresh
          ? `자동 감지: ${detail}. 장애 기록에 오르기 전에 이 서버가 직접 확인한 내용을 먼저 알립니다.`
          : `자동 감지: ${detail}. 데이터베이스에 기록할 수 없어 이 서버가 직접 확인한 내용을 먼저 알립니다. 복구되면 장애 기록에 남습니다.`,
        createdAt: startedAt,
      },
    ],
    postmortem: null,
  };
}
