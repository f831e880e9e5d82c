import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { birthDateOf, maskRrn, normalizeRrn, personHash, rrnError } from './person.ts';

describe('주민등록번호 of a reported worker', () => {
  for (const [raw, error] of [
    ['850520-1234567', null],
    ['8505201234567', null],
    ['050520-3234567', null],
    ['850520 - 5234567', null],
    ['', '주민등록번호를 적어 주세요.'],
    ['850520-123456', '주민등록번호는 숫자 13자리로 적어 주세요 (예: 850520-1234567).'],
    ['85052a-1234567', '주민등록번호는 숫자 13자리로 적어 주세요 (예: 850520-1234567).'],
    ['850230-1234567', '주민등록번호 앞 7자리(생년월일과 성별 자리)가 올바르지 않습니다.'],
    ['850520-9234567', '주민등록번호 앞 7자리(생년월일과 성별 자리)가 올바르지 않습니다.'],
  ] as const)
    it(`${raw || '(empty)'} → ${error ?? 'valid'}`, () => assert.equal(rrnError(raw), error));

  it('reads the century from the 7th digit', () => {
    assert.equal(birthDateOf('8505201234567'), '1985-05-20');
    assert.equal(birthDateOf('0502293234567'), null, '2005 had no 29 February');
    assert.equal(birthDateOf('0402294234567'), '2004-02-29');
  });

  it('masks all but the birth date and the 7th digit', () => {
    assert.equal(maskRrn(normalizeRrn('850520-1234567') ?? ''), '850520-1******');
  });

  it('hashes with the key: the same person the same, another key another', () => {
    const a = personHash('secret-a', '8505201234567');
    assert.equal(a, personHash('secret-a', '8505201234567'));
    assert.notEqual(a, personHash('secret-b', '8505201234567'));
    assert.notEqual(a, personHash('secret-a', '8505201234568'));
    assert.doesNotMatch(a, /8505201234567/);
  });
});
