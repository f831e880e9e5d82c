/**
 * The one write path. Every state-changing request runs as a *command*: one transaction on the
 * primary that holds
 *   1. a claim on (actor, idempotency key) in `command_outcomes`,
 *   2. the change itself — every `database.query` / `database.transaction` / `database.read` that the
 *      services make while the command runs lands in this same transaction (an AsyncLocalStorage
 *      scope), audit rows included, and
 *   3. the outcome the request is answered with (a redirect, a JSON body, a receipt).
 * So a repeat with the same key — a double click, HAProxy re-sending a POST whose process died, the
 * failover layer retrying a transaction whose COMMIT reply was lost, a journal replayed after an outage —
 * finds the claim and answers with the stored outcome, changing nothing; the same key with another
 * request is refused (422). Nothing that did not commit is answered as done, and a 503 means "not
 * written": an attempt still queued or running when the deadline passes is fenced off (every statement
 * and the COMMIT check the fence), and the one case that cannot be known — the COMMIT was on the wire
 * when the deadline passed — is answered as such (CommandOutcomeUnknownError), never as "not written".
 *
 * Route handlers of unsafe methods run inside a write-handler scope (src/web/commands.ts): there, a
 * statement outside a command runs in a READ ONLY transaction, and a write refused by it is a
 * WriteOutsideCommandError — a programming error, answered 500 and logged — so no handler can write
 * around the command path. Background jobs (status, alerts, replay) are not in that scope.
 *
 * See docs/decisions/0008-commands.md.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHmac } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type { CallOptions, Database, SnapshotRead, TransactionOptions, Tx } from './database.ts';
import { DatabaseUnavailableError } from './failover.ts';

/** A JSON value, as stored in `command_outcomes.outcome`. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

/** What one command is: who sent it, the key they sent, what it is and a fingerprint of the request. */
export interface CommandRequest {
  /** 'account:<id>' for a signed-in person, 'public' before signing in. */
  actor: string;
  key: string;
  /** The route's declared command name. */
  command: string;
  /** Any JSON description of the request (method, path, body without key and CSRF token). */
  request: Json;
}

export interface CommandResult<T extends Json> {
  outcome: T;
  /** True when this answer is the stored outcome of an earlier request with the same key. */
  repeated: boolean;
}

/** The same key was sent with another request: refused without a change. */
export class CommandKeyConflictError extends Error {
  constructor() {
    super('같은 요청 번호로 다른 내용이 이미 처리되었습니다. 화면을 새로 고친 뒤 다시 시도해 주세요.');
    this.name = 'CommandKeyConflictError';
  }
}

/**
 * The deadline passed while the COMMIT was on the wire: it may have landed. Answered 503 with a
 * message that says so — sending the same form again (same key) is answered once, either way.
 */
export class CommandOutcomeUnknownError extends DatabaseUnavailableError {
  constructor(options: { cause?: unknown } = {}) {
    super(
      '처리되었는지 아직 확인하지 못했습니다. 잠시 후 같은 화면에서 다시 보내 주시면 한 번만 처리됩니다. 새로 작성하지 마세요.',
      'write',
      options,
    );
    this.name = 'CommandOutcomeUnknownError';
  }
}

/** A statement outside a command wrote from a write handler: a bug in that handler, never retried. */
export class WriteOutsideCommandError extends Error {
  constructor(route: string) {
    super(`write outside a command in ${route}: wrap the change in request.command()`);
    this.name = 'WriteOutsideCommandError';
  }
}

/** An attempt that ran on after its command had been answered 503: stopped before it could write. */
class FencedOffError extends Error {
  constructor() {
    super('command attempt fenced off after its deadline');
    this.name = 'FencedOffError';
  }
}

interface Fence {
  abandoned: boolean;
  /** The last attempt returned from its body: COMMIT is being sent or awaited. */
  committing: boolean;
  /**
   * An earlier attempt's COMMIT failed without an answer, and no later attempt has seen the key yet:
   * that COMMIT may have landed, so running out of time now is "unknown", not "not written".
   */
  uncertain: boolean;
}

