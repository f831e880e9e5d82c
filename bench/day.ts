/**
 * npm run bench:day — a load shaped like a 고용24 day, through HAProxy to two app processes, on the
 * search benchmark's PostgreSQL database (BENCH_DATABASE_URL, default ilteo_bench with BENCH_POSTINGS,
 * default 1,000,000 postings; created and seeded when missing, as bench:search does).
 *
 * A visit is the mix below (requests per visit stated in the table). The load is open-loop: requests
 * are sent on a fixed schedule whatever the answers, and each latency is measured from the moment its
 * request was due, so a slow server is not hidden by a client that waits for it. The rate is raised
 * step by step (BENCH_DAY_STEP_SECONDS each) until p95 exceeds 300 ms or a request fails; the result
 * is the highest rate held, in visits/s and as a multiple of a 고용24 day's average (1.21 million
 * visits a day ≈ 14 visits/s). The goal is 10×.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { koreanCalendar } from '../src/benefits/schedule.ts';
import { createBenefitsService } from '../src/benefits/service.ts';
import { assertNodeVersion } from '../src/config/index.ts';
import type { Database } from '../src/db/index.ts';
import { createAccount } from '../src/identity/accounts.ts';
import { hashToken } from '../src/identity/sessions.ts';
import { startFleet } from '../src/ops/fleet.ts';
import { addDays, seoulToday } from '../src/shared/dates.ts';
import { variedFacts } from '../test/support/claims.ts';
import { BENCH_URL, benchDatabase, settled } from './bench-db.ts';
import { percentile, publishTable } from './report.ts';

assertNodeVersion();
const STEP_SECONDS = Number(process.env.BENCH_DAY_STEP_SECONDS ?? 20);
const DAY_VISITS_PER_S = 1_210_000 / 86_400; // ≈ 14.0
const MULTIPLES = [1, 2, 4, 6, 8, 10, 12, 15, 20];
const P95_LIMIT_MS = 300;
const CLAIMANTS = 200;
const PASSWORD = 'Ilteo!2026day';
/** In flight at once at most: beyond this the step has failed (the server is not keeping up). */
const MAX_IN_FLIGHT = 2_000;

interface Fixtures {
  postings: string[];
  sessions: { cookie: string; claimId: number }[];
  logins: string[];
  employer: string;
}

type Kind =
  | 'home'
  | 'search'
  | 'search-filtered'
  | 'search-page'
  | 'detail'
  | 'sign-in'
  | 'my'
  | 'recognition'
  | 'employer';
/** Requests of each kind per visit (sign-in is two: the form, then the post). */
const MIX: { kind: Kind; perVisit: number; label: string }[] = [
  { kind: 'home', perVisit: 1, label: '첫 화면 /' },
  { kind: 'search', perVisit: 0.9, label: '검색 /jobs?q=' },
  { kind: 'search-filtered', perVisit: 0.5, label: '검색 + 지역·직종 필터' },
  { kind: 'search-page', perVisit: 0.3, label: '검색 다음 쪽' },
  { kind: 'detail', perVisit: 1.2, label: '공고 상세 /jobs/:id' },
  { kind: 'sign-in', perVisit: 0.3, label: '로그인 (화면 + 전송, 0.15회)' },
  { kind: 'my', perVisit: 0.25, label: '내 신청 /benefits, /my/applications' },
  { kind: 'recognition', perVisit: 0.1, label: '실업인정 화면' },
  { kind: 'employer', perVisit: 0.1, label: '기업 화면 /employer' },
];
const PER_VISIT = MIX.reduce((s, m) => s + m.perVisit, 0);
const WORDS = ['물류', '요양보호사', '경리', '개발자', '용접', '조리', '사무보조', '간호사', '지게차', '청소'];

