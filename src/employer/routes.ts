/**
 * 기업회원 (employer) pages, first part: the 사업장 and its own postings. An employer sees only
 * postings of their own 사업장; another company's posting answers 404, like one that does not exist.
 * Posting management and applicants come with the job-market feature.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountOf, allow } from '../identity/access.ts';
import { clientOf } from '../identity/audit.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken } from '../web/security.ts';
import { type ApplicantsForm, parseApplicantsForm } from './forms.ts';
import type { Actor, EmployerService } from './service.ts';
import { employerHomePage, postingPage, postingPageErrors } from './views.ts';

const EMPLOYER = allow('employer');

/** Who is acting, from where: the signed-in employer and the request's client, for the audit row. */
export function actorOf(request: FastifyRequest): Actor {
  const me = accountOf(request);
  return { id: me.id, kind: me.kind, ...clientOf(request) };
}

/**
 * The employer's page of one of their postings, with its applicants: after a GET (with the notice of
 * the action just done), or again after a form on it came back with errors — the errors summarised at
 * the top and marked on their fields, what was picked still picked. Another company's posting is 404.
 */
export async function sendPostingPage(
  employer: EmployerService,
  request: FastifyRequest,
  reply: FastifyReply,
  rawId: string,
  opts: { query?: Record<string, string | undefined>; form?: ApplicantsForm; errors?: Record<string, string> } = {},
) {
  const { posting, applicants } = await employer.postingPage(accountOf(request).companyId, rawId);
  const token = csrfToken(reply);
  const form = opts.form ?? { errors: {}, picked: [], status: '' };
  const summary = postingPageErrors(applicants, form, opts.errors);
  return sendPage(request, reply, {
    title: Object.keys(summary).length > 0 ? `오류: ${posting.title}` : posting.title,
    breadcrumbs: [{ label: '기업 서비스', href: '/employer' }, { label: posting.title }],
    main: postingPage(posting, applicants, { summary, query: opts.query, form, token }),
  });
}

export function employerRoutes(app: FastifyInstance, deps: { employer: EmployerService }): void {
  const { employer } = deps;

  app.get<{ Querystring: { welcome?: string } }>('/employer', EMPLOYER, async (request, reply) => {
    const me = accountOf(request);
    const postings = await employer.postings(me.companyId);
    return sendPage(request, reply, {
      title: '기업 서비스',
      breadcrumbs: [{ label: '기업 서비스' }],
      main: employerHomePage(me, postings, Boolean(request.query.welcome)),
    });
  });

  app.get<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>(
    '/employer/postings/:id',
    EMPLOYER,
    async (request, reply) => sendPostingPage(employer, request, reply, request.params.id, { query: request.query }),
  );

  app.post<{ Params: { id: string } }>(
    '/employer/postings/:id/applicants',
    writes(EMPLOYER, 'employer.moveApplicants'),
    async (request, reply) => {
      const parsed = parseApplicantsForm(request.body as Record<string, unknown>);
      if (!parsed.ok) {
        reply.status(400);
        return sendPostingPage(employer, request, reply, request.params.id, { form: parsed });
      }
      const { status, ids } = parsed;
      const { outcome } = await request.command(() =>
        employer.moveApplicants(actorOf(request), accountOf(request).companyId, request.params.id, status, ids),
      );
      return sendOutcome(reply, outcome);
    },
  );
}
