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
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database, Tx } from '../db/index.ts';
import { enqueueEmail } from '../market/alerts.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import { UserError } from '../web/errors.ts';
import type { Errors } from '../web/forms.ts';
import { formRawText, formText } from '../web/forms.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken, isSecure } from '../web/security.ts';
import { allow, PASS_COOKIE, SESSION_COOKIE, sessionCookieOptions } from './access.ts';
import { type Account, type AccountKind, changePassword, findForSignIn } from './accounts.ts';
import { audit, clientOf } from './audit.ts';
import { newPasswordErrors, normalizeLoginId } from './rules.ts';
import { hashToken, isTokenShaped, newToken, revokeAllSessions } from './sessions.ts';
import { blockedFor, clearFailures, PASSWORD_RESET, recordFailure, waitText } from './throttle.ts';
import { forgotPasswordPage, type ResetLinkProblem, resetLinkProblemPage, resetPasswordPage } from './views.ts';

export const RESET_MINUTES = 30;
const DEDUPE_PREFIX = 'password-reset:';
/** The refusal, inside the command, of a link that could not be claimed (rolled back, then explained). */
const LINK_UNUSABLE = 'RESET_LINK_UNUSABLE';

// ── Rules (pure) ───────────────────────────────────────────────────────────────────────────────

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

// ── Storage ────────────────────────────────────────────────────────────────────────────────────

/** Takes an account's reset links out of the outbox: unsent e-mails deleted, sent ones blanked. */
async function retireResetMails(tx: Tx, accountId: number): Promise<void> {
  await tx.query(
    sql`DELETE FROM email_outbox WHERE account_id = ${accountId} AND sent_at IS NULL
          AND starts_with(dedupe_key, ${DEDUPE_PREFIX})`,
  );
  await tx.query(
    sql`UPDATE email_outbox SET body = regexp_replace(body, 'token=[A-Za-z0-9_%-]+', 'token=(사용할 수 없는 링크)', 'g')
        WHERE account_id = ${accountId} AND starts_with(dedupe_key, ${DEDUPE_PREFIX})`,
  );
}

/** A new link for the account (replacing its unused ones) and its e-mail in the outbox. */
async function issueLink(
  database: Database,
  account: Account & { email: string },
  origin: string,
  now: Date,
): Promise<void> {
  const token = newToken();
  const tokenHash = hashToken(token);
  const expires = new Date(now.getTime() + RESET_MINUTES * 60_000);
  const mail = resetEmail({ name: account.name, loginId: account.loginId, url: resetUrl(origin, token) });
  await database.transaction(async (tx) => {
    await tx.query(sql`DELETE FROM password_resets WHERE account_id = ${account.id} AND used_at IS NULL`);
    await retireResetMails(tx, account.id);
    await tx.query(
      sql`INSERT INTO password_resets (token_hash, account_id, created_at, expires_at)
          VALUES (${tokenHash}, ${account.id}, ${now.toISOString()}, ${expires.toISOString()})`,
    );
    await enqueueEmail(tx, {
      accountId: account.id,
      to: account.email,
      ...mail,
      dedupeKey: `${DEDUPE_PREFIX}${tokenHash.slice(0, 32)}`,
    });
  });
}

interface LinkRow extends StoredLink, Record<string, unknown> {
  accountId: number;
  kind: AccountKind;
  loginId: string;
}

async function findLink(database: Database, token: string): Promise<LinkRow | undefined> {
  if (!isTokenShaped(token)) return undefined;
  const [row] = await database.query<LinkRow>(
    sql`SELECT r.account_id::int AS "accountId", a.kind, a.login_id AS "loginId", r.expires_at::text AS "expiresAt",
               r.used_at::text AS "usedAt", (a.status = 'active') AS active
        FROM password_resets r JOIN accounts a ON a.id = r.account_id WHERE r.token_hash = ${hashToken(token)}`,
  );
  return row;
}

/**
 * Uses a link: in one transaction claims it (still unused, unexpired, account active), sets the
 * password, and ends every session of the account. False when the link could not be claimed.
 */
