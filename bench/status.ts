/**
 * npm run bench:status — the status page at issue 5's scale on real PostgreSQL: 500 HTTP monitors
 * and 5 years of history.
 *
 * Seeds a fresh `ilteo_bench_status` database with 5 years of state intervals (COPY) for the 4
 * services, the built-in components (database, app, jobs-worker, 카카오 and 네이버 sign-in), 500
 * custom monitors and their components — a few outages a month per subject, minutes to hours, and
 * some 자료 없음 gaps — and about 2 incidents a week with their updates, postmortems and corrective
 * actions. The roll-ups (daily 5 years, hourly 90 days, per minute 2 days) are computed by the real
 * `rollup()` from the intervals, timed. Then:
 *   1. one snapshot load (`loadSnapshot`, every process every 5 s), in-process, 50 times;
 *   2. the app (`ilteo serve`, a child process) with 500 HTTP monitors every 30 s against a local
 *      target (every 50th answers 503): its CPU and RSS from /proc over BENCH_SAMPLE_SECONDS (120),
 *      and the CPU of its PostgreSQL backends; then GET /status, /status.json, the Atom feed and this
 *      month's CSV report through HTTP (autocannon);
 *   3. the same app without custom monitors for the same time: the difference is the checker's cost.
 * BENCH_MONITORS (500), BENCH_INCIDENTS_PER_WEEK (2), BENCH_SAMPLE_SECONDS (120),
 * BENCH_WARMUP_SECONDS (30), BENCH_KEEP=1 keeps the database. --write-readme updates the README table.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { assertNodeVersion } from '../src/config/index.ts';
import { createDatabase, dropDatabase } from '../src/db/admin.ts';
import { type Database, openDatabase } from '../src/db/index.ts';
import { migrate } from '../src/db/migrate.ts';
import { type DevIdpProcess, spawnDevIdp, stopIdps } from '../src/identity/demo.ts';
import { httpOk, waitFor } from '../src/ops/wait.ts';
import { seoulToday } from '../src/shared/dates.ts';
import { buildCatalogue, type CustomMonitor } from '../src/status/catalogue.ts';
import { incidentTitle, type LiveState } from '../src/status/model.ts';
import { loadSnapshot } from '../src/status/snapshot.ts';
import { rollup } from '../src/status/store.ts';
import type { ServiceState } from '../src/status/uptime.ts';
import { publishTable } from './report.ts';

assertNodeVersion();
const URL_ = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ilteo_bench_status';
const NAME = /\/([^/?]+)(\?.*)?$/.exec(URL_)?.[1] ?? 'ilteo_bench_status';
const SERVER_URL = URL_.replace(/\/[^/?]+(\?.*)?$/, '/postgres');
const MONITORS = Number(process.env.BENCH_MONITORS ?? 500);
const INCIDENTS_PER_WEEK = Number(process.env.BENCH_INCIDENTS_PER_WEEK ?? 2);
const SAMPLE_SECONDS = Number(process.env.BENCH_SAMPLE_SECONDS ?? 120);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 20);
const KEEP = process.env.BENCH_KEEP === '1';
const PORT = Number(process.env.BENCH_PORT ?? 23500);
/** /metrics in full needs an operator or the token (ILTEO_METRICS_TOKEN): the app under test gets this one. */
const METRICS_TOKEN = `bench-status-${randomBytes(16).toString('hex')}`;
const YEARS = 5;
const DOWN_EVERY = 50;
const MONITOR_SECONDS = 30;
const SNAPSHOT_CALLS = 50;
const CONNECTIONS = 10;
const STATUS_REQUESTS = 2_000;
const SEQUENTIAL_REQUESTS = 500;
const OTHER_REQUESTS = 1_000;
/** A slow endpoint is measured for at most this long (the requests done by then are reported). */
const MAX_LOAD_SECONDS = 25;
const TARGET_P95_MS = 100;

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const TICKS = 100; // USER_HZ: /proc CPU times are in 1/100 s on Linux

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN;
};
const f1 = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const fmt = (xs: number[]) => `${f1(pct(xs, 50))} / ${f1(pct(xs, 95))} / ${f1(pct(xs, 99))}`;
const mib = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`;
const log = (m: string) => console.error(`[bench:status] ${m}`);

/** A small deterministic PRNG (mulberry32), so every run seeds the same history. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(20261130);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const logUniform = (lo: number, hi: number) => Math.exp(Math.log(lo) + rnd() * (Math.log(hi) - Math.log(lo)));
const iso = (t: number) => new Date(t).toISOString();

const SERVICES = ['jobs', 'benefits', 'login', 'centre'] as const;
const PROVIDERS = [
  { id: 'kakao', label: '카카오', colour: '#fee500' },
  { id: 'naver', label: '네이버', colour: '#03c75a' },
] as const;
const BUILT_IN = ['database', 'app', 'jobs-worker', ...PROVIDERS.map((p) => `idp:${p.id}`)];
const MONITOR_IDS = Array.from({ length: MONITORS }, (_, i) => `m${String(i + 1).padStart(3, '0')}`);
const DOWN = new Set(MONITOR_IDS.filter((_, i) => (i + 1) % DOWN_EVERY === 0));

function customMonitors(targetPort: number): CustomMonitor[] {
  return MONITOR_IDS.map((id, i) => ({
    id,
    name: `외부 점검 ${id}`,
    kind: 'http' as const,
    url: `http://127.0.0.1:${targetPort}/${id}`,
    impact: 'soft' as const,
    intervalSeconds: MONITOR_SECONDS,
    timeoutMs: 5000,
    // The first 20 hurt a public service (partly) when they fail; none of them is a failing one.
    ...(i < 20 ? { service: SERVICES[i % SERVICES.length] } : {}),
  }));
}

