import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baseDaysError, type Employment, insuredPeriod, insuredUnitDays, referencePeriod } from './unit-period.ts';

/** Monthly 보수 지급 기초일수 from `from` (YYYY-MM) for `count` months, each `days` (or the month's own length). */
function months(from: string, count: number, days: number | 'calendar'): { month: string; days: number }[] {
  const out: { month: string; days: number }[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let i = 0; i < count; i++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ month, days: days === 'calendar' ? new Date(Date.UTC(y, m, 0)).getUTCDate() : days });
    m++;
    if (m === 13) [y, m] = [y + 1, 1];
  }
  return out;
}

const job = (workplace: string, from: string, to: string | null, baseDays: Employment['baseDays']): Employment => ({
  workplace,
  from,
  to,
  baseDays,
});

describe('기준기간 (제40조 제2항)', () => {
  const cases: [why: string, input: Parameters<typeof referencePeriod>[0], from: string][] = [
    ['18개월: 2026-06-30 이직 → 2024-12-31부터', { separationDate: '2026-06-30', employments: [] }, '2024-12-31'],
    ['18개월: 2026-03-31 이직 → 2024-10-01부터', { separationDate: '2026-03-31', employments: [] }, '2024-10-01'],
    [
      '초단시간 24개월 → 2024-07-01부터',
      { separationDate: '2026-06-30', employments: [], veryShortHours: true },
      '2024-07-01',
    ],
    [
      '60일 보수 미지급 (30일 이상) → 60일 앞당겨 2024-11-01부터',
      { separationDate: '2026-06-30', employments: [], unpaidSpells: [{ from: '2025-03-01', to: '2025-04-29' }] },
      '2024-11-01',
    ],
    [
      '29일 보수 미지급은 늘리지 않음',
      { separationDate: '2026-06-30', employments: [], unpaidSpells: [{ from: '2025-03-01', to: '2025-03-29' }] },
      '2024-12-31',
    ],
  ];
  for (const [why, input, from] of cases)
    it(why, () => {
      const ref = referencePeriod(input);
      assert.equal(ref.from, from);
      assert.equal(ref.to, input.separationDate);
    });
});

describe('피보험단위기간 (제41조): across employers, gaps, overlaps, months without 보수', () => {
  const cases: [
    why: string,
    input: Parameters<typeof insuredUnitDays>[0],
    days: number,
    notes?: Record<string, string>,
  ][] = [
    [
      'one employer, 18 full months × 22일 = 396',
      { separationDate: '2026-06-30', employments: [job('A', '2025-01-01', '2026-06-30', months('2025-01', 18, 22))] },
      396,
    ],
    [
      'two employers with an 8-month gap: A only 2024-12-31 (1 day of its 20) + B 10 × 21 = 211',
      {
        separationDate: '2026-06-30',
        employments: [
          job('A', '2024-03-01', '2024-12-31', months('2024-03', 10, 20)),
          job('B', '2025-09-01', '2026-06-30', months('2025-09', 10, 21)),
        ],
      },
      211,
      { '2024-12': 'partial' },
    ],
    [
      'months without 보수 (0일, 휴직) count nothing: 12 × 22 + 6 × 0 = 264',
      {
        separationDate: '2026-06-30',
        employments: [job('A', '2025-01-01', '2026-06-30', [...months('2025-01', 12, 22), ...months('2026-01', 6, 0)])],
      },
      264,
    ],
    [
      '이중고용, two 월급제 jobs in April: 30 + 30 counts 30 → 151 + 30 = 181 (not 211)',
      {
        separationDate: '2026-04-30',
        employments: [
          job('A', '2025-11-01', '2026-04-30', months('2025-11', 6, 'calendar')),
          job('B', '2026-04-01', '2026-04-30', [{ month: '2026-04', days: 30 }]),
        ],
      },
      181,
      { '2026-04': 'overlap' },
    ],
    [
      'job change inside October: A 11 (1–15일) + B 23 ≤ 31 → 34 capped at 31; 9 × 20 + 31 + 5 × 22 = 321',
      {
        separationDate: '2026-03-31',
        employments: [
          job('A', '2025-01-01', '2025-10-15', [...months('2025-01', 9, 20), { month: '2025-10', days: 11 }]),
          job('B', '2025-10-01', '2026-03-31', [{ month: '2025-10', days: 23 }, ...months('2025-11', 5, 22)]),
        ],
      },
      321,
      { '2025-10': 'overlap' },
    ],
    [
      'an earlier paid claim (이직 2025-03-31) before the last 취득: A left out, B 11 × 22 = 242 (not 303)',
      {
        separationDate: '2026-06-30',
        priorPaidSeparations: ['2025-03-31'],
        employments: [
          job('A', '2024-06-01', '2025-03-31', months('2024-06', 10, 20)),
          job('B', '2025-08-01', '2026-06-30', months('2025-08', 11, 22)),
        ],
      },
      242,
      { '2024-12': 'prior-claim', '2025-01': 'prior-claim', '2025-02': 'prior-claim', '2025-03': 'prior-claim' },
    ],
    [
      'a claim after the last 취득 does not cut (it is the same employment): 396',
      {
        separationDate: '2026-06-30',
        priorPaidSeparations: ['2026-07-31'],
        employments: [job('A', '2025-01-01', '2026-06-30', months('2025-01', 18, 22))],
      },
      396,
    ],
    [
      '기준기간 extended by 60 unpaid days takes in November–December 2024: 2 × 20 + 396 = 436',
      {
        separationDate: '2026-06-30',
        unpaidSpells: [{ from: '2025-03-01', to: '2025-04-29' }],
        employments: [
          job('A', '2024-11-01', '2026-06-30', [...months('2024-11', 2, 20), ...months('2025-01', 18, 22)]),
        ],
      },
      436,
    ],
  ];
  for (const [why, input, days, notes] of cases)
    it(why, () => {
      const got = insuredUnitDays(input);
      assert.equal(got.days, days);
      const flagged = Object.fromEntries(got.months.filter((m) => m.note).map((m) => [m.month, m.note]));
      assert.deepEqual(flagged, notes ?? {});
      assert.ok(got.reasons.some((r) => r.includes('제41조 제1항')));
    });

  it('says why a month was cut, for the counsellor', () => {
    const got = insuredUnitDays(cases[3]?.[1] as Parameters<typeof insuredUnitDays>[0]);
    assert.ok(got.reasons.some((r) => r.startsWith('2026-04: 여러 사업장에서 신고된 60일 중') && r.includes('30일')));
  });

  it('refuses a month with more days than it has', () => {
    assert.match(baseDaysError('2026-02', 29) ?? '', /28일/);
    assert.match(baseDaysError('2026-13', 1) ?? '', /형식/);
    assert.match(baseDaysError('2026-01', -1) ?? '', /0 이상/);
    assert.equal(baseDaysError('2024-02', 29), null);
    assert.throws(
      () =>
        insuredUnitDays({
          separationDate: '2026-06-30',
          employments: [job('A', '2026-01-01', null, [{ month: '2026-02', days: 30 }])],
        }),
      RangeError,
    );
  });
});

