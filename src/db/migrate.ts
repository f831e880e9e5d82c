import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { Database } from './database.ts';

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Advisory-lock key for migrations ('ilteo' in ASCII, as an int4). */
const MIGRATION_LOCK_KEY = 0x696c7465;

export class LocaleError extends Error {
  constructor(ctype: string) {
    super(
      `데이터베이스의 LC_CTYPE(${ctype})이 한글을 문자로 분류하지 않아 한글 검색(pg_trgm)을 할 수 없습니다. ` +
        "LC_CTYPE을 'C.UTF-8' 또는 'ko_KR.UTF-8'로 만든 데이터베이스를 쓰세요. 예: " +
        "CREATE DATABASE ilteo TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8';",
    );
    this.name = 'LocaleError';
  }
}

/** Refuses a database whose LC_CTYPE makes pg_trgm blind to Hangul (show_trgm('개발자') = {}). */
export async function checkHangulLocale(database: Database): Promise<void> {
  await database.query(sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
  const [row] = await database.query<{ n: number; ctype: string }>(
    sql`SELECT cardinality(show_trgm('개발자'))::int AS n,
               (SELECT datctype FROM pg_database WHERE datname = current_database()) AS ctype`,
  );
  if (!row || row.n === 0) throw new LocaleError(row?.ctype ?? 'unknown');
}

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

function readJournal(): Journal {
  return JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/** Applies pending migrations under an advisory lock, so several processes can start at once. */
export async function migrate(database: Database): Promise<void> {
  await checkHangulLocale(database);
  await database.withAdvisoryLock(MIGRATION_LOCK_KEY, async () => {
    if (database.kind === 'pglite') {
      await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    } else {
      await migratePostgres(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    }
  });
}

export interface MigrationStatus {
  applied: number;
  expected: number;
  upToDate: boolean;
}

/** One round trip to the database (used by /readyz, before the migrations are compared). */
export async function ping(database: Database): Promise<void> {
  await database.query(sql`SELECT 1 AS ok`);
}

/** Compares applied migrations with the ones this build ships (used by /readyz). */
export async function migrationStatus(database: Database): Promise<MigrationStatus> {
  const journal = readJournal();
  const expected = journal.entries.length;
  const last = journal.entries.at(-1)?.when ?? 0;
  const [exists] = await database.query<{ ok: boolean }>(
    sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS ok`,
  );
  if (!exists?.ok) return { applied: 0, expected, upToDate: expected === 0 };
  const [row] = await database.query<{ n: number; latest: string | null }>(
    sql`SELECT count(*)::int AS n, max(created_at)::text AS latest FROM drizzle.__drizzle_migrations`,
  );
  const applied = row?.n ?? 0;
  return { applied, expected, upToDate: applied >= expected && Number(row?.latest ?? 0) >= last };
}
