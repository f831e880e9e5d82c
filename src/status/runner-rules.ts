/**
 * The status runner's decisions that need no I/O (src/status/runner.ts keeps the state and the timing):
 * which policy confirms a monitor, what a monitor shows, which subjects say nothing yet, how incident
 * events change the open list, what a process taking over the lease writes from its own history, and
 * what a write pause was.
 */
import type { WritePause } from '../db/write-pauses.ts';
import type { Catalogue } from './catalogue.ts';
import type { CheckResult } from './checks.ts';
import {
  diffIncidents,
  type IncidentEvent,
  type LiveState,
  type MonitorView,
  type OpenIncident,
  rootCauses,
  serviceStates,
} from './model.ts';
import type { MonitorPolicy, MonitorState } from './monitor.ts';
import type { LocalComponent, Subject, Tracked } from './runner-types.ts';
import type { Transition, WritePauseRecord } from './store.ts';

/** One monitor as the runner holds it: its confirmation state, its last result and its last failure's words. */
export interface HeldMonitor {
  state: MonitorState;
  last: CheckResult;
  failure: string;
}

export interface Policies {
  policy: MonitorPolicy;
  databasePolicy?: MonitorPolicy;
  providerPolicy?: MonitorPolicy;
}

/** The database nodes and the sign-in providers may have their own k-of-n; the rest share one. */
export function policyFor(monitor: string, policies: Policies): MonitorPolicy {
  if (monitor.startsWith('db:')) return policies.databasePolicy ?? policies.policy;
  if (monitor.startsWith('idp:')) return policies.providerPolicy ?? policies.policy;
  return policies.policy;
}

/** The components every process checks itself: the database and the sign-in providers. */
export function isLocal(component: string): boolean {
  return component === 'database' || component.startsWith('idp:');
}

/**
 * Whether a pass may record: once every monitor this process checks itself (the database and the
 * sign-in providers) is confirmed one way or the other. A process that has just started does not know
 * yet and must not write 정상 over a recorded outage. The leader's own monitors (app heartbeats, the
 * backlog) that a new leader has not confirmed yet only keep their own subjects as recorded
 * (unconfirmed()), so they do not hold up the rest: a provider that fails in a new leader's first
 * seconds still reaches the register. Custom monitors (`ext:`) never hold anything up.
 */
export function mayRecord(monitors: Iterable<HeldMonitor>): boolean {
  for (const m of monitors) {
    if (isLocal(m.last.component) && !m.last.monitor.startsWith('ext:') && m.state.confirmed === 'unknown')
      return false;
  }
  return true;
}

/** The components this process checks itself, as it sees them, for the page to lay over the snapshot. */
export function localComponents(
  components: readonly { id: string }[],
  tracked: ReadonlyMap<string, Tracked>,
  monitors: readonly HeldMonitor[],
): LocalComponent[] {
  const local: LocalComponent[] = [];
  for (const c of components) {
    const t = tracked.get(`component:${c.id}`);
    if (!isLocal(c.id) || !t) continue;
    const own = monitors.filter((m) => m.last.component === c.id);
    // Every monitor of it confirmed one way or the other by this process (not just started).
    const confirmed = own.length > 0 && own.every((m) => m.state.confirmed !== 'unknown');
    local.push({ id: c.id, tracked: t, confirmed });
  }
  return local;
}

/** When each monitor's state began, and each component's: its monitors' latest. */
export function monitorSince(monitors: Iterable<HeldMonitor>, at: number): Map<string, number> {
  const since = new Map<string, number>();
  for (const { state, last } of monitors) {
    const s = Math.min(state.since ?? at, at);
    since.set(`monitor:${last.monitor}`, s);
    since.set(`component:${last.component}`, Math.max(since.get(`component:${last.component}`) ?? 0, s));
  }
  return since;
}

/**
 * Takes this pass's subjects into `tracked` (updated in place) and returns the changes, each dated when
 * it happened: a monitor's or component's when its monitor confirmed it, a service's when the last of
 * its components changed — not this pass's time.
 */
export function trackChanges(
  tracked: Map<string, Tracked>,
  subjects: readonly Subject[],
  at: number,
  since: ReadonlyMap<string, number>,
  services: Catalogue['services'],
): Transition[] {
  const deps = new Map(services.map((s) => [`service:${s.id}`, s.deps.map((d) => `component:${d.component}`)]));
  const changedAt = (subject: string, prev: Tracked | undefined): number => {
    const candidates = deps.get(subject)?.map((c) => tracked.get(c)?.since ?? 0) ?? [since.get(subject) ?? at];
    const latest = Math.max(...candidates);
    // A change no monitor explains (maintenance began, a check got slow) happened now.
    return prev && latest <= prev.since ? at : Math.min(at, latest);
  };
  const changes: Transition[] = [];
  for (const s of subjects) {
    const prev = tracked.get(s.subject);
    if (prev && prev.state === s.state) {
      prev.detail = s.detail || prev.detail;
      continue;
    }
    const from = changedAt(s.subject, prev);
    const badSince = s.state === 'operational' ? from : prev && prev.state !== 'operational' ? prev.badSince : from;
    tracked.set(s.subject, { state: s.state, since: from, badSince, detail: s.detail });
    changes.push({ subject: s.subject, state: s.state, at: from, detail: s.detail });
  }
  return changes;
}

export function monitorViews(monitors: Iterable<HeldMonitor>): MonitorView[] {
  return [...monitors].map(({ state, last, failure }) => ({
    id: last.monitor,
    component: last.component,
    confirmed: state.confirmed,
    downState: last.downState,
    slow: last.slow,
    // Still confirmed down while its checks succeed again (recovery needs r successes): the cause is
    // the failure, not the first good answer.
    detail: state.confirmed === 'down' && last.ok && failure ? failure : last.detail,
  }));
}

