/** The secrets every app process shares (src/app.ts). */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config/index.ts';
import type { Database } from '../db/index.ts';

/** A secret shared by every app process: from config, else generated once and kept in the database. */
async function sharedSecret(database: Database, name: string, configured: string | null): Promise<string> {
  if (configured) return configured;
  await database.query(
    sql`INSERT INTO app_secrets (name, value) VALUES (${name}, ${randomBytes(32).toString('base64url')})
        ON CONFLICT (name) DO NOTHING`,
  );
  const [row] = await database.query<{ value: string }>(sql`SELECT value FROM app_secrets WHERE name = ${name}`);
  if (!row) throw new Error(`secret ${name} missing after insert`);
  return row.value;
}

/**
 * The cookie secret. Kept on this server's disk too (beside its journal), so a process that starts
 * while no database answers (`databaseReady` given) can still read the signed cookies and pass of people
 * already signed in.
 */
export async function cookieSecret(
  deps: { config: Config; database: Database; databaseReady?: Promise<void> },
  log: FastifyBaseLogger,
): Promise<string> {
  const file = path.join(deps.config.journalDir, 'cookie-secret');
  if (deps.databaseReady === undefined) {
    const secret = await sharedSecret(deps.database, 'cookie', deps.config.auth.cookieSecret);
    if (!deps.config.auth.cookieSecret) {
      const saved = await fs.readFile(file, 'utf8').catch(() => null);
      if (saved !== secret) {
        await fs.mkdir(deps.config.journalDir, { recursive: true });
        await fs.writeFile(`${file}.tmp`, secret, { mode: 0o600 });
        await fs.rename(`${file}.tmp`, file);
      }
    }
    return secret;
  }
  if (deps.config.auth.cookieSecret) return deps.config.auth.cookieSecret;
  const saved = await fs.readFile(file, 'utf8').catch(() => null);
  if (saved) return saved;
  log.warn(
    '쿠키 비밀값이 이 서버에 없고 데이터베이스도 응답하지 않아 임시 값을 씁니다: 로그인한 분은 복구 후 다시 로그인해야 합니다.',
  );
  return randomBytes(32).toString('base64url');
}
