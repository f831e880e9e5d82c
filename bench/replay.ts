/**
 * npm run bench:replay — issue 7: submissions queued while no database answered, drained after recovery,
 * on real PostgreSQL with the real intake and the real server (no mocks). BENCH_SUBMISSIONS (default
 * 10,000) in all, from two queues replayed together:
 *
 * - the app server's journal (src/intake/service.ts): BENCH_SUBMISSIONS − BENCH_COUNTER 실업인정 신청
 *   taken by `createIntakeService` in bursts of BENCH_BURST (default 500) concurrent calls — appends/s and append
 *   latency (fsync group commit); BENCH_RESUBMIT (default 300) sent twice with the same key (four in five
 *   after the first was acknowledged, one in five at the same instant: a double click);
 * - the offline counters' queues (/centre/counter, public/js/counter.js): BENCH_COUNTER (default 4,000)
 *   forms — 구직신청, 수급자격 신청 and 실업인정 신청 in turn — taken at BENCH_COUNTERS (default 8)
 *   counters, each a counsellor of its own, at four centres, over the half hour of the outage.
 *
 * 1. Creates a fresh database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/ilteo_bench_replay),
 *    seeds the demo accounts, the counters' counsellors and the citizens (bulk insert: nobody signs in);
 *    those filing a 실업인정 get a claim filed and approved through the benefits service (16 at a time),
 *    1차 window open today. Setup time is reported, not counted.
 * 2. Journals the app server's share into a fresh journal directory under os.tmpdir(), and closes it.
 *    The counsellors sign in (a server on an empty journal, closed again: they signed in before the outage).
 * 3. Recovery: the server starts on the journal directory (src/server.ts, in this process, ILTEO_JOURNAL_DIR)
 *    and, from the moment it listens, its intake's `replay()` drains the journal while every counter sends
 *    its queue over HTTP exactly as counter.js does: one POST /api/v1/counter/submissions at a time, oldest
 *    first, with the counsellor's session cookie. BENCH_COUNTER_RESEND (default 0.05) of the forms are sent
 *    twice: four in five because the first answer was lost (sent again after the rest of the queue), one in
 *    five from two tabs at once. Times: each source until drained, and both.
 * 4. Checks the database: every claimant's 실업인정 filed exactly once (claim_recognitions, ledger,
 *    activities), every journal receipt 'applied' in journal_receipts, every counter key applied once in
 *    counter_submissions with its profile, claim or 실업인정 there exactly once. Exits non-zero otherwise.
 * 5. Experiment (bench-only, not src/): the same apply steps as the intake's replay, but BENCH_WORKERS
 *    (default 1,4,16) workers at a time, each account's entries still in order, on BENCH_EXPERIMENT
 *    (default 2,000) further claimants per setting — the achievable drain rate with bounded concurrency.
 * Prints a Markdown table (bench/results/replay.md; --write-readme updates README.md); drops the database
 * (BENCH_KEEP=1 keeps it).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { koreanCalendar, nextBusinessDay } from '../src/benefits/schedule.ts';
import { type BenefitsService, createBenefitsService } from '../src/benefits/service.ts';
import { assertNodeVersion, loadConfig } from '../src/config/index.ts';
import { createDatabase, dropDatabase } from '../src/db/admin.ts';
import { type Database, openDatabase } from '../src/db/index.ts';
import { migrate } from '../src/db/migrate.ts';
import { createAccount } from '../src/identity/accounts.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../src/identity/demo.ts';
import type { CounterKind, CounterOutcome, CounterSubmission } from '../src/intake/counter.ts';
import type { JournalEntry } from '../src/intake/journal.ts';
import { createIntakeService, type Intake, type RecognitionPayload } from '../src/intake/service.ts';
import { OCCUPATIONS } from '../src/reference/occupations.ts';
import { SIGUNGU_OPTIONS } from '../src/reference/regions.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { addDays, seoulToday } from '../src/shared/dates.ts';
import { UserError } from '../src/web/errors.ts';
import { variedFacts } from '../test/support/claims.ts';
import { HttpClient } from '../test/support/http.ts';
import { publishTable } from './report.ts';

assertNodeVersion();
const URL_ = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ilteo_bench_replay';
const TOTAL = Number(process.env.BENCH_SUBMISSIONS ?? 10_000);
/** The counters' share of TOTAL; the rest goes through the app server's journal. */
const COUNTER_N = Math.min(TOTAL, Number(process.env.BENCH_COUNTER ?? 4_000));
const N = TOTAL - COUNTER_N;
const COUNTERS = Math.max(1, Number(process.env.BENCH_COUNTERS ?? 8));
const CENTRES = ['seoul-gangnam', 'busan', 'daegu', 'incheon'] as const;
const RESEND = Math.min(1, Number(process.env.BENCH_COUNTER_RESEND ?? 0.05));
const BURST = Number(process.env.BENCH_BURST ?? 500);
const RESUBMIT = Math.min(N, Number(process.env.BENCH_RESUBMIT ?? 300));
const EXPERIMENT = Number(process.env.BENCH_EXPERIMENT ?? 2_000);
const WORKERS = (process.env.BENCH_WORKERS ?? '1,4,16')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const KEEP = process.env.BENCH_KEEP === '1';
const SETUP_CONCURRENCY = 16;
const TARGET_S = 60;

const log = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
const calendar = koreanCalendar();
const today = seoulToday();
const firstDate = nextBusinessDay(today, calendar).date;

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const int = (n: number) => n.toLocaleString('en-US');

interface Claimant {
  accountId: number;
  loginId: string;
  claimId: number;
}

