import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { type AppDb, type Database, DatabaseOpenError, setLocal } from './database.ts';
import { schema } from './schema.ts';

export interface PostgresOptions {
  /** Pool size per process. */
  max?: number;
  /** Application name shown in pg_stat_activity. */
  applicationName?: string;
}

/**
 * postgres.js accepts multi-host URLs (postgres://h1:p1,h2:p2/db). Its `read-write` session attribute
 * is unreliable against PostgreSQL 15 hot standbys (it was measured connecting to a standby), so a
 * URL asking for `read-write` is served with `primary`, which checks pg_is_in_recovery().
 */
export function normaliseUrl(url: string): { url: string; targetSessionAttrs?: 'primary' } {
  const match = /[?&]target_session_attrs=([^&]+)/.exec(url);
  if (!match) return { url };
  const value = decodeURIComponent(match[1] ?? '');
  const stripped = url.replace(/([?&])target_session_attrs=[^&]+&?/, '$1').replace(/[?&]$/, '');
  if (value === 'read-write' || value === 'primary') return { url: stripped, targetSessionAttrs: 'primary' };
  if (value === 'any') return { url: stripped };
  throw new DatabaseOpenError(
    `DATABASE_URL의 target_session_attrs=${value} 는 지원하지 않습니다. read-write, primary 또는 any 를 쓰세요.`,
  );
}

function copyEscape(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export async function openPostgres(rawUrl: string, options: PostgresOptions = {}): Promise<Database> {
  const { url, targetSessionAttrs } = normaliseUrl(rawUrl);
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connect_timeout: 10,
    // JIT compilation costs 5–30 ms per query and pays off only for long analytics, never here.
    connection: { application_name: options.applicationName ?? 'ilteo', jit: 'off' },
    ...(targetSessionAttrs ? { target_session_attrs: targetSessionAttrs } : {}),
  });
  try {
    await sql`select 1`;
  } catch (err) {
    await sql.end({ timeout: 1 });
    const safeUrl = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
    throw new DatabaseOpenError(`PostgreSQL(${safeUrl})에 연결할 수 없습니다: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const db = drizzle(sql, { schema }) as unknown as AppDb;
  return {
    kind: 'postgres',
    db,
    async query<T extends Record<string, unknown>>(query: SQL): Promise<T[]> {
      const result = (await db.execute(query)) as unknown as T[];
      return Array.from(result);
    },
    async queryWithSettings<T extends Record<string, unknown>>(settings: Readonly<Record<string, string>>, query: SQL) {
      return db.transaction(async (tx) => {
        await tx.execute(setLocal(settings));
        return Array.from((await tx.execute(query)) as unknown as T[]);
      });
    },
    async copyRows(table, columns, rows) {
      if (rows.length === 0) return;
      const writable = await sql.unsafe(`COPY ${table} (${columns.join(',')}) FROM STDIN`).writable();
      async function* lines() {
        for (const row of rows) yield `${row.map(copyEscape).join('\t')}\n`;
      }
      await pipeline(Readable.from(lines()), writable);
    },
    async withAdvisoryLock(key, fn) {
      const reserved = await sql.reserve();
      try {
        await reserved`select pg_advisory_lock(${key})`;
        try {
          return await fn();
        } finally {
          await reserved`select pg_advisory_unlock(${key})`;
        }
      } finally {
        reserved.release();
      }
    },
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}
