/**
 * Reading the 수급자격 form (estimate and application share it): every field validated with a
 * Korean message, what the person typed kept as typed. Pure.
 */
import { isIsoDate } from '../shared/dates.ts';
import type { ClaimFacts } from './calculate.ts';
import { averageDailyWage } from './calculate.ts';
import { AMOUNT_RULES, JUSTIFIED_REASONS, SEPARATION_REASONS } from './rules.ts';

export const CLAIM_FIELDS = [
  'separationDate',
  'birthDate',
  'disabled',
  'insuredMonths',
  'insuredUnitDays',
  'separationReason',
  'justifiedReason',
  'wageMode',
  'averageDailyWage',
  'totalWages3m',
  'days3m',
  'ordinaryDailyWage',
  'dailyHours',
] as const;

export type ClaimFormValues = Record<(typeof CLAIM_FIELDS)[number], string>;

export type ParsedClaimForm =
  | { ok: true; facts: ClaimFacts; values: ClaimFormValues }
  | { ok: false; errors: Record<string, string>; values: ClaimFormValues };

function text(raw: Record<string, unknown>, name: string, max = 40): string {
  const v = raw[name];
  return typeof v === 'string' ? v.trim().slice(0, max) : '';
}

/** Integer won: digits with optional commas or "원". */
function money(value: string): number | null {
  const digits = value.replace(/[,\s원]/g, '');
  if (!/^\d{1,10}$/.test(digits)) return null;
  return Number(digits);
}

export function emptyClaimForm(): ClaimFormValues {
  return Object.fromEntries(
    CLAIM_FIELDS.map((f) => [f, f === 'wageMode' ? 'average' : f === 'dailyHours' ? '8' : '']),
  ) as ClaimFormValues;
}

export function parseClaimForm(raw: Record<string, unknown>, today: string): ParsedClaimForm {
  const values = Object.fromEntries(CLAIM_FIELDS.map((f) => [f, text(raw, f)])) as ClaimFormValues;
  if (!values.wageMode) values.wageMode = 'average';
  if (!values.dailyHours) values.dailyHours = '8';
  const errors: Record<string, string> = {};

  const first = AMOUNT_RULES[0]?.from ?? '2019-10-01';
  if (!values.separationDate) errors.separationDate = '이직일(마지막으로 일한 날)을 입력해 주세요.';
  else if (!isIsoDate(values.separationDate))
    errors.separationDate = '이직일은 2026-10-31 처럼 연-월-일로 입력해 주세요.';
  else if (values.separationDate > today) errors.separationDate = '이직일은 오늘이나 그 전이어야 합니다.';
  else if (values.separationDate < first) errors.separationDate = `${first} 이후 이직만 계산할 수 있습니다.`;

  if (!values.birthDate) errors.birthDate = '생년월일을 입력해 주세요. (주민등록번호는 받지 않습니다)';
  else if (!isIsoDate(values.birthDate)) errors.birthDate = '생년월일은 1985-05-20 처럼 연-월-일로 입력해 주세요.';
  else if (values.birthDate > today || values.birthDate < '1900-01-01')
    errors.birthDate = '생년월일을 다시 확인해 주세요.';

  const months = Number(values.insuredMonths);
  if (values.insuredMonths === '')
    errors.insuredMonths = '피보험기간(고용보험에 가입한 기간)을 개월 수로 입력해 주세요.';
  else if (!Number.isInteger(months) || months < 0 || months > 720)
    errors.insuredMonths = '피보험기간은 0~720 사이의 개월 수입니다.';

  const unitDays = Number(values.insuredUnitDays);
  if (values.insuredUnitDays === '')
    errors.insuredUnitDays = '이직 전 18개월 동안 임금을 받은 날 수(피보험단위기간)를 입력해 주세요.';
  else if (!Number.isInteger(unitDays) || unitDays < 0 || unitDays > 548)
    errors.insuredUnitDays = '피보험단위기간은 0~548일 사이입니다.';

  if (!SEPARATION_REASONS.some((r) => r.code === values.separationReason))
    errors.separationReason = '이직 사유를 골라 주세요.';
  if (values.separationReason === '12' && !JUSTIFIED_REASONS.some((j) => j.code === values.justifiedReason))
    errors.justifiedReason = '자진 퇴사라면 정당한 이직 사유를 골라 주세요.';

  let average: number | null = null;
  if (values.wageMode === 'total') {
    const total = money(values.totalWages3m);
    const days = Number(values.days3m);
    if (total === null)
      errors.totalWages3m = '이직 전 3개월 동안 받은 임금 총액을 숫자로 입력해 주세요. (예: 9,000,000)';
    if (!Number.isInteger(days) || days < 89 || days > 92)
      errors.days3m = '이직 전 3개월의 날 수(89~92일)를 입력해 주세요.';
    if (total !== null && !errors.days3m) average = averageDailyWage(total, days);
  } else {
    average = money(values.averageDailyWage);
    if (average === null) errors.averageDailyWage = '평균임금(1일)을 숫자로 입력해 주세요. (예: 95,000)';
  }
  let ordinary: number | null = null;
  if (values.ordinaryDailyWage !== '') {
    ordinary = money(values.ordinaryDailyWage);
    if (ordinary === null) errors.ordinaryDailyWage = '통상임금(1일)은 숫자로 입력하거나 비워 두세요.';
  }
  const hours = Number(values.dailyHours);
  if (!Number.isFinite(hours) || hours < 1 || hours > 8 || Math.round(hours * 2) !== hours * 2)
    errors.dailyHours = '1일 소정근로시간은 1~8시간, 30분 단위로 입력해 주세요. (법정 근로시간은 하루 8시간입니다)';

  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return {
    ok: true,
    values,
    facts: {
      separationDate: values.separationDate,
      birthDate: values.birthDate,
      disabled: values.disabled === 'yes',
      insuredMonths: months,
      insuredUnitDays: unitDays,
      separationReason: values.separationReason,
      justifiedReason: values.separationReason === '12' ? values.justifiedReason : null,
      averageDailyWage: average ?? 0,
      ordinaryDailyWage: ordinary,
      dailyHours: hours,
    },
  };
}
