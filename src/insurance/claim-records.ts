/**
 * A claimant's 고용보험 records beside their 구직급여 claim (pure): the two things a counsellor must look
 * at before deciding or paying —
 *
 * 1. 이직사유 불일치: the employer's 상실사유 (the 이직확인서's code when one is filed, else the 상실 신고's)
 *    is not the reason the claimant gave. The job centre decides the 수급자격 on the facts, reading the
 *    employer's code first (고용보험법 제43조 ④); a different code is for the counsellor to decide, and a
 *    weightier one when the two codes lead to a different 수급자격 (codes.ts lossEligibility against
 *    src/benefits/rules.ts SEPARATION_REASONS).
 * 2. 수급 중 취득 (부정수급 의심): a 취득 reported after the 이직 with a 실업인정 filed or paid for a period
 *    that reaches the 취득일. The claimant must report work found during a 실업인정대상기간 (제47조 ①), and
 *    benefits received by concealing it are 부정수급: 제61조 ① stops the 구직급여 from the day it was so
 *    received. A 취득 after the last period claimed is not flagged — finding work is what the benefit is for.
 */
// 제61조 ①: "거짓이나 그 밖의 부정한 방법으로 실업급여를 받은 경우" → 지급 제한 — confirmed through a
// 행정법원 judgment quoting it (legalengine.co.kr, 실업급여 지급제한·반환명령·추가징수, searched "고용보험법
// 제61조 부정행위에 따른 급여의 지급 제한", corpus pages).
// UNCONFIRMED: the wording and paragraph of 제47조 (실업인정대상기간 중의 취업 등의 신고); searched
// "고용보험법 제47조 실업인정대상기간 중의 취업 등의 신고" (pages, docs): only guides saying the 취업 must be
// reported on the 실업인정일 and that the centres match 4대보험 취득 data for 부정수급, not the 법 text.

import { SEPARATION_REASONS } from '../benefits/rules.ts';
import { addDays } from '../shared/dates.ts';
import { type Eligibility, findLossCode, lossEligibility, lossLabel } from './codes.ts';
import type { InsuredStint } from './person-history.ts';

export const ARTICLE_47 = '고용보험법 제47조 제1항 (실업인정대상기간 중의 취업 등의 신고)';
export const ARTICLE_61 = '고용보험법 제61조 제1항 (부정행위에 따른 급여의 지급 제한)';
export const ARTICLE_43 = '고용보험법 제43조 제4항 (이직확인서·상실사유에 따른 수급자격 인정)';

/** The newest 이직확인서 of the person, as the claim page shows it. */
export interface CertificateLine {
  id: number;
  workplaceName: string;
  managementNo: string;
  separatedOn: string;
  lossCode: string;
  lossSubCode: string;
  reason: string;
  filedAt: string;
}

/** Where the employer's 상실사유 was read from. */
export interface EmployerReason {
  source: 'certificate' | 'loss-report';
  workplaceName: string;
  /** 이직일 (이직확인서) or 상실일 (상실 신고). */
  date: string;
  lossCode: string;
  lossSubCode: string | null;
}

/** A 실업인정 차수 of the claim that was filed or paid, with the period it covers. */
export interface ClaimedPeriod {
  seq: number;
  periodStart: string;
  periodEnd: string;
  paid: boolean;
}

export type RecordFlag =
  | {
      kind: 'reason-mismatch';
      employer: EmployerReason;
      employerLabel: string;
      employerEligibility: Eligibility;
      claimCode: string;
      claimLabel: string;
      claimEligibility: Eligibility;
      /** The codes differ and so does what they mean for the 수급자격. */
      decisive: boolean;
      citations: string[];
    }
  | {
      kind: 'work-during-benefit';
      workplaceName: string;
      acquiredOn: string;
      /** The 차수 filed or paid for a period reaching the 취득일. */
      periods: ClaimedPeriod[];
      citations: string[];
    };

const DAY_MS = 86_400_000;
const distance = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / DAY_MS;

/** A claim's own reason code as a 수급자격 (SEPARATION_REASONS' qualifies in codes.ts terms). */
function claimEligibility(code: string): Eligibility | null {
  const reason = SEPARATION_REASONS.find((r) => r.code === code);
  if (!reason) return null;
  return reason.qualifies === 'yes' ? 'eligible' : reason.qualifies === 'no' ? 'not-eligible' : 'needs-review';
}

/**
 * The employer's 상실사유 for this 이직: the newest 이직확인서 when there is one, else the 상실 신고 whose
 * 상실일 is nearest the day after the 이직일 (고용보험법 제14조 ① 2호: the 자격 is lost the day after
 * 이직), the later one on a tie. Null when the employer has reported neither.
 */
