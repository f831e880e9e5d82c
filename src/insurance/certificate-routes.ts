/**
 * 이직확인서 pages of an employer, under /employer/insurance: the form for a 상실 신고
 * (/workplaces/:no/reports/:id/certificate), one filed 이직확인서 (/workplaces/:no/certificates/:id) and
 * the 요청·알림 page (/certificates). Another company's 사업장 answers 404, filing needs the account to
 * report for it (403). The worker's and the counsellor's pages: certificate-desk-routes.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { allow } from '../identity/access.ts';
import { keyOf, sendOutcome, writes } from '../web/commands.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken } from '../web/security.ts';
import { certificateFields, parseCertificate } from './certificate-forms.ts';
import type { CertificateService } from './certificate-service.ts';
import { certificateFormPage, certificatePage, requestsPage } from './certificate-views.ts';
import { actorOf, commandOrFieldErrors, meOf, sendWorkplacePage } from './employer-routes.ts';
import { typedReportForm } from './report-forms.ts';

const EMPLOYER = allow('employer');

type ReportParams = { Params: { no: string; id: string } };

export function certificateRoutes(app: FastifyInstance, deps: { certificates: CertificateService }): void {
  const { certificates } = deps;

  app.get('/employer/insurance/certificates', EMPLOYER, async (request, reply) =>
    sendPage(request, reply, {
      title: '이직확인서 요청·알림',
      breadcrumbs: [
        { label: '기업 서비스', href: '/employer' },
        { label: '고용보험 신고', href: '/employer/insurance' },
        { label: '이직확인서 요청·알림' },
      ],
      main: requestsPage(await certificates.employerRequests(meOf(request))),
    }),
  );

  const form = async (
    request: FastifyRequest<ReportParams>,
    reply: FastifyReply,
    values: Record<string, string> | null,
    errors: Record<string, string>,
  ) => {
    const d = await certificates.certificateForm(meOf(request), request.params.no, request.params.id);
    const title = Object.keys(errors).length > 0 ? '오류: 이직확인서 작성' : '이직확인서 작성';
    const person = { ...d.loss.current, lostOn: d.basis.lostOn, acquiredOn: d.basis.acquiredOn };
    const main = certificateFormPage(
      { ...d, person, reportId: d.loss.original.id },
      { values: values ?? d.start, errors, token: csrfToken(reply) },
    );
    return sendWorkplacePage(request, reply, d.workplace, title, main);
  };

  app.get<ReportParams>('/employer/insurance/workplaces/:no/reports/:id/certificate', EMPLOYER, (request, reply) =>
    form(request, reply, null, {}),
  );

  app.post<ReportParams>(
    '/employer/insurance/workplaces/:no/reports/:id/certificate',
    writes(EMPLOYER, 'insurance.fileCertificate'),
    async (request, reply) => {
      const { no, id } = request.params;
      const { basis } = await certificates.certificateForm(meOf(request), no, id);
      const parsed = parseCertificate(request.body, basis);
      const result = parsed.ok
        ? await commandOrFieldErrors(
            async () =>
              (
                await request.command(() =>
                  certificates.fileCertificate(actorOf(request), meOf(request), no, id, keyOf(request), parsed.value),
                )
              ).outcome,
          )
        : { errors: parsed.errors };
      if ('errors' in result)
        return form(request, reply.status(400), typedReportForm(request.body, certificateFields(basis)), result.errors);
      return sendOutcome(reply, result);
    },
  );

  app.get<{ Params: { no: string; id: string }; Querystring: { filed?: string } }>(
    '/employer/insurance/workplaces/:no/certificates/:id',
    EMPLOYER,
    async (request, reply) => {
      const { workplace, certificate, superseded } = await certificates.certificatePage(
        meOf(request),
        request.params.no,
        request.params.id,
      );
      return sendWorkplacePage(
        request,
        reply,
        workplace,
        '이직확인서',
        certificatePage(workplace, certificate, superseded, request.query.filed !== undefined),
      );
    },
  );
}
