import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  averageWage,
  baseDayListError,
  baseDayMonths,
  separationDateOf,
  wagePeriodError,
  wagePeriods,
} from './certificate-rules.ts';

describe('이직일 (고용보험법 제14조 제1항 제2호)', () => {
  for (const [lostOn, separatedOn] of [
    ['2026-11-01', '2026-10-31'],
    ['2026-03-01', '2026-02-28'],
    ['2024-03-01', '2024-02-29'],
    ['2027-01-01', '2026-12-31'],
  ] as const)
    it(`상실일 ${lostOn} → 이직일 ${separatedOn}`, () => assert.equal(separationDateOf(lostOn), separatedOn));
});

describe('임금계산기간: 3 months ending on the 이직일', () => {
  const cases: { lostOn: string; acquiredOn: string | null; rows: [string, string, number][] }[] = [
    {
      lostOn: '2026-11-01',
      acquiredOn: '2023-03-06',
      rows: [
        ['2026-08-01', '2026-08-31', 31],
        ['2026-09-01', '2026-09-30', 30],
        ['2026-10-01', '2026-10-31', 31],
      ],
    },
    {
      lostOn: '2025-08-19',
      acquiredOn: null,
      rows: [
        ['2025-05-19', '2025-06-18', 31],
        ['2025-06-19', '2025-07-18', 30],
        ['2025-07-19', '2025-08-18', 31],
      ],
    },
    {
      lostOn: '2026-03-31',
      acquiredOn: null,
      rows: [
        ['2025-12-31', '2026-01-30', 31],
        ['2026-01-31', '2026-02-27', 28],
        ['2026-02-28', '2026-03-30', 31],
      ],
    },
    {
      // 취업 후 3개월 미만: the time employed only.
      lostOn: '2026-11-01',
      acquiredOn: '2026-09-15',
      rows: [
        ['2026-09-15', '2026-09-30', 16],
        ['2026-10-01', '2026-10-31', 31],
      ],
    },
  ];
  for (const c of cases)
    it(`상실일 ${c.lostOn}, 취득일 ${c.acquiredOn ?? '모름'}`, () =>
      assert.deepEqual(
        wagePeriods(c.lostOn, c.acquiredOn),
        c.rows.map(([from, to, days]) => ({ from, to, days })),
      ));
});

describe('평균임금 (근로기준법 제2조 제1항 제6호)', () => {
  it('is the total wages ÷ the total days', () => {
    const a = averageWage([
      { from: '2026-08-01', to: '2026-08-31', wage: 2_750_000, days: 31 },
      { from: '2026-09-01', to: '2026-09-30', wage: 2_750_000, days: 30 },
      { from: '2026-10-01', to: '2026-10-31', wage: 3_000_000, days: 31 },
    ]);
    assert.deepEqual(a && { ...a, daily: Math.round(a.daily * 100) / 100 }, {
      totalWage: 8_500_000,
      totalDays: 92,
      daily: 92_391.3,
    });
  });
  it('has none without days', () => assert.equal(averageWage([]), null));
  it('refuses a row with more days than it has, or wages for no days', () => {
    assert.match(wagePeriodError({ from: '2026-09-01', to: '2026-09-30', wage: 1, days: 31 }) ?? '', /30일/);
    assert.match(wagePeriodError({ from: '2026-09-01', to: '2026-09-30', wage: 5, days: 0 }) ?? '', /0원/);
    assert.equal(wagePeriodError({ from: '2026-09-01', to: '2026-09-30', wage: 0, days: 0 }), null);
    assert.equal(wagePeriodError({ from: '2026-09-01', to: '2026-09-30', wage: 2_000_000, days: 20 }), null);
  });
});

describe('보수 지급 기초일수: the months of the 기준기간', () => {
  it('lists the 18 months before the 이직일, each with its calendar days', () => {
    const months = baseDayMonths('2026-10-31', '2023-03-06');
    assert.equal(months.length, 18);
    assert.deepEqual(months[0], { month: '2025-05', days: 31 });
    assert.deepEqual(months[9], { month: '2026-02', days: 28 });
    assert.deepEqual(months[17], { month: '2026-10', days: 31 });
  });
  it('cuts the first and last month at the window and starts at the 취득일', () => {
    const months = baseDayMonths('2026-10-15', null);
    assert.deepEqual(months[0], { month: '2025-04', days: 15 });
    assert.deepEqual(months.at(-1), { month: '2026-10', days: 15 });
    const late = baseDayMonths('2026-10-31', '2026-08-20');
    assert.deepEqual(late, [
      { month: '2026-08', days: 12 },
      { month: '2026-09', days: 30 },
      { month: '2026-10', days: 31 },
    ]);
  });
  it('checks each month as unit-period.ts does', () => {
    assert.equal(baseDayListError([{ month: '2026-02', days: 28 }]), null);
    assert.match(baseDayListError([{ month: '2026-02', days: 29 }]) ?? '', /28일/);
  });
});
