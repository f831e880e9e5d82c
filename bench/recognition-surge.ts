/**
 * npm run bench:recognition — the 실업인정 deadline surge on real PostgreSQL, through HTTP.
 *
 * 1. Creates a fresh database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/ilteo_bench_recognition),
 *    seeds BENCH_CLAIMANTS (default 5,000) 개인회원 with approved claims whose 1차 실업인정일 is today (or the
 *    next business day), each through the benefits service, and a session per claimant.
 * 2. Starts one Ilteo process (`ilteo serve`, its own process) and lets every claimant arrive within
 *    BENCH_SECONDS (default 120 s; the target is 5,000 within 10 minutes, so this is 5× denser): open
 *    the 실업인정 page (CSRF token, idempotency key), then send the form with one 입사 지원. 5 % of
 *    claimants send the same form twice, as a double click would.
 * 3. Checks every claimant's 실업인정 is filed exactly once, and prints a Markdown table (p50/p95/p99 of
 *    the page and the filing, throughput, errors, duplicates); --write-readme updates README.md.
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
const CLAIMANTS = Number(process.env.BENCH_CLAIMANTS ?? 5_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 120);
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

interface Sample {
  pageMs: number;
  fileMs: number;
  status: number;
  duplicateStatus?: number;
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
  const res = await send();
  await res.arrayBuffer();
  const fileMs = performance.now() - t1;
  const sample: Sample = { pageMs, fileMs, status: res.status };
  if (twice) {
    const again = await send();
    await again.arrayBuffer();
    sample.duplicateStatus = again.status;
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
    const gap = (SECONDS * 1000) / CLAIMANTS;
    const started = performance.now();
    const runs: Promise<Sample>[] = [];
    for (let i = 0; i < CLAIMANTS; i++) {
      const due = started + i * gap;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      runs.push(
        claimant(base, seeded.tokens[i] as string, seeded.claims[i] as number, seeded.seq, i % 20 === 0).catch(
          (err: unknown) => {
            console.error(err);
            return { pageMs: Number.NaN, fileMs: Number.NaN, status: 0 };
          },
        ),
      );
    }
    const samples = await Promise.all(runs);
    const elapsed = (performance.now() - started) / 1000;

    const database = await openDatabase({ kind: 'postgres', url: URL_ });
    const [counts] = await database.query<{ filed: number; activities: number; events: number; claims: number }>(
      sql`SELECT (SELECT count(*)::int FROM claim_recognitions WHERE status = 'filed') AS filed,
                 (SELECT count(*)::int FROM recognition_activities) AS activities,
                 (SELECT count(*)::int FROM benefit_ledger WHERE event = 'recognition.filed') AS events,
                 (SELECT count(DISTINCT claim_id)::int FROM claim_recognitions WHERE status = 'filed') AS claims`,
    );
    await database.close();
    const errors = samples.filter((s) => s.status !== 303).length;
    const duplicateErrors = samples.filter((s) => s.duplicateStatus !== undefined && s.duplicateStatus !== 303).length;
    const duplicates =
      (counts?.activities ?? 0) - (counts?.filed ?? 0) + ((counts?.events ?? 0) - (counts?.filed ?? 0));
    const page = samples
      .map((s) => s.pageMs)
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    const file = samples
      .map((s) => s.fileMs)
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    const fmt = (xs: number[]) =>
      `${percentile(xs, 50).toFixed(0)} / ${percentile(xs, 95).toFixed(0)} / ${percentile(xs, 99).toFixed(0)}`;
    const ok =
      errors === 0 &&
      duplicates === 0 &&
      duplicateErrors === 0 &&
      counts?.filed === CLAIMANTS &&
      percentile(file, 99) <= TARGET_P99_MS;
    const table = [
      `측정: ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'CPU'}), PostgreSQL 15 (127.0.0.1), Ilteo 1 process, Node ${process.versions.node}.`,
      `${CLAIMANTS.toLocaleString()} claimants arriving evenly over ${SECONDS} s (the target is within 10 minutes); each opens the 실업인정 page, then files it with one activity; every 20th sends the same form twice.`,
      '',
      '| 항목 | 값 |',
      '|---|---:|',
      `| 걸린 시간 | ${elapsed.toFixed(1)} s |`,
      `| 처리량 | ${(CLAIMANTS / elapsed).toFixed(1)} 신청/s |`,
      `| 실업인정 페이지 p50 / p95 / p99 | ${fmt(page)} ms |`,
      `| 실업인정 신청 (POST) p50 / p95 / p99 | ${fmt(file)} ms |`,
      `| 오류 | ${errors} |`,
      `| 중복 신청 (같은 양식 두 번: ${samples.filter((s) => s.duplicateStatus !== undefined).length}건) | ${duplicates} 중복, ${duplicateErrors} 오류 |`,
      `| 접수된 실업인정 | ${counts?.filed.toLocaleString()} / ${CLAIMANTS.toLocaleString()} |`,
      `| 목표 (p99 ≤ ${TARGET_P99_MS} ms, 오류 0, 중복 0) | ${ok ? '✅' : '❌'} |`,
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
