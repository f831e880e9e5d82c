/**
 * The checks behind the monitors. Each returns raw results (one check each); k-of-n confirmation is
 * applied by the runner (monitor.ts).
 */
import net from 'node:net';
import { sql } from 'drizzle-orm';
import type { Database, NodeStatus } from '../db/database.ts';
import type { ProviderHealth } from '../identity/providers.ts';
import { type CustomMonitor, DOWN_STATES } from './catalogue.ts';
import type { LiveState } from './model.ts';

export interface CheckResult {
  monitor: string;
  component: string;
  name: string;
  downState: LiveState;
  ok: boolean;
  slow: boolean;
  detail: string;
  latencyMs: number | null;
}

const result = (
  monitor: string,
  component: string,
  kind: keyof typeof DOWN_STATES,
  name: string,
  ok: boolean,
  detail: string,
  extra: Partial<CheckResult> = {},
): CheckResult => ({
  monitor,
  component,
  name,
  downState: DOWN_STATES[kind] ?? 'major',
  ok,
  slow: false,
  detail,
  latencyMs: null,
  ...extra,
});

const MAX_LAG_SECONDS = 30;

/**
 * Each database node: reachable, its role; a primary exists; a synchronous standby streams from it;
 * replication lag. From the nodes' own answers (src/db: pg_is_in_recovery, pg_stat_replication).
 */
export function databaseChecks(nodes: readonly NodeStatus[], kind: Database['kind']): CheckResult[] {
  const out: CheckResult[] = nodes.map((n) =>
    result(
      `db:node:${n.address}`,
      'database',
      'db:node',
      `DB 노드 ${n.address}`,
      n.reachable,
      n.reachable
        ? `DB 노드 ${n.address}: ${n.role ?? '역할 미상'}`
        : `DB 노드 ${n.address} 응답 없음 (${n.error ?? '연결 실패'})`,
    ),
  );
  const primary = nodes.find((n) => n.reachable && (n.role === 'primary' || n.role === 'embedded'));
  out.push(
    result(
      'db:primary',
      'database',
      'db:primary',
      'DB 주 서버(쓰기)',
      !!primary,
      primary ? `주 서버 ${primary.address}` : '쓰기를 받을 주 DB 서버가 없음',
    ),
  );
  if (kind === 'postgres' && nodes.length > 1) {
    const sync = primary?.replicas?.find((r) => r.syncState === 'sync' || r.syncState === 'quorum');
    out.push(
      result(
        'db:sync',
        'database',
        'db:sync',
        'DB 동기 복제',
        !!sync,
        sync ? `동기 복제 대기 서버 ${sync.address}` : '동기 복제 중인 대기 서버가 없음',
      ),
    );
    // The primary's replay_lag (NULL when idle); a standby's time since its last replayed transaction
    // only grows while nothing is written, so it is not a lag.
    const lags = (primary?.replicas ?? [])
      .map((r) => r.replayLagSeconds)
      .filter((l): l is number => typeof l === 'number');
    const lag = lags.length ? Math.max(...lags) : 0;
    out.push(
      result(
        'db:lag',
        'database',
        'db:lag',
        'DB 복제 지연',
        lag <= MAX_LAG_SECONDS,
        `복제 지연 ${lag.toFixed(1)}초 (한도 ${MAX_LAG_SECONDS}초)`,
      ),
    );
  }
  return out;
}

/** App processes: every process writes a heartbeat; one older than `staleMs` is a process gone. */
export async function appCheck(database: Database, now: Date, staleMs: number): Promise<CheckResult> {
  try {
    const rows = await database.query<{ total: number; stale: number }>(
      sql`SELECT count(*)::int AS total,
                 count(*) FILTER (WHERE seen_at < ${new Date(now.getTime() - staleMs).toISOString()})::int AS stale
            FROM app_heartbeats`,
    );
    const { total = 0, stale = 0 } = rows[0] ?? {};
    return result(
      'app:heartbeats',
      'app',
      'app',
      '앱 프로세스 하트비트',
      stale === 0,
      stale === 0 ? `앱 프로세스 ${total}개 정상` : `앱 프로세스 ${total}개 중 ${stale}개 응답 없음`,
    );
  } catch (err) {
    return result('app:heartbeats', 'app', 'app', '앱 프로세스 하트비트', false, `하트비트 확인 불가: ${message(err)}`);
  }
}

