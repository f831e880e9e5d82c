/**
 * Status data in SQL: state intervals (the source of truth), observation marks, roll-ups, heartbeats,
 * incidents with their updates, maintenance windows, postmortems and corrective actions. Every write
 * is idempotent (the database layer may retry it through a failover).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { addDays, formatDuration, seoulToday } from '../shared/dates.ts';
import type { IncidentEvent, LiveState, Named } from './model.ts';
import { type ServiceState, STATE_LABELS, totals, type WritePause, withWritePauses, worstState } from './uptime.ts';

export interface Transition {
  subject: string;
  state: ServiceState;
  at: number;
  detail: string;
}

/**
 * Applies state changes in order. A change is skipped when the subject is already in that state; a
 * change older than the open interval (another process saw it later, or a 자료 없음 gap was marked)
 * takes effect at the open interval's start instead, so intervals never overlap.
 */
export async function recordTransitions(database: Database, transitions: readonly Transition[]): Promise<void> {
  if (transitions.length === 0) return;
  await database.transaction(async (tx) => {
    for (const t of transitions) {
      const [open] = await tx.query<{ id: number; state: string; startedAt: string }>(
        sql`SELECT id, state, started_at::text AS "startedAt" FROM status_intervals
             WHERE subject = ${t.subject} AND ended_at IS NULL FOR UPDATE`,
      );
      if (open?.state === t.state) continue;
      const at = new Date(Math.max(t.at, open ? Date.parse(open.startedAt) : 0)).toISOString();
      if (open) await tx.query(sql`UPDATE status_intervals SET ended_at = ${at} WHERE id = ${open.id}`);
      await tx.query(
        sql`INSERT INTO status_intervals (subject, state, started_at, detail) VALUES (${t.subject}, ${t.state}, ${at}, ${t.detail})`,
      );
    }
  });
}

/** Marks subjects as observed now (a later gap without marks becomes 자료 없음). */
export async function touchObserved(database: Database, subjects: readonly string[], at: Date): Promise<void> {
  if (subjects.length === 0) return;
  const iso = at.toISOString();
  const rows = subjects.map((s) => sql`(${s}, ${iso}::timestamptz)`);
  await database.query(
    sql`INSERT INTO status_observed (subject, observed_at) VALUES ${sql.join(rows, sql`, `)}
        ON CONFLICT (subject) DO UPDATE SET observed_at = GREATEST(status_observed.observed_at, excluded.observed_at)`,
  );
}

export async function heartbeat(
  database: Database,
  holder: string,
  startedAt: Date,
  now: Date,
  journalPending = 0,
): Promise<void> {
  await database.query(
    sql`INSERT INTO app_heartbeats (holder, started_at, seen_at, journal_pending)
        VALUES (${holder}, ${startedAt.toISOString()}, ${now.toISOString()}, ${journalPending})
        ON CONFLICT (holder) DO UPDATE SET seen_at = excluded.seen_at, started_at = excluded.started_at,
          journal_pending = excluded.journal_pending`,
  );
}

/** A process that stops cleanly removes its heartbeat; very old ones (crashed long ago) are purged. */
export async function removeHeartbeat(database: Database, holder: string): Promise<void> {
  await database.query(sql`DELETE FROM app_heartbeats WHERE holder = ${holder}`);
}

export async function purgeHeartbeats(database: Database, now: Date, olderThanMs: number): Promise<void> {
  await database.query(
    sql`DELETE FROM app_heartbeats WHERE seen_at < ${new Date(now.getTime() - olderThanMs).toISOString()}`,
  );
}

export const UPDATE_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];
export const UPDATE_LABELS: Record<UpdateStatus, Named> = {
  investigating: { ko: '조사 중', en: 'Investigating' },
  identified: { ko: '원인 파악', en: 'Identified' },
  monitoring: { ko: '모니터링', en: 'Monitoring' },
  resolved: { ko: '해결', en: 'Resolved' },
};

