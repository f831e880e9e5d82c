/**
 * The figures of an 이직확인서 (고용보험법 제42조 제3항; 같은 법 시행규칙 별지 서식 이직확인서), as pure
 * rules with their citations:
 *
 * - 이직일: the last day of the employment, the day before the 상실일 — the 피보험자격 is lost on the
 *   day after 이직 (고용보험법 제14조 제1항 제2호), so 이직일 = 상실일 − 1 day.
 * - 평균임금 (근로기준법 제2조 제1항 제6호): the wages paid in the 3 months before the day it is to be
 *   computed for, divided by the calendar days of those 3 months; for a worker employed less than 3
 *   months, the time employed (같은 호 후단). For 구직급여 it is the 평균임금 at the last 이직 (고용보험법
 *   제45조 제1항). The day it is computed for is the 상실일 (the day after 이직), not counted, so the
 *   3 months end on the 이직일: 상실일 2026-08-19 → 2026-05-19 ~ 2026-08-18, in three 1-month rows as the
 *   서식's 임금계산기간. Days excluded by 근로기준법 시행령 제2조 (수습, 휴업, 출산전후휴가, 육아휴직 …)
 *   are left out of both days and wages by the employer: the rows' days may be fewer than the calendar days.
 * - 보수 지급 기초일수 per month for the 기준기간 (고용보험법 제40조 제2항, 제41조 제1항): the months of
 *   src/insurance/unit-period.ts's referencePeriod, each checked by its baseDaysError.
 *
 * UNCONFIRMED (searched "고용보험법 제14조 피보험자격 상실일 이직한 날의 다음 날" in the pages and docs
 * corpora; the law's text itself was not found, only guides): the wording of 제14조 제1항 제2호; that the
 * 이직확인서's 임금계산기간 ends on the 이직일 (guides on 퇴직금 say the 산정사유 발생일 is not counted,
 * brunch.co.kr "이직확인서의 평균임금 산정명세 작성하기" uses the same example); and the 고용24 practice
 * of prefilling a 월급제 worker's 보수 지급 기초일수 with the calendar days of each month insured (used
 * here only as the form's starting value, which the employer corrects).
 */
import { addDays, addMonths, daysBetween } from '../shared/dates.ts';
import { baseDaysError, type MonthDays, referencePeriod } from './unit-period.ts';

export const CERTIFICATE_RULES = {
  separationDate: { cite: '고용보험법 제14조 제1항 제2호 (이직한 날의 다음 날 피보험자격 상실)' },
  averageWage: { months: 3, cite: '근로기준법 제2조 제1항 제6호 (3개월 임금 총액 ÷ 그 기간의 총일수)' },
  averageWageUse: { cite: '고용보험법 제45조 제1항 (마지막 이직 당시의 평균임금)' },
  excludedDays: { cite: '근로기준법 시행령 제2조 (평균임금 산정기간에서 빼는 기간)' },
  baseDays: { cite: '고용보험법 제40조 제2항, 제41조 제1항 (기준기간의 보수 지급 기초일수)' },
} as const;

/** One row of the 평균임금 산정명세: [from, to] inclusive, the wages paid for it and its days. */
export interface WagePeriod {
  from: string;
  to: string;
  wage: number;
  days: number;
}

/** The 이직일 of a 상실일 (고용보험법 제14조 제1항 제2호). */
export function separationDateOf(lostOn: string): string {
  return addDays(lostOn, -1);
}

const calendarDays = (from: string, to: string) => daysBetween(from, to) + 1;

/**
 * The 3 rows of the 임금계산기간, oldest first: whole months back from the 상실일, ending on the 이직일;
 * rows before the 취득일 are cut at it or left out (근로기준법 제2조 제1항 제6호 후단).
 */
export function wagePeriods(lostOn: string, acquiredOn: string | null): { from: string; to: string; days: number }[] {
  const rows: { from: string; to: string; days: number }[] = [];
  for (let j = CERTIFICATE_RULES.averageWage.months - 1; j >= 0; j--) {
    let from = addMonths(lostOn, -(j + 1));
    const to = addDays(addMonths(lostOn, -j), -1);
    if (acquiredOn && to < acquiredOn) continue;
    if (acquiredOn && from < acquiredOn) from = acquiredOn;
    rows.push({ from, to, days: calendarDays(from, to) });
  }
  return rows;
}

export interface AverageWage {
  totalWage: number;
  totalDays: number;
  /** 원 per day, not rounded (the claim rounds where its rule says). */
  daily: number;
}

/** 평균임금: total wages ÷ total days of the rows (근로기준법 제2조 제1항 제6호); null with no days. */
export function averageWage(rows: readonly WagePeriod[]): AverageWage | null {
  const totalWage = rows.reduce((n, r) => n + r.wage, 0);
  const totalDays = rows.reduce((n, r) => n + r.days, 0);
  if (totalDays <= 0) return null;
  return { totalWage, totalDays, daily: totalWage / totalDays };
}

/** What is wrong with one 임금계산기간 row, in Korean, or null. */
export function wagePeriodError(r: WagePeriod): string | null {
  const max = calendarDays(r.from, r.to);
  if (!Number.isInteger(r.days) || r.days < 0 || r.days > max)
    return `${r.from}~${r.to}의 일수는 0부터 그 기간의 날수(${max}일)까지 적어 주세요 (${CERTIFICATE_RULES.excludedDays.cite}에 따라 뺀 날은 빼고).`;
  if (!Number.isInteger(r.wage) || r.wage < 0 || r.wage > 1_000_000_000)
    return `${r.from}~${r.to}의 임금은 0원 이상 10억 원 이하의 원 단위 숫자로 적어 주세요.`;
  if (r.days === 0 && r.wage > 0) return `${r.from}~${r.to}은 일수가 0일이면 임금도 0원이어야 합니다.`;
  return null;
}

const monthOf = (date: string) => date.slice(0, 7);
const nextMonth = (month: string) => addMonths(`${month}-01`, 1).slice(0, 7);

/**
 * The months of the 기준기간 before the 이직일 (18 months, unit-period.ts's referencePeriod), from the
 * 취득일's month where that is later, oldest first; each with the calendar days of it insured here — the
 * form's starting value.
 */
export function baseDayMonths(separatedOn: string, acquiredOn: string | null): MonthDays[] {
  const ref = referencePeriod({ separationDate: separatedOn, employments: [] });
  const start = acquiredOn && acquiredOn > ref.from ? acquiredOn : ref.from;
  const out: MonthDays[] = [];
  for (let m = monthOf(start); m <= monthOf(separatedOn); m = nextMonth(m)) {
    const first = `${m}-01` < start ? start : `${m}-01`;
    const end = addDays(addMonths(`${m}-01`, 1), -1);
    const last = end > separatedOn ? separatedOn : end;
    out.push({ month: m, days: calendarDays(first, last) });
  }
  return out;
}

/** The first error among the months, or null (unit-period.ts's baseDaysError for each). */
export function baseDayListError(months: readonly MonthDays[]): string | null {
  for (const m of months) {
    const error = baseDaysError(m.month, m.days);
    if (error) return error;
  }
  return null;
}
