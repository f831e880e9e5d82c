import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSeekerProfile } from './profile.ts';

const good = { occupation0: '012', region0: '11110', wageMonthly: '280', empType: '10', availableFrom: '2026-12-01' };

describe('the 구직신청 form (parseSeekerProfile)', () => {
  const cases: { name: string; body: Record<string, unknown>; errors: Record<string, RegExp> }[] = [
    { name: 'a complete form', body: good, errors: {} },
    { name: 'no 희망직종', body: { ...good, occupation0: '' }, errors: { occupation0: /하나 이상/ } },
    {
      name: 'a 희망직종 not in KECO level 3',
      body: { ...good, occupation0: '01' },
      errors: { occupation0: /목록에서/ },
    },
    { name: 'no 희망지역', body: { ...good, region0: '' }, errors: { region0: /하나 이상/ } },
    { name: 'a region code that does not exist', body: { ...good, region0: '99999' }, errors: { region0: /목록에서/ } },
    {
      name: 'a wage that is not a number',
      body: { ...good, wageMonthly: '많이' },
      errors: { wageMonthly: /만원 단위/ },
    },
    { name: 'a wage over 1억/월', body: { ...good, wageMonthly: '10001' }, errors: { wageMonthly: /만원 단위/ } },
    { name: 'an unknown 고용 형태', body: { ...good, empType: '99' }, errors: { empType: /고용 형태/ } },
    {
      name: 'a date written otherwise',
      body: { ...good, availableFrom: '12/01' },
      errors: { availableFrom: /2026-12-01/ },
    },
    {
      name: 'an array where a text is expected',
      body: { ...good, region0: ['11110', '11140'] },
      errors: { region0: /하나 이상/ },
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const r = parseSeekerProfile(c.body);
      assert.deepEqual(Object.keys(r.errors).sort(), Object.keys(c.errors).sort());
      for (const [field, re] of Object.entries(c.errors)) assert.match(r.errors[field] ?? '', re);
      assert.equal(r.profile === null, Object.keys(c.errors).length > 0, 'a profile only without errors');
    });

  it('keeps what was typed, drops repeats, and reads 만원 with commas and units', () => {
    const r = parseSeekerProfile({ ...good, occupation1: '012', region1: '11140', wageMonthly: '1,200만원' });
    assert.deepEqual(r.profile, {
      occupations: ['012'],
      regions: ['11110', '11140'],
      wageMonthly: 12_000_000,
      empType: '10',
      availableFrom: '2026-12-01',
    });
    const bad = parseSeekerProfile({ ...good, wageMonthly: 'abc' });
    assert.equal(bad.values.wageMonthly, 'abc');
    assert.equal(bad.values.occupation0, '012');
  });
});
