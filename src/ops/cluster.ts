/**
 * The two-node PostgreSQL HA cluster for development, tests and benchmarks: one etcd member and two
 * PostgreSQL 15 nodes managed by Patroni, on loopback. `ilteo ha up | down | status` drives it; the chaos
 * suite and the failover benchmark use the same functions to kill and restart parts of it.
 *
 * Settings that matter (measured on this kind of machine; see docs/operations.md):
 * - ttl 8 / loop_wait 1 / retry_timeout 3 (loop_wait + 2 × retry_timeout ≤ ttl): a lost leader is
 *   replaced within ~8–9 s, and a lost synchronous standby is dropped within a loop or two;
 * - master_start_timeout 0: a crashed primary fails over instead of being restarted in place;
 * - synchronous_mode on, strict off: no acknowledged write is lost while both nodes run, and writes go
 *   on when one node is gone (strict mode would block every write on a two-node cluster);
 * - use_pg_rewind + use_slots: the old primary rejoins as a standby by itself.
 * Everything runs as the `postgres` user when started by root (PostgreSQL refuses root). All ports are
 * below 32768, outside the ephemeral range.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Database, openDatabase } from '../db/index.ts';
import { httpOk, waitFor } from './wait.ts';

export interface ClusterLayout {
  /** Directory holding data, logs, pid files and configuration. */
  dir: string;
  scope: string;
  etcdPort: number;
  etcdPeerPort: number;
  pgPorts: readonly [number, number];
  apiPorts: readonly [number, number];
  pgBin: string;
}

export const DEFAULT_LAYOUT: ClusterLayout = {
  dir: process.env.ILTEO_HA_DIR ?? path.join(os.tmpdir(), 'ilteo-ha'),
  scope: 'ilteo',
  etcdPort: 22379,
  etcdPeerPort: 22380,
  pgPorts: [25432, 25433],
  apiPorts: [28008, 28009],
  pgBin: process.env.ILTEO_PG_BIN ?? '/usr/lib/postgresql/15/bin',
};

export type NodeIndex = 0 | 1;
export const NODES: readonly NodeIndex[] = [0, 1];
export const nodeName = (i: NodeIndex) => `n${i + 1}`;

/** DATABASE_URL for the application: both nodes, primary required for the write pool. */
export function clusterUrl(layout: ClusterLayout = DEFAULT_LAYOUT, database = 'ilteo'): string {
  const hosts = layout.pgPorts.map((p) => `127.0.0.1:${p}`).join(',');
  return `postgres://postgres:postgres@${hosts}/${database}?target_session_attrs=primary`;
}

const RUN_AS = 'postgres';
const isRoot = () => process.getuid?.() === 0;

function runAsArgs(cmd: string, args: string[], home: string): [string, string[]] {
  if (!isRoot()) return [cmd, args];
  return ['setpriv', ['--reuid', RUN_AS, '--regid', RUN_AS, '--init-groups', 'env', `HOME=${home}`, cmd, ...args]];
}

async function chownToRunAs(target: string): Promise<void> {
  if (!isRoot()) return;
  await new Promise<void>((resolve, reject) => {
    const child = spawn('chown', ['-R', `${RUN_AS}:${RUN_AS}`, target], { stdio: 'ignore' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`chown ${target} failed (${code})`))));
    child.on('error', reject);
  });
}

const pidFile = (layout: ClusterLayout, name: string) => path.join(layout.dir, 'pid', name);

