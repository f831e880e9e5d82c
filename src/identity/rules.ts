/**
 * Input rules for accounts, as pure functions: sign-in IDs, passwords (shown to the person before
 * they submit, and checked again on the server), 사업자등록번호 check digit, and masking of
 * 주민등록번호-like numbers so they are never stored or logged in full.
 */

export const LOGIN_ID_RULE = '영문 소문자로 시작하는 4~20자의 영문 소문자, 숫자, 밑줄(_), 마침표(.), 하이픈(-)';
const LOGIN_ID = /^[a-z][a-z0-9._-]{3,19}$/;

/** Sign-in IDs are case-insensitive: stored and compared lower-case, without surrounding spaces. */
export function normalizeLoginId(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}

export function loginIdError(raw: string): string | null {
  const id = normalizeLoginId(raw);
  if (id.length === 0) return '아이디를 입력해 주세요.';
  if (!LOGIN_ID.test(id)) return `아이디는 ${LOGIN_ID_RULE}로 정해 주세요.`;
  return null;
}

export const PASSWORD_MAX = 64;

export interface PasswordRule {
  id: 'length' | 'kinds' | 'no-id' | 'no-run' | 'max';
  text: string;
  ok: boolean;
}

function kindsOf(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

/** True when the text holds 4 identical characters in a row or a 4-character ascending/descending run. */
function hasRun(password: string): boolean {
  const cps = [...password].map((c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i + 3 < cps.length; i++) {
    const [a, b, c, d] = [cps[i], cps[i + 1], cps[i + 2], cps[i + 3]] as [number, number, number, number];
    if (a === b && b === c && c === d) return true;
    if (b - a === 1 && c - b === 1 && d - c === 1) return true;
    if (a - b === 1 && b - c === 1 && c - d === 1) return true;
  }
  return false;
}

/**
 * The password rules (KISA 패스워드 선택 및 이용 안내서): at least 10 characters of 2 kinds, or
 * 8 characters of 3 kinds (영문 대문자·소문자, 숫자, 특수문자); not containing the ID; no runs
 * like "aaaa" or "1234"; at most 64 characters.
 */
/** The password rules as sentences, for a hint under a password field. */
export function passwordRuleTexts(): string[] {
  return passwordRules('').map((r) => r.text);
}

export function passwordRules(password: string, loginId = ''): PasswordRule[] {
  const length = [...password].length;
  const kinds = kindsOf(password);
  const id = normalizeLoginId(loginId);
  return [
    {
      id: 'length',
      text: '10자 이상 (영문·숫자·특수문자 중 3종류를 쓰면 8자 이상)',
      ok: length >= 10 || (length >= 8 && kinds >= 3),
    },
    { id: 'kinds', text: '영문, 숫자, 특수문자 중 2종류 이상', ok: kinds >= 2 },
    {
      id: 'no-id',
      text: '아이디를 포함하지 않음',
      ok: id.length < 4 || !password.toLowerCase().includes(id),
    },
    { id: 'no-run', text: '같은 문자 4번 반복이나 연속된 문자 4개(1234, abcd) 없음', ok: !hasRun(password) },
    { id: 'max', text: `${PASSWORD_MAX}자 이하`, ok: length <= PASSWORD_MAX },
  ];
}

export function passwordError(password: string, loginId = ''): string | null {
  if (password.length === 0) return '비밀번호를 입력해 주세요.';
  const failed = passwordRules(password, loginId).filter((r) => !r.ok);
  if (failed.length === 0) return null;
  return `비밀번호 규칙을 지키지 않았습니다: ${failed.map((r) => r.text).join(', ')}.`;
}

/**
 * A new password typed twice (내 정보, 비밀번호 찾기): errors by field (newPassword, newPasswordConfirm),
 * none when it may be set.
 */
export function newPasswordErrors(password: string, confirm: string, loginId: string): Record<string, string> {
  const rule = passwordError(password, loginId);
  if (rule) return { newPassword: rule };
  if (password !== confirm) return { newPasswordConfirm: '새 비밀번호 확인이 새 비밀번호와 다릅니다.' };
  return {};
}

/** 사업자등록번호 without hyphens or spaces, or null when it is not 10 digits. */
export function normalizeBusino(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '');
  return /^\d{10}$/.test(digits) ? digits : null;
}

const BUSINO_WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const;

/**
 * The 사업자등록번호 check digit (국세청): Σ dᵢ·wᵢ over the first nine digits with weights
 * 1,3,7,1,3,7,1,3,5, plus ⌊d₉·5/10⌋; the tenth digit is (10 − sum mod 10) mod 10.
 */
export function businoCheckDigit(first9: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (BUSINO_WEIGHTS[i] as number);
  sum += Math.floor((Number(first9[8]) * 5) / 10);
  return (10 - (sum % 10)) % 10;
}

export function isValidBusino(raw: string): boolean {
  const digits = normalizeBusino(raw);
  return digits !== null && businoCheckDigit(digits) === Number(digits[9]);
}

export function businoError(raw: string): string | null {
  if (raw.trim().length === 0) return '사업자등록번호를 입력해 주세요.';
  const digits = normalizeBusino(raw);
  if (digits === null) return '사업자등록번호는 숫자 10자리입니다. (예: 123-45-67890)';
  if (!isValidBusino(digits)) return '사업자등록번호가 올바르지 않습니다. 번호를 다시 확인해 주세요.';
  return null;
}

export function formatBusino(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

/** 주민등록번호 / 외국인등록번호-like: 6 digits (YYMMDD), optional separator, 7 digits starting 1–8. */
const RRN_LIKE = /(?<!\d)(\d{2}[01]\d[0-3]\d)[\s-]?([1-8])\d{6}(?!\d)/g;

/** Masks every 주민등록번호-like number: 900101-1234567 → 900101-1******. */
export function maskPersonalNumbers(text: string): string {
  return text.replace(RRN_LIKE, '$1-$2******');
}

export function containsPersonalNumber(text: string): boolean {
  RRN_LIKE.lastIndex = 0;
  const found = RRN_LIKE.test(text);
  RRN_LIKE.lastIndex = 0;
  return found;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

export function emailError(raw: string, required = false): string | null {
  const email = raw.trim();
  if (email.length === 0) return required ? '이메일을 입력해 주세요.' : null;
  if (email.length > 254 || !EMAIL.test(email)) return '이메일 주소 형식이 올바르지 않습니다. (예: name@example.kr)';
  return null;
}

export function nameError(raw: string, label = '이름'): string | null {
  const name = raw.normalize('NFC').trim();
  if (name.length === 0) return `${label}을 입력해 주세요.`;
  if ([...name].length > 50) return `${label}은 50자 이내로 적어 주세요.`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(name)) return `${label}에 쓸 수 없는 문자가 있습니다.`;
  return null;
}

/**
 * A copy of a log record with every string masked (maskPersonalNumbers), for pino's formatters.
 * Errors become { type, message, stack } with the message and stack masked.
 */
export function maskForLog(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonalNumbers(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    const out: Record<string, unknown> = {
      type: value.name,
      message: maskPersonalNumbers(value.message),
      stack: value.stack ? maskPersonalNumbers(value.stack) : undefined,
    };
    for (const [k, v] of Object.entries(value)) out[k] = maskForLog(v, depth + 1);
    if (value.cause !== undefined) out.cause = maskForLog(value.cause, depth + 1);
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => maskForLog(v, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskForLog(v, depth + 1);
  return out;
}
