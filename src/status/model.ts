/**
 * The status model, pure (issue 5): which components the public services depend on, the state of
 * each component from its monitors, the state of each service from its components, and the root
 * causes that incidents are opened for. One cause is one incident: when the database has no primary,
 * the app's heartbeats fail too (they are written to the database), but the app is not a second
 * cause — it depends on the database, which is already failing.
 */
import type { Confirmed } from './monitor.ts';
import { type ServiceState, STATE_LABELS } from './uptime.ts';

/** The states a component or service can be in right now (자료 없음 exists only in history). */
export type LiveState = Exclude<ServiceState, 'nodata'>;

/** Worse is higher (also the scale of the /metrics state gauges). 점검 중 outranks 성능 저하: during
 * announced maintenance that is what people see. */
export const SEVERITY: Record<LiveState, number> = {
  operational: 0,
  'redundancy-lost': 1,
  degraded: 2,
  maintenance: 3,
  partial: 4,
  major: 5,
};

export function worse(a: LiveState, b: LiveState): LiveState {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

export function worst(states: Iterable<LiveState>): LiveState {
  let w: LiveState = 'operational';
  for (const s of states) w = worse(w, s);
  return w;
}

/** States that count as an outage of a dependency (the dependant is then not a cause of its own). */
export function isFailing(state: LiveState): boolean {
  return state === 'major' || state === 'partial';
}

export interface Named {
  ko: string;
  en: string;
}

export interface ComponentDef {
  id: string;
  name: Named;
  /** Components this one's monitoring relies on (the heartbeats are written to the database …). */
  dependsOn: readonly string[];
  /** Shown on the public page; internal components (a single monitor group) can be hidden. */
  public: boolean;
}

export interface ServiceDef {
  id: string;
  name: Named;
  description: Named;
  /** hard: the service is down when the component is; soft: it is only partly down (one way in of several). */
  deps: readonly { component: string; impact: 'hard' | 'soft' }[];
}

/** What one monitor says, after k-of-n confirmation. */
export interface MonitorView {
  id: string;
  component: string;
  confirmed: Confirmed;
  /** The state the component takes while this monitor is confirmed down. */
  downState: LiveState;
  /** Answered, but slowly (latency over its limit): the component is 성능 저하. */
  slow: boolean;
  /** The last failure or observation, in words, for the cause of an incident. */
  detail: string;
}

export interface ComponentView {
  id: string;
  state: LiveState;
  /** Why, from the failing monitors' details (empty when operational). */
  cause: string;
}

/** Each component's state from its monitors; announced maintenance overrides. */
export function componentStates(
  components: readonly ComponentDef[],
  monitors: readonly MonitorView[],
  inMaintenance: ReadonlySet<string>,
): ComponentView[] {
  return components.map((c) => {
    if (inMaintenance.has(c.id)) return { id: c.id, state: 'maintenance', cause: '' };
    const mine = monitors.filter((m) => m.component === c.id);
    let state: LiveState = 'operational';
    const causes: string[] = [];
    for (const m of mine) {
      const s: LiveState = m.confirmed === 'down' ? m.downState : m.slow ? 'degraded' : 'operational';
      if (s !== 'operational') causes.push(m.detail);
      state = worse(state, s);
    }
    return { id: c.id, state, cause: [...new Set(causes)].join('; ') };
  });
}

/** Each public service's state from the components it depends on; a service can be in maintenance itself. */
export function serviceStates(
  services: readonly ServiceDef[],
  components: readonly ComponentView[],
  inMaintenance: ReadonlySet<string>,
): { id: string; state: LiveState }[] {
  const byId = new Map(components.map((c) => [c.id, c.state]));
  return services.map((s) => {
    if (inMaintenance.has(s.id)) return { id: s.id, state: 'maintenance' };
    const states = s.deps.map(({ component, impact }) => {
      const st = byId.get(component) ?? 'operational';
      return impact === 'soft' && st === 'major' ? 'partial' : st;
    });
    return { id: s.id, state: worst(states) };
  });
}

export interface RootCause {
  component: string;
  state: LiveState;
  cause: string;
  /** Public services this cause is hurting (their state is not operational through it). */
  services: string[];
}

/** Every component (transitively) that `id` relies on. */
function ancestors(id: string, defs: ReadonlyMap<string, ComponentDef>, seen = new Set<string>()): Set<string> {
  for (const d of defs.get(id)?.dependsOn ?? []) {
    if (seen.has(d)) continue;
    seen.add(d);
    ancestors(d, defs, seen);
  }
  return seen;
}

/**
 * The root causes: components not operational (and not in maintenance) none of whose dependencies is
 * failing. A component failing because its dependency failed is part of that incident, not its own.
 */
export function rootCauses(
  defs: readonly ComponentDef[],
  services: readonly ServiceDef[],
  components: readonly ComponentView[],
): RootCause[] {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const state = new Map(components.map((c) => [c.id, c]));
  const roots: RootCause[] = [];
  for (const c of components) {
    if (c.state === 'operational' || c.state === 'maintenance') continue;
    const deps = ancestors(c.id, byId);
    if ([...deps].some((d) => isFailing(state.get(d)?.state ?? 'operational'))) continue;
    const effects = new Set([c.id, ...components.filter((o) => ancestors(o.id, byId).has(c.id)).map((o) => o.id)]);
    const hurt = services
      .filter((s) =>
        s.deps.some(
          (d) => effects.has(d.component) && (state.get(d.component)?.state ?? 'operational') !== 'operational',
        ),
      )
      .map((s) => s.id);
    roots.push({ component: c.id, state: c.state, cause: c.cause, services: hurt });
  }
  return roots;
}

export interface OpenIncident {
  key: string;
  component: string;
  impact: LiveState;
}

export type IncidentEvent =
  | {
      type: 'open';
      key: string;
      component: string;
      impact: LiveState;
      title: string;
      cause: string;
      services: string[];
      at: number;
    }
  | { type: 'escalate'; key: string; impact: LiveState; title: string; cause: string; services: string[]; at: number }
  | { type: 'close'; key: string; at: number };

export function incidentTitle(component: Named | undefined, impact: LiveState): string {
  return `${component?.ko ?? '서비스'} ${STATE_LABELS[impact]}`;
}

/**
 * What to do with incidents after one pass: open one per new root cause (from when the component left
 * 정상), raise the impact of an open one when it got worse (never lowered: an incident keeps its worst),
 * and close those whose cause is gone (at the moment it recovered).
 */
export function diffIncidents(
  open: readonly OpenIncident[],
  roots: readonly RootCause[],
  names: ReadonlyMap<string, Named>,
  /** since: when the component entered its current state; badSince: when it last left 정상. */
  times: (component: string) => { since: number; badSince: number },
): IncidentEvent[] {
  const events: IncidentEvent[] = [];
  const byComponent = new Map(open.map((o) => [o.component, o]));
  for (const r of roots) {
    const existing = byComponent.get(r.component);
    const title = incidentTitle(names.get(r.component), r.state);
    if (!existing) {
      const at = times(r.component).badSince;
      events.push({
        type: 'open',
        key: `${r.component}@${new Date(at).toISOString()}`,
        component: r.component,
        impact: r.state,
        title,
        cause: r.cause,
        services: r.services,
        at,
      });
    } else if (SEVERITY[r.state] > SEVERITY[existing.impact]) {
      events.push({
        type: 'escalate',
        key: existing.key,
        impact: r.state,
        title,
        cause: r.cause,
        services: r.services,
        at: times(r.component).since,
      });
    }
  }
  const rooted = new Set(roots.map((r) => r.component));
  for (const o of open) {
    if (!rooted.has(o.component)) events.push({ type: 'close', key: o.key, at: times(o.component).since });
  }
  return events;
}