async function useLink(database: Database, token: string, password: string, now: Date): Promise<boolean> {
  return database.transaction(async (tx) => {
    const [claimed] = await tx.query<{ accountId: number }>(
      sql`UPDATE password_resets r SET used_at = ${now.toISOString()}
          FROM accounts a
          WHERE r.token_hash = ${hashToken(token)} AND a.id = r.account_id AND a.status = 'active'
            AND r.used_at IS NULL AND r.expires_at > ${now.toISOString()}
          RETURNING r.account_id::int AS "accountId"`,
    );
    if (!claimed) return false;
    await changePassword(tx, claimed.accountId, password);
    await revokeAllSessions(tx, claimed.accountId);
    await retireResetMails(tx, claimed.accountId);
    return true;
  });
}

// ── Routes ─────────────────────────────────────────────────────────────────────────────────────

export interface PasswordResetDeps {
  database: Database;
  now: () => Date;
  /** Where the e-mailed link points: config.publicUrl, else this server's own address. */
  origin: () => string;
}

/** Pages with a form token or a link token are never kept for outages (config.ownOutagePage). */
const PUBLIC_UNSAVED = { config: { ...allow('public').config, ownOutagePage: true } };

export function passwordResetRoutes(app: FastifyInstance, deps: PasswordResetDeps): void {
  const { database } = deps;

  const forgotPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    opts: { loginId?: string; errors?: Errors; sent?: boolean; status?: number },
  ) => {
    reply.status(opts.status ?? 200);
    return sendPage(request, reply, {
      title: '비밀번호 찾기',
      breadcrumbs: [{ label: '로그인', href: '/login' }, { label: '비밀번호 찾기' }],
      main: forgotPasswordPage({
        loginId: opts.loginId ?? '',
        errors: opts.errors ?? {},
        sent: opts.sent ?? false,
        csrf: csrfToken(reply),
      }),
    });
  };

  const problemPage = (request: FastifyRequest, reply: FastifyReply, problem: ResetLinkProblem) => {
    reply.status(400);
    return sendPage(request, reply, {
      title: '비밀번호 재설정 링크 오류',
      breadcrumbs: [{ label: '로그인', href: '/login' }, { label: '비밀번호 재설정' }],
      main: resetLinkProblemPage(problem),
    });
  };

  const resetPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    opts: { token: string; loginId: string; errors?: Errors; status?: number },
  ) => {
    reply.status(opts.status ?? 200).header('cache-control', 'no-store');
    return sendPage(request, reply, {
      title: '새 비밀번호 정하기',
      breadcrumbs: [{ label: '로그인', href: '/login' }, { label: '새 비밀번호 정하기' }],
      main: resetPasswordPage({
        token: opts.token,
        loginId: opts.loginId,
        errors: opts.errors ?? {},
        csrf: csrfToken(reply),
      }),
    });
  };

  app.get('/password/forgot', PUBLIC_UNSAVED, async (request, reply) => forgotPage(request, reply, {}));

  app.post(
    '/password/forgot',
    writes(
      { config: { ...PUBLIC_UNSAVED.config, rateLimit: { max: 30, timeWindow: 60_000 } } },
      'identity.requestPasswordReset',
    ),
    async (request, reply) => {
      const typed = formText(request.body, 'loginId', 100);
      const loginId = normalizeLoginId(typed).slice(0, 100);
      if (loginId === '')
        return forgotPage(request, reply, { errors: { loginId: '아이디를 입력해 주세요.' }, status: 400 });
      const client = clientOf(request);
      const keys = { loginId, ip: client.ip };
      // The outcome is what the page shows again (the typed 아이디, or how long to wait), never whether
      // the account exists or the link; the e-mail is in the outbox in the same transaction, so a repeat
      // sends nothing twice.
      const { outcome } = await request.command(async () => {
        const now = deps.now();
        const wait = await blockedFor(database, keys, now, PASSWORD_RESET);
        if (wait > 0) {
          await audit(database, {
            actor: null,
            action: 'password.reset-request',
            outcome: 'denied',
            ...client,
            details: { loginId, reason: 'throttled' },
          });
          return { loginId: typed, retryAfterSeconds: wait };
        }
        await recordFailure(database, keys, now, PASSWORD_RESET);
        const account = await findForSignIn(database, loginId);
        const result = resetRequestOutcome(account);
        if (account && result === 'sent' && account.email) {
          const { passwordHash: _hash, ...publicAccount } = account;
          await issueLink(database, { ...publicAccount, email: account.email }, deps.origin(), now);
        }
        await audit(database, {
          actor: account ? { id: account.id, kind: account.kind } : null,
          action: 'password.reset-request',
          outcome: result === 'sent' ? 'success' : 'failure',
          ...client,
          details: { loginId, result },
        });
        return { loginId: typed, retryAfterSeconds: 0 };
      });
      const wait = outcome.retryAfterSeconds;
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        return forgotPage(request, reply, {
          loginId: outcome.loginId,
          status: 429,
          errors: {
            _form: `비밀번호 찾기 요청이 너무 많아 잠시 막아 두었습니다. ${waitText(wait)} 후 다시 시도하거나 고객상담센터(국번 없이 1350)로 문의해 주세요.`,
          },
        });
      }
      return forgotPage(request, reply, { loginId: outcome.loginId, sent: true });
    },
  );

  app.get<{ Querystring: { token?: string } }>('/password/reset', PUBLIC_UNSAVED, async (request, reply) => {
    const token = typeof request.query.token === 'string' ? request.query.token : '';
    const link = await findLink(database, token);
    const state = resetLinkState(link, deps.now());
    if (state !== 'valid' || !link) return problemPage(request, reply, state === 'valid' ? 'unknown' : state);
    return resetPage(request, reply, { token, loginId: link.loginId });
  });

  app.post('/password/reset', writes(PUBLIC_UNSAVED, 'identity.resetPassword'), async (request, reply) => {
    const token = formText(request.body, 'token', 100);
    const link = await findLink(database, token);
    const state = resetLinkState(link, deps.now());
    // A used link may be this very request again (its answer was lost): the command answers that with
    // the stored outcome, and refuses any other use of it below.
    if ((state !== 'valid' && state !== 'used') || !link)
      return problemPage(request, reply, state === 'valid' ? 'unknown' : state);
    const password = formRawText(request.body, 'newPassword', 200);
    if (state === 'valid') {
      const errors = newPasswordErrors(password, formRawText(request.body, 'newPasswordConfirm', 200), link.loginId);
      if (Object.keys(errors).length > 0)
        return resetPage(request, reply, { token, loginId: link.loginId, errors, status: 400 });
    }
    let result: { outcome: { redirect: string } };
    try {
      result = await request.command(async () => {
        if (!(await useLink(database, token, password, deps.now())))
          throw new UserError(400, LINK_UNUSABLE, '비밀번호 재설정 링크를 쓸 수 없습니다.');
        await audit(database, {
          actor: { id: link.accountId, kind: link.kind },
          action: 'account.password-reset',
          outcome: 'success',
          ...clientOf(request),
          details: { method: 'email-link' },
        });
        // A new password also lifts a sign-in block on the 아이디 (someone may have been guessing).
        await clearFailures(database, link.loginId);
        return { redirect: '/login?reset=1' };
      });
    } catch (err) {
      if (!(err instanceof UserError) || err.code !== LINK_UNUSABLE) throw err;
      // Used or expired between the check above and now (another tab, the clock): say which.
      const again = resetLinkState(await findLink(database, token), deps.now());
      return problemPage(request, reply, again === 'valid' ? 'unknown' : again);
    }
    // This browser may hold a session (of this account, now ended, or of another): start afresh.
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(isSecure(request)));
    reply.clearCookie(PASS_COOKIE, sessionCookieOptions(isSecure(request)));
    return sendOutcome(reply, result.outcome);
  });
}
