import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseKeyword, parseSearchParams, toQueryString } from './search-query.ts';

describe('parseKeyword', () => {
  const cases: [string, string, unknown][] = [
    ['space means AND', '물류 상하차', [[{ kind: 'text', text: '물류' }], [{ kind: 'text', text: '상하차' }]]],
    [
      '| means OR within a group',
      '자바|파이썬 서울',
      [
        [
          { kind: 'text', text: '자바' },
          { kind: 'text', text: '파이썬' },
        ],
        [{ kind: 'text', text: '서울' }],
      ],
    ],
    [
      'spaces around | are ignored',
      '자바 | 파이썬',
      [
        [
          { kind: 'text', text: '자바' },
          { kind: 'text', text: '파이썬' },
        ],
      ],
    ],
    ['Latin is lowercased', 'Java', [[{ kind: 'text', text: 'java' }]]],
    ['초성-only words are 초성 terms', 'ㄱㅂㅈ', [[{ kind: 'choseong', text: 'ㄱㅂㅈ' }]]],
    ['decomposed jamo are composed (NFC)', '\u1100\u1162\u1107\u1161\u11af', [[{ kind: 'text', text: '개발' }]]],
    ['empty input is no condition', '', []],
    ['only spaces and bars is no condition', ' | |  ', []],
    ['duplicate terms collapse', '개발|개발', [[{ kind: 'text', text: '개발' }]]],
  ];
  for (const [name, input, expected] of cases) it(name, () => assert.deepEqual(parseKeyword(input).expr, expected));

  it('ignores one-character words and says so', () => {
    const { expr, notices } = parseKeyword('팀 개발');
    assert.deepEqual(expr, [[{ kind: 'text', text: '개발' }]]);
    assert.match(notices.join(), /한 글자/);
  });
  it('truncates very long input without failing', () => {
    const { expr, notices } = parseKeyword('개발자 '.repeat(3000));
    assert.ok(expr.length <= 10);
    assert.match(notices.join(), /200자/);
  });
  it('limits the number of terms', () => {
    const words = Array.from({ length: 30 }, (_, i) => `단어${i}`).join(' ');
    assert.equal(parseKeyword(words).expr.flat().length, 10);
  });
  it('accepts emoji, SQL fragments and lone jamo as plain text', () => {
    for (const q of ["'; DROP TABLE postings; --", '😀😀', 'ㅏㅓ', '%_\\', '\u0000\u0007']) {
      assert.doesNotThrow(() => parseKeyword(q));
    }
  });
});

describe('parseSearchParams', () => {
  it('defaults', () => {
    const r = parseSearchParams({});
    assert.ok(r.ok);
    assert.equal(r.params.scope, 'all');
    assert.equal(r.params.sort, 'recent');
    assert.equal(r.params.page, 1);
    assert.equal(r.params.pageSize, 20);
  });
  it('reads repeated and comma-separated lists', () => {
    const r = parseSearchParams({ region: ['11680', '41000,36110'], occupation: '13' });
    assert.ok(r.ok);
    assert.deepEqual(r.params.regions, ['11680', '41000', '36110']);
    assert.deepEqual(r.params.occupations, ['13']);
  });
  const invalid: [string, Record<string, unknown>, string, RegExp][] = [
    ['unknown region', { region: '99999' }, 'region', /지역 코드 '99999'/],
    ['unknown occupation', { occupation: 'x1' }, 'occupation', /직종 코드/],
    ['unknown scope', { scope: 'body' }, 'scope', /검색 범위/],
    ['page zero', { page: '0' }, 'page', /1 이상/],
    ['page not a number', { page: 'abc' }, 'page', /1 이상/],
    ['page too deep', { page: '999' }, 'page', /500까지/],
    ['minWage without wage type', { minWage: '2000000' }, 'minWage', /임금형태를 함께/],
    ['minWage not a number', { salTp: 'M', minWage: '많이' }, 'minWage', /숫자/],
    ['bad sort', { sort: 'random' }, 'sort', /정렬/],
    ['bad page size', { size: '1000' }, 'size', /10, 20, 50/],
  ];
  for (const [name, query, field, message] of invalid) {
    it(`rejects ${name} with a Korean message and keeps the input`, () => {
      const r = parseSearchParams({ q: '개발', ...query });
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.match(r.errors[field] ?? '', message);
      assert.equal(r.raw.q, '개발');
    });
  }
  it('accepts a minimum wage written with commas and 원', () => {
    const r = parseSearchParams({ salTp: 'M', minWage: '2,500,000원' });
    assert.ok(r.ok);
    assert.equal(r.params.minWage, 2_500_000);
  });
});

describe('toQueryString', () => {
  it('omits defaults and repeats lists', () => {
    assert.equal(
      toQueryString({ q: '개발', scope: 'all', region: ['11680', '41000'], page: '1' }),
      '?q=%EA%B0%9C%EB%B0%9C&region=11680&region=41000',
    );
  });
  it('applies overrides', () => assert.equal(toQueryString({ q: 'a' }, { page: '3' }), '?q=a&page=3'));
});

describe('sort', () => {
  const cases: { name: string; query: Record<string, string>; sort: string; link: string }[] = [
    {
      name: '정확도순 is the default with a keyword',
      query: { q: '개발' },
      sort: 'relevance',
      link: '?q=%EA%B0%9C%EB%B0%9C',
    },
    { name: '최신순 is the default without one', query: {}, sort: 'recent', link: '' },
    { name: 'a blank keyword is no keyword', query: { q: '   ' }, sort: 'recent', link: '?q=+++' },
    {
      name: '최신순 chosen with a keyword stays in the link',
      query: { q: '개발', sort: 'recent' },
      sort: 'recent',
      link: '?q=%EA%B0%9C%EB%B0%9C&sort=recent',
    },
    {
      name: '정확도순 chosen without a keyword stays in the link',
      query: { sort: 'relevance' },
      sort: 'relevance',
      link: '?sort=relevance',
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const parsed = parseSearchParams(c.query);
      assert.ok(parsed.ok);
      assert.equal(parsed.params.sort, c.sort);
      assert.equal(toQueryString(parsed.raw), c.link);
    });
  it('an unknown sort is a Korean error naming the four', () => {
    const parsed = parseSearchParams({ sort: 'best' });
    assert.ok(!parsed.ok);
    assert.match(parsed.errors.sort ?? '', /정확도순, 최신순, 마감임박순, 임금높은순/);
  });
});
