/**
 * 내 고용보험 (/my/insurance, 개인회원): 본인확인 at the provider and back, the 피보험자격 이력, and the
 * 피보험자격 확인 청구 of one record; and the counsellors' queue of 청구 (/centre/disputes) with the
 * decision. The provider failing answers a Korean page, never a 500.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountOf, allow, sessionCookieOptions } from '../identity/access.ts';
import { clientOf } from '../identity/audit.ts';
import { keyOf, sendOutcome, writes } from '../web/commands.ts';
import { isConfirmed } from '../web/confirm.ts';
import { UserError } from '../web/errors.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken, isSecure, safeLocalPath } from '../web/security.ts';
import { parseDecision, parseDispute, type TypedDecision, typedDecision } from './dispute-forms.ts';
import { decisionConfirmPage, disputeCasePage, disputeQueuePage } from './dispute-views.ts';
import type { PersonService } from './person-service.ts';
import { disputeFormPage, recordsPage, verifyPage } from './person-views.ts';
import { VerifierUnavailableError } from './verify-provider.ts';

const SEEKER = allow('seeker');
const STAFF = allow('counsellor', 'operator');
/** The cookie of a 본인확인 under way (10 minutes, like a sign-in flow). */
const VERIFY_COOKIE = 'ilteo_verify';
/** Where to go once verified (a page of this site under /my or /benefits; else /my/insurance). */
const NEXT_COOKIE = 'ilteo_verify_next';
const nextOf = (raw: unknown): string => {
  const path = safeLocalPath(raw, '/my/insurance');
  return /^\/(my|benefits)(\/|$|\?)/.test(path) ? path : '/my/insurance';
};
const CALLBACK = '/my/insurance/verify/callback';
type Crumb = { label: string; href?: string };
const MY: Crumb = { label: '내 정보', href: '/my' };
const CRUMBS: Crumb[] = [MY, { label: '내 고용보험', href: '/my/insurance' }];
const DESK: Crumb = { label: '고용센터 업무', href: '/centre' };
const CENTRE: Crumb[] = [DESK, { label: '피보험자격 확인 청구', href: '/centre/disputes' }];

const NOTICES: Record<string, string> = {
  verified: '본인확인을 마쳤습니다.',
  disputed: '확인 청구를 접수했습니다. 고용센터에서 확인한 뒤 결과를 이곳에 알려 드립니다.',
};

const VERIFY_ERRORS: Record<string, string> = {
  cancelled: '본인확인을 취소하셨습니다. 기록을 보려면 다시 본인확인해 주세요.',
  failed: '본인확인을 마치지 못했습니다. 처음부터 다시 시도해 주세요.',
};
/** This server has no 본인확인 provider configured. */
const NOT_OFFERED =
  '이 서버에서는 온라인 본인확인을 하지 않습니다. 가까운 고용센터에서 신분증으로 본인확인을 받을 수 있습니다. 고객상담센터 국번 없이 1350으로 문의해 주세요.';

const UNAVAILABLE =
  '본인확인 기관에 지금 연결할 수 없습니다. 잠시 뒤 다시 시도해 주세요. 계속되면 고객상담센터(1350)로 문의해 주세요.';

export interface PersonRouteDeps {
  person: PersonService;
  publicUrl: string | null;
}

export function insurancePersonRoutes(app: FastifyInstance, deps: PersonRouteDeps): void {
  verifyRoutes(app, deps);
  recordRoutes(app, deps);
  disputeDeskRoutes(app, deps);
}

