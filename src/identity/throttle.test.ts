import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACCOUNT_POLICY, delayAfter, IP_POLICY } from './throttle.ts';

describe('sign-in throttle delays', () => {
  const cases: [number, number, number][] = [
    // failures, per-ID delay, per-IP delay (seconds)
    [1, 0, 0],
    [5, 0, 0],
    [6, 30, 0],
    [7, 60, 0],
    [8, 120, 0],
    [10, 480, 0],
    [11, 900, 0],
    [1000, 900, 900],
    [30, 900, 0],
    [31, 900, 10],
    [32, 900, 20],
    [40, 900, 900],
  ];
  for (const [failures, id, ip] of cases) {
    it(`${failures} failures → ${id} s per ID, ${ip} s per IP`, () => {
      assert.equal(delayAfter(failures, ACCOUNT_POLICY), id);
      assert.equal(delayAfter(failures, IP_POLICY), ip);
    });
  }
  it('never decreases as failures grow', () => {
    let last = 0;
    for (let n = 0; n < 200; n++) {
      const d = delayAfter(n, ACCOUNT_POLICY);
      assert.ok(d >= last);
      last = d;
    }
  });
});
