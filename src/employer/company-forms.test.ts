import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { companyFormValues, parseCompanyProfile, typedCompanyForm } from './company-forms.ts';

describe('기업 정보 (parseCompanyProfile)', () => {
  const cases: { name: string; body: Record<string, unknown>; errors?: string[]; employees?: number | null }[] = [
    { name: 'nothing given is fine', body: {}, employees: null },
    {
      name: 'a full profile',
      body: { description: '물류 회사', address: '서울', employees: '1,200명', homepage: 'https://a.kr' },
      employees: 1200,
    },
    { name: 'a description too long', body: { description: '가'.repeat(2001) }, errors: ['description'] },
    { name: 'an address too long', body: { address: '가'.repeat(201) }, errors: ['address'] },
    { name: 'no employees', body: { employees: '0' }, errors: ['employees'] },
    { name: 'employees not a number', body: { employees: '많음' }, errors: ['employees'] },
    { name: 'a homepage that is no address', body: { homepage: 'www.a.kr' }, errors: ['homepage'] },
    { name: 'a homepage with a script scheme', body: { homepage: 'javascript:alert(1)' }, errors: ['homepage'] },
    { name: 'several at once', body: { employees: '-1', homepage: 'a' }, errors: ['employees', 'homepage'] },
  ];
  for (const c of cases)
    it(c.name, () => {
      const r = parseCompanyProfile(c.body);
      if (c.errors) {
        assert.ok(!r.ok);
        assert.deepEqual(Object.keys(r.errors).sort(), c.errors);
      } else {
        assert.ok(r.ok);
        assert.equal(r.value.employees, c.employees);
      }
    });

  it('masks a 주민등록번호 in the introduction', () => {
    const r = parseCompanyProfile({ description: '대표 900101-1234567' });
    assert.ok(r.ok);
    assert.equal(r.value.description, '대표 900101-1******');
  });

  it('keeps what was typed, as typed, for the form with errors', () => {
    assert.deepEqual(typedCompanyForm({ description: ' 소개 ', employees: 3, homepage: 'a' }), {
      description: ' 소개 ',
      address: '',
      employees: '',
      homepage: 'a',
    });
  });

  it('shows the saved profile, 직원 수 blank when not given', () => {
    assert.deepEqual(companyFormValues(undefined), { description: '', address: '', employees: '', homepage: '' });
    assert.equal(companyFormValues({ description: '', address: '', employees: null, homepage: '' }).employees, '');
    assert.equal(companyFormValues({ description: '', address: '', employees: 12, homepage: '' }).employees, '12');
  });
});
