import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import {
  type AppDb,
  type CallOptions,
  type Database,
  DatabaseOpenError,
  type NodeStatus,
  SNAPSHOT,
  setLocal,
  snapshotReader,
} from './database.ts';
import {
  classifyError,
  DatabaseUnavailableError,
  DEFAULT_RETRY,
  type RetryHooks,
  type RetryPolicy,
  withRetry,
} from './failover.ts';
import { schema } from './schema.ts';
import { WritePauseTracker } from './write-pauses.ts';

export interface PostgresOptions {
  /** Pool size per process. */
  max?: number;
  /** Application name shown in pg_stat_activity. */
  applicationName?: string;
}

/**
 * postgres.js accepts multi-host URLs (postgres://h1:p1,h2:p2/db). Its `read-write` session attribute
 * is unreliable against PostgreSQL 15 hot standbys (it was measured connecting to a standby), so a
 * URL asking for `read-write` is served with `primary`, which checks pg_is_in_recovery().
 */
export function normaliseUrl(url: string): { url: string; targetSessionAttrs?: 'primary' } {
  const match = /[?&]target_session_attrs=([^&]+)/.exec(url);
  if (!match) return { url };
  const value = decodeURIComponent(match[1] ?? '');
  const stripped = url.replace(/([?&])target_session_attrs=[^&]+&?/, '$1').replace(/[?&]$/, '');
  if (value === 'read-write' || value === 'primary') return { url: stripped, targetSessionAttrs: 'primary' };
  if (value === 'any') return { url: stripped };
  throw new DatabaseOpenError(
    `DATABASE_URL의 target_session_attrs=${value} 는 지원하지 않습니다. read-write, primary 또는 any 를 쓰세요.`,
  );
}