/** Runs `fn` over `items`, `width` at a time. */
async function pool<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

/** `count` 개인회원 of a centre (bulk insert). */
function seekers(
  database: Database,
  prefix: string,
  count: number,
  centreCode: string,
): Promise<{ id: number; loginId: string }[]> {
  if (count === 0) return Promise.resolve([]);
  return database.query<{ id: number; loginId: string }>(
    sql`INSERT INTO accounts (kind, login_id, name, email, centre_code)
        SELECT 'seeker', ${prefix} || lpad(g::text, 6, '0'), '수급자' || g, NULL, ${centreCode}
        FROM generate_series(1, ${count}) g RETURNING id::int AS id, login_id AS "loginId"`,
  );
}

/** `count` seekers with a claim filed at the centre and approved through the service; 1차 window open today. */
async function claimants(
  database: Database,
  benefits: BenefitsService,
  counsellorId: number,
  prefix: string,
  count: number,
  centreCode = 'seoul-gangnam',
): Promise<Claimant[]> {
  const people = await seekers(database, prefix, count, centreCode);
  const reportDate = addDays(today, -14);
  const out: Claimant[] = [];
  await pool(people, SETUP_CONCURRENCY, async (person) => {
    const { claim } = await benefits.fileClaim({
      claimant: { id: person.id, kind: 'seeker' },
      centreCode,
      idempotencyKey: randomUUID(),
      companyName: '(주)벤치물류',
      reportDate,
      facts: variedFacts(person.id, reportDate),
    });
    await benefits.approve({ id: counsellorId, kind: 'counsellor' }, claim.id, {
      firstDate,
      cycleDays: 28,
      note: '',
      repeatClaimant: false,
    });
    out.push({ accountId: person.id, loginId: person.loginId, claimId: claim.id });
  });
  return out;
}

function payload(c: Claimant, i: number): RecognitionPayload {
  return {
    claimId: c.claimId,
    seq: 1,
    workedOrEarned: false,
    activities: [
      {
        kind: 'application',
        date: addDays(today, -2),
        organisation: `(주)다온로지스 ${i % 97}`,
        description: '물류 사무원 지원',
      },
    ],
  };
}

const openIntake = async (database: Database, benefits: BenefitsService, journalDir: string) => {
  const intake = createIntakeService({
    database,
    benefits,
    journalDir,
    instance: 'bench-replay',
    now: () => new Date(),
    log,
  });
  await intake.open();
  return intake;
};

interface Journaled {
  /** Every receipt handed out (a citizen holds each of them). */
  receipts: Set<string>;
  calls: number;
  wallMs: number;
  latencies: number[];
  resentAfterAck: { sent: number; sameReceipt: number };
  resentAtOnce: { sent: number; sameReceipt: number };
}

/** Journals one 실업인정 신청 per claimant, in bursts of concurrent calls, some sent twice. */
async function journal(intake: Intake, people: readonly Claimant[], resubmit: number): Promise<Journaled> {
  const subs = people.map((c, i) => ({ c, key: randomUUID(), payload: payload(c, i), receipt: '' }));
  const step = resubmit > 0 ? Math.max(1, Math.floor(subs.length / resubmit)) : Number.POSITIVE_INFINITY;
  const out: Journaled = {
    receipts: new Set(),
    calls: 0,
    wallMs: 0,
    latencies: [],
    resentAfterAck: { sent: 0, sameReceipt: 0 },
    resentAtOnce: { sent: 0, sameReceipt: 0 },
  };
  const send = async (s: (typeof subs)[number]) => {
    const t0 = performance.now();
    const r = await intake.journalRecognition({ id: s.c.accountId }, s.payload, s.key);
    out.latencies.push(performance.now() - t0);
    out.calls++;
    out.receipts.add(r.receipt);
    return r.receipt;
  };
  let dupes = 0;
  const afterAck: (typeof subs)[number][] = [];
  const started = performance.now();
  for (let b = 0; b < subs.length; b += BURST) {
    const burst: Promise<void>[] = [];
    // Resends of submissions acknowledged in an earlier burst: the same receipt is expected.
    for (const s of afterAck.splice(0))
      burst.push(
        send(s).then((r) => {
          out.resentAfterAck.sent++;
          if (r === s.receipt) out.resentAfterAck.sameReceipt++;
        }),
      );
    for (let i = b; i < Math.min(b + BURST, subs.length); i++) {
      const s = subs[i] as (typeof subs)[number];
      const dupe = i % step === 0 && dupes < resubmit;
      const atOnce = dupe && dupes % 5 === 0;
      if (dupe) dupes++;
      burst.push(
        send(s).then((r) => {
          s.receipt = r;
          if (dupe && !atOnce) afterAck.push(s);
        }),
      );
      // A double click: the second request arrives while the first is still being written.
      if (atOnce)
        burst.push(
          send(s).then(async (r) => {
            while (!s.receipt) await new Promise((res) => setImmediate(res));
            out.resentAtOnce.sent++;
            if (r === s.receipt) out.resentAtOnce.sameReceipt++;
          }),
        );
    }
    await Promise.all(burst);
  }
  await Promise.all(
    afterAck.splice(0).map((s) =>
      send(s).then((r) => {
        out.resentAfterAck.sent++;
        if (r === s.receipt) out.resentAfterAck.sameReceipt++;
      }),
    ),
  );
  out.wallMs = performance.now() - started;
  out.latencies.sort((a, b) => a - b);
  return out;
}

