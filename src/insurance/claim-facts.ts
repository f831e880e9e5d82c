/**
 * A 수급자격 신청's facts from the 고용보험 records (pure): from a verified person's 피보험자격 이력
 * (person-history.ts), the 이직확인서 their employers filed and the 이직일 of their earlier paid claims,
 * each fact the job centre decides on — with where it came from (which 사업장, which report) and the
 * reasons, so the claimant can confirm or dispute it.
 *
 * - 이직일, 이직사유, 평균임금, 통상임금, 1일 소정근로시간: the newest 이직확인서 of the last employer
 *   (고용보험법 제42조 제3항, 제43조 제4항: the centre decides the 수급자격 from it). 평균임금 is the wages
 *   of the last 3 months ÷ their days (근로기준법 제2조 제1항 제6호; 고용보험법 제45조 제1항).
 * - 피보험단위기간: across every employer in the 기준기간 (제40조 제2항, 제41조 제1항; unit-period.ts), from
 *   each employer's 이직확인서 (its 보수 지급 기초일수). An employer with 취득·상실 reports in the window but
 *   no 이직확인서 cannot be counted: it is listed for the counsellor.
 * - 피보험기간 for 별표1: the 취득·상실 dates with 제50조's 합산; a period used for an earlier 수급 is left
 *   out (unit-period.ts insuredPeriod).
 * - 생년월일: the masked 주민등록번호 the employers reported (its first 7 digits, person.ts birthDateOf).
 *
 * With no 이직확인서 for the last separation the claim waits for it (state 'waiting').
 */
import { createHash } from 'node:crypto';
import { averageDailyWage, type ClaimFacts } from '../benefits/calculate.ts';
import { SEPARATION_REASONS } from '../benefits/rules.ts';
import { addDays } from '../shared/dates.ts';
import { won } from '../shared/korean.ts';
import { lossEligibility, lossLabel } from './codes.ts';
import { birthDateOf } from './person.ts';
import type { InsuredStint } from './person-history.ts';
import {
  baseDaysError,
  type Employment,
  insuredPeriod,
  insuredUnitDays,
  type MonthDays,
  referencePeriod,
} from './unit-period.ts';

export interface RecentWage {
  from: string;
  to: string;
  wage: number;
  days: number;
}

/** One 이직확인서 as the store reads it. */
export interface CertificateRecord {
  id: number;
  workplaceId: number;
  workplaceName: string;
  managementNo: string;
  separatedOn: string;
  lossCode: string;
  lossSubCode: string;
  reason: string;
  recentWages: readonly RecentWage[];
  ordinaryDailyWage: number | null;
  dailyHours: number;
  baseDays: readonly MonthDays[];
  /** YYYY-MM-DD (Seoul) of filing. */
  filedOn: string;
}

export interface ClaimRecordsInput {
  stints: readonly InsuredStint[];
  certificates: readonly CertificateRecord[];
  /** 이직일 of this person's earlier approved claims (a 수급 already had). */
  priorPaidSeparations: readonly string[];
  /** The masked 주민등록번호 the employers reported (850520-1******), if any. */
  personMasked: string | null;
}

export const FACT_KEYS = [
  'separationDate',
  'separationReason',
  'insuredUnitDays',
  'insuredMonths',
  'averageDailyWage',
  'ordinaryDailyWage',
  'dailyHours',
  'birthDate',
] as const;
export type FactKey = (typeof FACT_KEYS)[number];

export const FACT_LABELS: Record<FactKey, string> = {
  separationDate: '이직일 (마지막으로 일한 날)',
  separationReason: '이직사유',
  insuredUnitDays: '피보험단위기간',
  insuredMonths: '피보험기간',
  averageDailyWage: '평균임금 (1일)',
  ordinaryDailyWage: '통상임금 (1일)',
  dailyHours: '1일 소정근로시간',
  birthDate: '생년월일',
};

/** One fact as the claimant sees it. */
export interface RecordFact {
  key: FactKey;
  label: string;
  /** As shown: "2026-10-30", "23 경영상 필요 …", "400일", "95,000원". */
  shown: string;
  /** Which 사업장 and which report it comes from. */
  source: string;
  reasons: string[];
  /** The records alone cannot settle it (missing 이직확인서, a mismatch): the counsellor decides. */
  forCounsellor: boolean;
}

