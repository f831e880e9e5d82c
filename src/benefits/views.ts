/**
 * 실업급여 pages for claimants: 안내, 예상 수급액 (estimate with the reason for every figure),
 * 수급자격 신청, 내 신청 (schedule, 지급 내역, remaining days), 실업인정 신청 with 재취업활동.
 */
import type { JobCentre } from '../identity/accounts.ts';
import { formatDateTime, formatKoreanDate } from '../shared/dates.ts';
import { won } from '../shared/korean.ts';
import {
  alert,
  badge,
  button,
  descriptionList,
  errorSummary,
  linkButton,
  select,
  table,
  textInput,
} from '../web/components.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import type { ActivityCheck } from './activities.ts';
import type { Estimate } from './calculate.ts';
import type { ClaimFormValues } from './form.ts';
import { CLAIM_STATUS, periodText, RECOGNITION_STATUS, recognitionState } from './labels.ts';
import { ACTIVITY_KINDS, type ActivityKind, JUSTIFIED_REASONS, SEPARATION_REASONS } from './rules.ts';
import { type Activity, type Claim, REJECTION_CODES, type Recognition } from './service.ts';

export function benefitsHome(opts: { signedInClaims: readonly Claim[] | null }): Html {
  return html`<h1 class="heading-xlarge">실업급여 (구직급여)</h1>
<p class="ilteo-lead">회사를 그만두게 되어 일자리를 찾는 동안 생활을 돕는 고용보험 급여입니다. 이직 전 18개월 동안 고용보험 가입 180일 이상, 비자발적 이직(정당한 사유의 자진 퇴사 포함), 적극적인 재취업활동이 조건입니다.</p>
${
  opts.signedInClaims && opts.signedInClaims.length > 0
    ? html`<section class="ilteo-section" aria-labelledby="my-claims"><h2 id="my-claims" class="heading-medium">내 신청</h2>
${table({
  caption: '내 구직급여 신청: 신청일, 상태, 구직급여일액, 소정급여일수',
  columns: [
    { header: '신청' },
    { header: '상태' },
    { header: '구직급여일액', align: 'right' },
    { header: '소정급여일수', align: 'right' },
  ],
  rows: opts.signedInClaims.map((c) => [
    html`<a href="/benefits/claims/${c.id}">${formatKoreanDate(c.reportDate)} 신청</a>`,
    CLAIM_STATUS[c.status].label,
    won(c.dailyAmount),
    `${c.benefitDays}일`,
  ]),
  rowHeaders: true,
})}</section>`
    : null
}
<ul class="ilteo-choice-list">
	<li><a class="ilteo-choice" href="/benefits/estimate"><strong>예상 수급액 계산</strong><span>로그인 없이 하루 받을 금액, 받을 날 수, 수급기간 끝나는 날을 이유와 함께 봅니다</span></a></li>
	<li><a class="ilteo-choice" href="/benefits/apply"><strong>수급자격 신청</strong><span>개인회원 로그인 후 온라인으로 신청합니다 (실업신고)</span></a></li>
</ul>`;
}

function reasonList(reasons: readonly string[]): Html {
  return html`<ul class="ilteo-reasons">${reasons.map((r) => html`<li>${r}</li>`)}</ul>`;
}