/** Replays until nothing is pending; returns the time taken. */
async function drain(
  intake: Intake,
): Promise<{ ms: number; applied: number; review: number; rounds: number; quarters: number[] }> {
  const started = performance.now();
  const total = intake.pendingCount();
  // When each quarter of the backlog was done (does the rate hold up as the tables grow?).
  const marks: number[] = [];
  const sampler = setInterval(() => {
    const done = total - intake.pendingCount();
    while (marks.length < 4 && done >= ((marks.length + 1) * total) / 4) marks.push(performance.now() - started);
  }, 50);
  let applied = 0;
  let review = 0;
  let rounds = 0;
  try {
    for (;;) {
      const r = await intake.replay();
      rounds++;
      applied += r.applied;
      review += r.review;
      if (r.applied === 0 && r.review === 0) {
        if (intake.pendingCount() === 0) break;
        throw new Error(`replay made no progress with ${intake.pendingCount()} pending`);
      }
    }
  } finally {
    clearInterval(sampler);
  }
  const ms = performance.now() - started;
  while (marks.length < 4) marks.push(ms);
  const quarters = marks.map((m, i) => total / 4 / ((m - (marks[i - 1] ?? 0)) / 1000));
  return { ms, applied, review, rounds, quarters };
}

/**
 * The proposal, measured: the intake's apply steps (fileRecognition, journal_receipts, outcome line),
 * `workers` at a time; one account's entries stay in order on one worker.
 */
async function concurrentReplay(
  intake: Intake,
  database: Database,
  benefits: BenefitsService,
  workers: number,
): Promise<{ ms: number; applied: number; fileMs: number; receiptMs: number; outcomeMs: number }> {
  const byAccount = new Map<number, JournalEntry<RecognitionPayload>[]>();
  for (const e of intake.journal.pending() as JournalEntry<RecognitionPayload>[]) {
    const list = byAccount.get(e.accountId) ?? [];
    list.push(e);
    byAccount.set(e.accountId, list);
  }
  let applied = 0;
  let fileMs = 0;
  let receiptMs = 0;
  let outcomeMs = 0;
  const started = performance.now();
  await pool([...byAccount.values()], workers, async (entries) => {
    for (const e of entries) {
      const t0 = performance.now();
      let status: 'applied' | 'review' = 'applied';
      let message = '';
      try {
        await benefits.fileRecognition({ id: e.accountId, kind: 'seeker' }, e.payload.claimId, e.payload.seq, {
          idempotencyKey: e.key,
          workedOrEarned: e.payload.workedOrEarned,
          activities: e.payload.activities,
          filedAt: new Date(e.at),
        });
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        status = 'review';
        message = err.message;
      }
      const t1 = performance.now();
      await database.query(
        sql`INSERT INTO journal_receipts (receipt, kind, account_id, instance, received_at, applied_at, status, message, link)
            VALUES (${e.receipt}, ${e.kind}, ${e.accountId}, 'bench-replay', ${e.at}, ${new Date().toISOString()},
                    ${status}, ${message}, ${`/benefits/claims/${e.payload.claimId}`})
            ON CONFLICT (receipt) DO NOTHING`,
      );
      const t2 = performance.now();
      await intake.journal.settle({ receipt: e.receipt, status, message, at: new Date().toISOString() });
      const t3 = performance.now();
      fileMs += t1 - t0;
      receiptMs += t2 - t1;
      outcomeMs += t3 - t2;
      if (status === 'applied') applied++;
    }
  });
  return { ms: performance.now() - started, applied, fileMs, receiptMs, outcomeMs };
}

type Recognitions = {
  filed: number;
  claims: number;
  events: number;
  activities: number;
  filedAsReceived: number;
};

/** The 실업인정 filed for these claims (1차): rows, distinct claims, ledger events, activities, filed before `since`. */
async function recognitions(database: Database, claimIds: readonly number[], since: Date): Promise<Recognitions> {
  const ids = `{${claimIds.join(',')}}`;
  const [c] = await database.query<Recognitions>(
    sql`SELECT (SELECT count(*)::int FROM claim_recognitions WHERE claim_id = ANY(${ids}::bigint[]) AND status = 'filed') AS filed,
               (SELECT count(DISTINCT claim_id)::int FROM claim_recognitions
                 WHERE claim_id = ANY(${ids}::bigint[]) AND seq = 1 AND status = 'filed') AS claims,
               (SELECT count(*)::int FROM benefit_ledger WHERE claim_id = ANY(${ids}::bigint[]) AND event = 'recognition.filed') AS events,
               (SELECT count(*)::int FROM recognition_activities ra JOIN claim_recognitions r ON r.id = ra.recognition_id
                 WHERE r.claim_id = ANY(${ids}::bigint[])) AS activities,
               (SELECT count(*)::int FROM claim_recognitions
                 WHERE claim_id = ANY(${ids}::bigint[]) AND status = 'filed' AND filed_at < ${since.toISOString()}) AS "filedAsReceived"`,
  );
  if (!c) throw new Error('no counts');
  return c;
}
/** Rows beyond one per claim (a 실업인정 filed twice, a second ledger event or activity). */
const recognitionDuplicates = (r: Recognitions) =>
  r.filed - r.claims + (r.events - r.claims) + (r.activities - r.claims);

type Check = Recognitions & {
  receiptRows: number;
  receiptsApplied: number;
  receiptsMissing: number;
  duplicates: number;
  losses: number;
};