export interface Workplace {
  workplaceId: number;
  workplaceName: string;
  managementNo: string;
}

export type ClaimRecords =
  | { state: 'no-records' }
  /** Still insured at a workplace (no 상실 신고 and no 이직확인서): nothing to claim on yet. */
  | { state: 'employed'; workplace: Workplace; acquiredOn: string | null }
  /** The last separation has no 이직확인서 yet: the claim waits, the employer is asked. */
  | { state: 'waiting'; workplace: Workplace; separationDate: string }
  | {
      state: 'ready';
      workplace: Workplace;
      certificateId: number;
      facts: RecordFact[];
      /** The figures to file (disabled and justifiedReason are the claimant's). */
      claim: Omit<ClaimFacts, 'disabled' | 'justifiedReason'>;
      /** Employers in the 기준기간 whose days could not be counted (no 이직확인서). */
      uncounted: { workplace: string; from: string; to: string }[];
    };

const place = (w: { workplaceName: string; managementNo: string }) =>
  `${w.workplaceName} (사업장관리번호 ${w.managementNo})`;
const certificateSource = (c: CertificateRecord) => `${place(c)}의 이직확인서 (${c.filedOn} 제출)`;

/** The newest 이직확인서 of a stint: same 사업장, 이직일 on or after its 취득일. */
function certificateOf(stint: InsuredStint, certificates: readonly CertificateRecord[]): CertificateRecord | undefined {
  return certificates
    .filter(
      (c) => c.workplaceId === stint.workplaceId && (stint.acquiredOn === null || c.separatedOn >= stint.acquiredOn),
    )
    .filter((c) => stint.lostOn === null || c.separatedOn <= addDays(stint.lostOn, -1))
    .sort((a, b) => b.id - a.id)[0];
}

/** The last day insured of a stint: the day before the 상실일, or its 이직확인서's 이직일. */
function lastDay(stint: InsuredStint, cert: CertificateRecord | undefined): string | null {
  if (stint.lostOn) return addDays(stint.lostOn, -1);
  return cert?.separatedOn ?? null;
}

/** The separation a claim would be on: the stint that ended last (an open stint is still insured). */
function lastSeparation(input: ClaimRecordsInput) {
  const read = input.stints.map((s) => {
    const cert = certificateOf(s, input.certificates);
    return { stint: s, cert, to: lastDay(s, cert) };
  });
  const open = read.find((r) => r.to === null);
  if (open) return { open };
  const last = [...read].sort((a, b) => (b.to ?? '').localeCompare(a.to ?? '') || b.stint.id - a.stint.id)[0];
  return { last, read };
}

const workplaceOf = (s: InsuredStint): Workplace => ({
  workplaceId: s.workplaceId,
  workplaceName: s.workplaceName,
  managementNo: s.managementNo,
});

export function claimRecords(input: ClaimRecordsInput): ClaimRecords {
  if (input.stints.length === 0) return { state: 'no-records' };
  const { open, last, read } = lastSeparation(input);
  if (open) return { state: 'employed', workplace: workplaceOf(open.stint), acquiredOn: open.stint.acquiredOn };
  if (!last || !read || !last.to) return { state: 'no-records' };
  if (!last.cert) return { state: 'waiting', workplace: workplaceOf(last.stint), separationDate: last.to };
  return ready(input, last.stint, last.cert, read);
}