/** The state a monitor's own subject is in. */
export function monitorState(view: MonitorView): LiveState {
  if (view.confirmed === 'down') return view.downState;
  return view.slow ? 'degraded' : 'operational';
}

/**
 * A monitor not yet confirmed either way (just started, or a new leader) says nothing: its subject,
 * its component and the services on that component keep what is recorded until it is confirmed.
 */
export function unconfirmed(
  views: readonly MonitorView[],
  services: Catalogue['services'],
): { components: Set<string>; subjects: Set<string> } {
  const components = new Set(views.filter((v) => v.confirmed === 'unknown').map((v) => v.component));
  const subjects = new Set([
    ...views.filter((v) => v.confirmed === 'unknown').map((v) => `monitor:${v.id}`),
    ...[...components].map((c) => `component:${c}`),
    ...services.filter((svc) => svc.deps.some((d) => components.has(d.component))).map((svc) => `service:${svc.id}`),
  ]);
  return { components, subjects };
}

/** The open incidents after the events: opened ones added, escalated ones with their new impact, resolved ones gone. */
export function applyEvents(open: readonly OpenIncident[], events: readonly IncidentEvent[]): OpenIncident[] {
  let out = open.map((o) => ({ ...o }));
  for (const e of events) {
    if (e.type === 'open') out.push({ key: e.key, component: e.component, impact: e.impact });
    else if (e.type === 'escalate') out = out.map((o) => (o.key === e.key ? { ...o, impact: e.impact } : o));
    else out = out.filter((o) => o.key !== e.key);
  }
  return out;
}

/**
 * What a process taking over the lease writes of what it saw of the database itself while it was not
 * the leader (the old leader's queue may have died with it): the database's transitions after `after`
 * (what the previous leader observed is recorded already), the services' states they imply, and the
 * incidents they open and close.
 */
export function replayHistory(
  history: readonly Transition[],
  open: readonly OpenIncident[],
  catalogue: Catalogue,
  after: number,
): { transitions: Transition[]; events: IncidentEvent[]; open: OpenIncident[] } {
  const transitions: Transition[] = [];
  const events: IncidentEvent[] = [];
  let current = open.map((o) => ({ ...o }));
  let badSince = 0;
  let previous: LiveState = 'operational';
  for (const t of history.filter((h) => h.at > after)) {
    transitions.push(t);
    if (t.subject !== 'component:database' || t.state === 'nodata') continue;
    const state = t.state;
    badSince = state === 'operational' || previous === 'operational' ? t.at : badSince;
    previous = state;
    const view = [{ id: 'database', state, cause: t.detail }];
    for (const s of serviceStates(catalogue.services, view, new Set()))
      transitions.push({ subject: `service:${s.id}`, state: s.state, at: t.at, detail: '' });
    const roots = rootCauses(catalogue.components, catalogue.services, view);
    const diff = diffIncidents(
      current.filter((o) => o.component === 'database'),
      roots,
      catalogue.names,
      () => ({ since: t.at, badSince }),
    );
    current = applyEvents(current, diff);
    events.push(...diff);
  }
  return { transitions, events, open: current };
}

/** A write pause shorter than this is a reconnect, not an event for the public register. */
export const MIN_WRITE_PAUSE_MS = 1_000;

/** How long after a waited write the primary change it waited for may still be noticed (a check or two). */
export const SWITCH_GRACE_MS = 10_000;

/**
 * What becomes of a write pause: one with failed attempts is recorded; one write that only waited (no
 * attempt failed, src/db/write-pauses.ts succeededAfter) is recorded when this process saw the primary
 * change between its start and a little after its end — it waited out a failover — and dropped
 * otherwise (a slow query is not an outage); until then it waits.
 */
export function pauseFate(
  p: WritePause,
  primaries: readonly { at: number; address: string }[],
  now: number,
): 'record' | 'wait' | 'drop' {
  if (p.failures > 0) return 'record';
  const before = primaries.filter((x) => x.at <= p.startedAt).at(-1)?.address;
  if (before === undefined) return 'drop';
  const switched = primaries.some(
    (x) => x.at > p.startedAt && x.at <= p.endedAt + SWITCH_GRACE_MS && x.address !== before,
  );
  if (switched) return 'record';
  return now > p.endedAt + SWITCH_GRACE_MS ? 'drop' : 'wait';
}

/** What a write pause was: a primary change when the primary after it is not the one before it. */
export function pauseRecord(
  p: WritePause,
  primaries: readonly { at: number; address: string }[],
  instance: string,
  services: Catalogue['services'],
): WritePauseRecord {
  const before = primaries.filter((x) => x.at <= p.startedAt).at(-1)?.address;
  const after = primaries.at(-1)?.address;
  const switched = before !== undefined && after !== undefined && before !== after;
  const met =
    p.failures === 0
      ? '쓰기 요청이 새 주 서버를 기다림'
      : p.kinds.includes('read-only')
        ? '대기 서버가 쓰기를 거부'
        : '주 서버 연결 끊김';
  const retries = p.failures === 0 ? '' : `, 쓰기 재시도 ${p.failures}회`;
  return {
    key: `write-pause@${instance}@${new Date(p.startedAt).toISOString()}`,
    startedAt: p.startedAt,
    endedAt: p.endedAt,
    kind: switched ? '주 DB 전환' : '주 DB 연결 끊김',
    cause: switched
      ? `주 DB 전환 (${before} → ${after}): ${met}${retries}`
      : `주 DB 연결 끊김 (${after ?? '주 서버'}, 같은 서버로 복구): ${met}${retries}`,
    services: services.filter((svc) => svc.deps.some((d) => d.component === 'database')).map((svc) => svc.id),
  };
}