/** An incident as its row holds it (times as ISO text). */
export interface IncidentRow {
  id: number;
  title: string;
  component: string;
  services: string[];
  impact: LiveState;
  cause: string;
  automatic: boolean;
  startedAt: string;
  resolvedAt: string | null;
  [key: string]: unknown;
}

/** A write pause of the failover layer, ready to be written to the outage register. */
export interface WritePauseRecord {
  /** write-pause@<instance>@<start>: written once however often the write is retried. */
  key: string;
  startedAt: number;
  endedAt: number;
  /** '주 DB 전환' or '주 DB 연결 끊김' — the short cause for the title. */
  kind: string;
  /** The whole cause: which primary, what the writes met. */
  cause: string;
  services: readonly string[];
}

/**
 * Writes a write pause into the outage register as an automatic incident that is already over
 * (부분 장애: reads went on, writes waited), with one update that says what happened. Every app process
 * records what its own writes met; the pauses of one failover overlap, so a pause that overlaps one
 * already written (within 2 s) widens that one instead — from the first failed write anywhere to the
 * last process's first good one. Serialised by a transaction-scoped advisory lock; idempotent by key.
 */
export async function recordWritePause(database: Database, pause: WritePauseRecord): Promise<void> {
  await database.transaction(async (tx) => {
    await tx.query(sql`SELECT pg_advisory_xact_lock(${WRITE_PAUSE_LOCK})`);
    const [same] = await tx.query<{ id: number }>(sql`SELECT id FROM incidents WHERE dedupe_key = ${pause.key}`);
    if (same) return;
    const [overlapping] = await tx.query<{ id: number; key: string; startedAt: string; resolvedAt: string }>(
      sql`SELECT id, dedupe_key AS key, started_at::text AS "startedAt", resolved_at::text AS "resolvedAt"
            FROM incidents
           WHERE dedupe_key LIKE 'write-pause@%'
             AND started_at <= ${new Date(pause.endedAt + 2_000).toISOString()}
             AND resolved_at >= ${new Date(pause.startedAt - 2_000).toISOString()}
           ORDER BY started_at LIMIT 1`,
    );
    const startedAt = Math.min(pause.startedAt, overlapping ? Date.parse(overlapping.startedAt) : pause.startedAt);
    const endedAt = Math.max(pause.endedAt, overlapping ? Date.parse(overlapping.resolvedAt) : pause.endedAt);
    const seconds = ((endedAt - startedAt) / 1000).toFixed(1);
    const title = `쓰기 일시 중단 ${seconds}초, ${pause.kind}`;
    const body = `자동 기록: ${pause.cause}. 저장(쓰기)이 ${seconds}초 동안 멈췄다가 다시 됩니다. 조회는 계속되었고, 그동안의 저장 요청은 자동으로 다시 시도되었습니다 (20초 안에 끝나지 못한 요청은 "저장되지 않았습니다"로 답했습니다).`;
    const started = new Date(startedAt).toISOString();
    const ended = new Date(endedAt).toISOString();
    if (overlapping) {
      // A primary change seen by any process is the cause (a process that saw only a reconnect knew less).
      await tx.query(
        sql`UPDATE incidents SET started_at = ${started}, resolved_at = ${ended},
                   title = CASE WHEN title LIKE '%주 DB 전환' THEN regexp_replace(title, '[0-9.]+초', ${`${seconds}초`}) ELSE ${title} END,
                   cause = CASE WHEN cause LIKE '주 DB 전환%' THEN cause ELSE ${pause.cause} END
             WHERE id = ${overlapping.id}`,
      );
      await tx.query(
        sql`UPDATE incident_updates SET created_at = ${ended},
                   body = regexp_replace(body, '[0-9.]+초 동안', ${`${seconds}초 동안`})
             WHERE dedupe_key = ${`${overlapping.key}:close`}`,
      );
      return;
    }
    const inserted = await tx.query<{ id: number }>(
      sql`INSERT INTO incidents (dedupe_key, component, services, impact, title, cause, automatic, started_at, resolved_at)
          VALUES (${pause.key}, 'database', ${sql`ARRAY[${sql.join(
            pause.services.map((s) => sql`${s}`),
            sql`, `,
          )}]::text[]`}, 'partial', ${title}, ${pause.cause}, true, ${started}, ${ended})
          ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    );
    const id = inserted[0]?.id;
    if (id === undefined) return;
    await addAutoUpdate(tx, id, 'resolved', body, `${pause.key}:close`, ended);
  });
}

/** The advisory lock that serialises write-pause records across app processes. */
const WRITE_PAUSE_LOCK = 0x696c_7770; // 'ilwp'

/** Applies one incident event from the monitors; idempotent by the incident's and the update's keys. */
export async function applyIncidentEvent(
  database: Database,
  ev: IncidentEvent,
  serviceNames: ReadonlyMap<string, Named>,
): Promise<void> {
  const services = (ids: readonly string[]) => ids.map((s) => serviceNames.get(s)?.ko ?? s).join(', ') || '없음';
  const at = new Date(ev.at).toISOString();
  await database.transaction(async (tx) => {
    if (ev.type === 'open') {
      const inserted = await tx.query<{ id: number }>(
        sql`INSERT INTO incidents (dedupe_key, component, services, impact, title, cause, automatic, started_at)
            VALUES (${ev.key}, ${ev.component}, ${sql`ARRAY[${sql.join(
              ev.services.map((s) => sql`${s}`),
              sql`, `,
            )}]::text[]`}, ${ev.impact}, ${ev.title}, ${ev.cause}, true, ${at})
            ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      );
      const id = inserted[0]?.id;
      if (id === undefined) return;
      // The internal alert: every operator gets it in 알림 (이중화 상실 included: users are fine, the
      // spare is gone, and the next failure would be an outage).
      await tx.query(
        sql`INSERT INTO notifications (account_id, kind, title, body, link, dedupe_key)
            SELECT id, 'status.incident', ${`[서비스 상태] ${ev.title}`}, ${ev.cause}, ${`/admin/status/incidents/${id}`},
                   ${`status:${ev.key}:`} || id
              FROM accounts WHERE kind = 'operator' AND status = 'active'
            ON CONFLICT (dedupe_key) DO NOTHING`,
      );
      await addAutoUpdate(
        tx,
        id,
        'investigating',
        `자동 감지: ${ev.title}. 원인: ${ev.cause || '확인 중'}. 영향 받는 서비스: ${services(ev.services)}. 운영자가 확인하고 있습니다.`,
        `${ev.key}:open`,
        at,
      );
      return;
    }
    const [incident] = await tx.query<{ id: number; startedAt: string; title: string }>(
      sql`SELECT id, started_at::text AS "startedAt", title FROM incidents WHERE dedupe_key = ${ev.key} FOR UPDATE`,
    );
    if (!incident) return;
    if (ev.type === 'escalate') {
      await tx.query(
        sql`UPDATE incidents SET impact = ${ev.impact}, title = ${ev.title},
                   cause = CASE WHEN ${ev.cause} = '' THEN cause ELSE ${ev.cause} END,
                   services = ARRAY(SELECT DISTINCT unnest(services || ${sql`ARRAY[${sql.join(
                     ev.services.map((s) => sql`${s}`),
                     sql`, `,
                   )}]::text[]`}))
             WHERE id = ${incident.id}`,
      );
      await addAutoUpdate(
        tx,
        incident.id,
        'investigating',
        `영향 확대: ${STATE_LABELS[ev.impact]}. 원인: ${ev.cause || '확인 중'}. 영향 받는 서비스: ${services(ev.services)}.`,
        `${ev.key}:${ev.impact}`,
        at,
      );
      return;
    }
    const closed = await tx.query<{ id: number }>(
      sql`UPDATE incidents SET resolved_at = GREATEST(${at}::timestamptz, started_at)
           WHERE id = ${incident.id} AND resolved_at IS NULL RETURNING id`,
    );
    if (closed.length === 0) return;
    const duration = formatDuration(ev.at - Date.parse(incident.startedAt));
    await addAutoUpdate(
      tx,
      incident.id,
      'resolved',
      `자동 복구 확인: ${incident.title} 상태가 해소되었습니다. 지속 시간 ${duration}.`,
      `${ev.key}:close`,
      at,
    );
  });
}

