/**
 * npm run bench:recognition — how many 실업인정 filings a second one Ilteo process holds, on real
 * PostgreSQL, through HTTP (the deadline surge).
 *
 * 1. Creates a fresh database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/ilteo_bench_recognition),
 *    seeds BENCH_CLAIMANTS (default 12,000) 개인회원 with approved claims whose 1차 실업인정일 is today (or the
 *    next business day), each through the benefits service, and a session per claimant.
 * 2. Starts one Ilteo process (`ilteo serve`, its own process) and raises the arrival rate step by step
 *    (BENCH_RATES, default 10, 20, 40, 60, 80, 100, 130, 160, 200, 250 claimants/s; BENCH_STEP_SECONDS,
 *    default 10 s each), open loop: claimants arrive on schedule whether or not earlier ones are done.
 *    Each claimant opens the 실업인정 page (CSRF token, idempotency key), then files it with one 입사 지원;
 *    every 20th sends the same form twice at the same instant (two tabs, a double click).
 * 3. A step is held when its filings' p99 ≤ 500 ms, no request failed and the filings completed at ≥ 95 %
 *    of the arrival rate. It stops at the first step not held (or when the claimants run out — said so).
 *    Capacity is the highest rate held. Then checks in the database that every filing is there exactly
 *    once, and prints a table per step; --write-readme updates README.md.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { koreanCalendar, nextBusinessDay } from '../src/benefits/schedule.ts';
import { createBenefitsService } from '../src/benefits/service.ts';
import { assertNodeVersion } from '../src/config/index.ts';
import { createDatabase, dropDatabase } from '../src/db/admin.ts';
import { openDatabase } from '../src/db/index.ts';
import { migrate } from '../src/db/migrate.ts';
import { hashToken } from '../src/identity/sessions.ts';
import { httpOk, waitFor } from '../src/ops/wait.ts';
import { addDays, seoulToday } from '../src/shared/dates.ts';
import { variedFacts } from '../test/support/claims.ts';
import { publishTable } from './report.ts';

assertNodeVersion();
const URL_ = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ilteo_bench_recognition';
const CLAIMANTS = Number(process.env.BENCH_CLAIMANTS ?? 12_000);
const RATES = (process.env.BENCH_RATES ?? '10,20,40,60,80,100,130,160,200,250').split(',').map(Number);
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 23300);
const TARGET_P99_MS = 500;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function seed(): Promise<{ tokens: string[]; claims: number[]; seq: number }> {
  const server = URL_.replace(/\/[^/?]+(\?.*)?$/, '/postgres');
  const name = /\/([^/?]+)(\?.*)?$/.exec(URL_)?.[1] ?? 'ilteo_bench_recognition';
  await dropDatabase(server, name).catch(() => {});
  await createDatabase(URL_);
  const database = await openDatabase({ kind: 'postgres', url: URL_ });
  try {
    await migrate(database);
    const today = seoulToday();
    const reportDate = addDays(today, -14);
    const calendar = koreanCalendar();
    const started = performance.now();
    await database.query(
      sql`INSERT INTO accounts (kind, login_id, name, email, centre_code)
          SELECT 'seeker', 'claimant' || lpad(g::text, 6, '0'), '수급자' || g, NULL,
                 (ARRAY['seoul','seoul-gangnam','busan','daegu','incheon','gwangju','daejeon','suwon'])[1 + g % 8]
          FROM generate_series(1, ${CLAIMANTS}) g`,
    );
    await database.query(
      sql`INSERT INTO accounts (kind, login_id, name, email, centre_code) VALUES ('counsellor', 'bench.counsellor', '심사', 'c@x.kr', 'seoul')`,
    );
    const people = await database.query<{ id: number }>(
      sql`SELECT id::int AS id FROM accounts WHERE kind = 'seeker' ORDER BY id`,
    );
    const [staff] = await database.query<{ id: number }>(
      sql`SELECT id::int AS id FROM accounts WHERE kind = 'counsellor'`,
    );
    if (!staff) throw new Error('no counsellor');
    const service = createBenefitsService({ database, calendar, now: () => new Date() });
    const claims: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < people.length) {
        const person = people[next++] as { id: number };
        const { claim } = await service.fileClaim({
          claimant: { id: person.id, kind: 'seeker' },
          centreCode: 'seoul',
          idempotencyKey: randomUUID(),
          companyName: '(주)벤치물류',
          reportDate,
          facts: variedFacts(person.id, reportDate),
        });
        await service.approve({ id: staff.id, kind: 'counsellor' }, claim.id, {
          firstDate: today,
          cycleDays: 28,
          note: '',
          repeatClaimant: false,
        });
        claims[person.id] = claim.id;
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const tokens = people.map(() => randomBytes(32).toString('base64url'));
    const expires = new Date(Date.now() + 6 * 3_600_000).toISOString();
    for (let i = 0; i < people.length; i += 1000) {
      const rows = people
        .slice(i, i + 1000)
        .map((p, j) => sql`(${hashToken(tokens[i + j] as string)}, ${p.id}, 'password', ${expires}, '127.0.0.1')`);
      await database.query(
        sql`INSERT INTO sessions (id_hash, account_id, method, expires_at, ip) VALUES ${sql.join(rows, sql`, `)}`,
      );
    }
    console.error(`seeded ${people.length} claimants in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const date = nextBusinessDay(today, calendar).date;
    if (date !== today) console.error(`today is not a business day: the 1차 실업인정일 is ${date}`);
    return { tokens, claims: people.map((p) => claims[p.id] as number), seq: 1 };
  } finally {
    await database.close();
  }
}

async function serverVersion(): Promise<string> {
  const database = await openDatabase({ kind: 'postgres', url: URL_ });
  try {
    const [row] = await database.query<{ v: string }>(sql`SELECT current_setting('server_version') AS v`);
    return row?.v.split(' ')[0] ?? '?';
  } finally {
    await database.close();
  }
}

interface Sample {
  pageMs: number;
  fileMs: number;
  status: number;
  /** When the filing was answered (performance.now()). */
  done: number;
  duplicateStatus?: number;
  /** The double send was answered with the same redirect as the first. */
  sameAnswer?: boolean;
}

