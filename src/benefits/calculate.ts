/**
 * 구직급여 calculators: pure functions from a claimant's facts to the law's figures, each with the
 * reasons a person can read ("왜 이 금액인가"). Amounts are integer 원; every multiplication by a
 * percentage is done in integers and rounded down (원 미만 버림).
 */
import { addDays, addMonths, ageOn } from '../shared/dates.ts';
import { pickJosa, won } from '../shared/korean.ts';
import {
  type AmountRules,
  amountRulesFor,
  type BaseRule,
  BENEFIT_DAYS,
  BENEFIT_PERIOD_MONTHS,
  type Cited,
  ELIGIBILITY,
  JUSTIFIED_REASONS,
  minimumWageFor,
  SEPARATION_REASONS,
  WAITING_DAYS,
} from './rules.ts';

export interface ClaimFacts {
  /** 이직일 (last day of employment), YYYY-MM-DD. */
  separationDate: string;
  birthDate: string;
  disabled: boolean;
  /** 피보험기간 in whole months (for 별표1). */
  insuredMonths: number;
  /** 피보험단위기간 (paid days) in the 18 months before 이직. */
  insuredUnitDays: number;
  separationReason: string;
  justifiedReason: string | null;
  /** 평균임금 (원/일). */
  averageDailyWage: number;
  /** 통상임금 (원/일), when known. */
  ordinaryDailyWage: number | null;
  /** 1일 소정근로시간 (hours, 0.5 steps, at most 8). */
  dailyHours: number;
  /**
   * 보수 the employers reported, by month (원), for 이직 from 2028-01-01, whose 기초일액 is the 보수 of the
   * year before 이직 (법률 제21473호). Not needed before.
   */
  reportedMonthlyPay?: readonly MonthlyPay[];
}

export interface MonthlyPay {
  /** YYYY-MM */
  month: string;
  pay: number;
}

export interface Figure<T> {
  value: T;
  /** Why, in Korean, with the provision. */
  reasons: string[];
}

/** x × percent / 100, rounded down, in integers. */
export function percentOf(amount: number, percent: number): number {
  return Math.floor((amount * percent) / 100);
}

/** 평균임금 from the last 3 months: total wages ÷ calendar days of those months, rounded down. */
export function averageDailyWage(totalWages: number, days: number): number {
  if (days <= 0) throw new RangeError('days must be positive');
  return Math.floor(totalWages / days);
}

/**
 * 기초일액 from reported 보수 (고용보험법 제45조 제1항, 법률 제21473호, 이직 from 2028-01-01): the 보수 of
 * the `months` up to the 이직일, summed, ÷ the calendar days of that period, rounded down. A month only
 * partly inside the period counts its 보수 in proportion to its days inside (rounded down).
 * UNCONFIRMED: that proration (rules.ts, version 2028-01).
 */
export function reportedPayBase(
  separationDate: string,
  pays: readonly MonthlyPay[],
  months = 12,
): { base: number; from: string; to: string; days: number; total: number } {
  const from = addDays(addMonths(separationDate, -months), 1);
  const to = separationDate;
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  let total = 0;
  for (const { month, pay } of pays) {
    const first = `${month}-01`;
    const last = addDays(addMonths(first, 1), -1);
    // Dates as YYYY-MM-DD strings sort as dates: the later start and the earlier end.
    const [, a] = [first, from].sort() as [string, string];
    const [b] = [last, to].sort() as [string, string];
    if (a > b) continue;
    const inside = Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000) + 1;
    const length = Number(last.slice(8));
    total += inside === length ? pay : Math.floor((pay * inside) / length);
  }
  return { base: Math.floor(total / days), from, to, days, total };
}

/** 최저기초일액 = 최저임금 × 1일 소정근로시간 (hours in half-hour steps: computed in halves). */
export function minimumBaseDaily(separationDate: string, dailyHours: number): number {
  const halves = Math.round(dailyHours * 2);
  return Math.floor((minimumWageFor(separationDate).value * halves) / 2);
}

