/**
 * The secret of the person hash (src/insurance/person.ts): generated once and kept in the database. Read
 * on every use, not cached: a secret first written inside a command that then rolls back is gone again,
 * together with every hash made with it in that transaction.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';

export async function personSecret(database: Database): Promise<string> {
  const [found] = await database.query<{ value: string }>(
    sql`SELECT value FROM app_secrets WHERE name = 'person-hash'`,
  );
  if (found) return found.value;
  await database.query(
    sql`INSERT INTO app_secrets (name, value) VALUES ('person-hash', ${randomBytes(32).toString('base64url')})
        ON CONFLICT (name) DO NOTHING`,
  );
  const [row] = await database.query<{ value: string }>(sql`SELECT value FROM app_secrets WHERE name = 'person-hash'`);
  if (!row) throw new Error('person-hash secret missing after insert');
  return row.value;
}