export function claimFields(values: ClaimFormValues, errors: Record<string, string>): Html {
  const reasonOptions = [
    { value: '', label: '선택' },
    ...SEPARATION_REASONS.map((r) => ({ value: r.code, label: `${r.code} ${r.label}` })),
  ];
  const justifiedOptions = [
    { value: '', label: '해당 없음' },
    ...JUSTIFIED_REASONS.map((j) => ({ value: j.code, label: j.label })),
  ];
  return html`<fieldset class="fieldset ilteo-fieldset"><legend class="ilteo-legend">이직 정보</legend>
	${textInput({ id: 'separationDate', name: 'separationDate', label: '이직일 (마지막으로 일한 날)', type: 'date', value: values.separationDate, required: true, error: errors.separationDate })}
	${select({ id: 'separationReason', name: 'separationReason', label: '이직 사유 (이직확인서의 상실 사유)', options: reasonOptions, value: values.separationReason, required: true, error: errors.separationReason })}
	${select({ id: 'justifiedReason', name: 'justifiedReason', label: '정당한 이직 사유 (자진 퇴사일 때)', options: justifiedOptions, value: values.justifiedReason, error: errors.justifiedReason, hint: '자진 퇴사(12)라도 이런 사유가 있으면 받을 수 있습니다. 증빙은 고용센터가 확인합니다.' })}
	${textInput({ id: 'insuredMonths', name: 'insuredMonths', label: '피보험기간 (개월)', inputmode: 'numeric', value: values.insuredMonths, required: true, hint: '고용보험에 가입한 기간을 모두 합친 개월 수', error: errors.insuredMonths })}
	${textInput({ id: 'insuredUnitDays', name: 'insuredUnitDays', label: '피보험단위기간 (이직 전 18개월, 일)', inputmode: 'numeric', value: values.insuredUnitDays, required: true, hint: '이직 전 18개월 동안 임금을 받은 날 수 (유급휴일 포함)', error: errors.insuredUnitDays })}
</fieldset>
<fieldset class="fieldset ilteo-fieldset"><legend class="ilteo-legend">임금과 근로시간</legend>
	${select({
    id: 'wageMode',
    name: 'wageMode',
    label: '평균임금 입력 방법',
    options: [
      { value: 'average', label: '1일 평균임금을 직접 입력' },
      { value: 'total', label: '이직 전 3개월 임금 총액으로 계산' },
    ],
    value: values.wageMode,
  })}
	${textInput({ id: 'averageDailyWage', name: 'averageDailyWage', label: '1일 평균임금 (원)', inputmode: 'numeric', value: values.averageDailyWage, error: errors.averageDailyWage })}
	${textInput({ id: 'totalWages3m', name: 'totalWages3m', label: '이직 전 3개월 임금 총액 (원)', inputmode: 'numeric', value: values.totalWages3m, error: errors.totalWages3m })}
	${textInput({ id: 'days3m', name: 'days3m', label: '그 3개월의 날 수 (일)', inputmode: 'numeric', value: values.days3m, hint: '달력 날 수: 89~92일', error: errors.days3m })}
	${textInput({ id: 'ordinaryDailyWage', name: 'ordinaryDailyWage', label: '1일 통상임금 (원, 선택)', inputmode: 'numeric', value: values.ordinaryDailyWage, hint: '평균임금보다 많으면 통상임금으로 계산합니다', error: errors.ordinaryDailyWage })}
	${textInput({ id: 'dailyHours', name: 'dailyHours', label: '1일 소정근로시간 (시간)', inputmode: 'decimal', value: values.dailyHours, required: true, hint: '시간제라면 실제 하루 근로시간 (예: 4, 6.5)', error: errors.dailyHours })}
</fieldset>
<fieldset class="fieldset ilteo-fieldset"><legend class="ilteo-legend">본인 정보</legend>
	${textInput({ id: 'birthDate', name: 'birthDate', label: '생년월일', type: 'date', value: values.birthDate, required: true, hint: '이직일 당시 나이로 소정급여일수를 정합니다. 주민등록번호는 받지 않습니다.', error: errors.birthDate })}
	<div class="form-group"><div class="form-conts"><div class="krds-form-check">
		<input type="checkbox" id="disabled" name="disabled" value="yes"${values.disabled === 'yes' ? html` checked` : null}>
		<label for="disabled">장애인고용촉진법에 따른 장애인입니다</label>
	</div></div></div>
</fieldset>`;
}

