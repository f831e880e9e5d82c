import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CERTIFICATE_DEADLINE_RULES,
  certificateDueOn,
  isLate,
  REPORT_DEADLINE_RULES,
  reportDueOn,
} from './deadlines.ts';

describe('피보험자격 취득·상실 신고 기한 (시행령 제7조 제1항: 다음 달 15일)', () => {
  const cases: [kind: 'acquire' | 'lose', event: string, due: string, why: string][] = [
    ['acquire', '2026-03-02', '2026-04-15', '수요일'],
    ['lose', '2026-04-01', '2026-05-15', '3월 31일 이직 → 상실일 4월 1일 → 5월 15일 (금)'],
    ['lose', '2026-03-31', '2026-04-15', 'the 상실일 decides the month'],
    ['acquire', '2026-01-31', '2026-02-19', '2월 15일 (일)·16~18일 설날 연휴 → 19일 (목)'],
    ['acquire', '2026-02-10', '2026-03-16', '3월 15일 (일) → 16일 (월)'],
    ['lose', '2026-12-01', '2027-01-15', 'December → 15 January of the next year (금)'],
    ['acquire', '2026-07-20', '2026-08-18', '8월 15일 광복절 (토), 16일 (일), 17일 대체공휴일 → 18일 (화)'],
  ];
  for (const [kind, event, due, why] of cases)
    it(`${kind} ${event} → ${due} (${why})`, () => assert.equal(reportDueOn(kind, event), due));

  it('cites its provision and refuses dates before the rule', () => {
    assert.match(REPORT_DEADLINE_RULES[0]?.cite ?? '', /시행령 제7조 제1항/);
    assert.throws(() => reportDueOn('acquire', '2010-12-31'), RangeError);
    assert.throws(() => reportDueOn('acquire', '2026-13-01'), RangeError);
  });
});

describe('이직확인서 기한 (요청받은 날부터 10일, 초일 불산입)', () => {
  const cases: [requested: string, due: string][] = [
    ['2026-03-02', '2026-03-12'], // 월 → 목
    ['2026-03-06', '2026-03-16'], // 금 → 16일 (월)
    ['2026-03-04', '2026-03-16'], // 14일 (토) → 16일 (월)
    ['2026-09-14', '2026-09-28'], // 24일 추석 전날, 25일 추석, 26일 (토)·추석 다음 날, 27일 (일) → 28일 (월)
  ];
  for (const [requested, due] of cases)
    it(`${requested} → ${due}`, () => assert.equal(certificateDueOn(requested), due));

  it('carries its provision', () => {
    assert.equal(CERTIFICATE_DEADLINE_RULES[0]?.days, 10);
    assert.match(CERTIFICATE_DEADLINE_RULES[0]?.cite ?? '', /제42조 제3항/);
  });
});

describe('isLate', () => {
  const cases: [due: string, filed: string, late: boolean][] = [
    ['2026-04-15', '2026-04-15', false],
    ['2026-04-15', '2026-04-14', false],
    ['2026-04-15', '2026-04-16', true],
    ['2026-04-15', '2027-01-01', true],
  ];
  for (const [due, filed, late] of cases)
    it(`due ${due}, filed ${filed} → ${late ? 'late' : 'on time'}`, () => assert.equal(isLate(due, filed), late));
});
