import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { byRelevance, choseongOf, RANKS, type Rankable, relevanceScore, termRank } from './relevance.ts';
import { parseSearchParams } from './search-query.ts';
import { hasWholeWord } from './words.ts';

const posting = (over: Partial<Rankable>): Rankable => ({
  title: '사무 보조 모집',
  companyName: '(주)한빛',
  jobCont: '문서 정리',
  jobsCd: '029',
  ...over,
});
const expr = (q: string, syn = true) => {
  const parsed = parseSearchParams({ q, ...(syn ? {} : { syn: 'off' }) });
  assert.ok(parsed.ok);
  return parsed.params.keyword;
};

describe('relevance: whole words', () => {
  const cases: [text: string, word: string, whole: boolean][] = [
    ['웹 개발 담당', '개발', true],
    ['개발자 모집', '개발', true],
    ['개발자들', '개발', false],
    ['앱개발 모집', '개발', false],
    ['주차관리원', '주차관리', true],
    ['[개발] 신입', '개발', true],
    ['소프트웨어개발', '개발', false],
    ['java개발', 'java', false],
    ['java 개발', 'java', true],
    ['개발', '개발', true],
    ['', '개발', false],
  ];
  for (const [text, word, whole] of cases)
    it(`${word} in “${text}” is ${whole ? 'whole' : 'not whole'}`, () => assert.equal(hasWholeWord(text, word), whole));
});

describe('relevance: the rank of one word', () => {
  const cases: { name: string; q: string; p: Partial<Rankable>; rank: number }[] = [
    { name: 'a whole word in the title', q: '개발', p: { title: '웹 개발 담당' }, rank: 8 },
    { name: 'a part of a title word', q: '개발', p: { title: '앱개발 모집' }, rank: 7 },
    { name: 'a word and a person suffix is whole', q: '개발', p: { title: '개발자 모집' }, rank: 8 },
    { name: 'the title over the 직종명', q: '개발자', p: { title: '웹개발자 모집', jobsCd: '133' }, rank: 7 },
    { name: 'a whole word of the 직종명 (133 소프트웨어 개발자)', q: '개발자', p: { jobsCd: '133' }, rank: 6 },
    { name: 'a part of the 직종명', q: '네트워', p: { jobsCd: '134' }, rank: 5 },
    { name: 'a word and a person suffix in the 직종명 (소프트웨어 개발자)', q: '개발', p: { jobsCd: '133' }, rank: 6 },
    { name: 'a whole word of the company', q: '한빛', p: { companyName: '한빛 물류' }, rank: 4 },
    { name: 'a part of the company name', q: '한빛', p: { companyName: '한빛상사' }, rank: 3 },
    { name: 'a word after a bracket is whole', q: '한빛', p: {}, rank: 4 },
    { name: 'a whole word of the 직무내용', q: '정리', p: {}, rank: 2 },
    { name: 'a part of the 직무내용', q: '정리', p: { jobCont: '문서정리' }, rank: 1 },
    { name: 'not found', q: '용접', p: {}, rank: 0 },
    { name: '초성 in the title', q: 'ㅅㅁ', p: {}, rank: 7 },
    { name: '초성 in the company name', q: 'ㅎㅂ', p: {}, rank: 3 },
    { name: 'case does not matter', q: 'JAVA', p: { title: 'Java 개발' }, rank: 8 },
  ];
  for (const c of cases)
    it(`${c.name}: ${c.rank}`, () => {
      const term = expr(c.q, false)[0]?.[0];
      assert.ok(term);
      assert.equal(termRank(term, posting(c.p)), c.rank);
    });
  it('a 직종 term ranks as a whole word of the 직종명', () => {
    const group = expr('경리')[0] ?? [];
    const occupation = group.find((t) => t.kind === 'occupation');
    assert.ok(occupation);
    assert.equal(termRank(occupation, posting({ jobsCd: '027' })), 6);
  });
  it('ranks are strictly ordered, best first', () => {
    const ranks = RANKS.map((r) => r.rank);
    assert.deepEqual(
      ranks,
      [...ranks].sort((a, b) => b - a),
    );
    assert.equal(new Set(ranks).size, ranks.length);
  });
});

describe('relevance: the score of a search', () => {
  it('sums the best rank of each AND group; an OR group takes its best word', () => {
    const p = posting({ title: '서울 경리 모집', jobCont: '회계 업무' });
    assert.equal(relevanceScore(expr('경리 업무'), p), 8 + 2);
    assert.equal(relevanceScore(expr('회계'), p), 8); // 회계's synonym 경리 is a whole title word
    assert.equal(relevanceScore(expr('회계', false), p), 2);
    assert.equal(relevanceScore([], p), 0);
  });
  it('orders by score, then 등록일, then the later posting', () => {
    const rows = [
      { ...posting({ jobCont: '개발 업무' }), regDt: '2026-12-01', id: 1 },
      { ...posting({ title: '개발 담당' }), regDt: '2026-11-01', id: 2 },
      { ...posting({ title: '개발 담당' }), regDt: '2026-11-20', id: 3 },
      { ...posting({ title: '개발 담당' }), regDt: '2026-11-20', id: 4 },
    ];
    assert.deepEqual(
      byRelevance(expr('개발', false), rows).map((r) => r.id),
      [4, 3, 2, 1],
    );
  });
  it('초성 as SQL ilteo_choseong: syllables to 초성, the rest lower-cased', () =>
    assert.equal(choseongOf('Java 개발자(신입)'), 'java ㄱㅂㅈ(ㅅㅇ)'));
});