export function estimatePage(opts: {
  values: ClaimFormValues;
  errors: Record<string, string>;
  result: Estimate | null;
  reportDate: string;
}): Html {
  const r = opts.result;
  return html`<h1 class="heading-xlarge">예상 수급액 계산</h1>
<p>로그인하지 않아도 됩니다. 입력한 내용은 저장하지 않습니다. 실제 금액은 고용센터가 이직확인서로 확인한 뒤 정합니다.</p>
${errorSummary(opts.errors)}
${
  r
    ? html`<section class="ilteo-section ilteo-estimate" aria-labelledby="estimate-result">
	<h2 id="estimate-result" class="heading-medium">계산 결과 (오늘 ${formatKoreanDate(opts.reportDate)} 신청한다면)</h2>
	${
    r.eligibility.eligible
      ? alert({
          variant: 'success',
          role: 'status',
          title: '입력한 내용으로는 수급 요건을 갖추었습니다.',
          body: reasonList(r.eligibility.reasons),
        })
      : alert({
          variant: 'warning',
          role: 'status',
          title: '입력한 내용으로는 받을 수 없습니다.',
          body: reasonList(r.eligibility.problems),
        })
  }
	${table({
    caption: '예상 수급액: 항목, 값, 이유',
    columns: [
      { header: '항목', width: 'narrow' },
      { header: '값', width: 'narrow', align: 'right' },
      { header: '이유' },
    ],
    rowHeaders: true,
    rows: [
      ['구직급여일액', won(r.daily.value.amount), reasonList(r.daily.reasons)],
      ['소정급여일수', `${r.days.value}일`, reasonList(r.days.reasons)],
      ['총 예상액', won(r.total.value), reasonList(r.total.reasons)],
      [
        '대기기간',
        `${formatKoreanDate(r.waiting.value.from)} ~ ${formatKoreanDate(r.waiting.value.to)}`,
        reasonList(r.waiting.reasons),
      ],
      ['수급기간 끝', formatKoreanDate(r.periodEnd.value), reasonList(r.periodEnd.reasons)],
      ['받을 수 있는 날', `${r.payableWithinPeriod.value}일`, reasonList(r.payableWithinPeriod.reasons)],
    ],
  })}
	<div class="ilteo-actions">${linkButton({ href: `/benefits/apply?${new URLSearchParams(opts.values).toString()}`, label: '이 내용으로 수급자격 신청하기' })}</div>
</section>`
    : null
}
<form method="get" action="/benefits/estimate" novalidate class="ilteo-section">
	${claimFields(opts.values, opts.errors)}
	<div class="ilteo-actions">${button({ label: '계산하기', type: 'submit', size: 'large' })}</div>
</form>`;
}

export function applyPage(opts: {
  values: ClaimFormValues & { companyName: string; centreCode: string };
  errors: Record<string, string>;
  centres: readonly JobCentre[];
  csrf: string;
  idempotencyKey: string;
}): Html {
  return html`<h1 class="heading-xlarge">수급자격 신청 (실업신고)</h1>
<p>신청한 날이 실업신고일입니다. 고용센터 상담원이 이직확인서와 함께 심사하고 1차 실업인정일을 알려 드립니다.</p>
${errorSummary(opts.errors)}
<form method="post" action="/benefits/apply" novalidate>
	${csrfField(opts.csrf)}
	<input type="hidden" name="idempotencyKey" value="${opts.idempotencyKey}">
	${textInput({ id: 'companyName', name: 'companyName', label: '마지막 사업장 이름', value: opts.values.companyName, required: true, error: opts.errors.companyName })}
	${select({ id: 'centreCode', name: 'centreCode', label: '신청할 고용센터', options: [{ value: '', label: '선택' }, ...opts.centres.map((c) => ({ value: c.code, label: c.name }))], value: opts.values.centreCode, required: true, error: opts.errors.centreCode })}
	${claimFields(opts.values, opts.errors)}
	<div class="ilteo-actions">${button({ label: '신청하기', type: 'submit', size: 'large' })}</div>
</form>`;
}

