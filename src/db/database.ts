import { type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Schema } from './schema.ts';
import type { WritePause } from './write-pauses.ts';

/** The drizzle handle every feature uses; identical API on PGlite and postgres.js. */
export type AppDb = PgDatabase<PgQueryResultHKT, Schema>;

/** One interface over the two drivers. Built by the composition root; nothing connects on import. */
export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /** drizzle on the primary (no failover retry: for migrations, seeding and tools). */
  readonly db: AppDb;
  /**
   * Runs raw SQL on the primary and returns its rows, whatever the driver's result shape. On
   * PostgreSQL it is retried through a failover until a deadline (src/db/failover.ts): a write must
   * therefore be idempotent (carry an idempotency key under a unique constraint).
   */
  query<T extends Record<string, unknown>>(query: SQL, options?: TransactionOptions): Promise<T[]>;
  /**
   * Runs `fn` in one transaction on the primary; the whole transaction is retried through a failover,
   * so it must be idempotent as a unit.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * A read that may be slightly stale (search, posting pages, status): served by a standby when there
   * is one, else by the primary, so reads go on while the primary is being replaced.
   */
  read<T extends Record<string, unknown>>(query: SQL, options?: TransactionOptions): Promise<T[]>;
  /**
   * Like `read`, in its own transaction with planner settings applied locally (SET LOCAL), e.g.
   * `{ enable_bitmapscan: 'off' }` where the caller knows better than the estimates.
   */
  readWithSettings<T extends Record<string, unknown>>(
    settings: Readonly<Record<string, string>>,
    query: SQL,
    options?: TransactionOptions,
  ): Promise<T[]>;
  /**
   * Runs `fn` in one REPEATABLE READ, READ ONLY transaction on one server: every read it makes sees the
   * same snapshot (a count agrees with its page), each with its own planner settings. `fn` may run
   * again after a failover, so it must only read.
   */
  readSnapshot<R>(fn: (read: SnapshotRead) => Promise<R>, options?: TransactionOptions): Promise<R>;
  /** Each server's role and replication state (PostgreSQL); one embedded node for PGlite. */
  nodes(): Promise<NodeStatus[]>;
  /**
   * The write pauses the failover layer saw end since the last call (from the first write that found
   * no primary to the first good one after it); PGlite has none.
   */
  takeWritePauses(): WritePause[];
  /**
   * Bulk-inserts rows with COPY where the driver supports it (postgres.js), else multi-row INSERT.
   * `columns` are SQL column names; values must be plain text/number/null.
   */
  copyRows(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void>;
  /** Runs `fn` while holding a session-level advisory lock (serialises migrations across processes). */
  withAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface CallOptions {
  /**
   * Give up sooner than the driver's retry deadline (ms): while this process already knows no database
   * answers, a request is answered 503 in seconds, not after the full deadline (the embedded driver has
   * no failover and ignores it).
   */
  deadlineMs?: number;
}
export type TransactionOptions = CallOptions;

/** A transaction handle: raw SQL in, rows out. */
export interface Tx {
  query<T extends Record<string, unknown>>(query: SQL): Promise<T[]>;
}

export interface NodeStatus {
  /** host:port, or 'embedded'. */
  address: string;
  reachable: boolean;
  role: 'primary' | 'standby' | 'embedded' | undefined;
  /** On the primary: standbys streaming from it, with sync state and replay lag. */
  replicas?: { address: string; state: string; syncState: string; replayLagSeconds: number | null }[];
  /** On a standby: seconds since the last replayed transaction (null when idle or unknown). */
  replayLagSeconds?: number | null;
  error?: string;
}

export class DatabaseOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseOpenError';
  }
}

/** One statement applying settings for the current transaction only (SET LOCAL semantics). */
export function setLocal(settings: Readonly<Record<string, string>>): SQL {
  const calls = Object.entries(settings).map(([name, value]) => sql`set_config(${name}, ${value}, true)`);
  return sql`SELECT ${sql.join(calls, sql`, `)}`;
}

/** A read inside `readSnapshot`: a query and the planner settings it runs under. */
export type SnapshotRead = <T extends Record<string, unknown>>(
  settings: Readonly<Record<string, string>>,
  query: SQL,
) => Promise<T[]>;

/**
 * The reads of one snapshot transaction: each applies its settings, and a setting an earlier read
 * changed that this one does not name is put back to its default, so reads do not leak into each other.
 */
export function snapshotReader(execute: (query: SQL) => Promise<Record<string, unknown>[]>): SnapshotRead {
  const touched = new Set<string>();
  return async <T extends Record<string, unknown>>(settings: Readonly<Record<string, string>>, query: SQL) => {
    const calls = Object.entries(settings).map(([name, value]) => sql`set_config(${name}, ${value}, true)`);
    for (const name of touched)
      if (!(name in settings))
        calls.push(sql`set_config(${name}, (SELECT reset_val FROM pg_settings WHERE name = ${name}), true)`);
    for (const name of Object.keys(settings)) touched.add(name);
    if (calls.length > 0) await execute(sql`SELECT ${sql.join(calls, sql`, `)}`);
    return (await execute(query)) as T[];
  };
}

/** The transaction settings of `readSnapshot`. */
export const SNAPSHOT = { isolationLevel: 'repeatable read', accessMode: 'read only' } as const;
