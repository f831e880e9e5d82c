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
import { boundedDatabase } from '../db/bounded.ts';
import type { Database } from '../db/index.ts';
import { acquireLease, releaseLease } from '../db/leases.ts';
import {
  appCheck,
  backlogCheck,
  type CheckResult,
  databaseChecks,
  httpCheck,
  providerChecks,
  tcpCheck,
} from './checks.ts';
import { Loops } from './loops.ts';
import {
  type ComponentView,
  componentStates,
  diffIncidents,
  type MonitorView,
  type OpenIncident,
  rootCauses,
  SEVERITY,
  serviceStates,
} from './model.ts';
import { afterCheck, initialState, jittered } from './monitor.ts';
import {
  applyEvents,
  type HeldMonitor,
  isLocal,
  localComponents,
  mayRecord,
  monitorSince,
  monitorState,
  monitorViews,
  policyFor,
  replayHistory,
  trackChanges,
  unconfirmed,
} from './runner-rules.ts';
import { SnapshotKeeper } from './runner-snapshot.ts';
import type { LocalComponent, StatusDeps, StatusOptions, Subject, Tracked } from './runner-types.ts';
import { StatusRecorder, WritePauseLog } from './runner-writes.ts';
import type { Snapshot } from './snapshot.ts';
import { activeMaintenance, heartbeat, removeHeartbeat, type Transition } from './store.ts';
import { takeOver } from './takeover-store.ts';

const LEASE = 'status-monitor';

export class StatusRunner {
  readonly holder = `${process.pid}-${randomUUID().slice(0, 8)}`;
  readonly #deps: StatusDeps;
  readonly #options: StatusOptions;
  readonly #startedAt: Date;
  /** Each monitor's confirmation state, its last result and its last failure's words. */
  #monitors = new Map<string, HeldMonitor>();
  #tracked = new Map<string, Tracked>();
  /** Database transitions this process saw (bounded), written if it becomes the leader. */
  #localHistory: Transition[] = [];
  #leader = false;
  /** The leader's view of what is recorded: subject → state of its open interval. */
  #recorded = new Map<string, string>();
  #openIncidents: OpenIncident[] = [];
  #maintenance = new Set<string>();
  #customDue = new Map<string, number>();
  /** The last provider result taken in, per provider. */
  #providerSeen = new Map<string, number>();
  #unsubscribe: (() => void) | null = null;
  /** When the leader's monitors, the heartbeat and the lease bid are due next (epoch ms). */
  #othersDue = 0;
  readonly #loops = new Loops();
  #running = false;

  /**
   * The database for the passes, each call bounded by about one database check interval: a write that
   * meets a database going away gives up (and is retried next pass) instead of holding up the checks
   * for the failover layer's whole deadline — the checks are what tells the public first.
   */
  readonly #db: Database;
  readonly #recorder: StatusRecorder;
  readonly #writePauses: WritePauseLog;
  readonly #snapshot: SnapshotKeeper;