export function claimPage(opts: {
  claim: Claim;
  recognitions: readonly Recognition[];
  today: string;
  notice: Html | null;
}): Html {
  const { claim } = opts;
  const status = CLAIM_STATUS[claim.status];
  const remaining = claim.benefitDays - claim.paidDays;
  const next = opts.recognitions.find((r) => ['open', 'scheduled'].includes(recognitionState(r, opts.today)));
  return html`<h1 class="heading-xlarge">구직급여 신청 <span class="ilteo-h1-badge">${badge({ label: status.label, color: status.color, fill: 'bg-light' })}</span></h1>
${opts.notice}
${claim.status === 'rejected' ? alert({ variant: 'danger', role: 'none', title: '수급자격이 인정되지 않았습니다.', body: html`<p>사유: ${rejectionReason(claim)}</p>${claim.decisionNote ? html`<p>고용센터의 설명: ${claim.decisionNote}</p>` : null}<p>이의가 있으면 결정을 안 날부터 90일 안에 심사를 청구할 수 있습니다.</p>` }) : null}
${opts.recognitions
  .filter((r) => r.status === 'rejected')
  .map((r) =>
    alert({
      variant: 'danger',
      role: 'none',
      title: `${r.seq}차 실업인정(${periodText(r.periodStart, r.periodEnd)})이 불인정되었습니다.`,
      body: html`사유: ${r.decisionNote ?? '고용센터에 문의해 주세요.'} <a href="/benefits/claims/${claim.id}/recognitions/${r.seq}">${r.seq}차 실업인정 자세히 보기</a>`,
    }),
  )}
${
  next && claim.status === 'approved'
    ? alert({
        variant: recognitionState(next, opts.today) === 'open' ? 'info' : 'info',
        role: 'status',
        title: html`다음 실업인정일: ${next.seq}차 ${formatKoreanDate(next.scheduledDate)}`,
        body:
          recognitionState(next, opts.today) === 'open'
            ? html`지금 신청할 수 있습니다. <a href="/benefits/claims/${claim.id}/recognitions/${next.seq}">${next.seq}차 실업인정 신청하기</a>`
            : html`실업인정일 6일 전부터 당일까지 신청할 수 있습니다.${next.movedBecause ? html` (옮긴 이유: ${next.movedBecause})` : null} 그날 올 수 없으면 <a href="/benefits/claims/${claim.id}/recognitions/${next.seq}/change">실업인정일 변경 신청</a>.`,
      })
    : null
}
${descriptionList({
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
})}
${
  opts.recognitions.length > 0
    ? html`<section class="ilteo-section" aria-labelledby="schedule"><h2 id="schedule" class="heading-medium">실업인정 일정과 지급 내역</h2>
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
  rows: opts.recognitions.map((r) => {
    const state = recognitionState(r, opts.today);
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
})}</section>`
    : null
}`;
}

/** The 수급자격 불인정 reason as the claimant reads it: the code's wording (the code itself is for staff). */
function rejectionReason(claim: Claim): string {
  const code = claim.decisionCode as keyof typeof REJECTION_CODES | null;
  return code && Object.hasOwn(REJECTION_CODES, code) ? REJECTION_CODES[code] : '고용센터에 문의해 주세요.';
}

