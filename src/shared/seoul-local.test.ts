import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSeoulLocal, toSeoulLocal } from './dates.ts';

describe("an operator's date-time, typed or picked, in Seoul time", () => {
  const cases: [string, string | null][] = [
    ['2026-11-30T09:15', '2026-11-30T00:15:00.000Z'], // what a datetime-local control sends
    ['2026-11-30T09:15:30', '2026-11-30T00:15:30.000Z'],
    ['2026-11-30 09:15', '2026-11-30T00:15:00.000Z'], // typed without the control
    ['2026-12-01T00:30', '2026-11-30T15:30:00.000Z'], // after midnight in Seoul, the day before in UTC
    ['2026-02-30T09:15', null],
    ['2026-11-30T25:00', null],
    ['2026.11.30 09:15', null],
    ['', null],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(parseSeoulLocal(input), expected));
  }
  it('gives back what the control shows', () => {
    assert.equal(toSeoulLocal('2026-11-30T00:15:00.000Z'), '2026-11-30T09:15');
  });
});
