import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type CertificateLine,
  type ClaimedPeriod,
  claimedPeriods,
  claimFlags,
  employerReason,
  reasonMismatch,
  workDuringBenefit,
} from './claim-records.ts';
import type { InsuredStint } from './person-history.ts';

const stint = (over: Partial<InsuredStint>): InsuredStint => ({
  id: 1,
  workplaceId: 1,
  workplaceName: '한빛물류 본사',
  managementNo: '12081475210',
  acquiredOn: '2023-03-02',
  lostOn: null,
  monthlyWage: 2_500_000,
  lossCode: null,
  lossSubCode: null,
  lossReason: null,
  reportIds: [1],
  ...over,
});

const certificate = (over: Partial<CertificateLine> = {}): CertificateLine => ({
  id: 9,
  workplaceName: '한빛물류 본사',
  managementNo: '12081475210',
  separatedOn: '2026-10-31',
  lossCode: '23',
  lossSubCode: '23-1',
  reason: '물량 감소로 인원 감축',
  filedAt: '2026-11-03',
  ...over,
});

const lost = stint({ lostOn: '2026-11-01', lossCode: '23', lossSubCode: '23-1' });

describe('employerReason: the 이직확인서 first, else the 상실 신고 nearest the day after 이직', () => {
  const cases: [string, InsuredStint[], CertificateLine | null, string | null, string | null][] = [
    ['nothing reported', [], null, null, null],
    ['only a 취득', [stint({})], null, null, null],
    ['the 상실 신고', [lost], null, 'loss-report', '23'],
    [
      'the 이직확인서 wins over the 상실 신고',
      [lost],
      certificate({ lossCode: '11', lossSubCode: '11-1' }),
      'certificate',
      '11',
    ],
    [
      'the 상실 nearest the 이직, not an older one',
      [
        stint({ id: 2, lostOn: '2020-05-01', lossCode: '11', lossSubCode: '11-1' }),
        stint({ id: 3, lostOn: '2026-11-01', lossCode: '26', lossSubCode: '26-1' }),
      ],
      null,
      'loss-report',
      '26',
    ],
  ];
  for (const [name, stints, cert, source, code] of cases)
    it(name, () => {
      const r = employerReason(stints, cert, '2026-10-31');
      assert.equal(r?.source ?? null, source);
      assert.equal(r?.lossCode ?? null, code);
    });
});

describe('reasonMismatch: flagged when the codes differ, decisive when the 수급자격 differs', () => {
  const at = (lossCode: string, lossSubCode: string | null) => ({
    source: 'loss-report' as const,
    workplaceName: 'w',
    date: '2026-11-01',
    lossCode,
    lossSubCode,
  });
  const cases: [string, ReturnType<typeof at> | null, string, 'none' | 'note' | 'decisive'][] = [
    ['no employer report', null, '23', 'none'],
    ['same code', at('23', '23-1'), '23', 'none'],
    ['employer 11 자진퇴사, claimant 23 권고사직', at('11', '11-1'), '23', 'decisive'],
    ['employer 26 징계해고, claimant 32 계약만료', at('26', '26-1'), '32', 'decisive'],
    ['employer 22 폐업, claimant 23 감원: both qualify', at('22', '22-1'), '23', 'note'],
    ['employer 11-3 결혼·출산 (별표2), claimant 12', at('11', '11-3'), '12', 'note'],
    ['employer 23, claimant 11: the claimant says less than the employer', at('23', '23-1'), '11', 'decisive'],
    ['a code neither table knows is not compared', at('99', null), '23', 'none'],
  ];
  for (const [name, employer, claim, expected] of cases)
    it(name, () => {
      const flag = reasonMismatch(employer, claim);
      const got = flag === null ? 'none' : flag.kind === 'reason-mismatch' && flag.decisive ? 'decisive' : 'note';
      assert.equal(got, expected);
      if (flag) assert.ok(flag.citations.some((c) => c.includes('제43조')));
    });
});

describe('workDuringBenefit: a 취득 reaching into a period filed or paid', () => {
  const periods: ClaimedPeriod[] = [
    { seq: 1, periodStart: '2026-11-10', periodEnd: '2026-11-24', paid: true },
    { seq: 2, periodStart: '2026-11-25', periodEnd: '2026-12-22', paid: false },
  ];
  const job = (acquiredOn: string) => stint({ id: 5, workplaceName: '다온로지스', acquiredOn });
  const cases: [string, InsuredStint[], ClaimedPeriod[], number[] | null][] = [
    ['the old job (before 이직) is not a new 취득', [stint({ acquiredOn: '2023-03-02' })], periods, null],
    ['a 취득 inside the paid 1차', [job('2026-11-20')], periods, [1, 2]],
    ['a 취득 inside the filed 2차', [job('2026-12-01')], periods, [2]],
    ['a 취득 on the last day claimed', [job('2026-12-22')], periods, [2]],
    ['a 취득 after the last period claimed', [job('2026-12-23')], periods, null],
    ['nothing claimed yet', [job('2026-11-20')], [], null],
    ['a 취득 on the 이직일 itself is the old job', [job('2026-10-31')], periods, null],
  ];
  for (const [name, stints, claimed, seqs] of cases)
    it(name, () => {
      const [flag] = workDuringBenefit(stints, '2026-10-31', claimed);
      if (seqs === null) return assert.equal(flag, undefined);
      assert.equal(flag?.kind, 'work-during-benefit');
      if (flag?.kind !== 'work-during-benefit') return;
      assert.deepEqual(
        flag.periods.map((p) => p.seq),
        seqs,
      );
      assert.ok(flag.citations.some((c) => c.includes('제47조')));
      assert.ok(flag.citations.some((c) => c.includes('제61조')));
    });
});

it('claimFlags: the reason first, then each 취득', () => {
  const flags = claimFlags({
    stints: [
      stint({ lostOn: '2026-11-01', lossCode: '11', lossSubCode: '11-1' }),
      stint({ id: 7, workplaceName: '다온로지스', acquiredOn: '2026-11-15' }),
    ],
    certificate: null,
    separationDate: '2026-10-31',
    separationReason: '23',
    claimed: [{ seq: 1, periodStart: '2026-11-10', periodEnd: '2026-11-24', paid: true }],
  });
  assert.deepEqual(
    flags.map((f) => f.kind),
    ['reason-mismatch', 'work-during-benefit'],
  );
});

it('claimedPeriods: the 차수 filed or paid in the ledger, with their periods', () => {
  const recognitions = [
    { seq: 1, periodStart: '2026-11-10', periodEnd: '2026-11-24' },
    { seq: 2, periodStart: '2026-11-25', periodEnd: '2026-12-22' },
    { seq: 3, periodStart: '2026-12-23', periodEnd: '2027-01-19' },
  ];
  const ledger = [
    { event: 'claim.filed', details: {} },
    { event: 'schedule.set', details: {} },
    { event: 'recognition.filed', details: { seq: 1 } },
    { event: 'payment', details: { seq: 1 } },
    { event: 'recognition.filed', details: { seq: 2 } },
    { event: 'note', details: { seq: 3 } },
  ];
  assert.deepEqual(claimedPeriods(ledger, recognitions), [
    { seq: 1, periodStart: '2026-11-10', periodEnd: '2026-11-24', paid: true },
    { seq: 2, periodStart: '2026-11-25', periodEnd: '2026-12-22', paid: false },
  ]);
});
