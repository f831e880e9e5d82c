/** 접수 상태: a citizen follows a receipt from the journal to its outcome. */
import type { FastifyInstance } from 'fastify';
import { accountOf, allow } from '../identity/access.ts';
import { formatDateTime } from '../identity/views.ts';
import { alert } from '../web/components.ts';
import { UserError } from '../web/errors.ts';
import { html } from '../web/html.ts';
import { sendPage } from '../web/page.ts';
import type { Intake } from './service.ts';

export function intakeRoutes(app: FastifyInstance, deps: { intake: Intake }): void {
  app.get<{ Params: { receipt: string } }>('/receipts/:receipt', allow('seeker'), async (request, reply) => {
    const receipt = request.params.receipt;
    const state = /^R-\d{8}-[0-9A-F]{8}$/.test(receipt)
      ? await deps.intake.receipt(accountOf(request).id, receipt)
      : null;
    if (!state) throw new UserError(404, 'NOT_FOUND', '접수번호를 찾을 수 없습니다. 번호를 확인해 주세요.');
    const body =
      state.status === 'pending'
        ? alert({
            variant: 'info',
            role: 'status',
            title: '처리 대기 중',
            body: '전산 장애로 보관 중입니다. 복구되면 받은 시각 기준으로 자동 처리합니다. 다시 신청하지 않아도 됩니다.',
          })
        : state.status === 'applied'
          ? alert({
              variant: 'success',
              role: 'status',
              title: '처리되었습니다',
              body: html`<a href="${state.link}">내 신청에서 보기</a>`,
            })
          : alert({
              variant: 'warning',
              role: 'status',
              title: '확인이 필요합니다',
              body: html`${state.message} 고용센터가 확인해 연락드립니다. <a href="${state.link}">내 신청</a>`,
            });
    return sendPage(request, reply, {
      title: `접수번호 ${receipt}`,
      breadcrumbs: [{ label: '실업급여', href: '/benefits' }, { label: '접수 상태' }],
      main: html`<h1 class="heading-xlarge">접수번호 ${receipt}</h1>
<p>받은 시각: ${formatDateTime(state.receivedAt)}</p>
${body}`,
    });
  });
}
