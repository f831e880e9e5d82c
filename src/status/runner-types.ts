/** The status runner's options, dependencies and what it tracks (src/status/runner.ts). */
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/index.ts';
import type { ProviderRegistry } from '../identity/providers.ts';
import type { Catalogue, CustomMonitor } from './catalogue.ts';
import type { StatusMetrics } from './metrics.ts';
import type { LiveState } from './model.ts';
import type { MonitorPolicy } from './monitor.ts';

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

/** A subject (monitor, component or service) and the state this pass derived for it. */
export interface Subject {
  subject: string;
  state: LiveState;
  detail: string;
}

export interface Tracked {
  state: LiveState;
  since: number;
  /** When it last left 정상. */
  badSince: number;
  detail: string;
}

/** A component as this process's own checks see it, for the page to lay over the snapshot. */
export interface LocalComponent {
  id: string;
  tracked: Tracked;
  confirmed: boolean;
}
