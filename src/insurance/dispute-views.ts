/**
 * 고용센터 업무 › 피보험자격 확인 청구: the open 청구 with the record each names beside it, and one 청구's
 * page with the decision form (인정 / 기각, nothing pre-selected, a reason required). Only the masked
 * 주민등록번호 is shown.
 */
import { formatDateTime } from '../shared/dates.ts';
import { alert, button, descriptionList, emptyState, errorSummary, radioGroup, textarea } from '../web/components.ts';
import type { Errors } from '../web/forms.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import { REASON_MAX } from './dispute-forms.ts';
import type { DisputeWithRecord } from './dispute-service.ts';
import { DISPUTE_STATUS, recordItems } from './person-views.ts';

function recordBeside(item: DisputeWithRecord): Html {
  const r = item.record;
  if (!r) return html`<p>이 청구가 가리키는 신고는 사업장이 취소했습니다.</p>`;
  return html`<h3 class="heading-small">${r.workplaceName}</h3>
${descriptionList({ items: recordItems(r), label: `${item.dispute.personName} 님의 ${r.workplaceName} 기록` })}`;
}

function who(item: DisputeWithRecord): Html {
  const d = item.dispute;
  return html`${d.personName} 님 (${d.personMasked}) · ${formatDateTime(d.filedAt)} 청구`;
}

export function disputeQueuePage(items: DisputeWithRecord[], decided: boolean): Html {
  return html`<h1 class="heading-xlarge">피보험자격 확인 청구</h1>
<p>고용보험법 제17조에 따라 피보험자가 자기 기록의 확인을 청구한 건입니다. 오래된 청구부터 보입니다.</p>
${decided ? alert({ variant: 'success', role: 'status', title: '결정을 저장했습니다. 청구인의 내 고용보험 화면에 이유와 함께 보입니다.' }) : null}
${
  items.length === 0
    ? emptyState({ title: '결정을 기다리는 청구가 없습니다.', body: html`<p>새 청구가 들어오면 이곳에 보입니다.</p>` })
    : items.map(
        (item) => html`<section class="ilteo-card" aria-labelledby="dispute-${item.dispute.id}">
	<h2 class="heading-medium" id="dispute-${item.dispute.id}"><a href="/centre/disputes/${item.dispute.id}">${item.dispute.personName} 님의 청구<span class="sr-only"> 결정하기</span></a></h2>
	<p>${who(item)}</p>
	<p><strong>청구 이유:</strong> ${item.dispute.reason}</p>
	${recordBeside(item)}
</section>`,
      )
}`;
}

export function disputeCasePage(
  item: DisputeWithRecord,
  typed: { decision: string; decisionReason: string },
  errors: Errors,
  token: string,
): Html {
  const d = item.dispute;
  const status = DISPUTE_STATUS[d.status];
  return html`<h1 class="heading-xlarge">${d.personName} 님의 확인 청구</h1>
<p>${who(item)} · ${status.label}</p>
<h2 class="heading-medium">청구 이유</h2>
<p>${d.reason}</p>
<h2 class="heading-medium">사업장이 신고한 기록</h2>
${recordBeside(item)}
${
  d.status === 'open'
    ? html`<h2 class="heading-medium">결정</h2>
${errorSummary(errors)}
<form method="post" action="/centre/disputes/${d.id}" novalidate>
	${csrfField(token)}
	${radioGroup({
    name: 'decision',
    legend: '청구를',
    column: true,
    error: errors['decision-1'],
    options: [
      { value: 'upheld', label: '인정 — 청구인의 말이 맞습니다', checked: typed.decision === 'upheld' },
      { value: 'rejected', label: '기각 — 신고한 기록이 맞습니다', checked: typed.decision === 'rejected' },
    ],
  })}
	${textarea('decisionReason', '결정 이유 (필수, 청구인에게 보입니다)', typed.decisionReason, REASON_MAX, errors.decisionReason)}
	<div class="ilteo-actions">${button({ label: '결정 저장', type: 'submit', size: 'large' })} <a href="/centre/disputes">목록으로</a></div>
</form>`
    : html`<h2 class="heading-medium">결정: ${status.label}</h2>
<p>${d.decisionReason}</p>
<p>${d.decidedByName ?? ''} · ${formatDateTime(d.decidedAt)}</p>
<p><a href="/centre/disputes">목록으로</a></p>`
}`;
}
