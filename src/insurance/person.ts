/**
 * A worker as the employers' reports name them: the 주민등록번호 is checked, then kept only as a keyed
 * hash (HMAC-SHA-256 with a secret the database holds, so the same person has the same hash in every
 * report and in their own 본인확인) and a masked form for pages. The number itself is never stored,
 * logged or shown.
 */
import { createHmac } from 'node:crypto';

/** 13 digits, with or without the hyphen after the 6-digit birth date; spaces ignored. */
export function normalizeRrn(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '');
  return /^[0-9]{13}$/.test(digits) ? digits : null;
}

/** The birth date the number encodes (the 7th digit gives the century), or null when it is not a date. */
export function birthDateOf(rrn: string): string | null {
  const g = Number(rrn[6]);
  // 1, 2, 5, 6: born 1900–1999 (5, 6 foreigners); 3, 4, 7, 8: 2000–2099; 9, 0: 1800s (not issued any more).
  const century = [1, 2, 5, 6].includes(g) ? 1900 : [3, 4, 7, 8].includes(g) ? 2000 : null;
  if (century === null) return null;
  const y = century + Number(rrn.slice(0, 2));
  const m = Number(rrn.slice(2, 4));
  const d = Number(rrn.slice(4, 6));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * What is wrong with a typed 주민등록번호, in Korean, or null. Numbers issued since October 2020 end in
 * random digits (주민등록법 시행규칙 개정, 2020-10-05), so the old check digit is not required.
 */
export function rrnError(raw: string): string | null {
  if (raw.trim() === '') return '주민등록번호를 적어 주세요.';
  const rrn = normalizeRrn(raw);
  if (!rrn) return '주민등록번호는 숫자 13자리로 적어 주세요 (예: 850520-1234567).';
  if (!birthDateOf(rrn)) return '주민등록번호 앞 7자리(생년월일과 성별 자리)가 올바르지 않습니다.';
  return null;
}

/** 850520-1****** — the birth date and the 7th digit, as 고용24 shows its own records. */
export function maskRrn(rrn: string): string {
  return `${rrn.slice(0, 6)}-${rrn[6]}******`;
}

/** The keyed hash every table holds instead of the number. */
export function personHash(secret: string, rrn: string): string {
  return createHmac('sha256', secret).update(`rrn:${rrn}`).digest('base64url');
}
