import { type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Schema } from './schema.ts';

/** The drizzle handle every feature uses; identical API on PGlite and postgres.js. */
export type AppDb = PgDatabase<PgQueryResultHKT, Schema>;

/** One interface over the two drivers. Built by the composition root; nothing connects on import. */
export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: AppDb;
  /** Runs raw SQL and returns its rows, whatever the driver's result shape. */
  query<T extends Record<string, unknown>>(query: SQL): Promise<T[]>;
  /**
   * Runs one query in its own transaction with planner settings applied locally (SET LOCAL), e.g.
   * `{ enable_bitmapscan: 'off' }` where the caller knows better than the estimates.
   */
  queryWithSettings<T extends Record<string, unknown>>(
    settings: Readonly<Record<string, string>>,
    query: SQL,
  ): Promise<T[]>;
  /**
   * Bulk-inserts rows with COPY where the driver supports it (postgres.js), else multi-row INSERT.
   * `columns` are SQL column names; values must be plain text/number/null.
   */
  copyRows(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void>;
  /** Runs `fn` while holding a session-level advisory lock (serialises migrations across processes). */
  withAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
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
