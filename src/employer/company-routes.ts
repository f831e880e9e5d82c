/** 기업 정보: the employer keeps their 사업장's introduction, address, size and homepage (shown on postings). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountOf, allow } from '../identity/access.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken } from '../web/security.ts';
import { type CompanyFormValues, companyFormValues, parseCompanyProfile, typedCompanyForm } from './company-forms.ts';
import type { CompanyService } from './company-service.ts';
import { companyPage } from './company-views.ts';
import { actorOf } from './routes.ts';

const EMPLOYER = allow('employer');

export function companyRoutes(app: FastifyInstance, deps: { company: CompanyService }): void {
  const { company } = deps;

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: CompanyFormValues | null,
    errors: Record<string, string>,
    saved = false,
  ) => {
    const c = await company.profile(accountOf(request).companyId);
    return sendPage(request, reply, {
      title: '기업 정보',
      breadcrumbs: [{ label: '기업 서비스', href: '/employer' }, { label: '기업 정보' }],
      main: companyPage(c, values ?? companyFormValues(c), errors, saved, csrfToken(reply)),
    });
  };

  app.get<{ Querystring: { saved?: string } }>('/employer/company', EMPLOYER, async (request, reply) =>
    render(request, reply, null, {}, request.query.saved !== undefined),
  );

  app.post('/employer/company', writes(EMPLOYER, 'employer.saveCompany'), async (request, reply) => {
    const me = accountOf(request);
    const body = request.body as Record<string, unknown>;
    const parsed = parseCompanyProfile(body);
    if (!parsed.ok) {
      reply.status(400);
      return render(request, reply, typedCompanyForm(body), parsed.errors);
    }
    const v = parsed.value;
    const { outcome } = await request.command(() => company.saveProfile(actorOf(request), me.companyId, v));
    return sendOutcome(reply, outcome);
  });
}
