import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nameWords, occupationsNamedBy, occupationsWith, relatedNotices, withRelated } from './related-words.ts';
import { parseKeyword, parseSearchParams, readRawQuery, toQueryString } from './search-query.ts';

describe('occupations named by a word', () => {
  const cases: { word: string; codes: string[]; why: string }[] = [
    { word: '경리', codes: ['027'], why: '027 회계·경리 사무원' },
    { word: '간호사', codes: ['304'], why: 'the name itself' },
    { word: '개발자', codes: ['133'], why: '133 소프트웨어 개발자' },
    { word: '회계', codes: ['023', '027'], why: 'two names have it as a word' },
    { word: '미용', codes: ['511'], why: '014 lists 미용 among the managers: 관리직 are left out' },
    { word: '간호', codes: ['304'], why: '간호사 is 간호 and a person suffix' },
    { word: '간호조', codes: [], why: 'a part of 간호조무사 is not a whole word' },
    { word: '사무원', codes: [], why: 'seven 소분류: too general' },
    { word: '및', codes: [], why: 'one character' },
    { word: '요양보호사', codes: [], why: 'a 세분류, not a 소분류 name (the synonym table has it)' },
  ];
  for (const c of cases)
    it(`${c.word} → ${c.codes.join(', ') || 'none'} (${c.why})`, () =>
      assert.deepEqual(
        occupationsNamedBy(c.word).map((o) => o.code),
        c.codes,
      ));
  it('splits names into words at 가운뎃점, spaces and brackets, without 및', () =>
    assert.deepEqual(nameWords('주방장 및 조리사'), ['주방장', '조리사']));
  it('tells whole words from parts for 정확도순', () =>
    assert.deepEqual(occupationsWith('네트워'), { whole: [], partial: ['134'] }));
});

describe('related words', () => {
  const words = (expr: ReturnType<typeof withRelated>['expr']) =>
    expr.map((g) => g.map((t) => (t.kind === 'occupation' ? `직종:${t.codes.join('+')}` : t.text)));
  const cases: { name: string; q: string; groups: string[][]; notices: string[] }[] = [
    {
      name: 'a word of the table takes its synonyms and its 직종 into its OR group',
      q: '경리',
      groups: [['경리', '회계', '직종:027']],
      notices: ['‘경리’ 관련 결과(회계, 직종 회계·경리 사무원)도 포함했습니다.'],
    },
    {
      name: 'each AND group on its own',
      q: '경리 서울',
      groups: [['경리', '회계', '직종:027'], ['서울']],
      notices: ['‘경리’ 관련 결과(회계, 직종 회계·경리 사무원)도 포함했습니다.'],
    },
    {
      name: 'a synonym typed already is not added twice',
      q: '경리|회계',
      groups: [['경리', '회계', '직종:027', '직종:023+027']],
      notices: [
        '‘경리’ 관련 결과(직종 회계·경리 사무원), ‘회계’ 관련 결과(직종 회계·세무·감정 전문가, 직종 회계·경리 사무원)도 포함했습니다.',
      ],
    },
    { name: 'a word inside a longer one is not a table word', q: '경리직', groups: [['경리직']], notices: [] },
    {
      name: 'a 직종 name alone',
      q: '간호사',
      groups: [['간호사', '직종:304']],
      notices: ['‘간호사’ 관련 결과(직종 간호사)도 포함했습니다.'],
    },
    { name: '초성 words take nothing', q: 'ㄱㅂㅈ', groups: [['ㄱㅂㅈ']], notices: [] },
  ];
  for (const c of cases)
    it(c.name, () => {
      const got = withRelated(parseKeyword(c.q).expr);
      assert.deepEqual(words(got.expr), c.groups);
      assert.deepEqual(relatedNotices(got.added), c.notices);
    });

  it('says which were searched, and syn=off searches the typed words only', () => {
    const on = parseSearchParams({ q: '요양보호사' });
    assert.ok(on.ok);
    assert.deepEqual(
      on.params.keyword[0]?.map((t) => t.text),
      ['요양보호사', '간병', '돌봄'],
    );
    assert.ok(on.params.notices.includes('‘요양보호사’ 관련 결과(간병, 돌봄)도 포함했습니다.'));
    const off = parseSearchParams({ q: '요양보호사', syn: 'off' });
    assert.ok(off.ok);
    assert.deepEqual(
      off.params.keyword[0]?.map((t) => t.text),
      ['요양보호사'],
    );
    assert.equal(off.params.synonymsOn, false);
    assert.deepEqual(off.params.notices, []);
    assert.equal(toQueryString(off.raw, { page: '2' }), `?q=${encodeURIComponent('요양보호사')}&syn=off&page=2`);
    assert.equal(
      parseSearchParams({ q: '요양보호사', syn: 'maybe' }).ok && toQueryString(readRawQuery({ q: 'x', syn: 'maybe' })),
      '?q=x',
    );
  });
});
