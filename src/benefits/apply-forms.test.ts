import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseApply } from './apply-forms.ts';

const TODAY = '2026-11-25';
const KEY = 'k-1234567890abcdef';
const CENTRES = ['seoul-gangnam', 'busan-buk'];
const good = {
  idempotencyKey: KEY,
  companyName: '(주)한빛물류',
  centreCode: 'seoul-gangnam',
  separationDate: '2026-10-31',
  birthDate: '1985-05-20',
  insuredMonths: '40',
  insuredUnitDays: '400',
  separationReason: '23',
  averageDailyWage: '95,000',
  dailyHours: '8',
};

describe('수급자격 신청 (parseApply)', () => {
  const cases: { name: string; body: Record<string, unknown>; errors: string[] }[] = [
    { name: 'a complete form', body: good, errors: [] },
    { name: 'no last workplace', body: { ...good, companyName: '  ' }, errors: ['companyName'] },
    { name: 'a centre not on the list', body: { ...good, centreCode: 'nowhere' }, errors: ['centreCode'] },
    { name: 'no centre', body: { ...good, centreCode: '' }, errors: ['centreCode'] },
    { name: 'no idempotency key', body: { ...good, idempotencyKey: '' }, errors: ['_form'] },
    { name: 'a malformed key', body: { ...good, idempotencyKey: 'short' }, errors: ['_form'] },
    { name: 'a future 이직일', body: { ...good, separationDate: '2026-12-01' }, errors: ['separationDate'] },
    {
      name: 'several at once',
      body: { ...good, companyName: '', centreCode: '', birthDate: '' },
      errors: ['birthDate', 'centreCode', 'companyName'],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const r = parseApply(c.body, TODAY, CENTRES);
      assert.deepEqual(Object.keys(r.errors).sort(), c.errors);
      assert.equal(r.value === null, c.errors.length > 0);
      assert.equal(r.form.companyName, String(c.body.companyName ?? '').trim());
    });

  it('files what was checked, with the form key', () => {
    const r = parseApply(good, TODAY, CENTRES);
    assert.equal(r.key, KEY);
    assert.equal(r.value?.idempotencyKey, KEY);
    assert.equal(r.value?.centreCode, 'seoul-gangnam');
    assert.equal(r.value?.facts.averageDailyWage, 95_000);
  });

  it('keeps a well-formed key when something else is wrong, drops a malformed one', () => {
    assert.equal(parseApply({ ...good, companyName: '' }, TODAY, CENTRES).key, KEY);
    assert.equal(parseApply({ ...good, idempotencyKey: '../x' }, TODAY, CENTRES).key, undefined);
  });

  it('masks a 주민등록번호 typed into the workplace name', () => {
    const r = parseApply({ ...good, companyName: '한빛 850520-1234567' }, TODAY, CENTRES);
    assert.doesNotMatch(r.form.companyName, /1234567/);
    assert.equal(r.value?.companyName, r.form.companyName);
  });
});
