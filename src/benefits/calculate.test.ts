import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  averageDailyWage,
  benefitDays,
  benefitPeriodEnd,
  type ClaimFacts,
  dailyAmount,
  eligibility,
  estimate,
  type MonthlyPay,
  reportedPayBase,
  waitingPeriod,
} from './calculate.ts';
import { amountRulesFor } from './rules.ts';

const facts = (over: Partial<ClaimFacts> = {}): ClaimFacts => ({
  separationDate: '2026-10-31',
  birthDate: '1985-05-20',
  disabled: false,
  insuredMonths: 40,
  insuredUnitDays: 400,
  separationReason: '23',
  justifiedReason: null,
  averageDailyWage: 100_000,
  ordinaryDailyWage: null,
  dailyHours: 8,
  ...over,
});

describe('구직급여일액 (제45·46조)', () => {
  // [이직일, 평균임금, 통상임금, 1일 소정근로시간, 구직급여일액, limitedBy]
  const cases: [string, number, number | null, number, number, 'upper' | 'lower' | null][] = [
    ['2025-06-30', 100_000, null, 8, 64_192, 'lower'], // 60,000 < 하한 10,030×8×80%
    ['2025-06-30', 108_000, null, 8, 64_800, null],
    ['2025-06-30', 110_000, null, 8, 66_000, 'upper'],
    ['2025-06-30', 150_000, null, 8, 66_000, 'upper'],
    ['2025-12-31', 150_000, null, 8, 66_000, 'upper'], // last day of the 66,000 cap
    ['2026-01-01', 150_000, null, 8, 68_100, 'upper'], // first day of 68,100
    ['2026-01-01', 113_500, null, 8, 68_100, 'upper'],
    ['2026-03-15', 112_000, null, 8, 67_200, null],
    ['2026-03-15', 100_000, null, 8, 66_048, 'lower'], // 하한 10,320×8×80%
    ['2026-03-15', 90_000, 115_000, 8, 68_100, 'upper'], // 통상임금 is higher and over the cap
    ['2026-03-15', 105_000, 111_000, 8, 66_600, null], // 통상임금 111,000 × 60%
    ['2026-03-15', 50_000, null, 4, 33_024, 'lower'], // part-time: 10,320×4×80%
    ['2026-03-15', 60_000, null, 4, 36_000, null],
    ['2025-06-30', 95_000, null, 6.5, 57_000, null], // 하한 10,030×6.5×80% = 52,156
    ['2025-06-30', 80_000, null, 6.5, 52_156, 'lower'],
    ['2025-06-30', 50_000, null, 8, 64_192, 'lower'], // 기초일액 raised to 최저기초일액 first
    ['2024-07-01', 105_000, null, 8, 63_104, 'lower'], // 9,860×8×80%
    ['2023-02-01', 101_000, null, 8, 61_568, 'lower'], // 9,620×8×80%
    ['2019-10-01', 120_000, null, 8, 66_000, 'upper'],
  ];
  for (const [separationDate, avg, ordinary, hours, expected, limitedBy] of cases) {
    it(`${separationDate} 평균임금 ${avg}${ordinary ? ` 통상임금 ${ordinary}` : ''} ${hours}시간 → ${expected}`, () => {
      const r = dailyAmount({ separationDate, averageDailyWage: avg, ordinaryDailyWage: ordinary, dailyHours: hours });
      assert.equal(r.value.amount, expected);
      assert.equal(r.value.limitedBy, limitedBy);
      assert.ok(r.reasons.length >= 2);
    });
  }

  it('where the limits cross, the lower limit wins (2019.1.~9. rules: 하한 60,120 > 상한 60,000)', () => {
    const rules = {
      ...amountRulesFor('2019-10-01'),
      id: '2019-01',
      from: '2019-01-01',
      ratePercent: { value: 50, cite: '구 고용보험법 제46조', checked: false },
      lowerPercent: { value: 90, cite: '구 고용보험법 제46조', checked: false },
      upperDaily: { value: 60_000, cite: '구 시행령 제68조', checked: false },
      baseCap: { value: 120_000, cite: '구 시행령 제68조', checked: false },
    };
    const minWage = { value: 8_350, cite: '2019 최저임금', checked: false };
    const r = dailyAmount(
      { separationDate: '2019-05-01', averageDailyWage: 150_000, ordinaryDailyWage: null, dailyHours: 8 },
      rules,
      minWage,
    );
    assert.equal(r.value.lower, 60_120);
    assert.equal(r.value.amount, 60_120);
    assert.equal(r.value.limitedBy, 'lower');
  });

  it('refuses an 이직일 before the rules it knows, in Korean', () => {
    assert.throws(
      () => dailyAmount({ separationDate: '2019-09-30', averageDailyWage: 1, ordinaryDailyWage: null, dailyHours: 8 }),
      /2019-10-01 이후/,
    );
  });

  it('always lies within the limits, is an integer, and never falls as wages rise', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500_000 }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 1, max: 16 }).map((h) => h / 2),
        fc.constantFrom('2020-05-01', '2023-12-31', '2025-06-30', '2026-01-01', '2026-11-20'),
        (avg, raise, hours, separationDate) => {
          const a = dailyAmount({
            separationDate,
            averageDailyWage: avg,
            ordinaryDailyWage: null,
            dailyHours: hours,
          }).value;
          const b = dailyAmount({
            separationDate,
            averageDailyWage: avg + raise,
            ordinaryDailyWage: null,
            dailyHours: hours,
          }).value;
          assert.ok(Number.isInteger(a.amount));
          assert.ok(a.amount >= a.lower);
          assert.ok(a.amount <= Math.max(a.upper, a.lower));
          assert.ok(b.amount >= a.amount);
        },
      ),
    );
  });

  it('평균임금 from three months of wages', () => {
    assert.equal(averageDailyWage(9_000_000, 92), 97_826);
    assert.equal(averageDailyWage(9_000_000, 90), 100_000);
  });
});

