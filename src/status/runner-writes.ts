/**
 * What the status runner writes (src/status/runner.ts): the leader's queue of state changes and
 * incident events, and every process's write pauses for the outage register. Both are kept in order
 * while no primary answers and written when one does, with the times things happened.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { NodeStatus } from '../db/database.ts';
import type { Database } from '../db/index.ts';
import type { WritePause } from '../db/write-pauses.ts';
import type { Catalogue } from './catalogue.ts';
import type { StatusMetrics } from './metrics.ts';
import type { IncidentEvent } from './model.ts';
import { MIN_WRITE_PAUSE_MS, pauseFate, pauseRecord } from './runner-rules.ts';
import {
  applyIncidentEvent,
  prune,
  purgeHeartbeats,
  recordTransitions,
  recordWritePause,
  rollup,
  type Transition,
  touchObserved,
} from './store.ts';

export interface Queue {
  transitions: Transition[];
  events: IncidentEvent[];
}

interface RecorderDeps {
  /** The passes' database (each call bounded); the roll-up uses the unbounded one. */
  db: Database;
  database: Database;
  catalogue: Catalogue;
  log: FastifyBaseLogger;
  metrics: StatusMetrics;
}

/** The leader's writes: state intervals and incidents in order, then the roll-ups and retention. */
export class StatusRecorder {
  #queue: Queue = { transitions: [], events: [] };
  #lastRollup = 0;
  #lastPrune = 0;
  #rolling: Promise<void> | null = null;
  readonly #deps: RecorderDeps;

  constructor(deps: RecorderDeps) {
    this.#deps = deps;
  }

  /** Replaces what waits (a new leader's replay, or nothing when the lease is lost). */
  replace(queue: Queue): void {
    this.#queue = queue;
  }

  push(transitions: readonly Transition[], events: readonly IncidentEvent[]): void {
    this.#queue.transitions.push(...transitions);
    this.#queue.events.push(...events);
  }

  /**
   * Writes the queue in order; on failure keeps the rest for the next pass (false). `subjects` are the
   * subjects tracked, observed until `now`.
   */
  async write(now: Date, subjects: readonly string[]): Promise<boolean> {
    const { db, catalogue, metrics, log } = this.#deps;
    const queue = this.#queue;
    try {
      if (queue.transitions.length) {
        await recordTransitions(db, queue.transitions);
        queue.transitions = [];
      }
      while (queue.events.length) {
        const e = queue.events[0];
        if (!e) break;
        await applyIncidentEvent(db, e, catalogue.names);
        queue.events.shift();
      }
      await touchObserved(db, [...subjects], now);
      if (now.getTime() - this.#lastRollup >= 60_000 && !this.#rolling) {
        // On its own: a long roll-up (the first one over years of history) must not hold up the checks,
        // the heartbeat and the lease.
        this.#lastRollup = now.getTime();
        this.#rolling = this.#rollupAndPrune(now, subjects).finally(() => {
          this.#rolling = null;
        });
      }
    } catch (err) {
      const queued = queue.transitions.length + queue.events.length;
      metrics.queued.set(queued);
      log.warn({ err, queued }, 'status write deferred');
      return false;
    }
    metrics.queued.set(0);
    return true;
  }

  /** Forces roll-ups now (tests, and the benchmark). */
  async rollupNow(now: Date, subjects: readonly string[]): Promise<boolean> {
    await this.#rolling;
    this.#lastRollup = 0;
    const written = await this.write(now, subjects);
    await this.#rolling;
    return written;
  }

  async #rollupAndPrune(now: Date, subjects: readonly string[]): Promise<void> {
    const { database, log } = this.#deps;
    try {
      await rollup(
        database,
        subjects.filter((s) => !s.startsWith('monitor:')),
        now,
      );
      // Retention and stale heartbeats: once an hour is plenty.
      if (now.getTime() - this.#lastPrune >= 3_600_000) {
        this.#lastPrune = now.getTime();
        await prune(database, now);
        await purgeHeartbeats(database, now, 3_600_000);
      }
    } catch (err) {
      log.warn({ err }, 'status roll-up deferred');
    }
  }
}

/**
 * The failover layer's write pauses this process met, with the primaries it saw (so a pause can say
 * whether the primary changed): every process records its own (a process whose writes were all on the
 * other node saw nothing); overlapping ones become one entry in the register.
 */
export class WritePauseLog {
  /** Primary changes this process saw (address and when it was first seen as primary). */
  #primaries: { at: number; address: string }[] = [];
  /** Write pauses waiting to be written to the outage register. */
  #pauses: WritePause[] = [];
  readonly #deps: { instance: string; catalogue: Catalogue; log: FastifyBaseLogger };

  constructor(deps: { instance: string; catalogue: Catalogue; log: FastifyBaseLogger }) {
    this.#deps = deps;
  }

  /** Remembers a primary change. */
  notePrimary(nodes: readonly NodeStatus[], at: number): void {
    const primary = nodes.find((n) => n.reachable && n.role === 'primary')?.address ?? null;
    if (primary !== null && this.#primaries.at(-1)?.address !== primary) {
      this.#primaries.push({ at, address: primary });
      if (this.#primaries.length > 20) this.#primaries.shift();
    }
  }

  /** Keeps the pauses long enough to be an event (the 20 latest). */
  add(pauses: readonly WritePause[]): void {
    this.#pauses.push(...pauses.filter((p) => p.endedAt - p.startedAt >= MIN_WRITE_PAUSE_MS));
    if (this.#pauses.length > 20) this.#pauses.splice(0, this.#pauses.length - 20);
  }

  /**
   * Writes the pauses that are due, in order (a waited write only once the primary change it waited
   * for is seen, see pauseFate); on failure keeps the rest for the next pass.
   */
  async write(db: Database, now: number): Promise<void> {
    const { instance, catalogue, log } = this.#deps;
    const kept: WritePause[] = [];
    try {
      while (this.#pauses.length) {
        const p = this.#pauses[0];
        if (!p) break;
        const fate = pauseFate(p, this.#primaries, now);
        if (fate === 'record')
          await recordWritePause(db, pauseRecord(p, this.#primaries, instance, catalogue.services));
        else if (fate === 'wait') kept.push(p);
        this.#pauses.shift();
      }
    } catch (err) {
      log.warn({ err, queued: this.#pauses.length }, 'write pause not recorded yet');
    } finally {
      this.#pauses.unshift(...kept);
    }
  }
}
