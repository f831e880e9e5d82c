/**
 * Mixed HTTP load for the chaos suite and the failover benchmark: writers file posting reports with
 * fresh idempotency keys (retrying a write that got no answer with the same key, as a client should),
 * readers search. Every outcome is kept with its start and end time, so outages can be measured and
 * acknowledged writes checked against the database afterwards.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/index.ts';

export interface Outcome {
  at: number;
  /** When the answer (or the failure) came. */
  done: number;
  ok: boolean;
  status: number;
  code?: string;
  /** Sent again with the same key after this answer (no answer, or OUTCOME_UNKNOWN). */
  retried?: boolean;
}

/** How long a client waits after a request that got no answer before sending the next one. */
const NO_ANSWER_WAIT_MS = 100;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Load {
  readonly acknowledged = new Map<string, number>(); // idempotency key → report id
  /** Keys given up on after the documented 503 ("not written"): none of them may ever be stored. */
  readonly gaveUp = new Set<string>();
  /** Writes begun, one per idempotency key. */
  private keys = 0;
  readonly writes: Outcome[] = [];
  readonly reads: Outcome[] = [];
  private running = true;
  private loops: Promise<void>[] = [];
  private readonly base: string;
  private readonly postingId: string;
  /** `postingId`: an existing posting the writers report on. */
  constructor(base: string, postingId = 'KC1') {
    this.base = base;
    this.postingId = postingId;
  }

  start(writers = 4, readers = 2): void {
    for (let i = 0; i < writers; i++) this.loops.push(this.writer());
    for (let i = 0; i < readers; i++) this.loops.push(this.reader());
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async writer(): Promise<void> {
    while (this.running) {
      const key = randomUUID();
      this.keys++;
      // A client sends a write again with the same key when no answer came, or when the answer says it
      // is not known whether it was applied (OUTCOME_UNKNOWN), as the API tells clients to.
      let previous: Outcome | undefined;
      for (let attempt = 0; attempt < 3; attempt++) {
        if (previous) previous.retried = true;
        const started = performance.now();
        try {
          const res = await fetch(`${this.base}/api/v1/postings/${this.postingId}/reports`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': key },
            body: JSON.stringify({ reason: 'fee', detail: `chaos ${key}` }),
            signal: AbortSignal.timeout(30_000),
          });
          const body = (await res.json()) as { id?: number; error?: { code: string } };
          const outcome: Outcome = {
            at: started,
            done: performance.now(),
            ok: res.ok,
            status: res.status,
            ...(body.error ? { code: body.error.code } : {}),
          };
          this.writes.push(outcome);
          if (res.ok && body.id !== undefined) this.acknowledged.set(key, body.id);
          // Only a key that got no other answer first: after no answer, an earlier attempt may have written.
          if (res.status === 503 && outcome.code === 'DATABASE_UNAVAILABLE' && !previous) this.gaveUp.add(key);
          if (outcome.code !== 'OUTCOME_UNKNOWN') break;
          previous = outcome;
        } catch {
          previous = { at: started, done: performance.now(), ok: false, status: 0, code: 'NO_ANSWER' };
          this.writes.push(previous);
          // A refused connection fails at once: a client waits a moment rather than spin.
          await pause(NO_ANSWER_WAIT_MS);
        }
      }
    }
  }

  private async reader(): Promise<void> {
    const queries = ['q=%EA%B0%9C%EB%B0%9C', 'q=%EB%AC%BC%EB%A5%98', 'region=11000', ''];
    let n = 0;
    while (this.running) {
      const started = performance.now();
      try {
        const res = await fetch(`${this.base}/api/v1/postings?${queries[n++ % queries.length]}`, {
          signal: AbortSignal.timeout(30_000),
        });
        await res.arrayBuffer();
        this.reads.push({ at: started, done: performance.now(), ok: res.ok, status: res.status });
      } catch {
        this.reads.push({ at: started, done: performance.now(), ok: false, status: 0 });
        await pause(NO_ANSWER_WAIT_MS);
      }
    }
  }

  /** Longest time in [since, until] in which no write was acknowledged; a gap still open at `until` counts. */
  writeOutageMs(since: number, until: number): number {
    const ok = this.writes.filter((w) => w.ok && w.done >= since && w.done <= until).map((w) => w.done);
    let worst = 0;
    let prev = since;
    for (const t of ok.sort((a, b) => a - b)) {
      worst = Math.max(worst, t - prev);
      prev = t;
    }
    return Math.max(worst, until - prev);
  }

  /** Resolves once a write that started after `t` has been acknowledged (writes work again). */
  async writesResumeAfter(t: number, timeoutMs: number): Promise<void> {
    const until = performance.now() + timeoutMs;
    while (!this.writes.some((w) => w.ok && w.at > t)) {
      if (performance.now() > until) throw new Error(`writes did not resume within ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Reads that started in [since, until]: their latencies in ms. */
  readLatenciesMs(since: number, until: number): number[] {
    return this.reads.filter((r) => r.ok && r.at >= since && r.at <= until).map((r) => r.done - r.at);
  }

  /**
   * Compares what the API acknowledged with the database (Jepsen-style): acknowledged writes missing,
   * stored more than once, or stored under another id; and requests that failed.
   */
  async verify(database: Database): Promise<Verification> {
    const keys = [...this.acknowledged.keys()];
    const asked = [...keys, ...this.gaveUp];
    const rows =
      asked.length === 0
        ? []
        : await database.query<{ key: string; id: number }>(
            // One parameter however many keys (a query takes at most 65,535 parameters).
            sql`SELECT idempotency_key AS key, id::int AS id FROM posting_reports
                WHERE idempotency_key IN (SELECT jsonb_array_elements_text(${JSON.stringify(asked)}::jsonb))`,
          );
    const stored = new Map<string, number[]>();
    for (const r of rows) stored.set(r.key, [...(stored.get(r.key) ?? []), r.id]);
    return {
      writes: this.writes.length,
      keys: this.keys,
      acknowledged: keys.length,
      gaveUp: this.gaveUp.size,
      unavailable: this.writes.filter((w) => w.status === 503 && w.code === 'DATABASE_UNAVAILABLE').length,
      // An OUTCOME_UNKNOWN sent again is what the API documents; its last answer is what counts.
      unknownRetried: this.writes.filter((w) => w.code === 'OUTCOME_UNKNOWN' && w.retried).length,
      badWrites: this.writes.filter(
        (w) =>
          !w.ok &&
          !(w.status === 503 && w.code === 'DATABASE_UNAVAILABLE') &&
          !(w.code === 'OUTCOME_UNKNOWN' && w.retried),
      ),
      reads: this.reads.length,
      failedReads: this.reads.filter((r) => !r.ok),
      lost: keys.filter((k) => !stored.has(k)),
      doubled: [...stored.entries()].filter(([, ids]) => ids.length > 1),
      mismatched: keys.filter((k) => stored.get(k)?.[0] !== this.acknowledged.get(k)),
      appliedAfter503: [...this.gaveUp].filter((k) => stored.has(k)),
    };
  }
}

export interface Verification {
  /** Requests sent (a write sent again with its key counts again). */
  writes: number;
  /** Writes, one per idempotency key. */
  keys: number;
  acknowledged: number;
  /** Keys whose last answer was the documented 503, given up on. */
  gaveUp: number;
  /** Writes answered with the documented 503 (no primary within the deadline). */
  unavailable: number;
  /** Answers "not known whether applied" that the client sent again with the same key. */
  unknownRetried: number;
  /** Writes that failed any other way (must be none). */
  badWrites: Outcome[];
  reads: number;
  failedReads: Outcome[];
  /** Acknowledged idempotency keys not in the database. */
  lost: string[];
  doubled: [string, number[]][];
  /** Acknowledged with one id, stored with another. */
  mismatched: string[];
  /** Keys answered 503 ("not written") and given up on, yet stored. */
  appliedAfter503: string[];
}
