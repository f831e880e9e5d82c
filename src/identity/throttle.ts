/**
 * Sign-in throttling: failed attempts are counted per typed ID and per IP address in the database
 * (so every app process sees them). After a free allowance each further failure blocks that key for
 * an increasing delay. The typed ID is counted whether or not an account has it, so the answers
 * never reveal which IDs exist.
 *
 * The same counters throttle 비밀번호 찾기 (PASSWORD_RESET): there every request counts, not only
 * failures, under keys of its own, so asking for a reset neither blocks nor frees sign-in.
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

/** What is counted, under which key prefixes, with which policies. */
export interface ThrottleScheme {
  idPrefix: string;
  ipPrefix: string;
  account: ThrottlePolicy;
  ip: ThrottlePolicy;
}

export const SIGN_IN: ThrottleScheme = { idPrefix: 'id:', ipPrefix: 'ip:', account: ACCOUNT_POLICY, ip: IP_POLICY };

/**
 * 비밀번호 찾기: three e-mails an hour per ID, then 5 minutes doubling up to an hour; per IP (one office
 * or 고용센터 may share an address) twenty an hour, then 1 minute doubling up to an hour.
 */
export const PASSWORD_RESET: ThrottleScheme = {
  idPrefix: 'reset-id:',
  ipPrefix: 'reset-ip:',
  account: { free: 3, baseSeconds: 300, maxSeconds: 3600, forgetAfterSeconds: 3600 },
  ip: { free: 20, baseSeconds: 60, maxSeconds: 3600, forgetAfterSeconds: 3600 },
};

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

function keyRows(keys: ThrottleKeys, scheme: ThrottleScheme): { key: string; policy: ThrottlePolicy }[] {
  return [
    { key: `${scheme.idPrefix}${keys.loginId}`, policy: scheme.account },
    { key: `${scheme.ipPrefix}${keys.ip}`, policy: scheme.ip },
  ];
}

/** Seconds until the first key is free again, or 0 when a sign-in may be tried now. */
export async function blockedFor(
  database: Database,
  keys: ThrottleKeys,
  now: Date,
  scheme: ThrottleScheme = SIGN_IN,
): Promise<number> {
  const [id, ip] = keyRows(keys, scheme).map((r) => r.key);
  const rows = await database.query<{ until: string | null }>(
    sql`SELECT max(blocked_until)::text AS until FROM login_throttle
        WHERE key IN (${id}, ${ip}) AND blocked_until > ${now.toISOString()}`,
  );
  const until = rows[0]?.until;
  return until ? Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000)) : 0;
}

/** Counts a failure (or, for a reset, a request) against the ID and the IP; returns the delay now imposed (seconds). */
export async function recordFailure(
  database: Database,
  keys: ThrottleKeys,
  now: Date,
  scheme: ThrottleScheme = SIGN_IN,
): Promise<number> {
  let imposed = 0;
  await database.transaction(async (tx) => {
    imposed = 0;
    for (const { key, policy } of keyRows(keys, scheme)) {
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

/** A successful sign-in (or password reset) clears the ID's sign-in counter (the IP's decays on its own). */
export async function clearFailures(database: Database, loginId: string): Promise<void> {
  await database.query(sql`DELETE FROM login_throttle WHERE key = ${`${SIGN_IN.idPrefix}${loginId}`}`);
}

/** "30초" or "5분": how long to wait, in words, for a throttled person. */
export function waitText(seconds: number): string {
  return seconds >= 60 ? `${Math.ceil(seconds / 60)}분` : `${seconds}초`;
}
