/** 접수 상태: a citizen follows a receipt from the journal to its outcome. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountOf, allow, OFFLINE_METHOD } from '../identity/access.ts';
import { formatDateTime } from '../identity/views.ts';
import { commandOf } from '../web/commands.ts';
import { alert } from '../web/components.ts';
import { UserError } from '../web/errors.ts';
import { type Html, html } from '../web/html.ts';
import { sendPage } from '../web/page.ts';
import type { Intake } from './service.ts';

/**
 * "접수되었습니다": what a citizen sees when a submission went into the journal (any kind): the receipt
 * number, when it was received, and that it need not be sent again.
 */
function receivedPage(r: { heading: string; what: string; receipt: string; at: string; again: string }): Html {
  return html`<h1 class="heading-xlarge">${r.heading}</h1>
${alert({
  variant: 'success',
  role: 'status',
  title: html`접수번호 <strong data-receipt>${r.receipt}</strong>`,
  body: html`${r.what} ${formatDateTime(r.at)}에 받았습니다. 지금은 전산 장애로 바로 처리하지 못해 안전하게 보관했고, 복구되면 <strong>받은 시각 기준으로</strong> 자동 처리합니다. ${r.again}`,
})}
<p><a href="/receipts/${r.receipt}">접수 상태 보기</a> · <a href="/status">서비스 상태</a></p>`;
}

const SAFE = new Set(['GET', 'HEAD']);

/**
 * Whether this write goes into the journal without trying the database: this process knows no primary
 * answers, or the citizen is known only by the pass cookie (sessions cannot be looked up). Only a route
 * that declares `journal: true` (writes(..., { journal: true })) may use the journal: for any other write
 * this is false. A page (GET) asks it to show the form meant for the journal.
 */
export function journalFirst(request: FastifyRequest, databaseDown: (() => boolean) | undefined): boolean {
  if (!SAFE.has(request.method) && commandOf(request)?.journal !== true) return false;
  return databaseDown?.() === true || request.identity?.method === OFFLINE_METHOD;
}

/**
 * Answers a submission taken into the journal: 202 and the 접수되었습니다 page. Only for a route that
 * declares `journal: true`; any other is a programming error.
 */
export function sendReceived(
  request: FastifyRequest,
  reply: FastifyReply,
  page: {
    title?: string;
    breadcrumbs: { label: string; href?: string }[];
    heading: string;
    what: string;
    again: string;
  },
  taken: { receipt: string; at: string },
) {
  if (commandOf(request)?.journal !== true)
    throw new Error(`route ${request.method} ${request.routeOptions.url} does not declare journal: true`);
  reply.status(202);
  const { title, breadcrumbs, ...text } = page;
  return sendPage(request, reply, {
    title: title ?? '접수되었습니다',
    breadcrumbs,
    main: receivedPage({ ...text, ...taken }),
  });
}

export function intakeRoutes(app: FastifyInstance, deps: { intake: Intake }): void {
  app.get<{ Params: { receipt: string } }>('/receipts/:receipt', allow('seeker'), async (request, reply) => {
    const receipt = request.params.receipt;
    const state = /^R-\d{8}-(?:[0-9A-F]{16}|[0-9A-F]{8})$/.test(receipt)
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
