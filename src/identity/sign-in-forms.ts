/**
 * The sign-in forms, read and checked (pure): 로그인, 내 정보's password change and the session to sign
 * out, and where a sign-in may send the person afterwards.
 */
import { type Errors, formRawText } from '../web/forms.ts';
import { safeLocalPath } from '../web/security.ts';
import { newPasswordErrors } from './rules.ts';

/** Only same-site paths are followed after sign-in (no open redirect). */
export function safeReturnTo(raw: unknown): string {
  const path = safeLocalPath(raw, '/');
  return path.length > 500 || path.startsWith('/login') || path.startsWith('/logout') ? '/' : path;
}

/** 로그인 with 아이디 and 비밀번호: both must be typed (what is typed is kept, untrimmed, for the form). */
export function parseLogin(body: unknown): { loginId: string; password: string; next: string; errors: Errors } {
  const loginId = formRawText(body, 'loginId', 100);
  const password = formRawText(body, 'password', 200);
  const next = safeReturnTo(formRawText(body, 'next', 500));
  const errors: Errors = {};
  if (loginId.trim() === '') errors.loginId = '아이디를 입력해 주세요.';
  if (password === '') errors.password = '비밀번호를 입력해 주세요.';
  return { loginId, password, next, errors };
}

/** 내 정보's 비밀번호 바꾸기/정하기: the new password checked against the rules and its confirmation. */
export function parsePasswordChange(body: unknown, loginId: string): { current: string; next: string; errors: Errors } {
  const current = formRawText(body, 'currentPassword', 200);
  const next = formRawText(body, 'newPassword', 200);
  return { current, next, errors: newPasswordErrors(next, formRawText(body, 'newPasswordConfirm', 200), loginId) };
}

/** The session to sign out, by the first 16 hex digits of its hash (as 내 정보 lists it); null if not that. */
export function parseSessionPrefix(body: unknown): string | null {
  const prefix = formRawText(body, 'session', 64);
  return /^[0-9a-f]{16}$/.test(prefix) ? prefix : null;
}
