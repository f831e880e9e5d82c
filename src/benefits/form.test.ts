import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CLAIM_FIELDS, parseClaimForm } from './form.ts';

const TODAY = '2026-11-25';
const good = {
  separationDate: '2026-10-31',
  birthDate: '1985-05-20',
  insuredMonths: '40',
  insuredUnitDays: '400',
  separationReason: '23',
  averageDailyWage: '95,000원',
  dailyHours: '8',
};

describe('the 수급자격 form', () => {
  it('reads a good form into facts', () => {
    const r = parseClaimForm(good, TODAY);
    assert.ok(r.ok);
    assert.equal(r.facts.averageDailyWage, 95_000);
    assert.equal(r.facts.justifiedReason, null);
  });
  it('computes 평균임금 from three months of wages', () => {
    const r = parseClaimForm({ ...good, wageMode: 'total', totalWages3m: '9,000,000', days3m: '92' }, TODAY);
    assert.ok(r.ok);
    assert.equal(r.facts.averageDailyWage, 97_826);
  });
  const bad: [string, Record<string, string>, string, RegExp][] = [
    ['future 이직일', { separationDate: '2026-12-01' }, 'separationDate', /오늘이나 그 전/],
    ['impossible date', { separationDate: '2026-02-30' }, 'separationDate', /연-월-일/],
    ['too old', { separationDate: '2019-09-30' }, 'separationDate', /2019-10-01 이후/],
    ['no birth date', { birthDate: '' }, 'birthDate', /주민등록번호는 받지 않습니다/],
    ['months', { insuredMonths: '-1' }, 'insuredMonths', /0~720/],
    ['unit days', { insuredUnitDays: '600' }, 'insuredUnitDays', /0~548/],
    ['reason', { separationReason: '99' }, 'separationReason', /골라/],
    ['justified', { separationReason: '12' }, 'justifiedReason', /정당한 이직 사유/],
    ['wage', { averageDailyWage: '많이' }, 'averageDailyWage', /숫자/],
    ['hours', { dailyHours: '9' }, 'dailyHours', /1~8시간/],
    ['hours step', { dailyHours: '7.25' }, 'dailyHours', /30분 단위/],
  ];
  for (const [name, change, field, message] of bad)
    it(`refuses ${name} with a Korean message, keeping the input`, () => {
      const r = parseClaimForm({ ...good, ...change }, TODAY);
      assert.ok(!r.ok);
      assert.match(r.errors[field] ?? '', message);
      for (const [k, v] of Object.entries(change)) assert.equal(r.values[k as keyof typeof r.values], v);
    });
  it('never throws, whatever arrives', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...CLAIM_FIELDS), fc.oneof(fc.string(), fc.integer(), fc.constant(null))),
        (raw) => {
          const r = parseClaimForm(raw as Record<string, unknown>, TODAY);
          if (r.ok) assert.ok(Number.isInteger(r.facts.averageDailyWage));
        },
      ),
    );
  });
});
