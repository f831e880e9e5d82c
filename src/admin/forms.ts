/**
 * The operators' back-office forms and filters, read and checked (pure): Korean messages per field and
 * what was typed kept, or the checked values ready for the admin service (src/admin/service.ts).
 */
import type { AccountKind } from '../identity/accounts.ts';
import {
  emailError,
  loginIdError,
  maskPersonalNumbers,
  nameError,
  normalizeLoginId,
  passwordError,
} from '../identity/rules.ts';
import { type Errors, formRawText, type Values } from '../web/forms.ts';

/** Why an operator disables an account (kept in the audit log with the operator's note). */
export const DISABLE_REASONS = {
  left: '퇴사·전보 (직원 계정)',
  request: '본인 요청',
  compromised: '계정 도용·비밀번호 유출 의심',
  misuse: '부정 이용·이용약관 위반',
  duplicate: '중복 가입',
} as const;
export type DisableReason = keyof typeof DISABLE_REASONS;

export const isStaff = (kind: AccountKind) => kind === 'counsellor' || kind === 'operator';

const KINDS: readonly AccountKind[] = ['seeker', 'employer', 'counsellor', 'operator'];

/** 계정 관리's filter: a known kind (else all) and a search text of at most 50 characters. */
export function parseAccountFilter(query: { kind?: string; q?: string }): { kind: AccountKind | undefined; q: string } {
  return {
    kind: KINDS.find((k) => k === query.kind),
    q: (query.q ?? '').slice(0, 50).trim(),
  };
}

/** A staff account checked and ready to be created. */
export interface NewStaffAccount {
  kind: 'counsellor' | 'operator';
  loginId: string;
  password: string;
  name: string;
  email: string;
  /** The counsellor's centre; null for an operator. */
  centreCode: string | null;
}

/**
 * 직원 계정 만들기: a staff kind, a centre of `centreCodes` for a counsellor, and the identity rules for
 * the login ID, name, e-mail and first password. `values` is what was typed (not the password).
 */
export function parseNewStaffAccount(
  body: unknown,
  centreCodes: readonly string[],
): { values: Values; errors: Errors; value: NewStaffAccount | null } {
  const values: Values = {
    kind: formRawText(body, 'kind', 20),
    centreCode: formRawText(body, 'centreCode', 50),
    loginId: formRawText(body, 'loginId', 100),
    name: formRawText(body, 'name', 100),
    email: formRawText(body, 'email', 300),
  };
  const password = formRawText(body, 'password', 200);
  const errors: Errors = {};
  const kind: NewStaffAccount['kind'] | null =
    values.kind === 'counsellor' || values.kind === 'operator' ? values.kind : null;
  if (!kind) errors.kind = '계정 종류를 골라 주세요.';
  if (kind === 'counsellor' && !centreCodes.includes(values.centreCode ?? ''))
    errors.centreCode = '상담원의 소속 고용센터를 골라 주세요.';
  for (const [key, error] of [
    ['loginId', loginIdError(values.loginId ?? '')],
    ['name', nameError(values.name ?? '')],
    ['email', emailError(values.email ?? '', true)],
    ['password', passwordError(password, values.loginId)],
  ] as const)
    if (error) errors[key] = error;
  const value =
    Object.keys(errors).length === 0 && kind
      ? {
          kind,
          loginId: normalizeLoginId(values.loginId ?? ''),
          password,
          name: (values.name ?? '').trim(),
          email: (values.email ?? '').trim(),
          centreCode: kind === 'counsellor' ? (values.centreCode ?? null) : null,
        }
      : null;
  return { values, errors, value };
}

/** 직원 비밀번호 다시 정하기: the new password against the rules (and the staff member's login ID). */
export function parseStaffPassword(body: unknown, loginId: string): { password: string; error: string | null } {
  const password = formRawText(body, 'password', 200);
  return { password, error: passwordError(password, loginId) };
}

/** What the 사용 중지 form keeps between its steps: the reason's code and the note (masked). */
export interface DisableValues {
  reason: string;
  note: string;
}

/**
 * 사용 중지 / 다시 사용: the status asked for (null when it is neither, a bad request), and for 사용 중지
 * the reason and note; `reason` is set only when the reason is one of DISABLE_REASONS.
 */
export function parseStatusChange(body: unknown): {
  status: 'active' | 'disabled' | null;
  values: DisableValues;
  reason: DisableReason | null;
} {
  const status = formRawText(body, 'status', 20);
  const values = {
    reason: formRawText(body, 'reason', 20),
    note: maskPersonalNumbers(formRawText(body, 'note', 300).trim()),
  };
  return {
    status: status === 'active' || status === 'disabled' ? status : null,
    values,
    reason: Object.hasOwn(DISABLE_REASONS, values.reason) ? (values.reason as DisableReason) : null,
  };
}

/** 감사 로그's filter: an action code of at most 50 characters, and staff actions only or not. */
export function parseAuditFilter(query: { action?: string; staff?: string }): { action: string; staffOnly: boolean } {
  return { action: (query.action ?? '').slice(0, 50), staffOnly: query.staff === '1' };
}
