/**
 * Sign-in throttling: failed attempts are counted per typed ID and per IP address in the database
 * (so every app process sees them). After a free allowance each further failure blocks that key for
 * an increasing delay. The typed ID is counted whether or not an account has it, so the answers
 * never reveal which IDs exist.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';

export interface ThrottlePolicy {
  /** Failures allowed before any delay. */
  free: number;
  /** Delay after the first failure over the allowance; doubles with each further failure. */
  baseSeconds: number;
  maxSeconds: number;
  /** A key with no failure for this long starts again from zero. */
  forgetAfterSeconds: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = { free: 5, baseSeconds: 30, maxSeconds: 900, forgetAfterSeconds: 3600 };
export const IP_POLICY: ThrottlePolicy = { free: 30, baseSeconds: 10, maxSeconds: 900, forgetAfterSeconds: 3600 };

/** Seconds a key is blocked after its `failures`-th failure (0 within the allowance). */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures <= policy.free) return 0;
  const exponent = Math.min(failures - policy.free - 1, 30);
  return Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** exponent);
}

export interface ThrottleKeys {
  loginId: string;
  ip: string;
}

function keyRows(keys: ThrottleKeys): { key: string; policy: ThrottlePolicy }[] {
  return [
    { key: `id:${keys.loginId}`, policy: ACCOUNT_POLICY },
    { key: `ip:${keys.ip}`, policy: IP_POLICY },
  ];
}

/** Seconds until the first key is free again, or 0 when a sign-in may be tried now. */
export async function blockedFor(database: Database, keys: ThrottleKeys, now: Date): Promise<number> {
  const rows = await database.query<{ until: string | null }>(
    sql`SELECT max(blocked_until)::text AS until FROM login_throttle
        WHERE key IN (${`id:${keys.loginId}`}, ${`ip:${keys.ip}`}) AND blocked_until > ${now.toISOString()}`,
  );
  const until = rows[0]?.until;
  return until ? Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000)) : 0;
}

/** Counts a failure against the ID and the IP; returns the delay now imposed (seconds). */
export async function recordFailure(database: Database, keys: ThrottleKeys, now: Date): Promise<number> {
  let imposed = 0;
  await database.transaction(async (tx) => {
    imposed = 0;
    for (const { key, policy } of keyRows(keys)) {
      const forgetBefore = new Date(now.getTime() - policy.forgetAfterSeconds * 1000).toISOString();
      const [row] = await tx.query<{ failures: number }>(
        sql`INSERT INTO login_throttle (key, failures, last_failure_at) VALUES (${key}, 1, ${now.toISOString()})
            ON CONFLICT (key) DO UPDATE SET
              failures = CASE WHEN login_throttle.last_failure_at < ${forgetBefore} THEN 1
                              ELSE login_throttle.failures + 1 END,
              last_failure_at = excluded.last_failure_at
            RETURNING failures`,
      );
      const delay = delayAfter(row?.failures ?? 1, policy);
      if (delay > 0) {
        const until = new Date(now.getTime() + delay * 1000).toISOString();
        await tx.query(sql`UPDATE login_throttle SET blocked_until = ${until} WHERE key = ${key}`);
      }
      imposed = Math.max(imposed, delay);
    }
  });
  return imposed;
}

/** A successful sign-in clears the ID's counter (the IP's counter decays on its own). */
export async function clearFailures(database: Database, loginId: string): Promise<void> {
  await database.query(sql`DELETE FROM login_throttle WHERE key = ${`id:${loginId}`}`);
}