function ready(
  input: ClaimRecordsInput,
  stint: InsuredStint,
  cert: CertificateRecord,
  read: { stint: InsuredStint; cert: CertificateRecord | undefined; to: string | null }[],
): ClaimRecords {
  const separationDate = cert.separatedOn;
  const prior = input.priorPaidSeparations.filter((d) => d < separationDate);
  const reference = referencePeriod({ separationDate, employments: [] });
  const uncounted: { workplace: string; from: string; to: string }[] = [];
  const invalid: string[] = [];
  const employments: Employment[] = [];
  const periods: Employment[] = [];
  for (const r of read) {
    const to = r.to ?? separationDate;
    if (r.stint.acquiredOn === null || r.stint.acquiredOn > separationDate) continue;
    // A month the 이직확인서 got wrong (more days than the month has) is left to the counsellor, not counted.
    const baseDays = (r.cert?.baseDays ?? []).filter((m) => {
      const error = baseDaysError(m.month, m.days);
      if (error) invalid.push(`${place(r.stint)}: ${error}`);
      return error === null;
    });
    const employment = { workplace: place(r.stint), from: r.stint.acquiredOn, to, baseDays };
    periods.push(employment);
    if (r.cert) employments.push(employment);
    else if (to >= reference.from) uncounted.push({ workplace: place(r.stint), from: r.stint.acquiredOn, to });
  }
  const unit = insuredUnitDays({ separationDate, employments, priorPaidSeparations: prior });
  const period = insuredPeriod({ separationDate, employments: periods, priorPaidSeparations: prior });
  const facts = [
    separationFact(stint, cert),
    reasonFact(stint, cert),
    unitFact(unit, employments, uncounted, invalid),
    periodFact(period, read),
    ...wageFacts(cert),
    birthFact(input.personMasked),
  ];
  const wages = averageOf(cert);
  const birth = input.personMasked ? birthDateOf(input.personMasked.replace('-', '')) : null;
  return {
    state: 'ready',
    workplace: workplaceOf(stint),
    certificateId: cert.id,
    facts,
    claim: {
      separationDate,
      birthDate: birth ?? '',
      insuredMonths: period.months,
      insuredUnitDays: unit.days,
      separationReason: reasonCode(cert.lossCode),
      averageDailyWage: wages?.average ?? 0,
      ordinaryDailyWage: cert.ordinaryDailyWage,
      dailyHours: cert.dailyHours,
    },
    uncounted,
  };
}

function separationFact(stint: InsuredStint, cert: CertificateRecord): RecordFact {
  const reported = stint.lostOn ? addDays(stint.lostOn, -1) : null;
  const reasons = [`이직확인서의 이직일입니다 (고용보험법 제42조 제3항).`];
  const mismatch = reported !== null && reported !== cert.separatedOn;
  if (reported === null) reasons.push('이 사업장의 피보험자격 상실 신고는 아직 없습니다. 상담원이 확인합니다.');
  else if (mismatch)
    reasons.push(
      `상실 신고의 상실일(${stint.lostOn})로 보면 이직일은 ${reported}인데 이직확인서는 ${cert.separatedOn}입니다. 상담원이 확인합니다.`,
    );
  return {
    key: 'separationDate',
    label: FACT_LABELS.separationDate,
    shown: cert.separatedOn,
    source: certificateSource(cert),
    reasons,
    forCounsellor: reported === null || mismatch,
  };
}

/** The 이직사유 code as the claim keeps it (src/benefits/rules.ts SEPARATION_REASONS): its 2 digits. */
function reasonCode(lossCode: string): string {
  return lossCode.trim().slice(0, 2);
}

function reasonFact(stint: InsuredStint, cert: CertificateRecord): RecordFact {
  const code = reasonCode(cert.lossCode);
  const judged = lossEligibility(cert.lossCode, cert.lossSubCode);
  const known = SEPARATION_REASONS.some((r) => r.code === code);
  const reasons = [`사업주가 적은 구체적 사유: ${cert.reason}`];
  if (judged)
    reasons.push(
      judged.eligibility === 'eligible'
        ? `이 사유는 수급자격이 있는 이직입니다 (${judged.citation}).`
        : judged.eligibility === 'not-eligible'
          ? `이 사유로는 수급자격이 제한됩니다 (${judged.citation}). 사실과 다르면 이의를 적어 주세요.`
          : `이 사유는 정당한 이직 사유가 있는지 고용센터가 확인합니다 (${judged.citation}).`,
    );
  const differs = stint.lossCode !== null && reasonCode(stint.lossCode) !== code;
  if (differs)
    reasons.push(
      `상실 신고의 상실사유(${lossLabel(stint.lossCode ?? '', stint.lossSubCode)})와 다릅니다. 상담원이 확인합니다.`,
    );
  return {
    key: 'separationReason',
    label: FACT_LABELS.separationReason,
    shown: `${cert.lossSubCode || code} ${lossLabel(cert.lossCode, cert.lossSubCode)}`,
    source: certificateSource(cert),
    reasons,
    forCounsellor: differs || !known || judged?.eligibility === 'needs-review',
  };
}