type Row = [subject: string, state: ServiceState, startedAt: string, endedAt: string | null, detail: string];

/**
 * One subject's 5 years: 정상 between outages (about 3 a month), each outage 2 min – 6 h in one of
 * `states`, one in 12 a 자료 없음 gap (5 min – 3 h) instead; the last interval is open.
 */
function history(
  subject: string,
  states: readonly ServiceState[],
  from: number,
  now: number,
  detail: (s: ServiceState) => string,
  downNow: boolean,
): Row[] {
  const rows: Row[] = [];
  const end = now - 8 * HOUR;
  let t = from;
  for (;;) {
    const up = t + -Math.log(1 - rnd()) * 10 * DAY;
    if (up >= end) break;
    rows.push([subject, 'operational', iso(t), iso(up), detail('operational')]);
    const gap = rnd() < 1 / 12;
    const state = gap ? 'nodata' : pick(states);
    const until = up + (gap ? logUniform(5 * MINUTE, 3 * HOUR) : logUniform(2 * MINUTE, 6 * HOUR));
    rows.push([subject, state, iso(up), iso(until), detail(state)]);
    t = until;
  }
  if (downNow) {
    const since = now - 20 * MINUTE;
    rows.push([subject, 'operational', iso(t), iso(since), detail('operational')]);
    rows.push([subject, 'major', iso(since), null, detail('major')]);
  } else rows.push([subject, 'operational', iso(t), null, detail('operational')]);
  return rows;
}

const GAP_DETAIL = '감시 공백: 상태를 확인한 프로세스가 없었음';

async function seedIntervals(database: Database, from: number, now: number): Promise<number> {
  const rows: Row[] = [];
  for (const s of SERVICES)
    rows.push(
      ...history(
        `service:${s}`,
        ['degraded', 'partial', 'major', 'maintenance', 'redundancy-lost'],
        from,
        now,
        (st) => (st === 'nodata' ? GAP_DETAIL : ''),
        false,
      ),
    );
  const causes: Partial<Record<ServiceState, string>> = {
    'redundancy-lost': 'DB 노드 10.0.2.12:5432 응답 없음',
    degraded: '응답 지연',
    partial: '일부 요청 실패',
    major: '응답 없음',
  };
  for (const c of BUILT_IN)
    rows.push(
      ...history(
        `component:${c}`,
        ['redundancy-lost', 'degraded', 'partial', 'major', 'maintenance'],
        from,
        now,
        (st) => (st === 'nodata' ? GAP_DETAIL : (causes[st] ?? '')),
        false,
      ),
    );
  // Each custom monitor and its own component `ext:<id>` share one history, as the runner writes them.
  for (const id of MONITOR_IDS) {
    const text = (st: ServiceState) =>
      st === 'major'
        ? `외부 점검 ${id}: HTTP 503`
        : st === 'degraded'
          ? `외부 점검 ${id}: HTTP 200, 2400 ms`
          : st === 'nodata'
            ? GAP_DETAIL
            : st === 'maintenance'
              ? ''
              : `외부 점검 ${id}: HTTP 200, 2 ms`;
    const monitor = history(
      `monitor:ext:${id}`,
      ['major', 'major', 'major', 'degraded', 'maintenance'],
      from,
      now,
      (st) => (st === 'nodata' ? GAP_DETAIL : `ext:${id}|${text(st)}`),
      DOWN.has(id),
    );
    rows.push(...monitor);
    rows.push(
      ...monitor.map(([, st, a, b]): Row => [`component:ext:${id}`, st, a, b, st === 'operational' ? '' : text(st)]),
    );
  }
  for (let i = 0; i < rows.length; i += 50_000)
    await database.copyRows(
      'status_intervals',
      ['subject', 'state', 'started_at', 'ended_at', 'detail'],
      rows.slice(i, i + 50_000),
    );
  return rows.length;
}

