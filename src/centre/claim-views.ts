/**
 * 고용센터 업무 for 구직급여, the pages: the queue of claims at the centre, and the review page with every
 * filed fact, the figures and their reasons, the decision forms (while 심사 중), the 실업인정 (in
 * recognition-views.ts), the planning note and the ledger.
 */

import { CLAIM_STATUS } from '../benefits/labels.ts';
import { JUSTIFIED_REASONS, SEPARATION_REASONS } from '../benefits/rules.ts';
import { type Claim, profileOf, REJECTION_CODES } from '../benefits/service.ts';
import type { ClaimedPeriod, RecordFlag } from '../insurance/claim-records.ts';
import type { ClaimRecords } from '../insurance/claim-records-service.ts';
import { type Eligibility, lossLabel } from '../insurance/codes.ts';
import { formatManagementNo } from '../insurance/management-no.ts';
import { addDays, formatDate, formatDateTime, formatKoreanDate } from '../shared/dates.ts';
import { won } from '../shared/korean.ts';
import {
  alert,
  badge,
  button,
  descriptionList,
  emptyState,
  errorSummary,
  select,
  table,
  textInput,
} from '../web/components.ts';
import type { Errors, Values } from '../web/forms.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import { CYCLES } from './claim-forms.ts';
import type { ClaimReview, QueueStatus } from './claim-service.ts';
import { recognitionsSection } from './recognition-views.ts';

const EVENT_LABELS: Record<string, string> = {
  'claim.filed': '수급자격 신청',
  'claim.approved': '수급자격 인정',
  'claim.rejected': '수급자격 불인정',
  'schedule.set': '실업인정 일정 정함',
  'schedule.moved': '실업인정일 변경',
  'recognition.filed': '실업인정 신청',
  'recognition.rejected': '실업인정 불인정',
  payment: '지급',
  note: '재취업 계획 메모',
};

const STATUSES = ['all', 'submitted', 'approved', 'rejected'] as const;

type QueueRow = Claim & { filedRecognitions: number };

/** 구직급여 심사: the centre's claims, those to review and to confirm first, filtered by state. */
export function queuePage(
  queue: { scope: string | null; centreName: string | null; claims: QueueRow[] },
  status: QueueStatus,
): Html {
  const { claims } = queue;
  return html`<h1 class="heading-xlarge">구직급여 심사</h1>
<p>${queue.scope === null ? '모든 고용센터' : queue.centreName}의 신청입니다. 심사 중인 신청과 실업인정을 확인할 신청이 먼저 나옵니다.</p>
<nav class="ilteo-tabs" aria-label="상태로 거르기">${STATUSES.map(
    (s) =>
      html`<a href="/centre/claims${s === 'all' ? '' : `?status=${s}`}"${s === status ? html` aria-current="page"` : null}>${s === 'all' ? '전체' : CLAIM_STATUS[s].label}</a> `,
  )}</nav>
${
  claims.length === 0
    ? emptyState({ title: '신청이 없습니다', body: '개인회원이 이 센터로 수급자격을 신청하면 여기에 나타납니다.' })
    : table({
        caption: `신청 ${claims.length}건: 신청인, 신청일, 상태, 확인할 실업인정, 구직급여일액, 소정급여일수`,
        columns: [
          { header: '신청인' },
          { header: '신청일' },
          { header: '상태' },
          { header: '확인할 실업인정', align: 'right' },
          { header: '구직급여일액', align: 'right' },
          { header: '소정급여일수', align: 'right' },
        ],
        rowHeaders: true,
        rows: claims.map((c) => [
          html`<a href="/centre/claims/${c.id}">${c.claimantName}</a>`,
          formatKoreanDate(c.reportDate),
          CLAIM_STATUS[c.status].label,
          c.filedRecognitions > 0 ? html`<strong>${c.filedRecognitions}건</strong>` : '-',
          won(c.dailyAmount),
          `${c.benefitDays}일`,
        ]),
      })
}`;
}

/** What a recognition decision answers with: the review page with this notice (kept as the outcome). */
export type DecisionNotice = { variant: 'success' | 'info'; title: string };

/** The review page's forms: messages and what was typed, or the notice of a decision just made. */
export interface ReviewForm {
  errors?: Errors;
  values?: Values;
  notice?: DecisionNotice | null;
}

