/**
 * Write pauses as the failover layer sees them (issue 21): from the first write that failed because
 * no primary took it (connection lost, or a standby refused it) to the first write that succeeded
 * after it. A failover's pause is often shorter than the status monitors' confirmation, so without
 * this it would leave no trace in the outage register. Pure bookkeeping; the status runner reads it.
 */
import type { FailureKind } from './failover.ts';

export interface WritePause {
  /** When the first failed write of the pause began (epoch ms). */
  startedAt: number;
  /** When the first write after it succeeded (epoch ms). */
  endedAt: number;
  /** Failed attempts during the pause (0: one write that waited, with no attempt failing). */
  failures: number;
  kinds: FailureKind[];
}

/** Pauses kept until taken (a process nobody asks does not grow without bound). */
const KEEP = 50;

/** A write this slow with no failed attempt may have waited out a failover (see succeededAfter). */
export const SLOW_WRITE_MS = 1_000;

export class WritePauseTracker {
  #open: { startedAt: number; failures: number; kinds: Set<FailureKind> } | null = null;
  #done: WritePause[] = [];

  /** A write attempt that began at `startedAt` failed for want of a primary. */
  failed(startedAt: number, kind: FailureKind): void {
    if (kind !== 'connection' && kind !== 'read-only') return;
    if (!this.#open) this.#open = { startedAt, failures: 0, kinds: new Set() };
    this.#open.startedAt = Math.min(this.#open.startedAt, startedAt);
    this.#open.failures++;
    this.#open.kinds.add(kind);
  }

  /**
   * A write that began at `startedAt` succeeded at `at` without a failed attempt: when it took
   * `SLOW_WRITE_MS` or more with no pause open, it may have waited out a failover inside the driver
   * (postgres.js cycles through the hosts while it connects): kept as a pause with no failures, which the
   * status runner records only when the primary changed meanwhile (src/status/runner-writes.ts).
   */
  succeededAfter(startedAt: number, at: number): void {
    if (!this.#open && at - startedAt >= SLOW_WRITE_MS) {
      this.#done.push({ startedAt, endedAt: at, failures: 0, kinds: [] });
      if (this.#done.length > KEEP) this.#done.shift();
      return;
    }
    this.succeeded(at);
  }

  /** A write succeeded at `at`: an open pause ends here. */
  succeeded(at: number): void {
    const open = this.#open;
    if (!open) return;
    this.#open = null;
    this.#done.push({
      startedAt: open.startedAt,
      endedAt: Math.max(at, open.startedAt),
      failures: open.failures,
      kinds: [...open.kinds],
    });
    if (this.#done.length > KEEP) this.#done.shift();
  }

  /** The pauses that ended since the last call. */
  take(): WritePause[] {
    const done = this.#done;
    this.#done = [];
    return done;
  }

  /** When the pause under way began, or null. */
  openSince(): number | null {
    return this.#open?.startedAt ?? null;
  }
}
