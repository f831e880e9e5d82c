/**
 * npm run bench:status-detect — how fast the status page shows a sign-in provider going down and
 * coming back, with the shipped settings (issue 21).
 *
 * Two app processes behind HAProxy on PostgreSQL (BENCH_DATABASE_URL, default the local server on
 * 127.0.0.1:5432, a fresh `ilteo_bench_status_detect`), two real OpenID Connect providers (카카오, 네이버:
 * `ilteo dev-idp` processes). BENCH_FAULTS times (default 10) of each kind, 카카오 is
 * - kill: killed with SIGKILL (connections refused), then started again;
 * - hang: stopped with SIGSTOP (connections accepted, never answered), then continued with SIGCONT.
 * Both app processes' /status.json are polled every 200 ms (directly, not through HAProxy): detection
 * is from the fault until both show the 로그인 service not 정상, recovery from the provider answering again (the
 * restarted process listening, or the stopped one continued) until both show it 정상 again (each waited for up to 30 s; a miss is counted, not averaged). Also the
 * longest time the two processes showed different states. --write-readme replaces the table between
 * the bench:status-detect markers.
 */
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { assertNodeVersion } from '../src/config/index.ts';
import { createDatabase, dropDatabase } from '../src/db/admin.ts';
import { openDatabase } from '../src/db/index.ts';
import { migrate } from '../src/db/migrate.ts';
import type { DevIdpProcess } from '../src/identity/demo.ts';
import { startFleet } from '../src/ops/fleet.ts';
import { killIdp, planIdps, startIdps } from '../test/support/idp.ts';
import { percentile, publishTable } from './report.ts';

