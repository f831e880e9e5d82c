import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bigrams, planSearch } from './search-plan.ts';
import { parseSearchParams, type SearchParams } from './search-query.ts';

const TODAY = '2026-11-25';

function params(query: Record<string, string | string[]>): SearchParams {
  const r = parseSearchParams(query);
  assert.ok(r.ok, JSON.stringify(r.ok ? '' : r.errors));
  return r.params;
}

describe('bigrams', () => {
  const cases: [string, string[]][] = [
    ['개발', ['개발']],
    ['개발자', ['개발', '발자']],
    ['아아아', ['아아']],
    ['a', []],
  ];
  for (const [word, expected] of cases) it(word, () => assert.deepEqual(bigrams(word), expected));
});

describe('planSearch: what the keys index answers alone', () => {
  const cases: {
    name: string;
    query: Record<string, string | string[]>;
    keys: string[];
    index: number;
    row: number;
  }[] = [
    {
      name: '2-character word: its bigram decides',
      query: { q: '개발', syn: 'off' },
      keys: ['개발'],
      index: 0,
      row: 0,
    },
    {
      name: 'a word naming a 직종 is an OR with its facet key, still index only',
      query: { q: '개발' },
      keys: [],
      index: 1,
      row: 0,
    },
    {
      name: 'longer word: bigrams narrow, row re-checks',
      query: { q: '요양보호사', syn: 'off' },
      keys: ['요양', '양보', '보호', '호사'],
      index: 0,
      row: 1,
    },
    {
      name: 'a word with synonyms is an OR group of them, re-checked',
      query: { q: '요양보호사' },
      keys: [],
      index: 1,
      row: 1,
    },
    {
      name: 'a 2-character word with a 2-character synonym is index only',
      query: { q: '경리' },
      keys: [],
      index: 1,
      row: 0,
    },
    { name: '초성 word is re-checked on 초성', query: { q: 'ㄱㅂㅈ' }, keys: ['ㄱㅂ', 'ㅂㅈ'], index: 0, row: 1 },
    {
      name: 'narrow scope re-checks even 2 characters',
      query: { q: '물류', scope: 'title' },
      keys: ['물류'],
      index: 0,
      row: 1,
    },
    { name: 'OR of 2-character words is index only', query: { q: '용접|도장' }, keys: [], index: 1, row: 0 },
    { name: 'OR with a longer word is re-checked', query: { q: '간호사|요양' }, keys: [], index: 1, row: 1 },
    { name: 'one 시도 is a facet key', query: { region: '11000' }, keys: ['r:11000'], index: 0, row: 0 },
    { name: 'two regions are a choice', query: { region: ['11680', '11650'] }, keys: [], index: 1, row: 0 },
    {
      name: 'KECO level 1 and 임금형태',
      query: { occupation: '8', salTp: 'M' },
      keys: ['o:8', 's:M'],
      index: 0,
      row: 0,
    },
    { name: '신입 also matches 관계없음', query: { career: 'N' }, keys: [], index: 1, row: 0 },
    {
      name: 'minimum wage and 등록일 are row checks',
      query: { salTp: 'M', minWage: '3000000', posted: '1w' },
      keys: ['s:M'],
      index: 0,
      row: 2,
    },
    {
      name: '제외어 is a row check',
      query: { q: '개발', exclude: '파견', syn: 'off' },
      keys: ['개발'],
      index: 0,
      row: 1,
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const plan = planSearch(params(c.query), TODAY);
      assert.deepEqual(plan.allKeys, c.keys);
      assert.equal(plan.indexConds.length, c.index);
      assert.equal(plan.rowConds.length, c.row);
    });
});
