/**
 * The operators' status desk in SQL: incidents, their updates, announced maintenance, postmortems and
 * corrective actions. Every function takes the database or a transaction handle: inside a command
 * (src/db/commands.ts) the change and its audit row share one transaction.
 */
import { sql } from 'drizzle-orm';
import { CHANGE_KINDS } from '../benefits/service.ts';
import type { Database } from '../db/index.ts';
import type { LiveState } from './model.ts';
import type { IncidentRow, UpdateStatus } from './store.ts';

type Db = Pick<Database, 'query'>;

export type { IncidentRow };

export interface MaintenanceRow {
  id: number;
  title: string;
  components: string[];
  startsAt: string;
  endsAt: string;
  cancelledAt: string | null;
  [key: string]: unknown;
}

export interface OverdueAction {
  id: number;
  incidentId: number;
  title: string;
  owner: string;
  dueDate: string;
  [key: string]: unknown;
}

export interface UpdateRow {
  status: UpdateStatus;
  body: string;
  createdAt: string;
  author: string | null;
  [key: string]: unknown;
}

export interface PostmortemRow {
  summary: string;
  rootCause: string;
  impact: string;
  publishedAt: string | null;
  [key: string]: unknown;
}

export type ActionStatus = 'open' | 'in-progress' | 'done';

export interface ActionRow {
  id: number;
  title: string;
  owner: string;
  dueDate: string;
  status: ActionStatus;
  verification: string;
  [key: string]: unknown;
}

const textArray = (items: readonly string[]) =>
  sql`ARRAY[${sql.join(
    items.map((s) => sql`${s}`),
    sql`, `,
  )}]::text[]`;

export async function findIncident(db: Db, id: number): Promise<IncidentRow | undefined> {
  const [row] = await db.query<IncidentRow>(
    sql`SELECT id, title, component, services, impact, cause, automatic, started_at::text AS "startedAt",
               resolved_at::text AS "resolvedAt" FROM incidents WHERE id = ${id}`,
  );
  return row ? { ...row, id: Number(row.id) } : undefined;
}

/** The last 50 incidents, open ones first. */
export function recentIncidents(db: Db): Promise<IncidentRow[]> {
  return db.query<IncidentRow>(
    sql`SELECT id, title, component, services, impact, cause, automatic, started_at::text AS "startedAt",
               resolved_at::text AS "resolvedAt" FROM incidents ORDER BY resolved_at IS NULL DESC, started_at DESC LIMIT 50`,
  );
}

/** Maintenance windows that ended less than 30 days ago or are still to come (50 at most). */
export function recentMaintenance(db: Db): Promise<MaintenanceRow[]> {
  return db.query<MaintenanceRow>(
    sql`SELECT id, title, components, starts_at::text AS "startsAt", ends_at::text AS "endsAt", cancelled_at::text AS "cancelledAt"
          FROM maintenance_windows WHERE ends_at > now() - interval '30 days' ORDER BY starts_at DESC LIMIT 50`,
  );
}

/** Corrective actions not done whose due date is before `today` (Seoul). */
export function overdueActions(db: Db, today: string): Promise<OverdueAction[]> {
  return db.query<OverdueAction>(
    sql`SELECT id, incident_id AS "incidentId", title, owner, due_date::text AS "dueDate" FROM corrective_actions
         WHERE status <> 'done' AND due_date < ${today}::date ORDER BY due_date`,
  );
}

export function incidentUpdates(db: Db, incidentId: number): Promise<UpdateRow[]> {
  return db.query<UpdateRow>(
    sql`SELECT u.status, u.body, u.created_at::text AS "createdAt", a.name AS author
          FROM incident_updates u LEFT JOIN accounts a ON a.id = u.author_id
         WHERE u.incident_id = ${incidentId} ORDER BY u.created_at DESC, u.id DESC`,
  );
}

export async function postmortemOf(db: Db, incidentId: number): Promise<PostmortemRow | undefined> {
  const [row] = await db.query<PostmortemRow>(
    sql`SELECT summary, root_cause AS "rootCause", impact, published_at::text AS "publishedAt" FROM postmortems WHERE incident_id = ${incidentId}`,
  );
  return row;
}

export function correctiveActions(db: Db, incidentId: number): Promise<ActionRow[]> {
  return db.query<ActionRow>(
    sql`SELECT id, title, owner, due_date::text AS "dueDate", status, verification FROM corrective_actions
         WHERE incident_id = ${incidentId} ORDER BY due_date, id`,
  );
}

/** Sign-ins (and failed ones) in a window, and 실업인정일 that fell in its days or were moved by an outage. */
export async function impactCounts(
  db: Db,
  window: { from: string; to: string; fromDay: string; toDay: string },
): Promise<{ failedSignIns: number; signIns: number; recognitionsDue: number; recognitionsMoved: number }> {
  const [signIns] = await db.query<{ failed: number; total: number }>(
    sql`SELECT count(*) FILTER (WHERE outcome = 'failure')::int AS failed, count(*)::int AS total
          FROM audit_log WHERE action = 'sign-in' AND at >= ${window.from} AND at <= ${window.to}`,
  );
  const [rec] = await db.query<{ due: number; moved: number }>(
    sql`SELECT count(*) FILTER (WHERE scheduled_date BETWEEN ${window.fromDay}::date AND ${window.toDay}::date)::int AS due,
               count(*) FILTER (WHERE moved_because = ${CHANGE_KINDS.outage} AND nominal_date BETWEEN ${window.fromDay}::date AND ${window.toDay}::date)::int AS moved
          FROM claim_recognitions`,
  );
  return {
    failedSignIns: signIns?.failed ?? 0,
    signIns: signIns?.total ?? 0,
    recognitionsDue: rec?.due ?? 0,
    recognitionsMoved: rec?.moved ?? 0,
  };
}

