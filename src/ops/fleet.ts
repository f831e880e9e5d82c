/**
 * Several Ilteo processes behind HAProxy, for the HA demo (`ilteo ha serve`), the chaos suite and the
 * failover benchmark. Each app process is a plain `ilteo serve` with DATABASE_URL pointing at the
 * cluster; sessions, queues and migrations live in the database, so any process can answer any request.
 *
 * HAProxy checks each process's /healthz every 500 ms, takes a dead one out after 2 failures, and
 * re-sends a request whose connection failed or that got no answer (`retry-on conn-failure
 * empty-response`) to the other process. Re-sending a POST is safe here because every write carries
 * an idempotency key (see src/db/failover.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

frontend ilteo
  bind 127.0.0.1:${options.port}
  option forwardfor
  default_backend apps

backend apps
  balance roundrobin
  option httpchk GET /healthz
  http-check expect status 200
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
        // The apps sit behind HAProxy: the client's address comes in X-Forwarded-For.
        ILTEO_TRUST_PROXY: 'true',
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
