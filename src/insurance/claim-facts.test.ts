import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CertificateRecord, type ClaimRecordsInput, claimRecords, factsVersion } from './claim-facts.ts';
import type { InsuredStint } from './person-history.ts';

const stint = (
  id: number,
  workplaceId: number,
  acquiredOn: string | null,
  lostOn: string | null,
  lossCode = '23',
): InsuredStint => ({
  id,
  workplaceId,
  workplaceName: `사업장${workplaceId}`,
  managementNo: `1208147521${workplaceId}`,
  acquiredOn,
  lostOn,
  monthlyWage: 3_000_000,
  lossCode: lostOn ? lossCode : null,
  lossSubCode: lostOn ? `${lossCode}-1` : null,
  lossReason: null,
  reportIds: [id],
});

const months = (from: string, n: number, days = 20) =>
  Array.from({ length: n }, (_, i) => {
    const d = new Date(`${from}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + i);
    return { month: d.toISOString().slice(0, 7), days };
  });

const cert = (
  id: number,
  workplaceId: number,
  separatedOn: string,
  more: Partial<CertificateRecord> = {},
): CertificateRecord => ({
  id,
  workplaceId,
  workplaceName: `사업장${workplaceId}`,
  managementNo: `1208147521${workplaceId}`,
  separatedOn,
  lossCode: '23',
  lossSubCode: '23-1',
  reason: '경영상 필요',
  recentWages: [{ from: '2026-08-01', to: '2026-10-30', wage: 9_000_000, days: 90 }],
  ordinaryDailyWage: 90_000,
  dailyHours: 8,
  baseDays: months('2025-05', 18),
  filedOn: '2026-11-03',
  ...more,
});

const input = (more: Partial<ClaimRecordsInput>): ClaimRecordsInput => ({
  stints: [],
  certificates: [],
  priorPaidSeparations: [],
  personMasked: '850520-1******',
  ...more,
});

describe('a claim’s facts from the records', () => {
  const cases: {
    name: string;
    input: ClaimRecordsInput;
    state: string;
    check?: (r: ReturnType<typeof claimRecords>) => void;
  }[] = [
    { name: 'no records', input: input({}), state: 'no-records' },
    {
      name: 'still insured (no 상실, no 이직확인서)',
      input: input({ stints: [stint(1, 1, '2024-01-02', null)] }),
      state: 'employed',
    },
    {
      name: '상실 reported, no 이직확인서: waits on that employer',
      input: input({ stints: [stint(1, 1, '2024-01-02', '2026-10-31')] }),
      state: 'waiting',
      check: (r) => {
        assert.ok(r.state === 'waiting');
        assert.equal(r.separationDate, '2026-10-30');
        assert.equal(r.workplace.workplaceId, 1);
      },
    },
    {
      name: 'one employer with its 이직확인서: every fact, with its source',
      input: input({ stints: [stint(1, 1, '2024-01-02', '2026-10-31')], certificates: [cert(7, 1, '2026-10-30')] }),
      state: 'ready',
      check: (r) => {
        assert.ok(r.state === 'ready');
        assert.equal(r.claim.separationDate, '2026-10-30');
        assert.equal(r.claim.separationReason, '23');
        assert.equal(r.claim.averageDailyWage, 100_000); // 9,000,000 ÷ 90
        assert.equal(r.claim.ordinaryDailyWage, 90_000);
        assert.equal(r.claim.insuredUnitDays, 360); // 18 × 20
        assert.equal(r.claim.insuredMonths, 33);
        assert.equal(r.claim.birthDate, '1985-05-20');
        assert.match(
          r.facts.find((f) => f.key === 'averageDailyWage')?.source ?? '',
          /사업장1 \(사업장관리번호 12081475211\)의 이직확인서/,
        );
        assert.deepEqual(r.uncounted, []);
        assert.ok(r.facts.every((f) => !f.forCounsellor));
      },
    },
    {
      name: 'an earlier employer in the 기준기간 without an 이직확인서: not counted, for the counsellor',
      input: input({
        stints: [stint(2, 2, '2026-01-05', '2026-10-31'), stint(1, 1, '2024-01-02', '2025-12-31')],
        certificates: [cert(7, 2, '2026-10-30', { baseDays: months('2026-01', 10) })],
      }),
      state: 'ready',
      check: (r) => {
        assert.ok(r.state === 'ready');
        assert.equal(r.claim.insuredUnitDays, 200);
        assert.equal(r.uncounted.length, 1);
        const unit = r.facts.find((f) => f.key === 'insuredUnitDays');
        assert.ok(unit?.forCounsellor);
        assert.match(unit?.reasons.join(' ') ?? '', /이직확인서가 없어/);
        // 피보험기간 adds the earlier employer (gap of days, 제50조): 2024-01-02 … 2026-10-30.
        assert.equal(r.claim.insuredMonths, 33);
      },
    },
    {
      name: 'a period used for an earlier 수급 is not counted again',
      input: input({
        stints: [stint(2, 2, '2025-03-02', '2026-10-31'), stint(1, 1, '2020-01-02', '2025-01-31')],
        certificates: [cert(7, 2, '2026-10-30', { baseDays: months('2025-03', 20) }), cert(6, 1, '2025-01-30')],
        priorPaidSeparations: ['2025-01-30'],
      }),
      state: 'ready',
      check: (r) => {
        assert.ok(r.state === 'ready');
        assert.equal(r.claim.insuredMonths, 19, 'only 2025-03-02 … 2026-10-30');
        assert.match(r.facts.find((f) => f.key === 'insuredMonths')?.reasons.join(' ') ?? '', /구직급여를 받은 기간/);
      },
    },
    {
      name: '이직확인서 and 상실 신고 disagree on the reason: for the counsellor',
      input: input({
        stints: [stint(1, 1, '2024-01-02', '2026-10-31', '11')],
        certificates: [cert(7, 1, '2026-10-30')],
      }),
      state: 'ready',
      check: (r) => {
        assert.ok(r.state === 'ready');
        assert.ok(r.facts.find((f) => f.key === 'separationReason')?.forCounsellor);
      },
    },
    {
      name: 'a month with more days than it has is left to the counsellor, never a crash',
      input: input({
        stints: [stint(1, 1, '2024-01-02', '2026-10-31')],
        certificates: [
          cert(7, 1, '2026-10-30', { baseDays: [...months('2025-05', 9), { month: '2026-02', days: 31 }] }),
        ],
      }),
      state: 'ready',
      check: (r) => {
        assert.ok(r.state === 'ready');
        assert.equal(r.claim.insuredUnitDays, 180);
        assert.ok(r.facts.find((f) => f.key === 'insuredUnitDays')?.forCounsellor);
      },
    },
    {
      name: 'no birth date in the records: the claimant gives it',
      input: input({
        stints: [stint(1, 1, '2024-01-02', '2026-10-31')],
        certificates: [cert(7, 1, '2026-10-30')],
        personMasked: null,
      }),
      state: 'ready',
      check: (r) => {
        assert.ok(r.state === 'ready');
        assert.equal(r.claim.birthDate, '');
      },
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const r = claimRecords(c.input);
      assert.equal(r.state, c.state);
      c.check?.(r);
    });

  it('the facts version changes with what is shown', () => {
    const a = claimRecords(
      input({ stints: [stint(1, 1, '2024-01-02', '2026-10-31')], certificates: [cert(7, 1, '2026-10-30')] }),
    );
    const b = claimRecords(
      input({
        stints: [stint(1, 1, '2024-01-02', '2026-10-31')],
        certificates: [cert(8, 1, '2026-10-30', { dailyHours: 6 })],
      }),
    );
    assert.ok(a.state === 'ready' && b.state === 'ready');
    assert.notEqual(factsVersion(a), factsVersion(b));
    assert.equal(factsVersion(a), factsVersion(a));
  });
});
