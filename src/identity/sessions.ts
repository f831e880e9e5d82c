/**
 * Sessions in the database. The cookie carries 32 random bytes; the table keeps only their SHA-256,
 * so neither a database dump nor a log line can be replayed as a session. A session is never tied to
 * a sign-in provider being up: once signed in, a person stays signed in until they sign out, stay
 * idle past the idle timeout, or reach the absolute timeout.
 */
import { createHash, randomBytes } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { DatabaseUnavailableError } from '../db/failover.ts';
import type { Database, Tx } from '../db/index.ts';
import type { Account } from './accounts.ts';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A well-formed token (43 base64url characters); anything else is not looked up at all. */
export function isTokenShaped(token: string | undefined): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}

export interface NewSession {
  accountId: number;
  method: string;
  ip: string;
  userAgent: string;
}

/**
 * Creates a session and returns its cookie token. Sign-in always creates a new one (rotation). The
 * token is chosen before the first attempt, so an INSERT retried after a lost COMMIT finds its own row
 * (ON CONFLICT DO NOTHING: 32 random bytes collide with nobody else's) instead of failing the sign-in.
 */
export async function createSession(
  database: Database,
  input: NewSession,
  policy: SessionPolicy,
  now: Date,
): Promise<string> {
  const token = newToken();
  const expires = new Date(now.getTime() + policy.absoluteHours * 3_600_000).toISOString();
  await database.query(
    sql`INSERT INTO sessions (id_hash, account_id, method, created_at, last_seen_at, expires_at, ip, user_agent)
        VALUES (${hashToken(token)}, ${input.accountId}, ${input.method}, ${now.toISOString()}, ${now.toISOString()},
                ${expires}, ${input.ip}, ${input.userAgent.slice(0, 300)})
        ON CONFLICT (id_hash) DO NOTHING`,
  );
  return token;
}

export interface ActiveSession {
  idHash: string;
  account: Account;
  method: string;
  lastSeenAt: string;
}

const LOOKUP = (idHash: string, now: Date, policy: SessionPolicy) =>
  sql`SELECT s.id_hash AS "idHash", s.method, s.last_seen_at::text AS "lastSeenAt",
             a.id::int AS id, a.kind, a.login_id AS "loginId", a.name, a.email, a.company_id::int AS "companyId",
             c.name AS "companyName", c.busino, a.centre_code AS "centreCode", jc.name AS "centreName", a.status,
             (a.password_hash IS NOT NULL) AS "hasPassword", a.created_at::text AS "createdAt"
      FROM sessions s JOIN accounts a ON a.id = s.account_id
      LEFT JOIN companies c ON c.id = a.company_id LEFT JOIN job_centres jc ON jc.code = a.centre_code
      WHERE s.id_hash = ${idHash} AND s.revoked_at IS NULL AND a.status = 'active'
        AND s.expires_at > ${now.toISOString()}
        AND s.last_seen_at > ${new Date(now.getTime() - policy.idleMinutes * 60_000).toISOString()}`;

type LookupRow = Account & { idHash: string; method: string; lastSeenAt: string };

/** How long a session lookup may take before the request goes on without it (the pass, or signed out). */
export const LOOKUP_BOUND_MS = 2_500;
/** How long the primary has before the standby is asked too. */
const HEDGE_MS = 250;

const settleWithin = <T>(work: Promise<T>, ms: number): Promise<{ ok: true; value: T } | { ok: false }> => {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work.then(
      (value) => ({ ok: true as const, value }),
      () => ({ ok: false as const }),
    ),
    new Promise<{ ok: false }>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false }), ms);
    }),
  ]).finally(() => clearTimeout(timer));
};

/**
 * The session for a cookie token, or null; a DatabaseUnavailableError when no node could say within
 * LOOKUP_BOUND_MS (the caller then goes by the signed pass). Read from the primary (a session created a
 * moment ago may not have reached the standby yet). When the primary has not answered within 250 ms the
 * standby is asked too, and its answer is used if it knows the session and the primary has not answered
 * within the bound. When this process already knows there is no primary (`primaryDown`), the standby
 * is asked first, alone. So a signed-in request never waits out the write pool's 20 s deadline.
 * `patient`: the primary within the full retry deadline, then the standby — for someone without a pass
 * to fall back on, for whom waiting out a failover beats being turned away.
 */
export async function findSession(
  database: Database,
  token: string,
  policy: SessionPolicy,
  now: Date,
  options: { primaryDown?: boolean; patient?: boolean } = {},
): Promise<ActiveSession | null> {
  const query = LOOKUP(hashToken(token), now, policy);
  const rows =
    database.kind === 'pglite'
      ? await database.query<LookupRow>(query)
      : options.patient
        ? await patiently(database, query)
        : await hedged(database, query, options);
  const row = rows[0];
  if (!row) return null;
  const { idHash, method, lastSeenAt, ...account } = row;
  return { idHash, method, lastSeenAt, account: account as Account };
}