/** A declared incident and its first update, once per key (a repeat returns the same incident). */
export async function insertDeclaredIncident(
  db: Db,
  d: {
    key: string;
    services: readonly string[];
    impact: LiveState;
    title: string;
    cause: string;
    startedAt: string;
    resolvedAt: string | null;
    body: string;
    authorId: number;
    at: string;
  },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    sql`INSERT INTO incidents (dedupe_key, component, services, impact, title, cause, automatic, started_at, resolved_at)
        VALUES (${`manual:${d.key}`}, 'manual', ${textArray(d.services)}, ${d.impact}, ${d.title}, ${d.cause}, false, ${d.startedAt}, ${d.resolvedAt})
        ON CONFLICT (dedupe_key) DO UPDATE SET dedupe_key = excluded.dedupe_key RETURNING id`,
  );
  const incidentId = Number(row?.id);
  await db.query(
    sql`INSERT INTO incident_updates (incident_id, status, body, author_id, dedupe_key, created_at)
        VALUES (${incidentId}, ${d.resolvedAt ? 'resolved' : 'investigating'}, ${d.body}, ${d.authorId}, ${`manual:${d.key}:first`}, ${d.at})
        ON CONFLICT (dedupe_key) DO NOTHING`,
  );
  return incidentId;
}

export async function insertMaintenance(
  db: Db,
  m: {
    key: string;
    title: string;
    description: string;
    components: readonly string[];
    startsAt: string;
    endsAt: string;
    authorId: number;
  },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    sql`INSERT INTO maintenance_windows (title, description, components, starts_at, ends_at, author_id, idempotency_key)
        VALUES (${m.title}, ${m.description}, ${textArray(m.components)}, ${m.startsAt}, ${m.endsAt}, ${m.authorId}, ${m.key})
        ON CONFLICT (idempotency_key) DO UPDATE SET idempotency_key = excluded.idempotency_key RETURNING id`,
  );
  return Number(row?.id);
}

/** Cancels a window (once); false when there is none with this id. */
export async function cancelMaintenance(db: Db, id: number): Promise<boolean> {
  const found = await db.query(
    sql`UPDATE maintenance_windows SET cancelled_at = coalesce(cancelled_at, now()) WHERE id = ${id} RETURNING id`,
  );
  return found.length > 0;
}

/** An operator's update, once per key; `resolve` also sets the (declared) incident's recovery time. */
export async function insertUpdate(
  db: Db,
  u: {
    incidentId: number;
    status: UpdateStatus;
    body: string;
    authorId: number;
    key: string;
    at: string;
    resolve: boolean;
  },
): Promise<void> {
  await db.query(
    sql`INSERT INTO incident_updates (incident_id, status, body, author_id, dedupe_key, created_at)
        VALUES (${u.incidentId}, ${u.status}, ${u.body}, ${u.authorId}, ${`op:${u.key}`}, ${u.at}) ON CONFLICT (dedupe_key) DO NOTHING`,
  );
  if (u.resolve)
    await db.query(sql`UPDATE incidents SET resolved_at = coalesce(resolved_at, ${u.at}) WHERE id = ${u.incidentId}`);
}

export async function upsertPostmortem(
  db: Db,
  p: { incidentId: number; summary: string; rootCause: string; impact: string; publish: boolean; at: string },
): Promise<void> {
  await db.query(
    sql`INSERT INTO postmortems (incident_id, summary, root_cause, impact, published_at, updated_at)
        VALUES (${p.incidentId}, ${p.summary}, ${p.rootCause}, ${p.impact}, ${p.publish ? p.at : null}, ${p.at})
        ON CONFLICT (incident_id) DO UPDATE SET summary = excluded.summary, root_cause = excluded.root_cause,
          impact = excluded.impact, updated_at = excluded.updated_at,
          published_at = CASE WHEN ${p.publish} THEN coalesce(postmortems.published_at, excluded.updated_at) ELSE NULL END`,
  );
}

export async function insertAction(
  db: Db,
  a: { incidentId: number; title: string; owner: string; dueDate: string; key: string },
): Promise<void> {
  await db.query(
    sql`INSERT INTO corrective_actions (incident_id, title, owner, due_date, idempotency_key)
        VALUES (${a.incidentId}, ${a.title}, ${a.owner}, ${a.dueDate}, ${a.key}) ON CONFLICT (idempotency_key) DO NOTHING`,
  );
}

/** Sets an action's status and verification; its incident's id, or undefined when there is no such action. */
export async function updateAction(
  db: Db,
  a: { id: number; status: ActionStatus; verification: string; at: string },
): Promise<number | undefined> {
  const [row] = await db.query<{ incidentId: number }>(
    sql`UPDATE corrective_actions SET status = ${a.status}, verification = ${a.verification},
               done_at = CASE WHEN ${a.status} = 'done' THEN coalesce(done_at, ${a.at}::timestamptz) ELSE NULL END
         WHERE id = ${a.id} RETURNING incident_id AS "incidentId"`,
  );
  return row?.incidentId;
}
