import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDate, formatDateTime, formatKoreanDate, normaliseYearMonth } from './dates.ts';

describe('one date format and one date-time format, in Seoul time', () => {
  const dates: [Parameters<typeof formatDate>[0], string][] = [
    ['2026-12-04', '2026.12.04.'],
    ['2026-12-03T15:00:00.000Z', '2026.12.04.'], // midnight in Seoul
    ['2026-12-03T14:59:59.000Z', '2026.12.03.'],
    [new Date('2027-01-01T00:00:00+09:00'), '2027.01.01.'],
    [null, '-'],
    ['', '-'],
    ['not a date', '-'],
  ];
  for (const [value, expected] of dates) {
    it(`formatDate(${String(value)}) → ${expected}`, () => assert.equal(formatDate(value), expected));
  }
  const times: [Parameters<typeof formatDateTime>[0], string][] = [
    ['2026-12-04T05:07:00.000Z', '2026.12.04. 14:07'],
    ['2026-12-03T15:00:00.000Z', '2026.12.04. 00:00'],
    ['2026-12-04 14:07:31.123+09', '2026.12.04. 14:07'], // as PostgreSQL prints timestamptz::text
    [null, '-'],
    ['garbage', '-'],
  ];
  for (const [value, expected] of times) {
    it(`formatDateTime(${String(value)}) → ${expected}`, () => assert.equal(formatDateTime(value), expected));
  }
  it('adds the day of the week where it matters', () => {
    assert.equal(formatKoreanDate('2026-12-07'), '2026.12.07.(월)');
  });
});

describe('a year and month as people write them', () => {
  const cases: [string, string | null][] = [
    ['2021-03', '2021-03'],
    ['2021.03', '2021-03'],
    ['2021.3', '2021-03'],
    ['2021. 3.', '2021-03'],
    ['2021/03', '2021-03'],
    ['2021년 3월', '2021-03'],
    ['202103', '2021-03'],
    [' 2021-12 ', '2021-12'],
    ['2021-13', null],
    ['2021-00', null],
    ['21.03', null],
    ['2021', null],
    ['2021-03-01', null],
    ['1899-01', null],
    ['', null],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(normaliseYearMonth(input), expected));
  }
});