describe('피보험기간 for 별표1 (제50조): 합산, gaps, an earlier claim, overlaps', () => {
  const cases: [why: string, input: Parameters<typeof insuredPeriod>[0], days: number, months: number][] = [
    [
      'one employer 2020-03-01~2026-02-28: 72개월',
      { separationDate: '2026-02-28', employments: [job('A', '2020-03-01', '2026-02-28', [])] },
      2191,
      72,
    ],
    [
      'gap under 3 years (상실 2020-01-01, 취득 2022-06-01): 60 + 48 = 108개월',
      {
        separationDate: '2026-05-31',
        employments: [job('A', '2015-01-01', '2019-12-31', []), job('B', '2022-06-01', '2026-05-31', [])],
      },
      1826 + 1461,
      108,
    ],
    [
      'gap over 3 years (취득 2023-02-01): B only, 40개월',
      {
        separationDate: '2026-05-31',
        employments: [job('A', '2015-01-01', '2019-12-31', []), job('B', '2023-02-01', '2026-05-31', [])],
      },
      1216,
      40,
    ],
    [
      'A was used for a paid claim (이직 2019-12-31): B only, 72개월',
      {
        separationDate: '2026-05-31',
        priorPaidSeparations: ['2019-12-31'],
        employments: [job('A', '2015-01-01', '2019-12-31', []), job('B', '2020-06-01', '2026-05-31', [])],
      },
      2191,
      72,
    ],
    [
      'the same two jobs without a claim: 60 + 72 = 132개월 (10년 이상)',
      {
        separationDate: '2026-05-31',
        employments: [job('A', '2015-01-01', '2019-12-31', []), job('B', '2020-06-01', '2026-05-31', [])],
      },
      1826 + 2191,
      132,
    ],
    [
      '이중고용 2024-07~12 counted once: 2024-01-01~2025-06-30 = 18개월, 547일',
      {
        separationDate: '2025-06-30',
        employments: [job('A', '2024-01-01', '2024-12-31', []), job('B', '2024-07-01', '2025-06-30', [])],
      },
      547,
      18,
    ],
    [
      'leftover days add up: 1개월 24일 + 10일 = 34일 → 2개월',
      {
        separationDate: '2025-04-10',
        employments: [job('A', '2025-01-15', '2025-03-10', []), job('B', '2025-04-01', '2025-04-10', [])],
      },
      55 + 10,
      2,
    ],
  ];
  for (const [why, input, days, m] of cases)
    it(why, () => {
      const got = insuredPeriod(input);
      assert.equal(got.days, days);
      assert.equal(got.months, m);
      assert.match(got.reasons[0] ?? '', /제50조/);
    });

  it('names what it left out and why', () => {
    const got = insuredPeriod(cases[3]?.[1] as Parameters<typeof insuredPeriod>[0]);
    assert.ok(got.reasons.some((r) => r.startsWith('A(2015-01-01~2019-12-31)은 2019-12-31 이직으로 구직급여를')));
    const gap = insuredPeriod(cases[2]?.[1] as Parameters<typeof insuredPeriod>[0]);
    assert.ok(gap.reasons.some((r) => r.includes('3년이 넘어 합산하지 않았습니다')));
  });
});
