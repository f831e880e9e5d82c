/**
 * Leases for background work that one process at a time should do (alerts, the status monitor leader,
 * outage rescheduling): a row in job_leases; a dead holder's lease expires.
 */
import { sql } from 'drizzle-orm';
import type { Database } from './database.ts';

/** Takes the lease `name` for `seconds` if it is free or expired; true when this holder has it. */
export async function acquireLease(
  database: Database,
  name: string,
  holder: string,
  seconds: number,
  now: Date,
): Promise<boolean> {
  const expires = new Date(now.getTime() + seconds * 1000).toISOString();
  const rows = await database.query<{ holder: string }>(
    sql`INSERT INTO job_leases (name, holder, expires_at) VALUES (${name}, ${holder}, ${expires})
        ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
          WHERE job_leases.expires_at < ${now.toISOString()} OR job_leases.holder = excluded.holder
        RETURNING holder`,
  );
  return rows[0]?.holder === holder;
}

export async function releaseLease(database: Database, name: string, holder: string): Promise<void> {
  await database.query(sql`DELETE FROM job_leases WHERE name = ${name} AND holder = ${holder}`);
}