/** What the database holds for these journaled claimants and receipts. */
async function check(database: Database, people: readonly Claimant[], receipts: Set<string>, since: Date) {
  const r = await recognitions(
    database,
    people.map((p) => p.claimId),
    since,
  );
  const accountIds = `{${people.map((p) => p.accountId).join(',')}}`;
  const [c] = await database.query<{ receiptRows: number; receiptsApplied: number }>(
    sql`SELECT (SELECT count(*)::int FROM journal_receipts WHERE account_id = ANY(${accountIds}::bigint[])) AS "receiptRows",
               (SELECT count(*)::int FROM journal_receipts
                 WHERE account_id = ANY(${accountIds}::bigint[]) AND status = 'applied') AS "receiptsApplied"`,
  );
  if (!c) throw new Error('no counts');
  const found = await database.query<{ receipt: string }>(
    sql`SELECT receipt FROM journal_receipts WHERE receipt = ANY(${`{${[...receipts].join(',')}}`}::text[])`,
  );
  const receiptsMissing = receipts.size - found.length;
  const duplicates = recognitionDuplicates(r) + (c.receiptRows - receipts.size);
  const losses = people.length - r.claims + receiptsMissing + (receipts.size - c.receiptsApplied);
  return { ...r, ...c, receiptsMissing, duplicates, losses } satisfies Check;
}

// ── The offline counters ────────────────────────────────────────────────────────────────────────────

const COUNTER_ORDER: readonly CounterKind[] = ['jobseeking', 'claim', 'recognition'];
const LEVEL3 = OCCUPATIONS.filter((o) => o.level === 3).map((o) => o.code);

interface SimCounter {
  login: string;
  centre: string;
  counsellorId: number;
  client: HttpClient;
  /** Its IndexedDB queue: what counter.js sends for each form (the envelope and the form's fields). */
  queue: CounterSubmission[];
  /** 구직신청 and 수급자격 신청 citizens (account ids), 실업인정 claimants. */
  profiles: number[];
  claims: number[];
  recognitions: Claimant[];
}

/** The payload counter.js builds from the kind's form (FormData strings; a 실업인정's activity as a list). */
function counterPayload(kind: CounterKind, i: number, claim?: Claimant): Record<string, unknown> {
  if (kind === 'jobseeking')
    return {
      occupation0: LEVEL3[i % LEVEL3.length],
      region0: SIGUNGU_OPTIONS[i % SIGUNGU_OPTIONS.length]?.value,
      wageMonthly: String(220 + (i % 150)),
      availableFrom: '',
    };
  if (kind === 'claim')
    return {
      companyName: `(주)창구정밀 ${i % 61}`,
      separationDate: addDays(today, -10 - (i % 20)),
      birthDate: '1987-04-12',
      insuredMonths: String(24 + (i % 100)),
      insuredUnitDays: '300',
      separationReason: '23',
      averageDailyWage: `${80 + (i % 40)},000`,
      dailyHours: '8',
    };
  return {
    claimId: String(claim?.claimId ?? ''),
    seq: '1',
    workedOrEarned: 'no',
    activities: [
      { kind: 'application', date: addDays(today, -2), organisation: `(주)창구상사 ${i % 89}`, description: '' },
    ],
  };
}

/**
 * COUNTERS counsellors (each a counter) at CENTRES, their citizens, and the queue each counter took
 * during the outage: the kinds in turn, taken over the half hour before `now`.
 */
async function counters(database: Database, benefits: BenefitsService, base: string): Promise<SimCounter[]> {
  const out: SimCounter[] = [];
  const outageMs = 30 * 60_000;
  const now = Date.now();
  for (let k = 0; k < COUNTERS; k++) {
    const centre = CENTRES[k % CENTRES.length] as string;
    const login = `bench.counter${k + 1}`;
    const counsellorId = await createAccount(database, {
      kind: 'counsellor',
      loginId: login,
      name: `창구${k + 1}`,
      email: null,
      password: DEMO_PASSWORD,
      centreCode: centre,
    });
    const n = Math.floor(COUNTER_N / COUNTERS) + (k < COUNTER_N % COUNTERS ? 1 : 0);
    const kinds = Array.from({ length: n }, (_, i) => COUNTER_ORDER[i % COUNTER_ORDER.length] as CounterKind);
    const count = (kind: CounterKind) => kinds.filter((x) => x === kind).length;
    const plain = await seekers(database, `c${k + 1}-`, count('jobseeking') + count('claim'), centre);
    const claimed = await claimants(database, benefits, counsellorId, `c${k + 1}r-`, count('recognition'), centre);
    const c: SimCounter = {
      login,
      centre,
      counsellorId,
      client: new HttpClient(base),
      queue: [],
      profiles: [],
      claims: [],
      recognitions: [],
    };
    kinds.forEach((kind, i) => {
      let claim: Claimant | undefined;
      let citizen: { id: number; loginId: string } | undefined;
      if (kind === 'recognition') {
        claim = claimed[c.recognitions.length];
        if (claim) c.recognitions.push(claim);
        citizen = claim && { id: claim.accountId, loginId: claim.loginId };
      } else {
        citizen = plain[c.profiles.length + c.claims.length];
        if (citizen) (kind === 'jobseeking' ? c.profiles : c.claims).push(citizen.id);
      }
      if (!citizen) throw new Error('not enough citizens');
      c.queue.push({
        key: randomUUID(),
        kind,
        takenAt: new Date(now - outageMs + (i * outageMs) / n).toISOString(),
        counsellorId,
        citizen: citizen.loginId,
        payload: counterPayload(kind, i, claim),
      });
    });
    out.push(c);
  }
  return out;
}

interface CounterRun {
  ms: number;
  requests: number;
  latencies: number[];
  /** 503 or another 5xx: counter.js keeps the form and sends it again 5 s later. */
  retries: number;
  answers: Map<string, CounterOutcome>;
  resentLost: { sent: number; same: number };
  resentAtOnce: { sent: number; same: number };
}

