import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import lockfile from 'proper-lockfile';
import { type AppDb, type Database, DatabaseOpenError, SNAPSHOT, setLocal, snapshotReader } from './database.ts';
import { schema } from './schema.ts';

/**
 * Embedded PostgreSQL (PGlite) in one directory. PGlite has no cross-process locking and loses
 * writes when two processes open the same directory, so we hold a lock (`<dir>.lock`) for as long as
 * the database is open and refuse a second process with a clear message.
 */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

export async function openPglite(dataDir: string): Promise<Database> {
  await fs.mkdir(dataDir, { recursive: true });
  const release = await lockDirectory(dataDir);
  let client: PGlite;
  try {
    await fs.mkdir(path.dirname(dataDir), { recursive: true });
    client = await PGlite.create(dataDir, { extensions: { pg_trgm } });
    // The extension must be loaded before any write touches a trigram index.
    await client.exec('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  } catch (err) {
    await release();
    throw new DatabaseOpenError(`내장 데이터베이스(${dataDir})를 열 수 없습니다: ${(err as Error).message}`, {
      cause: err,
    });
  }
  return pgliteDatabase(client, release);
}

/** Holds `<dir>.lock` for as long as the database is open; a second process gets a clear message. */
async function lockDirectory(dataDir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: `${dataDir}.lock`,
      stale: 10_000,
      update: 2_000,
      onCompromised: (err) => {
        // Another process took the lock (ours was considered stale). Continuing would corrupt data.
        console.error(`내장 데이터베이스 잠금을 잃었습니다 (${dataDir}): ${err.message}. 프로세스를 종료합니다.`);
        process.exit(70);
      },
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'ELOCKED') {
      throw new DatabaseOpenError(
        `내장 데이터베이스 디렉터리 ${dataDir} 를 다른 일터 프로세스가 사용하고 있습니다. ` +
          '한 디렉터리는 한 프로세스만 열 수 있습니다. 다른 프로세스를 종료하거나, ILTEO_DATA_DIR로 다른 디렉터리를 지정하거나, ' +
          '여러 프로세스로 운영하려면 DATABASE_URL로 PostgreSQL을 사용하세요. ' +
          '(The embedded database directory is in use by another Ilteo process.)',
        { cause: err },
      );
    }
    throw err;
  }
}

function pgliteDatabase(client: PGlite, release: () => Promise<void>): Database {
  const db = drizzle(client, { schema }) as unknown as AppDb;
  let closed = false;
  return {
    kind: 'pglite',
    db,
    async query<T extends Record<string, unknown>>(query: SQL): Promise<T[]> {
      return rowsOf<T>(await db.execute(query));
    },
    async read<T extends Record<string, unknown>>(query: SQL): Promise<T[]> {
      return rowsOf<T>(await db.execute(query));
    },
    async readWithSettings<T extends Record<string, unknown>>(settings: Readonly<Record<string, string>>, query: SQL) {
      return db.transaction(async (tx) => {
        await tx.execute(setLocal(settings));
        return rowsOf<T>(await tx.execute(query));
      });
    },
    readSnapshot: (fn) =>
      db.transaction(async (tx) => fn(snapshotReader(async (q) => rowsOf(await tx.execute(q)))), SNAPSHOT),
    async transaction(fn) {
      return db.transaction(async (tx) => fn({ query: async (q) => rowsOf(await tx.execute(q)) }));
    },
    takeWritePauses: () => [],
    async nodes() {
      return [{ address: 'embedded', reachable: !closed, role: 'embedded' }];
    },
    copyRows: (table, columns, rows) => insertRows(client, table, columns, rows),
    async withAdvisoryLock(key, fn) {
      // One connection in-process: the lock still guards against re-entry from other code paths.
      await client.query('SELECT pg_advisory_lock($1)', [key]);
      try {
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [key]);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        await release();
      }
    },
  };
}

/** PGlite runs in-process: a parameterised multi-row INSERT per chunk is the fast path. */
async function insertRows(
  client: PGlite,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const chunk = Math.max(1, Math.floor(30_000 / columns.length));
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const params: unknown[] = [];
    const tuples = part.map((row) => {
      const ph = row.map((v) => {
        params.push(v);
        return `$${params.length}`;
      });
      return `(${ph.join(',')})`;
    });
    await client.query(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${tuples.join(',')}`, params);
  }
}