const UPDATE_TEXT: Record<string, string> = {
  investigating: '자동 감지: 상태를 조사하고 있습니다.',
  identified: '원인을 확인했습니다. 복구 작업을 진행하고 있습니다.',
  monitoring: '조치를 마쳤습니다. 정상 동작을 지켜보고 있습니다.',
  resolved: '자동 복구 확인: 상태가 해소되었습니다.',
};

/** About INCIDENTS_PER_WEEK resolved incidents a week for 5 years, with updates, postmortems, actions. */
async function seedIncidents(database: Database, from: number, now: number): Promise<number> {
  const catalogue = buildCatalogue(PROVIDERS, customMonitors(1));
  const count = Math.round(((now - from) / (7 * DAY)) * INCIDENTS_PER_WEEK);
  const starts = Array.from({ length: count }, () => from + rnd() * (now - from - DAY)).sort((a, b) => a - b);
  const affected = (component: string): string[] =>
    component === 'database' || component === 'app'
      ? [...SERVICES]
      : component === 'jobs-worker'
        ? ['jobs']
        : component.startsWith('idp:')
          ? ['login']
          : catalogue.services.filter((s) => s.deps.some((d) => d.component === component)).map((s) => s.id);
  const incidents: unknown[][] = [];
  const updates: unknown[][] = [];
  const postmortems: unknown[][] = [];
  const actions: unknown[][] = [];
  starts.forEach((start, i) => {
    const id = i + 1;
    const component = rnd() < 0.6 ? pick(BUILT_IN) : `ext:${pick(MONITOR_IDS)}`;
    const impact = pick<LiveState>(['redundancy-lost', 'degraded', 'partial', 'major']);
    const end = start + logUniform(3 * MINUTE, 4 * HOUR);
    const automatic = rnd() < 0.85;
    const title = incidentTitle(catalogue.names.get(component), impact);
    incidents.push([
      id,
      automatic ? `${component}@${iso(start)}` : `manual-bench-${id}`,
      component,
      `{${affected(component).join(',')}}`,
      impact,
      title,
      '응답 없음 (벤치마크 자료)',
      automatic,
      iso(start),
      iso(end),
      iso(start),
    ]);
    const n = 2 + Math.floor(rnd() * 3);
    const statuses = ['investigating', ...['identified', 'monitoring'].slice(0, n - 2), 'resolved'];
    statuses.forEach((status, j) => {
      const at = j === statuses.length - 1 ? end : start + ((end - start) * j) / (statuses.length - 1);
      updates.push([id, status, `${UPDATE_TEXT[status]} (${title})`, `bench:${id}:${j}`, iso(at)]);
    });
    if ((impact === 'major' || impact === 'partial') && rnd() < 0.2) {
      const published = end + 2 * DAY;
      postmortems.push([
        id,
        `${title}: 약 ${Math.round((end - start) / MINUTE)}분 동안 서비스 일부가 영향을 받았습니다.`,
        '설정 변경 뒤 연결 수 한도를 넘어 새 연결이 거부되었습니다.',
        '- 로그인 실패 일부\n- 신청 지연',
        iso(published),
        iso(published),
      ]);
      const k = 2 + Math.floor(rnd() * 2);
      for (let j = 0; j < k; j++) {
        const due = seoulToday(new Date(published + (7 + 14 * j) * DAY));
        const status = due < seoulToday(new Date(now)) ? (rnd() < 0.9 ? 'done' : 'in-progress') : 'open';
        actions.push([
          id,
          `재발 방지 조치 ${j + 1}`,
          '운영팀',
          due,
          status,
          status === 'done' ? '경보를 시험 발생시켜 확인' : '',
          `bench-action-${id}-${j}`,
          status === 'done' ? iso(Date.parse(`${due}T15:00:00+09:00`)) : null,
        ]);
      }
    }
  });
  await database.copyRows(
    'incidents',
    [
      'id',
      'dedupe_key',
      'component',
      'services',
      'impact',
      'title',
      'cause',
      'automatic',
      'started_at',
      'resolved_at',
      'created_at',
    ],
    incidents,
  );
  await database.query(sql`SELECT setval(pg_get_serial_sequence('incidents', 'id'), (SELECT max(id) FROM incidents))`);
  await database.copyRows('incident_updates', ['incident_id', 'status', 'body', 'dedupe_key', 'created_at'], updates);
  await database.copyRows(
    'postmortems',
    ['incident_id', 'summary', 'root_cause', 'impact', 'published_at', 'updated_at'],
    postmortems,
  );
  await database.copyRows(
    'corrective_actions',
    ['incident_id', 'title', 'owner', 'due_date', 'status', 'verification', 'idempotency_key', 'done_at'],
    actions,
  );
  // A night of database maintenance every month, and one announced for next week.
  const windows: unknown[][] = [];
  for (let t = from + 10 * DAY, k = 0; t < now + 7 * DAY; t += 30 * DAY, k++) {
    const start = t > now ? now + 6 * DAY : t;
    windows.push([
      '데이터베이스 정기 점검',
      '점검 중에도 채용정보 검색은 이용할 수 있습니다.',
      '{database}',
      iso(start),
      iso(start + 2 * HOUR),
      `bench-maintenance-${k}`,
    ]);
  }
  await database.copyRows(
    'maintenance_windows',
    ['title', 'description', 'components', 'starts_at', 'ends_at', 'idempotency_key'],
    windows,
  );
  return incidents.length;
}