async function addAutoUpdate(
  tx: { query: Database['query'] },
  incidentId: number,
  status: UpdateStatus,
  body: string,
  key: string,
  at: string,
): Promise<void> {
  await tx.query(
    sql`INSERT INTO incident_updates (incident_id, status, body, dedupe_key, created_at)
        VALUES (${incidentId}, ${status}, ${body}, ${key}, ${at}) ON CONFLICT (dedupe_key) DO NOTHING`,
  );
}

/** Components and services in an announced maintenance window right now. */
export async function activeMaintenance(database: Database, now: Date): Promise<Set<string>> {
  const rows = await database.read<{ component: string }>(
    sql`SELECT DISTINCT unnest(components) AS component FROM maintenance_windows
         WHERE cancelled_at IS NULL AND starts_at <= ${now.toISOString()} AND ends_at > ${now.toISOString()}`,
  );
  return new Set(rows.map((r) => r.component));
}

// ── roll-ups and retention ────────────────────────────────────────────────────────────────────────

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const SEOUL_OFFSET = 9 * HOUR; // Asia/Seoul: UTC+9 all year, no DST

export type Grain = 'minute' | 'hour' | 'day';

/** Start of the bucket holding `t` (days start at midnight in Seoul). */
export function bucketStart(grain: Grain, t: number): number {
  if (grain === 'minute') return Math.floor(t / MINUTE) * MINUTE;
  if (grain === 'hour') return Math.floor(t / HOUR) * HOUR;
  return Math.floor((t + SEOUL_OFFSET) / DAY) * DAY - SEOUL_OFFSET;
}