function verifyRoutes(app: FastifyInstance, deps: PersonRouteDeps): void {
  const { person } = deps;
  const origin = (request: FastifyRequest) => deps.publicUrl ?? `${request.protocol}://${request.host}`;
  const cookie = (request: FastifyRequest) => ({ ...sessionCookieOptions(isSecure(request)), maxAge: 600 });
  const failed = (request: FastifyRequest, reply: FastifyReply, status: number, error: string) => {
    reply.status(status);
    return sendPage(request, reply, {
      title: '내 고용보험',
      breadcrumbs: [MY, { label: '내 고용보험' }],
      main: verifyPage({ available: person.available(), error, label: person.verifierLabel }),
    });
  };

  // A GET, like starting a sign-in at a provider: it opens a 10-minute flow and changes nothing of the person's.
  app.get('/my/insurance/verify', SEEKER, async (request, reply) => {
    // Not offered by this server (no ILTEO_VERIFY_PROVIDER): the page says so; not a server fault.
    if (!person.available()) return failed(request, reply, 200, NOT_OFFERED);
    try {
      const flow = await person.beginVerification(accountOf(request), new URL(CALLBACK, origin(request)).href);
      reply.setCookie(VERIFY_COOKIE, flow.flowToken, cookie(request));
      reply.setCookie(NEXT_COOKIE, nextOf((request.query as { next?: unknown }).next), cookie(request));
      return reply.redirect(flow.url.href, 303);
    } catch (err) {
      if (!(err instanceof VerifierUnavailableError)) throw err;
      request.log.warn(
        { reason: String((err.cause as Error | undefined)?.message ?? '') },
        'verification provider down',
      );
      return failed(request, reply, 503, UNAVAILABLE);
    }
  });

  app.get<{ Querystring: Record<string, string | undefined> }>(CALLBACK, SEEKER, async (request, reply) => {
    const flowToken = request.cookies[VERIFY_COOKIE];
    reply.clearCookie(VERIFY_COOKIE, sessionCookieOptions(isSecure(request)));
    if (request.query.error) {
      await person.discardVerification(flowToken);
      const code = request.query.error === 'access_denied' ? 'cancelled' : 'failed';
      return failed(request, reply, 400, VERIFY_ERRORS[code] as string);
    }
    try {
      await person.finishVerification(
        accountOf(request),
        flowToken,
        new URL(request.url, origin(request)),
        clientOf(request),
      );
      const next = nextOf(request.cookies[NEXT_COOKIE]);
      reply.clearCookie(NEXT_COOKIE, sessionCookieOptions(isSecure(request)));
      return reply.redirect(next === '/my/insurance' ? '/my/insurance?verified=1' : next, 303);
    } catch (err) {
      // Only the error's kind is logged: nothing the provider sent about the person.
      request.log.warn({ error: (err as Error).name, code: (err as { code?: unknown }).code }, 'verification failed');
      if (err instanceof VerifierUnavailableError) return failed(request, reply, 503, UNAVAILABLE);
      if (err instanceof UserError) return failed(request, reply, err.statusCode, err.message);
      return failed(request, reply, 400, VERIFY_ERRORS.failed as string);
    }
  });
}

function recordRoutes(app: FastifyInstance, deps: PersonRouteDeps): void {
  const { person } = deps;
  app.get<{ Querystring: Record<string, string | undefined> }>('/my/insurance', SEEKER, async (request, reply) => {
    const account = accountOf(request);
    const mine = await person.records(account.id);
    const notice = Object.keys(NOTICES).find((k) => request.query[k] !== undefined);
    return sendPage(request, reply, {
      title: '내 고용보험',
      breadcrumbs: [MY, { label: '내 고용보험' }],
      main: mine
        ? recordsPage({
            name: account.name,
            records: mine.records,
            verifiedAt: mine.verification.verifiedAt,
            notice: notice ? (NOTICES[notice] as string) : null,
          })
        : verifyPage({ available: person.available(), error: null, label: person.verifierLabel }),
    });
  });

  const renderForm = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    typed: { reason: string },
    errors: Record<string, string>,
  ) => {
    const record = await person.myRecord(accountOf(request).id, request.params.id);
    return sendPage(request, reply, {
      title: '피보험자격 확인 청구',
      breadcrumbs: [...CRUMBS, { label: '확인 청구' }],
      main: disputeFormPage(record, typed, errors, csrfToken(reply)),
    });
  };

  app.get<{ Params: { id: string } }>('/my/insurance/records/:id/dispute', SEEKER, (request, reply) =>
    renderForm(request, reply, { reason: '' }, {}),
  );

  app.post<{ Params: { id: string } }>(
    '/my/insurance/records/:id/dispute',
    writes(SEEKER, 'insurance.fileDispute'),
    async (request, reply) => {
      const parsed = parseDispute(request.body as Record<string, unknown>);
      if (!parsed.ok) {
        reply.status(400);
        return renderForm(request, reply, { reason: parsed.typed.reason ?? '' }, parsed.errors);
      }
      const actor = { id: accountOf(request).id, kind: accountOf(request).kind, ...clientOf(request) };
      try {
        const { outcome } = await request.command(() =>
          person.fileDispute(actor, keyOf(request), request.params.id, parsed.value.reason),
        );
        return sendOutcome(reply, outcome);
      } catch (err) {
        if (!(err instanceof UserError) || err.statusCode !== 409) throw err;
        reply.status(409);
        return renderForm(request, reply, { reason: parsed.value.reason }, { _form: err.message });
      }
    },
  );
}

