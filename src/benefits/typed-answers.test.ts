import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answersFromTyped } from './typed-answers.ts';

const records = {
  separationDate: '2026-11-20',
  separationReason: '23',
  insuredUnitDays: 549,
  insuredMonths: 43,
  averageDailyWage: 101_086,
  ordinaryDailyWage: null as number | null,
  dailyHours: 8,
  birthDate: '1986-02-09',
};

describe('answersFromTyped: typed facts against the records', () => {
  const cases: { name: string; typed: Partial<typeof records>; disputed: string[] }[] = [
    { name: 'typed as the records have them: all confirmed', typed: {}, disputed: [] },
    { name: 'another 이직사유 typed', typed: { separationReason: '11' }, disputed: ['separationReason'] },
    {
      name: 'a guessed 피보험단위기간 and wage',
      typed: { insuredUnitDays: 400, averageDailyWage: 95_000 },
      disputed: ['insuredUnitDays', 'averageDailyWage'],
    },
    {
      name: 'a 통상임금 typed where the records hold none',
      typed: { ordinaryDailyWage: 98_000 },
      disputed: ['ordinaryDailyWage'],
    },
    { name: 'a fact left out is not disputed', typed: { ordinaryDailyWage: null }, disputed: [] },
  ];
  it('says what was written, with its particles', () =>
    assert.equal(
      answersFromTyped(records, { ...records, insuredUnitDays: 400 }).insuredUnitDays.statement,
      '신청서(직접 적어 접수)에 피보험단위기간을 400으로 적었습니다.',
    ));
  for (const c of cases)
    it(c.name, () => {
      const got = answersFromTyped(records, { ...records, ...c.typed });
      assert.deepEqual(
        Object.entries(got)
          .filter(([, a]) => a.answer === 'dispute')
          .map(([k]) => k),
        c.disputed,
      );
      for (const k of c.disputed)
        assert.match(got[k as keyof typeof got].statement, /^신청서\(직접 적어 접수\)에 .+[을를] .+로 적었습니다\.$/);
    });
});