/** The primary within the full retry deadline (through a failover), else the standby. */
async function patiently(database: Database, query: SQL): Promise<LookupRow[]> {
  try {
    return await database.query<LookupRow>(query);
  } catch (err) {
    if (!(err instanceof DatabaseUnavailableError)) throw err;
    return database.read<LookupRow>(query);
  }
}

async function hedged(database: Database, query: SQL, options: { primaryDown?: boolean }): Promise<LookupRow[]> {
  const unavailable = () => new DatabaseUnavailableError('세션을 확인할 수 있는 데이터베이스가 없습니다.', 'read');
  if (options.primaryDown) {
    // A standby that does not know the session may not have it yet: the pass decides then.
    const standby = await settleWithin(database.read<LookupRow>(query), LOOKUP_BOUND_MS);
    if (standby.ok && standby.value.length > 0) return standby.value;
    throw unavailable();
  }
  const primary = database.query<LookupRow>(query);
  const early = await settleWithin(primary, HEDGE_MS);
  if (early.ok) return early.value;
  const standby = database.read<LookupRow>(query);
  return new Promise<LookupRow[]>((resolve, reject) => {
    let standbyRows: LookupRow[] | null | undefined; // undefined: not answered yet; null: failed
    let primaryFailed = false;
    let done = false;
    const settle = (rows: LookupRow[] | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (rows) resolve(rows);
      else reject(unavailable());
    };
    // Only a standby that knows the session is believed: one that does not may not have it yet.
    const byStandby = () => settle(standbyRows && standbyRows.length > 0 ? standbyRows : null);
    const timer = setTimeout(byStandby, LOOKUP_BOUND_MS - HEDGE_MS);
    primary.then(settle, () => {
      primaryFailed = true;
      if (standbyRows !== undefined) byStandby();
    });
    standby.then(
      (rows) => {
        standbyRows = rows;
        if (primaryFailed) byStandby();
      },
      () => {
        standbyRows = null;
        if (primaryFailed) byStandby();
      },
    );
  });
}

/** Records activity at most once a minute per session; failures are ignored (reads must not fail). */
export async function touchSession(database: Database, session: ActiveSession, now: Date): Promise<void> {
  if (now.getTime() - Date.parse(session.lastSeenAt) < 60_000) return;
  await database
    .query(sql`UPDATE sessions SET last_seen_at = ${now.toISOString()} WHERE id_hash = ${session.idHash}`)
    .catch(() => {});
}

export async function revokeSession(database: Database, idHash: string): Promise<void> {
  await database.query(sql`UPDATE sessions SET revoked_at = now() WHERE id_hash = ${idHash} AND revoked_at IS NULL`);
}

/** Signs an account out everywhere (optionally keeping one session, the one in use); in a transaction when given one. */
export async function revokeAllSessions(
  database: Database | Tx,
  accountId: number,
  keepIdHash?: string,
): Promise<number> {
  const rows = await database.query<{ n: number }>(
    sql`WITH r AS (UPDATE sessions SET revoked_at = now()
                   WHERE account_id = ${accountId} AND revoked_at IS NULL
                     AND id_hash <> ${keepIdHash ?? ''} RETURNING 1)
        SELECT count(*)::int AS n FROM r`,
  );
  return rows[0]?.n ?? 0;
}

export interface SessionListItem extends Record<string, unknown> {
  idHash: string;
  method: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string;
  userAgent: string;
}

export async function listActiveSessions(
  database: Database,
  accountId: number,
  policy: SessionPolicy,
  now: Date,
): Promise<SessionListItem[]> {
  return database.query<SessionListItem>(
    sql`SELECT id_hash AS "idHash", method, created_at::text AS "createdAt", last_seen_at::text AS "lastSeenAt", ip,
               user_agent AS "userAgent"
        FROM sessions
        WHERE account_id = ${accountId} AND revoked_at IS NULL AND expires_at > ${now.toISOString()}
          AND last_seen_at > ${new Date(now.getTime() - policy.idleMinutes * 60_000).toISOString()}
        ORDER BY last_seen_at DESC`,
  );
}

/** Deletes sessions, sign-in flows and 비밀번호 찾기 links that can no longer be used (run by the housekeeping job). */
export async function purgeExpired(database: Database, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  await database.query(
    sql`DELETE FROM sessions WHERE expires_at < ${cutoff} OR (revoked_at IS NOT NULL AND revoked_at < ${cutoff})`,
  );
  await database.query(sql`DELETE FROM oidc_flows WHERE expires_at < ${now.toISOString()}`);
  await database.query(sql`DELETE FROM password_resets WHERE expires_at < ${cutoff}`);
}
