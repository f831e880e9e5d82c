/**
 * 고용센터 업무 › 피보험자격 확인 청구: the open 청구 with the record each names beside it, and one 청구's
 * page with the decision form (인정 / 기각, nothing pre-selected, a reason required). Only the masked
 * 주민등록번호 is shown.
 */
import { formatDateTime } from '../shared/dates.ts';
import {
  alert,
  button,
  descriptionList,
  emptyState,
  errorSummary,
  radioGroup,
  select,
  textarea,
  textInput,
} from '../web/components.ts';
import { confirmStep } from '../web/confirm.ts';
import type { Errors } from '../web/forms.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import { REASON_MAX, type TypedDecision } from './dispute-forms.ts';
import type { DisputeWithRecord } from './dispute-service.ts';
import { FIX_FIELDS } from './office-correction.ts';
import type { InsuredStint } from './person-history.ts';
import { DISPUTE_STATUS, recordItems } from './person-views.ts';
import { LOSS_OPTIONS } from './report-views.ts';

function recordBeside(item: DisputeWithRecord): Html {
  const r = item.record;
  if (!r) return html`<p>이 청구가 가리키는 신고는 사업장이 취소했습니다.</p>`;
  return html`<h3 class="heading-small">${r.workplaceName}</h3>
${descriptionList({ items: recordItems(r), label: `${item.dispute.personName} 님의 ${r.workplaceName} 기록` })}`;
}

/**
 * On 인정, the record as it should be: filled with what is reported, so only what is wrong is changed.
 * Each 신고 that changes gets a 정정 filed by the counsellor; on 기각 these are not used.
 */
function recordFixFields(r: InsuredStint, typed: TypedDecision, errors: Errors): Html {
  const value = (field: string, reported: string | number | null) =>
    field in typed ? typed[field] : reported === null ? '' : String(reported);
  const lossValue = r.lossCode === null ? '' : `${r.lossCode}|${r.lossSubCode ?? ''}`;
  const hasLoss = r.lostOn !== null;
  return html`<fieldset class="ilteo-fieldset">
	<legend class="ilteo-legend">인정할 때: 기록 정정 (직권)</legend>
	<p class="form-hint">청구인의 말이 맞으면 기록을 바로잡을 값으로 고쳐 주세요. 고치지 않은 항목은 신고된 그대로 남습니다. 정정은 고용센터가 한 정정으로 기록에 남고 사업장도 봅니다. 기각하면 이 값은 쓰지 않습니다.</p>
	${textInput({ id: FIX_FIELDS.acquiredOn, name: FIX_FIELDS.acquiredOn, type: 'date', label: '취득일', value: value(FIX_FIELDS.acquiredOn, r.acquiredOn), error: errors[FIX_FIELDS.acquiredOn] })}
	${hasLoss ? textInput({ id: FIX_FIELDS.lostOn, name: FIX_FIELDS.lostOn, type: 'date', label: '상실일 (이직한 날의 다음 날)', value: value(FIX_FIELDS.lostOn, r.lostOn), error: errors[FIX_FIELDS.lostOn] }) : null}
	${hasLoss ? select({ id: FIX_FIELDS.loss, name: FIX_FIELDS.loss, label: '상실사유', options: [{ value: '', label: '신고된 그대로' }, ...LOSS_OPTIONS.filter((o) => o.value !== '')], value: value(FIX_FIELDS.loss, lossValue), error: errors[FIX_FIELDS.loss] }) : null}
	${textInput({ id: FIX_FIELDS.monthlyWage, name: FIX_FIELDS.monthlyWage, label: '월평균보수 (원)', inputmode: 'numeric', value: value(FIX_FIELDS.monthlyWage, r.monthlyWage), error: errors[FIX_FIELDS.monthlyWage] })}
</fieldset>`;
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

export function disputeCasePage(item: DisputeWithRecord, typed: TypedDecision, errors: Errors, token: string): Html {
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
	${item.record ? recordFixFields(item.record, typed, errors) : null}
	<div class="ilteo-actions">${button({ label: '결정 저장', type: 'submit', size: 'large' })} <a href="/centre/disputes">목록으로</a></div>
</form>`
    : html`<h2 class="heading-medium">결정: ${status.label}</h2>
<p>${d.decisionReason}</p>
<p>${d.decidedByName ?? ''} · ${formatDateTime(d.decidedAt)}</p>
<p><a href="/centre/disputes">목록으로</a></p>`
}`;
}

/**
 * The step before a decision is kept (it cannot be undone): the decision, its reason and, on 인정, the
 * record's values as they will stand, restated; the second form posts them again with confirm=yes.
 */
export function decisionConfirmPage(item: DisputeWithRecord, typed: TypedDecision, token: string): Html {
  const d = item.dispute;
  const upheld = typed.decision === 'upheld';
  const fixed = upheld
    ? [
        [FIX_FIELDS.acquiredOn, '취득일'],
        [FIX_FIELDS.lostOn, '상실일'],
        [FIX_FIELDS.loss, '상실사유 코드'],
        [FIX_FIELDS.monthlyWage, '월평균보수'],
      ]
        .filter(([field]) => (typed[field as string] ?? '') !== '')
        .map(([field, term]) => ({ term: `기록의 ${term}`, description: typed[field as string] ?? '' }))
    : [];
  return confirmStep({
    heading: `${d.personName} 님의 확인 청구 ${upheld ? '인정' : '기각'}`,
    effect: upheld
      ? `${d.personName} 님의 청구를 인정합니다. 아래 값과 다른 신고는 고용센터의 정정으로 기록에 남고, 청구인과 사업장이 봅니다.`
      : `${d.personName} 님의 청구를 기각합니다. 청구인에게 이유와 함께 보입니다.`,
    details: [{ term: '결정 이유', description: typed.decisionReason }, ...fixed],
    action: `/centre/disputes/${d.id}`,
    csrf: token,
    fields: typed,
    confirmLabel: upheld ? '인정하고 기록 정정' : '기각',
    cancelHref: `/centre/disputes/${d.id}`,
    cancelLabel: '고치러 돌아가기',
  });
}
