import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { FastifyBaseLogger } from 'fastify';
import type { BenefitsService } from '../benefits/service.ts';
import { DatabaseUnavailableError } from '../db/failover.ts';
import type { Database } from '../db/index.ts';
import { UserError } from '../web/errors.ts';
import {
  formatLine,
  Journal,
  type JournalEntry,
  type JournalFs,
  type JournalHandle,
  newReceipt,
  nodeJournalFs,
  RECEIPT,
} from './journal.ts';
import { createIntakeService, reviewMessage } from './service.ts';

const entry = (n: number, accountId = 1): JournalEntry<{ n: number }> => ({
  receipt: `R-20261125-${String(n).padStart(16, '0')}`,
  kind: 'recognition',
  key: `key-${n}-xxxxxxxxxxxxxxxx`,
  accountId,
  at: new Date(Date.UTC(2026, 10, 25, 0, 0, n)).toISOString(),
  payload: { n },
});

const tmp = () => fs.mkdtemp(path.join(os.tmpdir(), 'ilteo-journal-'));
const entriesFile = (dir: string) => path.join(dir, 'entries.jsonl');

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

/**
 * node:fs/promises with faults: `fail(op, how, skip)` makes a call of `op` fail once (the next one, or
 * the one after `skip` more); `room` bounds the bytes writes may still add (then ENOSPC, after a short
 * write, as write(2) does on a full disk).
 */
type Op = 'open' | 'write' | 'datasync' | 'truncate';
class FaultyFs implements JournalFs {
  readonly calls = { open: 0, write: 0, datasync: 0, truncate: 0 };
  room = Number.POSITIVE_INFINITY;
  #faults: { op: Op; how: 'error' | 'torn'; skip: number }[] = [];

  #hold: { started: () => void; released: Promise<void> } | null = null;

  /** Holds the next write once it has written (before it returns), so appends queue behind it as one batch. */
  hold(): { started: Promise<void>; release: () => void } {
    let started = () => {};
    let release = () => {};
    const s = new Promise<void>((r) => {
      started = r;
    });
    this.#hold = { started, released: new Promise<void>((r) => (release = r)) };
    return { started: s, release };
  }

  fail(op: Op, how: 'error' | 'torn' = 'error', skip = 0): this {
    this.#faults.push({ op, how, skip });
    return this;
  }

