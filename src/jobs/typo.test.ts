import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correctedQuery, jamoOf, maxEdits, nearestWord, type VocabularyWord } from './typo.ts';

const word = (term: string, n: number): VocabularyWord => ({ term, jamo: jamoOf(term), n });
const VOCABULARY = [
  word('요양보호사', 120),
  word('요양원', 40),
  word('보호사', 2),
  word('경리', 80),
  word('개발자', 90),
  word('개발', 200),
  word('물류', 60),
  word('용접', 30),
];

describe('jamo', () => {
  const cases: [string, string][] = [
    ['요양', 'ㅇㅛㅇㅑㅇ'],
    ['왜', 'ㅇㅗㅐ'],
    ['값', 'ㄱㅏㅂㅅ'],
    ['Java', 'java'],
  ];
  for (const [text, jamo] of cases) it(`${text} → ${jamo}`, () => assert.equal(jamoOf(text), jamo));
  it('a half-typed syllable is a prefix of the word it starts', () =>
    assert.ok(jamoOf('요양').startsWith(jamoOf('요야'))));
  it('allows more edits for longer words', () => {
    assert.equal(maxEdits(jamoOf('경리')), 1);
    assert.equal(maxEdits(jamoOf('요양보호사')), 2);
    assert.equal(maxEdits(jamoOf('요양보호사자격증')), 3);
  });
});

describe('the nearest common word', () => {
  const cases: { typed: string; want: string | undefined; why: string }[] = [
    { typed: '요양보효사', want: '요양보호사', why: 'one vowel wrong' },
    { typed: '요양보호ㅅ', want: '요양보호사', why: 'the last vowel not typed yet' },
    { typed: '겅리', want: '경리', why: 'ㅓ for ㅕ' },
    { typed: '개발쟈', want: '개발자', why: 'the nearer of 개발 and 개발자' },
    { typed: '뮬류', want: '물류', why: 'ㅠ for ㅜ' },
    { typed: '경리', want: undefined, why: 'a common word is not a typo' },
    { typed: '보호샤', want: undefined, why: '보호사 is used by too few postings to be offered' },
    { typed: '컴퓨터', want: undefined, why: 'nothing near' },
    { typed: '용잡', want: '용접', why: 'one vowel' },
  ];
  for (const c of cases)
    it(`${c.typed} → ${c.want ?? 'none'} (${c.why})`, () => assert.equal(nearestWord(c.typed, VOCABULARY), c.want));
});

describe('the corrected query', () => {
  it('replaces the corrected words only, keeping spaces and |', () =>
    assert.equal(
      correctedQuery('요양보효사 서울|부산', new Map([['요양보효사', '요양보호사']])),
      '요양보호사 서울|부산',
    ));
});
