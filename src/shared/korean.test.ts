import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { josa } from './korean.ts';

describe('josa: the particle follows the last syllable as it is read', () => {
  const cases: [string, Parameters<typeof josa>[1], string][] = [
    ['카카오', '으로/로', '카카오로'],
    ['네이버', '으로/로', '네이버로'],
    ['서류합격', '으로/로', '서류합격으로'],
    ['서울', '으로/로', '서울로'], // ㄹ받침 takes 로
    ['면접', '으로/로', '면접으로'],
    ['최종합격', '은/는', '최종합격은'],
    ['조기재취업수당', '을/를', '조기재취업수당을'],
    ['구직급여', '이/가', '구직급여가'],
    ['2026.12.07.(월)', '으로/로', '2026.12.07.(월)로'],
    ['2026.12.03.(목)', '은/는', '2026.12.03.(목)은'],
    ['2026-12-07', '으로/로', '2026-12-07로'], // 칠: ㄹ
    ['2026-12-03', '은/는', '2026-12-03은'], // 삼
    ['2026-12-05', '은/는', '2026-12-05는'], // 오
    ['10', '은/는', '10은'], // 십
    ['"사업장 폐업"', '은/는', '"사업장 폐업"은'],
    ['hong123', '을/를', 'hong123을'], // 삼
  ];
  for (const [word, option, expected] of cases) {
    it(`${word} + ${option} → ${expected}`, () => assert.equal(josa(word, option), expected));
  }
});