async function prepare(database: Database): Promise<Fixtures> {
  const tag = Date.now().toString(36);
  const today = seoulToday();
  const postings = (
    await database.read<{ id: string }>(
      sql`SELECT wanted_auth_no AS id FROM postings WHERE status = 'open' ORDER BY random() LIMIT 2000`,
    )
  ).map((r) => r.id);
  const counsellor = await createAccount(database, {
    kind: 'counsellor',
    loginId: `day.c.${tag}`,
    name: '심사',
    email: null,
    password: null,
    centreCode: 'seoul',
  });
  const benefits = createBenefitsService({ database, calendar: koreanCalendar(), now: () => new Date() });
  const sessions: Fixtures['sessions'] = [];
  const expires = new Date(Date.now() + 6 * 3_600_000).toISOString();
  for (let i = 0; i < CLAIMANTS; i++) {
    const id = await createAccount(database, {
      kind: 'seeker',
      loginId: `day${i}.${tag}`,
      name: '하루',
      email: null,
      password: null,
      centreCode: 'seoul',
    });
    const reportDate = addDays(today, -14);
    const { claim } = await benefits.fileClaim({
      claimant: { id, kind: 'seeker' },
      centreCode: 'seoul',
      idempotencyKey: randomUUID(),
      companyName: '(주)하루물류',
      reportDate,
      facts: variedFacts(i, reportDate),
    });
    await benefits.approve({ id: counsellor, kind: 'counsellor' }, claim.id, {
      firstDate: today,
      cycleDays: 28,
      note: '',
      repeatClaimant: false,
    });
    const token = randomBytes(32).toString('base64url');
    await database.query(
      sql`INSERT INTO sessions (id_hash, account_id, method, expires_at, ip) VALUES (${hashToken(token)}, ${id}, 'password', ${expires}, '127.0.0.1')`,
    );
    sessions.push({ cookie: `ilteo_session=${token}`, claimId: claim.id });
  }
  const logins: string[] = [];
  for (let i = 0; i < 20; i++) {
    const login = `daylogin${i}.${tag}`;
    await createAccount(database, {
      kind: 'seeker',
      loginId: login,
      name: '로그인',
      email: null,
      password: PASSWORD,
      centreCode: 'seoul',
    });
    logins.push(login);
  }
  const [employerRow] = await database.read<{ id: number }>(
    sql`SELECT a.id::int AS id FROM accounts a WHERE a.kind = 'employer' LIMIT 1`,
  );
  let employer = '';
  if (employerRow) {
    const token = randomBytes(32).toString('base64url');
    await database.query(
      sql`INSERT INTO sessions (id_hash, account_id, method, expires_at, ip) VALUES (${hashToken(token)}, ${employerRow.id}, 'password', ${expires}, '127.0.0.1')`,
    );
    employer = `ilteo_session=${token}`;
  }
  return { postings, sessions, logins, employer };
}

