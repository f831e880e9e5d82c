/** The 사업장 registration form, read and checked (pure): 사업장관리번호, name and address. */
import { formText } from '../web/forms.ts';
import { managementNoError, normalizeManagementNo } from './management-no.ts';

export interface WorkplaceInput {
  managementNo: string;
  name: string;
  address: string;
}

export const WORKPLACE_FIELDS = ['managementNo', 'name', 'address'] as const;

/** Checks the form against the company's 사업자등록번호 (a 사업장관리번호 begins with it). */
export function parseWorkplace(
  body: unknown,
  busino: string,
): { ok: true; value: WorkplaceInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const raw = formText(body, 'managementNo', 30);
  const name = formText(body, 'name', 120);
  const address = formText(body, 'address', 220);
  const noErr = managementNoError(raw, busino);
  if (noErr) errors.managementNo = noErr;
  if (name === '') errors.name = '사업장 명칭을 적어 주세요.';
  else if ([...name].length > 100) errors.name = '사업장 명칭은 100자 이내로 적어 주세요.';
  if ([...address].length > 200) errors.address = '소재지는 200자 이내로 적어 주세요.';
  const managementNo = noErr ? null : normalizeManagementNo(raw);
  if (!managementNo && !errors.managementNo) errors.managementNo = '사업장관리번호를 숫자 11자리로 적어 주세요.';
  if (Object.keys(errors).length > 0 || !managementNo) return { ok: false, errors };
  return { ok: true, value: { managementNo, name, address } };
}
