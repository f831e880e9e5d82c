/**
 * Routes of the identity feature: 로그인 (password, OpenID Connect providers), 로그아웃, 회원가입,
 * 비밀번호 찾기 (password-reset-routes.ts), 내 정보 (sign-in methods, password, active sessions), and provider
 * health for the status page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/index.ts';
import { repeatable, sendOutcome, writes } from '../web/commands.ts';
import { alert } from '../web/components.ts';
import { UserError } from '../web/errors.ts';
import type { Errors, Values } from '../web/forms.ts';
import type { Html } from '../web/html.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken, isSecure } from '../web/security.ts';
import { accountOf, allow, PASS_COOKIE, SESSION_COOKIE, sessionCookieOptions } from './access.ts';
import {
  changePassword,
  createEmployer,
  findAccount,
  findForSignIn,
  listCentres,
  listIdentities,
  unlinkIdentity,
} from './accounts.ts';
import { audit, clientOf } from './audit.ts';
import { passwordResetRoutes } from './password-reset-routes.ts';
import { verifyPassword } from './passwords.ts';
import { type ProviderRegistry, ProviderUnavailableError } from './providers.ts';
import {
  businoError,
  emailError,
  loginIdError,
  nameError,
  newPasswordErrors,
  normalizeBusino,
  normalizeLoginId,
  passwordError,
} from './rules.ts';
import { type IdentityService, safeReturnTo } from './service.ts';
import { listActiveSessions, revokeAllSessions, revokeSession, type SessionPolicy } from './sessions.ts';
import { waitText } from './throttle.ts';
import {
  employerSignupPage,
  externalSignupPage,
  loginPage,
  myPage,
  PROVIDER_MESSAGES,
  type ProviderButton,
  seekerSignupPage,
  signupChoicePage,
} from './views.ts';

export interface IdentityRouteDeps {
  database: Database;
  identity: IdentityService;
  providers: ProviderRegistry;
  policy: SessionPolicy;
  now: () => Date;
  publicUrl: string | null;
  /**
   * Where e-mailed links point: the configured public URL, else this server's own address — never the
   * request's Host, which someone asking for another person's reset link could point elsewhere.
   */
  mailOrigin: () => string;
}

const FLOW_COOKIE = 'ilteo_oidc';
const SIGNUP_COOKIE = 'ilteo_signup';

type Form = Record<string, unknown>;

function field(body: unknown, name: string, max = 500): string {
  const value = (body as Form | undefined)?.[name];
  return typeof value === 'string' ? value.slice(0, max) : '';
}