/** Starts a detached daemon in its own session, logging to <dir>/log/<name>.log; records its pid. */
async function startDaemon(layout: ClusterLayout, name: string, cmd: string, args: string[]): Promise<number> {
  const log = fs.openSync(path.join(layout.dir, 'log', `${name}.log`), 'a');
  const [c, a] = runAsArgs(cmd, args, layout.dir);
  const child = spawn(c, a, { detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const pid = await new Promise<number>((resolve, reject) => {
    child.once('spawn', () => resolve(child.pid as number));
    child.once('error', reject);
  });
  child.unref();
  await fsp.writeFile(pidFile(layout, name), String(pid));
  return pid;
}

async function readPid(file: string): Promise<number | undefined> {
  try {
    const first = (await fsp.readFile(file, 'utf8')).split('\n')[0]?.trim();
    const pid = Number(first);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signal(pid: number | undefined, sig: NodeJS.Signals): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
}

function patroniYaml(layout: ClusterLayout, i: NodeIndex): string {
  const n = nodeName(i);
  const d = layout.dir;
  return `scope: ${layout.scope}
namespace: /service/
name: ${n}
watchdog: {mode: "off"}
log: {level: WARNING}
restapi: {listen: 127.0.0.1:${layout.apiPorts[i]}, connect_address: 127.0.0.1:${layout.apiPorts[i]}}
etcd3: {hosts: 127.0.0.1:${layout.etcdPort}}
bootstrap:
  dcs:
    ttl: 8
    loop_wait: 1
    retry_timeout: 3
    master_start_timeout: 0
    maximum_lag_on_failover: 1048576
    synchronous_mode: true
    synchronous_mode_strict: false
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        wal_log_hints: 'on'
        max_connections: 100
        shared_buffers: 256MB
        wal_keep_size: 128MB
        jit: 'off'
  initdb: [{encoding: UTF8}, {locale: C.UTF-8}]
postgresql:
  listen: 127.0.0.1:${layout.pgPorts[i]}
  connect_address: 127.0.0.1:${layout.pgPorts[i]}
  data_dir: ${d}/data/${n}
  bin_dir: ${layout.pgBin}
  pgpass: ${d}/pgpass-${n}
  authentication:
    superuser: {username: postgres, password: postgres}
    replication: {username: replicator, password: replicator}
    rewind: {username: rewinder, password: rewinder}
  parameters: {unix_socket_directories: '${d}/sock'}
  pg_hba:
    - local all all trust
    - host all all 127.0.0.1/32 trust
    - host replication all 127.0.0.1/32 trust
`;
}

export interface NodeState {
  name: string;
  port: number;
  /** Patroni's view: 'primary' | 'replica' | undefined when its REST API does not answer. */
  role: 'primary' | 'replica' | undefined;
  state: string | undefined;
  /** Replication lag in bytes as Patroni reports it (replicas). */
  lagBytes: number | undefined;
  sync: boolean;
  patroniPid: number | undefined;
  postgresPid: number | undefined;
}

export async function nodeState(layout: ClusterLayout, i: NodeIndex): Promise<NodeState> {
  const base: NodeState = {
    name: nodeName(i),
    port: layout.pgPorts[i],
    role: undefined,
    state: undefined,
    lagBytes: undefined,
    sync: false,
    patroniPid: await readPid(pidFile(layout, `patroni-${nodeName(i)}`)),
    postgresPid: await readPid(path.join(layout.dir, 'data', nodeName(i), 'postmaster.pid')),
  };
  try {
    const res = await fetch(`http://127.0.0.1:${layout.apiPorts[i]}/patroni`, { signal: AbortSignal.timeout(1000) });
    const body = (await res.json()) as { role?: string; state?: string; replication_state?: string };
    const cluster = await fetch(`http://127.0.0.1:${layout.apiPorts[i]}/cluster`, { signal: AbortSignal.timeout(1000) })
      .then((r) => r.json() as Promise<{ members?: { name: string; role: string; lag?: number | string }[] }>)
      .catch(() => ({ members: [] }));
    const me = cluster.members?.find((m) => m.name === nodeName(i));
    const role = body.role === 'master' || body.role === 'primary' ? 'primary' : body.role ? 'replica' : undefined;
    return {
      ...base,
      role,
      state: body.state,
      lagBytes: typeof me?.lag === 'number' ? me.lag : undefined,
      sync: me?.role === 'sync_standby',
    };
  } catch {
    return base;
  }
}

export async function clusterState(layout: ClusterLayout = DEFAULT_LAYOUT): Promise<NodeState[]> {
  return Promise.all(NODES.map((i) => nodeState(layout, i)));
}

/** Index of the node Patroni reports as primary, if any. */
export async function primaryIndex(layout: ClusterLayout = DEFAULT_LAYOUT): Promise<NodeIndex | undefined> {
  for (const i of NODES) if (await httpOk(`http://127.0.0.1:${layout.apiPorts[i]}/primary`)) return i;
  return undefined;
}

/** Healthy = one primary and the other node streaming as synchronous standby. */
export async function isHealthy(layout: ClusterLayout = DEFAULT_LAYOUT): Promise<boolean> {
  const p = await primaryIndex(layout);
  if (p === undefined) return false;
  const other = (1 - p) as NodeIndex;
  return httpOk(`http://127.0.0.1:${layout.apiPorts[other]}/sync`);
}

export async function waitHealthy(layout: ClusterLayout = DEFAULT_LAYOUT, timeoutMs = 90_000): Promise<void> {
  await waitFor('HA 클러스터(primary + 동기 standby)', () => isHealthy(layout), timeoutMs);
}

async function startPatroni(layout: ClusterLayout, i: NodeIndex): Promise<void> {
  await startDaemon(layout, `patroni-${nodeName(i)}`, 'patroni', [path.join(layout.dir, `${nodeName(i)}.yml`)]);
}

/** Starts the etcd member (its data directory survives a stop) and waits until it is healthy. */
export async function startEtcd(layout: ClusterLayout = DEFAULT_LAYOUT): Promise<void> {
  const peer = `http://127.0.0.1:${layout.etcdPeerPort}`;
  const client = `http://127.0.0.1:${layout.etcdPort}`;
  await startDaemon(layout, 'etcd', 'etcd', [
    '--name=e1',
    `--data-dir=${layout.dir}/etcd`,
    '--log-level=warn',
    `--listen-client-urls=${client}`,
    `--advertise-client-urls=${client}`,
    `--listen-peer-urls=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
    `--initial-cluster=e1=${peer}`,
    '--initial-cluster-state=new',
  ]);
  await waitFor('etcd', () => httpOk(`${client}/health`), 20_000);
}

/** kill -9 of etcd: Patroni loses its store and demotes the primary (no primary until etcd is back). */
export async function killEtcd(layout: ClusterLayout = DEFAULT_LAYOUT): Promise<boolean> {
  return signal(await readPid(pidFile(layout, 'etcd')), 'SIGKILL');
}

/** Starts etcd and both nodes and waits until the cluster is healthy. Returns seconds taken. */
export async function up(layout: ClusterLayout = DEFAULT_LAYOUT, log: (m: string) => void = () => {}): Promise<number> {
  const t0 = performance.now();
  if (await isHealthy(layout)) return 0;
  for (const sub of ['log', 'pid', 'data', 'sock', 'etcd'])
    await fsp.mkdir(path.join(layout.dir, sub), { recursive: true });
  await fsp.chmod(path.join(layout.dir, 'data'), 0o700);
  await fsp.chmod(path.join(layout.dir, 'etcd'), 0o700);
  for (const i of NODES) await fsp.writeFile(path.join(layout.dir, `${nodeName(i)}.yml`), patroniYaml(layout, i));
  await chownToRunAs(layout.dir);

  const etcdPid = await readPid(pidFile(layout, 'etcd'));
  if (etcdPid === undefined || !isAlive(etcdPid)) {
    log('etcd 시작');
    await startEtcd(layout);
  }
  for (const i of NODES) {
    const pid = await readPid(pidFile(layout, `patroni-${nodeName(i)}`));
    if (pid === undefined || !isAlive(pid)) {
      log(`Patroni ${nodeName(i)} 시작`);
      await startPatroni(layout, i);
    }
  }
  await waitHealthy(layout);
  return (performance.now() - t0) / 1000;
}

/** Graceful stop: Patroni stops its PostgreSQL, then etcd; the directory is removed. */
export async function down(layout: ClusterLayout = DEFAULT_LAYOUT): Promise<void> {
  const patronis = await Promise.all(NODES.map((i) => readPid(pidFile(layout, `patroni-${nodeName(i)}`))));
  for (const pid of patronis) signal(pid, 'SIGTERM');
  await waitFor('Patroni 종료', async () => patronis.every((p) => p === undefined || !isAlive(p)), 60_000).catch(
    () => {},
  );
  await killAll(layout);
}

/** Fast teardown: SIGKILL every Patroni, postmaster and etcd this layout started; removes the directory. */
export async function killAll(layout: ClusterLayout = DEFAULT_LAYOUT): Promise<void> {
  for (const i of NODES) {
    signal(await readPid(pidFile(layout, `patroni-${nodeName(i)}`)), 'SIGKILL');
    signal(await readPid(path.join(layout.dir, 'data', nodeName(i), 'postmaster.pid')), 'SIGKILL');
  }
  signal(await readPid(pidFile(layout, 'etcd')), 'SIGKILL');
  await new Promise((r) => setTimeout(r, 300));
  await fsp.rm(layout.dir, { recursive: true, force: true });
}

/** kill -9 of one node's postmaster (Patroni stays up and must fail over). */
export async function killPostgres(layout: ClusterLayout, i: NodeIndex): Promise<boolean> {
  return signal(await readPid(path.join(layout.dir, 'data', nodeName(i), 'postmaster.pid')), 'SIGKILL');
}

/** kill -9 of a whole node: Patroni and its postmaster (killing Patroni alone leaves postgres running). */
export async function killNode(layout: ClusterLayout, i: NodeIndex): Promise<void> {
  const postmaster = await readPid(path.join(layout.dir, 'data', nodeName(i), 'postmaster.pid'));
  signal(await readPid(pidFile(layout, `patroni-${nodeName(i)}`)), 'SIGKILL');
  signal(postmaster, 'SIGKILL');
}

/** Graceful stop of one node (e.g. the standby for maintenance). */
export async function stopNode(layout: ClusterLayout, i: NodeIndex): Promise<void> {
  const pid = await readPid(pidFile(layout, `patroni-${nodeName(i)}`));
  signal(pid, 'SIGTERM');
  if (pid !== undefined) await waitFor(`${nodeName(i)} 종료`, async () => !isAlive(pid), 60_000);
}

/** Starts a node's Patroni again; it rejoins as a standby (pg_rewind where needed). */
export async function startNode(layout: ClusterLayout, i: NodeIndex): Promise<void> {
  const postmaster = await readPid(path.join(layout.dir, 'data', nodeName(i), 'postmaster.pid'));
  if (postmaster !== undefined && isAlive(postmaster)) signal(postmaster, 'SIGKILL'); // orphan from a Patroni kill
  await startPatroni(layout, i);
}

/**
 * Opens a database just created on the cluster. The standby replays CREATE DATABASE a moment after the
 * primary commits it, and postgres.js gives up on a multi-host URL when a host answers "database does
 * not exist" instead of trying the next one: retry for up to 10 s.
 */
export async function openCreatedDatabase(url: string, applicationName: string): Promise<Database> {
  for (let i = 0; ; i++) {
    try {
      return await openDatabase({ kind: 'postgres', url }, { applicationName });
    } catch (err) {
      if (i >= 50) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
