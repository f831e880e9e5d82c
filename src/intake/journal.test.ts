import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Journal, type JournalEntry, newReceipt } from './journal.ts';

const entry = (n: number): JournalEntry<{ n: number }> => ({
  receipt: `R-20261125-${String(n).padStart(8, '0')}`,
  kind: 'recognition',
  key: `key-${n}-xxxxxxxxxxxxxxxx`,
  accountId: 1,
  at: new Date(Date.UTC(2026, 10, 25, 0, 0, n)).toISOString(),
  payload: { n },
});

describe('the submission journal', () => {
  it('keeps what was appended across a reopen, and forgets what was settled', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ilteo-journal-'));
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

  it('ignores a line torn by a crash (never acknowledged) and appends cleanly after it', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ilteo-journal-'));
    const j = new Journal(dir);
    await j.open();
    await j.append(entry(1));
    await j.close();
    await fs.appendFile(path.join(dir, 'entries.jsonl'), '{"receipt":"R-torn","ki');
    const after = new Journal(dir);
    await after.open();
    await after.append(entry(2));
    await after.close();
    const last = new Journal(dir);
    await last.open();
    assert.deepEqual(
      last.pending().map((e) => e.receipt),
      [entry(1).receipt, entry(2).receipt],
    );
    await last.close();
  });

  it('group-commits a burst: 1,000 concurrent appends, all on disk', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ilteo-journal-'));
    const j = new Journal(dir);
    await j.open();
    await Promise.all(Array.from({ length: 1000 }, (_, i) => j.append(entry(i))));
    await j.close();
    const text = await fs.readFile(path.join(dir, 'entries.jsonl'), 'utf8');
    assert.equal(text.trim().split('\n').length, 1000);
  });

  it('receipt numbers carry the Seoul date', () => {
    assert.match(newReceipt(new Date('2026-11-25T15:30:00Z')), /^R-20261126-[0-9A-F]{8}$/);
  });
});