assertNodeVersion();
const FAULTS = Number(process.env.BENCH_FAULTS ?? 10);
const URL_ = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ilteo_bench_status_detect';
const NAME = /\/([^/?]+)(\?.*)?$/.exec(URL_)?.[1] ?? 'ilteo_bench_status_detect';
const APP_PORTS = [23201, 23202] as const;
const PUBLIC_PORT = 23200;
const WAIT_MS = 30_000;
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The 로그인 service's state on each app process. */
async function loginStates(): Promise<string[]> {
  return Promise.all(
    APP_PORTS.map(async (port) => {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/status.json`, { signal: AbortSignal.timeout(2_000) });
        const body = (await res.json()) as { services: { id: string; state: string }[] };
        return body.services.find((s) => s.id === 'login')?.state ?? 'unknown';
      } catch {
        return 'no-answer';
      }
    }),
  );
}

/** Ms from `from` until both processes pass `want` (null: not within 30 s), and the longest disagreement. */
async function shown(want: (state: string) => boolean, from: number): Promise<{ ms: number | null; apartMs: number }> {
  let apartSince: number | undefined;
  let apartMs = 0;
  while (performance.now() - from < WAIT_MS) {
    const states = await loginStates();
    const now = performance.now();
    if (states[0] !== states[1]) {
      apartSince ??= now;
      apartMs = Math.max(apartMs, now - apartSince);
    } else apartSince = undefined;
    if (states.every(want)) return { ms: now - from, apartMs };
    await settle(200);
  }
  return { ms: null, apartMs };
}

type Kind = 'kill' | 'hang';
interface Sample {
  detectedMs: number | null;
  recoveredMs: number | null;
  apartMs: number;
}

async function main() {
  await dropDatabase(URL_, NAME);
  await createDatabase(URL_);
  const database = await openDatabase({ kind: 'postgres', url: URL_ }, { applicationName: 'ilteo-bench' });
  await migrate(database);
  const [version] = await database.query<{ v: string }>(sql`SELECT current_setting('server_version') AS v`);
  await database.close();

  const planned = await planIdps();
  const origin = `http://127.0.0.1:${PUBLIC_PORT}`;
  const idps: DevIdpProcess[] = await startIdps(planned, origin);
  const fleet = await startFleet({
    dir: path.resolve('data', 'bench-status-detect'),
    databaseUrl: URL_,
    port: PUBLIC_PORT,
    appPorts: APP_PORTS,
    // The shipped status and provider settings: nothing but the providers themselves is configured.
    env: { ILTEO_OIDC_PROVIDERS: JSON.stringify(planned.map((p) => p.config)) },
  });
  const samples: Record<Kind, Sample[]> = { kill: [], hang: [] };
  const operational = (s: string) => s === 'operational';
  const hurt = (s: string) => s !== 'operational' && s !== 'no-answer' && s !== 'unknown';
  const at = idps.findIndex((i) => i.provider.id === 'kakao');
  const plan = planned.find((p) => p.config.id === 'kakao');
  try {
    if (at < 0 || !plan) throw new Error('no 카카오 provider planned');
    if ((await shown(operational, performance.now())).ms === null) throw new Error('not 정상 at the start');
    for (const kind of ['kill', 'hang'] as const) {
      for (let i = 1; i <= FAULTS; i++) {
        // A random moment within one check interval, so faults do not line up with the checks.
        await settle(3_000 + Math.random() * 4_000);
        const idp = idps[at] as DevIdpProcess;
        const faultAt = performance.now();
        if (kind === 'kill') await killIdp(idp);
        else idp.child.kill('SIGSTOP');
        const down = await shown(hurt, faultAt);
        if (kind === 'kill') {
          const [again] = await startIdps([plan], origin);
          if (!again) throw new Error('카카오 did not start again');
          idps[at] = again;
        } else idp.child.kill('SIGCONT');
        // From when it answers again (a restarted provider listening; a continued one at once).
        const backAt = performance.now();
        const back = await shown(operational, backAt);
        samples[kind].push({
          detectedMs: down.ms,
          recoveredMs: back.ms,
          apartMs: Math.max(down.apartMs, back.apartMs),
        });
        const s = (ms: number | null) => (ms === null ? '(not shown in 30 s)' : `${(ms / 1000).toFixed(1)} s`);
        console.error(`${kind} ${i}/${FAULTS}: on /status after ${s(down.ms)}, recovery after ${s(back.ms)}`);
      }
    }
  } finally {
    await fleet.stop();
    for (const idp of idps) {
      idp.child.kill('SIGCONT');
      await killIdp(idp);
    }
  }
  const secs = (values: (number | null)[]) => {
    const v = values.filter((x): x is number => x !== null);
    return v.length ? `${(percentile(v, 50) / 1000).toFixed(1)} / ${(Math.max(...v) / 1000).toFixed(1)}` : '–';
  };
  const rows = (['kill', 'hang'] as const).map((kind) => {
    const label = kind === 'kill' ? '카카오 제공자 kill -9 (연결 거부)' : '카카오 제공자 SIGSTOP (응답 없음)';
    const d = samples[kind].map((x) => x.detectedMs);
    const r = samples[kind].map((x) => x.recoveredMs);
    const within = d.filter((x) => x !== null && x <= 10_000).length;
    const recWithin = r.filter((x) => x !== null && x <= 15_000).length;
    const apart = Math.max(0, ...samples[kind].map((x) => x.apartMs));
    return `| ${label} | ${d.length} | ${secs(d)} | ${d.filter((x) => x === null).length} | ${within === d.length ? '✅' : '❌'} ${within}/${d.length} ≤ 10 s | ${secs(r)} | ${recWithin === r.length ? '✅' : '❌'} ${recWithin}/${r.length} ≤ 15 s | ${(apart / 1000).toFixed(1)} |`;
  });
  const table = [
    `측정: ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'CPU'}), PostgreSQL ${version?.v ?? '?'}, 2 app processes behind HAProxy, Node ${process.versions.node}, 배포 기본 설정 (제공자 확인 4초 ±20%, 바뀐 결과는 1초 뒤 재확인, 3번 중 2번 실패로 확정). 감지: 장애를 낸 때부터 두 앱 프로세스의 \`/status.json\` 모두에서 로그인 서비스가 정상이 아니게 될 때까지; 복구: 제공자가 다시 응답하게 된 때(다시 띄운 프로세스가 연결을 받거나, 멈춘 프로세스를 이어 가게 한 때)부터 둘 다 정상일 때까지 (200 ms마다 확인, 30초까지).`,
    '',
    '| 장애 | 횟수 | 감지 p50 / max (s) | 감지 못 함 | 10초 안 | 복구 표시 p50 / max (s) | 15초 안 | 두 프로세스가 다르게 보인 최장 (s) |',
    '|---|---:|---:|---:|:---:|---:|:---:|---:|',
    ...rows,
  ].join('\n');
  await publishTable('status-detect', 'status-detect.md', table);
  await dropDatabase(URL_, NAME);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