export function employerReason(
  stints: readonly InsuredStint[],
  certificate: CertificateLine | null,
  separationDate: string,
): EmployerReason | null {
  if (certificate)
    return {
      source: 'certificate',
      workplaceName: certificate.workplaceName,
      date: certificate.separatedOn,
      lossCode: certificate.lossCode,
      lossSubCode: certificate.lossSubCode || null,
    };
  const lostDay = addDays(separationDate, 1);
  const losses = stints.filter((s) => s.lostOn !== null && s.lossCode !== null);
  losses.sort(
    (a, b) =>
      distance(a.lostOn as string, lostDay) - distance(b.lostOn as string, lostDay) ||
      (b.lostOn as string).localeCompare(a.lostOn as string),
  );
  const nearest = losses[0];
  if (!nearest) return null;
  return {
    source: 'loss-report',
    workplaceName: nearest.workplaceName,
    date: nearest.lostOn as string,
    lossCode: nearest.lossCode as string,
    lossSubCode: nearest.lossSubCode,
  };
}

/** The flag when the employer's code is not the claimant's (a code neither table knows is not compared). */
export function reasonMismatch(employer: EmployerReason | null, claimCode: string): RecordFlag | null {
  if (!employer || employer.lossCode === claimCode) return null;
  const theirs = lossEligibility(employer.lossCode, employer.lossSubCode);
  const ours = claimEligibility(claimCode);
  if (!theirs || !ours || !findLossCode(employer.lossCode)) return null;
  const claimReason = SEPARATION_REASONS.find((r) => r.code === claimCode);
  return {
    kind: 'reason-mismatch',
    employer,
    employerLabel: lossLabel(employer.lossCode, employer.lossSubCode),
    employerEligibility: theirs.eligibility,
    claimCode,
    claimLabel: claimReason?.label ?? claimCode,
    claimEligibility: ours,
    decisive: theirs.eligibility !== ours,
    citations: [ARTICLE_43, theirs.citation],
  };
}

/**
 * One flag per 취득 reported after the 이직 whose 취득일 falls on or before the end of a period the
 * claimant filed or was paid for: they claimed to be out of work on days the new employer says they
 * were insured there.
 */
export function workDuringBenefit(
  stints: readonly InsuredStint[],
  separationDate: string,
  claimed: readonly ClaimedPeriod[],
): RecordFlag[] {
  const flags: RecordFlag[] = [];
  const byDate = [...stints].sort((a, b) => (a.acquiredOn ?? '').localeCompare(b.acquiredOn ?? ''));
  for (const s of byDate) {
    const acquiredOn = s.acquiredOn;
    if (acquiredOn === null || acquiredOn <= separationDate) continue;
    const periods = claimed.filter((p) => p.periodEnd >= acquiredOn).sort((a, b) => a.seq - b.seq);
    if (periods.length === 0) continue;
    flags.push({
      kind: 'work-during-benefit',
      workplaceName: s.workplaceName,
      acquiredOn,
      periods,
      citations: [ARTICLE_47, ARTICLE_61],
    });
  }
  return flags;
}

/**
 * The 차수 the claimant filed (a 'recognition.filed' row) or was paid for (a 'payment' row) in the claim's
 * ledger, with each one's period from the 실업인정 rows. A filed one later refused still counts: 제61조
 * reaches benefits the claimant tried to receive too.
 */
export function claimedPeriods(
  ledger: readonly { event: string; details: Record<string, unknown> }[],
  recognitions: readonly { seq: number; periodStart: string; periodEnd: string }[],
): ClaimedPeriod[] {
  const bySeq = new Map<number, ClaimedPeriod>();
  for (const l of ledger) {
    if (l.event !== 'recognition.filed' && l.event !== 'payment') continue;
    const r = recognitions.find((x) => x.seq === Number(l.details.seq));
    if (!r) continue;
    const seen = bySeq.get(r.seq);
    // A payment row keeps the period it paid for (src/benefits/payment-service.ts), which wins.
    const paid = l.event === 'payment';
    const text = (v: unknown, fallback: string) => (paid && typeof v === 'string' ? v : fallback);
    bySeq.set(r.seq, {
      seq: r.seq,
      periodStart: text(l.details.periodStart, seen?.periodStart ?? r.periodStart),
      periodEnd: text(l.details.periodEnd, seen?.periodEnd ?? r.periodEnd),
      paid: (seen?.paid ?? false) || paid,
    });
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Every flag of the claim: the reason first, then each 취득 during the benefit. */
export function claimFlags(input: {
  stints: readonly InsuredStint[];
  certificate: CertificateLine | null;
  separationDate: string;
  separationReason: string;
  claimed: readonly ClaimedPeriod[];
}): RecordFlag[] {
  const mismatch = reasonMismatch(
    employerReason(input.stints, input.certificate, input.separationDate),
    input.separationReason,
  );
  return [...(mismatch ? [mismatch] : []), ...workDuringBenefit(input.stints, input.separationDate, input.claimed)];
}
