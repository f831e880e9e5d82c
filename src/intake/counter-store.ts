/**
 * 창구 접수 in SQL: the outcome kept per counter form's key, the counters' offline windows and queue
 * reports, and the reference data a counter keeps for offline use. Inside a command (src/db/commands.ts)
 * these statements join the command's transaction.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import type { CounterKind, CounterOutageReport } from './counter-forms.ts';

type Db = Pick<Database, 'query' | 'read'>;

export interface StoredOutcome extends Record<string, unknown> {
  status: 'applied' | 'review';
  message: string;
  ref: string;
}

/** The outcome kept for a counter form's key, if it was applied before. */
export async function findSubmission(db: Db, key: string): Promise<StoredOutcome | undefined> {
  const [stored] = await db.query<StoredOutcome>(
    sql`SELECT status, message, ref FROM counter_submissions WHERE key = ${key}`,
  );
  return stored;
}

/** An active 개인회원 by login ID. */
export async function findActiveSeeker(db: Db, loginId: string): Promise<{ id: number } | undefined> {
  const [citizen] = await db.query<{ id: number }>(
    sql`SELECT id::int AS id FROM accounts WHERE login_id = ${loginId} AND kind = 'seeker' AND status = 'active'`,
  );
  return citizen;
}

/** Keeps a counter form's outcome under its key (the first one kept wins). */
export async function insertSubmission(
  db: Db,
  s: {
    key: string;
    counsellorId: number;
    centreCode: string;
    kind: CounterKind;
    citizenId: number | null;
    takenAt: string;
    receivedAt: string;
  } & StoredOutcome,
): Promise<void> {
  await db.query(
    sql`INSERT INTO counter_submissions (key, counsellor_id, centre_code, kind, citizen_id, taken_at, received_at, status, message, ref)
        VALUES (${s.key}, ${s.counsellorId}, ${s.centreCode}, ${s.kind}, ${s.citizenId}, ${s.takenAt},
                ${s.receivedAt}, ${s.status}, ${s.message}, ${s.ref})
        ON CONFLICT (key) DO NOTHING`,
  );
}

/** Records a counter's offline window once per key; its id. */
export async function insertOutage(
  db: Db,
  o: CounterOutageReport & { counsellorId: number; centreCode: string; receivedAt: string },
): Promise<{ id: number } | undefined> {
  await db.query(
    sql`INSERT INTO counter_outages (key, counter_id, counsellor_id, centre_code, from_at, to_at, reported_from, received_at)
        VALUES (${o.key}, ${o.counterId}, ${o.counsellorId}, ${o.centreCode}, ${o.from.toISOString()},
                ${o.to.toISOString()}, ${o.reportedFrom?.toISOString() ?? null}, ${o.receivedAt})
        ON CONFLICT (key) DO NOTHING`,
  );
  const [row] = await db.query<{ id: number }>(sql`SELECT id::int AS id FROM counter_outages WHERE key = ${o.key}`);
  return row;
}

export interface CounterPerson extends Record<string, unknown> {
  loginId: string;
  name: string;
  claims: { claimId: number; status: string; seq: number | null; date: string | null }[] | null;
}

/** The centre's people (living there or with a claim there) with their claims at the centre. */
export function centrePeople(db: Db, centreCode: string): Promise<CounterPerson[]> {
  return db.read<CounterPerson>(
    sql`SELECT a.login_id AS "loginId", a.name,
               (SELECT json_agg(json_build_object('claimId', c.id, 'status', c.status,
                        'seq', (SELECT min(r.seq) FROM claim_recognitions r WHERE r.claim_id = c.id AND r.status = 'scheduled'),
                        'date', (SELECT min(r.scheduled_date)::text FROM claim_recognitions r WHERE r.claim_id = c.id AND r.status = 'scheduled'))
                        ORDER BY c.id)
                  FROM benefit_claims c WHERE c.claimant_id = a.id AND c.centre_code = ${centreCode}) AS claims
          FROM accounts a
         WHERE a.kind = 'seeker' AND a.status = 'active'
           AND (a.centre_code = ${centreCode}
                OR EXISTS (SELECT 1 FROM benefit_claims c WHERE c.claimant_id = a.id AND c.centre_code = ${centreCode}))
         ORDER BY a.name LIMIT 5000`,
  );
}

/** The latest queue report per counsellor. */
export async function upsertQueue(
  db: Db,
  q: {
    counsellorId: number;
    centreCode: string;
    waiting: number;
    review: number;
    oldestTakenAt: string | null;
    at: string;
  },
): Promise<void> {
  await db.query(
    sql`INSERT INTO counter_queues (counsellor_id, centre_code, waiting, review, oldest_taken_at, reported_at)
        VALUES (${q.counsellorId}, ${q.centreCode}, ${q.waiting}, ${q.review}, ${q.oldestTakenAt}, ${q.at})
        ON CONFLICT (counsellor_id) DO UPDATE SET centre_code = excluded.centre_code, waiting = excluded.waiting,
          review = excluded.review, oldest_taken_at = excluded.oldest_taken_at, reported_at = excluded.reported_at`,
  );
}
