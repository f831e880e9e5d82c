import { formatNumber } from '../shared/korean.ts';
import { MINIMUM_WAGE_2026_HOURLY, type WageType } from './codes.ts';

/** Average weeks per month used by the Ministry of Employment and Labor (365 / 7 / 12). */
export const WEEKS_PER_MONTH = 4.345;

/** Paid hours per week including 주휴시간 (weekly paid rest: 1 day's hours when working ≥ 15 h/week). */
export function paidHoursPerWeek(hoursPerWeek: number): number {
  return hoursPerWeek >= 15 ? hoursPerWeek + hoursPerWeek / 5 : hoursPerWeek;
}

/**
 * 월 환산 소정근로시간: (주 소정근로시간 + 주휴시간) × 365/7/12, rounded to whole hours as the Ministry
 * publishes it (40 h/week → 209 h/month, hence the 2026 monthly minimum of 2,156,880원).
 */
export function monthlyHours(hoursPerWeek: number): number {
  return Math.round(paidHoursPerWeek(hoursPerWeek) * WEEKS_PER_MONTH);
}

/** Working days per week implied by weekly and daily hours. */
export function daysPerWeek(hoursPerDay: number, hoursPerWeek: number): number {
  return hoursPerDay > 0 ? hoursPerWeek / hoursPerDay : 5;
}

/** Monthly equivalent of a wage (원), used to sort postings of different wage types together. */
export function monthlyEquivalent(type: WageType, amount: number, hoursPerDay: number, hoursPerWeek: number): number {
  switch (type) {
    case 'H':
      return amount * monthlyHours(hoursPerWeek);
    case 'D':
      return Math.round(
        amount * (daysPerWeek(hoursPerDay, hoursPerWeek) + (hoursPerWeek >= 15 ? 1 : 0)) * WEEKS_PER_MONTH,
      );
    case 'M':
      return amount;
    case 'Y':
      return Math.round(amount / 12);
  }
}

/**
 * The least a posting may offer for its wage type and hours under the 2026 minimum wage (10,320원/h):
 * 시급 ≥ 10,320; 일급 ≥ 10,320 × 1일 소정근로시간; 월급 ≥ 10,320 × 월 환산 소정근로시간
 * (40 h → 209 h → 2,156,880원); 연봉 ≥ 12 × the monthly minimum. Rounded up to whole 원.
 */
export function minimumWage(
  type: WageType,
  hoursPerDay: number,
  hoursPerWeek: number,
  hourly = MINIMUM_WAGE_2026_HOURLY,
): number {
  switch (type) {
    case 'H':
      return hourly;
    case 'D':
      return Math.ceil(hourly * hoursPerDay);
    case 'M':
      return hourly * monthlyHours(hoursPerWeek);
    case 'Y':
      return 12 * hourly * monthlyHours(hoursPerWeek);
  }
}

/** '시급 12,000원', '월급 250만원 ~ 300만원', '연봉 3,200만원' as postings print wages. */
export function formatWage(type: string, min: number, max: number): string {
  const label = { H: '시급', D: '일급', M: '월급', Y: '연봉' }[type] ?? '';
  const fmt = (n: number) =>
    n >= 10_000 && n % 10_000 === 0 ? `${formatNumber(n / 10_000)}만원` : `${formatNumber(n)}원`;
  return min === max ? `${label} ${fmt(min)}` : `${label} ${fmt(min)} ~ ${fmt(max)}`;
}
