/**
 * 입사지원 by the seeker: applying to an open posting with one of their resumes (once per posting,
 * however often the button is pressed, and into the journal when no database can take it), following
 * the applications and withdrawing one.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountOf, allow } from '../identity/access.ts';
import { journalFirst, sendReceived } from '../intake/journal-path.ts';
import type { Intake } from '../intake/service.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import { UserError } from '../web/errors.ts';
import type { Errors } from '../web/forms.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken } from '../web/security.ts';
import { type ApplyForm, appliedRedirect, journalPayload, keyIsValid, parseApply } from './application-forms.ts';
import { type ApplicationService, databaseUnavailable, journalable, type Posting } from './application-service.ts';
import { type ApplicationsNotice, applicationsPage, applyPage } from './application-views.ts';

const SEEKER = allow('seeker');

export interface ApplicationRouteDeps {
  applications: ApplicationService;
  /** Takes a 입사지원 into the journal when no database can (a full outage). */
  intake?: Intake;
  databaseDown?: () => boolean;
}

export function applicationRoutes(app: FastifyInstance, deps: ApplicationRouteDeps): void {
  applyRoutes(app, deps);
  myApplicationRoutes(app, deps.applications);
}

/** The 지원하기 page: the form, or why there is nothing to send; with the errors and the key it comes back with. */
function applyRenderer(applications: ApplicationService) {
  return async (
    request: FastifyRequest,
    reply: FastifyReply,
    wantedAuthNo: string,
    errors: Errors = {},
    key: string = randomUUID(),
    opts: { resumeSaved?: boolean } = {},
  ) => {
    const posting = await applications.openPosting(wantedAuthNo);
    const { resumes, applied } = await applications.applyForm(accountOf(request).id, posting);
    return sendPage(request, reply, {
      title: `${posting.title} 지원하기`,
      breadcrumbs: [
        { label: '채용정보', href: '/jobs' },
        { label: posting.title, href: `/jobs/${posting.wantedAuthNo}` },
        { label: '지원하기' },
      ],
      main: applyPage({
        posting,
        resumes,
        applied,
        errors,
        key,
        resumeSaved: opts.resumeSaved === true,
        csrf: csrfToken(reply),
      }),
    });
  };
}

/** 지원하기: the form, and the 입사지원 itself. */
function applyRoutes(app: FastifyInstance, deps: ApplicationRouteDeps): void {
  const { applications } = deps;
  const renderApply = applyRenderer(applications);
  app.get<{ Params: { id: string }; Querystring: { resume?: string } }>(
    '/jobs/:id/apply',
    SEEKER,
    async (request, reply) =>
      renderApply(request, reply, request.params.id, {}, randomUUID(), {
        resumeSaved: request.query.resume === 'saved',
      }),
  );

  app.post<{ Params: { id: string } }>(
    '/jobs/:id/apply',
    writes(SEEKER, 'market.apply', { journal: true }),
    async (request, reply) => {
      const me = accountOf(request);
      const form = parseApply(request.body);
      const journal = () => journalApplication(request, reply, deps.intake, form);
      if (journalFirst(request, deps.databaseDown)) return journal();
      let posting: Posting;
      try {
        posting = await applications.openPosting(request.params.id);
      } catch (err) {
        if (journalable(err)) return journal();
        throw err;
      }
      if (!keyIsValid(form)) {
        reply.status(400);
        return renderApply(request, reply, posting.wantedAuthNo, {
          _form: '지원 양식이 올바르지 않습니다. 다시 시도해 주세요.',
        });
      }
      try {
        const { outcome } = await request.command(async () => {
          const { created } = await applications.apply({
            postingId: posting.id,
            applicantId: me.id,
            resumeId: form.resumeId,
            idempotencyKey: form.key,
          });
          return { wantedAuthNo: posting.wantedAuthNo, created };
        });
        return reply.redirect(appliedRedirect(outcome), 303);
      } catch (err) {
        // The COMMIT may have landed (not journalable): answered as not known (503), never taken into
        // the journal as well.
        if (journalable(err)) return journal();
        if (!(err instanceof UserError) || err.statusCode === 404) throw err;
        reply.status(err.statusCode);
        // A key already used for another request is spent: the form comes back with a fresh one.
        const again = err.code === 'IDEMPOTENCY_KEY_REUSED' ? randomUUID() : form.key;
        return renderApply(request, reply, posting.wantedAuthNo, err.fields ?? { _form: err.message }, again);
      }
    },
  );
}

/** No database can take it (a full outage): into this server's journal, on disk before we answer. */
async function journalApplication(
  request: FastifyRequest<{ Params: { id: string } }>,
  reply: FastifyReply,
  intake: Intake | undefined,
  form: ApplyForm,
) {
  const payload = journalPayload(request.params.id, form);
  if (!intake || !payload) throw databaseUnavailable();
  return sendReceived(
    request,
    reply,
    {
      title: '입사지원이 접수되었습니다',
      breadcrumbs: [{ label: '입사지원 현황' }],
      heading: '입사지원이 접수되었습니다',
      what: `채용공고 ${payload.wantedAuthNo} 입사지원을`,
      again: '다시 지원하지 않아도 됩니다.',
    },
    await intake.journalApplication(accountOf(request), payload, form.key),
  );
}

/** 입사지원 현황 and 지원 취소. */
function myApplicationRoutes(app: FastifyInstance, applications: ApplicationService): void {
  app.get<{ Querystring: { applied?: string; already?: string; withdrawn?: string } }>(
    '/my/applications',
    SEEKER,
    async (request, reply) => {
      const q = request.query;
      const notice: ApplicationsNotice = q.applied
        ? 'applied'
        : q.already
          ? 'already'
          : q.withdrawn
            ? 'withdrawn'
            : undefined;
      return sendPage(request, reply, {
        title: '입사지원 현황',
        breadcrumbs: [{ label: '내 정보', href: '/my' }, { label: '입사지원 현황' }],
        main: applicationsPage(await applications.applications(accountOf(request).id), notice, csrfToken(reply)),
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/my/applications/:id/withdraw',
    writes(SEEKER, 'market.withdrawApplication'),
    async (request, reply) => {
      const me = accountOf(request);
      const application = await applications.ownApplication(me.id, request.params.id);
      const { outcome } = await request.command(async () => {
        await applications.withdraw(application, me.id);
        return { redirect: '/my/applications?withdrawn=1' };
      });
      return sendOutcome(reply, outcome);
    },
  );
}
