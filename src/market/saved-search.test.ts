import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeSearch, savedSearchName } from './saved-search.ts';

describe('a saved search in words', () => {
  const cases: [string, string, string][] = [
    ['keyword and 시도, as the search page saves it (encoded)', 'q=%EB%AC%BC%EB%A5%98&region=11000', '물류 · 서울'],
    ['a 시군구', 'region=11680', '서울 강남구'],
    ['several regions, repeated or comma-separated', 'region=11000&region=41000,26000', '서울, 경기, 부산'],
    ['a 직종 code', 'occupation=026', '경영지원 사무원'],
    ['고용형태', 'empTp=10', '기간의 정함이 없는 근로계약'],
    ['임금형태 and 최소 임금', 'salTp=M&minWage=2500000', '월급 2,500,000원 이상'],
    ['임금형태 alone', 'salTp=H', '시급'],
    ['경력', 'career=N&career=Z', '신입, 경력 관계없음'],
    ['학력', 'edu=03', '학력 고졸'],
    ['등록일', 'posted=3d', '등록 3일 이내'],
    ['검색 범위 and 제외어', 'q=간호&scope=title&exclude=야간', '간호 (제목에서) · 제외: 야간'],
    ['sort and page are not conditions', 'q=요양&sort=wage&page=3&size=50', '요양'],
    ['no conditions', '', '전체 채용공고'],
    [
      'unknown codes are left out',
      'region=99999&occupation=zz&career=X&edu=99&salTp=Q&posted=forever',
      '전체 채용공고',
    ],
    [
      'everything, in the order of the search form',
      'posted=1w&edu=05&career=E&salTp=Y&minWage=40000000&empTp=20&occupation=133&region=11000&q=개발',
      '개발 · 서울 · 소프트웨어 개발자 · 기간의 정함이 있는 근로계약 · 연봉 40,000,000원 이상 · 경력 · 학력 대졸(4년) · 등록 1주 이내',
    ],
  ];
  for (const [name, query, expected] of cases)
    it(name, () => {
      assert.equal(describeSearch(query), expected);
      assert.doesNotMatch(describeSearch(query), /%[0-9A-F]{2}|=/);
    });

  it('names a saved search by what was typed, else by its conditions, in 40 characters', () => {
    assert.equal(savedSearchName('  강남 사무직 ', 'q=사무'), '강남 사무직');
    assert.equal(savedSearchName('', 'q=%EB%AC%BC%EB%A5%98&region=11000'), '물류 · 서울');
    const long = savedSearchName(
      '',
      'q=물류센터&region=11680&region=11650&region=26110&occupation=026&salTp=M&minWage=2500000&posted=1w',
    );
    assert.equal([...long].length, 40);
    assert.ok(long.endsWith('…'));
  });
});