/** A 실업인정 already filed, as its claimant sees it: 접수됨 (심사 중), 인정 or 불인정 with the reason. */
export function recognitionStatusPage(opts: {
  claim: Claim;
  recognition: Recognition;
  activities: readonly Activity[];
  notice: Html | null;
}): Html {
  const { claim, recognition: r } = opts;
  const outcome =
    r.status === 'confirmed'
      ? alert({
          variant: 'success',
          title: '인정되었습니다.',
          body: `${r.paidDays ?? 0}일분 ${won(r.amount ?? 0)}을 지급합니다.`,
        })
      : r.status === 'rejected'
        ? alert({
            variant: 'danger',
            role: 'none',
            title: '불인정되었습니다.',
            body: html`<p>사유: ${r.decisionNote ?? '고용센터에 문의해 주세요.'}</p><p>이의가 있으면 결정을 안 날부터 90일 안에 심사를 청구할 수 있습니다.</p>`,
          })
        : alert({
            variant: 'info',
            title: '접수됨: 상담원이 심사 중입니다.',
            body: '다시 신청하지 않아도 됩니다. 상담원이 확인하면 결과가 여기와 내 신청 화면에 나타납니다.',
          });
  return html`<h1 class="heading-xlarge">${r.seq}차 실업인정</h1>
${opts.notice}
${outcome}
${descriptionList({
  items: [
    { term: '대상 기간', description: `${formatKoreanDate(r.periodStart)} ~ ${formatKoreanDate(r.periodEnd)}` },
    { term: '실업인정일', description: formatKoreanDate(r.scheduledDate) },
    { term: '신청한 때', description: formatDateTime(r.filedAt) },
    { term: '상태', description: RECOGNITION_STATUS[r.status] },
    {
      term: '취업·근로 사실',
      description: r.workedOrEarned ? '일한 날이나 소득이 있었다고 신고함' : '없었다고 신고함',
    },
  ],
})}
<section class="ilteo-section" aria-labelledby="reported"><h2 id="reported" class="heading-medium">신고한 재취업활동</h2>
${
  opts.activities.length === 0
    ? html`<p>신고한 활동이 없습니다.</p>`
    : table({
        caption: `신고한 재취업활동 ${opts.activities.length}건: 날짜, 종류, 회사·기관, 내용`,
        columns: [{ header: '날짜' }, { header: '종류' }, { header: '회사·기관' }, { header: '내용' }],
        rows: opts.activities.map((a) => [
          formatKoreanDate(a.date),
          ACTIVITY_KINDS[a.kind].label,
          a.organisation || '-',
          a.description || '-',
        ]),
      })
}</section>
<div class="ilteo-actions">${linkButton({ href: `/benefits/claims/${claim.id}`, label: '내 신청으로 돌아가기', variant: 'secondary' })}</div>`;
}

export interface ActivityRow {
  kind: string;
  date: string;
  organisation: string;
  description: string;
}

export const ACTIVITY_ROWS = 5;

export function recognitionPage(opts: {
  claim: Claim;
  recognition: Recognition;
  requirementText: string;
  rows: readonly ActivityRow[];
  workedOrEarned: string;
  check: ActivityCheck<{ kind: ActivityKind; date: string }> | null;
  errors: Record<string, string>;
  csrf: string;
  idempotencyKey: string;
  applications: readonly { date: string; organisation: string; description: string }[];
}): Html {
  const { claim, recognition: r } = opts;
  return html`<h1 class="heading-xlarge">${r.seq}차 실업인정 신청</h1>
<p>대상 기간 ${formatKoreanDate(r.periodStart)} ~ ${formatKoreanDate(r.periodEnd)}, 실업인정일 ${formatKoreanDate(r.scheduledDate)}.</p>
${alert({ variant: 'info', title: '이번 기간에 필요한 재취업활동', body: opts.requirementText })}
${errorSummary(opts.errors)}
${
  // "요건을 갖추었습니다" only when nothing else is wrong: never next to a refusal.
  opts.check && !(opts.check.met && Object.keys(opts.errors).length > 0)
    ? opts.check.met
      ? alert({ variant: 'success', role: 'status', title: '요건을 갖추었습니다. 신청하기를 누르세요.' })
      : alert({
          variant: 'warning',
          role: 'status',
          title: '아직 부족합니다',
          body: html`<ul class="ilteo-reasons">${opts.check.missing.map((m) => html`<li>${m}</li>`)}${opts.check.excluded.filter((e) => e.reason === 'cap').map((e) => html`<li>${e.activity.date} ${ACTIVITY_KINDS[e.activity.kind].label}: ${e.why}</li>`)}</ul>`,
        })
    : null
}
${
  opts.applications.length > 0
    ? html`<p class="ilteo-muted">일터에서 한 입사 지원은 아래 목록에 미리 채워 두었습니다.</p>`
    : null
}
${recognitionForm({ ...opts, action: `/benefits/claims/${claim.id}/recognitions/${r.seq}`, canCheck: true })}`;
}

