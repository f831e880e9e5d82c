import type { CallOptions, Database } from './database.ts';

/**
 * `database` with every call given at most `deadlineMs` to get through a failover (a caller's own
 * shorter deadline still wins): for background work that would rather try again on its next pass than
 * wait out the failover layer's whole deadline (the status runner's checks).
 */
export function boundedDatabase(database: Database, deadlineMs: number): Database {
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
    readSnapshot: (fn, options) => database.readSnapshot(fn, bound(options)),
    transaction: (fn, options) => database.transaction(fn, bound(options)),
    nodes: () => database.nodes(),
    takeWritePauses: () => database.takeWritePauses(),
    copyRows: (table, columns, rows) => database.copyRows(table, columns, rows),
    withAdvisoryLock: (key, fn) => database.withAdvisoryLock(key, fn),
    close: () => database.close(),
  };
}
