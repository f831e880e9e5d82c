import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSavedSearch, profileValues, savedSearchId, unsavedRedirect } from './seeker-forms.ts';

describe('a saved 구직신청 as the form shows it (profileValues)', () => {
  it('nothing saved yet: an empty form', () => assert.deepEqual(profileValues(undefined), {}));
  it('wishes numbered from 0, 희망임금 in 만원, no date as empty', () =>
    assert.deepEqual(
      profileValues({
        occupations: ['023', '024'],
        regions: ['11680'],
        wageMonthly: 2_500_000,
        empType: '10',
        availableFrom: null,
      }),
      {
        occupation0: '023',
        occupation1: '024',
        region0: '11680',
        wageMonthly: '250',
        empType: '10',
        availableFrom: '',
      },
    ));
  it('no 희망임금 (0) as empty', () =>
    assert.equal(
      profileValues({ occupations: [], regions: [], wageMonthly: 0, empType: '', availableFrom: '2026-12-01' })
        .wageMonthly,
      '',
    ));
});

describe('이 조건 저장 (parseSavedSearch)', () => {
  const cases: { name: string; body: unknown; query: string; named?: string }[] = [
    {
      name: 'the page is dropped',
      body: { query: 'q=경리&page=3', name: '경리' },
      query: 'q=%EA%B2%BD%EB%A6%AC',
      named: '경리',
    },
    { name: 'a name is trimmed', body: { query: 'q=a', name: '  내 검색  ' }, query: 'q=a', named: '내 검색' },
    { name: 'no query at all', body: {}, query: '' },
  ];
  for (const c of cases)
    it(c.name, () => {
      const search = parseSavedSearch(c.body);
      assert.equal(search.query, c.query);
      if (c.named) assert.equal(search.name, c.named);
      assert.ok([...search.name].length <= 40);
    });
  it('no name: named by its conditions', () => assert.notEqual(parseSavedSearch({ query: 'q=경리' }).name, ''));
});

describe("a saved search's id from the URL (savedSearchId)", () => {
  const cases: [string, number][] = [
    ['12', 12],
    ['0', 0],
    ['abc', 0],
    ['12abc', 0],
    ['-1', 0],
    ['9'.repeat(16), 0],
  ];
  for (const [raw, id] of cases) it(raw, () => assert.equal(savedSearchId(raw), id));
});

describe('after 빼기 (unsavedRedirect)', () => {
  it('from 관심 채용정보: back to the list', () =>
    assert.equal(unsavedRedirect({ back: 'saved' }, 'K1'), '/my/saved?removed=1'));
  it('from the posting: back to it', () => assert.equal(unsavedRedirect({}, 'K1'), '/jobs/K1?unsaved=1'));
  it('anything else: the posting', () => assert.equal(unsavedRedirect({ back: 'evil' }, 'K1'), '/jobs/K1?unsaved=1'));
});
