/** 회원가입: 개인회원, 기업회원, and 간편 가입 of a first-time provider user. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendOutcome, writes } from '../web/commands.ts';
import { UserError } from '../web/errors.ts';
import type { Errors, Values } from '../web/forms.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken } from '../web/security.ts';
import { allow } from './access.ts';
import type { JobCentre } from './accounts.ts';
import { clientOf } from './audit.ts';
import { type IdentityContext, SIGNUP_COOKIE } from './route-context.ts';
import { parseEmployerSignUp, parseExternalSignUp, parseSeekerSignUp } from './signup-forms.ts';
import { employerSignupPage, externalSignupPage, seekerSignupPage, signupChoicePage } from './views.ts';

/** Sign-ups are public and rate-limited per address. */
const PUBLIC_LIMITED = { config: { access: 'public' as const, rateLimit: { max: 20, timeWindow: 60_000 } } };

export function signupRoutes(app: FastifyInstance, cx: IdentityContext): void {
  app.get('/signup', allow('public'), async (request, reply) =>
    sendPage(request, reply, { title: '회원가입', breadcrumbs: [{ label: '회원가입' }], main: signupChoicePage() }),
  );
  seekerSignUpRoutes(app, cx);
  employerSignUpRoutes(app, cx);
  externalSignUpRoutes(app, cx);
}

/** A refusal with its fields (아이디 or 사업장 taken) goes back onto the form; anything else is thrown. */
function fieldErrors(err: unknown): Errors {
  if (!(err instanceof UserError) || !err.fields) throw err;
  return err.fields;
}

function seekerSignUpRoutes(app: FastifyInstance, cx: IdentityContext): void {
  const { identity } = cx;
  const seekerPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors: Errors,
    centres?: JobCentre[],
  ) =>
    sendPage(request, reply, {
      title: '개인회원 가입',
      breadcrumbs: [{ label: '회원가입', href: '/signup' }, { label: '개인회원' }],
      main: seekerSignupPage({
        values,
        errors,
        centres: centres ?? (await identity.centres()),
        csrf: csrfToken(reply),
      }),
    });

  app.get('/signup/seeker', allow('public'), async (request, reply) => seekerPage(request, reply, {}, {}));

  app.post('/signup/seeker', writes(PUBLIC_LIMITED, 'identity.signUpSeeker'), async (request, reply) => {
    const centres = await identity.centres();
    const { values, errors, value } = parseSeekerSignUp(
      request.body,
      centres.map((c) => c.code),
    );
    if (value) {
      try {
        // The session token never goes into the stored outcome: the last run of the callback (the one
        // that committed) leaves its token here for the cookie.
        let token = '';
        const { outcome, repeated } = await request.command(async () => {
          token = await identity.signUpSeeker(value, clientOf(request));
          return { redirect: '/my?welcome=1', signedIn: true };
        });
        // A repeat (the first answer was lost) gets no cookie: the page asks them to sign in.
        if (!repeated && outcome.signedIn) cx.setSessionCookie(request, reply, token);
        return sendOutcome(reply, { redirect: outcome.redirect });
      } catch (err) {
        Object.assign(errors, fieldErrors(err));
      }
    }
    reply.status(400);
    return seekerPage(request, reply, values, errors, centres);
  });
}

function employerSignUpRoutes(app: FastifyInstance, cx: IdentityContext): void {
  const { identity } = cx;
  const employerPage = (request: FastifyRequest, reply: FastifyReply, values: Values, errors: Errors) =>
    sendPage(request, reply, {
      title: '기업회원 가입',
      breadcrumbs: [{ label: '회원가입', href: '/signup' }, { label: '기업회원' }],
      main: employerSignupPage({ values, errors, csrf: csrfToken(reply) }),
    });

  app.get('/signup/employer', allow('public'), async (request, reply) => employerPage(request, reply, {}, {}));

  app.post('/signup/employer', writes(PUBLIC_LIMITED, 'identity.signUpEmployer'), async (request, reply) => {
    const { values, errors, value } = parseEmployerSignUp(request.body);
    if (value) {
      try {
        // The session token never goes into the stored outcome: the last run of the callback (the one
        // that committed) leaves its token here for the cookie.
        let token = '';
        const { outcome, repeated } = await request.command(async () => {
          token = '';
          const done = await identity.signUpEmployer(value, clientOf(request));
          token = done.token;
          return { redirect: '/employer?welcome=1', accountId: done.accountId, signedIn: token !== '' };
        });
        if (!repeated && outcome.signedIn) cx.setSessionCookie(request, reply, token);
        return sendOutcome(reply, { redirect: outcome.redirect });
      } catch (err) {
        Object.assign(errors, fieldErrors(err));
      }
    }
    reply.status(400);
    return employerPage(request, reply, values, errors);
  });
}

function externalSignUpRoutes(app: FastifyInstance, cx: IdentityContext): void {
  const { identity } = cx;
  const externalPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    providerLabel: string,
    values: Values,
    errors: Errors,
    centres?: JobCentre[],
  ) =>
    sendPage(request, reply, {
      title: `${providerLabel} 계정으로 가입`,
      breadcrumbs: [{ label: '회원가입', href: '/signup' }, { label: '간편 가입' }],
      main: externalSignupPage({
        providerLabel,
        values,
        errors,
        centres: centres ?? (await identity.centres()),
        csrf: csrfToken(reply),
      }),
    });

  app.get('/signup/external', allow('public'), async (request, reply) => {
    const pending = await identity.pendingSignUp(request.cookies[SIGNUP_COOKIE]);
    if (!pending) return cx.loginError(reply, 'flow_expired', '');
    const values = { name: pending.name ?? '', email: pending.email ?? '' };
    return externalPage(request, reply, cx.labelOf(pending.provider), values, {});
  });

  app.post('/signup/external', writes(allow('public'), 'identity.signUpExternal'), async (request, reply) => {
    const token = request.cookies[SIGNUP_COOKIE];
    if (!token) return cx.loginError(reply, 'flow_expired', '');
    const pending = await identity.pendingSignUp(token);
    // Without a pending sign-up this may still be a repeat of one already done (its answer was lost, so
    // the browser kept the cookie): the command answers that with its stored outcome. Otherwise
    // completeSignUp refuses it (FLOW_EXPIRED) and nothing is written. So the form is checked only
    // while the sign-up is pending.
    const centres = pending ? await identity.centres() : [];
    const { values, errors, input } = parseExternalSignUp(
      request.body,
      centres.map((c) => c.code),
    );
    if (pending && Object.keys(errors).length > 0) {
      reply.status(400);
      return externalPage(request, reply, cx.labelOf(pending.provider), values, errors, centres);
    }
    let session = '';
    let result: { outcome: { redirect: string; signedIn: boolean }; repeated: boolean };
    try {
      result = await request.command(async () => {
        const done = await identity.completeSignUp(token, input, clientOf(request));
        session = done.token;
        return { redirect: '/my?welcome=1', signedIn: true };
      });
    } catch (err) {
      if (!pending && err instanceof UserError && err.code === 'FLOW_EXPIRED')
        return cx.loginError(reply, 'flow_expired', '');
      throw err;
    }
    cx.clearCookie(request, reply, SIGNUP_COOKIE);
    if (!result.repeated && result.outcome.signedIn) cx.setSessionCookie(request, reply, session);
    return sendOutcome(reply, { redirect: result.outcome.redirect });
  });
}
