/** 내 정보: the account, its password, its active sessions and its linked sign-in methods. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { repeatable, sendOutcome, writes } from '../web/commands.ts';
import { alert } from '../web/components.ts';
import { UserError } from '../web/errors.ts';
import type { Errors } from '../web/forms.ts';
import type { Html } from '../web/html.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken } from '../web/security.ts';
import { accountOf, allow } from './access.ts';
import { clientOf } from './audit.ts';
import { myPage } from './my-views.ts';
import { ProviderUnavailableError } from './providers.ts';
import { FLOW_COOKIE, type IdentityContext } from './route-context.ts';
import { parsePasswordChange, parseSessionPrefix } from './sign-in-forms.ts';
import { PROVIDER_MESSAGES } from './views.ts';

const SIGNED_IN = allow('signed-in');

const NOTICES: Record<string, string> = {
  welcome: '가입을 마쳤습니다. 일터에 오신 것을 환영합니다.',
  password: '비밀번호를 저장했습니다. 다른 기기의 로그인은 모두 끝냈습니다.',
  revoked: '선택한 기기를 로그아웃했습니다.',
  others: '다른 기기를 모두 로그아웃했습니다.',
  unlinked: '연결을 해제했습니다.',
};

type RenderMy = (
  request: FastifyRequest,
  reply: FastifyReply,
  opts?: { notice?: Html | null; errors?: Errors; status?: number },
) => Promise<unknown>;

export function myAccountRoutes(app: FastifyInstance, cx: IdentityContext): void {
  const renderMy: RenderMy = async (request, reply, opts = {}) => {
    const session = request.identity;
    if (!session) throw new UserError(401, 'SIGN_IN_REQUIRED', '로그인이 필요합니다.');
    const { identities, sessions } = await cx.identity.myAccount(session.account.id);
    reply.status(opts.status ?? 200);
    return sendPage(request, reply, {
      title: '내 정보',
      breadcrumbs: [{ label: '내 정보' }],
      main: myPage({
        account: session.account,
        identities,
        providers: cx.buttons(),
        sessions,
        currentHash: session.idHash,
        csrf: csrfToken(reply),
        notice: opts.notice ?? null,
        errors: opts.errors ?? {},
        policy: cx.policy,
      }),
    });
  };
  myPageRoutes(app, cx, renderMy);
  sessionRoutes(app, cx);
  linkRoutes(app, cx, renderMy);
}

/** What 내 정보 says on arrival: a change done, a provider linked, or why linking failed. */
function myNotice(cx: IdentityContext, q: Record<string, string | undefined>): Html | null {
  const key = Object.keys(NOTICES).find((k) => q[k] !== undefined);
  let notice: Html | null = key ? alert({ variant: 'success', role: 'status', title: NOTICES[key] ?? '' }) : null;
  if (q.linked)
    notice = alert({ variant: 'success', role: 'status', title: `${cx.labelOf(q.linked)} 계정을 연결했습니다.` });
  if (q.linkError)
    notice = alert({
      variant: 'danger',
      title:
        q.linkError === 'IDENTITY_TAKEN'
          ? `이 ${cx.labelOf(q.provider ?? '')} 계정은 이미 다른 일터 계정에 연결되어 있습니다.`
          : q.linkError === 'PROVIDER_ALREADY_LINKED'
            ? `이미 다른 ${cx.labelOf(q.provider ?? '')} 계정이 연결되어 있습니다. 먼저 연결을 해제해 주세요.`
            : '계정을 연결하지 못했습니다. 다시 시도해 주세요.',
    });
  return notice;
}

