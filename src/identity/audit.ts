/**
 * The audit log: an append-only record (the database refuses UPDATE and DELETE) of sign-ins,
 * sign-outs, account changes and every staff action — who, what, when, from where. Details are
 * passed through maskPersonalNumbers so a 주민등록번호 typed into any field never lands here in full.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Database } from '../db/index.ts';
import type { AccountKind } from './accounts.ts';
import { maskPersonalNumbers } from './rules.ts';

export interface AuditEntry {
  actor: { id: number; kind: AccountKind } | null;
  action: string;
  outcome: 'success' | 'failure' | 'denied';
  target?: { type: string; id: string | number };
  ip: string;
  userAgent: string;
  details?: Record<string, string | number | boolean | null>;
  /** Chosen by the caller when the INSERT is part of a transaction that may be retried as a whole. */
  entryId?: string;
}

/** Who is acting, and from where: an account's action as the audit log records it. */
export interface Actor {
  id: number;
  kind: AccountKind;
  ip: string;
  userAgent: string;
}

/** Appends `actor`'s successful `action` (with its target and details, if any). */
export function auditBy(
  database: Database,
  actor: Actor,
  action: string,
  more: Pick<AuditEntry, 'target' | 'details' | 'entryId'> = {},
): Promise<void> {
  return audit(database, {
    actor: { id: actor.id, kind: actor.kind },
    action,
    outcome: 'success',
    ip: actor.ip,
    userAgent: actor.userAgent,
    ...more,
  });
}

/** Where a request came from, as the audit log records it. */
export function clientOf(request: FastifyRequest): { ip: string; userAgent: string } {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' };
}

const STAFF: ReadonlySet<AccountKind> = new Set(['counsellor', 'operator']);

function maskDetails(details: AuditEntry['details']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(details ?? {})) out[k] = typeof v === 'string' ? maskPersonalNumbers(v) : v;
  return out;
}

/**
 * Appends one entry. Inside a command it is part of the command's transaction (written once with the
 * change, or not at all). Outside one (sign-in, access denied) the INSERT may be retried through a
 * failover after its COMMIT reply was lost: the entry id chosen here before the first attempt makes
 * the retry find the row instead of writing it twice.
 */
export async function audit(database: Database, entry: AuditEntry): Promise<void> {
  await database.query(
    sql`INSERT INTO audit_log (entry_id, actor_id, actor_kind, action, outcome, target_type, target_id, ip, user_agent, details, staff)
        VALUES (${entry.entryId ?? randomUUID()}, ${entry.actor?.id ?? null}, ${entry.actor?.kind ?? null}, ${entry.action}, ${entry.outcome},
                ${entry.target?.type ?? null}, ${entry.target ? String(entry.target.id) : null}, ${entry.ip},
                ${entry.userAgent.slice(0, 300)}, ${JSON.stringify(maskDetails(entry.details))}::jsonb,
                ${entry.actor ? STAFF.has(entry.actor.kind) : false})
        ON CONFLICT (entry_id) DO NOTHING`,
  );
}

export interface AuditRow extends Record<string, unknown> {
  id: number;
  at: string;
  actorId: number | null;
  actorKind: string | null;
  actorLoginId: string | null;
  action: string;
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  ip: string;
  userAgent: string;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  actorId?: number;
  action?: string;
  staffOnly?: boolean;
  limit?: number;
}

export async function listAudit(database: Database, filter: AuditFilter = {}): Promise<AuditRow[]> {
  const where = [sql`true`];
  if (filter.actorId !== undefined) where.push(sql`a.actor_id = ${filter.actorId}`);
  if (filter.action) where.push(sql`a.action = ${filter.action}`);
  if (filter.staffOnly) where.push(sql`a.staff`);
  return database.read<AuditRow>(
    sql`SELECT a.id::int AS id, a.at::text AS at, a.actor_id::int AS "actorId", a.actor_kind AS "actorKind",
               acc.login_id AS "actorLoginId", a.action, a.outcome, a.target_type AS "targetType",
               a.target_id AS "targetId", a.ip, a.user_agent AS "userAgent", a.details
        FROM audit_log a LEFT JOIN accounts acc ON acc.id = a.actor_id
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY a.id DESC LIMIT ${Math.min(filter.limit ?? 100, 500)}`,
  );
}
