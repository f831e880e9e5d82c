import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Candidate, candidateKeys, recommend, scorePosting } from './recommend.ts';

const wishes = { occupations: ['133'], regions: ['11680'], wageMonthly: 3_000_000, careerMonths: 36, education: '05' };
const base: Candidate = {
  id: 1,
  wantedAuthNo: 'K1',
  jobsCd: '133',
  regionCd: '11680',
  wageMonthly: 3_200_000,
  career: 'Z',
  minCareerMonths: 0,
  minEdubg: '03',
  regDt: '2026-11-24',
};
const TODAY = '2026-11-25';

describe('맞춤 채용정보 scoring', () => {
  const cases: [string, Partial<Candidate>, string[]][] = [
    ['exact occupation and 시군구', {}, ['희망직종 일치', '희망지역 일치', '희망임금 이상', '새 공고']],
    ['same 중분류', { jobsCd: '134' }, ['희망직종과 비슷한 직종', '희망지역 일치', '희망임금 이상', '새 공고']],
    ['same 대분류', { jobsCd: '155' }, ['희망직종과 같은 분야', '희망지역 일치', '희망임금 이상', '새 공고']],
    ['same 시도', { regionCd: '11650' }, ['희망직종 일치', '희망지역과 같은 시도', '희망임금 이상', '새 공고']],
    ['adjacent 시도 (경기)', { regionCd: '41461' }, ['희망직종 일치', '희망지역 인접', '희망임금 이상', '새 공고']],
    [
      'wage slightly under',
      { wageMonthly: 2_800_000 },
      ['희망직종 일치', '희망지역 일치', '희망임금에 가까움', '새 공고'],
    ],
    [
      'experienced, met',
      { career: 'E', minCareerMonths: 24, regDt: '2026-11-01' },
      ['희망직종 일치', '희망지역 일치', '희망임금 이상', '경력 조건 충족'],
    ],
  ];
  for (const [name, change, reasons] of cases)
    it(`${name} → ${reasons.join(' · ')}`, () =>
      assert.deepEqual(scorePosting(wishes, { ...base, ...change }, TODAY)?.reasons, reasons));
  it('rules out postings whose requirements the seeker does not meet', () => {
    assert.equal(scorePosting(wishes, { ...base, career: 'E', minCareerMonths: 60 }, TODAY), null);
    assert.equal(scorePosting(wishes, { ...base, minEdubg: '06' }, TODAY), null);
  });
  it('ranks by fit (직종 level, then 지역), never shows what fits neither, and is deterministic', () => {
    const list = [
      { ...base, id: 1, jobsCd: '155' },
      { ...base, id: 2, jobsCd: '134' },
      { ...base, id: 3 },
      { ...base, id: 4, regionCd: '41461' },
      { ...base, id: 5, regionCd: '11650' },
      { ...base, id: 6, regionCd: '26110', jobsCd: '900' },
    ];
    assert.deepEqual(
      recommend(wishes, list, TODAY).map((s) => s.posting.id),
      [3, 5, 2, 4, 1],
    );
    assert.deepEqual(
      recommend(wishes, [...list].reverse(), TODAY).map((s) => s.posting.id),
      [3, 5, 2, 4, 1],
    );
  });
  it('candidate keys cover the wished 중분류 and the 시도 with its neighbours', () => {
    const keys = candidateKeys(wishes);
    assert.deepEqual(keys.occupations, ['o:13']);
    assert.deepEqual([...keys.regions].sort(), ['r:11000', 'r:28000', 'r:41000']);
  });
});