const GRAIN_MS: Record<Grain, number> = { minute: MINUTE, hour: HOUR, day: DAY };
/** How far back each roll-up is recomputed on every pass (late interval corrections land in it). */
const LOOKBACK: Record<Grain, number> = { minute: 10 * MINUTE, hour: 2 * HOUR, day: 2 * DAY };
/** Retention of each grain; intervals and daily roll-ups are kept 5 years. */
export const RETENTION: Record<Grain, number> = { minute: 2 * DAY, hour: 90 * DAY, day: 5 * 366 * DAY };

/**
 * Recomputes the roll-ups of `subjects` for the buckets from the last one written (or `lookback`)
 * until `now`. The current bucket is written as far as it has gone (the rest is not 자료 없음 yet: it
 * is simply not counted until it has happened).
 */
export async function rollup(database: Database, subjects: readonly string[], now: Date): Promise<void> {
  if (subjects.length === 0) return;
  const t = now.getTime();
  for (const grain of ['minute', 'hour', 'day'] as const) {
    const size = GRAIN_MS[grain];
    // One backward index read per subject (a GROUP BY over the table scans millions of rows).
    const last = await database.query<{ subject: string; last: string | null }>(
      sql`SELECT s AS subject,
                 (SELECT max(bucket) FROM status_rollups r WHERE r.subject = s AND r.grain = ${grain})::text AS last
            FROM unnest(${sql`ARRAY[${sql.join(
              subjects.map((x) => sql`${x}`),
              sql`, `,
            )}]::text[]`}) AS s`,
    );
    const lastBy = new Map(last.filter((r) => r.last !== null).map((r) => [r.subject, Date.parse(r.last ?? '')]));
    for (const subject of subjects) {
      // From the last bucket written (or the lookback, if later); everything kept, the first time.
      const last = lastBy.get(subject);
      const from = Math.max(
        bucketStart(grain, t - RETENTION[grain]),
        last === undefined ? 0 : Math.min(bucketStart(grain, t - LOOKBACK[grain]), last),
      );
      const intervals = await database.query<{ state: ServiceState; from: string; to: string | null }>(
        sql`SELECT state, started_at::text AS "from", ended_at::text AS "to" FROM status_intervals
             WHERE subject = ${subject} AND started_at < ${now.toISOString()}
               AND (ended_at IS NULL OR ended_at > ${new Date(from).toISOString()})`,
      );
      const first = intervals.reduce((m, i) => Math.min(m, Date.parse(i.from)), Number.POSITIVE_INFINITY);
      const parsed = withWritePauses(
        intervals.map((i) => ({ state: i.state, from: Date.parse(i.from), to: i.to ? Date.parse(i.to) : t })),
        await writePausesOf(database, subject, from, now),
      );
      const rows = [];
      for (let b = Math.max(from, bucketStart(grain, first)); b <= t && b < Number.POSITIVE_INFINITY; b += size) {
        // Day buckets are 24 h exactly: Seoul has no DST.
        const a = Math.max(b, Math.min(first, b + size));
        const z = Math.min(b + size, t);
        const x = totals(parsed, a, z);
        rows.push(
          sql`(${subject}, ${grain}, ${new Date(b).toISOString()}::timestamptz, ${x.upMs}, ${x.partialMs}, ${x.downMs}, ${x.maintenanceMs}, ${x.noDataMs}, ${worstState(parsed, a, z)})`,
        );
      }
      for (let i = 0; i < rows.length; i += 500) {
        await database.query(
          sql`INSERT INTO status_rollups (subject, grain, bucket, up_ms, partial_ms, down_ms, maintenance_ms, no_data_ms, worst)
              VALUES ${sql.join(rows.slice(i, i + 500), sql`, `)}
              ON CONFLICT (subject, grain, bucket) DO UPDATE SET up_ms = excluded.up_ms, partial_ms = excluded.partial_ms,
                down_ms = excluded.down_ms, maintenance_ms = excluded.maintenance_ms, no_data_ms = excluded.no_data_ms,
                worst = excluded.worst`,
        );
      }
    }
  }
}