function myPageRoutes(app: FastifyInstance, cx: IdentityContext, renderMy: RenderMy): void {
  const { identity } = cx;
  app.get<{ Querystring: Record<string, string | undefined> }>('/my', SIGNED_IN, async (request, reply) =>
    renderMy(request, reply, { notice: myNotice(cx, request.query) }),
  );

  app.post('/my/password', writes(SIGNED_IN, 'identity.changePassword'), async (request, reply) => {
    const account = accountOf(request);
    const { current, next, errors: newErrors } = parsePasswordChange(request.body, account.loginId);
    if (Object.keys(newErrors).length > 0) {
      const errors = await identity.currentPasswordErrors(account, current);
      return renderMy(request, reply, { errors: Object.assign(errors, newErrors), status: 400 });
    }
    try {
      // The current password is checked inside the command: a repeat of a change already made (whose
      // answer was lost) no longer matches it, and is answered with the stored outcome instead.
      const { outcome } = await request.command(async () => {
        await identity.changePassword(account, { current, next }, request.identity?.idHash, clientOf(request));
        return { redirect: '/my?password=1' };
      });
      return sendOutcome(reply, outcome);
    } catch (err) {
      if (!(err instanceof UserError) || err.code !== 'WRONG_PASSWORD' || !err.fields) throw err;
      return renderMy(request, reply, { errors: err.fields, status: 400 });
    }
  });
}

function sessionRoutes(app: FastifyInstance, cx: IdentityContext): void {
  const { identity } = cx;
  app.post('/my/sessions/revoke', writes(SIGNED_IN, 'identity.revokeSession'), async (request, reply) => {
    const account = accountOf(request);
    const prefix = parseSessionPrefix(request.body);
    if (prefix === null) throw new UserError(400, 'BAD_SESSION', '로그아웃할 기기를 다시 골라 주세요.');
    const { outcome } = await request.command(async () => {
      await identity.revokeOwnSession(account.id, prefix);
      return { redirect: '/my?revoked=1' };
    });
    return sendOutcome(reply, outcome);
  });

  app.post('/my/sessions/revoke-others', writes(SIGNED_IN, 'identity.revokeOtherSessions'), async (request, reply) => {
    const account = accountOf(request);
    const { outcome } = await request.command(async () => {
      await identity.signOutOthers(account, request.identity?.idHash, clientOf(request));
      return { redirect: '/my?others=1' };
    });
    return sendOutcome(reply, outcome);
  });

  app.post('/my/sessions/revoke-all', writes(SIGNED_IN, 'identity.revokeAllSessions'), async (request, reply) => {
    const account = accountOf(request);
    const { outcome } = await request.command(async () => {
      await identity.signOutEverywhere(account, clientOf(request));
      return { redirect: '/login?signedOut=1' };
    });
    cx.clearSignIn(request, reply);
    return sendOutcome(reply, outcome);
  });
}

function linkRoutes(app: FastifyInstance, cx: IdentityContext, renderMy: RenderMy): void {
  const { identity, providers } = cx;
  app.post<{ Params: { provider: string } }>(
    '/my/identities/:provider/link',
    repeatable(
      SIGNED_IN,
      'a repeat only opens another 10-minute sign-in flow at the provider; nothing the person filed changes (the flow cookie must be set on the reply, which a stored outcome cannot do)',
    ),
    async (request, reply) => {
      const account = accountOf(request);
      const { provider } = request.params;
      if (!providers.config(provider)) throw new UserError(404, 'NO_PROVIDER', '없는 로그인 수단입니다.');
      try {
        const flow = await identity.beginOidc(provider, 'link', cx.redirectUri(request, provider), {
          accountId: account.id,
          returnTo: '/my',
        });
        reply.setCookie(FLOW_COOKIE, flow.flowToken, cx.shortCookie(request, 600));
        return reply.redirect(flow.url.href, 303);
      } catch (err) {
        if (!(err instanceof ProviderUnavailableError)) throw err;
        const title = PROVIDER_MESSAGES.unavailable?.(cx.labelOf(provider)) ?? '';
        return renderMy(request, reply, { status: 503, notice: alert({ variant: 'warning', role: 'alert', title }) });
      }
    },
  );

  app.post<{ Params: { provider: string } }>(
    '/my/identities/:provider/unlink',
    writes(SIGNED_IN, 'identity.unlinkIdentity'),
    async (request, reply) => {
      const account = accountOf(request);
      const { provider } = request.params;
      try {
        const { outcome } = await request.command(async () => {
          await identity.unlinkIdentity(account, provider, clientOf(request));
          return { redirect: '/my?unlinked=1' };
        });
        return sendOutcome(reply, outcome);
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        return renderMy(request, reply, { status: err.statusCode, errors: { _form: err.message } });
      }
    },
  );
}