describe('소정급여일수 (별표1)', () => {
  const months = [0, 11, 12, 35, 36, 59, 60, 119, 120, 400];
  const under50 = [120, 120, 150, 150, 180, 180, 210, 210, 240, 240];
  const over50 = [120, 120, 180, 180, 210, 210, 240, 240, 270, 270];
  for (const [i, m] of months.entries()) {
    it(`피보험기간 ${m}개월: 50세 미만 ${under50[i]}일, 50세 이상 ${over50[i]}일, 장애인 ${over50[i]}일`, () => {
      assert.equal(benefitDays(facts({ insuredMonths: m })).value, under50[i]);
      assert.equal(benefitDays(facts({ insuredMonths: m, birthDate: '1970-01-01' })).value, over50[i]);
      assert.equal(benefitDays(facts({ insuredMonths: m, disabled: true })).value, over50[i]);
    });
  }
  it('age is counted on the 이직일 (the 50th birthday itself counts)', () => {
    assert.equal(
      benefitDays(facts({ birthDate: '1976-03-10', separationDate: '2026-03-09', insuredMonths: 130 })).value,
      240,
    );
    assert.equal(
      benefitDays(facts({ birthDate: '1976-03-10', separationDate: '2026-03-10', insuredMonths: 130 })).value,
      270,
    );
  });
  it('the total is always days × daily amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 30_000, max: 300_000 }), (m, avg) => {
        const e = estimate(facts({ insuredMonths: m, averageDailyWage: avg }), '2026-11-02');
        assert.equal(e.total.value, e.daily.value.amount * e.days.value);
      }),
    );
  });
});

describe('수급자격 (제40조)', () => {
  it('needs 180 insured days in 18 months', () => {
    assert.equal(eligibility(facts({ insuredUnitDays: 180 })).eligible, true);
    const short = eligibility(facts({ insuredUnitDays: 150 }));
    assert.equal(short.eligible, false);
    assert.match(short.problems[0] ?? '', /30일이 모자랍니다/);
  });
  it('needs an involuntary separation or a justified reason', () => {
    assert.equal(eligibility(facts({ separationReason: '22' })).eligible, true);
    assert.equal(eligibility(facts({ separationReason: '32' })).eligible, true);
    assert.equal(eligibility(facts({ separationReason: '11' })).eligible, false);
    assert.equal(eligibility(facts({ separationReason: '26' })).eligible, false);
    assert.equal(eligibility(facts({ separationReason: '12' })).eligible, false);
    assert.equal(eligibility(facts({ separationReason: '12', justifiedReason: 'J01' })).eligible, true);
    assert.match(eligibility(facts({ separationReason: '99' })).problems[0] ?? '', /골라 주세요/);
  });
});