/**
 * The write pauses in the outage register that touch `subject` since `from` (issue 21): a service
 * whose writes paused, or the database component itself. They count as 부분 장애 in the figures.
 */
async function writePausesOf(database: Database, subject: string, from: number, now: Date): Promise<WritePause[]> {
  const [kind, id] = subject.split(':', 2);
  if (!id || (kind !== 'service' && !(kind === 'component' && id === 'database'))) return [];
  const rows = await database.query<{ from: string; to: string }>(
    sql`SELECT started_at::text AS "from", resolved_at::text AS "to" FROM incidents
         WHERE dedupe_key LIKE 'write-pause@%' AND resolved_at > ${new Date(from).toISOString()}
           AND started_at < ${now.toISOString()}
           AND ${kind === 'service' ? sql`${id} = ANY(services)` : sql`component = 'database'`}`,
  );
  return rows.map((r) => ({ from: Date.parse(r.from), to: Date.parse(r.to) }));
}

/** Drops roll-ups and intervals past their retention. */
export async function prune(database: Database, now: Date): Promise<void> {
  for (const grain of ['minute', 'hour', 'day'] as const) {
    await database.query(
      sql`DELETE FROM status_rollups WHERE grain = ${grain} AND bucket < ${new Date(now.getTime() - RETENTION[grain]).toISOString()}`,
    );
  }
  await database.query(
    sql`DELETE FROM status_intervals WHERE ended_at < ${new Date(now.getTime() - RETENTION.day).toISOString()}`,
  );
}

/** Seoul dates of the last `days` days, oldest first, ending today. */
export function lastDays(now: Date, days: number): string[] {
  const today = seoulToday(now);
  return Array.from({ length: days }, (_, i) => addDays(today, i - days + 1));
}