function copyEscape(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export interface PostgresOpenOptions extends PostgresOptions {
  retry?: RetryPolicy;
  /**
   * Open even when no node answers yet (an app process starting during a full outage): the pools
   * connect on first use. Without it, an unreachable database is a DatabaseOpenError.
   */
  lazy?: boolean;
  log?: (event: { msg: string; attempt?: number; kind?: string; error?: string }) => void;
}

type Sql = ReturnType<typeof postgres>;

/** How long opening waits for a node to answer its first query. */
const OPEN_TIMEOUT_S = 5;

/** Host list of a (multi-host) URL, for per-node status checks. */
export function hostsOf(url: string): string[] {
  const m = /^postgres(?:ql)?:\/\/(?:[^@/]*@)?([^/?]*)/.exec(url);
  return (m?.[1] ?? '').split(',').filter(Boolean);
}

const rowsOf = <T>(result: unknown): T[] => Array.from(result as T[]);

/**
 * PostgreSQL through postgres.js, failover-aware:
 * - the write pool connects to the primary only (`target_session_attrs=primary`);
 * - the read pool prefers a standby and falls back to the primary (`prefer-standby`);
 * - every call is retried at its boundary through a failover until a deadline (src/db/failover.ts);
 * - a connection that finds itself on a standby (25006, after a switchover) recycles the write pool.
 */
export async function openPostgres(rawUrl: string, options: PostgresOpenOptions = {}): Promise<Database> {
  const { url, targetSessionAttrs } = normaliseUrl(rawUrl);
  const hosts = hostsOf(url);
  const pools = new Pools(url, hosts, targetSessionAttrs, options);
  // Lazy (a start during a full outage): the pools connect on first use, nothing is awaited here.
  if (!options.lazy) await pools.reachable();
  const calls = failoverCalls(pools, options.retry ?? DEFAULT_RETRY, options.log);
  return postgresDatabase(pools, calls, () => Promise.all(hosts.map((h) => nodeStatus(url, h))));
}

type Log = PostgresOpenOptions['log'];

/** The two pools: writes on the primary (replaced after a switchover), reads preferring a standby. */
class Pools {
  writer: Sql;
  writerDb: AppDb;
  readonly reader: Sql;
  readonly readerDb: AppDb;
  /** While the read pool is failing, reads go to the write pool (see failoverCalls). */
  readerDown = false;
  closed = false;
  recycling: Promise<void> | undefined;
  readonly #make: () => Sql;
  readonly #url: string;
  readonly #log: Log;

  constructor(
    url: string,
    hosts: readonly string[],
    targetSessionAttrs: 'primary' | undefined,
    options: PostgresOptions & { log?: Log },
  ) {
    const base = {
      onnotice: () => {},
      connect_timeout: 5,
      // JIT compilation costs 5–30 ms per query and pays off only for long analytics, never here.
      connection: { application_name: options.applicationName ?? 'ilteo', jit: 'off' },
    } as const;
    this.#url = url;
    this.#log = options.log;
    this.#make = () =>
      postgres(url, {
        ...base,
        max: options.max ?? 10,
        ...(targetSessionAttrs ? { target_session_attrs: targetSessionAttrs } : {}),
      });
    this.writer = this.#make();
    this.writerDb = drizzle(this.writer, { schema }) as unknown as AppDb;
    // With one host there is nothing to prefer: the read pool is a second pool on the same server.
    this.reader = postgres(url, {
      ...base,
      max: options.max ?? 10,
      ...(hosts.length > 1 ? { target_session_attrs: 'prefer-standby' as const } : {}),
    });
    this.readerDb = drizzle(this.reader, { schema }) as unknown as AppDb;
  }

  /** Waits for a node to answer (bounded), else ends the pools and throws DatabaseOpenError. */
  async reachable(): Promise<void> {
    try {
      // With every host refusing, postgres.js keeps cycling through a multi-host URL: bound the wait.
      await bounded(this.writer`select 1`, OPEN_TIMEOUT_S * 1000, `${OPEN_TIMEOUT_S}초 안에 응답하는 노드가 없습니다`);
    } catch (err) {
      await Promise.all([this.writer.end({ timeout: 1 }), this.reader.end({ timeout: 1 })]);
      const safeUrl = this.#url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
      throw new DatabaseOpenError(`PostgreSQL(${safeUrl})에 연결할 수 없습니다: ${(err as Error).message}`, {
        cause: err,
      });
    }
  }

  /** Replaces the write pool (its connections may sit on a demoted primary); ends the old one softly. */
  recycleWriter(): Promise<void> {
    this.recycling ??= (async () => {
      const old = this.writer;
      this.writer = this.#make();
      this.writerDb = drizzle(this.writer, { schema }) as unknown as AppDb;
      await old.end({ timeout: 5 }).catch(() => {});
    })().finally(() => {
      this.recycling = undefined;
    });
    return this.recycling;
  }

  /**
   * The read pool failed: reads go to the write pool, and a background probe (not a citizen's request)
   * finds out when the read pool answers again.
   */
  markReaderDown(): void {
    if (this.readerDown || this.closed) return;
    this.readerDown = true;
    this.#log?.({ msg: 'database read pool failing: reads go to the primary until it answers again' });
    void (async () => {
      while (!this.closed && this.readerDown) {
        try {
          await bounded(this.reader`select 1`, 5_000, 'read pool probe timed out');
          this.readerDown = false;
          this.#log?.({ msg: 'database read pool answers again' });
        } catch {
          await new Promise((r) => setTimeout(r, 2_000));
        }
      }
    })();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.recycling;
    await Promise.all([this.writer.end({ timeout: 5 }), this.reader.end({ timeout: 5 })]);
  }
}

/** `probe`, or a rejection after `ms`; a probe given up on may fail later without an unhandled rejection. */
async function bounded(probe: Promise<unknown>, ms: number, message: string): Promise<void> {
  probe.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

type Calls = ReturnType<typeof failoverCalls>;

/** Every call through withRetry: writes on the write pool, reads alternating between the pools. */
function failoverCalls(pools: Pools, policy: RetryPolicy, log: Log) {
  const pauses = new WritePauseTracker();
  const hooks = (pool: 'write' | 'read', began = Date.now()): RetryHooks => ({
    onRetry: async ({ attempt, kind, error }) => {
      if (pool === 'write') pauses.failed(began, kind);
      log?.({ msg: `database ${pool} retry`, attempt, kind, error: String((error as Error)?.message ?? error) });
      if (pool === 'write' && kind === 'read-only') await pools.recycleWriter();
    },
  });
  const within = (p: RetryPolicy, deadlineMs: number | undefined): RetryPolicy =>
    deadlineMs === undefined ? p : { ...p, deadlineMs: Math.min(p.deadlineMs, deadlineMs) };
  const onWriter = async <T>(fn: (db: AppDb) => Promise<T>, deadlineMs?: number) => {
    const began = Date.now();
    try {
      const result = await withRetry(
        'write',
        () => fn(pools.writerDb),
        within(policy, deadlineMs),
        hooks('write', began),
      );
      pauses.succeededAfter(began, Date.now());
      return result;
    } catch (err) {
      // A constraint violation or a bug is an answer from the primary: writes are possible again.
      // Given up on (the deadline, without a retry that said why): no primary took it.
      if (err instanceof DatabaseUnavailableError) pauses.failed(began, 'connection');
      else if (classifyError(err) === 'fatal') pauses.succeeded(Date.now());
      throw err;
    }
  };
  // A read attempt is abandoned after 5 s (see RetryPolicy.attemptMs), and retries alternate between the
  // read pool and the write pool: when a standby shuts down, the read pool's new connections can hang on
  // it (postgres.js multi-host), while the write pool's connections to the primary keep working.
  const readPolicy = { attemptMs: 5_000, ...policy };
  const onReader = <T>(fn: (db: AppDb) => Promise<T>, deadlineMs?: number) => {
    let n = 0;
    let onReadPool = false;
    const readHooks = hooks('read');
    return withRetry(
      'read',
      () => {
        onReadPool = !pools.readerDown && n++ % 2 === 0;
        return fn(onReadPool ? pools.readerDb : pools.writerDb);
      },
      within(readPolicy, deadlineMs),
      {
        ...readHooks,
        onRetry: async (info) => {
          if (onReadPool) pools.markReaderDown();
          await readHooks.onRetry?.(info);
        },
      },
    );
  };
  return { onWriter, onReader, pauses };
}

function postgresDatabase(pools: Pools, calls: Calls, nodes: () => Promise<NodeStatus[]>): Database {
  const { onWriter, onReader, pauses } = calls;
  return {
    kind: 'postgres',
    get db() {
      return pools.writerDb;
    },
    query: <T extends Record<string, unknown>>(query: SQL, options?: CallOptions) =>
      onWriter(async (db) => rowsOf<T>(await db.execute(query)), options?.deadlineMs),
    read: <T extends Record<string, unknown>>(query: SQL, options?: CallOptions) =>
      onReader(async (db) => rowsOf<T>(await db.execute(query)), options?.deadlineMs),
    readWithSettings: <T extends Record<string, unknown>>(
      settings: Readonly<Record<string, string>>,
      query: SQL,
      options?: CallOptions,
    ) =>
      onReader(
        (db) =>
          db.transaction(async (tx) => {
            await tx.execute(setLocal(settings));
            return rowsOf<T>(await tx.execute(query));
          }),
        options?.deadlineMs,
      ),
    readSnapshot: (fn, options) =>
      onReader(
        (db) => db.transaction(async (tx) => fn(snapshotReader(async (q) => rowsOf(await tx.execute(q)))), SNAPSHOT),
        options?.deadlineMs,
      ),
    transaction: (fn, transactionOptions) =>
      onWriter(
        (db) => db.transaction(async (tx) => fn({ query: async (q) => rowsOf(await tx.execute(q)) })),
        transactionOptions?.deadlineMs,
      ),
    nodes,
    takeWritePauses: () => pauses.take(),
    async copyRows(table, columns, rows) {
      if (rows.length === 0) return;
      const writable = await pools.writer.unsafe(`COPY ${table} (${columns.join(',')}) FROM STDIN`).writable();
      async function* lines() {
        for (const row of rows) yield `${row.map(copyEscape).join('\t')}\n`;
      }
      await pipeline(Readable.from(lines()), writable);
    },
    async withAdvisoryLock(key, fn) {
      const reserved = await pools.writer.reserve();
      try {
        await reserved`select pg_advisory_lock(${key})`;
        try {
          return await fn();
        } finally {
          await reserved`select pg_advisory_unlock(${key})`;
        }
      } finally {
        reserved.release();
      }
    },
    close: () => pools.close(),
  };
}

/** One server's role and replication state, on a short-lived connection of its own. */
async function nodeStatus(url: string, host: string): Promise<NodeStatus> {
  const single = url.replace(/^(postgres(?:ql)?:\/\/(?:[^@/]*@)?)[^/?]*/, `$1${host}`);
  const one = postgres(single, { max: 1, connect_timeout: 2, idle_timeout: 1, onnotice: () => {} });
  try {
    const [me] = await one<{ standby: boolean; lag: number | null }[]>`
      SELECT pg_is_in_recovery() AS standby,
             CASE WHEN pg_is_in_recovery() THEN extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END AS lag`;
    if (me?.standby) return { address: host, reachable: true, role: 'standby', replayLagSeconds: me.lag };
    const replicas = await one<
      { address: string; state: string; syncState: string; replayLagSeconds: number | null }[]
    >`
      SELECT coalesce(client_addr::text, 'local') || ' ' || application_name AS address, state, sync_state AS "syncState",
             extract(epoch FROM replay_lag)::float8 AS "replayLagSeconds"
      FROM pg_stat_replication`;
    return { address: host, reachable: true, role: 'primary', replicas: [...replicas] };
  } catch (err) {
    return { address: host, reachable: false, role: undefined, error: (err as Error).message };
  } finally {
    await one.end({ timeout: 1 }).catch(() => {});
  }
}
