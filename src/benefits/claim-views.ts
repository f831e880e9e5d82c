/**
 * 내 신청 for the claimant: the claim with its decision, the next 실업인정일, the figures, the schedule
 * with 지급 내역, and the 실업인정일 변경 form.
 */
import { formatKoreanDate } from '../shared/dates.ts';
import { josa, won } from '../shared/korean.ts';
import { alert, badge, button, descriptionList, errorSummary, select, table, textInput } from '../web/components.ts';
import { confirmStep } from '../web/confirm.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import { CLAIM_STATUS, periodText, RECOGNITION_STATUS, recognitionState } from './labels.ts';
import { CHANGE_KINDS, type ChangeKind, type Claim, REJECTION_CODES, type Recognition } from './model.ts';

export function claimPage(opts: {
  claim: Claim;
  recognitions: readonly Recognition[];
  today: string;
  notice: Html | null;
}): Html {
  const { claim } = opts;
  const status = CLAIM_STATUS[claim.status];
  return html`<h1 class="heading-xlarge">구직급여 신청 <span class="ilteo-h1-badge">${badge({ label: status.label, color: status.color, fill: 'bg-light' })}</span></h1>
${opts.notice}
${claim.status === 'rejected' ? alert({ variant: 'danger', role: 'none', title: '수급자격이 인정되지 않았습니다.', body: html`<p>사유: ${rejectionReason(claim)}</p>${claim.decisionNote ? html`<p>고용센터의 설명: ${claim.decisionNote}</p>` : null}<p>이의가 있으면 결정을 안 날부터 90일 안에 심사를 청구할 수 있습니다.</p>` }) : null}
${rejectedRecognitions(claim, opts.recognitions)}
${nextRecognition(claim, opts.recognitions, opts.today)}
${claimFigures(claim)}
${opts.recognitions.length > 0 ? scheduleSection(claim, opts.recognitions, opts.today) : null}`;
}

/** Each 불인정 차수, with its reason and a link to it. */
function rejectedRecognitions(claim: Claim, recognitions: readonly Recognition[]): Html[] {
  return recognitions
    .filter((r) => r.status === 'rejected')
    .map((r) =>
      alert({
        variant: 'danger',
        role: 'none',
        title: `${r.seq}차 실업인정(${periodText(r.periodStart, r.periodEnd)})이 불인정되었습니다.`,
        body: html`사유: ${r.decisionNote ?? '고용센터에 문의해 주세요.'} <a href="/benefits/claims/${claim.id}/recognitions/${r.seq}">${r.seq}차 실업인정 자세히 보기</a>`,
      }),
    );
}

/** The next 실업인정일 of an approved claim: open now (the link to file), or when, and how to move it. */
function nextRecognition(claim: Claim, recognitions: readonly Recognition[], today: string): Html | null {
  const next = recognitions.find((r) => ['open', 'scheduled'].includes(recognitionState(r, today)));
  return next && claim.status === 'approved'
    ? alert({
        variant: recognitionState(next, today) === 'open' ? 'info' : 'info',
        role: 'status',
        title: html`다음 실업인정일: ${next.seq}차 ${formatKoreanDate(next.scheduledDate)}`,
        body:
          recognitionState(next, today) === 'open'
            ? html`지금 신청할 수 있습니다. <a href="/benefits/claims/${claim.id}/recognitions/${next.seq}">${next.seq}차 실업인정 신청하기</a>`
            : html`실업인정일 6일 전부터 당일까지 신청할 수 있습니다.${next.movedBecause ? html` (옮긴 이유: ${next.movedBecause})` : null} 그날 올 수 없으면 <a href="/benefits/claims/${claim.id}/recognitions/${next.seq}/change">실업인정일 변경 신청</a>.`,
      })
    : null;
}

function claimFigures(claim: Claim): Html {
  const remaining = claim.benefitDays - claim.paidDays;
  return descriptionList({
    columns: 2,
    items: [
      { term: '실업신고일', description: formatKoreanDate(claim.reportDate) },
      { term: '고용센터', description: claim.centreName },
      { term: '구직급여일액', description: won(claim.dailyAmount) },
      { term: '소정급여일수', description: `${claim.benefitDays}일` },
      { term: '받은 날 / 남은 날', description: `${claim.paidDays}일 / ${remaining}일` },
      { term: '받은 금액', description: won(claim.totalPaid) },
      {
        term: '수급기간 끝',
        description: html`<strong>${formatKoreanDate(claim.benefitPeriodEnd)}</strong> (이날이 지나면 남은 날은 받을 수 없습니다)`,
      },
      { term: '실업인정 주기', description: claim.cycleDays ? `${claim.cycleDays / 7}주마다` : '심사 후 정해집니다' },
    ],
  });
}