// ── measuring a process from outside ─────────────────────────────────────────────────────────────

/** utime + stime of a process (all its threads), in clock ticks; null when it is gone. */
function cpuTicks(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function rssKb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * CPU of the whole PostgreSQL server in clock ticks: the postmaster's own and its reaped children's
 * (cutime, cstime: backends and parallel workers that already exited) plus its live children's.
 */
function serverTicks(postmaster: number): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fields: string[];
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    } catch {
      continue;
    }
    const pid = Number(entry);
    if (pid === postmaster) total += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    else if (Number(fields[1]) === postmaster) total += Number(fields[11]) + Number(fields[12]);
  }
  return total;
}

interface Usage {
  cpuPercent: number;
  /** This database's backends alive at a sample (a lower bound: short-lived ones are partly missed). */
  ownDbCpuPercent: number;
  dbCpuPercent: number;
  /** Client connections to other databases seen during the window (their work is in dbCpuPercent). */
  otherClients: number;
  rssMeanKb: number;
  rssMaxKb: number;
  /** V8 heap in use (prom-client's nodejs_heap_size_used_bytes), mean of samples every 5 s. */
  heapMeanKb: number;
  targetHits: number;
  passes: number;
  passSeconds: number;
}

/** The monitor pass histogram's sum and count, and the V8 heap in use, from /metrics. */
async function passMetrics(base: string): Promise<{ sum: number; count: number; heapBytes: number }> {
  const text = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
  return {
    sum: value('ilteo_status_pass_seconds_sum'),
    count: value('ilteo_status_pass_seconds_count'),
    heapBytes: value('ilteo_nodejs_heap_size_used_bytes'),
  };
}

/**
 * Samples the app process (CPU, RSS) once a second for `seconds`, and PostgreSQL's CPU over the
 * window two ways: the backends of the bench database seen at a sample (attributable, but a lower
 * bound: parallel workers and short connections that come and go between samples are partly missed),
 * and the whole server (exact, but other databases' work is in it: their clients are counted).
 */