export interface DailyAmount {
  amount: number;
  base: number;
  baseSource: 'average' | 'ordinary' | 'minimum' | 'reported-pay';
  upper: number;
  lower: number;
  limitedBy: 'upper' | 'lower' | null;
}

type BaseFacts = Pick<ClaimFacts, 'separationDate' | 'averageDailyWage' | 'ordinaryDailyWage' | 'reportedMonthlyPay'>;

/** The 기초일액 before the 최저기초일액 (제45조 제1항·제2항), by the version's basis. */
function startingBase(
  facts: BaseFacts,
  basis: BaseRule,
): { base: number; source: DailyAmount['baseSource']; reasons: string[] } {
  const reasons: string[] = [];
  let base = facts.averageDailyWage;
  let source: DailyAmount['baseSource'] = 'average';
  let what = '평균임금';
  if (basis.kind === 'reported-pay') {
    if (!facts.reportedMonthlyPay)
      throw new RangeError(
        `${facts.separationDate} 이직은 신고된 보수로 기초일액을 계산합니다 (${basis.cite}). 보수 신고 자료가 필요합니다.`,
      );
    const pay = reportedPayBase(facts.separationDate, facts.reportedMonthlyPay, basis.months);
    base = pay.base;
    source = 'reported-pay';
    what = '보수 기준 기초일액';
    reasons.push(
      `기초일액은 ${pay.from}부터 ${pay.to}까지 신고된 보수 ${won(pay.total)} ÷ ${pay.days}일 = ${won(base)}입니다 (${basis.cite}).`,
    );
  } else reasons.push(`기초일액은 이직 전 평균임금 ${won(base)}입니다 (${basis.cite}).`);
  const ordinary = facts.ordinaryDailyWage ?? 0;
  if (ordinary > base) {
    reasons.splice(
      0,
      1,
      `통상임금 ${won(ordinary)}이 ${what} ${won(base)}보다 많아 통상임금을 기초일액으로 합니다 (고용보험법 제45조 제2항).`,
    );
    base = ordinary;
    source = 'ordinary';
  }
  return { base, source, reasons };
}

/**
 * 구직급여일액 (고용보험법 제45·46조): 기초일액 is 평균임금 (from 2028: the reported 보수, 법률 제21473호),
 * or 통상임금 where higher (제45조 제2항), and at least the 최저기초일액 (제45조 제4항); capped at the
 * 기초일액 상한; × 60 % (제46조 제1항 제1호), and never below 최저기초일액 × 80 % (제46조 제1항 제2호, 제2항).
 * The 상한액 applies first and the 하한액 last, so where the two cross the 하한액 wins.
 */
export function dailyAmount(
  facts: BaseFacts & Pick<ClaimFacts, 'dailyHours'>,
  rules: AmountRules = amountRulesFor(facts.separationDate),
  minWage: Cited<number> = minimumWageFor(facts.separationDate),
): Figure<DailyAmount> {
  const minimumBase = Math.floor((minWage.value * Math.round(facts.dailyHours * 2)) / 2);
  const start = startingBase(facts, rules.base);
  let { base, source: baseSource } = start;
  const reasons = [...start.reasons];
  if (base < minimumBase) {
    base = minimumBase;
    baseSource = 'minimum';
    reasons.push(
      `기초일액이 최저기초일액 ${won(minimumBase)}(최저임금 ${won(minWage.value)} × ${facts.dailyHours}시간)보다 적어 최저기초일액으로 합니다 (고용보험법 제45조 제4항).`,
    );
  }
  const upper = rules.upperDaily.value;
  const lower = percentOf(minimumBase, rules.lowerPercent.value);
  let amount = percentOf(Math.min(base, rules.baseCap.value), rules.ratePercent.value);
  let limitedBy: DailyAmount['limitedBy'] = null;
  reasons.push(`구직급여일액 = 기초일액 × ${rules.ratePercent.value}% (${rules.ratePercent.cite}).`);
  if (amount >= upper) {
    amount = upper;
    limitedBy = 'upper';
    reasons.push(`상한액 ${won(upper)}을 넘어 상한액을 지급합니다 (${rules.upperDaily.cite}).`);
  }
  if (amount < lower) {
    amount = lower;
    limitedBy = 'lower';
    reasons.push(
      `하한액 ${won(lower)}(최저기초일액 × ${rules.lowerPercent.value}%)보다 적어 하한액을 지급합니다 (${rules.lowerPercent.cite}, 같은 조 제2항).`,
    );
  }
  return { value: { amount, base, baseSource, upper, lower, limitedBy }, reasons };
}

