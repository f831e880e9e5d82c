import { MINIMUM_WAGE_2026_HOURLY, type WageType } from '../codes.ts';

/** 주휴시간: a day's hours (weekly hours / 5, at most 8) when the week has at least 15 hours. */
export function weeklyPaidRest(workHoursPerWeek: number): number {
  return workHoursPerWeek >= 15 ? Math.min(workHoursPerWeek, 40) / 5 : 0;
}

/**
 * 월 환산 근로시간: (주 소정근로시간 + 주휴) × 4.345, rounded up to a whole hour (40 h → 208.56 → 209 h).
 * Rounded to 6 decimals first so floating-point noise never adds an hour.
 */
export function monthlyPaidHours(workHoursPerWeek: number): number {
  const exact = (workHoursPerWeek + weeklyPaidRest(workHoursPerWeek)) * 4.345;
  return Math.ceil(Math.round(exact * 1e6) / 1e6);
}

/**
 * The least a posting may offer under the 2026 minimum wage (10,320원/h), in 원 for the wage type's unit:
 * 시급 10,320; 일급 10,320 × 1일 소정근로시간; 월급 10,320 × 월 환산 시간 (40 h/week → 209 h → 2,156,880원);
 * 연봉 12 × the monthly minimum. Rounded up to whole 원.
 */
export function minimumWageFor(salTpCd: WageType, workHoursPerDay: number, workHoursPerWeek: number): number {
  const hourly = MINIMUM_WAGE_2026_HOURLY;
  switch (salTpCd) {
    case 'H':
      return hourly;
    case 'D':
      return Math.ceil(Math.round(hourly * workHoursPerDay * 1e6) / 1e6);
    case 'M':
      return hourly * monthlyPaidHours(workHoursPerWeek);
    case 'Y':
      return 12 * hourly * monthlyPaidHours(workHoursPerWeek);
  }
}

/** Rounds up to a multiple of `unit`. */
export function ceilTo(value: number, unit: number): number {
  return Math.ceil(value / unit) * unit;
}

/** Rounds to the nearest multiple of `unit`. */
export function roundTo(value: number, unit: number): number {
  return Math.round(value / unit) * unit;
}

/** How postings print an amount: 150000 → '15만원', 2156880 → '2,156,880원', 32000000 → '3,200만원'. */
export function formatWon(amount: number): string {
  if (amount >= 10_000 && amount % 10_000 === 0) return `${groupDigits(amount / 10_000)}만원`;
  return `${groupDigits(amount)}원`;
}

/** 1234567 → '1,234,567' (without Intl, which is slow in a hot loop). */
export function groupDigits(n: number): string {
  const s = String(Math.trunc(n));
  if (s.length <= 3) return s;
  let out = '';
  const head = s.length % 3;
  if (head) out = s.slice(0, head);
  for (let i = head; i < s.length; i += 3) out += (out ? ',' : '') + s.slice(i, i + 3);
  return out;
}
