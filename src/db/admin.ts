import postgres from 'postgres';
import { normaliseUrl } from './postgres.ts';

/** Quotes an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** One connection to the server's `postgres` database; on a cluster, to the primary (the only writer). */
function maintenanceConnection(url: string) {
  const { url: clean, targetSessionAttrs } = normaliseUrl(url);
  return postgres(clean.replace(/\/[^/?]*(\?|$)/, '/postgres$1'), {
    max: 1,
    onnotice: () => {},
    ...(targetSessionAttrs ? { target_session_attrs: targetSessionAttrs } : {}),
  });
}

/**
 * Creates a database with a Hangul-aware locale (C.UTF-8, from template0) on the server of `url`,
 * connecting to its `postgres` maintenance database. Returns false when it already exists.
 */
export async function createDatabase(url: string, name?: string): Promise<boolean> {
  const { url: clean } = normaliseUrl(url);
  const dbName = name ?? decodeURIComponent(/^postgres(?:ql)?:\/\/[^/]*\/([^/?]+)/.exec(clean)?.[1] ?? '');
  if (!dbName) throw new Error('DATABASE_URL에 데이터베이스 이름이 없습니다.');
  const admin = maintenanceConnection(url);
  try {
    const rows = await admin`SELECT 1 FROM pg_database WHERE datname = ${dbName}`;
    if (rows.length > 0) return false;
    await admin.unsafe(
      `CREATE DATABASE ${quoteIdent(dbName)} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
    );
    return true;
  } finally {
    await admin.end({ timeout: 2 });
  }
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  const admin = maintenanceConnection(url);
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  } finally {
    await admin.end({ timeout: 2 });
  }
}