/**
 * The 실업인정 form while no database answers: the claim cannot be shown or checked, but the form is
 * taken into the journal and applied, as of when it was sent, when the database returns.
 */
export function outageRecognitionPage(opts: {
  claimId: number;
  seq: number;
  rows: readonly ActivityRow[];
  workedOrEarned: string;
  errors: Record<string, string>;
  csrf: string;
  idempotencyKey: string;
}): Html {
  return html`<h1 class="heading-xlarge">${opts.seq}차 실업인정 신청</h1>
${alert({
  variant: 'warning',
  role: 'status',
  title: '지금은 데이터베이스 장애로 신청 내역과 요건을 불러올 수 없습니다.',
  body: html`그래도 신청은 지금 접수됩니다. 접수 번호를 드리고, 복구되면 <strong>보내신 시각 기준으로</strong> 처리합니다.
실업인정일이 장애 시간에 걸렸다면 다음 업무일로 자동으로 옮겨 드리며 불이익은 없습니다.`,
})}
${errorSummary(opts.errors)}
${recognitionForm({ ...opts, action: `/benefits/claims/${opts.claimId}/recognitions/${opts.seq}`, canCheck: false })}`;
}

function recognitionForm(opts: {
  action: string;
  rows: readonly ActivityRow[];
  workedOrEarned: string;
  errors: Record<string, string>;
  csrf: string;
  idempotencyKey: string;
  /** The 요건 확인 button (needs the claim). */
  canCheck: boolean;
}): Html {
  const kindOptions = [
    { value: '', label: '선택' },
    ...Object.entries(ACTIVITY_KINDS).map(([value, k]) => ({ value, label: k.label })),
  ];
  const rows = Array.from(
    { length: ACTIVITY_ROWS },
    (_, i) => opts.rows[i] ?? { kind: '', date: '', organisation: '', description: '' },
  );
  return html`<form method="post" action="${opts.action}" novalidate>
	${csrfField(opts.csrf)}
	<input type="hidden" name="idempotencyKey" value="${opts.idempotencyKey}">
	<fieldset class="fieldset ilteo-fieldset"><legend class="ilteo-legend">재취업활동 (최대 ${ACTIVITY_ROWS}건)</legend>
	${rows.map(
    (row, i) => html`<div class="ilteo-activity-row">
		${select({ id: `kind${i}`, name: `kind${i}`, label: `활동 ${i + 1} 종류`, options: kindOptions, value: row.kind, error: opts.errors[`kind${i}`] })}
		${textInput({ id: `date${i}`, name: `date${i}`, label: '날짜', type: 'date', value: row.date, error: opts.errors[`date${i}`] })}
		${textInput({ id: `organisation${i}`, name: `organisation${i}`, label: '회사·기관', value: row.organisation, maxlength: 100 })}
		${textInput({ id: `description${i}`, name: `description${i}`, label: '내용', value: row.description, maxlength: 200 })}
	</div>`,
  )}
	</fieldset>
	<fieldset class="fieldset ilteo-fieldset"><legend class="ilteo-legend">취업·근로 사실</legend>
		<div class="krds-check-area">
			<div class="krds-form-check"><input type="radio" id="worked-no" name="workedOrEarned" value="no"${opts.workedOrEarned !== 'yes' ? html` checked` : null}><label for="worked-no">대상 기간에 취업하거나 근로·소득이 없었습니다</label></div>
			<div class="krds-form-check"><input type="radio" id="worked-yes" name="workedOrEarned" value="yes"${opts.workedOrEarned === 'yes' ? html` checked` : null}><label for="worked-yes">일한 날이나 소득이 있었습니다 (상담원이 확인합니다)</label></div>
		</div>
	</fieldset>
	<div class="ilteo-actions">
		${opts.canCheck ? button({ label: '요건 확인', type: 'submit', name: 'action', value: 'check', variant: 'secondary' }) : null}
		${button({ label: '신청하기', type: 'submit', name: 'action', value: 'submit', size: 'large' })}
	</div>
</form>`;
}

export type { Activity };

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