function scheduleSection(claim: Claim, recognitions: readonly Recognition[], today: string): Html {
  return html`<section class="ilteo-section" aria-labelledby="schedule"><h2 id="schedule" class="heading-medium">실업인정 일정과 지급 내역</h2>
${table({
  caption: '실업인정 일정과 지급 내역: 차수, 실업인정일, 대상 기간, 상태, 지급 일수, 지급액',
  columns: [
    { header: '차수' },
    { header: '실업인정일' },
    { header: '대상 기간' },
    { header: '상태' },
    { header: '지급 일수', align: 'right' },
    { header: '지급액', align: 'right' },
  ],
  rowHeaders: true,
  rows: recognitions.map((r) => {
    const state = recognitionState(r, today);
    return [
      `${r.seq}차`,
      html`${formatKoreanDate(r.scheduledDate)}${r.movedBecause ? html`<br><span class="ilteo-muted">옮김: ${r.movedBecause}</span>` : null}`,
      `${formatKoreanDate(r.periodStart)} ~ ${formatKoreanDate(r.periodEnd)}`,
      state === 'open'
        ? html`<a href="/benefits/claims/${claim.id}/recognitions/${r.seq}">신청하기</a>`
        : r.status === 'scheduled'
          ? RECOGNITION_STATUS[state]
          : html`<a href="/benefits/claims/${claim.id}/recognitions/${r.seq}">${RECOGNITION_STATUS[state]}</a>${r.status === 'rejected' && r.decisionNote ? html`<br><span class="ilteo-muted">사유: ${r.decisionNote}</span>` : null}`,
      r.paidDays === null ? '-' : `${r.paidDays}일`,
      r.amount === null ? '-' : won(r.amount),
    ];
  }),
})}</section>`;
}

/** The 수급자격 불인정 reason as the claimant reads it: the code's wording (the code itself is for staff). */
function rejectionReason(claim: Claim): string {
  const code = claim.decisionCode as keyof typeof REJECTION_CODES | null;
  return code && Object.hasOwn(REJECTION_CODES, code) ? REJECTION_CODES[code] : '고용센터에 문의해 주세요.';
}

export function changePage(opts: {
  claim: Claim;
  recognition: Recognition;
  kinds: Readonly<Record<string, string>>;
  values: { newDate: string; kind: string; evidence: string };
  errors: Record<string, string>;
  csrf: string;
}): Html {
  const { claim, recognition: r } = opts;
  return html`<h1 class="heading-xlarge">${r.seq}차 실업인정일 변경 신청</h1>
<p>지금 실업인정일은 ${formatKoreanDate(r.scheduledDate)}입니다. 실업인정일 전날까지 바꿀 수 있습니다.
개인 사정으로는 수급 기간 중 한 번만 바꿀 수 있고${claim.personalChangeUsed ? html` <strong>(이미 사용함)</strong>` : null},
질병·면접·직업훈련 같은 사유는 증빙이 있으면 횟수와 관계없이 바꿀 수 있습니다.</p>
${errorSummary(opts.errors)}
<form method="post" action="/benefits/claims/${claim.id}/recognitions/${r.seq}/change" novalidate>
	${csrfField(opts.csrf)}
	${textInput({ id: 'newDate', name: 'newDate', label: '바꿀 날짜 (평일)', type: 'date', value: opts.values.newDate, required: true, error: opts.errors.newDate })}
	${select({ id: 'kind', name: 'kind', label: '사유', options: [{ value: '', label: '선택하세요' }, ...Object.entries(opts.kinds).map(([value, label]) => ({ value, label }))], value: opts.values.kind, required: true, error: opts.errors.kind })}
	${textInput({ id: 'evidence', name: 'evidence', label: '증빙 (개인 사정이 아니면 필수)', value: opts.values.evidence, maxlength: 200, hint: '예: ○○의원 진단서 (11.20. 발급), △△(주) 면접 확인서', error: opts.errors.evidence })}
	<div class="ilteo-actions">${button({ label: '다음: 변경 내용 확인', type: 'submit', size: 'large' })}</div>
</form>`;
}

/** The change restated for confirmation: the new date, the new period, and the personal change it uses. */
export function changeConfirmPage(opts: {
  claimId: number;
  plan: {
    target: Pick<Recognition, 'seq' | 'scheduledDate'>;
    moved: { date: string; periodStart: string; periodEnd: string };
  };
  change: { kind: ChangeKind };
  values: { newDate: string; kind: string; evidence: string };
  csrf: string;
}): Html {
  const { plan, change, values } = opts;
  const to = formatKoreanDate(plan.moved.date);
  const href = `/benefits/claims/${opts.claimId}/recognitions/${plan.target.seq}/change`;
  return confirmStep({
    heading: `${plan.target.seq}차 실업인정일 변경 확인`,
    effect: `${plan.target.seq}차 실업인정일을 ${formatKoreanDate(plan.target.scheduledDate)}에서 ${josa(to, '으로/로')} 바꿉니다. 대상 기간은 ${periodText(plan.moved.periodStart, plan.moved.periodEnd)}가 됩니다.${change.kind === 'personal' ? ' 개인 사정으로는 수급 기간 중 한 번만 바꿀 수 있고, 이 변경으로 그 한 번을 씁니다.' : ''} 사유: ${CHANGE_KINDS[change.kind]}`,
    details: [
      { term: '새 실업인정일', description: to },
      { term: '사유', description: CHANGE_KINDS[change.kind] },
      { term: '증빙', description: values.evidence || '(없음)' },
    ],
    action: href,
    csrf: opts.csrf,
    fields: values,
    confirmLabel: '변경 확정',
    cancelHref: href,
    cancelLabel: '고치러 돌아가기',
  });
}