const sameAnswer = (a: CounterOutcome | undefined, b: CounterOutcome) =>
  a?.status === b.status && a.ref === b.ref && a.message === b.message;

/**
 * Sends a counter's queue as counter.js's sync() does: one form at a time, oldest first; a 400/409/422
 * answer is 확인 필요, a 5xx leaves the form waiting for the next round (5 s). Every 1/RESEND-th form
 * is sent twice: its first answer lost (sent again after the rest of the queue), or, one in five, from
 * two tabs at the same instant.
 */
async function sendQueue(c: SimCounter, started: number): Promise<CounterRun> {
  const run: CounterRun = {
    ms: 0,
    requests: 0,
    latencies: [],
    retries: 0,
    answers: new Map(),
    resentLost: { sent: 0, same: 0 },
    resentAtOnce: { sent: 0, same: 0 },
  };
  const post = async (item: CounterSubmission): Promise<CounterOutcome> => {
    for (;;) {
      const t0 = performance.now();
      // As counter.js sends it: the item's own key is its Idempotency-Key, on every send.
      const r = await c.client.postJson('/api/v1/counter/submissions', item, { key: item.key });
      run.latencies.push(performance.now() - t0);
      run.requests++;
      if (r.status === 200) return JSON.parse(r.body) as CounterOutcome;
      if (r.status === 400 || r.status === 409 || r.status === 422)
        return { key: item.key, status: 'review', message: `HTTP ${r.status}: ${r.body.slice(0, 200)}`, ref: '' };
      if (r.status === 401) throw new Error(`${c.login}: signed out`);
      run.retries++;
      await new Promise((res) => setTimeout(res, 5_000));
    }
  };
  const every = RESEND > 0 ? Math.max(1, Math.round(1 / RESEND)) : Number.POSITIVE_INFINITY;
  const lost: CounterSubmission[] = [];
  let twice = 0;
  for (const [i, item] of c.queue.entries()) {
    const again = i % every === every - 1;
    if (again && twice++ % 5 === 4) {
      const [a, b] = await Promise.all([post(item), post(item)]);
      run.answers.set(item.key, a);
      run.resentAtOnce.sent++;
      if (sameAnswer(a, b)) run.resentAtOnce.same++;
      continue;
    }
    run.answers.set(item.key, await post(item));
    if (again) lost.push(item);
  }
  for (const item of lost) {
    const r = await post(item);
    run.resentLost.sent++;
    if (sameAnswer(run.answers.get(item.key), r)) run.resentLost.same++;
  }
  run.ms = performance.now() - started;
  return run;
}

interface CounterCheck {
  rows: number;
  applied: number;
  takenBeforeReceived: number;
  profiles: number;
  claimRows: number;
  claimsByKey: number;
  claimEvents: number;
  recognition: Recognitions;
  duplicates: number;
  losses: number;
}

/** What the database holds for the counters' forms. */
async function checkCounters(database: Database, all: readonly SimCounter[], since: Date): Promise<CounterCheck> {
  const list = (xs: readonly (number | string)[]) => `{${xs.join(',')}}`;
  const keys = list(all.flatMap((c) => c.queue.map((q) => q.key)));
  const profileIds = all.flatMap((c) => c.profiles);
  const claimIds = all.flatMap((c) => c.claims);
  const recognition = all.flatMap((c) => c.recognitions);
  const [c] = await database.query<Omit<CounterCheck, 'recognition' | 'duplicates' | 'losses'>>(
    sql`SELECT (SELECT count(*)::int FROM counter_submissions) AS rows,
               (SELECT count(*)::int FROM counter_submissions WHERE key = ANY(${keys}::text[]) AND status = 'applied') AS applied,
               (SELECT count(*)::int FROM counter_submissions
                 WHERE key = ANY(${keys}::text[]) AND taken_at < received_at) AS "takenBeforeReceived",
               (SELECT count(*)::int FROM job_seeker_profiles WHERE account_id = ANY(${list(profileIds)}::bigint[])) AS profiles,
               (SELECT count(*)::int FROM benefit_claims WHERE claimant_id = ANY(${list(claimIds)}::bigint[])) AS "claimRows",
               (SELECT count(DISTINCT claimant_id)::int FROM benefit_claims
                 WHERE claimant_id = ANY(${list(claimIds)}::bigint[]) AND idempotency_key = ANY(${keys}::text[])) AS "claimsByKey",
               (SELECT count(*)::int FROM benefit_ledger l JOIN benefit_claims b ON b.id = l.claim_id
                 WHERE b.claimant_id = ANY(${list(claimIds)}::bigint[]) AND l.event = 'claim.filed') AS "claimEvents"`,
  );
  if (!c) throw new Error('no counts');
  const r = await recognitions(
    database,
    recognition.map((p) => p.claimId),
    since,
  );
  const duplicates =
    c.rows - COUNTER_N + (c.claimRows - claimIds.length) + (c.claimEvents - claimIds.length) + recognitionDuplicates(r);
  const losses =
    COUNTER_N -
    c.applied +
    (profileIds.length - c.profiles) +
    (claimIds.length - c.claimsByKey) +
    (recognition.length - r.claims);
  return { ...c, recognition: r, duplicates, losses };
}