describe('대기기간 and 수급기간 (제48·49조)', () => {
  it('the first 7 days from the 실업신고일 are unpaid', () => {
    assert.deepEqual(waitingPeriod('2026-11-25'), {
      from: '2026-11-25',
      to: '2026-12-01',
      firstPayableDay: '2026-12-02',
    });
  });
  const ends: [string, string][] = [
    ['2026-03-15', '2027-03-15'],
    ['2026-01-31', '2027-01-31'],
    ['2025-12-31', '2026-12-31'],
    ['2024-02-28', '2025-02-28'], // from 2024-02-29: no 2025-02-29, so the month's last day
    ['2023-02-28', '2024-02-29'], // from 2023-03-01: the day before 2024-03-01
  ];
  for (const [separation, end] of ends)
    it(`이직일 ${separation} → 수급기간 끝 ${end}`, () => assert.equal(benefitPeriodEnd(separation), end));

  it('says how many days still fit when filed late', () => {
    const late = estimate(
      facts({ separationDate: '2026-01-31', insuredMonths: 130, birthDate: '1970-01-01' }),
      '2026-11-25',
    );
    assert.equal(late.days.value, 270);
    assert.equal(late.periodEnd.value, '2027-01-31');
    assert.equal(late.payableWithinPeriod.value, 61); // 2026-12-02 .. 2027-01-31
    assert.match(late.payableWithinPeriod.reasons[0] ?? '', /61일만/);
  });
});

/** `pay` for each month from `from` (YYYY-MM), `count` months. */
function pays(from: string, count: number, pay: number): MonthlyPay[] {
  const out: MonthlyPay[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let i = 0; i < count; i++) {
    out.push({ month: `${y}-${String(m).padStart(2, '0')}`, pay });
    m++;
    if (m === 13) [y, m] = [y + 1, 1];
  }
  return out;
}

