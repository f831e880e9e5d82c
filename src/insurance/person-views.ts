/**
 * 내 고용보험 (/my/insurance): the 본인확인 page before it, the 피보험자격 이력 — one card per stint, as
 * 고용24's 피보험자격 이력 조회 lists 사업장, 취득일, 상실일 — with each 확인 청구 and its decision, and
 * the 확인 청구 form. The person's 주민등록번호 appears nowhere: the records are found by the hash.
 */
import { formatDate, formatDateTime } from '../shared/dates.ts';
import { won } from '../shared/korean.ts';
import {
  alert,
  badge,
  button,
  descriptionList,
  emptyState,
  errorSummary,
  linkButton,
  textarea,
} from '../web/components.ts';
import type { Errors } from '../web/forms.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import { lossLabel } from './codes.ts';
import { REASON_MAX } from './dispute-forms.ts';
import type { MyRecord } from './person-service.ts';
import type { DisputeRow } from './person-store.ts';

export const DISPUTE_STATUS: Record<DisputeRow['status'], { label: string; color: 'primary' | 'success' | 'danger' }> =
  {
    open: { label: '처리 중', color: 'primary' },
    upheld: { label: '인정', color: 'success' },
    rejected: { label: '기각', color: 'danger' },
  };

/** 사업장관리번호 as it is printed: 123-45-67890-1. */
export const formatManagementNo = (n: string) =>
  /^\d{11}$/.test(n) ? `${n.slice(0, 3)}-${n.slice(3, 5)}-${n.slice(5, 10)}-${n.slice(10)}` : n;

export function lossText(r: { lossCode: string | null; lossSubCode: string | null; lossReason: string | null }) {
  if (!r.lossCode) return '-';
  return html`${lossLabel(r.lossCode, r.lossSubCode)} <span class="ilteo-muted">(코드 ${r.lossSubCode || r.lossCode})</span>${r.lossReason ? html`<br>${r.lossReason}` : null}`;
}

/** 취득일, 상실일, 상실사유, 월평균보수 of one stint (shared with the counsellor's page by data, not markup). */
export function recordItems(r: MyRecord | Omit<MyRecord, 'disputes'>) {
  return [
    { term: '사업장관리번호', description: formatManagementNo(r.managementNo) },
    { term: '취득일', description: r.acquiredOn ? formatDate(r.acquiredOn) : '신고 없음' },
    { term: '상실일', description: r.lostOn ? formatDate(r.lostOn) : '재직 중 (상실 신고 없음)' },
    { term: '상실사유', description: lossText(r) },
    { term: '월평균보수', description: r.monthlyWage === null ? '-' : won(r.monthlyWage) },
    ...(r.correctedByOffice
      ? [{ term: '정정', description: '고용센터가 피보험자격 확인 청구를 인정해 고친 기록입니다 (고용보험법 제17조).' }]
      : []),
  ];
}

const WHY = html`<p>고용보험 기록에는 다니신 사업장과 보수, 퇴사 사유가 담겨 있어 본인만 볼 수 있습니다. 사업주가 신고한 기록은 주민등록번호로 찾기 때문에, 일터 계정이 누구의 계정인지 한 번 확인해야 합니다.</p>
<ul>
	<li>본인확인 기관에서 본인임을 확인하면 그 결과만 일터로 전달됩니다. 주민등록번호는 일터에 저장되지 않습니다.</li>
	<li>한 사람은 한 계정으로만 본인확인할 수 있습니다.</li>
	<li>한 번 확인하면 다음부터는 바로 기록을 볼 수 있습니다.</li>
</ul>`;

export function verifyPage(opts: { available: boolean; error: string | null; label: string }): Html {
  return html`<h1 class="heading-xlarge">내 고용보험</h1>
<p class="ilteo-lead">피보험자격 이력(다닌 사업장, 취득일·상실일, 상실사유, 보수)을 보려면 먼저 본인확인이 필요합니다.</p>
${opts.error ? alert({ variant: 'danger', role: 'alert', title: opts.error }) : null}
<h2 class="heading-medium">왜 본인확인을 하나요?</h2>
${WHY}
${
  opts.available
    ? html`<div class="ilteo-actions">${linkButton({ href: '/my/insurance/verify', label: `${opts.label}으로 본인확인하기`, size: 'large' })}</div>`
    : alert({
        variant: 'warning',
        title: '지금은 본인확인을 할 수 없습니다.',
        body: '본인확인 서비스가 연결되어 있지 않습니다. 잠시 뒤 다시 시도하시거나 고객상담센터(1350)로 문의해 주세요.',
      })
}`;
}

