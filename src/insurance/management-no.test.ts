import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatManagementNo, managementNoError, normalizeManagementNo } from './management-no.ts';

// 123-45-67891 is a valid 사업자등록번호 (check digit 1); 123-45-67890 is not.
describe('사업장관리번호', () => {
  it('normalizes 11 digits with hyphens and spaces', () => {
    const cases: [string, string | null][] = [
      ['123-45-67891-0', '12345678910'],
      [' 12345678910 ', '12345678910'],
      ['123 45 67891 0', '12345678910'],
      ['1234567891', null],
      ['123456789100', null],
      ['123-45-6789a-0', null],
      ['', null],
    ];
    for (const [raw, want] of cases) assert.equal(normalizeManagementNo(raw), want, raw);
  });

  it('says in Korean what is wrong', () => {
    const cases: [string, string | undefined, RegExp | null][] = [
      ['', undefined, /적어 주세요/],
      ['1234567891', undefined, /11자리/],
      ['123-45-67891-0', undefined, null],
      ['123-45-67891-6', '123-45-67891', null],
      ['123-45-67890-0', undefined, /올바른 사업자등록번호가 아닙니다/],
      ['123-45-67891-0', '220-81-11115', /220-81-11115\)와 다릅니다/],
      ['220-81-11115-0', '2208111115', null],
    ];
    for (const [raw, busino, want] of cases) {
      const error = managementNoError(raw, busino);
      if (want === null) assert.equal(error, null, raw);
      else assert.match(error ?? '', want, raw);
    }
  });

  it('is displayed 123-45-67891-0', () => {
    assert.equal(formatManagementNo('12345678910'), '123-45-67891-0');
    assert.equal(formatManagementNo('123-45-67891-0'), '123-45-67891-0');
  });
});