interface CommandScope {
  tx: Tx;
  name: string;
  /** Savepoints opened so far (nested transactions of the services). */
  savepoints: number;
}

const commandScope = new AsyncLocalStorage<CommandScope>();
const writeHandlerScope = new AsyncLocalStorage<{ route: string }>();

/** The command running in this async context, if any (its name, for logs and assertions). */
export function currentCommand(): string | undefined {
  return commandScope.getStore()?.name;
}

/**
 * Runs `fn` with every statement given to the command-aware database in one transaction: for a change
 * made outside a command (a sign-in, an employer opening an applicant) together with its audit row, so
 * both are written or neither is. Inside a command it is the command's own transaction. The whole
 * transaction may be retried through a failover, so `fn` must be idempotent as a unit (an audit row
 * given its entry id beforehand).
 */
export function atomically<T>(database: Database, fn: () => Promise<T>): Promise<T> {
  // Only the command-aware handle routes statements into the scope's transaction; given the raw
  // database (tools, some tests) the statements run one by one, as they would without this.
  if (commandScope.getStore() || !aware.has(database)) return fn();
  return database.transaction((tx) => commandScope.run({ tx, name: 'atomically', savepoints: 0 }, fn));
}

/** Runs a route handler of an unsafe method: writes outside a command are refused there. */
export function inWriteHandler<T>(route: string, fn: () => T): T {
  return writeHandlerScope.run({ route }, fn);
}

/** Leaves the write-handler scope, for work a handler starts that is not part of the request. */
export function outsideWriteHandler<T>(fn: () => T): T {
  return writeHandlerScope.exit(fn);
}