/** One request of `kind` (two for a sign-in); resolves with the statuses. */
async function send(base: string, kind: Kind, fx: Fixtures, i: number): Promise<number[]> {
  const pick = <T>(xs: readonly T[]) => xs[i % xs.length] as T;
  const get = async (p: string, cookie?: string) => {
    const res = await fetch(`${base}${p}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    await res.arrayBuffer();
    return res.status;
  };
  const word = encodeURIComponent(pick(WORDS));
  const session = pick(fx.sessions);
  switch (kind) {
    case 'home':
      return [await get('/')];
    case 'search':
      return [await get(`/jobs?q=${word}`)];
    case 'search-filtered':
      return [await get(`/jobs?q=${word}&region=${pick(['11000', '41000', '26000', '11680'])}&career=N`)];
    case 'search-page':
      return [await get(`/jobs?q=${word}&page=${2 + (i % 4)}`)];
    case 'detail':
      return [await get(`/jobs/${encodeURIComponent(pick(fx.postings))}`)];
    case 'my':
      return [await get(i % 2 === 0 ? '/benefits' : '/my/applications', session.cookie)];
    case 'recognition':
      return [await get(`/benefits/claims/${session.claimId}/recognitions/1`, session.cookie)];
    case 'employer':
      return [fx.employer ? await get('/employer', fx.employer) : await get('/')];
    case 'sign-in':
      return signIn(base, pick(fx.logins), i);
  }
}

/** Sign-ins come from this many addresses (127.0.0.2 …): citizens sign in from their own, and the app limits sign-ins per address. */
const SIGN_IN_ADDRESSES = 250;

/** One HTTP request from a given loopback address (fetch cannot choose its source address). */
function requestFrom(
  url: string,
  localAddress: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; cookies: string[]; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, localAddress },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            cookies: res.headers['set-cookie'] ?? [],
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

async function signIn(base: string, login: string, i: number): Promise<number[]> {
  const from = `127.0.0.${2 + (i % SIGN_IN_ADDRESSES)}`;
  const form = await requestFrom(`${base}/login`, from);
  const cookie = form.cookies.map((c) => c.split(';')[0]).join('; ');
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(form.text)?.[1] ?? '';
  const res = await requestFrom(`${base}/login`, from, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      _csrf: field('_csrf'),
      idempotencyKey: field('idempotencyKey'),
      loginId: login,
      password: PASSWORD,
      next: '/my',
    }).toString(),
  });
  return [form.status, res.status];
}

interface Step {
  multiple: number;
  visitsPerS: number;
  sentPerS: number;
  answeredPerS: number;
  p50: number;
  p95: number;
  p99: number;
  failed: number;
  /** Failures by answer: an HTTP status, 'no answer' (connection error), or 'not sent' (too many in flight). */
  failures: Record<string, number>;
  /** Per kind of request: latencies and failures. */
  byKind: Map<Kind, { latencies: number[]; failed: number }>;
  held: boolean;
}

/** One step: requests at `rate` a second for STEP_SECONDS, open loop; latency from when each was due. */
async function step(base: string, fx: Fixtures, multiple: number): Promise<Step> {
  const visitsPerS = multiple * DAY_VISITS_PER_S;
  const rate = visitsPerS * PER_VISIT;
  const kinds = MIX.flatMap((m) => Array.from({ length: Math.round(m.perVisit * 20) }, () => m.kind));
  const latencies: number[] = [];
  const byKind = new Map<Kind, { latencies: number[]; failed: number }>(
    MIX.map((m) => [m.kind, { latencies: [], failed: 0 }]),
  );
  const failures: Record<string, number> = {};
  const fail = (why: string) => {
    failures[why] = (failures[why] ?? 0) + 1;
  };
  let failed = 0;
  let inFlight = 0;
  let sent = 0;
  const start = performance.now();
  const total = Math.floor(rate * STEP_SECONDS);
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (inFlight >= MAX_IN_FLIGHT) {
      failed++;
      fail('not sent');
      continue;
    }
    const kind = kinds[(i * 7919) % kinds.length] as Kind;
    const mine = byKind.get(kind) as { latencies: number[]; failed: number };
    inFlight++;
    sent++;
    pending.push(
      send(base, kind, fx, i)
        .then((statuses) => {
          latencies.push(performance.now() - due);
          mine.latencies.push(performance.now() - due);
          for (const status of statuses.filter((x) => x >= 400)) {
            failed++;
            mine.failed++;
            fail(String(status));
          }
        })
        .catch(() => {
          failed++;
          mine.failed++;
          fail('no answer');
        })
        .finally(() => {
          inFlight--;
        }),
    );
  }
  await Promise.all(pending);
  const seconds = (performance.now() - start) / 1000;
  const p95 = percentile(latencies, 95);
  return {
    multiple,
    visitsPerS,
    sentPerS: sent / STEP_SECONDS,
    answeredPerS: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95,
    p99: percentile(latencies, 99),
    failed,
    failures,
    byKind,
    held: failed === 0 && p95 <= P95_LIMIT_MS,
  };
}

/** The last step (the one that failed, or the highest) by kind of request: where the time and failures are. */
function byKindTable(last: Step | undefined, f: (x: number) => string): string[] {
  if (!last) return [];
  return [
    `마지막 단계 (${last.multiple}×)의 요청 종류별:`,
    '',
    '| 요청 | 답한 수 | p50 / p95 (ms) | 실패 |',
    '|---|---:|---:|---:|',
    ...MIX.map((m) => {
      const k = last.byKind.get(m.kind);
      const l = k?.latencies ?? [];
      return `| ${m.label} | ${l.length} | ${f(percentile(l, 50))} / ${f(percentile(l, 95))} | ${k?.failed ?? 0} |`;
    }),
    '',
  ];
}

async function main() {
  const { database, total } = await benchDatabase(seoulToday());
  const fx = await prepare(database);
  const fleet = await startFleet({
    dir: path.join(os.tmpdir(), 'ilteo-bench-day'),
    databaseUrl: BENCH_URL,
    port: 23300,
    appPorts: [23301, 23302],
    env: { ILTEO_RATE_LIMIT_PER_MINUTE: '0' },
  });
  const steps: Step[] = [];
  try {
    // Each process closes yesterday's postings and rebuilds the search vocabulary at its first search
    // of the day (about 10 s at 1,000,000 postings; searches wait at most 1 s for it): not measured.
    for (const port of [23301, 23302]) await settled(`http://127.0.0.1:${port}`);
    await step(fleet.url, fx, 0.5); // warm-up, not reported
    for (const m of MULTIPLES) {
      const s = await step(fleet.url, fx, m);
      steps.push(s);
      console.error(
        `${m}×: p95 ${s.p95.toFixed(0)} ms, ${s.failed} failed, ${s.answeredPerS.toFixed(0)} req/s answered`,
      );
      if (!s.held) break;
    }
  } finally {
    await fleet.stop();
    await database.close();
  }
  const best = [...steps].reverse().find((s) => s.held);
  const f = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  const table = [
    `측정: ${seoulToday()}, 공고 ${total.toLocaleString('ko-KR')}건, PostgreSQL (127.0.0.1), 앱 프로세스 2개 + HAProxy, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'CPU'}), Node ${process.versions.node}. 단계마다 ${STEP_SECONDS} s, open-loop (지연은 요청이 나갈 시각부터).`,
    `방문 1회 = 요청 ${PER_VISIT.toFixed(2)}개: ${MIX.map((m) => `${m.label} ${m.perVisit}`).join(', ')}. 로그인은 주소 ${SIGN_IN_ADDRESSES}개(127.0.0.2…)에서 나눠 보냄 (로그인 제한은 주소마다). 고용24 하루 평균 = 121만 방문 ÷ 86,400 s ≈ ${DAY_VISITS_PER_S.toFixed(1)} 방문/s.`,
    '',
    '| 배수 | 방문/s | 보낸 요청/s | 답한 요청/s | p50 / p95 / p99 (ms) | 실패 | 유지 |',
    '|---:|---:|---:|---:|---:|---:|:---:|',
    ...steps.map(
      (s) =>
        `| ${s.multiple}× | ${s.visitsPerS.toFixed(0)} | ${s.sentPerS.toFixed(0)} | ${s.answeredPerS.toFixed(0)} | ${f(s.p50)} / ${f(s.p95)} / ${f(s.p99)} | ${s.failed}${
          s.failed > 0
            ? ` (${Object.entries(s.failures)
                .map(([k, n]) => `${k}: ${n}`)
                .join(', ')})`
            : ''
        } | ${s.held ? '✅' : '❌'} |`,
    ),
    '',
    ...byKindTable(steps[steps.length - 1], f),
    best
      ? `유지한 최고 부하: ${best.visitsPerS.toFixed(0)} 방문/s = 고용24 하루 평균의 **${best.multiple}배** (목표 10배; p95 ≤ ${P95_LIMIT_MS} ms, 실패 0).`
      : `1배(${DAY_VISITS_PER_S.toFixed(0)} 방문/s)도 유지하지 못했습니다 (p95 ≤ ${P95_LIMIT_MS} ms, 실패 0 기준).`,
  ].join('\n');
  await publishTable('day', `day-${total}.md`, table);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
