import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffMs, classifyError, DatabaseUnavailableError, type FailureKind, withRetry } from './failover.ts';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('classifyError', () => {
  const cases: [string, unknown, FailureKind][] = [
    ['postgres.js lost connection', pgError('CONNECTION_CLOSED'), 'connection'],
    ['connection refused (node down)', pgError('ECONNREFUSED'), 'connection'],
    ['connection reset', pgError('ECONNRESET'), 'connection'],
    ['SQLSTATE class 08', pgError('08006'), 'connection'],
    ['admin shutdown', pgError('57P01'), 'transient'],
    ['crash shutdown', pgError('57P02'), 'transient'],
    ['starting up', pgError('57P03'), 'transient'],
    ['standby refused a write', pgError('25006'), 'read-only'],
    ['serialization failure', pgError('40001'), 'transient'],
    ['deadlock', pgError('40P01'), 'transient'],
    ['unique violation is a real answer', pgError('23505'), 'fatal'],
    ['syntax error is a bug', pgError('42601'), 'fatal'],
    ['plain error', new Error('boom'), 'fatal'],
    ['drizzle wrapping a driver error', new Error('Failed query', { cause: pgError('25006') }), 'read-only'],
    ['drizzle wrapping a real answer', new Error('Failed query', { cause: pgError('23505') }), 'fatal'],
    ['not an error', 'boom', 'fatal'],
  ];
  for (const [name, err, kind] of cases) it(name, () => assert.equal(classifyError(err), kind));
});

describe('backoffMs', () => {
  const policy = { deadlineMs: 10_000, baseDelayMs: 100, maxDelayMs: 1_000 };
  const cases: [number, number, number][] = [
    // attempt, random, expected
    [1, 0, 50],
    [1, 1, 100],
    [2, 1, 200],
    [4, 1, 800],
    [5, 1, 1_000],
    [9, 0.5, 750],
  ];
  for (const [attempt, r, expected] of cases)
    it(`attempt ${attempt}, random ${r} → ${expected} ms`, () =>
      assert.equal(
        backoffMs(policy, attempt, () => r),
        expected,
      ));
});

describe('withRetry', () => {
  function fakeClock() {
    let t = 0;
    return {
      now: () => t,
      sleep: async (ms: number) => {
        t += ms;
      },
      random: () => 1,
    };
  }

  it('retries a failover burst and returns the result', async () => {
    const errors = [pgError('ECONNREFUSED'), pgError('57P03'), pgError('25006')];
    let calls = 0;
    const clock = fakeClock();
    const result = await withRetry(
      'write',
      async () => {
        calls++;
        const e = errors.shift();
        if (e) throw e;
        return 'ok';
      },
      undefined,
      clock,
    );
    assert.equal(result, 'ok');
    assert.equal(calls, 4);
  });

  it('rethrows a non-retryable error at once', async () => {
    let calls = 0;
    await assert.rejects(
      withRetry('write', async () => {
        calls++;
        throw pgError('23505');
      }),
      { code: '23505' },
    );
    assert.equal(calls, 1);
  });

  it('abandons a hung attempt after attemptMs and tries again (a read on a standby that is shutting down)', async () => {
    let calls = 0;
    const timers: number[] = [];
    const result = await withRetry(
      'read',
      () => (++calls === 1 ? new Promise<never>(() => {}) : Promise.resolve('rows')),
      { deadlineMs: 20_000, baseDelayMs: 50, maxDelayMs: 1_000, attemptMs: 5_000 },
      {
        deadline: async (ms) => {
          timers.push(ms);
        },
        sleep: async () => {},
      },
    );
    assert.equal(result, 'rows');
    assert.equal(calls, 2);
    assert.equal(timers[0], 5_000, 'the first attempt was bounded by attemptMs, not the deadline');
  });

  it('an abandoned attempt that fails later is not an unhandled rejection (it would end the process)', async () => {
    let calls = 0;
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const result = await withRetry(
        'read',
        () =>
          ++calls === 1
            ? new Promise<never>((_, reject) => setTimeout(() => reject(new Error('connection closed')), 5))
            : Promise.resolve('rows'),
        { deadlineMs: 20_000, baseDelayMs: 50, maxDelayMs: 1_000, attemptMs: 1 },
        { sleep: async () => {} },
      );
      assert.equal(result, 'rows');
      await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(rejections, []);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it('answers 503 at the deadline when the driver never settles (no primary: queries stay queued)', async () => {
    const err = await withRetry(
      'write',
      () => new Promise<never>(() => {}),
      { deadlineMs: 20_000, baseDelayMs: 50, maxDelayMs: 1_000 },
      { deadline: async () => {} },
    ).catch((e: unknown) => e);
    assert.ok(err instanceof DatabaseUnavailableError);
    assert.match(err.message, /입력하신 내용은 그대로/);
  });

  it('gives up at the deadline with a Korean 503-style error', async () => {
    const clock = fakeClock();
    const policy = { deadlineMs: 5_000, baseDelayMs: 100, maxDelayMs: 1_000 };
    const err = await withRetry(
      'write',
      async () => {
        throw pgError('ECONNREFUSED');
      },
      policy,
      clock,
    ).catch((e: unknown) => e);
    assert.ok(err instanceof DatabaseUnavailableError);
    assert.equal(err.kind, 'write');
    assert.match(err.message, /저장할 수 없습니다/);
    assert.ok(clock.now() <= 5_000, `waited ${clock.now()} ms, past the deadline`);
    assert.ok(clock.now() >= 4_000, `gave up early at ${clock.now()} ms`);
  });
});
