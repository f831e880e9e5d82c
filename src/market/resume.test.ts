import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { careerMonths, parseResume } from './resume.ts';

const good = {
  title: '물류 관리 경력 5년',
  education: '05',
  company0: '(주)한빛물류',
  role0: '물류 관리',
  from0: '2021-03',
  to0: '',
};

describe('이력서 form', () => {
  it('reads careers and masks personal numbers', () => {
    const r = parseResume({ ...good, introduction: '주민번호 900101-1234567 입니다', isPublic: 'yes' }, '2026-11');
    assert.ok(r.ok);
    assert.equal(r.value.careers.length, 1);
    assert.equal(r.value.isPublic, true);
    assert.equal(r.value.introduction, '주민번호 900101-1****** 입니다');
  });
  const bad: [Record<string, string>, string, RegExp][] = [
    [{ title: '' }, 'title', /제목/],
    [{ education: '99' }, 'education', /학력/],
    [{ from0: '2021-13' }, 'from0', /2021\.03 처럼/],
    [{ from0: '21.03' }, 'from0', /2021\.03 처럼/],
    [{ from0: '2027-01' }, 'from0', /앞으로의 날/],
    [{ to0: '2020-01' }, 'to0', /시작보다 앞섭니다/],
    [{ company0: '' }, 'company0', /회사 이름/],
    [{ introduction: '가'.repeat(2001) }, 'introduction', /자기소개서는 2,000자/],
    [{ skills: '가'.repeat(501) }, 'skills', /보유 기술은 500자/],
  ];
  for (const [change, field, message] of bad)
    it(`refuses ${field} with a Korean message`, () => {
      const r = parseResume({ ...good, ...change }, '2026-11');
      assert.ok(!r.ok);
      assert.match(r.errors[field] ?? '', message);
    });
  for (const [from, to] of [
    ['2021.03', '2024.12'],
    ['2021. 3.', '2024/12'],
    ['2021년 3월', '202412'],
  ])
    it(`reads 경력 dates written as ${from} ~ ${to}`, () => {
      const r = parseResume({ ...good, from0: from, to0: to }, '2026-11');
      assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
      assert.deepEqual(
        r.value.careers.map((c) => [c.from, c.to]),
        [['2021-03', '2024-12']],
      );
    });
  it('never throws whatever arrives', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 10 }), fc.oneof(fc.string(), fc.integer())),
        (raw) => void parseResume(raw, '2026-11'),
      ),
    );
  });
  it('counts months of experience', () => {
    assert.equal(careerMonths([{ company: 'a', role: '', from: '2021-03', to: '2021-12' }], '2026-11'), 10);
    assert.equal(careerMonths([{ company: 'a', role: '', from: '2026-01', to: '' }], '2026-11'), 11);
  });
});