/** Background jobs: e-mails waiting in the outbox longer than `maxAgeMs`. */
export async function backlogCheck(database: Database, now: Date, maxAgeMs: number): Promise<CheckResult> {
  try {
    const [row] = await database.query<{ waiting: number; oldest: string | null }>(
      sql`SELECT count(*)::int AS waiting, min(created_at)::text AS oldest FROM email_outbox WHERE sent_at IS NULL`,
    );
    const waiting = row?.waiting ?? 0;
    const ageMs = row?.oldest ? now.getTime() - new Date(row.oldest).getTime() : 0;
    return result(
      'jobs:outbox',
      'jobs-worker',
      'backlog',
      '메일 발송 대기열',
      ageMs <= maxAgeMs,
      `발송 대기 ${waiting}건, 가장 오래된 것 ${Math.round(ageMs / 60_000)}분`,
    );
  } catch (err) {
    return result(
      'jobs:outbox',
      'jobs-worker',
      'backlog',
      '메일 발송 대기열',
      false,
      `대기열 확인 불가: ${message(err)}`,
    );
  }
}

/** Sign-in providers, from the registry's own discovery/JWKS/token-endpoint checks. */
export function providerChecks(health: readonly ProviderHealth[]): CheckResult[] {
  return health.map((h) =>
    result(
      `idp:${h.id}`,
      `idp:${h.id}`,
      'idp',
      `${h.label} 로그인`,
      h.state !== 'down',
      h.state === 'down' ? `${h.label} 로그인 서버 응답 이상 (${h.error ?? '확인 실패'})` : `${h.label} 로그인 정상`,
      { latencyMs: h.latencyMs },
    ),
  );
}

/** An HTTP(S) target: status, optional keyword in the body, latency over its limit = slow. */
export async function httpCheck(m: CustomMonitor): Promise<CheckResult> {
  const component = m.component ?? `ext:${m.id}`;
  const started = performance.now();
  const base = { monitor: `ext:${m.id}`, component, name: m.name, downState: 'major' as const };
  try {
    const response = await fetch(m.url ?? '', { signal: AbortSignal.timeout(m.timeoutMs), redirect: 'manual' });
    let body = '';
    if (m.keyword) body = await response.text();
    else await response.body?.cancel();
    const latencyMs = Math.round(performance.now() - started);
    const statusOk = m.expectStatus ? m.expectStatus.includes(response.status) : response.status < 400;
    const keywordOk = !m.keyword || body.includes(m.keyword);
    const ok = statusOk && keywordOk;
    return {
      ...base,
      ok,
      slow: ok && m.maxLatencyMs !== undefined && latencyMs > m.maxLatencyMs,
      latencyMs,
      detail: !statusOk
        ? `${m.name}: HTTP ${response.status}`
        : !keywordOk
          ? `${m.name}: 응답에 "${m.keyword}" 없음`
          : `${m.name}: HTTP ${response.status}, ${latencyMs} ms`,
    };
  } catch (err) {
    return { ...base, ok: false, slow: false, latencyMs: null, detail: `${m.name}: ${message(err)}` };
  }
}

/** A TCP target: the connection opens within the timeout. */
export function tcpCheck(m: CustomMonitor): Promise<CheckResult> {
  const component = m.component ?? `ext:${m.id}`;
  const started = performance.now();
  const base = { monitor: `ext:${m.id}`, component, name: m.name, downState: 'major' as const };
  return new Promise((resolve) => {
    const socket = net.connect({ host: m.host ?? '127.0.0.1', port: m.port ?? 0 });
    const done = (ok: boolean, detail: string) => {
      socket.destroy();
      const latencyMs = ok ? Math.round(performance.now() - started) : null;
      resolve({
        ...base,
        ok,
        slow: ok && m.maxLatencyMs !== undefined && (latencyMs ?? 0) > m.maxLatencyMs,
        latencyMs,
        detail,
      });
    };
    socket.setTimeout(m.timeoutMs, () => done(false, `${m.name}: ${m.timeoutMs} ms 안에 연결되지 않음`));
    socket.once('connect', () => done(true, `${m.name}: 연결됨`));
    socket.once('error', (err) => done(false, `${m.name}: ${message(err)}`));
  });
}

function message(err: unknown): string {
  return err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
}
