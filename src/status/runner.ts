/**
 * The monitor runner, one per app process. Design (docs/decisions/0005-status.md):
 *
 * - Every process checks the database nodes itself (cheap), keeps the confirmed state in memory and
 *   writes its heartbeat. That is what lets any process tell the truth about the database when the
 *   database cannot be asked.
 * - One process at a time is the leader (a lease in `job_leases`). The leader runs every other
 *   monitor (app heartbeats, sign-in providers, the job backlog, HTTP/TCP targets), derives component
 *   and service states, writes state intervals, opens and closes incidents, and rolls up.
 * - While the database is unreachable the leader keeps observing and queues its writes in order; they
 *   are written, with the times things happened, when the database is back. A process that takes over
 *   leadership first writes the database transitions it saw itself.
 * - Every process refreshes the status snapshot (memory + disk) from the database.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { CallOptions, Database } from '../db/index.ts';
import { acquireLease } from '../db/leases.ts';
import type { WritePause } from '../db/write-pauses.ts';
import type { ProviderRegistry } from '../identity/providers.ts';
import type { Catalogue, CustomMonitor } from './catalogue.ts';
import {
  appCheck,
  backlogCheck,
  type CheckResult,
  databaseChecks,
  httpCheck,
  providerChecks,
  tcpCheck,
} from './checks.ts';
import type { StatusMetrics } from './metrics.ts';
import {
  componentStates,
  diffIncidents,
  type IncidentEvent,
  type LiveState,
  type MonitorView,
  type OpenIncident,
  rootCauses,
  SEVERITY,
  serviceStates,
} from './model.ts';
import { afterCheck, initialState, jittered, type MonitorPolicy, type MonitorState } from './monitor.ts';
import { loadSnapshot, readSnapshot, type Snapshot, saveSnapshot } from './snapshot.ts';
import {
  activeMaintenance,
  applyIncidentEvent,
  heartbeat,
  markGaps,
  openAutoIncidents,
  prune,
  purgeHeartbeats,
  recordTransitions,
  recordWritePause,
  removeHeartbeat,
  rollup,
  type Transition,
  touchObserved,
  type WritePauseRecord,
} from './store.ts';

export interface StatusOptions {
  /** The leader's monitors (app heartbeats, providers, backlog), the heartbeat and the lease bid. */
  checkIntervalMs: number;
  snapshotIntervalMs: number;
  policy: MonitorPolicy;
  /**
   * The database nodes, checked by every process on their own, faster (default: with the others).
   * A node that is gone refuses the connection at once, so its own policy can confirm sooner.
   */
  databaseCheckIntervalMs?: number;
  databasePolicy?: MonitorPolicy;
  /**
   * The sign-in providers, from each result of the provider registry's own checks (every process
   * takes in its own): k of n results, and the registry looks again a second after a changed result.
   */
  providerPolicy?: MonitorPolicy;
  snapshotFile: string;
  custom: readonly CustomMonitor[];
}

export interface StatusDeps {
  /**
   * This app instance's stable name (host:port): its heartbeat row, so a process restarted on the same
   * port replaces its own heartbeat instead of leaving a stale one behind.
   */
  instance: string;
  database: Database;
  catalogue: Catalogue;
  providers: ProviderRegistry;
  now: () => Date;
  log: FastifyBaseLogger;
  metrics: StatusMetrics;
  /** Submissions waiting in this process's journal (reported with the heartbeat, for operators). */
  journalPending?: () => number;
}

export interface Tracked {
  state: LiveState;
  since: number;
  /** When it last left 정상. */
  badSince: number;
  detail: string;
}

/** `database` with every call given at most `deadlineMs` (a caller's own shorter deadline still wins). */
function boundedDatabase(database: Database, deadlineMs: number): Database {
  const bound = (options?: CallOptions): CallOptions => ({
    ...options,
    deadlineMs: Math.min(deadlineMs, options?.deadlineMs ?? deadlineMs),
  });
  return {
    get kind() {
      return database.kind;
    },
    get db() {
      return database.db;
    },
    query: (query, options) => database.query(query, bound(options)),
    read: (query, options) => database.read(query, bound(options)),
    readWithSettings: (settings, query, options) => database.readWithSettings(settings, query, bound(options)),
    transaction: (fn, options) => database.transaction(fn, bound(options)),
    nodes: () => database.nodes(),
    takeWritePauses: () => database.takeWritePauses(),
    copyRows: (table, columns, rows) => database.copyRows(table, columns, rows),
    withAdvisoryLock: (key, fn) => database.withAdvisoryLock(key, fn),
    close: () => database.close(),
  };
}