function disputeLine(d: DisputeRow): Html {
  const s = DISPUTE_STATUS[d.status];
  return html`<li class="ilteo-dispute">
	${badge({ label: `확인 청구 ${s.label}`, color: s.color, size: 'small' })} <span>${formatDateTime(d.filedAt)} 청구</span>
	<p><strong>청구 이유:</strong> ${d.reason}</p>
	${d.status === 'open' ? html`<p>고용센터에서 확인하고 있습니다. 결정이 나면 이곳에 이유와 함께 보입니다.</p>` : html`<p><strong>${s.label} 이유</strong> (${formatDateTime(d.decidedAt)}): ${d.decisionReason}</p>`}
</li>`;
}

function recordCard(r: MyRecord): Html {
  const open = r.disputes.some((d) => d.status === 'open');
  return html`<section class="ilteo-card" aria-labelledby="record-${r.id}">
	<h2 class="heading-medium" id="record-${r.id}">${r.workplaceName}</h2>
	${descriptionList({ items: recordItems(r), label: `${r.workplaceName} 피보험자격` })}
	${r.disputes.length > 0 ? html`<ul class="ilteo-plain-list">${r.disputes.map(disputeLine)}</ul>` : null}
	${r.lostOn ? html`<p><a href="/my/insurance/records/${r.id}/certificate">이직확인서 요청·확인<span class="sr-only"> (${r.workplaceName})</span></a></p>` : null}
	${open ? null : html`<p><a href="/my/insurance/records/${r.id}/dispute">이 기록이 사실과 다르면 확인 청구하기<span class="sr-only"> (${r.workplaceName})</span></a></p>`}
</section>`;
}

export function recordsPage(opts: { name: string; records: MyRecord[]; verifiedAt: string; notice: string | null }) {
  return html`<h1 class="heading-xlarge">내 고용보험</h1>
<p class="ilteo-lead">${opts.name} 님의 피보험자격 이력입니다. 사업주가 신고한 취득·상실과 보수를 보여 드립니다 (${formatDate(opts.verifiedAt)} 본인확인).</p>
${opts.notice ? alert({ variant: 'success', role: 'status', title: opts.notice }) : null}
${
  opts.records.length === 0
    ? emptyState({
        title: '신고된 고용보험 기록이 없습니다.',
        body: html`<p>사업주가 피보험자격 취득을 신고하면 이곳에 보입니다. 일한 적이 있는데 기록이 없다면 고용센터에 피보험자격 확인을 청구할 수 있습니다.</p>`,
      })
    : opts.records.map(recordCard)
}
<p class="ilteo-muted">기록이 사실과 다르면 고용보험법 제17조에 따라 피보험자격의 확인을 청구할 수 있습니다. 고용센터가 확인하고 그 결과와 이유를 알려 드립니다.</p>`;
}

export function disputeFormPage(r: MyRecord, typed: { reason: string }, errors: Errors, token: string): Html {
  return html`<h1 class="heading-xlarge">피보험자격 확인 청구</h1>
<p>아래 기록 가운데 사실과 다른 내용을 적어 주세요. 고용센터 상담원이 사업장 신고와 함께 확인하고 인정 또는 기각을 이유와 함께 알려 드립니다.</p>
${errorSummary(errors)}
<h2 class="heading-medium">${r.workplaceName}</h2>
${descriptionList({ items: recordItems(r), label: '청구하는 기록' })}
<form method="post" action="/my/insurance/records/${r.id}/dispute" novalidate>
	${csrfField(token)}
	${textarea('reason', '청구 이유 (필수)', typed.reason, REASON_MAX, errors.reason, '예: 실제 퇴사일은 2026년 6월 30일이고, 회사 사정으로 인한 권고사직이었습니다.')}
	<div class="ilteo-actions">${button({ label: '확인 청구하기', type: 'submit', size: 'large' })} <a href="/my/insurance">취소</a></div>
</form>`;
}
