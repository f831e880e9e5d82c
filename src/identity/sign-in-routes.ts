/** 로그인 (password, OpenID Connect providers) and 로그아웃. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { repeatable } from '../web/commands.ts';
import { alert } from '../web/components.ts';
import { UserError } from '../web/errors.ts';
import type { Errors } from '../web/forms.ts';
import type { Html } from '../web/html.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken } from '../web/security.ts';
import { allow } from './access.ts';
import { clientOf } from './audit.ts';
import { ProviderUnavailableError } from './providers.ts';
import { FLOW_COOKIE, type IdentityContext, SIGNUP_COOKIE } from './route-context.ts';
import { parseLogin, safeReturnTo } from './sign-in-forms.ts';
import { waitText } from './throttle.ts';
import { loginPage, PROVIDER_MESSAGES } from './views.ts';

const WRONG_CREDENTIALS =
  '아이디 또는 비밀번호가 올바르지 않습니다. 여러 번 틀리면 잠시 로그인할 수 없으니 비밀번호를 잊었다면 비밀번호 찾기를 이용하거나 고객상담센터(1350)로 문의해 주세요.';

export function signInRoutes(app: FastifyInstance, cx: IdentityContext): void {
  loginRoutes(app, cx);
  oidcRoutes(app, cx);
}

function renderLogin(
  cx: IdentityContext,
  request: FastifyRequest,
  reply: FastifyReply,
  opts: { next: string; loginId?: string; errors?: Errors; notice?: Html | null; status?: number },
) {
  reply.status(opts.status ?? 200);
  return sendPage(request, reply, {
    title: '로그인',
    breadcrumbs: [{ label: '로그인' }],
    main: loginPage({
      next: opts.next,
      loginId: opts.loginId ?? '',
      errors: opts.errors ?? {},
      notice: opts.notice ?? null,
      providers: cx.buttons(),
      csrf: csrfToken(reply),
    }),
  });
}

/** What the sign-in page says on arrival: a provider's refusal, 로그아웃 done, or a new password set. */
function loginNotice(cx: IdentityContext, q: Record<string, string | undefined>): Html | null {
  const provider = typeof q.provider === 'string' ? q.provider : '';
  // Only the messages there are: `?error=__proto__` (or valueOf) is no message, not a crash.
  const message =
    typeof q.error === 'string' && Object.hasOwn(PROVIDER_MESSAGES, q.error) ? PROVIDER_MESSAGES[q.error] : undefined;
  if (message)
    return alert({
      variant: q.error === 'cancelled' ? 'info' : 'warning',
      role: 'alert',
      title: message(cx.labelOf(provider)),
    });
  if (q.signedOut) return alert({ variant: 'success', role: 'status', title: '로그아웃했습니다.' });
  if (q.reset)
    return alert({
      variant: 'success',
      role: 'status',
      title: '비밀번호를 바꿨습니다. 새 비밀번호로 로그인해 주세요.',
      body: '보안을 위해 로그인한 모든 기기에서 로그아웃했습니다.',
    });
  return null;
}

function loginRoutes(app: FastifyInstance, cx: IdentityContext): void {
  const { identity } = cx;
  app.get<{ Querystring: Record<string, string | undefined> }>('/login', allow('public'), async (request, reply) => {
    const q = request.query;
    const next = safeReturnTo(q.next);
    // A signed-in person who opens the sign-in page goes where they were heading.
    if (request.identity && !q.error) return reply.redirect(next, 303);
    return renderLogin(cx, request, reply, { next, notice: loginNotice(cx, q) });
  });

  app.post(
    '/login',
    repeatable(
      { config: { access: 'public' as const, rateLimit: { max: 30, timeWindow: 60_000 } } },
      'a repeat only opens another session with a new random token (createSession is retry-safe); the throttle counts a failed attempt again, as it should',
    ),
    async (request, reply) => {
      const { loginId, password, next, errors } = parseLogin(request.body);
      if (Object.keys(errors).length > 0)
        return renderLogin(cx, request, reply, { next, loginId, errors, status: 400 });
      const result = await identity.signInWithPassword(loginId, password, clientOf(request));
      if (result.ok) {
        cx.setSessionCookie(request, reply, result.token);
        return reply.redirect(next, 303);
      }
      if (result.reason === 'throttled') {
        reply.header('retry-after', String(result.retryAfterSeconds));
        const wait = waitText(result.retryAfterSeconds);
        return renderLogin(cx, request, reply, {
          next,
          loginId,
          status: 429,
          errors: {
            _form: `로그인 시도가 너무 많아 잠시 막아 두었습니다. ${wait} 후 다시 시도하거나 간편 로그인을 이용해 주세요.`,
          },
        });
      }
      return renderLogin(cx, request, reply, { next, loginId, status: 401, errors: { _form: WRONG_CREDENTIALS } });
    },
  );

  app.post(
    '/logout',
    repeatable(allow('signed-in'), 'revoking a session that has already ended changes nothing'),
    async (request, reply) => {
      const session = request.identity;
      if (session) await identity.signOut(session, clientOf(request));
      cx.clearSignIn(request, reply);
      return reply.redirect('/login?signedOut=1', 303);
    },
  );
}

