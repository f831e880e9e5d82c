/**
 * 실업급여 pages for claimants: 안내, 예상 수급액 (estimate with the reason for every figure) and
 * 수급자격 신청. 내 신청 is in claim-views.ts, 실업인정 신청 with 재취업활동 in recognition-views.ts.
 */
import type { JobCentre } from '../identity/accounts.ts';
import { formatKoreanDate } from '../shared/dates.ts';
import { won } from '../shared/korean.ts';
import { alert, button, errorSummary, linkButton, select, table, textInput } from '../web/components.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import type { Estimate } from './calculate.ts';
import type { ClaimFormValues } from './form.ts';
import { CLAIM_STATUS } from './labels.ts';
import type { Claim } from './model.ts';
import { JUSTIFIED_REASONS, SEPARATION_REASONS } from './rules.ts';

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
<p>지금은 고용보험 기록을 불러올 수 없어 직접 적는 신청서를 보여 드립니다. 아는 만큼 적어 주세요. 기록을 불러올 수 있게 되면 사업주가 신고한 기록으로 신청을 만들고, 적으신 내용과 다른 항목은 이의로 남겨 상담원이 확인합니다.</p>
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
