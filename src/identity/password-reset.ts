/**
 * 비밀번호 찾기: a person who forgot their password types their 아이디 and gets an e-mail with a link
 * that lets them set a new one, once, within 30 minutes.
 *
 * - No account enumeration: every 아이디 gets the same page, whether or not it exists, is disabled or
 *   has an e-mail. (An existing account costs a few more inserts; the throttle below bounds how much
 *   anyone can learn from response times.)
 * - Throttled per typed 아이디 and per IP (src/identity/throttle.ts, PASSWORD_RESET), counted for
 *   every 아이디 typed, existing or not.
 * - The link carries 32 random bytes; password_resets keeps only their SHA-256. A new request deletes
 *   the account's earlier unused links. Once a link is used or replaced, the copies of it in the e-mail
 *   outbox are taken out (unsent ones deleted, sent ones blanked), so a database dump holds no live link.
 * - Using a link sets the password, marks the link used and signs the account out everywhere, in one
 *   transaction, and is audited. The token is never logged (request logging is off below debug level).
 * - The link's origin is config.publicUrl, else this server's own address (never the request's Host /
 *   X-Forwarded-Host, which someone asking for another person's reset could point at a site of their
 *   own). Set ILTEO_PUBLIC_URL in production, or the links point at the app server itself.
 *
 * The rules (pure) are here; the storage in password-reset-store.ts, the pages in password-reset-routes.ts.
 */
import type { Account } from './accounts.ts';

export const RESET_MINUTES = 30;

/** Why a reset link cannot be used. */
export type ResetLinkProblem = 'unknown' | 'expired' | 'used';

export type ResetRequestOutcome = 'sent' | 'no-account' | 'disabled' | 'no-email' | 'staff';

/**
 * Whether a reset e-mail goes out for this account. Disabled accounts get nothing. Staff accounts
 * (상담원, 운영자) get nothing either: they reach many citizens' claims and personal data, so whoever
 * gets into their mailbox must not get into the account as well (개인정보의 안전성 확보조치 기준 asks
 * more than an e-mail for 개인정보취급자); an operator looks after their accounts. Accounts that only use
 * a sign-in provider may get one: it sets their first password, a way back if the provider account is lost.
 */
export function resetRequestOutcome(
  account: Pick<Account, 'kind' | 'status' | 'email'> | undefined,
): ResetRequestOutcome {
  if (!account) return 'no-account';
  if (account.status !== 'active') return 'disabled';
  if (account.kind === 'counsellor' || account.kind === 'operator') return 'staff';
  if (!account.email || account.email.trim() === '') return 'no-email';
  return 'sent';
}

export interface StoredLink {
  expiresAt: string;
  usedAt: string | null;
  /** The account is still active. */
  active: boolean;
}

/** Whether a link may be used now, or why not (a disabled account's link is as good as unknown). */
export function resetLinkState(link: StoredLink | undefined, now: Date): 'valid' | ResetLinkProblem {
  if (!link?.active) return 'unknown';
  if (link.usedAt !== null) return 'used';
  if (Date.parse(link.expiresAt) <= now.getTime()) return 'expired';
  return 'valid';
}

export function resetUrl(origin: string, token: string): string {
  return `${origin}/password/reset?token=${encodeURIComponent(token)}`;
}

/** The e-mail, in Korean. */
export function resetEmail(opts: { name: string; loginId: string; url: string }): { subject: string; body: string } {
  return {
    subject: '[일터] 비밀번호 재설정 안내',
    body: [
      `${opts.name} 님, 안녕하세요. 일터입니다.`,
      '',
      `아이디 ${opts.loginId}의 비밀번호를 다시 정하도록 요청하셨습니다.`,
      `아래 링크를 눌러 ${RESET_MINUTES}분 안에 새 비밀번호를 정해 주세요. 링크는 한 번만 쓸 수 있습니다.`,
      '',
      opts.url,
      '',
      '직접 요청하지 않으셨다면 이 메일을 무시하셔도 됩니다. 비밀번호는 바뀌지 않습니다.',
      '문의: 고객상담센터 국번 없이 1350',
    ].join('\n'),
  };
}
