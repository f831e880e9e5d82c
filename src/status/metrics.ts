/**
 * Prometheus metrics (prom-client), one registry per app: process defaults, HTTP requests, and the
 * status runner's monitors, components, services and incidents. Served at /metrics.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/index.ts';
import type { Journal } from '../intake/journal.ts';
import { operationsNumbers } from '../intake/operations-store.ts';

interface IntakeGauges {
  pendingCount(): number;
  stats: { journaled: number; applied: number; review: number };
  journal: Pick<Journal, 'corrupt' | 'appendState'>;
}

/** The HTTP and status runner meters. */
function meters(registry: Registry) {
  return {
    httpRequests: new Counter({
      name: 'ilteo_http_requests_total',
      help: 'HTTP requests answered, by method, route and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    }),
    httpSeconds: new Histogram({
      name: 'ilteo_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    checks: new Counter({
      name: 'ilteo_status_checks_total',
      help: 'Monitor checks run by this process, by monitor kind and result',
      labelNames: ['monitor_kind', 'ok'] as const,
      registers: [registry],
    }),
    passSeconds: new Histogram({
      name: 'ilteo_status_pass_seconds',
      help: 'Time of one monitor pass (checks, derivation, writes)',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    leader: new Gauge({
      name: 'ilteo_status_leader',
      help: '1 when this process holds the monitor lease',
      registers: [registry],
    }),
    monitorUp: new Gauge({
      name: 'ilteo_status_monitor_up',
      help: 'Confirmed monitor state as seen by this process (1 up or unknown, 0 down)',
      labelNames: ['monitor'] as const,
      registers: [registry],
    }),
    componentState: new Gauge({
      name: 'ilteo_status_component_state',
      help: 'Component state: 0 정상, 1 이중화 상실, 2 성능 저하, 3 점검 중, 4 부분 장애, 5 전체 장애',
      labelNames: ['component'] as const,
      registers: [registry],
    }),
    serviceState: new Gauge({
      name: 'ilteo_status_service_state',
      help: 'Public service state (same scale as ilteo_status_component_state); leader only',
      labelNames: ['service'] as const,
      registers: [registry],
    }),
    incidentsOpen: new Gauge({
      name: 'ilteo_status_incidents_open',
      help: 'Automatic incidents open (leader only)',
      registers: [registry],
    }),
    incidentsOpened: new Counter({
      name: 'ilteo_status_incidents_opened_total',
      help: 'Automatic incidents opened by this process as leader',
      labelNames: ['component', 'impact'] as const,
      registers: [registry],
    }),
    outageReschedules: new Counter({
      name: 'ilteo_outage_reschedules_total',
      help: '실업인정일 moved after an outage (moved), or left for a counsellor (review), by this process',
      labelNames: ['result'] as const,
      registers: [registry],
    }),
    queued: new Gauge({
      name: 'ilteo_status_queued_writes',
      help: 'Status writes waiting for the database (transitions and incident events)',
      registers: [registry],
    }),
  };
}

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'ilteo_' });
  return {
    registry,
    ...meters(registry),
    registerOperations: (database: Database) => registerOperations(registry, database),
    registerSavedPages: (counts: () => { public: number; personal: number }) => registerSavedPages(registry, counts),
    registerIntake: (intake: IntakeGauges) => registerIntake(registry, intake),
  };
}
export type StatusMetrics = ReturnType<typeof createMetrics>;

/** Fleet-wide numbers from the database, read when scraped (issue 7's operations view). */
function registerOperations(registry: Registry, database: Database): void {
  // One read per scrape (shared by the gauges), and never a slow scrape: during an outage the
  // numbers are simply missing (2 s bound) rather than waiting out the database's retry deadline.
  let cached: { at: number; value: Promise<Awaited<ReturnType<typeof operationsNumbers>> | null> } | null = null;
  const read = () => {
    if (cached && Date.now() - cached.at < 1_000) return cached.value;
    const value = Promise.race([
      operationsNumbers(database, new Date()).catch(() => null),
      new Promise<null>((r) => setTimeout(() => r(null), 2_000).unref()),
    ]);
    cached = { at: Date.now(), value };
    return value;
  };
  new Gauge({
    name: 'ilteo_fleet_journal_pending',
    help: 'Submissions waiting in each app server journal, as last reported with its heartbeat',
    labelNames: ['instance'] as const,
    registers: [registry],
    async collect() {
      const n = await read();
      this.reset();
      for (const j of n?.journals ?? []) this.set({ instance: j.instance }, j.pending);
    },
  });
  new Gauge({
    name: 'ilteo_counter_queue',
    help: 'Forms waiting in job-centre counter queues (state: waiting, review), as reported in the last hour',
    labelNames: ['centre', 'state'] as const,
    registers: [registry],
    async collect() {
      const n = await read();
      this.reset();
      for (const c of n?.counters ?? []) {
        this.set({ centre: c.centre, state: 'waiting' }, c.waiting);
        this.set({ centre: c.centre, state: 'review' }, c.review);
      }
    },
  });
  new Gauge({
    name: 'ilteo_counter_offline_windows',
    help: 'Offline windows reported by job-centre counters in the last 7 days (5 minutes or longer), by centre',
    labelNames: ['centre'] as const,
    registers: [registry],
    async collect() {
      const n = await read();
      this.reset();
      for (const o of n?.counterOutages ?? []) this.inc({ centre: o.centre });
    },
  });
  new Gauge({
    name: 'ilteo_rescheduled_recognitions',
    help: '실업인정일 moved after outages (latest 300), by result',
    labelNames: ['result'] as const,
    registers: [registry],
    async collect() {
      const n = await read();
      this.reset();
      for (const result of ['moved', 'review'])
        this.set({ result }, n?.reschedules.filter((r) => r.result === result).length ?? 0);
    },
  });
}

/** Pages saved to show when no database node answers. */
function registerSavedPages(registry: Registry, counts: () => { public: number; personal: number }): void {
  new Gauge({
    name: 'ilteo_saved_pages',
    help: 'Pages this app server has saved to show when no database node answers, by kind (public, personal)',
    labelNames: ['kind'] as const,
    registers: [registry],
    collect() {
      const c = counts();
      this.set({ kind: 'public' }, c.public);
      this.set({ kind: 'personal' }, c.personal);
    },
  });
}

/** The submission journal's backlog and outcomes (issue 7). */
function registerIntake(registry: Registry, intake: IntakeGauges): void {
  new Gauge({
    name: 'ilteo_journal_pending',
    help: 'Submissions in this app server journal waiting for the database',
    registers: [registry],
    collect() {
      this.set(intake.pendingCount());
    },
  });
  new Gauge({
    name: 'ilteo_journal_entries',
    help: 'Submissions taken into this app server journal since start, by outcome (journaled, applied, review)',
    labelNames: ['outcome'] as const,
    registers: [registry],
    collect() {
      for (const [outcome, n] of Object.entries(intake.stats)) this.set({ outcome }, n);
    },
  });
  new Gauge({
    name: 'ilteo_journal_corrupt_lines',
    help: 'Complete lines of this app server journal that failed their checksum or did not parse when it was opened (not read; an operator must look at them), by file (entries, outcomes)',
    labelNames: ['file'] as const,
    registers: [registry],
    collect() {
      const c = intake.journal.corrupt();
      this.set({ file: 'entries' }, c.entries);
      this.set({ file: 'outcomes' }, c.outcomes);
    },
  });
  new Gauge({
    name: 'ilteo_journal_failed_appends',
    help: 'Batches of this app server journal whose write or fsync failed since start (their submissions were answered not received), by file',
    labelNames: ['file'] as const,
    registers: [registry],
    collect() {
      const { failed } = intake.journal.appendState();
      this.set({ file: 'entries' }, failed.entries);
      this.set({ file: 'outcomes' }, failed.outcomes);
    },
  });
  new Gauge({
    name: 'ilteo_journal_refusing',
    help: '1 when this app server journal refuses appends (a failed append could not be cut back; restart after checking the disk)',
    registers: [registry],
    collect() {
      this.set(intake.journal.appendState().refusing.length > 0 ? 1 : 0);
    },
  });
}
