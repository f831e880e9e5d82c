/**
 * What to do when the database fails under a query: PostgreSQL failover turns into a short burst of
 * connection errors and "not a primary" answers. Work is retried at the transaction boundary only
 * (a whole read, or a whole write transaction), with jittered exponential backoff, until a deadline
 * that stays below the HTTP timeout. Pure: the clock, sleep and randomness are injected for tests.
 *
 * A write whose outcome is unknown (the connection died after COMMIT was sent) may have committed:
 * every write retried here must be idempotent (an idempotency key under a unique constraint), so the
 * retry either inserts it or finds it.
 */

/** Error codes raised by postgres.js (client side) when a connection fails or is lost. */
const CONNECTION_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);

/** SQLSTATEs a failover produces, and serialization failures that are always safe to retry. */
const RETRY_SQLSTATES = new Set([
  '57P01', // admin_shutdown (fast shutdown, Patroni demote)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, in recovery)
  '25006', // read_only_sql_transaction: connected to a standby
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '53300', // too_many_connections (a node coming back under load)
]);

export type FailureKind = 'connection' | 'read-only' | 'transient' | 'fatal';

export function classifyError(err: unknown): FailureKind {
  // drizzle wraps the driver's error (DrizzleQueryError with the PostgresError as `cause`).
  for (let e = err, depth = 0; typeof e === 'object' && e !== null && depth < 5; depth++) {
    const kind = classifyOne(e);
    if (kind !== 'fatal') return kind;
    e = (e as { cause?: unknown }).cause;
  }
  return 'fatal';
}

function classifyOne(err: object): FailureKind {
  const code = String((err as { code?: unknown }).code ?? '');
  if (CONNECTION_CODES.has(code)) return 'connection';
  if (/^08/.test(code)) return 'connection'; // connection_exception class
  if (code === '25006') return 'read-only';
  if (RETRY_SQLSTATES.has(code)) return 'transient';
  // postgres.js reports "no host matched target_session_attrs" as a plain Error.
  const message = String((err as { message?: unknown }).message ?? '');
  if (/target_session_attrs|the database system is (starting up|shutting down|in recovery mode)/.test(message))
    return 'connection';
  return 'fatal';
}

export const isRetryable = (err: unknown) => classifyError(err) !== 'fatal';

export interface RetryPolicy {
  /** Give up after this long (ms since the first attempt). */
  deadlineMs: number;
  /** First backoff (ms); doubles each attempt up to maxDelayMs, with full jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * Bound of one attempt (ms), after which it is abandoned and tried again (reads only: a connection
   * opened to a standby that is shutting down can hang without an error; a fresh attempt takes another
   * connection, on the other node). Without it an attempt may use the whole deadline.
   */
  attemptMs?: number;
}

export const DEFAULT_RETRY: RetryPolicy = { deadlineMs: 20_000, baseDelayMs: 50, maxDelayMs: 1_000 };

/** Backoff before attempt `attempt` (1-based retry count): full jitter in [delay/2, delay]. */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Thrown when the database stayed unavailable past the deadline. */
export class DatabaseUnavailableError extends Error {
  readonly retryAfterSeconds: number;
  readonly kind: 'read' | 'write';
  constructor(message: string, kind: 'read' | 'write', options: { cause?: unknown; retryAfterSeconds?: number } = {}) {
    super(message, { cause: options.cause });
    this.name = 'DatabaseUnavailableError';
    this.kind = kind;
    this.retryAfterSeconds = options.retryAfterSeconds ?? 10;
  }
}

export interface RetryHooks {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /**
   * Resolves when an attempt has run out of time (default: a real timer). With no primary at all the
   * driver keeps a query queued instead of failing it, so each attempt is bounded by the deadline too.
   */
  deadline?: (ms: number) => Promise<void>;
  /** Called before each retry (e.g. to log, or to recycle a pool after 25006). */
  onRetry?: (info: { attempt: number; kind: FailureKind; error: unknown; delayMs: number }) => void | Promise<void>;
}

/**
 * Runs `attempt` until it succeeds, a non-retryable error occurs (rethrown as is), or the deadline
 * passes (DatabaseUnavailableError with the last error as cause).
 */
export async function withRetry<T>(
  kind: 'read' | 'write',
  attempt: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  hooks: RetryHooks = {},
): Promise<T> {
  const now = hooks.now ?? (() => performance.now());
  const sleep = hooks.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = hooks.random ?? Math.random;
  const started = now();
  const unavailable = (cause: unknown) =>
    new DatabaseUnavailableError(
      kind === 'write'
        ? '데이터베이스 전환 중이라 지금은 저장할 수 없습니다. 잠시 후 다시 시도해 주세요. 입력하신 내용은 그대로 남아 있습니다.'
        : '데이터베이스에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.',
      kind,
      { cause },
    );
  for (let n = 1; ; n++) {
    const remaining = policy.deadlineMs - (now() - started);
    const bounded = policy.attemptMs !== undefined && policy.attemptMs < remaining;
    try {
      return await withinDeadline(attempt(), bounded ? (policy.attemptMs ?? remaining) : remaining, hooks.deadline);
    } catch (error) {
      // A timed-out attempt may still run later (the driver does not cancel it): writes are idempotent.
      if (error === TIMED_OUT && !bounded) throw unavailable(new Error('no database answered before the deadline'));
      const failure = error === TIMED_OUT ? 'connection' : classifyError(error);
      if (failure === 'fatal') throw error;
      const delayMs = backoffMs(policy, n, random);
      if (now() - started + delayMs > policy.deadlineMs) throw unavailable(error);
      await hooks.onRetry?.({ attempt: n, kind: failure, error, delayMs });
      await sleep(delayMs);
    }
  }
}

const TIMED_OUT = Symbol('timed out');

async function withinDeadline<T>(work: Promise<T>, ms: number, deadline?: (ms: number) => Promise<void>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = deadline
    ? deadline(ms)
    : new Promise<void>((r) => {
        timer = setTimeout(r, Math.max(0, ms));
      });
  // An abandoned attempt may still fail later (the driver does not cancel it): that failure is
  // expected and must not become an unhandled rejection, which would end the process.
  work.catch(() => {});
  try {
    return await Promise.race([work, expired.then(() => Promise.reject(TIMED_OUT))]);
  } finally {
    clearTimeout(timer);
  }
}