const LEASE = 'status-monitor';

/** The components every process checks itself: the database and the sign-in providers. */
function isLocal(component: string): boolean {
  return component === 'database' || component.startsWith('idp:');
}

/** A component as this process's own checks see it, for the page to lay over the snapshot. */
export interface LocalComponent {
  id: string;
  tracked: Tracked;
  confirmed: boolean;
}
/** A write pause shorter than this is a reconnect, not an event for the public register. */
const MIN_WRITE_PAUSE_MS = 1_000;

export class StatusRunner {
  readonly holder = `${process.pid}-${randomUUID().slice(0, 8)}`;
  readonly #deps: StatusDeps;
  readonly #options: StatusOptions;
  readonly #startedAt: Date;
  /** Each monitor's confirmation state, its last result and its last failure's words. */
  #monitors = new Map<string, { state: MonitorState; last: CheckResult; failure: string }>();
  #tracked = new Map<string, Tracked>();
  /** Database transitions this process saw (bounded), written if it becomes the leader. */
  #localHistory: Transition[] = [];
  #leader = false;
  /** The leader's view of what is recorded: subject → state of its open interval. */
  #recorded = new Map<string, string>();
  #openIncidents: OpenIncident[] = [];
  #queue: { transitions: Transition[]; events: IncidentEvent[] } = { transitions: [], events: [] };
  #maintenance = new Set<string>();
  #customDue = new Map<string, number>();
  /** The last provider result taken in, per provider. */
  #providerSeen = new Map<string, number>();
  #unsubscribe: (() => void) | null = null;
  /** Primary changes this process saw (address and when it was first seen as primary). */
  #primaries: { at: number; address: string }[] = [];
  /** This process's write pauses waiting to be written to the outage register. */
  #pauses: WritePause[] = [];
  /** When the leader's monitors, the heartbeat and the lease bid are due next (epoch ms). */
  #othersDue = 0;
  #timers: NodeJS.Timeout[] = [];
  #running = false;
  #lastRollup = 0;
  #lastPrune = 0;
  #rolling: Promise<void> | null = null;
  #snapshot: Snapshot | null = null;
  #snapshotFresh = false;
  #snapshotAt = 0;
  #stopped = false;

  /**
   * The database for the passes, each call bounded by about one database check interval: a write that
   * meets a database going away gives up (and is retried next pass) instead of holding up the checks
   * for the failover layer's whole deadline — the checks are what tells the public first.
   */
  readonly #db: Database;