function unitFact(
  unit: ReturnType<typeof insuredUnitDays>,
  counted: readonly Employment[],
  uncounted: readonly { workplace: string; from: string; to: string }[],
  invalid: readonly string[],
): RecordFact {
  const reasons = [...unit.reasons, ...invalid.map((e) => `${e} 이 달은 세지 않았습니다. 상담원이 확인합니다.`)];
  for (const u of uncounted)
    reasons.push(
      `${u.workplace}(${u.from}~${u.to})은 이직확인서가 없어 보수 지급 기초일수를 셀 수 없었습니다. 상담원이 확인합니다.`,
    );
  const flagged =
    uncounted.length > 0 || invalid.length > 0 || unit.months.some((m) => m.note === 'overlap' || m.note === 'partial');
  return {
    key: 'insuredUnitDays',
    label: FACT_LABELS.insuredUnitDays,
    shown: `${unit.days}일`,
    source: `${counted.map((e) => e.workplace).join(', ')}의 이직확인서 (보수 지급 기초일수)`,
    reasons,
    forCounsellor: flagged,
  };
}

function periodFact(
  period: ReturnType<typeof insuredPeriod>,
  read: readonly { stint: InsuredStint; to: string | null }[],
): RecordFact {
  const missing = read.filter((r) => r.stint.acquiredOn === null);
  const reasons = [...period.reasons];
  for (const m of missing)
    reasons.push(`${place(m.stint)}은 취득 신고가 없어 피보험기간에 넣지 못했습니다. 상담원이 확인합니다.`);
  const places = [...new Set(read.map((r) => r.stint.workplaceName))];
  return {
    key: 'insuredMonths',
    label: FACT_LABELS.insuredMonths,
    shown: `${period.months}개월 (${period.days}일)`,
    source: `${places.join(', ')}의 피보험자격 취득·상실 신고`,
    reasons,
    forCounsellor: missing.length > 0,
  };
}

function averageOf(cert: CertificateRecord): { total: number; days: number; average: number } | null {
  const total = cert.recentWages.reduce((n, w) => n + w.wage, 0);
  const days = cert.recentWages.reduce((n, w) => n + w.days, 0);
  return days > 0 ? { total, days, average: averageDailyWage(total, days) } : null;
}

function wageFacts(cert: CertificateRecord): RecordFact[] {
  const source = certificateSource(cert);
  const avg = averageOf(cert);
  return [
    {
      key: 'averageDailyWage',
      label: FACT_LABELS.averageDailyWage,
      shown: avg ? won(avg.average) : '없음',
      source,
      reasons: avg
        ? [
            `이직 전 3개월 임금 총액 ${won(avg.total)} ÷ ${avg.days}일 (근로기준법 제2조 제1항 제6호, 고용보험법 제45조 제1항).`,
          ]
        : ['이직확인서에 이직 전 3개월 임금이 없습니다. 상담원이 확인합니다.'],
      forCounsellor: avg === null,
    },
    {
      key: 'ordinaryDailyWage',
      label: FACT_LABELS.ordinaryDailyWage,
      shown: cert.ordinaryDailyWage === null ? '적지 않음' : won(cert.ordinaryDailyWage),
      source,
      reasons: ['평균임금이 통상임금보다 적으면 통상임금으로 계산합니다 (고용보험법 제45조 제2항).'],
      forCounsellor: false,
    },
    {
      key: 'dailyHours',
      label: FACT_LABELS.dailyHours,
      shown: `${cert.dailyHours}시간`,
      source,
      reasons: ['최저기초일액을 정할 때 씁니다 (고용보험법 제45조 제4항).'],
      forCounsellor: false,
    },
  ];
}

function birthFact(masked: string | null): RecordFact {
  const birth = masked ? birthDateOf(masked.replace('-', '')) : null;
  return {
    key: 'birthDate',
    label: FACT_LABELS.birthDate,
    shown: birth ?? '알 수 없음',
    source: '사업주가 신고한 주민등록번호 앞자리',
    reasons: ['이직일 당시 나이로 소정급여일수를 정합니다 (고용보험법 제50조 제1항 별표1).'],
    forCounsellor: birth === null,
  };
}

/**
 * A short fingerprint of what the claimant is shown (the facts and the figures to file): the form
 * carries it, and a claim is filed only on the records it was shown.
 */
export function factsVersion(records: Extract<ClaimRecords, { state: 'ready' }>): string {
  const seen = JSON.stringify([records.certificateId, records.claim, records.facts.map((f) => [f.key, f.shown])]);
  return createHash('sha256').update(seen).digest('base64url').slice(0, 22);
}
