/**
 * Several Ilteo processes behind HAProxy, for the HA demo (`ilteo ha serve`), the chaos suite and the
 * failover benchmark. Each app process is a plain `ilteo serve` with DATABASE_URL pointing at the
 * cluster; sessions, queues and migrations live in the database, so any process can answer any request.
 *
 * HAProxy checks each process's /healthz every 500 ms, takes a dead one out after 2 failures, and
 * re-sends a request whose connection failed or that got no answer (`retry-on conn-failure
 * empty-response`) to the other process. Re-sending a POST is safe here because every write route is
 * a command that needs an idempotency key and stores its outcome with its change (src/db/commands.ts,
 * src/web/commands.ts): the re-sent request carries the same key and is answered once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { plainErrorPage, statusMessage } from '../web/errors.ts';
import { httpOk, waitFor } from './wait.ts';

const CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'cli.ts');

export interface FleetOptions {
  /** Where the HAProxy config, pid file and logs go. */
  dir: string;
  databaseUrl: string;
  /** HAProxy's public port (the address users see). */
  port: number;
  /** Ports of the app processes, one per process. */
  appPorts: readonly number[];
  logLevel?: string;
  /** Extra environment for the app processes. */
  env?: Record<string, string>;
  /** Start an app process again when it dies on its own (not through killApp or stop). */
  restartOnExit?: boolean;
}

export interface Fleet {
  url: string;
  /** The running app process on each port (undefined while one is down). */
  pids(): (number | undefined)[];
  /** kill -9 of app process i (the supervisor does not restart it: call startApp). */
  killApp(i: number): void;
  startApp(i: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * HAProxy's own answers (a request it cannot parse or whose headers are too large, a client too slow,
 * no app process answering) in Korean, like the apps' error pages: its defaults are English.
 */
const HAPROXY_ERRORS = (
  [
    [
      400,
      '요청 형식이 올바르지 않거나 요청 머리글(쿠키 등)이 너무 커서 처리할 수 없습니다. 주소를 확인하고, 계속되면 이 사이트의 쿠키를 지운 뒤 다시 시도해 주세요.',
    ],
    [408, statusMessage(408)],
    [500, statusMessage(500)],
    [502, statusMessage(503)],
    [503, statusMessage(503)],
    [504, statusMessage(503)],
  ] as const
)
  .map(
    ([status, message]) =>
      `  http-error status ${status} content-type "text/html; charset=utf-8" string "${plainErrorPage(status, message).trim()}" hdr Cache-Control no-store`,
  )
  .join('\n');

const waitHttp = (url: string, timeoutMs: number) => waitFor(url, () => httpOk(url), timeoutMs);

export function haproxyConfig(options: Pick<FleetOptions, 'port' | 'appPorts' | 'dir'>): string {
  const servers = options.appPorts.map((p, i) => `  server app${i + 1} 127.0.0.1:${p} check`).join('\n');
  return `global
  maxconn 4096
  pidfile ${options.dir}/haproxy.pid

defaults
  mode http
  option httplog
  timeout connect 2s
  timeout client 60s
  timeout server 40s
  timeout http-request 10s
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response
${HAPROXY_ERRORS}

frontend ilteo
  bind 127.0.0.1:${options.port}
  # The client's address as HAProxy saw it, never what the client wrote: its own X-Forwarded-For (and
  # -Host, -Proto) are dropped before HAProxy adds the one entry the apps believe.
  http-request del-header X-Forwarded-For
  http-request del-header X-Forwarded-Host
  http-request del-header X-Forwarded-Proto
  http-request del-header Forwarded
  option forwardfor
  default_backend apps

backend apps
  balance roundrobin
  option httpchk GET /healthz
  http-check expect status 200
  # A process that refuses connections is down after two checks (1 s); one that is only slow under load
  # keeps serving: a check may take 2 s (the default is the 500 ms interval, and at twice a 고용24 day's
  # load both apps were once marked down together for a queue of a few hundred ms: 503 for everyone).
  timeout check 2s
  default-server inter 500ms fall 2 rise 2
${servers}
`;
}

async function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Starts the app processes (migrations must already be applied) and HAProxy in front of them. */
export async function startFleet(options: FleetOptions): Promise<Fleet> {
  await fsp.mkdir(options.dir, { recursive: true });
  const apps: (ChildProcess | undefined)[] = options.appPorts.map(() => undefined);
  let stopping = false;
  const killedOnPurpose = new Set<ChildProcess>();

  const startApp = async (i: number) => {
    const log = fs.openSync(path.join(options.dir, `app${i + 1}.log`), 'a');
    const child = spawn(process.execPath, [CLI, 'serve'], {
      env: {
        ...process.env,
        // The apps sit behind HAProxy on 127.0.0.1: the client's address is the X-Forwarded-For entry
        // HAProxy wrote (it replaces whatever the client sent), and only that one hop is believed.
        ILTEO_TRUST_PROXY: '127.0.0.1',
        ILTEO_TRUST_PROXY_HOPS: '1',
        ...options.env,
        DATABASE_URL: options.databaseUrl,
        HOST: '127.0.0.1',
        PORT: String(options.appPorts[i]),
        LOG_LEVEL: options.logLevel ?? 'warn',
      },
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    apps[i] = child;
    child.once('exit', () => {
      if (options.restartOnExit && !stopping && !killedOnPurpose.has(child) && apps[i] === child)
        setTimeout(() => void startApp(i).catch(() => {}), 1_000);
    });
    await waitHttp(`http://127.0.0.1:${options.appPorts[i]}/healthz`, 60_000);
  };

  await Promise.all(options.appPorts.map((_, i) => startApp(i)));
  const configFile = path.join(options.dir, 'haproxy.cfg');
  await fsp.writeFile(configFile, haproxyConfig(options));
  const haproxyLog = fs.openSync(path.join(options.dir, 'haproxy.log'), 'a');
  const haproxy = spawn('haproxy', ['-db', '-f', configFile], { stdio: ['ignore', haproxyLog, haproxyLog] });
  fs.closeSync(haproxyLog);
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitHttp(`${url}/healthz`, 20_000);
  } catch (err) {
    await Promise.all([stopChild(haproxy), ...apps.map((a) => stopChild(a))]);
    throw err;
  }

  return {
    url,
    pids: () => apps.map((a) => (a && a.exitCode === null && a.signalCode === null ? a.pid : undefined)),
    killApp(i) {
      const child = apps[i];
      if (!child) return;
      killedOnPurpose.add(child);
      child.kill('SIGKILL');
    },
    startApp,
    async stop() {
      stopping = true;
      await stopChild(haproxy);
      await Promise.all(apps.map((a) => stopChild(a)));
    },
  };
}

/**
 * Lines an app process wrote outside pino (a crash's stack trace, Node's own warnings): printed by the
 * chaos suite after a run, so a failure in CI says why a process died.
 */
export async function crashLines(dir: string): Promise<string[]> {
  const files = (await fsp.readdir(dir).catch(() => [] as string[])).filter((f) => /^app\d+\.log$/.test(f));
  const out: string[] = [];
  for (const f of files) {
    const text = await fsp.readFile(path.join(dir, f), 'utf8').catch(() => '');
    const lines = text.split('\n').filter((l) => l.trim() && !l.startsWith('{') && !l.includes('에서 실행 중입니다'));
    if (lines.length) out.push(`${f}:`, ...lines.slice(0, 40));
  }
  return out;
}