  constructor(deps: StatusDeps, options: StatusOptions) {
    this.#deps = deps;
    this.#options = options;
    this.#db = boundedDatabase(
      deps.database,
      Math.max(1_000, options.databaseCheckIntervalMs ?? options.checkIntervalMs),
    );
    this.#startedAt = deps.now();
  }

  get isLeader(): boolean {
    return this.#leader;
  }

  async start(options: { waitForDatabase?: boolean } = {}): Promise<void> {
    this.#snapshot = await readSnapshot(this.#options.snapshotFile);
    const loop = (fn: () => Promise<void>, interval: number) => {
      const run = () => {
        if (this.#stopped) return;
        const timer = setTimeout(
          () => {
            void fn().finally(run);
          },
          jittered(interval, Math.random()),
        );
        timer.unref();
        this.#timers.push(timer);
        if (this.#timers.length > 8) this.#timers.splice(0, this.#timers.length - 8);
      };
      run();
    };
    loop(() => this.tick(), this.#options.databaseCheckIntervalMs ?? this.#options.checkIntervalMs);
    // A provider's new result is taken in at once (a pass already running takes it in next time).
    this.#unsubscribe = this.#deps.providers.onResult(() => {
      if (!this.#stopped) void this.tick();
    });
    loop(() => this.refreshSnapshot(), this.#options.snapshotIntervalMs);
    // A process starting during an outage does not wait for the database: it serves the snapshot on disk.
    const first = this.refreshSnapshot();
    if (options.waitForDatabase !== false) await first;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#unsubscribe?.();
    for (const t of this.#timers) clearTimeout(t);
    await removeHeartbeat(this.#deps.database, this.#deps.instance).catch(() => {});
    if (this.#leader) {
      await this.#deps.database
        .query(sql`DELETE FROM job_leases WHERE name = ${LEASE} AND holder = ${this.holder}`)
        .catch(() => {});
    }
  }

  /** One pass: check, confirm, derive, record. Never throws; never runs twice at once. */
  async tick(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    const started = performance.now();
    try {
      await this.#pass();
    } catch (err) {
      this.#deps.log.warn({ err }, 'status pass failed');
    } finally {
      this.#running = false;
      this.#deps.metrics.passSeconds.observe((performance.now() - started) / 1000);
    }
  }

  async #pass(): Promise<void> {
    const { providers } = this.#deps;
    const database = this.#db;
    const now = this.#deps.now();
    const at = now.getTime();
    const nodes = await database.nodes().catch(() => []);
    const results: CheckResult[] = databaseChecks(nodes, database.kind);
    /** When a result was observed, where that was not this pass (the providers' own checks). */
    const observedAt = new Map<CheckResult, number>();
    for (const p of providers.list()) {
      const fresh = providers.observationsAfter(p.config.id, this.#providerSeen.get(p.config.id) ?? 0);
      const last = fresh.at(-1);
      if (!last) continue;
      this.#providerSeen.set(p.config.id, last.n);
      const checked = providerChecks(
        fresh.map((o) => ({ ...p.health, state: o.ok ? 'up' : 'down', error: o.error, latencyMs: o.latencyMs })),
      );
      for (const [i, r] of checked.entries()) observedAt.set(r, fresh[i]?.at ?? at);
      results.push(...checked);
    }
    const primary = nodes.find((n) => n.reachable && n.role === 'primary')?.address ?? null;
    if (primary !== null && this.#primaries.at(-1)?.address !== primary) {
      this.#primaries.push({ at, address: primary });
      if (this.#primaries.length > 20) this.#primaries.shift();
    }
    // The failover layer's write pauses: every process records what its own writes met (a process
    // whose writes were all on the other one saw nothing); overlapping ones become one entry.
    const pauses = database.takeWritePauses().filter((p) => p.endedAt - p.startedAt >= MIN_WRITE_PAUSE_MS);
    this.#pauses.push(...pauses);
    if (this.#pauses.length > 20) this.#pauses.splice(0, this.#pauses.length - 20);
    const dbUp = results.some((r) => r.monitor === 'db:primary' && r.ok);
    if (dbUp) await this.#recordPauses();
    // Every pass checks the database; the rest runs at its own, slower interval (or on every pass when
    // the database has no interval of its own). A pass whose database check just came back runs it too,
    // so the leader is re-elected and writes as soon as a primary answers again.
    const others = this.#options.databaseCheckIntervalMs === undefined || at >= this.#othersDue;
    if (others) this.#othersDue = at + jittered(this.#options.checkIntervalMs, Math.random());
    if (dbUp && others)
      await heartbeat(database, this.#deps.instance, this.#startedAt, now, this.#deps.journalPending?.() ?? 0).catch(
        () => {},
      );
    if (others || (dbUp && !this.#leader && this.#lastDbUp === false)) await this.#elect(now, dbUp);
    this.#lastDbUp = dbUp;
    if (this.#leader && others) {
      // Without a primary the checks that read the database would only wait out its retry deadline and
      // slow every pass; the database is the cause then, and what they watch keeps its last state.
      const checks: Promise<CheckResult | CheckResult[]>[] = [
        ...(dbUp
          ? [
              appCheck(database, now, Math.max(30_000, 3 * this.#options.checkIntervalMs)),
              backlogCheck(database, now, 15 * 60_000),
            ]
          : []),
      ];
      for (const m of this.#options.custom) {
        const due = this.#customDue.get(m.id) ?? 0;
        if (due > at) continue;
        this.#customDue.set(m.id, at + jittered(m.intervalSeconds * 1000, Math.random()));
        checks.push(m.kind === 'http' ? httpCheck(m) : tcpCheck(m));
      }
      results.push(...(await Promise.all(checks)).flat());
      if (dbUp) this.#maintenance = await activeMaintenance(database, now).catch(() => this.#maintenance);
    }
    for (const r of results) {
      const held = this.#monitors.get(r.monitor);
      const policy = r.monitor.startsWith('db:')
        ? (this.#options.databasePolicy ?? this.#options.policy)
        : r.monitor.startsWith('idp:')
          ? (this.#options.providerPolicy ?? this.#options.policy)
          : this.#options.policy;
      this.#monitors.set(r.monitor, {
        state: afterCheck(held?.state ?? initialState(), r.ok, Math.min(at, observedAt.get(r) ?? at), policy),
        last: r,
        failure: r.ok ? (held?.failure ?? '') : r.detail,
      });
      this.#deps.metrics.checks.inc({ monitor_kind: r.monitor.split(':')[0] ?? r.monitor, ok: String(r.ok) });
    }
    // Nothing is recorded until every built-in monitor is confirmed one way or the other: a process
    // that has just started does not know yet, and must not write 정상 over a recorded outage.
    const settled = [...this.#monitors.values()].every(
      (m) => m.last.monitor.startsWith('ext:') || m.state.confirmed !== 'unknown',
    );
    this.#derive(at, settled);
    // Writes wait for a primary (queued meanwhile), so a pass never blocks on the retry deadline.
    if (this.#leader && settled && dbUp) await this.#record(now);
  }

  /** Whether the previous pass found a primary. */
  #lastDbUp: boolean | undefined;
  /** Whether no primary answered this process's first check (it started during an outage). */
  #startedInOutage: boolean | undefined;
  /** When such a process first saw a primary. */
  #upAgainAt = 0;

  async #elect(now: Date, dbUp: boolean): Promise<void> {
    this.#startedInOutage ??= !dbUp;
    if (!dbUp) return; // keep the current role until the database can say otherwise
    if (this.#startedInOutage && !this.#leader) {
      // It saw only the end of the outage: a process that saw all of it takes the lease first (and
      // writes the outage from its beginning); this one bids after two check intervals.
      this.#upAgainAt ||= now.getTime();
      if (now.getTime() - this.#upAgainAt < 2 * this.#options.checkIntervalMs + 2_000) return;
    }
    const seconds = Math.max(15, Math.ceil((4 * this.#options.checkIntervalMs) / 1000));
    const leader = await acquireLease(this.#db, LEASE, this.holder, seconds, now).catch(() => this.#leader);
    if (leader && !this.#leader) {
      // Taking over: what is recorded, the open incidents, gaps nobody watched, then what this process saw.
      await markGaps(this.#db, now, Math.max(60_000, 6 * this.#options.checkIntervalMs));
      const open = await this.#db.query<{ subject: string; state: string }>(
        sql`SELECT subject, state FROM status_intervals WHERE ended_at IS NULL`,
      );
      this.#recorded = new Map(open.map((o) => [o.subject, o.state]));
      this.#openIncidents = await openAutoIncidents(this.#db);
      const [observed] = await this.#db.query<{ at: string }>(
        sql`SELECT observed_at::text AS at FROM status_observed WHERE subject = 'component:database'`,
      );
      this.#queue = this.#replayLocalHistory(observed ? Date.parse(observed.at) : 0);
      this.#deps.log.info({ holder: this.holder }, 'status monitor leader');
    }
    if (!leader && this.#leader) this.#queue = { transitions: [], events: [] };
    this.#leader = leader;
    this.#deps.metrics.leader.set(leader ? 1 : 0);
  }

  /**
   * A process taking over the lease writes what it saw of the database itself while it was not the
   * leader (the old leader's queue may have died with it): the database's transitions, the services'
   * states they imply, and the incidents they open and close.
   */
  #replayLocalHistory(after: number): { transitions: Transition[]; events: IncidentEvent[] } {
    const { catalogue } = this.#deps;
    const transitions: Transition[] = [];
    const events: IncidentEvent[] = [];
    let badSince = 0;
    let previous: LiveState = 'operational';
    // What the previous leader observed is recorded already.
    for (const t of this.#localHistory.filter((h) => h.at > after)) {
      transitions.push(t);
      if (t.subject !== 'component:database' || t.state === 'nodata') continue;
      const state = t.state;
      badSince = state === 'operational' ? t.at : previous === 'operational' ? t.at : badSince;
      previous = state;
      const view = [{ id: 'database', state, cause: t.detail }];
      for (const s of serviceStates(catalogue.services, view, new Set()))
        transitions.push({ subject: `service:${s.id}`, state: s.state, at: t.at, detail: '' });
      const roots = rootCauses(catalogue.components, catalogue.services, view);
      const diff = diffIncidents(
        this.#openIncidents.filter((o) => o.component === 'database'),
        roots,
        catalogue.names,
        () => ({ since: t.at, badSince }),
      );
      for (const e of diff) {
        if (e.type === 'open') this.#openIncidents.push({ key: e.key, component: e.component, impact: e.impact });
        else if (e.type === 'escalate')
          for (const o of this.#openIncidents)
            if (o.key === e.key) o.impact = e.impact;
            else this.#openIncidents = this.#openIncidents.filter((o) => o.key !== e.key);
        events.push(e);
      }
    }
    return { transitions, events };
  }

  /** Monitors → components → services → root causes; tracks since-times; queues what changed. */
  #derive(at: number, settled: boolean): void {
    const { catalogue } = this.#deps;
    const monitorSince = new Map<string, number>();
    for (const { state, last } of this.#monitors.values()) {
      const since = Math.min(state.since ?? at, at);
      monitorSince.set(`monitor:${last.monitor}`, since);
      monitorSince.set(
        `component:${last.component}`,
        Math.max(monitorSince.get(`component:${last.component}`) ?? 0, since),
      );
    }
    const deps = new Map(
      catalogue.services.map((s) => [`service:${s.id}`, s.deps.map((d) => `component:${d.component}`)]),
    );
    /** When a subject's change happened: its monitor's confirmation time, not this pass's. */
    const changedAt = (subject: string, prev: Tracked | undefined): number => {
      const candidates = deps.get(subject)?.map((c) => this.#tracked.get(c)?.since ?? 0) ?? [
        monitorSince.get(subject) ?? at,
      ];
      const latest = Math.max(...candidates);
      // A change no monitor explains (maintenance began, a check got slow) happened now.
      return prev && latest <= prev.since ? at : Math.min(at, latest);
    };
    const views: MonitorView[] = [...this.#monitors.values()].map(({ state, last, failure }) => ({
      id: last.monitor,
      component: last.component,
      confirmed: state.confirmed,
      downState: last.downState,
      slow: last.slow,
      // Still confirmed down while its checks succeed again (recovery needs r successes): the cause is
      // the failure, not the first good answer.
      detail: state.confirmed === 'down' && last.ok && failure ? failure : last.detail,
    }));
    // Non-leaders know the database and the sign-in providers (each checks them itself); the rest they
    // leave to the leader.
    const defs = this.#leader ? catalogue.components : catalogue.components.filter((c) => isLocal(c.id));
    const components = componentStates(defs, views, this.#maintenance);
    const services = this.#leader ? serviceStates(catalogue.services, components, this.#maintenance) : [];
    const subjects: { subject: string; state: LiveState; detail: string }[] = [
      ...views.map((v) => ({
        subject: `monitor:${v.id}`,
        state: (v.confirmed === 'down' ? v.downState : v.slow ? 'degraded' : 'operational') as LiveState,
        detail: `${v.component}|${v.detail}`,
      })),
      ...components.map((c) => ({ subject: `component:${c.id}`, state: c.state, detail: c.cause })),
      ...services.map((s) => ({ subject: `service:${s.id}`, state: s.state, detail: '' })),
    ];
    for (const s of subjects) {
      const prev = this.#tracked.get(s.subject);
      if (prev && prev.state === s.state) {
        prev.detail = s.detail || prev.detail;
        continue;
      }
      const since = changedAt(s.subject, prev);
      const badSince = s.state === 'operational' ? since : prev && prev.state !== 'operational' ? prev.badSince : since;
      this.#tracked.set(s.subject, { state: s.state, since, badSince, detail: s.detail });
      const t: Transition = { subject: s.subject, state: s.state, at: since, detail: s.detail };
      if (s.subject === 'component:database' || s.subject.startsWith('monitor:db:')) {
        this.#localHistory.push(t);
        if (this.#localHistory.length > 200) this.#localHistory.shift();
      }
      if (this.#leader && s.state !== 'operational') {
        this.#deps.log.warn({ subject: s.subject, state: s.state, detail: s.detail }, 'status changed');
      }
    }
    for (const c of components) this.#deps.metrics.componentState.set({ component: c.id }, SEVERITY[c.state]);
    for (const s of services) this.#deps.metrics.serviceState.set({ service: s.id }, SEVERITY[s.state]);
    for (const v of views) this.#deps.metrics.monitorUp.set({ monitor: v.id }, v.confirmed === 'down' ? 0 : 1);
    if (!this.#leader || !settled) return;
    // A monitor not yet confirmed either way (just started, or a new leader) says nothing: its
    // subject, its component and the services on it keep what is recorded until it is confirmed.
    const unknownComponents = new Set(views.filter((v) => v.confirmed === 'unknown').map((v) => v.component));
    const unknownSubjects = new Set([
      ...views.filter((v) => v.confirmed === 'unknown').map((v) => `monitor:${v.id}`),
      ...[...unknownComponents].map((c) => `component:${c}`),
      ...catalogue.services
        .filter((svc) => svc.deps.some((d) => unknownComponents.has(d.component)))
        .map((svc) => `service:${svc.id}`),
    ]);
    // What to write: every subject whose state differs from its open interval, from when it changed.
    for (const s of subjects) {
      const tracked = this.#tracked.get(s.subject);
      if (!tracked || unknownSubjects.has(s.subject) || this.#recorded.get(s.subject) === s.state) continue;
      this.#queue.transitions.push({ subject: s.subject, state: s.state, at: tracked.since, detail: s.detail });
      this.#recorded.set(s.subject, s.state);
    }
    const roots = rootCauses(catalogue.components, catalogue.services, components).filter(
      (r) => !unknownComponents.has(r.component),
    );
    const open = this.#openIncidents.filter((o) => !unknownComponents.has(o.component));
    const events = diffIncidents(open, roots, catalogue.names, (component) => {
      const t = this.#tracked.get(`component:${component}`);
      return { since: t?.since ?? at, badSince: t?.badSince ?? at };
    });
    for (const e of events) {
      if (e.type === 'open') {
        this.#openIncidents.push({ key: e.key, component: e.component, impact: e.impact });
        this.#deps.metrics.incidentsOpened.inc({ component: e.component, impact: e.impact });
        this.#deps.log.warn({ incident: e.key, impact: e.impact, cause: e.cause }, `incident opened: ${e.title}`);
      } else if (e.type === 'escalate') {
        for (const o of this.#openIncidents) if (o.key === e.key) o.impact = e.impact;
      } else {
        this.#openIncidents = this.#openIncidents.filter((o) => o.key !== e.key);
        this.#deps.log.info({ incident: e.key }, 'incident resolved');
      }
    }
    this.#queue.events.push(...events);
    this.#deps.metrics.incidentsOpen.set(this.#openIncidents.length);
  }

  /** Writes the queue in order; on failure keeps the rest for the next pass. */
  async #record(now: Date): Promise<void> {
    const { catalogue } = this.#deps;
    const database = this.#db;
    try {
      if (this.#queue.transitions.length) {
        await recordTransitions(database, this.#queue.transitions);
        this.#queue.transitions = [];
      }
      while (this.#queue.events.length) {
        const e = this.#queue.events[0];
        if (!e) break;
        await applyIncidentEvent(database, e, catalogue.names);
        this.#queue.events.shift();
      }
      this.#localHistory = [];
      await touchObserved(database, [...this.#tracked.keys()], now);
      if (now.getTime() - this.#lastRollup >= 60_000 && !this.#rolling) {
        // On its own: a long roll-up (the first one over years of history) must not hold up the checks,
        // the heartbeat and the lease.
        this.#lastRollup = now.getTime();
        this.#rolling = this.#rollupAndPrune(now).finally(() => {
          this.#rolling = null;
        });
      }
    } catch (err) {
      this.#deps.metrics.queued.set(this.#queue.transitions.length + this.#queue.events.length);
      this.#deps.log.warn(
        { err, queued: this.#queue.transitions.length + this.#queue.events.length },
        'status write deferred',
      );
      return;
    }
    this.#deps.metrics.queued.set(0);
  }

  /** Writes the pauses waiting, in order; on failure keeps the rest for the next pass. */
  async #recordPauses(): Promise<void> {
    try {
      while (this.#pauses.length) {
        const p = this.#pauses[0];
        if (!p) break;
        await recordWritePause(this.#db, this.#pauseRecord(p));
        this.#pauses.shift();
      }
    } catch (err) {
      this.#deps.log.warn({ err, queued: this.#pauses.length }, 'write pause not recorded yet');
    }
  }

  /** What a write pause was: a primary change when the primary after it is not the one before it. */
  #pauseRecord(p: WritePause): WritePauseRecord {
    const before = this.#primaries.filter((x) => x.at <= p.startedAt).at(-1)?.address;
    const after = this.#primaries.at(-1)?.address;
    const switched = before !== undefined && after !== undefined && before !== after;
    const met = p.kinds.includes('read-only') ? '대기 서버가 쓰기를 거부' : '주 서버 연결 끊김';
    return {
      key: `write-pause@${this.#deps.instance}@${new Date(p.startedAt).toISOString()}`,
      startedAt: p.startedAt,
      endedAt: p.endedAt,
      kind: switched ? '주 DB 전환' : '주 DB 연결 끊김',
      cause: switched
        ? `주 DB 전환 (${before} → ${after}): ${met}, 쓰기 재시도 ${p.failures}회`
        : `주 DB 연결 끊김 (${after ?? '주 서버'}, 같은 서버로 복구): ${met}, 쓰기 재시도 ${p.failures}회`,
      services: this.#deps.catalogue.services
        .filter((svc) => svc.deps.some((d) => d.component === 'database'))
        .map((svc) => svc.id),
    };
  }

  async #rollupAndPrune(now: Date): Promise<void> {
    const { database } = this.#deps;
    try {
      await rollup(
        database,
        [...this.#tracked.keys()].filter((s) => !s.startsWith('monitor:')),
        now,
      );
      // Retention and stale heartbeats: once an hour is plenty.
      if (now.getTime() - this.#lastPrune >= 3_600_000) {
        this.#lastPrune = now.getTime();
        await prune(database, now);
        await purgeHeartbeats(database, now, 3_600_000);
      }
    } catch (err) {
      this.#deps.log.warn({ err }, 'status roll-up deferred');
    }
  }

  /** Forces roll-ups now (tests, and the benchmark). */
  async rollupNow(): Promise<void> {
    await this.#rolling;
    this.#lastRollup = 0;
    await this.#record(this.#deps.now());
    await this.#rolling;
  }

  async refreshSnapshot(): Promise<void> {
    const now = this.#deps.now();
    try {
      const snapshot = await loadSnapshot(this.#deps.database, this.#deps.catalogue, now);
      this.#snapshot = snapshot;
      this.#snapshotFresh = true;
      this.#snapshotAt = now.getTime();
      await saveSnapshot(this.#options.snapshotFile, snapshot).catch((err: unknown) =>
        this.#deps.log.warn({ err }, 'status snapshot not saved'),
      );
    } catch {
      this.#snapshotFresh = false;
    }
  }

  /** True when this process's checks find no database node answering, not even a standby to read from. */
  noNodeAnswers(): boolean {
    const nodes = [...this.#tracked].filter(([subject]) => subject.startsWith('monitor:db:node:'));
    return nodes.length > 0 && nodes.every(([, t]) => t.state !== 'operational');
  }

  /**
   * What the page shows: the snapshot, and when it could not be refreshed, this process's own live
   * view of the database laid over it (with a provisional incident when the database is failing).
   */
  view(): {
    snapshot: Snapshot | null;
    fresh: boolean;
    local: LocalComponent[];
  } {
    // No node answering this process's checks: the snapshot cannot be current, whatever its age (its
    // refresh may still be waiting out the retry deadline).
    const stale =
      !this.#snapshotFresh ||
      this.#deps.now().getTime() - this.#snapshotAt > 3 * this.#options.snapshotIntervalMs ||
      this.noNodeAnswers();
    const local: LocalComponent[] = [];
    for (const c of this.#deps.catalogue.components) {
      const tracked = this.#tracked.get(`component:${c.id}`);
      if (!isLocal(c.id) || !tracked) continue;
      const monitors = [...this.#monitors.values()].filter((m) => m.last.component === c.id);
      // Every monitor of it confirmed one way or the other by this process (not just started).
      const confirmed = monitors.length > 0 && monitors.every((m) => m.state.confirmed !== 'unknown');
      local.push({ id: c.id, tracked, confirmed });
    }
    return { snapshot: this.#snapshot, fresh: !stale, local };
  }
}
