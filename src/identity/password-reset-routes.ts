/** 비밀번호 찾기 (password-reset.ts): asking for a link by 아이디, and setting a new password with it. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendOutcome, writes } from '../web/commands.ts';
import { UserError } from '../web/errors.ts';
import type { Errors } from '../web/forms.ts';
import { formRawText, formText } from '../web/forms.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken, isSecure } from '../web/security.ts';
import { allow, PASS_COOKIE, SESSION_COOKIE, sessionCookieOptions } from './access.ts';
import { clientOf } from './audit.ts';
import { LINK_UNUSABLE, type PasswordResetService } from './password-reset-service.ts';
import {
  forgotPasswordPage,
  type ResetLinkProblem,
  resetLinkProblemPage,
  resetPasswordPage,
} from './password-reset-views.ts';
import { newPasswordErrors, normalizeLoginId } from './rules.ts';
import { waitText } from './throttle.ts';

export interface PasswordResetDeps {
  passwordReset: PasswordResetService;
  /** Where the e-mailed link points: config.publicUrl, else this server's own address. */
  origin: () => string;
}

/** Pages with a form token or a link token are never kept for outages (config.ownOutagePage). */
const PUBLIC_UNSAVED = { config: { ...allow('public').config, ownOutagePage: true } };

export function passwordResetRoutes(app: FastifyInstance, deps: PasswordResetDeps): void {
  forgotRoutes(app, deps);
  resetRoutes(app, deps);
}

function forgotPage(
  request: FastifyRequest,
  reply: FastifyReply,
  opts: { loginId?: string; errors?: Errors; sent?: boolean; status?: number },
) {
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
}

function problemPage(request: FastifyRequest, reply: FastifyReply, problem: ResetLinkProblem) {
  reply.status(400);
  return sendPage(request, reply, {
    title: '비밀번호 재설정 링크 오류',
    breadcrumbs: [{ label: '로그인', href: '/login' }, { label: '비밀번호 재설정' }],
    main: resetLinkProblemPage(problem),
  });
}

function resetPage(
  request: FastifyRequest,
  reply: FastifyReply,
  opts: { token: string; loginId: string; errors?: Errors; status?: number },
) {
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
}

function forgotRoutes(app: FastifyInstance, deps: PasswordResetDeps): void {
  const { passwordReset } = deps;
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
      // The outcome is what the page shows again (the typed 아이디, or how long to wait), never whether
      // the account exists or the link; the e-mail is in the outbox in the same transaction, so a repeat
      // sends nothing twice.
      const { outcome } = await request.command(async () => {
        const wait = await passwordReset.requestLink(loginId, clientOf(request), deps.origin);
        return { loginId: typed, retryAfterSeconds: wait };
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
}

function resetRoutes(app: FastifyInstance, deps: PasswordResetDeps): void {
  const { passwordReset } = deps;
  app.get<{ Querystring: { token?: string } }>('/password/reset', PUBLIC_UNSAVED, async (request, reply) => {
    const token = typeof request.query.token === 'string' ? request.query.token : '';
    const { link, state } = await passwordReset.link(token);
    if (state !== 'valid' || !link) return problemPage(request, reply, state === 'valid' ? 'unknown' : state);
    return resetPage(request, reply, { token, loginId: link.loginId });
  });

  app.post('/password/reset', writes(PUBLIC_UNSAVED, 'identity.resetPassword'), async (request, reply) => {
    const token = formText(request.body, 'token', 100);
    const { link, state } = await passwordReset.link(token);
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
        await passwordReset.reset(link, token, password, clientOf(request));
        return { redirect: '/login?reset=1' };
      });
    } catch (err) {
      if (!(err instanceof UserError) || err.code !== LINK_UNUSABLE) throw err;
      // Used or expired between the check above and now (another tab, the clock): say which.
      const again = (await passwordReset.link(token)).state;
      return problemPage(request, reply, again === 'valid' ? 'unknown' : again);
    }
    // This browser may hold a session (of this account, now ended, or of another): start afresh.
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(isSecure(request)));
    reply.clearCookie(PASS_COOKIE, sessionCookieOptions(isSecure(request)));
    return sendOutcome(reply, result.outcome);
  });
}