const sqlstateOf = (err: unknown): string | undefined => {
  for (let e = err, depth = 0; typeof e === 'object' && e !== null && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
};

/**
 * The handle every feature is given: the database, with statements routed into the running command's
 * transaction, and refused writes outside one from a write handler. Outside both it is the database.
 */
/** The handles commandAware made (atomically needs one). */
const aware = new WeakSet<Database>();

export function commandAware(database: Database, health: { down?: () => boolean } = {}): Database {
  // While this process knows no database answers, every call gives up in seconds (503), not after the
  // driver's full retry deadline: nobody is helped by waiting for a database that is known to be gone.
  const bound = (): CallOptions | undefined => (health.down?.() ? { deadlineMs: KNOWN_DOWN_DEADLINE_MS } : undefined);
  const readOnly = async <T>(route: string, fn: (tx: Tx) => Promise<T>): Promise<T> =>
    database.transaction(async (tx) => {
      await tx.query(sql`SET TRANSACTION READ ONLY`);
      try {
        return await fn(tx);
      } catch (err) {
        // 25006 would otherwise read as "connected to a standby" and be retried.
        if (sqlstateOf(err) === '25006') throw new WriteOutsideCommandError(route);
        throw err;
      }
    }, bound());
  const primary = <T>(fn: (tx: Tx) => Promise<T>, outside: () => Promise<T>): Promise<T> => {
    const command = commandScope.getStore();
    if (command) return fn(command.tx);
    const handler = writeHandlerScope.getStore();
    if (handler) return readOnly(handler.route, fn);
    return outside();
  };
  const handle: Database = {
    get kind() {
      return database.kind;
    },
    get db() {
      return database.db;
    },
    query: <T extends Record<string, unknown>>(query: SQL, options?: CallOptions) =>
      primary(
        (tx) => tx.query<T>(query),
        () => database.query<T>(query, options ?? bound()),
      ),
    // A transaction a service opens inside a command is a savepoint of it: when the service's work
    // fails, its statements roll back and the command may go on (or fail) without them.
    transaction: <T>(fn: (tx: Tx) => Promise<T>, options?: CallOptions) => {
      const command = commandScope.getStore();
      if (command) return savepoint(command, fn);
      return primary(fn, () => database.transaction(fn, options ?? bound()));
    },
    // Inside a command a read sees the command's own writes (and on PGlite, which has one connection,
    // a read outside the transaction would wait for it to end).
    read: <T extends Record<string, unknown>>(query: SQL, options?: CallOptions) => {
      const command = commandScope.getStore();
      return command ? command.tx.query<T>(query) : database.read<T>(query, options ?? bound());
    },
    // Inside a command, reads run in its transaction without their planner settings (SET LOCAL would
    // outlive them there), as plain reads do.
    readWithSettings: <T extends Record<string, unknown>>(
      settings: Record<string, string>,
      query: SQL,
      options?: CallOptions,
    ) => {
      const command = commandScope.getStore();
      return command ? command.tx.query<T>(query) : database.readWithSettings<T>(settings, query, options ?? bound());
    },
    readSnapshot: <R>(fn: (read: SnapshotRead) => Promise<R>, options?: CallOptions) => {
      const command = commandScope.getStore();
      return command ? fn((_, q) => command.tx.query(q)) : database.readSnapshot(fn, options ?? bound());
    },
    nodes: () => database.nodes(),
    takeWritePauses: () => database.takeWritePauses(),
    copyRows: (table, columns, rows) => database.copyRows(table, columns, rows),
    withAdvisoryLock: (key, fn) => database.withAdvisoryLock(key, fn),
    close: () => database.close(),
  };
  aware.add(handle);
  return handle;
}

/** How long any call may wait for a database this process already knows is gone. */
export const KNOWN_DOWN_DEADLINE_MS = 3_000;

async function savepoint<T>(command: CommandScope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const name = sql.raw(`ilteo_sp_${++command.savepoints}`);
  await command.tx.query(sql`SAVEPOINT ${name}`);
  try {
    const result = await fn(command.tx);
    await command.tx.query(sql`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (err) {
    await command.tx.query(sql`ROLLBACK TO SAVEPOINT ${name}`);
    throw err;
  }
}

/** Canonical JSON: object keys sorted, so the same request always has the same fingerprint. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export interface CommandsOptions {
  /** Keys the fingerprint (an HMAC), so a stored fingerprint says nothing about a password in the body. */
  secret: string;
  /** Bound of one statement inside a command (ms), below the retry deadline. */
  statementTimeoutMs?: number;
  /** How long outcomes are kept (days): the window in which a repeat is recognised. */
  keepDays?: number;
}

export interface Commands {
  /**
   * Runs `change` as the command `request` in one transaction with its outcome: a first request
   * applies it; a repeat (same actor and key, same request) returns the stored outcome unchanged.
   * Throws CommandKeyConflictError for the same key with another request, DatabaseUnavailableError
   * when nothing was written, CommandOutcomeUnknownError when the COMMIT's fate is unknown.
   */
  run<T extends Json>(
    request: CommandRequest,
    change: () => Promise<T>,
    options?: TransactionOptions,
  ): Promise<CommandResult<T>>;
  /** The stored outcome of (actor, key), if it was applied. */
  lookup(actor: string, key: string): Promise<{ command: string; outcome: Json; at: string } | undefined>;
  /** Deletes outcomes older than the keeping window. */
  purge(now: Date): Promise<number>;
}

/**
 * One attempt of a command in its transaction: claim (actor, key), or find the stored outcome of an
 * earlier request with the same key; run the change; store its outcome. The fence refuses an attempt
 * that the caller has already given up on (a retry after a failover must not apply the change twice).
 */
async function attempt<T extends Json>(
  rawTx: Tx,
  c: { request: CommandRequest; fingerprint: string; fence: Fence; statementTimeoutMs: number },
  change: () => Promise<T>,
): Promise<CommandResult<T>> {
  const { request, fingerprint, fence } = c;
  if (fence.committing) fence.uncertain = true;
  fence.committing = false;
  if (fence.abandoned) throw new FencedOffError();
  const tx: Tx = {
    query: async (q) => {
      if (fence.abandoned) throw new FencedOffError();
      return rawTx.query(q);
    },
  };
  await tx.query(sql`SELECT set_config('statement_timeout', ${String(c.statementTimeoutMs)}, true)`);
  const claimed = await tx.query(
    sql`INSERT INTO command_outcomes (actor, key, command, fingerprint, outcome)
        VALUES (${request.actor}, ${request.key}, ${request.command}, ${fingerprint}, 'null'::jsonb)
        ON CONFLICT (actor, key) DO NOTHING RETURNING 1 AS claimed`,
  );
  // This attempt holds the claim: no earlier attempt's COMMIT landed.
  if (claimed.length > 0) fence.uncertain = false;
  if (claimed.length === 0) {
    const [stored] = await tx.query<{ fingerprint: string; outcome: T }>(
      sql`SELECT fingerprint, outcome FROM command_outcomes WHERE actor = ${request.actor} AND key = ${request.key}`,
    );
    if (!stored || stored.fingerprint !== fingerprint) throw new CommandKeyConflictError();
    return { outcome: stored.outcome, repeated: true };
  }
  const outcome = await commandScope.run({ tx, name: request.command, savepoints: 0 }, change);
  await tx.query(
    sql`UPDATE command_outcomes SET outcome = ${JSON.stringify(outcome ?? null)}::jsonb
        WHERE actor = ${request.actor} AND key = ${request.key}`,
  );
  if (fence.abandoned) throw new FencedOffError();
  fence.committing = true;
  return { outcome, repeated: false };
}

/** How long a command whose COMMIT reply was lost looks for its own outcome before answering "unknown". */
const SETTLE_DEADLINE_MS = 3_000;

/** Builds the command mechanism on the raw database (not the command-aware handle). */
export function createCommands(database: Database, options: CommandsOptions): Commands {
  const statementTimeoutMs = options.statementTimeoutMs ?? 15_000;
  const keepDays = options.keepDays ?? 30;
  const fingerprintOf = (request: CommandRequest) =>
    createHmac('sha256', options.secret)
      .update(canonicalJson({ command: request.command, request: request.request }))
      .digest('base64url');

  /** The stored outcome of a command whose COMMIT's reply was lost, if any node answers in time. */
  const settledOutcome = async <T extends Json>(
    request: CommandRequest,
    fingerprint: string,
  ): Promise<{ outcome: T } | undefined> => {
    try {
      const [stored] = await database.read<{ fingerprint: string; outcome: T }>(
        sql`SELECT fingerprint, outcome FROM command_outcomes WHERE actor = ${request.actor} AND key = ${request.key}`,
        { deadlineMs: SETTLE_DEADLINE_MS },
      );
      return stored && stored.fingerprint === fingerprint ? { outcome: stored.outcome } : undefined;
    } catch {
      return undefined;
    }
  };

  return {
    async run<T extends Json>(
      request: CommandRequest,
      change: () => Promise<T>,
      options?: TransactionOptions,
    ): Promise<CommandResult<T>> {
      if (commandScope.getStore()) throw new Error(`command ${request.command} started inside another command`);
      const fingerprint = fingerprintOf(request);
      const fence: Fence = { abandoned: false, committing: false, uncertain: false };
      try {
        return await database.transaction(
          (rawTx) => attempt(rawTx, { request, fingerprint, fence, statementTimeoutMs }, change),
          options,
        );
      } catch (err) {
        if (err instanceof DatabaseUnavailableError) {
          const unknown = fence.committing || fence.uncertain;
          fence.abandoned = true;
          if (unknown) {
            // The COMMIT may have landed: a node that answers may already hold it (a synchronous
            // standby has every commit the primary acknowledged or was about to). Found there, it is
            // this request's own outcome; not found, its fate stays unknown — never "not written".
            const settled = await settledOutcome<T>(request, fingerprint);
            if (settled) return { outcome: settled.outcome, repeated: false };
            throw new CommandOutcomeUnknownError({ cause: err.cause ?? err });
          }
        }
        throw err;
      }
    },

    async lookup(actor, key) {
      const [row] = await database.read<{ command: string; outcome: Json; at: string }>(
        sql`SELECT command, outcome, created_at::text AS at FROM command_outcomes WHERE actor = ${actor} AND key = ${key}`,
      );
      return row;
    },

    async purge(now) {
      const cutoff = new Date(now.getTime() - keepDays * 86_400_000).toISOString();
      const rows = await database.query(
        sql`DELETE FROM command_outcomes WHERE created_at < ${cutoff} RETURNING 1 AS gone`,
      );
      return rows.length;
    },
  };
}
