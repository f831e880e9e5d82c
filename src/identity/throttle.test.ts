import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACCOUNT_POLICY, delayAfter, IP_POLICY, PASSWORD_RESET, waitText } from './throttle.ts';

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

describe('비밀번호 찾기 throttle delays', () => {
  const cases: [number, number, number][] = [
    // requests, per-ID delay, per-IP delay (seconds)
    [1, 0, 0],
    [3, 0, 0],
    [4, 300, 0],
    [5, 600, 0],
    [7, 2400, 0],
    [8, 3600, 0],
    [20, 3600, 0],
    [21, 3600, 60],
    [22, 3600, 120],
    [40, 3600, 3600],
  ];
  for (const [requests, id, ip] of cases) {
    it(`${requests} requests → ${id} s per ID, ${ip} s per IP`, () => {
      assert.equal(delayAfter(requests, PASSWORD_RESET.account), id);
      assert.equal(delayAfter(requests, PASSWORD_RESET.ip), ip);
    });
  }
});

describe('waiting time in words', () => {
  const cases: [number, string][] = [
    [1, '1초'],
    [59, '59초'],
    [60, '1분'],
    [61, '2분'],
    [300, '5분'],
    [3600, '60분'],
  ];
  for (const [seconds, text] of cases) it(`${seconds} s → ${text}`, () => assert.equal(waitText(seconds), text));
});
