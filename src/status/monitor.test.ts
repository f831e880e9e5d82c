import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { afterCheck, initialState, jittered, type MonitorState } from './monitor.ts';

const run = (results: boolean[]) =>
  results.reduce<MonitorState>((s, ok, i) => afterCheck(s, ok, i * 1000), initialState());

describe('monitor confirmation (3 of 5 down, 2 up)', () => {
  const cases: [string, boolean[], 'up' | 'down' | 'unknown'][] = [
    ['first success is not yet up', [true], 'unknown'],
    ['two successes: up', [true, true], 'up'],
    ['one blip stays up', [true, true, false, true, true], 'up'],
    ['two failures stay up', [true, true, false, false], 'up'],
    ['three of five failed: down', [true, true, false, true, false, false], 'down'],
    ['one success does not recover', [true, true, false, false, false, true], 'down'],
    ['two successes recover', [true, true, false, false, false, true, true], 'up'],
    ['down again only after 3 new failures', [true, true, false, false, false, true, true, false, false], 'up'],
    ['flapping (fail, ok, fail, ok, fail) within 5: down', [true, true, false, true, false, true, false], 'down'],
    ['from the start: 3 failures confirm down', [false, false, false], 'down'],
  ];
  for (const [name, results, expected] of cases) it(name, () => assert.equal(run(results).confirmed, expected));
  it('an outage lasts from its first failed check to its first good one', () => {
    const down = run([true, true, false, true, false, false]);
    assert.equal(down.since, 2000, 'first failure of the confirming window');
    const up = run([true, true, false, false, false, true, true]);
    assert.equal(up.since, 5000, 'first of the confirming successes');
    assert.equal(run([true, true]).since, 0);
  });
  it('never keeps more than the window', () => {
    fc.assert(fc.property(fc.array(fc.boolean(), { maxLength: 50 }), (rs) => assert.ok(run(rs).recent.length <= 5)));
  });
  it('jitter stays within ±20 %', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (r) => {
        const j = jittered(30_000, r);
        assert.ok(j >= 24_000 && j <= 36_000);
      }),
    );
  });
});
