/**
 * 정정 and 취소 of a 취득 or 상실 신고 (/employer/insurance/workplaces/:no/reports/:id/…): each files a
 * new event pointing at the report; nothing is overwritten. A 취소 asks to confirm first, with nothing
 * chosen for the employer.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { allow } from '../identity/access.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import { isConfirmed } from '../web/confirm.ts';
import { csrfToken } from '../web/security.ts';
import { actorOf, commandOrFieldErrors, meOf, sendWorkplacePage } from './employer-routes.ts';
import type { InsuranceEmployerService } from './employer-service.ts';
import { ACQUIRE_FIELDS, LOSE_FIELDS, parseAcquire, parseLose, typedReportForm } from './report-forms.ts';
import { cancelPage, correctionPage, correctionValues } from './report-views.ts';

const EMPLOYER = allow('employer');

type ReportParams = { Params: { no: string; id: string } };

export function reportRoutes(app: FastifyInstance, deps: { insurance: InsuranceEmployerService }): void {
  const { insurance } = deps;

  const correction = async (
    request: FastifyRequest<ReportParams>,
    reply: FastifyReply,
    values: Record<string, string> | null,
    errors: Record<string, string>,
  ) => {
    const { workplace, report } = await insurance.reportOf(meOf(request), request.params.no, request.params.id);
    const title = `${Object.keys(errors).length > 0 ? '오류: ' : ''}${report.kind === 'acquire' ? '취득' : '상실'} 신고 정정`;
    const state = { values: values ?? correctionValues(report), errors, token: csrfToken(reply) };
    return sendWorkplacePage(request, reply, workplace, title, correctionPage(workplace, report, state));
  };

  app.get<ReportParams>('/employer/insurance/workplaces/:no/reports/:id/correct', EMPLOYER, (request, reply) =>
    correction(request, reply, null, {}),
  );

  app.post<ReportParams>(
    '/employer/insurance/workplaces/:no/reports/:id/correct',
    writes(EMPLOYER, 'insurance.correct'),
    async (request, reply) => {
      const { no, id } = request.params;
      const { report } = await insurance.reportOf(meOf(request), no, id);
      const body = request.body;
      const parsed =
        report.kind === 'acquire' ? parseAcquire(body, insurance.today(), false) : parseLose(body, insurance.today());
      const result = parsed.ok
        ? await commandOrFieldErrors(
            async () =>
              (
                await request.command(() =>
                  insurance.fileCorrection(actorOf(request), meOf(request), no, id, parsed.value),
                )
              ).outcome,
          )
        : { errors: parsed.errors };
      if ('errors' in result) {
        const fields = report.kind === 'acquire' ? ACQUIRE_FIELDS : LOSE_FIELDS;
        return correction(request, reply.status(400), typedReportForm(body, fields), result.errors);
      }
      return sendOutcome(reply, result);
    },
  );

  const cancel = async (request: FastifyRequest<ReportParams>, reply: FastifyReply) => {
    const { workplace, report } = await insurance.reportOf(meOf(request), request.params.no, request.params.id);
    const title = `${report.kind === 'acquire' ? '취득' : '상실'} 신고 취소`;
    return sendWorkplacePage(request, reply, workplace, title, cancelPage(workplace, report, csrfToken(reply)));
  };

  app.get<ReportParams>('/employer/insurance/workplaces/:no/reports/:id/cancel', EMPLOYER, cancel);

  app.post<ReportParams>(
    '/employer/insurance/workplaces/:no/reports/:id/cancel',
    writes(EMPLOYER, 'insurance.cancel'),
    async (request, reply) => {
      if (!isConfirmed(request.body)) return cancel(request, reply.status(400));
      const { no, id } = request.params;
      const { outcome } = await request.command(() => insurance.fileCancel(actorOf(request), meOf(request), no, id));
      return sendOutcome(reply, outcome);
    },
  );
}
