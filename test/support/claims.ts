/**
 * 구직급여 claims for tests: the application form as a person fills it, and a claim filed and approved
 * through the real benefits service with its 1차 실업인정일 where the test needs it.
 */
import { randomUUID } from 'node:crypto';
import type { ClaimFacts } from '../../src/benefits/calculate.ts';
import type { BenefitsService } from '../../src/benefits/service.ts';
import { addDays } from '../../src/shared/dates.ts';

/** The 수급자격 신청 form's fields, filled in (strings, as posted). */
export const CLAIM_FORM = {
  companyName: '(주)한빛물류',
  centreCode: 'seoul-gangnam',
  separationDate: '2026-10-30',
  birthDate: '1985-05-20',
  insuredMonths: '40',
  insuredUnitDays: '400',
  separationReason: '23',
  wageMode: 'average',
  averageDailyWage: '95,000',
  dailyHours: '8',
};

/** Files a claim 14 days before `today` at 서울강남 (or `centreCode`), not decided yet; returns its id. */
export async function filedClaim(
  benefits: BenefitsService,
  opts: { claimantId: number; today: string; centreCode?: string },
): Promise<number> {
  const reportDate = addDays(opts.today, -14);
  const { claim } = await benefits.fileClaim({
    claimant: { id: opts.claimantId, kind: 'seeker' },
    centreCode: opts.centreCode ?? 'seoul-gangnam',
    idempotencyKey: randomUUID(),
    companyName: '(주)한빛물류',
    reportDate,
    facts: {
      separationDate: addDays(reportDate, -5),
      birthDate: '1985-05-20',
      disabled: false,
      insuredMonths: 40,
      insuredUnitDays: 400,
      separationReason: '23',
      justifiedReason: null,
      averageDailyWage: 98_000,
      ordinaryDailyWage: null,
      dailyHours: 8,
    },
  });
  return claim.id;
}

/** Files a claim 14 days before `today` at 서울강남 (or `centreCode`) and approves it with the given 1차 실업인정일. */
export async function approvedClaim(
  benefits: BenefitsService,
  opts: { claimantId: number; counsellorId: number; today: string; firstDate: string; centreCode?: string },
): Promise<number> {
  const claimId = await filedClaim(benefits, opts);
  await benefits.approve({ id: opts.counsellorId, kind: 'counsellor' }, claimId, {
    firstDate: opts.firstDate,
    cycleDays: 28,
    note: '',
    repeatClaimant: false,
  });
  return claimId;
}

/** Claim facts varied by a number (benchmarks: many claimants, amounts spread over the table). */
export function variedFacts(n: number, reportDate: string): ClaimFacts {
  return {
    separationDate: addDays(reportDate, -3),
    birthDate: '1988-03-03',
    disabled: false,
    insuredMonths: 30 + (n % 90),
    insuredUnitDays: 300,
    separationReason: '23',
    justifiedReason: null,
    averageDailyWage: 80_000 + (n % 50) * 1_000,
    ordinaryDailyWage: null,
    dailyHours: 8,
  };
}
