import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_SUGGESTIONS, mergeSuggestions, occupationSuggestions, typing } from './suggest.ts';

describe('직종 suggestions', () => {
  const cases: { typed: string; includes: string[]; excludes?: string[] }[] = [
    { typed: '간호', includes: ['간호사'] },
    { typed: '간호ㅅ', includes: ['간호사'], excludes: ['경비원'] },
    { typed: '요야', includes: ['요양보호사'] },
    { typed: '개발', includes: ['소프트웨어 개발자'] },
    { typed: '경리', includes: ['회계·경리 사무원', '경리'] },
  ];
  for (const c of cases)
    it(`${c.typed} → ${c.includes.join(', ')}`, () => {
      const got = occupationSuggestions(c.typed, 20).map((s) => s.text);
      for (const w of c.includes) assert.ok(got.includes(w), `${w} in ${got.join(', ')}`);
      for (const w of c.excludes ?? []) assert.ok(!got.includes(w));
    });
  it('nothing typed, nothing suggested', () => assert.deepEqual(occupationSuggestions('  '), []));
});

describe('the suggestion list', () => {
  it('splits off the word being typed', () => {
    assert.deepEqual(typing('서울 요야'), { before: '서울 ', word: '요야' });
    assert.deepEqual(typing('용접|요야'), { before: '용접|', word: '요야' });
    assert.deepEqual(typing('요야'), { before: '', word: '요야' });
  });
  it('puts 직종 first, completes the last word, drops repeats and what is typed', () => {
    const got = mergeSuggestions(
      '서울 요양',
      [{ kind: 'occupation', text: '요양보호사' }],
      [
        { kind: 'word', term: '요양보호사' },
        { kind: 'word', term: '요양원' },
        { kind: 'title', term: '요양보호사 모집(주5일)' },
        { kind: 'company', term: '요양센터 햇살' },
        { kind: 'word', term: '요양' },
      ],
    );
    assert.deepEqual(got, [
      { kind: 'occupation', text: '서울 요양보호사' },
      { kind: 'word', text: '서울 요양원' },
      { kind: 'title', text: '요양보호사 모집(주5일)' },
      { kind: 'company', text: '요양센터 햇살' },
    ]);
  });
  it(`keeps at most ${MAX_SUGGESTIONS}`, () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ kind: 'word' as const, term: `요양${i}` }));
    assert.equal(mergeSuggestions('요', [], rows).length, MAX_SUGGESTIONS);
  });
});
