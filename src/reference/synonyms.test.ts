import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SYNONYM_GROUPS, synonymsOf } from './synonyms.ts';

describe('the synonym table', () => {
  it('gives every group a source, at least two words, and each word one group only', () => {
    const seen = new Set<string>();
    for (const g of SYNONYM_GROUPS) {
      assert.ok(g.source.length > 10, `a source for ${g.words.join('/')}`);
      assert.ok(g.words.length >= 2);
      for (const w of g.words) {
        assert.ok(!seen.has(w), `${w} in two groups`);
        assert.ok([...w].length >= 2, `${w}: the search ignores one-letter words`);
        assert.equal(w, w.toLowerCase());
        seen.add(w);
      }
    }
  });
  const cases: [string, string[]][] = [
    ['경리', ['회계']],
    ['회계', ['경리']],
    ['요양보호사', ['간병', '돌봄']],
    ['개발자', ['프로그래머']],
    ['개발', []],
    ['물류', []],
  ];
  for (const [word, want] of cases)
    it(`${word} → ${want.join(', ') || 'none'}`, () => assert.deepEqual(synonymsOf(word), want));
});
