/** The 기업 정보 form, read and checked (pure): a Korean message per field, or the values to save. */
import { maskPersonalNumbers } from '../identity/rules.ts';

export const COMPANY_FIELDS = ['description', 'address', 'employees', 'homepage'] as const;
export type CompanyFormValues = Record<(typeof COMPANY_FIELDS)[number], string>;

export interface CompanyProfileInput {
  description: string;
  address: string;
  employees: number | null;
  homepage: string;
}

export function parseCompanyProfile(
  raw: Record<string, unknown>,
): { ok: true; value: CompanyProfileInput } | { ok: false; errors: Record<string, string> } {
  const get = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string).replace(/\r\n/g, '\n').trim() : '');
  const errors: Record<string, string> = {};
  const description = get('description');
  const address = get('address');
  const homepage = get('homepage');
  const employeesRaw = get('employees').replace(/[,\s명]/g, '');
  if ([...description].length > 2000) errors.description = '기업 소개는 2,000자 이내로 적어 주세요.';
  if ([...address].length > 200) errors.address = '주소는 200자 이내로 적어 주세요.';
  let employees: number | null = null;
  if (employeesRaw !== '') {
    employees = Number(employeesRaw);
    if (!Number.isInteger(employees) || employees < 1 || employees > 1_000_000)
      errors.employees = '직원 수는 1명 이상의 숫자로 적어 주세요.';
  }
  if (homepage && !/^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(homepage))
    errors.homepage = '홈페이지는 https://로 시작하는 주소로 적어 주세요.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { description: maskPersonalNumbers(description), address, employees, homepage } };
}

/** What was typed, as it was typed, for the form that comes back with errors. */
export function typedCompanyForm(raw: Record<string, unknown>): CompanyFormValues {
  return Object.fromEntries(
    COMPANY_FIELDS.map((k) => [k, typeof raw[k] === 'string' ? (raw[k] as string) : '']),
  ) as CompanyFormValues;
}

/** The saved profile as form values (직원 수 blank when not given). */
export function companyFormValues(
  c: { description: string; address: string; employees: number | null; homepage: string } | undefined,
): CompanyFormValues {
  return {
    description: c?.description ?? '',
    address: c?.address ?? '',
    employees: c?.employees === null || c?.employees === undefined ? '' : String(c.employees),
    homepage: c?.homepage ?? '',
  };
}