/** The review page of one claim. */
export function reviewPage(claim: Claim, review: ClaimReview, form: ReviewForm, token: string): Html {
  const errors = form.errors ?? {};
  const values = form.values ?? {};
  const check = review.eligibility;
  const status = CLAIM_STATUS[claim.status];
  return html`<h1 class="heading-xlarge">${claim.claimantName} 님 구직급여 신청 <span class="ilteo-h1-badge">${badge({ label: status.label, color: status.color, fill: 'bg-light' })}</span></h1>
${errorSummary(errors)}
${form.notice ? alert({ variant: form.notice.variant, role: 'status', title: form.notice.title }) : null}
${check.eligible ? alert({ variant: 'success', title: '신고한 내용으로는 수급 요건을 갖추었습니다', body: html`<ul class="ilteo-reasons">${check.reasons.map((r) => html`<li>${r}</li>`)}</ul>` }) : alert({ variant: 'warning', title: '신고한 내용에 문제가 있습니다', body: html`<ul class="ilteo-reasons">${check.problems.map((r) => html`<li>${r}</li>`)}</ul>` })}
${factsSection(claim)}
${recordsSection(review.records)}
${figuresSection(claim, review)}
${claim.status === 'submitted' ? decisionSection(claim, errors, values, token) : null}
${recognitionsSection(claim, review, errors, values, token)}
${planningSection(claim, token)}
${ledgerSection(review.ledger)}`;
}

/** 신고 내용: the facts the claimant filed. */
function factsSection(claim: Claim): Html {
  const reason = SEPARATION_REASONS.find((r) => r.code === claim.separationReason);
  const justified = JUSTIFIED_REASONS.find((j) => j.code === claim.justifiedReason);
  return html`<section class="ilteo-section" aria-labelledby="facts"><h2 id="facts" class="heading-medium">신고 내용</h2>
${descriptionList({
  columns: 2,
  items: [
    { term: '실업신고일', description: formatKoreanDate(claim.reportDate) },
    { term: '마지막 사업장', description: claim.companyName },
    { term: '이직일', description: formatKoreanDate(claim.separationDate) },
    {
      term: '이직 사유',
      description: `${claim.separationReason} ${reason?.label ?? ''}${justified ? ` — ${justified.label}` : ''}`,
    },
    { term: '피보험기간', description: `${claim.insuredMonths}개월` },
    { term: '피보험단위기간 (18개월)', description: `${claim.insuredUnitDays}일` },
    {
      term: '평균임금 / 통상임금',
      description: `${won(claim.averageDailyWage)} / ${claim.ordinaryDailyWage === null ? '-' : won(claim.ordinaryDailyWage)}`,
    },
    { term: '1일 소정근로시간', description: `${claim.dailyHours}시간` },
    { term: '생년월일 (이직일 당시 나이)', description: `${claim.birthDate} (만 ${profileOf(claim).age}세)` },
    { term: '장애인', description: claim.disabled ? '예' : '아니요' },
  ],
})}</section>`;
}

const reasons = (list: readonly string[]) =>
  html`<ul class="ilteo-reasons">${list.map((r) => html`<li>${r}</li>`)}</ul>`;

/** 산정 결과: the figures with their reasons, under the rule version they were computed by. */
function figuresSection(claim: Claim, review: ClaimReview): Html {
  return html`<section class="ilteo-section" aria-labelledby="figures"><h2 id="figures" class="heading-medium">산정 결과 (규정 ${claim.ruleVersion})</h2>
${table({
  caption: '산정 결과: 항목, 값, 이유',
  columns: [{ header: '항목', width: 'narrow' }, { header: '값', width: 'narrow', align: 'right' }, { header: '이유' }],
  rowHeaders: true,
  rows: [
    ['구직급여일액', won(claim.dailyAmount), reasons(review.daily.reasons)],
    ['소정급여일수', `${claim.benefitDays}일`, reasons(review.days.reasons)],
    ['수급기간 끝', formatKoreanDate(claim.benefitPeriodEnd), '이직일 다음 날부터 12개월 (고용보험법 제48조)'],
    ['지급', `${claim.paidDays}일 ${won(claim.totalPaid)}`, `남은 날 ${claim.benefitDays - claim.paidDays}일`],
  ],
})}</section>`;
}