async function sample(pid: number, base: string, seconds: number, target: { hits: number }): Promise<Usage> {
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  try {
    const [me] = await admin<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
    const status = fs.readFileSync(`/proc/${me?.pid}/status`, 'utf8');
    const postmaster = Number(/PPid:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const others = new Set<number>();
    const firstOwn = new Map<number, number>();
    const lastOwn = new Map<number, number>();
    const scan = async (first: boolean) => {
      const rows = await admin<{ pid: number; datname: string }[]>`SELECT pid, datname FROM pg_stat_activity
        WHERE datname IS NOT NULL AND datname <> 'postgres'`;
      for (const row of rows) {
        if (row.datname !== NAME) {
          if (!first) others.add(row.pid);
          continue;
        }
        const t = cpuTicks(row.pid);
        if (t === null) continue;
        // Started inside the window: all of its CPU is in it.
        if (!firstOwn.has(row.pid)) firstOwn.set(row.pid, first ? t : 0);
        lastOwn.set(row.pid, t);
      }
    };
    await scan(true);
    const db0 = serverTicks(postmaster);
    const cpu0 = cpuTicks(pid) ?? 0;
    const metrics0 = await passMetrics(base);
    const hits0 = target.hits;
    const t0 = performance.now();
    const rss: number[] = [];
    const heap: number[] = [metrics0.heapBytes / 1024];
    for (let tick = 1; performance.now() - t0 < seconds * 1000; tick++) {
      await new Promise((r) => setTimeout(r, 1000));
      const r = rssKb(pid);
      if (r !== null) rss.push(r);
      if (tick % 5 === 0) heap.push((await passMetrics(base)).heapBytes / 1024);
      await scan(false);
    }
    const wall = (performance.now() - t0) / 1000;
    const cpu1 = cpuTicks(pid) ?? cpu0;
    const db1 = serverTicks(postmaster);
    const metrics1 = await passMetrics(base);
    let own = 0;
    for (const [p, t] of lastOwn) own += t - (firstOwn.get(p) ?? t);
    return {
      cpuPercent: ((cpu1 - cpu0) / TICKS / wall) * 100,
      ownDbCpuPercent: (own / TICKS / wall) * 100,
      dbCpuPercent: ((db1 - db0) / TICKS / wall) * 100,
      otherClients: others.size,
      rssMeanKb: rss.reduce((a, b) => a + b, 0) / Math.max(1, rss.length),
      rssMaxKb: Math.max(...rss),
      heapMeanKb: heap.reduce((a, b) => a + b, 0) / heap.length,
      targetHits: target.hits - hits0,
      passes: metrics1.count - metrics0.count,
      passSeconds: (metrics1.sum - metrics0.sum) / Math.max(1, metrics1.count - metrics0.count),
    };
  } finally {
    await admin.end({ timeout: 2 });
  }
}

function startApp(env: Record<string, string>): ChildProcess {
  const clean = { ...process.env };
  delete clean.ILTEO_STATUS_MONITORS;
  return spawn(process.execPath, ['src/cli.ts', 'serve'], {
    env: {
      ...clean,
      HOST: '127.0.0.1',
      PORT: String(PORT),
      DATABASE_URL: URL_,
      LOG_LEVEL: 'warn',
      ILTEO_RATE_LIMIT_PER_MINUTE: '0',
      ILTEO_ALERTS_SECONDS: '0',
      ILTEO_STATUS_CHECK_SECONDS: '10',
      ILTEO_METRICS_TOKEN: METRICS_TOKEN,
      ...env,
    },
    stdio: ['ignore', 2, 2],
  });
}

async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

interface Load {
  ms: number[];
  rps: number;
  failures: number;
  bytes: number;
}

/** `amount` GETs of `path` over `connections` keep-alive connections (autocannon), at most `maxSeconds`. */
async function load(
  base: string,
  urlPath: string,
  amount: number,
  connections: number,
  maxSeconds = MAX_LOAD_SECONDS,
): Promise<Load> {
  const ms: number[] = [];
  let bytes = 0;
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: `${base}${urlPath}`, connections, amount }, (err, res) =>
      err ? reject(err) : resolve(res),
    );
    timer = setTimeout(() => instance.stop(), maxSeconds * 1000);
    instance.on('response', (_client, status, size, latency) => {
      if (status === 200) {
        ms.push(latency);
        bytes = size;
      }
    });
  });
  clearTimeout(timer);
  const seconds = (performance.now() - t0) / 1000;
  log(`${urlPath}: ${ms.length} × 200 in ${seconds.toFixed(1)} s, p95 ${pct(ms, 95).toFixed(1)} ms`);
  return { ms, rps: ms.length / seconds, failures: result.non2xx + result.errors + result.timeouts, bytes };
}