  #take(op: Op): 'error' | 'torn' | undefined {
    const i = this.#faults.findIndex((f) => f.op === op);
    const fault = this.#faults[i];
    if (!fault) return undefined;
    if (fault.skip-- > 0) return undefined;
    this.#faults.splice(i, 1);
    return fault.how;
  }

  mkdir = nodeJournalFs.mkdir;
  readFile = nodeJournalFs.readFile;
  syncDir = nodeJournalFs.syncDir;

  async open(file: string): Promise<JournalHandle> {
    this.calls.open++;
    if (this.#take('open')) throw errno('EIO');
    const real = await nodeJournalFs.open(file);
    return {
      write: async (data) => {
        this.calls.write++;
        const fault = this.#take('write');
        // A write torn mid-line: half of it reaches the file, then EIO.
        if (fault === 'torn') {
          await real.write(data.subarray(0, Math.floor(data.length / 2)));
          throw errno('EIO');
        }
        if (fault) throw errno('EIO');
        if (this.room <= 0) throw errno('ENOSPC');
        const allowed = Math.min(data.length, this.room);
        this.room -= allowed;
        const n = await real.write(data.subarray(0, allowed));
        const hold = this.#hold;
        this.#hold = null;
        if (hold) {
          hold.started();
          await hold.released;
        }
        return n;
      },
      datasync: async () => {
        this.calls.datasync++;
        if (this.#take('datasync')) throw errno('EIO');
        await real.datasync();
      },
      truncate: async (length) => {
        this.calls.truncate++;
        if (this.#take('truncate')) throw errno('EIO');
        await real.truncate(length);
      },
      close: () => real.close(),
    };
  }
}

class Log {
  readonly errors: { obj: Record<string, unknown>; msg: string }[] = [];
  readonly warns: { obj: Record<string, unknown>; msg: string }[] = [];
  error(obj: object, msg: string) {
    this.errors.push({ obj: obj as Record<string, unknown>, msg });
  }
  warn(obj: object, msg: string) {
    this.warns.push({ obj: obj as Record<string, unknown>, msg });
  }
  info() {}
}

/** Reopens the journal with the real file layer: what a restarted process would find. */
async function reopen(dir: string) {
  const log = new Log();
  const j = new Journal(dir, { log });
  await j.open();
  const found = { pending: j.pending().map((e) => e.receipt), corrupt: j.corrupt(), log };
  await j.close();
  return found;
}

describe('the submission journal', () => {
  it('keeps what was appended across a reopen, and forgets what was settled', async () => {
    const dir = await tmp();
    const j = new Journal(dir);
    await j.open();
    await Promise.all([1, 2, 3].map((n) => j.append(entry(n))));
    await j.settle({ receipt: entry(2).receipt, status: 'applied', message: '', at: new Date().toISOString() });
    await j.close();
    const again = new Journal(dir);
    await again.open();
    assert.deepEqual(
      again.pending().map((e) => e.receipt),
      [entry(1).receipt, entry(3).receipt],
    );
    assert.equal(again.find(entry(2).receipt).outcome?.status, 'applied');
    await again.close();
  });

  it('cuts a line torn by a crash (never acknowledged), does not count it as corrupt, and appends cleanly after it', async () => {
    const dir = await tmp();
    const j = new Journal(dir);
    await j.open();
    await j.append(entry(1));
    await j.close();
    const before = await fs.readFile(entriesFile(dir), 'utf8');
    await fs.appendFile(entriesFile(dir), '0badc0de {"receipt":"R-torn","ki');
    const log = new Log();
    const after = new Journal(dir, { log });
    await after.open();
    assert.equal(await fs.readFile(entriesFile(dir), 'utf8'), before, 'the torn tail is cut on open');
    assert.equal(log.warns.length, 1, 'the cut is logged');
    await after.append(entry(2));
    await after.close();
    const last = await reopen(dir);
    assert.deepEqual(last.pending, [entry(1).receipt, entry(2).receipt]);
    assert.equal(last.corrupt.entries, 0);
  });

  it('group-commits a burst: 1,000 concurrent appends, all on disk', async () => {
    const dir = await tmp();
    const j = new Journal(dir);
    await j.open();
    await Promise.all(Array.from({ length: 1000 }, (_, i) => j.append(entry(i))));
    await j.close();
    const text = await fs.readFile(entriesFile(dir), 'utf8');
    assert.equal(text.trim().split('\n').length, 1000);
  });

  it('writes every line with the CRC-32 of its JSON', async () => {
    const dir = await tmp();
    const j = new Journal(dir);
    await j.open();
    await j.append(entry(1));
    await j.close();
    const [line] = (await fs.readFile(entriesFile(dir), 'utf8')).split('\n');
    assert.match(line ?? '', /^[0-9a-f]{8} \{"receipt":"R-20261125-0000000000000001"/);
    assert.equal(line, formatLine(entry(1)));
  });

  // Each fault hits the batch of entries 2 and 3, written after entry 0 (acknowledged before) and
  // entry 1 (the batch in flight when the fault is armed, acknowledged too); then entry 4 is appended.
  const faults: {
    name: string;
    arm: (f: FaultyFs) => void;
    /** After the failure, before entry 4 (the disk gets room again). */
    heal?: (f: FaultyFs) => void;
    /** The handle could not truncate: the file is opened again to cut it back. */
    reopens?: boolean;
  }[] = [
    { name: 'a write torn mid-batch (half the bytes, then EIO)', arm: (f) => f.fail('write', 'torn') },
    { name: 'a failed write (EIO, nothing written)', arm: (f) => f.fail('write') },
    {
      name: 'a failed fdatasync (the lines written, not durable)',
      // entry 1's fdatasync is still to come: the one after it fails
      arm: (f) => f.fail('datasync', 'error', 1),
    },
    {
      name: 'a full disk (a short write, then ENOSPC)',
      arm: (f) => {
        f.room = 40;
      },
      heal: (f) => {
        f.room = Number.POSITIVE_INFINITY;
      },
    },
    {
      name: 'a torn write whose handle cannot truncate',
      arm: (f) => f.fail('write', 'torn').fail('truncate'),
      reopens: true,
    },
  ];
  for (const fault of faults)
    it(`after ${fault.name}: that batch rejects, nothing acknowledged is lost, the next append lands on a clean line`, async () => {
      const dir = await tmp();
      const ops = new FaultyFs();
      const j = new Journal(dir, { fs: ops });
      await j.open();
      await j.append(entry(0));
      const acknowledged = await fs.readFile(entriesFile(dir), 'utf8');
      // Entry 1 is written (not yet fsync'd) when the fault is armed and entries 2 and 3 queue behind it.
      const held = ops.hold();
      const inFlight = j.append(entry(1));
      await held.started;
      fault.arm(ops);
      const pending = Promise.allSettled([entry(2), entry(3)].map((e) => j.append(e)));
      held.release();
      await inFlight;
      const batch = await pending;
      assert.deepEqual(
        batch.map((r) => r.status),
        ['rejected', 'rejected'],
        'every append of the failing batch rejects (the citizen is told it was not received)',
      );
      const opens = ops.calls.open;
      fault.heal?.(ops);
      await j.append(entry(4));
      const text = await fs.readFile(entriesFile(dir), 'utf8');
      assert.ok(text.startsWith(acknowledged), 'what was acknowledged before is still there, unchanged');
      assert.equal(
        text,
        `${[0, 1, 4].map((n) => formatLine(entry(n))).join('\n')}\n`,
        'the failed batch is cut back: the next append is a whole line of its own',
      );
      assert.equal(ops.calls.open, opens, 'no further reopen');
      if (fault.reopens) assert.equal(ops.calls.open, 3, 'the entries file was opened again to cut it back');
      assert.deepEqual(
        j.pending().map((e) => e.receipt),
        [0, 1, 4].map((n) => entry(n).receipt),
      );
      assert.equal(j.appendState().failed.entries, 1, 'the failure is counted');
      assert.deepEqual(j.appendState().refusing, []);
      await j.close();
      const after = await reopen(dir);
      assert.deepEqual(
        after.pending,
        [0, 1, 4].map((n) => entry(n).receipt),
        'after a restart: the acknowledged ones and the next one, not those refused',
      );
      assert.equal(after.corrupt.entries, 0, 'no merged or partial line is left in the file');
    });

  it('refuses every later append when a failed append cannot be cut back (rather than risk a merged line)', async () => {
    const dir = await tmp();
    const ops = new FaultyFs();
    const j = new Journal(dir, { fs: ops });
    await j.open();
    await j.append(entry(1));
    // The write is torn, the handle cannot truncate, and the file cannot be reopened.
    ops.fail('write', 'torn').fail('truncate').fail('open');
    await assert.rejects(j.append(entry(2)), /EIO/);
    const writes = ops.calls.write;
    await assert.rejects(j.append(entry(3)), /refuses appends/);
    await assert.rejects(j.append(entry(4)), /refuses appends/);
    assert.equal(ops.calls.write, writes, 'nothing more is written after the torn line');
    assert.equal(j.appendState().refusing.length, 1);
    assert.match(j.appendState().refusing[0]?.file ?? '', /entries\.jsonl$/);
    assert.deepEqual(
      j.pending().map((e) => e.receipt),
      [entry(1).receipt],
    );
    await j.close();
    // A restart cuts the torn tail and reads what was acknowledged.
    const after = await reopen(dir);
    assert.deepEqual(after.pending, [entry(1).receipt]);
    assert.equal(after.corrupt.entries, 0);
  });

  it('a failed outcome append rejects the settle and leaves the entry pending', async () => {
    const dir = await tmp();
    const ops = new FaultyFs();
    const j = new Journal(dir, { fs: ops });
    await j.open();
    await j.append(entry(1));
    ops.fail('datasync');
    await assert.rejects(j.settle({ receipt: entry(1).receipt, status: 'applied', message: '', at: entry(1).at }));
    assert.deepEqual(
      j.pending().map((e) => e.receipt),
      [entry(1).receipt],
    );
    await j.close();
    assert.deepEqual((await reopen(dir)).pending, [entry(1).receipt]);
  });

  it('reports a corrupt line in the middle (bad checksum, unparsable, not an entry) and reads the lines around it', async () => {
    const dir = await tmp();
    const j = new Journal(dir);
    await j.open();
    for (const n of [1, 2, 3]) await j.append(entry(n));
    await j.close();
    const lines = (await fs.readFile(entriesFile(dir), 'utf8')).split('\n');
    // Line 2: one changed digit (the checksum no longer matches); then a merged line and a JSON non-entry.
    lines[1] = (lines[1] ?? '').replace('0000000000000002', '0000000000000009');
    lines.splice(2, 0, `{"receipt":"R-20261125-0000000000000005","kind":"recogn{"receipt":"R-x"}`, '{"hello":1}');
    await fs.writeFile(entriesFile(dir), lines.join('\n'));
    const found = await reopen(dir);
    assert.deepEqual(found.pending, [entry(1).receipt, entry(3).receipt], 'the lines around them are read');
    assert.equal(found.corrupt.entries, 3);
    assert.equal(found.corrupt.outcomes, 0);
    assert.deepEqual(
      found.corrupt.lines.map((l) => [path.basename(l.file), l.lineNo, l.reason]),
      [
        ['entries.jsonl', 2, 'checksum'],
        ['entries.jsonl', 3, 'unparsable'],
        ['entries.jsonl', 4, 'invalid'],
      ],
    );
    assert.match(found.corrupt.lines[0]?.preview ?? '', /R-20261125-0000000000000009/);
    assert.deepEqual(
      found.log.errors.map((e) => e.obj.lineNo),
      [2, 3, 4],
      'each is logged at error level',
    );
    const again = await fs.readFile(entriesFile(dir), 'utf8');
    assert.equal(again, lines.join('\n'), 'the corrupt lines are left in the file for an operator');
  });

  it('reads the lines of an older journal (plain JSON, no checksum) and appends checksummed ones after them', async () => {
    const dir = await tmp();
    await fs.writeFile(entriesFile(dir), `${JSON.stringify(entry(1))}\n${JSON.stringify(entry(2))}\n`);
    await fs.writeFile(
      path.join(dir, 'outcomes.jsonl'),
      `${JSON.stringify({ receipt: entry(1).receipt, status: 'applied', message: '', at: entry(1).at })}\n`,
    );
    const j = new Journal(dir);
    await j.open();
    assert.deepEqual(
      j.pending().map((e) => e.receipt),
      [entry(2).receipt],
    );
    assert.equal(j.find(entry(1).receipt).outcome?.status, 'applied');
    await j.append(entry(3));
    await j.close();
    const found = await reopen(dir);
    assert.deepEqual(found.pending, [entry(2).receipt, entry(3).receipt]);
    assert.equal(found.corrupt.entries + found.corrupt.outcomes, 0);
  });
});

describe('receipt numbers', () => {
  it('carry the Seoul date and 16 random hex digits (64 bits)', () => {
    assert.match(newReceipt(new Date('2026-11-25T15:30:00Z')), /^R-20261126-[0-9A-F]{16}$/);
    const many = new Set(Array.from({ length: 20_000 }, () => newReceipt(new Date())));
    assert.equal(many.size, 20_000);
  });

  for (const [receipt, ok] of [
    ['R-20261126-9F3A2C1B04D7E6A5', true],
    ['R-20261126-9F3A2C1B', true], // handed out before: still looked up
    ['R-20261126-9F3A2C1B04D7', false],
    ['R-20261126-9f3a2c1b04d7e6a5', false],
    ['R-2026112-9F3A2C1B04D7E6A5', false],
    ['R-20261126-9F3A2C1B04D7E6A5X', false],
  ] as const)
    it(`${receipt} ${ok ? 'is' : 'is not'} a receipt number`, () => assert.equal(RECEIPT.test(receipt), ok));

  it('a new receipt is drawn again when it is pending or applied in the journal', async () => {
    const dir = await tmp();
    const seed = new Journal(dir);
    await seed.open();
    await seed.append({ ...entry(1), receipt: 'R-20261125-0000000000000001' });
    await seed.append({ ...entry(2), receipt: 'R-20261125-0000000000000002' });
    await seed.settle({ receipt: 'R-20261125-0000000000000002', status: 'applied', message: '', at: entry(2).at });
    await seed.close();
    // The "random" bytes give the pending one, then the applied one, then a new one.
    const draws = [1, 2, 3].map((n) => Buffer.from(n.toString(16).padStart(16, '0'), 'hex'));
    const j = new Journal(dir, { random: () => draws.shift() ?? Buffer.alloc(8, 0xff) });
    await j.open();
    assert.equal(j.newReceipt(new Date('2026-11-25T01:00:00Z')), 'R-20261125-0000000000000003');
    assert.equal(draws.length, 0, 'it took three draws');
    await assert.rejects(
      j.append({ ...entry(9), receipt: 'R-20261125-0000000000000001' }),
      /taken/,
      'an entry with a receipt already in the journal is refused',
    );
    await j.close();
  });
});

describe('replay (service.ts)', () => {
  const setUp = async (fail: Record<number, unknown>) => {
    const dir = await tmp();
    const log = new Log();
    const rows: { receipt: string; status: string; message: string }[] = [];
    const attempts: number[] = [];
    const database = {
      // settle's INSERT INTO journal_receipts: the receipt, status and message are its 1st, 7th and 8th values.
      query: async (q: { queryChunks?: unknown[] }) => {
        const values = (q.queryChunks ?? []).filter((c) => typeof c === 'string' || typeof c === 'number');
        rows.push({ receipt: String(values[0]), status: String(values[6]), message: String(values[7]) });
        return [];
      },
      read: async () => [],
    } as unknown as Database;
    const benefits = {
      fileRecognition: async (_who: unknown, claimId: number) => {
        attempts.push(claimId);
        if (fail[claimId]) throw fail[claimId];
        return { created: true };
      },
    } as unknown as BenefitsService;
    let t = 0;
    const intake = createIntakeService({
      database,
      benefits,
      journalDir: dir,
      instance: 'test:1',
      now: () => new Date(Date.UTC(2026, 10, 25, 1, 0, t++)),
      log: log as unknown as FastifyBaseLogger,
    });
    await intake.open();
    const receipts: string[] = [];
    for (const claimId of [1, 2, 3]) {
      const payload = { claimId, seq: 1, workedOrEarned: false, activities: [] };
      receipts.push((await intake.journalRecognition({ id: 7 }, payload, `key-${claimId}-xxxxxxxxxxxxxxxx`)).receipt);
    }
    return { intake, log, rows, attempts, receipts };
  };

  it('sets an entry that fails unexpectedly aside as 확인 필요 (no stack) and goes on with the next', async () => {
    const boom = new Error('Failed query: select 1\nparams: ', {
      cause: Object.assign(new Error('invalid input syntax for type bigint: "x"\n    at stack'), { code: '22P02' }),
    });
    const { intake, log, rows, attempts, receipts } = await setUp({ 1: boom });
    assert.deepEqual(await intake.replay(), { applied: 2, review: 1 });
    assert.deepEqual(attempts, [1, 2, 3], 'replay went on after the failing entry');
    assert.equal(intake.pendingCount(), 0);
    const review = rows.find((r) => r.receipt === receipts[0]);
    assert.equal(review?.status, 'review', 'recorded in journal_receipts as review');
    assert.equal(
      review?.message,
      '자동 처리 중 예상하지 못한 오류가 있어 담당자 확인이 필요합니다 (오류: invalid input syntax for type bigint: "x").',
    );
    assert.equal(intake.journal.find(receipts[0] ?? '').outcome?.status, 'review');
    const logged = log.errors.find((e) => e.obj.receipt === receipts[0]);
    assert.ok(logged, 'logged at error level with the receipt');
    await intake.close();
  });

  it('keeps turning a UserError into review with its message, and stops (the entry stays) when the database is not back', async () => {
    const { intake, rows, attempts, receipts } = await setUp({
      1: new UserError(422, 'WINDOW_CLOSED', '1차 실업인정일이 지났습니다.'),
      2: new DatabaseUnavailableError('down', 'write'),
    });
    assert.deepEqual(await intake.replay(), { applied: 0, review: 1 });
    assert.deepEqual(attempts, [1, 2]);
    assert.equal(rows.find((r) => r.receipt === receipts[0])?.message, '1차 실업인정일이 지났습니다.');
    assert.equal(intake.pendingCount(), 2, 'the entry the database could not take stays, and the one after it');
    await intake.close();
  });

  for (const [name, err, expected] of [
    ['a plain error', new TypeError("Cannot read properties of undefined (reading 'x')"), '(오류: Cannot read'],
    ['a long message', new Error('x'.repeat(500)), '…)'],
    ['no message', new Error(''), '확인이 필요합니다.'],
    ['not an Error', 'weird', '(오류: weird)'],
  ] as const)
    it(`reviewMessage: ${name} gives one safe line`, () => {
      const m = reviewMessage(err);
      assert.ok(m.includes(expected), m);
      assert.ok(!m.includes('\n') && !m.includes('    at '), 'no stack');
      assert.ok(m.length < 260);
    });
});
