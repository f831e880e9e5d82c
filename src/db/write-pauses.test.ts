import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FailureKind } from './failover.ts';
import { WritePauseTracker } from './write-pauses.ts';

type Step = ['fail', number, FailureKind] | ['ok', number];

describe('write pauses', () => {
  const cases: { name: string; steps: Step[]; want: [number, number, number][]; open?: number | null }[] = [
    {
      name: 'no failure, no pause',
      steps: [
        ['ok', 1],
        ['ok', 2],
      ],
      want: [],
    },
    {
      name: 'from the first failed write to the first good one',
      steps: [
        ['ok', 0],
        ['fail', 1_000, 'connection'],
        ['fail', 1_500, 'read-only'],
        ['ok', 9_400],
        ['ok', 9_500],
      ],
      want: [[1_000, 9_400, 2]],
    },
    {
      name: 'an attempt that began earlier and failed later moves the start back',
      steps: [
        ['fail', 2_000, 'connection'],
        ['fail', 1_200, 'connection'],
        ['ok', 4_000],
      ],
      want: [[1_200, 4_000, 2]],
    },
    {
      name: 'a serialization failure or a bug is not a pause',
      steps: [
        ['fail', 1, 'transient'],
        ['fail', 2, 'fatal'],
        ['ok', 3],
      ],
      want: [],
    },
    {
      name: 'two pauses apart',
      steps: [
        ['fail', 10, 'connection'],
        ['ok', 20],
        ['fail', 30, 'connection'],
        ['ok', 45],
      ],
      want: [
        [10, 20, 1],
        [30, 45, 1],
      ],
    },
    { name: 'still under way', steps: [['fail', 5, 'connection']], want: [], open: 5 },
  ];
  for (const c of cases)
    it(c.name, () => {
      const t = new WritePauseTracker();
      for (const s of c.steps) s[0] === 'fail' ? t.failed(s[1], s[2]) : t.succeeded(s[1]);
      assert.deepEqual(
        t.take().map((p) => [p.startedAt, p.endedAt, p.failures]),
        c.want,
      );
      assert.equal(t.openSince(), c.open ?? null);
      assert.deepEqual(t.take(), [], 'taken once');
    });
});

describe('a write that only waited', () => {
  const cases: { name: string; run: (t: WritePauseTracker) => void; want: [number, number, number][] }[] = [
    { name: 'a quick write is nothing', run: (t) => t.succeededAfter(1_000, 1_400), want: [] },
    {
      name: 'a slow one with no failed attempt is kept, with no failures',
      run: (t) => t.succeededAfter(1_000, 8_600),
      want: [[1_000, 8_600, 0]],
    },
    {
      name: 'a slow one that closes an open pause closes it as usual',
      run: (t) => {
        t.failed(2_000, 'connection');
        t.succeededAfter(1_500, 9_000);
      },
      want: [[2_000, 9_000, 1]],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const t = new WritePauseTracker();
      c.run(t);
      assert.deepEqual(
        t.take().map((p) => [p.startedAt, p.endedAt, p.failures]),
        c.want,
      );
    });
});
