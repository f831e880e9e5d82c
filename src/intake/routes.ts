/** 접수 상태: a citizen follows a receipt from the journal to its outcome. */
import type { FastifyInstance } from 'fastify';
import { accountOf, allow } from '../identity/access.ts';
import { UserError } from '../web/errors.ts';
import { sendPage } from '../web/page.ts';
import type { Intake } from './service.ts';
import { receiptPage } from './views.ts';

export function intakeRoutes(app: FastifyInstance, deps: { intake: Intake }): void {
  app.get<{ Params: { receipt: string } }>('/receipts/:receipt', allow('seeker'), async (request, reply) => {
    const receipt = request.params.receipt;
    const state = /^R-\d{8}-(?:[0-9A-F]{16}|[0-9A-F]{8})$/.test(receipt)
      ? await deps.intake.receipt(accountOf(request).id, receipt)
      : null;
    if (!state) throw new UserError(404, 'NOT_FOUND', '접수번호를 찾을 수 없습니다. 번호를 확인해 주세요.');
    return sendPage(request, reply, {
      title: `접수번호 ${receipt}`,
      breadcrumbs: [{ label: '실업급여', href: '/benefits' }, { label: '접수 상태' }],
      main: receiptPage(receipt, state),
    });
  });
}