const BANDS = ['1년 미만', '1년 이상 3년 미만', '3년 이상 5년 미만', '5년 이상 10년 미만', '10년 이상'] as const;

export function insuredBand(months: number): number {
  if (months < 12) return 0;
  if (months < 36) return 1;
  if (months < 60) return 2;
  if (months < 120) return 3;
  return 4;
}

/** 소정급여일수 (별표1) by age on the 이직일 (50세 이상, or 장애인) and 피보험기간. */
export function benefitDays(
  facts: Pick<ClaimFacts, 'separationDate' | 'birthDate' | 'disabled' | 'insuredMonths'>,
): Figure<number> {
  const age = ageOn(facts.birthDate, facts.separationDate);
  const band = insuredBand(facts.insuredMonths);
  const older = age >= 50 || facts.disabled;
  const days = (older ? BENEFIT_DAYS.value.over50OrDisabled : BENEFIT_DAYS.value.under50)[band] as number;
  const who =
    facts.disabled && age < 50
      ? '장애인'
      : age >= 50
        ? `이직일 당시 만 ${age}세 (50세 이상)`
        : `이직일 당시 만 ${age}세 (50세 미만)`;
  return {
    value: days,
    reasons: [`${who}, 피보험기간 ${facts.insuredMonths}개월 (${BANDS[band]}) → ${days}일 (${BENEFIT_DAYS.cite}).`],
  };
}

export interface Eligibility {
  eligible: boolean;
  /** What keeps the claim from qualifying, in Korean (empty when eligible). */
  problems: string[];
  reasons: string[];
}

/** 수급요건 (제40조) that can be checked from the filed facts; 근로 의사·능력 is the counsellor's call. */
export function eligibility(
  facts: Pick<ClaimFacts, 'insuredUnitDays' | 'separationReason' | 'justifiedReason'>,
): Eligibility {
  const problems: string[] = [];
  const reasons: string[] = [];
  const need = ELIGIBILITY.insuredUnitDays.value;
  if (facts.insuredUnitDays >= need)
    reasons.push(
      `이직 전 ${ELIGIBILITY.referenceMonths.value}개월 동안 피보험단위기간 ${facts.insuredUnitDays}일 (${need}일 이상, ${ELIGIBILITY.insuredUnitDays.cite}).`,
    );
  else
    problems.push(
      `이직 전 ${ELIGIBILITY.referenceMonths.value}개월 동안 피보험단위기간이 ${facts.insuredUnitDays}일로, ${need}일 이상이어야 합니다 (${ELIGIBILITY.insuredUnitDays.cite}). ${need - facts.insuredUnitDays}일이 모자랍니다.`,
    );
  const reason = SEPARATION_REASONS.find((r) => r.code === facts.separationReason);
  if (!reason) problems.push('이직 사유를 목록에서 골라 주세요.');
  else if (reason.qualifies === 'yes')
    reasons.push(`이직 사유 "${reason.label}"${pickJosa(reason.label, '은/는')} 비자발적 이직입니다 (${reason.cite}).`);
  else if (reason.qualifies === 'no')
    problems.push(
      `이직 사유 "${reason.label}"${pickJosa(reason.label, '은/는')} 구직급여를 받을 수 없는 사유입니다 (${reason.cite}). 정당한 사유로 그만두었다면 그 사유를 골라 주세요.`,
    );
  else {
    const justified = JUSTIFIED_REASONS.find((j) => j.code === facts.justifiedReason);
    if (justified)
      reasons.push(
        `자진 퇴사이지만 정당한 이직 사유 "${justified.label}"에 해당합니다 (${reason.cite}). 증빙을 상담원이 확인합니다.`,
      );
    else problems.push(`자진 퇴사는 정당한 이직 사유가 있어야 합니다 (${reason.cite}). 해당하는 사유를 골라 주세요.`);
  }
  return { eligible: problems.length === 0, problems, reasons };
}