async function main(): Promise<void> {
  const started = performance.now();
  const nowMs = Date.now();
  const now = new Date(nowMs);
  const from = nowMs - Math.round(YEARS * 365.25 * DAY);
  await dropDatabase(SERVER_URL, NAME).catch(() => {});
  await createDatabase(URL_);
  const database = await openDatabase({ kind: 'postgres', url: URL_ });
  const children: ChildProcess[] = [];
  let idps: DevIdpProcess[] = [];
  const target = { hits: 0 };
  const targetServer = http.createServer((req, res) => {
    target.hits++;
    const id = (req.url ?? '/').slice(1);
    res.writeHead(DOWN.has(id) ? 503 : 200, { 'content-type': 'text/plain' });
    res.end(DOWN.has(id) ? 'down' : 'ok');
  });
  const snapshotFile = path.join(os.tmpdir(), `ilteo-bench-status-${process.pid}.json`);
  try {
    await migrate(database);
    const t0 = performance.now();
    const intervals = await seedIntervals(database, from, nowMs);
    const incidents = await seedIncidents(database, from, nowMs);
    const seedSeconds = (performance.now() - t0) / 1000;
    log(
      `${intervals.toLocaleString()} intervals, ${incidents.toLocaleString()} incidents in ${seedSeconds.toFixed(1)} s`,
    );

    // Roll-ups by the real code, from the first interval (nothing rolled up yet): the first pass of a
    // monitor leader on 5 years of history. Then one incremental pass, as the leader runs every minute.
    const subjects = [
      ...SERVICES.map((s) => `service:${s}`),
      ...BUILT_IN.map((c) => `component:${c}`),
      ...MONITOR_IDS.map((id) => `component:ext:${id}`),
    ];
    const r0 = performance.now();
    await rollup(database, subjects, now);
    const rollupSeconds = (performance.now() - r0) / 1000;
    log(`roll-ups of ${subjects.length} subjects in ${rollupSeconds.toFixed(1)} s`);
    // As autovacuum would after the bulk load; done now so it does not run inside a measurement.
    await database.query(sql`VACUUM (ANALYZE) status_intervals, status_rollups`);
    await database.query(sql`ANALYZE`);
    const incremental: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r1 = performance.now();
      await rollup(database, subjects, new Date());
      incremental.push(performance.now() - r1);
    }
    const [counts] = await database.query<{
      intervals: number;
      day: number;
      hour: number;
      minute: number;
      updates: number;
      postmortems: number;
      actions: number;
      register: number;
    }>(
      sql`SELECT (SELECT count(*)::int FROM status_intervals) AS intervals,
                 (SELECT count(*)::int FROM status_rollups WHERE grain = 'day') AS day,
                 (SELECT count(*)::int FROM status_rollups WHERE grain = 'hour') AS hour,
                 (SELECT count(*)::int FROM status_rollups WHERE grain = 'minute') AS minute,
                 (SELECT count(*)::int FROM incident_updates) AS updates,
                 (SELECT count(*)::int FROM postmortems) AS postmortems,
                 (SELECT count(*)::int FROM corrective_actions) AS actions,
                 (SELECT count(*)::int FROM incidents WHERE started_at >= now() - interval '365 days') AS register`,
    );

    // 1: the snapshot every process loads every 5 s.
    await new Promise<void>((r) => targetServer.listen(0, '127.0.0.1', r));
    const targetPort = (targetServer.address() as AddressInfo).port;
    const monitors = customMonitors(targetPort);
    const catalogue = buildCatalogue(PROVIDERS, monitors);
    const snapshotMs: number[] = [];
    for (let i = 0; i < SNAPSHOT_CALLS; i++) {
      const s0 = performance.now();
      await loadSnapshot(database, catalogue, new Date());
      snapshotMs.push(performance.now() - s0);
    }
    log(`loadSnapshot p95 ${pct(snapshotMs, 95).toFixed(1)} ms`);
    await database.close();

    // The two sign-in providers the catalogue has components for (real `ilteo dev-idp` processes).
    idps = await Promise.all(
      PROVIDERS.map((p, i) =>
        spawnDevIdp({
          id: p.id,
          label: p.label,
          colour: p.colour,
          host: '127.0.0.1',
          port: PORT + 11 + i,
          redirectUris: [`http://127.0.0.1:${PORT}/login/oidc/${p.id}/callback`],
        }),
      ),
    );
    const common = {
      ILTEO_OIDC_PROVIDERS: JSON.stringify(idps.map((i) => i.provider)),
      ILTEO_STATUS_SNAPSHOT: snapshotFile,
    };
    const base = `http://127.0.0.1:${PORT}`;

    // 2: with 500 monitors.
    const withMonitors = startApp({ ...common, ILTEO_STATUS_MONITORS: JSON.stringify(monitors) });
    children.push(withMonitors);
    await waitFor('Ilteo (500 monitors)', () => httpOk(`${base}/healthz`), 60_000);
    log(`app with ${MONITORS} monitors up (pid ${withMonitors.pid}); warming up ${WARMUP_SECONDS} s`);
    await new Promise((r) => setTimeout(r, WARMUP_SECONDS * 1000));
    const busy = await sample(withMonitors.pid ?? 0, base, SAMPLE_SECONDS, target);
    log(`with monitors: CPU ${busy.cpuPercent.toFixed(1)} %, RSS ${mib(busy.rssMeanKb)}`);
    const month = seoulToday().slice(0, 7);
    const sequential = await load(base, '/status', SEQUENTIAL_REQUESTS, 1);
    const page = await load(base, '/status', STATUS_REQUESTS, CONNECTIONS, 90);
    const json = await load(base, '/status.json', OTHER_REQUESTS, CONNECTIONS);
    const atom = await load(base, '/status/feed.atom', OTHER_REQUESTS, CONNECTIONS);
    const csv = await load(base, `/status/reports/${month}.csv`, OTHER_REQUESTS, CONNECTIONS);
    const live = (await (await fetch(`${base}/status.json`)).json()) as {
      components: { public: boolean; state: LiveState; monitors: { total: number; down: number } }[];
      incidents: unknown[];
    };
    await stopApp(withMonitors);

    // 3: the same process without custom monitors.
    const baseline = startApp(common);
    children.push(baseline);
    await waitFor('Ilteo (no custom monitors)', () => httpOk(`${base}/healthz`), 60_000);
    log(`app without custom monitors up (pid ${baseline.pid}); warming up ${WARMUP_SECONDS} s`);
    await new Promise((r) => setTimeout(r, WARMUP_SECONDS * 1000));
    const idle = await sample(baseline.pid ?? 0, base, SAMPLE_SECONDS, target);
    log(`without: CPU ${idle.cpuPercent.toFixed(1)} %, RSS ${mib(idle.rssMeanKb)}`);
    await stopApp(baseline);

    const down = live.components.filter((c) => c.state !== 'operational').length;
    const totalSeconds = (performance.now() - started) / 1000;
    const row = (name: string, l: Load, goal = '') =>
      `| ${name} (${l.ms.length.toLocaleString()}회) | ${fmt(l.ms)} | ${l.rps.toFixed(0)} | ${l.failures} | ${(l.bytes / 1024).toFixed(0)} KiB | ${goal} |`;
    const ok = pct(page.ms, 95) <= TARGET_P95_MS && page.failures === 0;
    const table = [
      `측정: ${seoulToday()}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'CPU'}), PostgreSQL 15 (127.0.0.1), Node ${process.versions.node}; 전체 ${(totalSeconds / 60).toFixed(1)}분.`,
      `이력 5년: 상태 구간 ${counts?.intervals.toLocaleString()}개 (서비스 4, 구성 요소 ${BUILT_IN.length + MONITORS}, 모니터 ${MONITORS}), 일별 집계 ${counts?.day.toLocaleString()} · 시간별 ${counts?.hour.toLocaleString()} · 분별 ${counts?.minute.toLocaleString()}행, 장애 ${incidents.toLocaleString()}건 (최근 365일 ${counts?.register}건, 업데이트 ${counts?.updates.toLocaleString()}, 사후 분석 ${counts?.postmortems}, 재발 방지 조치 ${counts?.actions}). 구간 적재 (COPY) ${seedSeconds.toFixed(1)} s.`,
      `HTTP: 앱 프로세스 1개 (\`ilteo serve\`, 모니터 ${MONITORS}개 실행 중: ${MONITOR_SECONDS}초 간격, ${DOWN.size}개는 503 응답 → 구성 요소 ${down}개 장애 표시), autocannon ${CONNECTIONS} connections (요청 수만큼 또는 ${MAX_LOAD_SECONDS}초까지, /status는 90초까지).`,
      '',
      '| 요청 | p50 / p95 / p99 (ms) | req/s | 오류 | 응답 크기 | 목표 |',
      '|---|---:|---:|---:|---:|:---:|',
      row('GET /status', page, `${ok ? '✅' : '❌'} p95 ≤ ${TARGET_P95_MS} ms`),
      row('GET /status, 연결 1개로 순차', sequential),
      row('GET /status.json', json),
      row('GET /status/feed.atom', atom),
      row(`GET /status/reports/${month}.csv (일별 집계에서 계산)`, csv),
      '',
      '| 측정 | 결과 |',
      '|---|---:|',
      `| 스냅샷 적재 \`loadSnapshot\` (프로세스마다 5초마다) p50 / p95 / p99, ${SNAPSHOT_CALLS}회 | ${fmt(snapshotMs)} ms |`,
      `| 집계 \`rollup()\` 처음 (5년치, 서비스·구성 요소 ${subjects.length}개) | ${rollupSeconds.toFixed(1)} s |`,
      `| 집계 \`rollup()\` 증분 (리더가 1분마다) p50, 3회 | ${f1(pct(incremental, 50))} ms |`,
      '',
      `| 앱 프로세스 (${SAMPLE_SECONDS}초 측정, /proc) | 모니터 ${MONITORS}개 | 추가 모니터 없음 | 차이 = 점검 부담 |`,
      '|---|---:|---:|---:|',
      `| CPU (코어 1개 기준) | ${busy.cpuPercent.toFixed(1)} % | ${idle.cpuPercent.toFixed(1)} % | ${(busy.cpuPercent - idle.cpuPercent).toFixed(1)} %p |`,
      `| RSS 평균 (최대) | ${mib(busy.rssMeanKb)} (${mib(busy.rssMaxKb)}) | ${mib(idle.rssMeanKb)} (${mib(idle.rssMaxKb)}) | ${mib(busy.rssMeanKb - idle.rssMeanKb)} |`,
      `| V8 힙 사용량 평균 (/metrics, 5초마다) | ${mib(busy.heapMeanKb)} | ${mib(idle.heapMeanKb)} | ${mib(busy.heapMeanKb - idle.heapMeanKb)} |`,
      `| PostgreSQL: 이 DB의 백엔드 CPU (1초마다 표본, 하한) | ${busy.ownDbCpuPercent.toFixed(1)} % | ${idle.ownDbCpuPercent.toFixed(1)} % | ${(busy.ownDbCpuPercent - idle.ownDbCpuPercent).toFixed(1)} %p |`,
      `| PostgreSQL 서버 전체 CPU (코어 1개 기준; 측정 중 다른 DB 연결 ${busy.otherClients} / ${idle.otherClients}개) | ${busy.dbCpuPercent.toFixed(1)} % | ${idle.dbCpuPercent.toFixed(1)} % | ${(busy.dbCpuPercent - idle.dbCpuPercent).toFixed(1)} %p |`,
      `| 점검 한 회 (10초마다) 평균 시간, 횟수 | ${(busy.passSeconds * 1000).toFixed(0)} ms, ${busy.passes}회 | ${(idle.passSeconds * 1000).toFixed(0)} ms, ${idle.passes}회 | |`,
      `| 대상 서버가 받은 점검 요청 (초당; 설정대로면 ${(MONITORS / MONITOR_SECONDS).toFixed(1)}) | ${(busy.targetHits / SAMPLE_SECONDS).toFixed(1)} | ${(idle.targetHits / SAMPLE_SECONDS).toFixed(1)} | |`,
    ].join('\n');
    await publishTable('status', 'status.md', table);
  } finally {
    for (const c of children) await stopApp(c).catch(() => {});
    stopIdps(idps);
    targetServer.close();
    await database.close().catch(() => {});
    fs.rmSync(snapshotFile, { force: true });
    if (!KEEP) await dropDatabase(SERVER_URL, NAME).catch((err: unknown) => log(`drop failed: ${err}`));
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