export function identityRoutes(app: FastifyInstance, deps: IdentityRouteDeps): void {
  const { database, identity, providers, policy } = deps;

  const origin = (request: FastifyRequest) => deps.publicUrl ?? `${request.protocol}://${request.host}`;
  const redirectUri = (request: FastifyRequest, provider: string) =>
    `${origin(request)}/login/oidc/${encodeURIComponent(provider)}/callback`;
  const buttons = (): ProviderButton[] =>
    providers.list().map(({ config, health }) => ({
      id: config.id,
      label: config.label,
      ...(config.colour ? { colour: config.colour } : {}),
      health,
    }));
  const labelOf = (id: string) => providers.config(id)?.label ?? id;

  const setSessionCookie = (request: FastifyRequest, reply: FastifyReply, token: string) => {
    reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(isSecure(request)));
  };
  const shortCookie = (request: FastifyRequest, maxAgeSeconds: number) => ({
    ...sessionCookieOptions(isSecure(request)),
    maxAge: maxAgeSeconds,
  });

  // ── 로그인 ─────────────────────────────────────────────────────────────────────────────────
  const renderLogin = (
    request: FastifyRequest,
    reply: FastifyReply,
    opts: { next: string; loginId?: string; errors?: Errors; notice?: Html | null; status?: number },
  ) => {
    // A signed-in person who opens the sign-in page goes where they were heading.
    reply.status(opts.status ?? 200);
    return sendPage(request, reply, {
      title: '로그인',
      breadcrumbs: [{ label: '로그인' }],
      main: loginPage({
        next: opts.next,
        loginId: opts.loginId ?? '',
        errors: opts.errors ?? {},
        notice: opts.notice ?? null,
        providers: buttons(),
        csrf: csrfToken(reply),
      }),
    });
  };

  app.get<{ Querystring: Record<string, string | undefined> }>('/login', allow('public'), async (request, reply) => {
    const q = request.query;
    const next = safeReturnTo(q.next);
    if (request.identity && !q.error) return reply.redirect(next, 303);
    const provider = typeof q.provider === 'string' ? q.provider : '';
    // Only the messages there are: `?error=__proto__` (or valueOf) is no message, not a crash.
    const message =
      typeof q.error === 'string' && Object.hasOwn(PROVIDER_MESSAGES, q.error) ? PROVIDER_MESSAGES[q.error] : undefined;
    const notice = message
      ? alert({
          variant: q.error === 'cancelled' ? 'info' : 'warning',
          role: 'alert',
          title: message(labelOf(provider)),
        })
      : q.signedOut
        ? alert({ variant: 'success', role: 'status', title: '로그아웃했습니다.' })
        : q.reset
          ? alert({
              variant: 'success',
              role: 'status',
              title: '비밀번호를 바꿨습니다. 새 비밀번호로 로그인해 주세요.',
              body: '보안을 위해 로그인한 모든 기기에서 로그아웃했습니다.',
            })
          : null;
    return renderLogin(request, reply, { next, notice });
  });

  app.post(
    '/login',
    repeatable(
      { config: { access: 'public' as const, rateLimit: { max: 30, timeWindow: 60_000 } } },
      'a repeat only opens another session with a new random token (createSession is retry-safe); the throttle counts a failed attempt again, as it should',
    ),
    async (request, reply) => {
      const loginId = field(request.body, 'loginId', 100);
      const password = field(request.body, 'password', 200);
      const next = safeReturnTo(field(request.body, 'next'));
      if (loginId.trim() === '' || password === '') {
        const errors: Errors = {};
        if (loginId.trim() === '') errors.loginId = '아이디를 입력해 주세요.';
        if (password === '') errors.password = '비밀번호를 입력해 주세요.';
        return renderLogin(request, reply, { next, loginId, errors, status: 400 });
      }
      const result = await identity.signInWithPassword(loginId, password, clientOf(request));
      if (result.ok) {
        setSessionCookie(request, reply, result.token);
        return reply.redirect(next, 303);
      }
      if (result.reason === 'throttled') {
        reply.header('retry-after', String(result.retryAfterSeconds));
        const wait = waitText(result.retryAfterSeconds);
        return renderLogin(request, reply, {
          next,
          loginId,
          status: 429,
          errors: {
            _form: `로그인 시도가 너무 많아 잠시 막아 두었습니다. ${wait} 후 다시 시도하거나 간편 로그인을 이용해 주세요.`,
          },
        });
      }
      return renderLogin(request, reply, {
        next,
        loginId,
        status: 401,
        errors: {
          _form:
            '아이디 또는 비밀번호가 올바르지 않습니다. 여러 번 틀리면 잠시 로그인할 수 없으니 비밀번호를 잊었다면 비밀번호 찾기를 이용하거나 고객상담센터(1350)로 문의해 주세요.',
        },
      });
    },
  );

  app.post(
    '/logout',
    repeatable(allow('signed-in'), 'revoking a session that has already ended changes nothing'),
    async (request, reply) => {
      const session = request.identity;
      if (session) {
        await revokeSession(database, session.idHash);
        await audit(database, {
          actor: { id: session.account.id, kind: session.account.kind },
          action: 'sign-out',
          outcome: 'success',
          ...clientOf(request),
        });
      }
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(isSecure(request)));
      reply.clearCookie(PASS_COOKIE, sessionCookieOptions(isSecure(request)));
      return reply.redirect('/login?signedOut=1', 303);
    },
  );

  passwordResetRoutes(app, { database, now: deps.now, origin: deps.mailOrigin });

  // ── OpenID Connect ──────────────────────────────────────────────────────────────────────────
  const loginError = (reply: FastifyReply, error: string, provider: string) =>
    reply.redirect(`/login?error=${error}&provider=${encodeURIComponent(provider)}`, 303);

  app.get<{ Params: { provider: string }; Querystring: { next?: string } }>(
    '/login/oidc/:provider',
    allow('public'),
    async (request, reply) => {
      const { provider } = request.params;
      if (!providers.config(provider)) throw new UserError(404, 'NO_PROVIDER', '없는 로그인 수단입니다.');
      if (!providers.isAvailable(provider)) return loginError(reply, 'unavailable', provider);
      try {
        const flow = await identity.beginOidc(provider, 'login', redirectUri(request, provider), {
          returnTo: safeReturnTo(request.query.next),
        });
        reply.setCookie(FLOW_COOKIE, flow.flowToken, shortCookie(request, 600));
        return reply.redirect(flow.url.href, 303);
      } catch (err) {
        if (err instanceof ProviderUnavailableError) return loginError(reply, 'unavailable', provider);
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
      reply.clearCookie(FLOW_COOKIE, sessionCookieOptions(isSecure(request)));
      const linking = request.identity !== null && request.query.error === undefined;
      if (request.query.error) {
        // The person cancelled at the provider (access_denied) or it refused the request.
        await identity.discardFlow(flowToken);
        return loginError(reply, request.query.error === 'access_denied' ? 'cancelled' : 'provider_error', provider);
      }
      try {
        const result = await identity.finishOidc(
          provider,
          flowToken,
          new URL(request.url, origin(request)),
          clientOf(request),
          request.identity?.account ?? null,
        );
        if (result.kind === 'linked') return reply.redirect(`/my?linked=${encodeURIComponent(provider)}`, 303);
        if (result.kind === 'sign-up') {
          reply.setCookie(SIGNUP_COOKIE, result.flowToken, shortCookie(request, 1800));
          return reply.redirect('/signup/external', 303);
        }
        setSessionCookie(request, reply, result.token);
        return reply.redirect(result.returnTo, 303);
      } catch (err) {
        request.log.warn({ err, provider }, 'OIDC callback failed');
        if (err instanceof ProviderUnavailableError) return loginError(reply, 'provider_down', provider);
        if (err instanceof UserError) {
          if (linking) return reply.redirect(`/my?linkError=${encodeURIComponent(err.code)}&provider=${provider}`, 303);
          return loginError(
            reply,
            err.code === 'ACCOUNT_DISABLED'
              ? 'disabled'
              : err.code === 'FLOW_EXPIRED'
                ? 'flow_expired'
                : 'provider_error',
            provider,
          );
        }
        return loginError(reply, 'provider_error', provider);
      }
    },
  );

  // ── 회원가입 ────────────────────────────────────────────────────────────────────────────────
  app.get('/signup', allow('public'), async (request, reply) =>
    sendPage(request, reply, { title: '회원가입', breadcrumbs: [{ label: '회원가입' }], main: signupChoicePage() }),
  );

  const accountErrors = (body: unknown): { values: Values; errors: Errors } => {
    const values: Values = {
      loginId: field(body, 'loginId', 100),
      name: field(body, 'name', 100),
      email: field(body, 'email', 300),
      centreCode: field(body, 'centreCode', 50),
      terms: field(body, 'terms', 10),
    };
    const password = field(body, 'password', 200);
    const errors: Errors = {};
    const id = loginIdError(values.loginId ?? '');
    if (id) errors.loginId = id;
    const pw = passwordError(password, values.loginId);
    if (pw) errors.password = pw;
    else if (password !== field(body, 'passwordConfirm', 200))
      errors.passwordConfirm = '비밀번호 확인이 비밀번호와 다릅니다.';
    const name = nameError(values.name ?? '');
    if (name) errors.name = name;
    if (values.terms !== 'yes') errors.terms = '이용약관과 개인정보 수집·이용에 동의해 주세요.';
    return { values, errors };
  };

  const seekerPage = async (request: FastifyRequest, reply: FastifyReply, values: Values, errors: Errors) =>
    sendPage(request, reply, {
      title: '개인회원 가입',
      breadcrumbs: [{ label: '회원가입', href: '/signup' }, { label: '개인회원' }],
      main: seekerSignupPage({ values, errors, centres: await listCentres(database), csrf: csrfToken(reply) }),
    });

  app.get('/signup/seeker', allow('public'), async (request, reply) => seekerPage(request, reply, {}, {}));

  app.post(
    '/signup/seeker',
    writes(
      { config: { access: 'public' as const, rateLimit: { max: 20, timeWindow: 60_000 } } },
      'identity.signUpSeeker',
    ),
    async (request, reply) => {
      const { values, errors } = accountErrors(request.body);
      const email = emailError(values.email ?? '');
      if (email) errors.email = email;
      const centres = await listCentres(database);
      if (values.centreCode && !centres.some((c) => c.code === values.centreCode))
        errors.centreCode = '목록에 있는 고용센터를 골라 주세요.';
      if (Object.keys(errors).length === 0) {
        try {
          // The session token never goes into the stored outcome: the last run of the callback (the one
          // that committed) leaves its token here for the cookie.
          let token = '';
          const { outcome, repeated } = await request.command(async () => {
            token = await identity.signUpSeeker(
              {
                loginId: normalizeLoginId(values.loginId ?? ''),
                password: field(request.body, 'password', 200),
                name: (values.name ?? '').trim(),
                email: values.email?.trim() || null,
                centreCode: values.centreCode || null,
              },
              clientOf(request),
            );
            return { redirect: '/my?welcome=1', signedIn: true };
          });
          // A repeat (the first answer was lost) gets no cookie: the page asks them to sign in.
          if (!repeated && outcome.signedIn) setSessionCookie(request, reply, token);
          return sendOutcome(reply, { redirect: outcome.redirect });
        } catch (err) {
          if (!(err instanceof UserError) || !err.fields) throw err;
          Object.assign(errors, err.fields);
        }
      }
      reply.status(400);
      return seekerPage(request, reply, values, errors);
    },
  );

  const employerPage = (request: FastifyRequest, reply: FastifyReply, values: Values, errors: Errors) =>
    sendPage(request, reply, {
      title: '기업회원 가입',
      breadcrumbs: [{ label: '회원가입', href: '/signup' }, { label: '기업회원' }],
      main: employerSignupPage({ values, errors, csrf: csrfToken(reply) }),
    });

  app.get('/signup/employer', allow('public'), async (request, reply) => employerPage(request, reply, {}, {}));

  app.post(
    '/signup/employer',
    writes(
      { config: { access: 'public' as const, rateLimit: { max: 20, timeWindow: 60_000 } } },
      'identity.signUpEmployer',
    ),
    async (request, reply) => {
      const { values, errors } = accountErrors(request.body);
      values.busino = field(request.body, 'busino', 20);
      values.companyName = field(request.body, 'companyName', 100);
      values.industry = field(request.body, 'industry', 100);
      const busino = businoError(values.busino);
      if (busino) errors.busino = busino;
      const company = nameError(values.companyName, '사업장명');
      if (company) errors.companyName = company;
      const industry = nameError(values.industry, '업종');
      if (industry) errors.industry = industry;
      const email = emailError(values.email ?? '', true);
      if (email) errors.email = email;
      if (Object.keys(errors).length === 0) {
        try {
          const input = {
            loginId: normalizeLoginId(values.loginId ?? ''),
            password: field(request.body, 'password', 200),
            name: (values.name ?? '').trim(),
            email: values.email?.trim() || null,
            busino: normalizeBusino(values.busino) ?? '',
            companyName: values.companyName.trim(),
            industry: values.industry.trim(),
          };
          // The session token never goes into the stored outcome: the last run of the callback (the one
          // that committed) leaves its token here for the cookie.
          let token = '';
          const { outcome, repeated } = await request.command(async () => {
            token = '';
            const id = await createEmployer(database, input);
            await audit(database, {
              actor: { id, kind: 'employer' },
              action: 'account.sign-up',
              outcome: 'success',
              ...clientOf(request),
            });
            const account = await findAccount(database, id);
            if (account) token = await identity.startSession(account, 'password', clientOf(request));
            return { redirect: '/employer?welcome=1', accountId: id, signedIn: token !== '' };
          });
          if (!repeated && outcome.signedIn) setSessionCookie(request, reply, token);
          return sendOutcome(reply, { redirect: outcome.redirect });
        } catch (err) {
          if (!(err instanceof UserError) || !err.fields) throw err;
          Object.assign(errors, err.fields);
        }
      }
      reply.status(400);
      return employerPage(request, reply, values, errors);
    },
  );

  const externalPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    providerLabel: string,
    values: Values,
    errors: Errors,
  ) =>
    sendPage(request, reply, {
      title: `${providerLabel} 계정으로 가입`,
      breadcrumbs: [{ label: '회원가입', href: '/signup' }, { label: '간편 가입' }],
      main: externalSignupPage({
        providerLabel,
        values,
        errors,
        centres: await listCentres(database),
        csrf: csrfToken(reply),
      }),
    });

  app.get('/signup/external', allow('public'), async (request, reply) => {
    const pending = await identity.pendingSignUp(request.cookies[SIGNUP_COOKIE]);
    if (!pending) return loginError(reply, 'flow_expired', '');
    return externalPage(
      request,
      reply,
      labelOf(pending.provider),
      { name: pending.name ?? '', email: pending.email ?? '' },
      {},
    );
  });

  app.post('/signup/external', writes(allow('public'), 'identity.signUpExternal'), async (request, reply) => {
    const token = request.cookies[SIGNUP_COOKIE];
    if (!token) return loginError(reply, 'flow_expired', '');
    const pending = await identity.pendingSignUp(token);
    const values: Values = {
      name: field(request.body, 'name', 100),
      email: field(request.body, 'email', 300),
      centreCode: field(request.body, 'centreCode', 50),
      terms: field(request.body, 'terms', 10),
    };
    // Without a pending sign-up this may still be a repeat of one already done (its answer was lost, so
    // the browser kept the cookie): the command answers that with its stored outcome. Otherwise
    // completeSignUp refuses it (FLOW_EXPIRED) and nothing is written.
    if (pending) {
      const errors: Errors = {};
      const name = nameError(values.name ?? '');
      if (name) errors.name = name;
      const email = emailError(values.email ?? '');
      if (email) errors.email = email;
      const centres = await listCentres(database);
      if (values.centreCode && !centres.some((c) => c.code === values.centreCode))
        errors.centreCode = '목록에 있는 고용센터를 골라 주세요.';
      if (values.terms !== 'yes') errors.terms = '이용약관과 개인정보 수집·이용에 동의해 주세요.';
      if (Object.keys(errors).length > 0) {
        reply.status(400);
        return externalPage(request, reply, labelOf(pending.provider), values, errors);
      }
    }
    let session = '';
    let result: { outcome: { redirect: string; signedIn: boolean }; repeated: boolean };
    try {
      result = await request.command(async () => {
        const done = await identity.completeSignUp(
          token,
          {
            name: (values.name ?? '').trim(),
            email: values.email?.trim() || null,
            centreCode: values.centreCode || null,
          },
          clientOf(request),
        );
        session = done.token;
        return { redirect: '/my?welcome=1', signedIn: true };
      });
    } catch (err) {
      if (!pending && err instanceof UserError && err.code === 'FLOW_EXPIRED')
        return loginError(reply, 'flow_expired', '');
      throw err;
    }
    reply.clearCookie(SIGNUP_COOKIE, sessionCookieOptions(isSecure(request)));
    if (!result.repeated && result.outcome.signedIn) setSessionCookie(request, reply, session);
    return sendOutcome(reply, { redirect: result.outcome.redirect });
  });

  // ── 내 정보 ─────────────────────────────────────────────────────────────────────────────────
  const renderMy = async (
    request: FastifyRequest,
    reply: FastifyReply,
    opts: { notice?: Html | null; errors?: Errors; status?: number } = {},
  ) => {
    const session = request.identity;
    if (!session) throw new UserError(401, 'SIGN_IN_REQUIRED', '로그인이 필요합니다.');
    const [identities, sessions] = await Promise.all([
      listIdentities(database, session.account.id),
      listActiveSessions(database, session.account.id, policy, deps.now()),
    ]);
    reply.status(opts.status ?? 200);
    return sendPage(request, reply, {
      title: '내 정보',
      breadcrumbs: [{ label: '내 정보' }],
      main: myPage({
        account: session.account,
        identities,
        providers: buttons(),
        sessions,
        currentHash: session.idHash,
        csrf: csrfToken(reply),
        notice: opts.notice ?? null,
        errors: opts.errors ?? {},
        policy,
      }),
    });
  };

  const NOTICES: Record<string, string> = {
    welcome: '가입을 마쳤습니다. 일터에 오신 것을 환영합니다.',
    password: '비밀번호를 저장했습니다. 다른 기기의 로그인은 모두 끝냈습니다.',
    revoked: '선택한 기기를 로그아웃했습니다.',
    others: '다른 기기를 모두 로그아웃했습니다.',
    unlinked: '연결을 해제했습니다.',
  };

  app.get<{ Querystring: Record<string, string | undefined> }>('/my', allow('signed-in'), async (request, reply) => {
    const q = request.query;
    const key = Object.keys(NOTICES).find((k) => q[k] !== undefined);
    let notice: Html | null = key ? alert({ variant: 'success', role: 'status', title: NOTICES[key] ?? '' }) : null;
    if (q.linked)
      notice = alert({ variant: 'success', role: 'status', title: `${labelOf(q.linked)} 계정을 연결했습니다.` });
    if (q.linkError)
      notice = alert({
        variant: 'danger',
        title:
          q.linkError === 'IDENTITY_TAKEN'
            ? `이 ${labelOf(q.provider ?? '')} 계정은 이미 다른 일터 계정에 연결되어 있습니다.`
            : q.linkError === 'PROVIDER_ALREADY_LINKED'
              ? `이미 다른 ${labelOf(q.provider ?? '')} 계정이 연결되어 있습니다. 먼저 연결을 해제해 주세요.`
              : '계정을 연결하지 못했습니다. 다시 시도해 주세요.',
      });
    return renderMy(request, reply, { notice });
  });

  app.post('/my/password', writes(allow('signed-in'), 'identity.changePassword'), async (request, reply) => {
    const account = accountOf(request);
    const current = field(request.body, 'currentPassword', 200);
    const next = field(request.body, 'newPassword', 200);
    const WRONG_CURRENT = '지금 비밀번호가 맞지 않습니다.';
    const currentIsWrong = async () => {
      if (!account.hasPassword) return false;
      const row = await findForSignIn(database, account.loginId);
      return !(await verifyPassword(row?.passwordHash, current));
    };
    const newErrors = newPasswordErrors(next, field(request.body, 'newPasswordConfirm', 200), account.loginId);
    if (Object.keys(newErrors).length > 0) {
      const errors: Errors = (await currentIsWrong()) ? { currentPassword: WRONG_CURRENT } : {};
      return renderMy(request, reply, { errors: Object.assign(errors, newErrors), status: 400 });
    }
    try {
      // The current password is checked inside the command: a repeat of a change already made (whose
      // answer was lost) no longer matches it, and is answered with the stored outcome instead.
      const { outcome } = await request.command(async () => {
        if (await currentIsWrong())
          throw new UserError(400, 'WRONG_PASSWORD', WRONG_CURRENT, { currentPassword: WRONG_CURRENT });
        await changePassword(database, account.id, next);
        await revokeAllSessions(database, account.id, request.identity?.idHash);
        await audit(database, {
          actor: { id: account.id, kind: account.kind },
          action: 'account.password',
          outcome: 'success',
          ...clientOf(request),
        });
        return { redirect: '/my?password=1' };
      });
      return sendOutcome(reply, outcome);
    } catch (err) {
      if (!(err instanceof UserError) || err.code !== 'WRONG_PASSWORD' || !err.fields) throw err;
      return renderMy(request, reply, { errors: err.fields, status: 400 });
    }
  });

  app.post('/my/sessions/revoke', writes(allow('signed-in'), 'identity.revokeSession'), async (request, reply) => {
    const account = accountOf(request);
    const prefix = field(request.body, 'session', 64);
    if (!/^[0-9a-f]{16}$/.test(prefix)) throw new UserError(400, 'BAD_SESSION', '로그아웃할 기기를 다시 골라 주세요.');
    const { outcome } = await request.command(async () => {
      const sessions = await listActiveSessions(database, account.id, policy, deps.now());
      const target = sessions.find((s) => s.idHash.startsWith(prefix));
      // Only the person's own sessions are listed, so another account's session is never found here.
      if (target) await revokeSession(database, target.idHash);
      return { redirect: '/my?revoked=1' };
    });
    return sendOutcome(reply, outcome);
  });

  app.post(
    '/my/sessions/revoke-others',
    writes(allow('signed-in'), 'identity.revokeOtherSessions'),
    async (request, reply) => {
      const account = accountOf(request);
      const { outcome } = await request.command(async () => {
        await revokeAllSessions(database, account.id, request.identity?.idHash);
        await audit(database, {
          actor: { id: account.id, kind: account.kind },
          action: 'sign-out.others',
          outcome: 'success',
          ...clientOf(request),
        });
        return { redirect: '/my?others=1' };
      });
      return sendOutcome(reply, outcome);
    },
  );

  app.post(
    '/my/sessions/revoke-all',
    writes(allow('signed-in'), 'identity.revokeAllSessions'),
    async (request, reply) => {
      const account = accountOf(request);
      const { outcome } = await request.command(async () => {
        await revokeAllSessions(database, account.id);
        await audit(database, {
          actor: { id: account.id, kind: account.kind },
          action: 'sign-out.everywhere',
          outcome: 'success',
          ...clientOf(request),
        });
        return { redirect: '/login?signedOut=1' };
      });
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(isSecure(request)));
      reply.clearCookie(PASS_COOKIE, sessionCookieOptions(isSecure(request)));
      return sendOutcome(reply, outcome);
    },
  );

  app.post<{ Params: { provider: string } }>(
    '/my/identities/:provider/link',
    repeatable(
      allow('signed-in'),
      'a repeat only opens another 10-minute sign-in flow at the provider; nothing the person filed changes (the flow cookie must be set on the reply, which a stored outcome cannot do)',
    ),
    async (request, reply) => {
      const account = accountOf(request);
      const { provider } = request.params;
      if (!providers.config(provider)) throw new UserError(404, 'NO_PROVIDER', '없는 로그인 수단입니다.');
      try {
        const flow = await identity.beginOidc(provider, 'link', redirectUri(request, provider), {
          accountId: account.id,
          returnTo: '/my',
        });
        reply.setCookie(FLOW_COOKIE, flow.flowToken, shortCookie(request, 600));
        return reply.redirect(flow.url.href, 303);
      } catch (err) {
        if (!(err instanceof ProviderUnavailableError)) throw err;
        return renderMy(request, reply, {
          status: 503,
          notice: alert({
            variant: 'warning',
            role: 'alert',
            title: PROVIDER_MESSAGES.unavailable?.(labelOf(provider)) ?? '',
          }),
        });
      }
    },
  );

  app.post<{ Params: { provider: string } }>(
    '/my/identities/:provider/unlink',
    writes(allow('signed-in'), 'identity.unlinkIdentity'),
    async (request, reply) => {
      const account = accountOf(request);
      const { provider } = request.params;
      try {
        const { outcome } = await request.command(async () => {
          await unlinkIdentity(database, account.id, provider);
          await audit(database, {
            actor: { id: account.id, kind: account.kind },
            action: 'identity.unlink',
            outcome: 'success',
            target: { type: 'provider', id: provider },
            ...clientOf(request),
          });
          return { redirect: '/my?unlinked=1' };
        });
        return sendOutcome(reply, outcome);
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        return renderMy(request, reply, { status: err.statusCode, errors: { _form: err.message } });
      }
    },
  );

  // ── Provider health (for the status page and operators) ──────────────────────────────────────
  app.get('/api/v1/sign-in/providers', allow('public'), async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return {
      providers: providers.health().map((h) => ({
        id: h.id,
        label: h.label,
        state: h.state,
        since: h.since,
        checkedAt: h.checkedAt,
        latencyMs: h.latencyMs,
        checks: h.checks,
      })),
      passwordSignIn: 'up',
    };
  });
}
