/** The intake pages: 접수되었습니다 (a submission kept in the journal) and 접수 상태 (a receipt followed). */
import { formatDateTime } from '../shared/dates.ts';
import { alert } from '../web/components.ts';
import { type Html, html } from '../web/html.ts';
import type { Intake } from './service.ts';

/**
 * "접수되었습니다": what a citizen sees when a submission went into the journal (any kind): the receipt
 * number, when it was received, and that it need not be sent again.
 */
export function receivedPage(r: { heading: string; what: string; receipt: string; at: string; again: string }): Html {
  return html`<h1 class="heading-xlarge">${r.heading}</h1>
${alert({
  variant: 'success',
  role: 'status',
  title: html`접수번호 <strong data-receipt>${r.receipt}</strong>`,
  body: html`${r.what} ${formatDateTime(r.at)}에 받았습니다. 지금은 전산 장애로 바로 처리하지 못해 안전하게 보관했고, 복구되면 <strong>받은 시각 기준으로</strong> 자동 처리합니다. ${r.again}`,
})}
<p><a href="/receipts/${r.receipt}">접수 상태 보기</a> · <a href="/status">서비스 상태</a></p>`;
}

/** 접수번호 …: where a receipt stands (보관 중, 처리됨, 확인 필요). */
export function receiptPage(receipt: string, state: NonNullable<Awaited<ReturnType<Intake['receipt']>>>): Html {
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
  return html`<h1 class="heading-xlarge">접수번호 ${receipt}</h1>
<p>받은 시각: ${formatDateTime(state.receivedAt)}</p>
${body}`;
}