interface Step {
  rate: number;
  sent: number;
  /** Filings completed per second, from the step's start to its last answer. */
  achieved: number;
  page: number[];
  file: number[];
  errors: number;
  doubles: number;
  doubleErrors: number;
  held: boolean;
}

async function claimant(base: string, token: string, claimId: number, seq: number, twice: boolean): Promise<Sample> {
  const cookie = `ilteo_session=${token}`;
  const t0 = performance.now();
  const page = await fetch(`${base}/benefits/claims/${claimId}/recognitions/${seq}`, { headers: { cookie } });
  const html = await page.text();
  const pageMs = performance.now() - t0;
  const csrfCookie = (page.headers.getSetCookie?.() ?? [])
    .map((c) => c.split(';')[0])
    .find((c) => c?.startsWith('ilteo_csrf='));
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const body = new URLSearchParams({
    _csrf: csrf,
    idempotencyKey: key,
    action: 'submit',
    workedOrEarned: 'no',
    kind0: 'application',
    date0: addDays(seoulToday(), -2),
    organisation0: '(주)다온로지스',
    description0: '물류 사무원 지원',
  }).toString();
  const send = () =>
    fetch(`${base}/benefits/claims/${claimId}/recognitions/${seq}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: [cookie, csrfCookie].filter(Boolean).join('; '),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body,
    });
  const t1 = performance.now();
  // The double send goes out at the same instant as the first (two tabs, a double click).
  const [res, again] = await Promise.all([send(), twice ? send() : Promise.resolve(undefined)]);
  await res.arrayBuffer();
  const fileMs = performance.now() - t1;
  const sample: Sample = { pageMs, fileMs, status: res.status, done: performance.now() };
  if (again) {
    await again.arrayBuffer();
    sample.duplicateStatus = again.status;
    sample.sameAnswer = again.headers.get('location') === res.headers.get('location');
  }
  return sample;
}

async function main(): Promise<void> {
  const seeded = await seed();
  let app: ChildProcess | undefined;
  try {
    app = spawn(process.execPath, ['src/cli.ts', 'serve'], {
      env: {
        ...process.env,
        DATABASE_URL: URL_,
        PORT: String(PORT),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        ILTEO_RATE_LIMIT_PER_MINUTE: '0',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const base = `http://127.0.0.1:${PORT}`;
    await waitFor('Ilteo', () => httpOk(`${base}/healthz`), 60_000);
    const steps: Step[] = [];
    let next = 0;
    let ranOut = false;
    for (const rate of RATES) {
      const count = Math.round(rate * STEP_SECONDS);
      if (next + count > CLAIMANTS) {
        ranOut = true;
        break;
      }
      const gap = 1000 / rate;
      const started = performance.now();
      const runs: Promise<Sample>[] = [];
      for (let i = 0; i < count; i++) {
        const due = started + i * gap;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const n = next++;
        runs.push(
          claimant(base, seeded.tokens[n] as string, seeded.claims[n] as number, seeded.seq, n % 20 === 0).catch(
            (err: unknown) => {
              console.error(err);
              return { pageMs: Number.NaN, fileMs: Number.NaN, status: 0, done: performance.now() };
            },
          ),
        );
      }
      const samples = await Promise.all(runs);
      const last = Math.max(...samples.map((x) => x.done));
      const sorted = (xs: number[]) => xs.filter(Number.isFinite).sort((a, b) => a - b);
      const file = sorted(samples.map((x) => x.fileMs));
      const doubled = samples.filter((x) => x.duplicateStatus !== undefined);
      const step: Step = {
        rate,
        sent: count,
        achieved: count / ((last - started) / 1000),
        page: sorted(samples.map((x) => x.pageMs)),
        file,
        errors: samples.filter((x) => x.status !== 303).length,
        doubles: doubled.length,
        doubleErrors: doubled.filter((x) => x.duplicateStatus !== 303 || !x.sameAnswer).length,
        held: false,
      };
      step.held =
        step.errors === 0 &&
        step.doubleErrors === 0 &&
        percentile(file, 99) <= TARGET_P99_MS &&
        step.achieved >= 0.95 * rate;
      steps.push(step);
      console.error(
        `${rate}/s: achieved ${step.achieved.toFixed(1)}/s, p99 ${percentile(file, 99).toFixed(0)} ms, errors ${step.errors}: ${step.held ? 'held' : 'not held'}`,
      );
      if (!step.held) break;
      await new Promise((r) => setTimeout(r, 2_000)); // the queue drains before the next step
    }

    const database = await openDatabase({ kind: 'postgres', url: URL_ });
    const [counts] = await database.query<{ filed: number; activities: number; events: number }>(
      sql`SELECT (SELECT count(*)::int FROM claim_recognitions WHERE status = 'filed') AS filed,
                 (SELECT count(*)::int FROM recognition_activities) AS activities,
                 (SELECT count(*)::int FROM benefit_ledger WHERE event = 'recognition.filed') AS events`,
    );
    await database.close();
    const sent = steps.reduce((n, x) => n + x.sent, 0);
    const failedFirst = steps.reduce((n, x) => n + x.errors, 0);
    const duplicates =
      (counts?.activities ?? 0) - (counts?.filed ?? 0) + ((counts?.events ?? 0) - (counts?.filed ?? 0));
    const held = steps.filter((x) => x.held);
    const capacity = held.length ? (held[held.length - 1] as Step) : undefined;
    const fmt = (xs: number[]) =>
      `${percentile(xs, 50).toFixed(0)} / ${percentile(xs, 95).toFixed(0)} / ${percentile(xs, 99).toFixed(0)}`;
    const stopped = ranOut
      ? `멈춘 이유: 준비한 수급자 ${CLAIMANTS.toLocaleString()}명을 다 써서 다음 단계를 돌리지 못했습니다 (용량은 이보다 클 수 있습니다).`
      : steps.length === RATES.length && steps.every((x) => x.held)
        ? `멈춘 이유: 마지막 단계 ${RATES[RATES.length - 1]}/s 까지 모두 버텼습니다 (용량은 이보다 클 수 있습니다).`
        : `멈춘 이유: ${steps[steps.length - 1]?.rate}/s 에서 기준(p99 ≤ ${TARGET_P99_MS} ms, 오류 0, 도착률의 95 % 이상 처리)을 넘었습니다.`;
    const table = [
      `측정: ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'CPU'}), PostgreSQL ${counts ? await serverVersion() : '?'} (127.0.0.1), Ilteo 1 process, Node ${process.versions.node}.`,
      `도착률을 단계마다 올립니다 (단계당 ${STEP_SECONDS} s, 도착은 일정 간격, 앞 요청의 완료를 기다리지 않음). 각 수급자는 실업인정 화면을 열고 입사 지원 1건으로 신청; 20명마다 1명은 같은 양식을 동시에 두 번 보냅니다.`,
      '',
      `**용량 (버틴 가장 높은 도착률): ${capacity ? `${capacity.rate} 신청/s (실제 처리 ${capacity.achieved.toFixed(1)}/s)` : '없음 — 첫 단계부터 기준 초과'}**. ${stopped}`,
      '',
      '| 도착률 (/s) | 보냄 | 실제 처리 (/s) | 화면 p50 / p95 / p99 (ms) | 신청 POST p50 / p95 / p99 (ms) | 오류 | 동시 두 번 (건 / 다른 답) | 버팀 |',
      '|---:|---:|---:|---:|---:|---:|---:|:---:|',
      ...steps.map(
        (x) =>
          `| ${x.rate} | ${x.sent.toLocaleString()} | ${x.achieved.toFixed(1)} | ${fmt(x.page)} | ${fmt(x.file)} | ${x.errors} | ${x.doubles} / ${x.doubleErrors} | ${x.held ? '✅' : '❌'} |`,
      ),
      '',
      `데이터베이스 확인: 접수된 실업인정 ${counts?.filed.toLocaleString()} / 보낸 ${sent.toLocaleString()} (첫 요청 실패 ${failedFirst}), 중복 ${duplicates}.`,
    ].join('\n');
    await publishTable('recognition', 'recognition-surge.md', table);
  } finally {
    app?.kill('SIGTERM');
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
