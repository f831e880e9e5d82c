import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateReport } from './reports.ts';

describe('validateReport', () => {
  const cases: { name: string; input: Record<string, unknown>; error?: [string, RegExp] }[] = [
    { name: 'a listed reason', input: { reason: 'fee' } },
    { name: 'with detail', input: { reason: 'false_wage', detail: '월급이 공고보다 50만원 적었습니다.' } },
    { name: 'no reason', input: {}, error: ['reason', /선택해 주세요/] },
    { name: 'unknown reason', input: { reason: 'spam' }, error: ['reason', /올바르지 않습니다/] },
    { name: 'reason as an array', input: { reason: ['fee'] }, error: ['reason', /선택해 주세요/] },
    { name: 'other needs detail', input: { reason: 'other', detail: '   ' }, error: ['detail', /상세 내용/] },
    { name: 'detail too long', input: { reason: 'fee', detail: '가'.repeat(1001) }, error: ['detail', /1,000자/] },
  ];
  for (const c of cases)
    it(c.name, () => {
      const r = validateReport(c.input);
      if (!c.error) return assert.ok(r.ok);
      assert.ok(!r.ok);
      assert.match(r.errors[c.error[0]] ?? '', c.error[1]);
    });
});

describe('report detail', () => {
  it('is stored with personal numbers masked', () => {
    const r = validateReport({ reason: 'fee', detail: '담당자가 주민번호 900101-1234567 을 요구했습니다.' });
    assert.ok(r.ok);
    assert.equal(r.value.detail, '담당자가 주민번호 900101-1****** 을 요구했습니다.');
  });
});