describe('법률 제21473호: 기초일액 from reported 보수 for 이직 from 2028-01-01', () => {
  // 2028 최저임금 is not published; the tests give one (the 2027 figure) so the 2028 version can be exercised.
  const minWage = { value: 10_700, cite: '최저임금 고시 (시험용)', checked: false };

  it('is its own rule version from 2028-01-01, with its citation; the day before keeps 평균임금', () => {
    assert.equal(amountRulesFor('2027-12-31').id, '2026-01');
    assert.equal(amountRulesFor('2027-12-31').base.kind, 'average-wage');
    const v = amountRulesFor('2028-01-01');
    assert.equal(v.id, '2028-01');
    assert.equal(v.base.kind, 'reported-pay');
    assert.equal(v.base.months, 12);
    assert.match(v.base.cite, /법률 제21473호/);
    assert.match(v.base.cite, /제45조 제1항/);
  });

  const cases: [
    why: string,
    separation: string,
    monthly: MonthlyPay[],
    from: string,
    days: number,
    total: number,
    base: number,
  ][] = [
    [
      '12 whole months of 3,000,000원, 2027-04-01~2028-03-31 (366일, 2028-02-29 included): 36,000,000 ÷ 366 = 98,360',
      '2028-03-31',
      pays('2027-04', 12, 3_000_000),
      '2027-04-01',
      366,
      36_000_000,
      98_360,
    ],
    [
      'a mid-month 이직: 2027-03 counts 16/31 of 3,100,000 (1,600,000), 2028-03 15/31 (1,500,000): 36,100,000 ÷ 366 = 98,633',
      '2028-03-15',
      [{ month: '2027-03', pay: 3_100_000 }, ...pays('2027-04', 11, 3_000_000), { month: '2028-03', pay: 3_100_000 }],
      '2027-03-16',
      366,
      36_100_000,
      98_633,
    ],
    [
      'months outside the year are ignored; a month without 보수 adds nothing: 11 × 2,920,000 ÷ 366 = 87,759',
      '2028-11-30',
      [...pays('2027-06', 6, 9_999_999), ...pays('2027-12', 11, 2_920_000), { month: '2028-11', pay: 0 }],
      '2027-12-01',
      366,
      32_120_000,
      87_759,
    ],
  ];
  for (const [why, separation, monthly, from, days, total, base] of cases)
    it(why, () => {
      const got = reportedPayBase(separation, monthly);
      assert.deepEqual(got, { base, from, to: separation, days, total });
    });

  it('computes the 구직급여일액 from it, citing the provisions', () => {
    const r = dailyAmount(
      {
        separationDate: '2028-03-31',
        averageDailyWage: 999_999, // not the basis any more
        ordinaryDailyWage: null,
        dailyHours: 8,
        reportedMonthlyPay: pays('2027-04', 12, 3_000_000),
      },
      undefined,
      minWage,
    );
    assert.equal(r.value.base, 98_360);
    assert.equal(r.value.baseSource, 'reported-pay');
    // 98,360 × 60% = 59,016 < 하한 10,700 × 8 × 80% = 68,480 → 하한 (above the 상한 68,100: the 하한 wins)
    assert.equal(r.value.amount, 68_480);
    assert.equal(r.value.limitedBy, 'lower');
    assert.match(
      r.reasons[0] ?? '',
      /2027-04-01부터 2028-03-31까지 신고된 보수 36,000,000원 ÷ 366일 = 98,360원입니다 .*법률 제21473호/,
    );
    assert.ok(r.reasons.some((x) => x.includes('제46조 제1항 제2호, 같은 조 제2항')));
  });

  it('takes 통상임금 where higher (제45조 제2항) and the 최저기초일액 where lower (제45조 제4항)', () => {
    const ordinary = dailyAmount(
      {
        separationDate: '2028-03-31',
        averageDailyWage: 0,
        ordinaryDailyWage: 110_000,
        dailyHours: 8,
        reportedMonthlyPay: pays('2027-04', 12, 3_000_000),
      },
      undefined,
      minWage,
    );
    assert.equal(ordinary.value.baseSource, 'ordinary');
    assert.equal(ordinary.value.amount, 68_480); // 110,000 × 60% = 66,000 < 하한 68,480
    assert.match(ordinary.reasons[0] ?? '', /통상임금 110,000원이 보수 기준 기초일액 98,360원보다 많아 .*제45조 제2항/);
    const minimum = dailyAmount(
      {
        separationDate: '2028-03-31',
        averageDailyWage: 0,
        ordinaryDailyWage: null,
        dailyHours: 8,
        reportedMonthlyPay: pays('2027-04', 12, 1_000_000),
      },
      undefined,
      minWage,
    );
    assert.equal(minimum.value.baseSource, 'minimum');
    assert.equal(minimum.value.base, 85_600);
    assert.ok(minimum.reasons.some((x) => x.includes('최저기초일액 85,600원') && x.includes('제45조 제4항')));
  });

  it('refuses a 2028 이직 without 보수 reports, in Korean', () => {
    assert.throws(
      () =>
        dailyAmount(
          { separationDate: '2028-01-10', averageDailyWage: 100_000, ordinaryDailyWage: null, dailyHours: 8 },
          undefined,
          minWage,
        ),
      /보수 신고 자료가 필요합니다/,
    );
  });
});

describe('citations (issue 15, item 8)', () => {
  it('통상임금 제45조 제2항, 최저기초일액 제45조 제4항, 80 % 최저구직급여일액 제46조 제1항 제2호', () => {
    const ordinary = dailyAmount({
      separationDate: '2026-03-15',
      averageDailyWage: 90_000,
      ordinaryDailyWage: 100_000,
      dailyHours: 8,
    });
    assert.ok(ordinary.reasons.some((r) => r.startsWith('통상임금') && r.includes('(고용보험법 제45조 제2항)')));
    const minimum = dailyAmount({
      separationDate: '2026-03-15',
      averageDailyWage: 50_000,
      ordinaryDailyWage: null,
      dailyHours: 8,
    });
    assert.ok(
      minimum.reasons.some((r) => r.startsWith('기초일액이 최저기초일액') && r.includes('(고용보험법 제45조 제4항)')),
    );
    assert.ok(minimum.reasons.some((r) => r.startsWith('하한액') && r.includes('고용보험법 제46조 제1항 제2호')));
    for (const date of ['2019-10-01', '2026-01-01', '2028-01-01'])
      assert.match(amountRulesFor(date).lowerPercent.cite, /^고용보험법 제46조 제1항 제2호/);
  });
});