/** Where a failed callback sends the person: back to 내 정보 when linking, else to the sign-in page. */
function callbackFailed(cx: IdentityContext, reply: FastifyReply, err: unknown, provider: string, linking: boolean) {
  if (err instanceof ProviderUnavailableError) return cx.loginError(reply, 'provider_down', provider);
  if (!(err instanceof UserError)) return cx.loginError(reply, 'provider_error', provider);
  if (linking) return reply.redirect(`/my?linkError=${encodeURIComponent(err.code)}&provider=${provider}`, 303);
  return cx.loginError(
    reply,
    err.code === 'ACCOUNT_DISABLED' ? 'disabled' : err.code === 'FLOW_EXPIRED' ? 'flow_expired' : 'provider_error',
    provider,
  );
}

function oidcRoutes(app: FastifyInstance, cx: IdentityContext): void {
  const { identity, providers } = cx;
  app.get<{ Params: { provider: string }; Querystring: { next?: string } }>(
    '/login/oidc/:provider',
    allow('public'),
    async (request, reply) => {
      const { provider } = request.params;
      if (!providers.config(provider)) throw new UserError(404, 'NO_PROVIDER', '없는 로그인 수단입니다.');
      if (!providers.isAvailable(provider)) return cx.loginError(reply, 'unavailable', provider);
      try {
        const flow = await identity.beginOidc(provider, 'login', cx.redirectUri(request, provider), {
          returnTo: safeReturnTo(request.query.next),
        });
        reply.setCookie(FLOW_COOKIE, flow.flowToken, cx.shortCookie(request, 600));
        return reply.redirect(flow.url.href, 303);
      } catch (err) {
        if (err instanceof ProviderUnavailableError) return cx.loginError(reply, 'unavailable', provider);
        throw err;
      }
    },
  );

  app.get<{ Params: { provider: string }; Querystring: Record<string, string | undefined> }>(
    '/login/oidc/:provider/callback',
    allow('public'),
    async (request, reply) => {
      const { provider } = request.params;
      if (!providers.config(provider)) throw new UserError(404, 'NO_PROVIDER', '없는 로그인 수단입니다.');
      const flowToken = request.cookies[FLOW_COOKIE];
      cx.clearCookie(request, reply, FLOW_COOKIE);
      const linking = request.identity !== null && request.query.error === undefined;
      if (request.query.error) {
        // The person cancelled at the provider (access_denied) or it refused the request.
        await identity.discardFlow(flowToken);
        return cx.loginError(reply, request.query.error === 'access_denied' ? 'cancelled' : 'provider_error', provider);
      }
      try {
        const result = await identity.finishOidc(
          provider,
          flowToken,
          new URL(request.url, cx.origin(request)),
          clientOf(request),
          request.identity?.account ?? null,
        );
        if (result.kind === 'linked') return reply.redirect(`/my?linked=${encodeURIComponent(provider)}`, 303);
        if (result.kind === 'sign-up') {
          reply.setCookie(SIGNUP_COOKIE, result.flowToken, cx.shortCookie(request, 1800));
          return reply.redirect('/signup/external', 303);
        }
        cx.setSessionCookie(request, reply, result.token);
        return reply.redirect(result.returnTo, 303);
      } catch (err) {
        request.log.warn({ err, provider }, 'OIDC callback failed');
        return callbackFailed(cx, reply, err, provider, linking);
      }
    },
  );
}