/** 대기기간: the first 7 days from the 실업신고일 (inclusive) are unpaid. */
export function waitingPeriod(reportDate: string): { from: string; to: string; firstPayableDay: string } {
  return {
    from: reportDate,
    to: addDays(reportDate, WAITING_DAYS.value - 1),
    firstPayableDay: addDays(reportDate, WAITING_DAYS.value),
  };
}

/**
 * 수급기간: from the day after the 이직일 for 12 months; its last day. A period counted in months ends
 * the day before the corresponding day of the last month, or on that month's last day when it has
 * no corresponding day (민법 제160조): from 2024-02-29 it ends 2025-02-28.
 */
export function benefitPeriodEnd(separationDate: string): string {
  const start = addDays(separationDate, 1);
  const corresponding = addMonths(start, BENEFIT_PERIOD_MONTHS.value);
  // addMonths clamps a missing day to the month's end; then that end is the last day of the period.
  if (corresponding.slice(8) !== start.slice(8)) return corresponding;
  return addDays(corresponding, -1);
}

export interface Estimate {
  eligibility: Eligibility;
  daily: Figure<DailyAmount>;
  days: Figure<number>;
  total: Figure<number>;
  waiting: Figure<{ from: string; to: string; firstPayableDay: string }>;
  periodEnd: Figure<string>;
  /** Days of the 소정급여일수 that fit between the first payable day and the 수급기간 end. */
  payableWithinPeriod: Figure<number>;
}

/** Everything a claimant sees before applying, with the reason for each figure. */
export function estimate(facts: ClaimFacts, reportDate: string): Estimate {
  const daily = dailyAmount(facts);
  const days = benefitDays(facts);
  const waiting = waitingPeriod(reportDate);
  const end = benefitPeriodEnd(facts.separationDate);
  const fit = Math.max(
    0,
    Math.min(days.value, Math.round((Date.parse(end) - Date.parse(waiting.firstPayableDay)) / 86_400_000) + 1),
  );
  return {
    eligibility: eligibility(facts),
    daily,
    days,
    total: {
      value: daily.value.amount * days.value,
      reasons: [
        `구직급여일액 ${won(daily.value.amount)} × 소정급여일수 ${days.value}일 = ${won(daily.value.amount * days.value)} (실업인정을 빠짐없이 받았을 때).`,
      ],
    },
    waiting: {
      value: waiting,
      reasons: [
        `실업신고일(${reportDate})부터 ${WAITING_DAYS.value}일은 대기기간으로 지급하지 않습니다 (${WAITING_DAYS.cite}).`,
      ],
    },
    periodEnd: {
      value: end,
      reasons: [
        `이직일 다음 날부터 ${BENEFIT_PERIOD_MONTHS.value}개월이 지나면 남은 날은 받을 수 없습니다 (${BENEFIT_PERIOD_MONTHS.cite}).`,
      ],
    },
    payableWithinPeriod: {
      value: fit,
      reasons:
        fit < days.value
          ? [`지금 신고하면 수급기간이 끝날 때까지 ${fit}일만 받을 수 있습니다. 늦게 신고할수록 줄어듭니다.`]
          : ['소정급여일수를 모두 수급기간 안에 받을 수 있습니다.'],
    },
  };
}