/** 결정: 수급자격 인정 (1차 실업인정일 two weeks after the report by default) or 불인정. */
function decisionSection(claim: Claim, errors: Errors, values: Values, token: string): Html {
  const defaultFirst = addDays(claim.reportDate, 14);
  return html`<section class="ilteo-section" aria-labelledby="decide"><h2 id="decide" class="heading-medium">결정</h2>
<div class="ilteo-decide">
<form method="post" action="/centre/claims/${claim.id}/approve" novalidate class="ilteo-subform">
	<h3 class="heading-small">수급자격 인정</h3>
	${csrfField(token)}
	${textInput({ id: 'firstDate', name: 'firstDate', label: '1차 실업인정일', type: 'date', value: values.firstDate ?? defaultFirst, required: true, hint: '주말·공휴일이면 다음 평일로 옮깁니다', error: errors.firstDate })}
	${select({ id: 'cycleDays', name: 'cycleDays', label: '실업인정 주기', value: values.cycleDays ?? '28', options: CYCLES.map((d) => ({ value: String(d), label: `${d / 7}주` })) })}
	<div class="form-group"><div class="form-conts"><div class="krds-form-check"><input type="checkbox" id="repeatClaimant" name="repeatClaimant" value="yes"${claim.repeatClaimant || values.repeatClaimant === 'yes' ? html` checked` : null}><label for="repeatClaimant">반복수급자 (최근 5년 3회 이상 수급)</label></div></div></div>
	${textInput({ id: 'approveNote', name: 'note', label: '메모 (선택)', value: values.note ?? '' })}
	<div class="ilteo-actions">${button({ label: '인정', type: 'submit' })}</div>
</form>
<form method="post" action="/centre/claims/${claim.id}/reject" novalidate class="ilteo-subform">
	<h3 class="heading-small">불인정</h3>
	${csrfField(token)}
	${select({ id: 'code', name: 'code', label: '불인정 사유', options: [{ value: '', label: '선택하세요' }, ...Object.entries(REJECTION_CODES).map(([value, label]) => ({ value, label: `${value} ${label}` }))], value: values.code ?? '', required: true, error: errors.code })}
	${textInput({ id: 'rejectNote', name: 'note', label: '신청인에게 보일 설명', value: values.rejectNote ?? '', required: true, error: errors.rejectNote })}
	<div class="ilteo-actions">${button({ label: '불인정 (확인 화면으로)', type: 'submit', variant: 'secondary' })}</div>
</form>
</div></section>`;
}

/** 재취업 계획 메모: the counsellor's planning note. */
function planningSection(claim: Claim, token: string): Html {
  return html`<section class="ilteo-section" aria-labelledby="planning"><h2 id="planning" class="heading-medium">재취업 계획 메모</h2>
<form method="post" action="/centre/claims/${claim.id}/note" class="ilteo-subform">
	${csrfField(token)}
	<div class="form-group"><div class="form-tit"><label for="planningNote">상담 내용과 재취업 계획</label></div><div class="form-conts"><textarea id="planningNote" name="note" class="krds-input" rows="4" maxlength="2000">${claim.planningNote}</textarea></div></div>
	<div class="ilteo-actions">${button({ label: '메모 저장', type: 'submit', variant: 'secondary' })}</div>
</form></section>`;
}

/** 처리 기록 (원장): every event of the claim, who did it, and the days and amount paid. */
function ledgerSection(ledger: ClaimReview['ledger']): Html {
  return html`<section class="ilteo-section" aria-labelledby="ledger"><h2 id="ledger" class="heading-medium">처리 기록 (원장)</h2>
${table({
  caption: '처리 기록: 시각, 처리자, 내용, 일수, 금액',
  columns: [
    { header: '시각' },
    { header: '처리자' },
    { header: '내용' },
    { header: '일수', align: 'right' },
    { header: '금액', align: 'right' },
  ],
  rows: ledger.map((l) => [
    formatDateTime(l.at),
    l.actorName ?? '-',
    EVENT_LABELS[l.event] ?? l.event,
    l.days === null ? '' : `${l.days}일`,
    l.amount === null ? '' : won(l.amount),
  ]),
})}</section>`;
}

const ELIGIBILITY: Record<Eligibility, string> = {
  eligible: '수급자격 있음',
  'needs-review': '사유에 따라 판단',
  'not-eligible': '수급자격 제한',
};

const lossText = (code: string | null, sub: string | null) =>
  code ? `${lossLabel(code, sub)} · 코드 ${sub || code}` : '-';

const periodText = (p: ClaimedPeriod) =>
  `${p.seq}차 ${formatDate(p.periodStart)}~${formatDate(p.periodEnd)} (${p.paid ? '지급' : '신청'})`;