function disputeDeskRoutes(app: FastifyInstance, deps: PersonRouteDeps): void {
  const { person } = deps;
  const staffOf = (request: FastifyRequest) => ({ account: accountOf(request), ...clientOf(request) });

  app.get<{ Querystring: { decided?: string } }>('/centre/disputes', STAFF, async (request, reply) => {
    const items = await person.disputeQueue(staffOf(request));
    return sendPage(request, reply, {
      title: '피보험자격 확인 청구',
      breadcrumbs: [DESK, { label: '피보험자격 확인 청구' }],
      main: disputeQueuePage(items, request.query.decided !== undefined),
    });
  });

  const renderCase = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    typed: TypedDecision,
    errors: Record<string, string>,
  ) => {
    const staff = staffOf(request);
    // A look is audited on the page; the form shown again after a refused post is part of that look.
    const item =
      request.method === 'GET'
        ? await person.disputeCase(staff, request.params.id)
        : await person.disputeToDecide(staff, request.params.id);
    return sendPage(request, reply, {
      title: `${item.dispute.personName} 님의 확인 청구`,
      breadcrumbs: [...CENTRE, { label: item.dispute.personName }],
      main: disputeCasePage(item, typed, errors, csrfToken(reply)),
    });
  };

  app.get<{ Params: { id: string } }>('/centre/disputes/:id', STAFF, (request, reply) =>
    renderCase(request, reply, { decision: '', decisionReason: '' }, {}),
  );

  app.post<{ Params: { id: string } }>(
    '/centre/disputes/:id',
    writes(STAFF, 'insurance.decideDispute'),
    async (request, reply) => {
      const body = request.body as Record<string, unknown>;
      const parsed = parseDecision(body, person.today());
      if (!parsed.ok) {
        reply.status(400);
        return renderCase(request, reply, { decision: '', decisionReason: '', ...parsed.typed }, parsed.errors);
      }
      // A decision cannot be undone: restated first; only the confirmed post is kept.
      if (!isConfirmed(body)) {
        const item = await person.disputeToDecide(staffOf(request), request.params.id);
        return sendPage(request, reply, {
          title: `${item.dispute.personName} 님의 확인 청구 결정 확인`,
          breadcrumbs: [...CENTRE, { label: item.dispute.personName }],
          main: decisionConfirmPage(item, typedDecision(body), csrfToken(reply)),
        });
      }
      try {
        const { outcome } = await request.command(() =>
          person.decideDispute(staffOf(request), request.params.id, parsed.value),
        );
        return sendOutcome(reply, outcome);
      } catch (err) {
        if (!(err instanceof UserError) || (err.statusCode !== 409 && err.code !== 'FIX_REFUSED')) throw err;
        reply.status(err.statusCode);
        const typed = typedDecision(body);
        return renderCase(request, reply, typed, err.fields ?? { _form: err.message });
      }
    },
  );
}
