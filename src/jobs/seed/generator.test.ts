import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidBusino } from '../../identity/rules.ts';
import { OCCUPATIONS } from '../../reference/occupations.ts';
import { SIGUNGU } from '../../reference/regions.ts';
import type { NewPosting } from '../posting.ts';
import { minimumWage } from '../wages.ts';
import { generatePostings } from './generator.ts';

const TODAY = '2026-11-25';
const sample = (count: number, seed = 42): NewPosting[] => [...generatePostings({ count, seed, today: TODAY })];

describe('generatePostings', () => {
  const postings = sample(20_000);

  it('is deterministic for a seed and count, and differs between seeds', () => {
    assert.deepEqual(sample(100), sample(100));
    assert.notDeepEqual(sample(100, 43), postings.slice(0, 100));
  });
  it('gives every posting a unique 구인인증번호', () => {
    assert.equal(new Set(postings.map((p) => p.wantedAuthNo)).size, postings.length);
  });
  it('never offers less than the 2026 minimum wage for the wage type and hours', () => {
    for (const p of postings) {
      assert.ok(p.minSal >= minimumWage(p.salTpCd, p.workHoursPerDay, p.workHoursPerWeek), JSON.stringify(p));
      assert.ok(p.maxSal >= p.minSal);
    }
  });
  it('uses valid 사업자등록번호, real 시군구 codes and KECO level-3 codes', () => {
    const regions = new Set(SIGUNGU.map((s) => s.code));
    const jobs = new Set(OCCUPATIONS.filter((o) => o.level === 3).map((o) => o.code));
    for (const p of postings) {
      assert.ok(isValidBusino(p.busino), p.busino);
      assert.ok(regions.has(p.regionCd), p.regionCd);
      assert.ok(jobs.has(p.jobsCd), p.jobsCd);
    }
  });
  it('covers many occupations, with care, office and logistics jobs most common', () => {
    const counts = new Map<string, number>();
    for (const p of postings) counts.set(p.jobsCd, (counts.get(p.jobsCd) ?? 0) + 1);
    assert.ok(counts.size > 100, `${counts.size} occupations`);
    const top = [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([c]) => c);
    for (const code of ['550', '026', '624']) assert.ok(top.includes(code), `${code} among ${top}`);
  });
  it('never mentions age (고령자고용법)', () => {
    const age = /나이|연령|세 이하|세 이상|\d0대|만 \d+세/;
    for (const p of postings) {
      for (const text of [p.title, p.jobCont, p.pfCond, p.etcWelfare, p.selMthd]) assert.doesNotMatch(text, age);
    }
  });
  it('registers postings in the last 60 days and closes them after they open', () => {
    for (const p of postings) {
      assert.ok(p.regDt <= TODAY && p.regDt >= '2026-09-26', p.regDt);
      if (p.closeDt) assert.ok(p.closeDt > p.regDt);
    }
    const untilFilled = postings.filter((p) => p.closeDt === null).length / postings.length;
    assert.ok(untilFilled > 0.2 && untilFilled < 0.4, String(untilFilled));
  });
  it('fills every text field', () => {
    for (const p of postings) {
      for (const [k, v] of Object.entries(p))
        if (k !== 'detailAddr' && typeof v === 'string') assert.ok(v.length > 0, `${k} empty`);
    }
  });
  it('puts the posting in the 시도 of its address', () => {
    const sidoName: Record<string, string> = { '11': '서울', '26': '부산', '41': '경기', '36': '세종' };
    for (const p of postings.slice(0, 2000)) {
      const name = sidoName[p.regionCd.slice(0, 2)];
      if (name) assert.ok(p.basicAddr.startsWith(name), `${p.regionCd} ${p.basicAddr}`);
    }
  });
});