/** One flag: the mismatch of 상실사유 for decision, or a 취득 during the benefit as possible 부정수급. */
function flagAlert(flag: RecordFlag): Html {
  if (flag.kind === 'reason-mismatch') {
    const from = flag.employer.source === 'certificate' ? '이직확인서' : '상실 신고';
    return alert({
      variant: flag.decisive ? 'warning' : 'info',
      headingLevel: 3,
      title: flag.decisive
        ? '이직사유가 다릅니다: 수급자격 판단이 달라지므로 결정이 필요합니다'
        : '이직사유 코드가 다릅니다: 확인해 주세요',
      body: html`<ul class="ilteo-reasons">
<li>사업주 (${from}, ${flag.employer.workplaceName}): ${lossText(flag.employer.lossCode, flag.employer.lossSubCode)} — ${ELIGIBILITY[flag.employerEligibility]}</li>
<li>신청인: ${flag.claimCode} ${flag.claimLabel} — ${ELIGIBILITY[flag.claimEligibility]}</li>
<li>근거: ${flag.citations.join('; ')}</li></ul>`,
    });
  }
  return alert({
    variant: 'danger',
    role: 'none',
    headingLevel: 3,
    title: `부정수급 의심: 수급 중 ${flag.workplaceName}에서 피보험자격 취득 (${formatDate(flag.acquiredOn)})`,
    body: html`<ul class="ilteo-reasons">
<li>취득일 이후까지 실업인정을 신청하거나 지급받은 차수: ${flag.periods.map(periodText).join(', ')}</li>
<li>취업 사실 신고 여부를 확인하고, 거짓·부정한 방법으로 받은 급여면 지급 제한 절차를 밟습니다.</li>
<li>근거: ${flag.citations.join('; ')}</li></ul>`,
  });
}

/** 고용보험 기록: the claimant's 피보험자격 이력 and newest 이직확인서 beside the claim, with the flags. */
function recordsSection(records: ClaimRecords): Html {
  const head = html`<h2 id="records" class="heading-medium">고용보험 기록 (사업주 신고)</h2>`;
  if (!records.verified)
    return html`<section class="ilteo-section" aria-labelledby="records">${head}
<p><strong>본인확인 전: 기록을 볼 수 없습니다.</strong> 신청인이 내 고용보험에서 본인확인을 하면 사업주가 신고한 기록이 여기에 나옵니다.</p></section>`;
  const { stints, certificate, flags } = records;
  return html`<section class="ilteo-section" aria-labelledby="records">${head}
<p>신청인이 ${formatDate(records.verifiedAt)}에 본인확인을 했습니다. 사업주가 신고한 피보험자격 취득·상실과 이직확인서입니다.</p>
${flags.map(flagAlert)}
${
  stints.length === 0
    ? emptyState({ title: '신고된 기록이 없습니다', body: '사업주가 이 사람의 피보험자격을 신고하지 않았습니다.' })
    : table({
        caption: `피보험자격 이력 ${stints.length}건: 사업장, 취득일, 상실일, 상실사유, 월평균보수`,
        columns: [
          { header: '사업장' },
          { header: '취득일' },
          { header: '상실일' },
          { header: '상실사유' },
          { header: '월평균보수', align: 'right' },
        ],
        rowHeaders: true,
        rows: stints.map((s) => [
          html`${s.workplaceName}<br><span class="ilteo-muted">${formatManagementNo(s.managementNo)}</span>`,
          s.acquiredOn ? formatDate(s.acquiredOn) : '신고 없음',
          s.lostOn ? formatDate(s.lostOn) : '재직 중',
          html`${lossText(s.lossCode, s.lossSubCode)}${s.lossReason ? html`<br>${s.lossReason}` : null}`,
          s.monthlyWage === null ? '-' : won(s.monthlyWage),
        ]),
      })
}
${
  certificate
    ? html`<h3 class="heading-small">이직확인서 (최근)</h3>
${descriptionList({
  columns: 2,
  label: '최근 이직확인서',
  items: [
    { term: '사업장', description: certificate.workplaceName },
    { term: '이직일', description: formatDate(certificate.separatedOn) },
    { term: '이직사유', description: lossText(certificate.lossCode, certificate.lossSubCode) },
    { term: '구체적 사유', description: certificate.reason },
    { term: '제출일', description: formatDate(certificate.filedAt) },
  ],
})}`
    : html`<p>이직확인서: 아직 제출되지 않았습니다.</p>`
}
</section>`;
}
