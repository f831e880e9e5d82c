/**
 * 사업장관리번호: the number 근로복지공단 gives a workplace when its 고용·산재보험 관계 is established
 * (고용산재보험료징수법 제11조 보험관계의 성립신고). It is 11 digits: the 사업자등록번호 (10 digits,
 * 국세청) and one 구분 digit, printed 123-45-67890-0. One 사업자 may hold several (본점, 지점, 현장),
 * which differ in the last digit or are numbered separately.
 *
 * UNCONFIRMED: the meaning of the 11th digit. Searched "사업장관리번호 11자리 사업자등록번호 10자리 + 1자리
 * 구성" (corpus pages): public guides agree on 사업자등록번호 + 1 digit and the 123-45-67890-0 display, and
 * give 0 = 4대보험 모두, 2 = 건강보험만, 4 = 국민연금만, 6 = 고용·산재만 (국민연금 공단 usage) — not an
 * official 근로복지공단 text, so the digit is not restricted here. A workplace without a
 * 사업자등록번호 gets a number the 공단 assigns (9yy-… in those guides); those are not accepted here: every
 * workplace in this service belongs to a company that has a 사업자등록번호.
 */
import { formatBusino, isValidBusino, normalizeBusino } from '../identity/rules.ts';

/** 11 digits, hyphens and spaces ignored, or null. */
export function normalizeManagementNo(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '');
  return /^\d{11}$/.test(digits) ? digits : null;
}

/**
 * What is wrong with a typed 사업장관리번호, in Korean, or null. Its first 10 digits must be a valid
 * 사업자등록번호, and the company's own one when `busino` is given.
 */
export function managementNoError(raw: string, busino?: string): string | null {
  if (raw.trim() === '') return '사업장관리번호를 적어 주세요.';
  const digits = normalizeManagementNo(raw);
  if (!digits) return '사업장관리번호는 숫자 11자리로 적어 주세요 (예: 123-45-67890-0).';
  const head = digits.slice(0, 10);
  if (busino !== undefined) {
    const own = normalizeBusino(busino);
    if (own !== null && own !== head)
      return `사업장관리번호 앞 10자리가 회사의 사업자등록번호(${formatBusino(own)})와 다릅니다. 근로복지공단에서 받은 번호를 확인해 주세요.`;
  }
  if (!isValidBusino(head))
    return '사업장관리번호 앞 10자리가 올바른 사업자등록번호가 아닙니다. 번호를 다시 확인해 주세요.';
  return null;
}

/** 12345678900 → 123-45-67890-0 (the display 근로복지공단 and 고용24 use). */
export function formatManagementNo(digits: string): string {
  const d = normalizeManagementNo(digits) ?? digits;
  return `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5, 10)}-${d.slice(10)}`;
}
