/**
 * npm run bench:replay — issue 7: submissions taken into the journal while no database answered,
 * drained after recovery, on real PostgreSQL with the real intake (no mocks).
 *
 * 1. Creates a fresh database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/ilteo_bench_replay),
 *    seeds the demo accounts and BENCH_SUBMISSIONS (default 10,000) 개인회원 (bulk insert: nobody signs in),
 *    each with a claim filed and approved by counsel.gangnam through the benefits service (16 at a time),
 *    so that their 1차 실업인정 window is open today. Setup time is reported, not counted.
 * 2. Opens the intake (src/intake/service.ts) on a fresh journal directory under os.tmpdir() and journals
 *    one 실업인정 신청 per claimant in bursts of BENCH_BURST (default 500) concurrent calls: appends/s and
 *    append latency (fsync group commit). BENCH_RESUBMIT (default 300) of them are sent twice with the
 *    same key: four in five after the first was acknowledged (a reload and resend), one in five at the
 *    same instant (a double click).
 * 3. Closes the intake, opens a new one on the same directory (a restart) and times `replay()` until
 *    nothing is pending.
 * 4. Checks the database: every claimant's 실업인정 filed exactly once (claim_recognitions, ledger,
 *    activities), every receipt handed out in journal_receipts as 'applied'. Exits non-zero otherwise.
 * 5. Experiment (bench-only, not src/): the same apply steps as the intake's replay, but BENCH_WORKERS
 *    (default 1,4,16) workers at a time, each account's entries still in order, on BENCH_EXPERIMENT
 *    (default 2,000) further claimants per setting — the achievable drain rate with bounded concurrency.
 * Prints a Markdown table (bench/results/replay.md; --write-readme updates README.md); drops the database
 * (BENCH_KEEP=1 keeps it).
 * The counter queue (offline counter intake) is not built yet; it joins this benchmark when it exists.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { koreanCalendar, nextBusinessDay } from '../src/benefits/schedule.ts';
import { type BenefitsService, createBenefitsService } from '../src/benefits/service.ts';
import { assertNodeVersion } from '../src/config/index.ts';
import { createDatabase, dropDatabase } from '../src/db/admin.ts';
import { type Database, openDatabase } from '../src/db/index.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedDemoAccounts } from '../src/identity/demo.ts';
import type { JournalEntry } from '../src/intake/journal.ts';
import { createIntake, type Intake, type RecognitionPayload } from '../src/intake/service.ts';
import { addDays, seoulToday } from '../src/shared/dates.ts';
import { UserError } from '../src/web/errors.ts';
import { publishTable } from './report.ts';

assertNodeVersion();
const URL_ = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ilteo_bench_replay';
const N = Number(process.env.BENCH_SUBMISSIONS ?? 10_000);
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

/** `count` seekers (bulk insert) with a claim filed and approved through the service; 1차 window open today. */
async function claimants(
  database: Database,
  benefits: BenefitsService,
  counsellorId: number,
  prefix: string,
  count: number,
): Promise<Claimant[]> {
  if (count === 0) return [];
  const people = await database.query<{ id: number }>(
    sql`INSERT INTO accounts (kind, login_id, name, email, centre_code)
        SELECT 'seeker', ${prefix} || lpad(g::text, 6, '0'), '수급자' || g, NULL, 'seoul-gangnam'
        FROM generate_series(1, ${count}) g RETURNING id::int AS id`,
  );
  const reportDate = addDays(today, -14);
  const out: Claimant[] = [];
  await pool(people, SETUP_CONCURRENCY, async (person) => {
    const { claim } = await benefits.fileClaim({
      claimant: { id: person.id, kind: 'seeker' },
      centreCode: 'seoul-gangnam',
      idempotencyKey: randomUUID(),
      companyName: '(주)벤치물류',
      reportDate,
      facts: {
        separationDate: addDays(reportDate, -3),
        birthDate: '1988-03-03',
        disabled: false,
        insuredMonths: 30 + (person.id % 90),
        insuredUnitDays: 300,
        separationReason: '23',
        justifiedReason: null,
        averageDailyWage: 80_000 + (person.id % 50) * 1_000,
        ordinaryDailyWage: null,
        dailyHours: 8,
      },
    });
    await benefits.approve({ id: counsellorId, kind: 'counsellor' }, claim.id, {
      firstDate,
      cycleDays: 28,
      note: '',
      repeatClaimant: false,
    });
    out.push({ accountId: person.id, claimId: claim.id });
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
  const intake = createIntake({ database, benefits, journalDir, instance: 'bench-replay', now: () => new Date(), log });
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

interface Check {
  filed: number;
  claims: number;
  events: number;
  activities: number;
  filedAsReceived: number;
  receiptRows: number;
  receiptsApplied: number;
  receiptsMissing: number;
  duplicates: number;
  losses: number;
}

/** What the database holds for these claimants and receipts. */
async function check(database: Database, people: readonly Claimant[], receipts: Set<string>, since: Date) {
  const claimIds = `{${people.map((p) => p.claimId).join(',')}}`;
  const accountIds = `{${people.map((p) => p.accountId).join(',')}}`;
  const [c] = await database.query<Omit<Check, 'receiptsMissing' | 'duplicates' | 'losses'>>(
    sql`SELECT (SELECT count(*)::int FROM claim_recognitions WHERE claim_id = ANY(${claimIds}::bigint[]) AND status = 'filed') AS filed,
               (SELECT count(DISTINCT claim_id)::int FROM claim_recognitions
                 WHERE claim_id = ANY(${claimIds}::bigint[]) AND seq = 1 AND status = 'filed') AS claims,
               (SELECT count(*)::int FROM benefit_ledger WHERE claim_id = ANY(${claimIds}::bigint[]) AND event = 'recognition.filed') AS events,
               (SELECT count(*)::int FROM recognition_activities ra JOIN claim_recognitions r ON r.id = ra.recognition_id
                 WHERE r.claim_id = ANY(${claimIds}::bigint[])) AS activities,
               (SELECT count(*)::int FROM claim_recognitions
                 WHERE claim_id = ANY(${claimIds}::bigint[]) AND status = 'filed' AND filed_at < ${since.toISOString()}) AS "filedAsReceived",
               (SELECT count(*)::int FROM journal_receipts WHERE account_id = ANY(${accountIds}::bigint[])) AS "receiptRows",
               (SELECT count(*)::int FROM journal_receipts
                 WHERE account_id = ANY(${accountIds}::bigint[]) AND status = 'applied') AS "receiptsApplied"`,
  );
  if (!c) throw new Error('no counts');
  const found = await database.query<{ receipt: string }>(
    sql`SELECT receipt FROM journal_receipts WHERE receipt = ANY(${`{${[...receipts].join(',')}}`}::text[])`,
  );
  const receiptsMissing = receipts.size - found.length;
  const duplicates =
    c.filed - c.claims + (c.events - c.claims) + (c.activities - c.claims) + (c.receiptRows - receipts.size);
  const losses = people.length - c.claims + receiptsMissing + (receipts.size - c.receiptsApplied);
  return { ...c, receiptsMissing, duplicates, losses } satisfies Check;
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

    // 1–2. Claimants.
    const setupStarted = performance.now();
    const people = await claimants(database, benefits, counsellor.id, 'replay', N);
    const batches: Claimant[][] = [];
    for (const [i, w] of WORKERS.entries())
      batches.push(await claimants(database, benefits, counsellor.id, `rx${w}w${i}-`, EXPERIMENT));
    const setupMs = performance.now() - setupStarted;
    const setupClaims = N + EXPERIMENT * WORKERS.length;
    console.error(
      `setup: ${int(setupClaims)} claimants with approved claims in ${seconds(setupMs)} s (${(setupClaims / (setupMs / 1000)).toFixed(0)}/s)`,
    );
    await database.query(sql`VACUUM ANALYZE`);

    // 3. Journal N submissions (the database is up, but the intake journals regardless of it).
    const dir = await tmp();
    let intake = await openIntake(database, benefits, dir);
    const journaled = await journal(intake, people, RESUBMIT);
    await intake.close();
    const appendRate = journaled.receipts.size / (journaled.wallMs / 1000);
    console.error(
      `journaled ${int(journaled.calls)} calls → ${int(journaled.receipts.size)} entries in ${seconds(journaled.wallMs)} s; ` +
        `p50/p99 ${pct(journaled.latencies, 50).toFixed(1)}/${pct(journaled.latencies, 99).toFixed(1)} ms`,
    );

    // 4. A restart: a new intake on the same directory, replayed until empty.
    intake = await openIntake(database, benefits, dir);
    const pendingAfterRestart = intake.pendingCount();
    const replayStarted = new Date();
    const drained = await drain(intake);
    await intake.close();
    const drainRate = pendingAfterRestart / (drained.ms / 1000);
    console.error(
      `drained ${int(pendingAfterRestart)} in ${seconds(drained.ms)} s (${drainRate.toFixed(0)}/s, ${drained.rounds} rounds; by quarter ${drained.quarters.map((q) => q.toFixed(0)).join(' → ')}/s)`,
    );
    const [entriesText, outcomesText] = await Promise.all(
      ['entries.jsonl', 'outcomes.jsonl'].map((f) => fs.readFile(path.join(dir, f), 'utf8')),
    );
    const lines = (t: string | undefined) => (t ?? '').split('\n').filter(Boolean).length;

    // 5. Verify.
    const v = await check(database, people, journaled.receipts, replayStarted);
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
    const pass = problems.length === 0 && v.duplicates === 0 && v.losses === 0 && drained.ms <= TARGET_S * 1000;
    const cpu = os.cpus();
    const extra = journaled.resentAtOnce.sent - journaled.resentAtOnce.sameReceipt;
    const serialRate = drainRate;
    const table = [
      `측정: ${new Date().toISOString().slice(0, 10)}, ${cpu.length} cores (${cpu[0]?.model.split(' ').slice(0, 2).join(' ') ?? 'CPU'}), PostgreSQL ${pg?.v ?? '?'} (127.0.0.1), 보관함 ${os.tmpdir()} (로컬 디스크, fsync), Node ${process.versions.node}; 전체 ${((performance.now() - runStarted) / 60_000).toFixed(1)}분 (준비: 수급자 ${int(setupClaims)}명의 신청·인정을 서비스로 ${seconds(setupMs)} s, 측정 제외).`,
      `실업인정 신청 ${int(N)}건 (1인 1건, 입사 지원 1건 포함)을 \`createIntake\`의 보관함(journal)에 ${int(BURST)}건씩 동시에 기록하고, 닫고, 같은 디렉터리로 새 intake를 열어 (재시작) \`replay()\`로 비울 때까지 잰 값입니다. 창구 대기열은 창구 브라우저(IndexedDB)에 있고 API로 반영되어 여기서는 보관함만 잽니다.`,
      '',
      '| 항목 | 값 |',
      '|---|---:|',
      `| 보관함 기록 (${int(journaled.calls)}회 호출 → ${int(journaled.receipts.size)}건, ${(journaled.wallMs / 1000).toFixed(2)} s) | ${int(Math.round(appendRate))} 건/s |`,
      `| 기록 지연 p50 / p95 / p99 (fsync 묶음 커밋) | ${pct(journaled.latencies, 50).toFixed(1)} / ${pct(journaled.latencies, 95).toFixed(1)} / ${pct(journaled.latencies, 99).toFixed(1)} ms |`,
      `| 재시작 후 대기 | ${int(pendingAfterRestart)}건 |`,
      `| 재처리 시간 (drain, \`replay()\` ${drained.rounds}회) | ${seconds(drained.ms)} s |`,
      `| 재처리 속도 (전체; 1/4씩: ${drained.quarters.map((q) => q.toFixed(0)).join(' → ')}) | ${serialRate.toFixed(0)} 건/s |`,
      `| 중복 (실업인정·원장·활동·접수 결과) | ${v.duplicates} |`,
      `| 유실 (접수번호 받았으나 미반영) | ${v.losses} |`,
      `| 같은 키로 다시 제출: 접수 확인 뒤 / 동시에 (더블 클릭) | 같은 접수번호 ${journaled.resentAfterAck.sameReceipt}/${journaled.resentAfterAck.sent} · ${journaled.resentAtOnce.sameReceipt}/${journaled.resentAtOnce.sent} |`,
      `| 목표 (재처리 ≤ ${TARGET_S} s, 중복 0, 유실 0) | ${pass ? '✅' : '❌'} |`,
      '',
      `실험 (bench 안의 적용기, src 아님): \`replay()\`와 같은 단계(fileRecognition → journal_receipts → 결과 기록)를 워커 여러 개로, 한 계정의 항목은 한 워커에서 순서대로. 건당 시간은 워커 합계 기준.`,
      '',
      '| 재처리 | 건수 | 시간 | 속도 | 건당 fileRecognition / journal_receipts / 결과 fsync (ms) |',
      '|---|---:|---:|---:|---:|',
      `| \`intake.replay()\` (한 건씩) | ${int(pendingAfterRestart)} | ${seconds(drained.ms)} s | ${serialRate.toFixed(0)} 건/s | |`,
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
    if (problems.length || v.duplicates || v.losses)
      throw new Error(
        `bench:replay failed: ${problems.join('; ') || `${v.duplicates} duplicates, ${v.losses} losses`}`,
      );
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