  constructor(deps: StatusDeps, options: StatusOptions) {
    this.#deps = deps;
    this.#options = options;
    this.#db = boundedDatabase(
      deps.database,
      Math.max(1_000, options.databaseCheckIntervalMs ?? options.checkIntervalMs),
    );
    this.#startedAt = deps.now();
    this.#recorder = new StatusRecorder({ ...deps, db: this.#db });
    this.#writePauses = new WritePauseLog(deps);
    this.#snapshot = new SnapshotKeeper({
      ...deps,
      file: options.snapshotFile,
      intervalMs: options.snapshotIntervalMs,
    });
  }

  get isLeader(): boolean {
    return this.#leader;
  }

  async start(options: { waitForDatabase?: boolean } = {}): Promise<void> {
    await this.#snapshot.readSaved();
    this.#loops.every(() => this.tick(), this.#options.databaseCheckIntervalMs ?? this.#options.checkIntervalMs);
    // A provider's new result is taken in at once (a pass already running takes it in next time).
    this.#unsubscribe = this.#deps.providers.onResult(() => {
      if (!this.#loops.stopped) void this.tick();
    });
    this.#loops.every(() => this.refreshSnapshot(), this.#options.snapshotIntervalMs);
    // A process starting during an outage does not wait for the database: it serves the snapshot on disk.
    const first = this.refreshSnapshot();
    if (options.waitForDatabase !== false) await first;
  }

  async stop(): Promise<void> {
    this.#loops.stop();
    this.#unsubscribe?.();
    await removeHeartbeat(this.#deps.database, this.#deps.instance).catch(() => {});
    if (this.#leader) {
      await releaseLease(this.#deps.database, LEASE, this.holder).catch(() => {});
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
    const database = this.#db;
    const now = this.#deps.now();
    const at = now.getTime();
    const nodes = await database.nodes().catch(() => []);
    const results: CheckResult[] = databaseChecks(nodes, database.kind);
    /** When a result was observed, where that was not this pass (the providers' own checks). */
    const observedAt = this.#takeProviderResults(results, at);
    this.#writePauses.notePrimary(nodes, at);
    this.#writePauses.add(database.takeWritePauses());
    const dbUp = results.some((r) => r.monitor === 'db:primary' && r.ok);
    if (dbUp) await this.#writePauses.write(database, at);
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
    if (this.#leader && others) results.push(...(await this.#leaderChecks(now, dbUp)));
    this.#confirm(results, observedAt, at);
    // Nothing is recorded until this process's own monitors are confirmed (see mayRecord).
    const settled = mayRecord(this.#monitors.values());
    this.#derive(at, settled);
    // Writes wait for a primary (queued meanwhile), so a pass never blocks on the retry deadline.
    if (this.#leader && settled && dbUp) await this.#record(now);
  }

  /** The sign-in providers' results since the last pass, each with when the registry observed it. */
  #takeProviderResults(results: CheckResult[], at: number): Map<CheckResult, number> {
    const { providers } = this.#deps;
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
    return observedAt;
  }

  /** The leader's own monitors: app heartbeats, the job backlog and the custom targets that are due. */
  async #leaderChecks(now: Date, dbUp: boolean): Promise<CheckResult[]> {
    const database = this.#db;
    const at = now.getTime();
    // Without a primary the checks that read the database would only wait out its retry deadline and
    // slow every pass; the database is the cause then, and what they watch keeps its last state.
    const checks: Promise<CheckResult | CheckResult[]>[] = dbUp
      ? [
          appCheck(database, now, Math.max(30_000, 3 * this.#options.checkIntervalMs)),
          backlogCheck(database, now, 15 * 60_000),
        ]
      : [];
    for (const m of this.#options.custom) {
      const due = this.#customDue.get(m.id) ?? 0;
      if (due > at) continue;
      this.#customDue.set(m.id, at + jittered(m.intervalSeconds * 1000, Math.random()));
      checks.push(m.kind === 'http' ? httpCheck(m) : tcpCheck(m));
    }
    const results = (await Promise.all(checks)).flat();
    if (dbUp) this.#maintenance = await activeMaintenance(database, now).catch(() => this.#maintenance);
    return results;
  }

  /** Each result through its monitor's k-of-n. */
  #confirm(results: readonly CheckResult[], observedAt: ReadonlyMap<CheckResult, number>, at: number): void {
    for (const r of results) {
      const held = this.#monitors.get(r.monitor);
      this.#monitors.set(r.monitor, {
        state: afterCheck(
          held?.state ?? initialState(),
          r.ok,
          Math.min(at, observedAt.get(r) ?? at),
          policyFor(r.monitor, this.#options),
        ),
        last: r,
        failure: r.ok ? (held?.failure ?? '') : r.detail,
      });
      this.#deps.metrics.checks.inc({ monitor_kind: r.monitor.split(':')[0] ?? r.monitor, ok: String(r.ok) });
    }
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
      const taken = await takeOver(this.#db, now, Math.max(60_000, 6 * this.#options.checkIntervalMs));
      this.#recorded = taken.recorded;
      this.#openIncidents = taken.open;
      // What it saw of the database itself while it was not the leader (the old leader's queue may
      // have died with it).
      const replay = replayHistory(
        this.#localHistory,
        this.#openIncidents,
        this.#deps.catalogue,
        taken.databaseObservedAt,
      );
      this.#openIncidents = replay.open;
      this.#recorder.replace({ transitions: replay.transitions, events: replay.events });
      this.#deps.log.info({ holder: this.holder }, 'status monitor leader');
    }
    if (!leader && this.#leader) this.#recorder.replace({ transitions: [], events: [] });
    this.#leader = leader;
    this.#deps.metrics.leader.set(leader ? 1 : 0);
  }

  /** Monitors → components → services → root causes; tracks since-times; queues what changed. */
  #derive(at: number, settled: boolean): void {
    const { catalogue, metrics } = this.#deps;
    const views = monitorViews(this.#monitors.values());
    // Non-leaders know the database and the sign-in providers (each checks them itself); the rest they
    // leave to the leader.
    const defs = this.#leader ? catalogue.components : catalogue.components.filter((c) => isLocal(c.id));
    const components = componentStates(defs, views, this.#maintenance);
    const services = this.#leader ? serviceStates(catalogue.services, components, this.#maintenance) : [];
    const subjects: Subject[] = [
      ...views.map((v) => ({
        subject: `monitor:${v.id}`,
        state: monitorState(v),
        detail: `${v.component}|${v.detail}`,
      })),
      ...components.map((c) => ({ subject: `component:${c.id}`, state: c.state, detail: c.cause })),
      ...services.map((s) => ({ subject: `service:${s.id}`, state: s.state, detail: '' })),
    ];
    this.#track(at, subjects);
    for (const c of components) metrics.componentState.set({ component: c.id }, SEVERITY[c.state]);
    for (const s of services) metrics.serviceState.set({ service: s.id }, SEVERITY[s.state]);
    for (const v of views) metrics.monitorUp.set({ monitor: v.id }, v.confirmed === 'down' ? 0 : 1);
    if (this.#leader && settled) this.#queueChanges(at, views, subjects, components);
  }

  /** Each subject's state and since-time; the database's changes are kept for a later leader. */
  #track(at: number, subjects: readonly Subject[]): void {
    const { catalogue, log } = this.#deps;
    const since = monitorSince(this.#monitors.values(), at);
    for (const t of trackChanges(this.#tracked, subjects, at, since, catalogue.services)) {
      if (t.subject === 'component:database' || t.subject.startsWith('monitor:db:')) {
        this.#localHistory.push(t);
        if (this.#localHistory.length > 200) this.#localHistory.shift();
      }
      if (this.#leader && t.state !== 'operational')
        log.warn({ subject: t.subject, state: t.state, detail: t.detail }, 'status changed');
    }
  }

  /** The leader's writes: every subject whose state differs from its open interval, and the incidents. */
  #queueChanges(
    at: number,
    views: readonly MonitorView[],
    subjects: readonly Subject[],
    components: readonly ComponentView[],
  ): void {
    const { catalogue, metrics, log } = this.#deps;
    const unknown = unconfirmed(views, catalogue.services);
    for (const s of subjects) {
      const tracked = this.#tracked.get(s.subject);
      if (!tracked || unknown.subjects.has(s.subject) || this.#recorded.get(s.subject) === s.state) continue;
      this.#recorder.push([{ subject: s.subject, state: s.state, at: tracked.since, detail: s.detail }], []);
      this.#recorded.set(s.subject, s.state);
    }
    const roots = rootCauses(catalogue.components, catalogue.services, components).filter(
      (r) => !unknown.components.has(r.component),
    );
    const open = this.#openIncidents.filter((o) => !unknown.components.has(o.component));
    const events = diffIncidents(open, roots, catalogue.names, (component) => {
      const t = this.#tracked.get(`component:${component}`);
      return { since: t?.since ?? at, badSince: t?.badSince ?? at };
    });
    for (const e of events) {
      if (e.type === 'open') {
        metrics.incidentsOpened.inc({ component: e.component, impact: e.impact });
        log.warn({ incident: e.key, impact: e.impact, cause: e.cause }, `incident opened: ${e.title}`);
      } else if (e.type === 'close') log.info({ incident: e.key }, 'incident resolved');
    }
    this.#openIncidents = applyEvents(this.#openIncidents, events);
    this.#recorder.push([], events);
    metrics.incidentsOpen.set(this.#openIncidents.length);
  }

  /** Writes the queue; what this process saw of the database is then recorded. */
  async #record(now: Date): Promise<void> {
    if (await this.#recorder.write(now, [...this.#tracked.keys()])) this.#localHistory = [];
  }

  /** Forces roll-ups now (tests, and the benchmark). */
  async rollupNow(): Promise<void> {
    if (await this.#recorder.rollupNow(this.#deps.now(), [...this.#tracked.keys()])) this.#localHistory = [];
  }

  refreshSnapshot(): Promise<void> {
    return this.#snapshot.refresh();
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
    const stale = !this.#snapshot.current || this.noNodeAnswers();
    return {
      snapshot: this.#snapshot.snapshot,
      fresh: !stale,
      local: localComponents(this.#deps.catalogue.components, this.#tracked, [...this.#monitors.values()]),
    };
  }
}
