import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getChoseong } from 'es-hangul';
import { choseongOf, highlight, snippet } from './highlight.ts';
import { parseKeyword } from './search-query.ts';

const h = (text: string, q: string) => highlight(text, parseKeyword(q).expr).toString();

describe('highlight', () => {
  const cases: [string, string, string, string][] = [
    ['a 2-syllable word inside a longer word', '웹 개발자 모집', '개발', '웹 <mark>개발</mark>자 모집'],
    [
      'every word of an AND query',
      '물류센터 상하차 직원',
      '물류 상하차',
      '<mark>물류</mark>센터 <mark>상하차</mark> 직원',
    ],
    ['either side of an OR', '용접공 모집', '용접|도장', '<mark>용접</mark>공 모집'],
    ['초성 matches the syllables', '웹 개발자 모집', 'ㄱㅂㅈ', '웹 <mark>개발자</mark> 모집'],
    ['Latin case-insensitively', 'Java 백엔드', 'java', '<mark>Java</mark> 백엔드'],
    ['overlapping terms as one mark', '개발자', '개발 발자', '<mark>개발자</mark>'],
    ['escapes HTML in the text', '<b>개발</b>', '개발', '&lt;b&gt;<mark>개발</mark>&lt;/b&gt;'],
    ['escapes HTML in the match', 'a<script>b', '<script>', 'a<mark>&lt;script&gt;</mark>b'],
    ['nothing when nothing matches', '요양보호사', '개발', '요양보호사'],
  ];
  for (const [name, text, q, expected] of cases) it(`marks ${name}`, () => assert.equal(h(text, q), expected));
});

describe('snippet', () => {
  it('centres on the first match and marks it', () => {
    const text = `${'가나다라 '.repeat(40)}웹 개발 업무 ${'마바사 '.repeat(40)}`;
    const out = snippet(text, parseKeyword('개발').expr, 60).toString();
    assert.match(out, /^… /);
    assert.match(out, /<mark>개발<\/mark>/);
    assert.match(out, / …$/);
  });
  it('starts at the beginning when nothing matches', () => {
    assert.equal(snippet('짧은 글', parseKeyword('개발').expr).toString(), '짧은 글');
  });
});

describe('choseongOf', () => {
  it("gives es-hangul's 초성 for every precomposed syllable, and keeps other characters in place", () => {
    for (let code = 0xac00; code <= 0xd7a3; code++) {
      const ch = String.fromCodePoint(code);
      assert.equal(choseongOf(ch), getChoseong(ch), ch);
    }
    assert.equal(choseongOf('물류 Center·1팀'), 'ㅁㄹ center·1ㅌ');
  });
});