async function main(): Promise<void> {
  const runStarted = performance.now();
  const server = URL_.replace(/\/[^/?]+(\?.*)?$/, '/postgres');
  const name = /\/([^/?]+)(\?.*)?$/.exec(URL_)?.[1] ?? 'ilteo_bench_replay';
  await dropDatabase(server, name).catch(() => {});
  await createDatabase(URL_);
  const database = await openDatabase({ kind: 'postgres', url: URL_ }, { applicationName: 'ilteo-bench-replay' });
  const dirs: string[] = [];
  const tmp = async () => {
    const d = await fs.mkdtemp(path.join(os.tmpdir(), 'ilteo-bench-replay-'));
    dirs.push(d);
    return d;
  };
  try {
    await migrate(database);
    await seedDemoAccounts(database, () => {});
    const [counsellor] = await database.query<{ id: number }>(
      sql`SELECT id::int AS id FROM accounts WHERE login_id = 'counsel.gangnam'`,
    );
    if (!counsellor) throw new Error('no counsel.gangnam');
    const [pg] = await database.query<{ v: string }>(sql`SELECT current_setting('server_version') AS v`);
    const benefits = createBenefitsService({ database, calendar, now: () => new Date() });
    if (firstDate !== today) console.error(`today is not a business day: the 1차 실업인정일 is ${firstDate}`);

    // 1. Claimants, counters and their queues; the counsellors sign in (before the outage).
    const secret = randomBytes(32).toString('hex');
    const serverConfig = (journalDir: string, port: number) =>
      loadConfig({
        DATABASE_URL: URL_,
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        ILTEO_COOKIE_SECRET: secret,
        ILTEO_RATE_LIMIT_PER_MINUTE: '0',
        ILTEO_STATUS: 'off',
        ILTEO_ALERTS_SECONDS: '0',
        ILTEO_JOURNAL_DIR: journalDir,
      });
    const setupStarted = performance.now();
    const people = await claimants(database, benefits, counsellor.id, 'replay', N);
    const batches: Claimant[][] = [];
    for (const [i, w] of WORKERS.entries())
      batches.push(await claimants(database, benefits, counsellor.id, `rx${w}w${i}-`, EXPERIMENT));
    const before = await startServer(serverConfig(await tmp(), 0));
    const port = Number(new URL(before.url).port);
    let desks: SimCounter[];
    try {
      desks = await counters(database, benefits, before.url);
      for (const c of desks) {
        const signedIn = await c.client.signIn(c.login, DEMO_PASSWORD);
        const page = await c.client.get('/centre/counter');
        if (signedIn.status !== 303 || page.status !== 200)
          throw new Error(`${c.login} could not sign in (${signedIn.status}, ${page.status})`);
      }
    } finally {
      await before.close();
    }
    const setupMs = performance.now() - setupStarted;
    const byKind = (kind: CounterKind) => desks.reduce((n, c) => n + c.queue.filter((q) => q.kind === kind).length, 0);
    const setupClaims = N + EXPERIMENT * WORKERS.length + byKind('recognition');
    console.error(
      `setup: ${int(setupClaims)} claimants with approved claims, ${desks.length} counters in ${seconds(setupMs)} s`,
    );
    await database.query(sql`VACUUM ANALYZE`);

    // 2. Journal N submissions (the database is up, but the intake journals regardless of it).
    const dir = await tmp();
    const intake = await openIntake(database, benefits, dir);
    const journaled = await journal(intake, people, RESUBMIT);
    await intake.close();
    const appendRate = journaled.receipts.size / (journaled.wallMs / 1000);
    console.error(
      `journaled ${int(journaled.calls)} calls → ${int(journaled.receipts.size)} entries in ${seconds(journaled.wallMs)} s; ` +
        `p50/p99 ${pct(journaled.latencies, 50).toFixed(1)}/${pct(journaled.latencies, 99).toFixed(1)} ms`,
    );

    // 3. Recovery: the server starts on the journal; its replay and the counters' queues, together.
    const recovered: RunningServer = await startServer(serverConfig(dir, port));
    const pendingAfterRestart = recovered.app.intake.pendingCount();
    const replayStarted = new Date();
    const started = performance.now();
    const [drained, runs] = await Promise.all([
      drain(recovered.app.intake),
      Promise.all(desks.map((c) => sendQueue(c, started))),
    ]).finally(() => recovered.close());
    const counterMs = Math.max(...runs.map((r) => r.ms));
    const bothMs = Math.max(drained.ms, counterMs);
    const drainRate = pendingAfterRestart / (drained.ms / 1000);
    const counterRate = COUNTER_N / (counterMs / 1000);
    const requests = runs.reduce((n, r) => n + r.requests, 0);
    const latencies = runs.flatMap((r) => r.latencies).sort((x, y) => x - y);
    const sum = (f: (r: CounterRun) => { sent: number; same: number }) =>
      runs.reduce((t, r) => ({ sent: t.sent + f(r).sent, same: t.same + f(r).same }), { sent: 0, same: 0 });
    const resentLost = sum((r) => r.resentLost);
    const resentAtOnce = sum((r) => r.resentAtOnce);
    const retries = runs.reduce((n, r) => n + r.retries, 0);
    const answers = runs.flatMap((r) => [...r.answers.values()]);
    console.error(
      `drained ${int(pendingAfterRestart)} journaled in ${seconds(drained.ms)} s (${drainRate.toFixed(0)}/s, ${drained.rounds} rounds; by quarter ${drained.quarters.map((q) => q.toFixed(0)).join(' → ')}/s); ` +
        `${int(COUNTER_N)} counter forms in ${seconds(counterMs)} s (${int(requests)} requests, ${retries} retried); both in ${seconds(bothMs)} s`,
    );
    const [entriesText, outcomesText] = await Promise.all(
      ['entries.jsonl', 'outcomes.jsonl'].map((f) => fs.readFile(path.join(dir, f), 'utf8')),
    );
    const lines = (t: string | undefined) => (t ?? '').split('\n').filter(Boolean).length;

    // 4. Verify.
    const v = await check(database, people, journaled.receipts, replayStarted);
    const cv = await checkCounters(database, desks, replayStarted);
    const problems: string[] = [];
    if (v.claims !== N || v.filed !== N) problems.push(`filed ${v.filed} (claims ${v.claims}), expected ${N}`);
    if (v.events !== N) problems.push(`${v.events} recognition.filed events, expected ${N}`);
    if (v.activities !== N) problems.push(`${v.activities} activities, expected ${N}`);
    if (v.filedAsReceived !== N) problems.push(`${N - v.filedAsReceived} filed as of the replay, not as received`);
    if (v.receiptRows !== journaled.receipts.size || v.receiptsApplied !== journaled.receipts.size)
      problems.push(
        `journal_receipts ${v.receiptRows} (applied ${v.receiptsApplied}), expected ${journaled.receipts.size}`,
      );
    if (v.receiptsMissing) problems.push(`${v.receiptsMissing} receipts handed out but not in journal_receipts`);
    if (drained.review) problems.push(`${drained.review} entries went to review`);
    if (pendingAfterRestart !== journaled.receipts.size)
      problems.push(`${pendingAfterRestart} pending after the restart, expected ${journaled.receipts.size}`);
    if (lines(outcomesText) !== lines(entriesText))
      problems.push(`${lines(entriesText)} journal entries but ${lines(outcomesText)} outcomes`);
    if (journaled.resentAfterAck.sameReceipt !== journaled.resentAfterAck.sent)
      problems.push(
        `${journaled.resentAfterAck.sent - journaled.resentAfterAck.sameReceipt} resends after the acknowledgement got a new receipt`,
      );
    const review = answers.filter((x) => x.status !== 'applied');
    if (review.length)
      problems.push(`${review.length} counter forms answered 확인 필요, e.g. ${review[0]?.message ?? ''}`);
    if (answers.length !== COUNTER_N) problems.push(`${answers.length} counter answers, expected ${COUNTER_N}`);
    if (cv.rows !== COUNTER_N || cv.applied !== COUNTER_N)
      problems.push(`counter_submissions ${cv.rows} (applied ${cv.applied}), expected ${COUNTER_N}`);
    if (cv.takenBeforeReceived !== COUNTER_N)
      problems.push(`${COUNTER_N - cv.takenBeforeReceived} counter forms not recorded as taken before received`);
    if (cv.recognition.filedAsReceived !== byKind('recognition'))
      problems.push(
        `${byKind('recognition') - cv.recognition.filedAsReceived} counter 실업인정 filed as of the replay`,
      );
    if (resentLost.same !== resentLost.sent || resentAtOnce.same !== resentAtOnce.sent)
      problems.push(
        `counter resends answered differently: ${resentLost.sent - resentLost.same} after a lost answer, ${resentAtOnce.sent - resentAtOnce.same} at once`,
      );

    // Experiment: the achievable drain rate with bounded concurrency (bench-only applier).
    const experiments: {
      workers: number;
      n: number;
      ms: number;
      fileMs: number;
      receiptMs: number;
      outcomeMs: number;
    }[] = [];
    for (const [i, workers] of WORKERS.entries()) {
      const batch = batches[i] as Claimant[];
      if (batch.length === 0) continue;
      const d = await tmp();
      let x = await openIntake(database, benefits, d);
      const j = await journal(x, batch, 0);
      await x.close();
      x = await openIntake(database, benefits, d);
      const since = new Date();
      const r = await concurrentReplay(x, database, benefits, workers);
      if (x.pendingCount() !== 0) problems.push(`experiment ${workers}: ${x.pendingCount()} left pending`);
      await x.close();
      const xv = await check(database, batch, j.receipts, since);
      if (xv.duplicates || xv.losses || r.applied !== batch.length)
        problems.push(`experiment ${workers}: ${xv.duplicates} duplicates, ${xv.losses} losses, ${r.applied} applied`);
      experiments.push({ workers, n: batch.length, ...r });
      console.error(
        `experiment: ${workers} workers drained ${int(batch.length)} in ${seconds(r.ms)} s (${(batch.length / (r.ms / 1000)).toFixed(0)}/s)`,
      );
    }

    // 6. Report.
    const duplicates = v.duplicates + cv.duplicates;
    const losses = v.losses + cv.losses;
    const pass = problems.length === 0 && duplicates === 0 && losses === 0 && bothMs <= TARGET_S * 1000;
    const cpu = os.cpus();
    const extra = journaled.resentAtOnce.sent - journaled.resentAtOnce.sameReceipt;
    const ms3 = (xs: number[]) => [50, 95, 99].map((p) => pct(xs, p).toFixed(1)).join(' / ');
    const table = [
      `측정: ${new Date().toISOString().slice(0, 10)}, ${cpu.length} cores (${cpu[0]?.model.split(' ').slice(0, 2).join(' ') ?? 'CPU'}), PostgreSQL ${pg?.v ?? '?'} (127.0.0.1), 보관함 ${os.tmpdir()} (로컬 디스크, fsync), Node ${process.versions.node}; 전체 ${((performance.now() - runStarted) / 60_000).toFixed(1)}분 (준비: 수급자 ${int(setupClaims)}명의 신청·인정을 서비스로, 창구 ${desks.length}대, ${seconds(setupMs)} s, 측정 제외).`,
      `장애 중에 쌓인 ${int(TOTAL)}건을 복구 뒤 함께 비웁니다. 보관함: 실업인정 신청 ${int(N)}건 (1인 1건, 입사 지원 1건 포함)을 \`createIntakeService\`의 보관함(journal)에 ${int(BURST)}건씩 동시에 기록하고 닫은 뒤, 같은 디렉터리로 서버를 다시 띄워 (재시작, 이 프로세스 안) 그 서버의 \`intake.replay()\`로 비웁니다. 창구: 상담원 ${desks.length}명의 창구 (${CENTRES.slice(0, Math.min(CENTRES.length, desks.length)).join(', ')})가 장애 30분 동안 받은 ${int(COUNTER_N)}건 (구직신청 ${int(byKind('jobseeking'))} · 수급자격 신청 ${int(byKind('claim'))} · 실업인정 신청 ${int(byKind('recognition'))})을, 같은 시각에 counter.js처럼 로그인한 세션으로 한 건씩 오래된 것부터 \`POST /api/v1/counter/submissions\`로 보냅니다 (HTTP, 창구끼리는 동시에). 시간은 서버가 요청을 받기 시작한 때부터 잽니다.`,
      '',
      '| 항목 | 보관함 (앱 서버) | 창구 대기열 | 전체 |',
      '|---|---:|---:|---:|',
      `| 복구 때 대기 | ${int(pendingAfterRestart)}건 | ${int(COUNTER_N)}건 (창구 ${desks.length}대) | ${int(pendingAfterRestart + COUNTER_N)}건 |`,
      `| 장애 중 기록 | ${int(journaled.calls)}회 호출 → ${int(journaled.receipts.size)}건, ${(journaled.wallMs / 1000).toFixed(2)} s (${int(Math.round(appendRate))} 건/s); 지연 p50 / p95 / p99 ${ms3(journaled.latencies)} ms (fsync 묶음 커밋) | 창구 PC의 IndexedDB (측정 안 함) | |`,
      `| 재처리 시간 (drain) | ${seconds(drained.ms)} s (\`replay()\` ${drained.rounds}회) | ${seconds(counterMs)} s (요청 ${int(requests)}회${retries ? `, 503 등으로 다시 보냄 ${retries}회` : ''}) | **${seconds(bothMs)} s** |`,
      `| 재처리 속도 | ${drainRate.toFixed(0)} 건/s (1/4씩: ${drained.quarters.map((q) => q.toFixed(0)).join(' → ')}) | ${counterRate.toFixed(0)} 건/s (요청 지연 p50 / p95 / p99 ${ms3(latencies)} ms) | ${(TOTAL / (bothMs / 1000)).toFixed(0)} 건/s |`,
      `| 같은 키로 다시 보냄 | 접수 확인 뒤 / 더블 클릭: 같은 접수번호 ${journaled.resentAfterAck.sameReceipt}/${journaled.resentAfterAck.sent} · ${journaled.resentAtOnce.sameReceipt}/${journaled.resentAtOnce.sent} | 답을 못 받아 다시 / 두 탭에서 동시에: 같은 답 ${resentLost.same}/${resentLost.sent} · ${resentAtOnce.same}/${resentAtOnce.sent} | |`,
      `| 확인 필요 (충돌 없는 자료) | ${drained.review} | ${review.length} | ${drained.review + review.length} |`,
      `| 중복 (보관함: 실업인정·원장·활동·접수 결과; 창구: 접수 결과·구직신청·수급자격 신청과 원장·실업인정·활동) | ${v.duplicates} | ${cv.duplicates} | ${duplicates} |`,
      `| 유실 (받았으나 반영 안 됨) | ${v.losses} | ${cv.losses} | ${losses} |`,
      `| 목표 (전체 ≤ ${TARGET_S} s, 중복 0, 유실 0) | | | ${pass ? '✅' : '❌'} |`,
      '',
      `실험 (bench 안의 적용기, src 아님): \`replay()\`와 같은 단계(fileRecognition → journal_receipts → 결과 기록)를 워커 여러 개로, 한 계정의 항목은 한 워커에서 순서대로. 건당 시간은 워커 합계 기준.`,
      '',
      '| 재처리 | 건수 | 시간 | 속도 | 건당 fileRecognition / journal_receipts / 결과 fsync (ms) |',
      '|---|---:|---:|---:|---:|',
      `| \`intake.replay()\` (워커 8개, 창구 전송과 동시에) | ${int(pendingAfterRestart)} | ${seconds(drained.ms)} s | ${drainRate.toFixed(0)} 건/s | |`,
      ...experiments.map(
        (e) =>
          `| 워커 ${e.workers}개 | ${int(e.n)} | ${seconds(e.ms)} s | ${(e.n / (e.ms / 1000)).toFixed(0)} 건/s | ${(e.fileMs / e.n).toFixed(2)} / ${(e.receiptMs / e.n).toFixed(2)} / ${(e.outcomeMs / e.n).toFixed(2)} |`,
      ),
    ];
    if (extra > 0)
      table.push(
        '',
        `동시에 두 번 보낸 ${journaled.resentAtOnce.sent}건 중 ${extra}건은 접수번호를 두 개 받았습니다 (보관함 항목 2개, 같은 키라 DB에는 한 번만 반영되고 둘 다 'applied').`,
      );
    await publishTable('replay', 'replay.md', table.join('\n'));
    if (problems.length || duplicates || losses)
      throw new Error(`bench:replay failed: ${problems.join('; ') || `${duplicates} duplicates, ${losses} losses`}`);
  } finally {
    await database.close();
    if (!KEEP) await dropDatabase(server, name).catch(() => {});
    for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
