/**
 * The 구직신청 form (what a seeker looks for), read and checked: pure, shared by the seeker's own page
 * and the counter's 대리 접수 (src/intake/counter.ts).
 */
import { EMPLOYMENT_TYPES } from '../jobs/codes.ts';
import { OCCUPATIONS } from '../reference/occupations.ts';
import { isRegionCode } from '../reference/regions.ts';
import { isIsoDate } from '../shared/dates.ts';
import { formText } from '../web/forms.ts';
import type { SeekerProfile } from './store.ts';

const LEVEL3 = OCCUPATIONS.filter((o) => o.level === 3);

/** The 구직신청 form read and checked (pure): Korean messages per field, what was typed kept. */
export function parseSeekerProfile(body: unknown): {
  values: Record<string, string>;
  errors: Record<string, string>;
  profile: SeekerProfile | null;
} {
  const values: Record<string, string> = {};
  for (const f of [
    'occupation0',
    'occupation1',
    'occupation2',
    'region0',
    'region1',
    'region2',
    'wageMonthly',
    'empType',
    'availableFrom',
  ])
    values[f] = formText(body, f, 40);
  const occupations = [...new Set([0, 1, 2].map((i) => values[`occupation${i}`] ?? '').filter(Boolean))];
  const regions = [...new Set([0, 1, 2].map((i) => values[`region${i}`] ?? '').filter(Boolean))];
  const errors: Record<string, string> = {};
  if (occupations.length === 0) errors.occupation0 = '희망직종을 하나 이상 골라 주세요.';
  else if (occupations.some((o) => !LEVEL3.some((l) => l.code === o)))
    errors.occupation0 = '희망직종을 목록에서 골라 주세요.';
  if (regions.length === 0) errors.region0 = '희망지역을 하나 이상 골라 주세요.';
  else if (regions.some((r) => !isRegionCode(r))) errors.region0 = '희망지역을 목록에서 골라 주세요.';
  const wage = values.wageMonthly === '' ? 0 : Number((values.wageMonthly ?? '').replace(/[,\s만원]/g, ''));
  if (!Number.isInteger(wage) || wage < 0 || wage > 10_000)
    errors.wageMonthly = '희망임금은 만원 단위 숫자로 적어 주세요. (예: 280)';
  if (values.empType && !EMPLOYMENT_TYPES.some((e) => e.code === values.empType))
    errors.empType = '고용 형태를 골라 주세요.';
  if (values.availableFrom && !isIsoDate(values.availableFrom ?? ''))
    errors.availableFrom = '날짜를 2026-12-01 처럼 적어 주세요.';
  if (Object.keys(errors).length > 0) return { values, errors, profile: null };
  return {
    values,
    errors,
    profile: {
      occupations,
      regions,
      wageMonthly: wage * 10_000,
      empType: values.empType ?? '',
      availableFrom: values.availableFrom || null,
    },
  };
}
