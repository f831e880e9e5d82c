/**
 * 이직확인서 pages of an employer: the form for a 상실 신고 (the worker shown by name and masked
 * 주민등록번호, never asked again), one filed 이직확인서 with its 평균임금, and the 요청·알림 page — the
 * open requests of the company's 사업장 with their due dates.
 */
import { formatDate, formatDateTime } from '../shared/dates.ts';
import { formatNumber } from '../shared/korean.ts';
import {
  alert,
  badge,
  button,
  descriptionList,
  emptyState,
  errorSummary,
  linkButton,
  select,
  table,
  textarea,
  textInput,
} from '../web/components.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import { REASON_MAX } from './certificate-forms.ts';
import { type AverageWage, CERTIFICATE_RULES } from './certificate-rules.ts';
import type { Certificate, NotificationRow, RequestRow } from './certificate-service.ts';
import { lossLabel } from './codes.ts';
import { CERTIFICATE_DEADLINE_RULES } from './deadlines.ts';
import { workplaceHref } from './employer-views.ts';
import { formatManagementNo } from './management-no.ts';
import { LOSS_OPTIONS } from './report-views.ts';
import type { Workplace } from './store.ts';

export interface CertificateFormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  token: string;
}

export const won = (n: number) => `${formatNumber(n)}원`;

/** 평균임금 in 원, to two decimal places as the 산정명세 shows it. */
export const dailyWon = (a: AverageWage | null) =>
  a === null ? '-' : `${a.daily.toLocaleString('ko-KR', { maximumFractionDigits: 2 })}원`;

export const certificateHref = (w: { managementNo: string }, id: number) => `${workplaceHref(w)}/certificates/${id}`;
export const certificateFormHref = (w: { managementNo: string }, reportId: number) =>
  `${workplaceHref(w)}/reports/${reportId}/certificate`;

interface FormData {
  workplace: Workplace;
  person: { personName: string; personMasked: string; lostOn: string; acquiredOn: string | null };
  layout: {
    separatedOn: string;
    rows: { from: string; to: string; days: number }[];
    months: { month: string; days: number }[];
  };
  previous: Certificate | null;
  requests: RequestRow[];
  reportId: number;
}

function wageRows(d: FormData, s: CertificateFormState): Html {
  return html`${d.layout.rows.map(
    (r, i) => html`<fieldset class="ilteo-fieldset">
	<legend class="ilteo-legend">${formatDate(r.from)} ~ ${formatDate(r.to)} (${r.days}일)</legend>
	${textInput({ id: `wage-${i}`, name: `wage-${i}`, label: '지급한 임금 총액 (원)', hint: '기본급·수당, 상여금은 1년분의 3/12', inputmode: 'numeric', value: s.values[`wage-${i}`] ?? '', maxlength: 15, required: true, error: s.errors[`wage-${i}`] })}
	${textInput({ id: `days-${i}`, name: `days-${i}`, label: '일수', hint: `그 기간의 날수(${r.days}일). 수습·휴업·출산전후휴가·육아휴직 기간은 뺍니다 (${CERTIFICATE_RULES.excludedDays.cite}).`, inputmode: 'numeric', value: s.values[`days-${i}`] ?? '', maxlength: 3, required: true, size: 'small', error: s.errors[`days-${i}`] })}
</fieldset>`,
  )}`;
}

function baseDayFields(d: FormData, s: CertificateFormState): Html {
  return html`<fieldset class="ilteo-fieldset">
	<legend class="ilteo-legend">보수 지급 기초일수 (${d.layout.months.length}개월)</legend>
	<p class="form-hint">이직일 이전 18개월(기준기간)의 달마다 보수 지급의 기초가 된 날수입니다. 월급제 근로자는 그 달의 재직 일수를 미리 적어 두었습니다. 무급휴직 등 보수를 주지 않은 날은 빼 주세요 (${CERTIFICATE_RULES.baseDays.cite}).</p>
	${d.layout.months.map((m) =>
    textInput({
      id: `base-${m.month}`,
      name: `base-${m.month}`,
      label: `${m.month} (${m.days}일 중)`,
      inputmode: 'numeric',
      value: s.values[`base-${m.month}`] ?? '',
      maxlength: 2,
      size: 'small',
      required: true,
      error: s.errors[`base-${m.month}`],
    }),
  )}
</fieldset>`;
}

function requestsNote(requests: readonly RequestRow[]): Html | null {
  const first = requests[0];
  if (!first) return null;
  return alert({
    variant: 'warning',
    title: `이직확인서 요청이 ${requests.length}건 있습니다. 기한은 ${formatDate(first.dueOn)}입니다.`,
    body: `제출하면 요청이 처리됩니다 (${CERTIFICATE_DEADLINE_RULES[0]?.cite ?? ''}).`,
  });
}

/** The 이직확인서 form for one 상실 신고. */
export function certificateFormPage(d: FormData, s: CertificateFormState): Html {
  const w = d.workplace;
  return html`<h1 class="heading-xlarge">이직확인서 작성</h1>
<p>${w.name} · 사업장관리번호 ${formatManagementNo(w.managementNo)}</p>
${requestsNote(d.requests)}
${d.previous ? alert({ variant: 'info', title: `${formatDateTime(d.previous.filedAt)}에 제출한 이직확인서가 있습니다.`, body: html`다시 제출하면 새 이직확인서가 적용되고, 앞의 것은 기록으로 남습니다. <a href="${certificateHref(w, d.previous.id)}">제출한 이직확인서 보기</a>` }) : null}
${descriptionList({
  label: '이직한 근로자',
  items: [
    { term: '근로자', description: `${d.person.personName} (${d.person.personMasked})` },
    { term: '피보험자격 취득일', description: d.person.acquiredOn ? formatDate(d.person.acquiredOn) : '신고 없음' },
    { term: '상실일', description: formatDate(d.person.lostOn) },
    {
      term: '이직일',
      description: html`${formatDate(d.layout.separatedOn)} <span class="ilteo-muted">(상실일 전날, ${CERTIFICATE_RULES.separationDate.cite})</span>`,
    },
  ],
})}
${errorSummary(s.errors)}
<form method="post" action="${certificateFormHref(w, d.reportId)}" novalidate>
	${csrfField(s.token)}
	<h2 class="heading-medium">이직사유</h2>
	${select({ id: 'loss', name: 'loss', label: '이직사유 (구체적 사유 코드)', hint: '상실 신고의 사유를 미리 골라 두었습니다.', options: LOSS_OPTIONS, value: s.values.loss ?? '', required: true, error: s.errors.loss })}
	${textarea('reason', '구체적 이직사유 (필수)', s.values.reason ?? '', REASON_MAX, s.errors.reason, '예: 계약기간(1년) 만료, 재계약 제의 없음')}
	<h2 class="heading-medium">평균임금 산정명세</h2>
	<p>이직일 이전 3개월 동안 지급한 임금의 총액을 그 기간의 총일수로 나눈 금액이 평균임금입니다 (${CERTIFICATE_RULES.averageWage.cite}).</p>
	${wageRows(d, s)}
	${textInput({ id: 'ordinaryDailyWage', name: 'ordinaryDailyWage', label: '1일 통상임금 (원, 선택)', hint: '정기적·일률적으로 지급하는 임금의 1일분 (예: 95000)', inputmode: 'numeric', value: s.values.ordinaryDailyWage ?? '', maxlength: 12, error: s.errors.ordinaryDailyWage })}
	${textInput({ id: 'dailyHours', name: 'dailyHours', label: '1일 소정근로시간', hint: '0.5시간 단위, 8시간까지 (예: 8)', inputmode: 'decimal', value: s.values.dailyHours ?? '', maxlength: 4, required: true, size: 'small', error: s.errors.dailyHours })}
	<h2 class="heading-medium">피보험단위기간</h2>
	${baseDayFields(d, s)}
	<div class="ilteo-actions">${button({ label: '이직확인서 제출', type: 'submit', size: 'large' })} ${linkButton({ href: workplaceHref(w), label: '돌아가기', variant: 'secondary', size: 'large' })}</div>
</form>`;
}

/** What one 이직확인서 says, as a description list and its two tables. */
export function certificateDetails(c: Certificate): Html {
  return html`${descriptionList({
    label: '이직확인서',
    items: [
      { term: '근로자', description: `${c.personName} (${c.personMasked})` },
      { term: '이직일', description: formatDate(c.separatedOn) },
      { term: '이직사유', description: `${c.lossSubCode || c.lossCode} ${lossLabel(c.lossCode, c.lossSubCode)}` },
      { term: '구체적 사유', description: c.reason },
      {
        term: '평균임금 (1일)',
        description: html`<strong>${dailyWon(c.average)}</strong> <span class="ilteo-muted">(${won(c.average?.totalWage ?? 0)} ÷ ${c.average?.totalDays ?? 0}일)</span>`,
      },
      { term: '1일 통상임금', description: c.ordinaryDailyWage === null ? '적지 않음' : won(c.ordinaryDailyWage) },
      { term: '1일 소정근로시간', description: `${c.dailyHours}시간` },
      {
        term: '제출',
        description: html`${formatDateTime(c.filedAt)}${c.dueOn ? html` · 기한 ${formatDate(c.dueOn)} ${c.late ? badge({ label: '기한 지남', color: 'danger' }) : '(기한 내)'}` : null}`,
      },
    ],
  })}
<h2 class="heading-medium">평균임금 산정명세</h2>
${descriptionList({
  label: '평균임금 산정명세: 임금계산기간별 일수와 임금 총액',
  items: c.recentWages.map((r) => ({
    term: `${formatDate(r.from)} ~ ${formatDate(r.to)}`,
    description: `${r.days}일 · ${won(r.wage)}`,
  })),
})}
<h2 class="heading-medium">보수 지급 기초일수 (${c.baseDays.length}개월)</h2>
${descriptionList({
  label: `보수 지급 기초일수 ${c.baseDays.length}개월`,
  columns: 2,
  items: c.baseDays.map((m) => ({ term: m.month, description: `${m.days}일` })),
})}`;
}

/** One filed 이직확인서. */
export function certificatePage(w: Workplace, c: Certificate, superseded: boolean, filed: boolean): Html {
  return html`<h1 class="heading-xlarge">이직확인서</h1>
<p>${w.name} · 사업장관리번호 ${formatManagementNo(w.managementNo)}</p>
${filed ? alert({ variant: 'success', role: 'status', title: '이직확인서를 제출했습니다.', body: '고용센터가 구직급여 수급자격을 판단할 때 이 내용을 씁니다.' }) : null}
${superseded ? alert({ variant: 'info', title: '이 뒤에 제출한 이직확인서가 있습니다. 가장 최근 것이 적용됩니다.' }) : null}
${certificateDetails(c)}
<p>${linkButton({ href: workplaceHref(w), label: '사업장으로 돌아가기', variant: 'secondary' })} ${linkButton({ href: '/employer/insurance/certificates', label: '이직확인서 요청·알림', variant: 'tertiary' })}</p>`;
}

type EmployerRequest = RequestRow & { lossReportId: number | null };

function requestState(r: RequestRow, today: string): Html {
  if (r.dueOn < today) return badge({ label: `기한 지남 (${formatDate(r.dueOn)})`, color: 'danger' });
  return html`${formatDate(r.dueOn)}까지`;
}

/** The company's open requests with due dates, the 알림 and the latest filings. */
export function requestsPage(d: {
  requests: EmployerRequest[];
  notifications: NotificationRow[];
  filed: Certificate[];
  today: string;
}): Html {
  return html`<h1 class="heading-xlarge">이직확인서 요청·알림</h1>
<p>이직한 근로자나 고용센터가 이직확인서를 요청하면 요청받은 날부터 10일 안에 제출해야 합니다 (${CERTIFICATE_DEADLINE_RULES[0]?.cite ?? ''}).</p>
<h2 class="heading-medium">처리할 요청</h2>
${
  d.requests.length === 0
    ? emptyState({ title: '처리할 이직확인서 요청이 없습니다' })
    : table({
        caption: `처리할 요청 ${d.requests.length}건 (기한 순): 근로자, 사업장, 요청한 곳, 요청일, 기한, 작성`,
        columns: [
          { header: '근로자' },
          { header: '사업장' },
          { header: '요청' },
          { header: '요청일' },
          { header: '기한' },
          { header: '작성' },
        ],
        rows: d.requests.map((r) => [
          html`${r.personName}<br>${r.personMasked}`,
          r.workplaceName,
          r.requestedByKind === 'seeker' ? '본인' : '고용센터',
          formatDateTime(r.requestedAt),
          requestState(r, d.today),
          r.lossReportId === null
            ? '상실 신고를 먼저 해 주세요'
            : html`<a href="${certificateFormHref(r, r.lossReportId)}">이직확인서 작성<span class="sr-only"> (${r.personName})</span></a>`,
        ]),
        rowHeaders: true,
      })
}
<h2 class="heading-medium">알림</h2>
${
  d.notifications.length === 0
    ? html`<p>받은 알림이 없습니다.</p>`
    : html`<ul class="ilteo-plain-list">${d.notifications.map((n) => html`<li>${n.readAt ? null : html`<strong>새 알림</strong> `}${n.title} <span class="ilteo-muted">${n.body} · ${formatDateTime(n.createdAt)}</span></li>`)}</ul>`
}
<h2 class="heading-medium">제출한 이직확인서</h2>
${
  d.filed.length === 0
    ? html`<p>제출한 이직확인서가 없습니다.</p>`
    : table({
        caption: `제출한 이직확인서 ${d.filed.length}건 (최근 것부터): 근로자, 사업장, 이직일, 평균임금, 제출일`,
        columns: [
          { header: '근로자' },
          { header: '사업장' },
          { header: '이직일' },
          { header: '평균임금', align: 'right' },
          { header: '제출일' },
        ],
        rows: d.filed.map((c) => [
          html`<a href="${certificateHref(c, c.id)}">${c.personName}</a><br>${c.personMasked}`,
          c.workplaceName,
          formatDate(c.separatedOn),
          dailyWon(c.average),
          formatDateTime(c.filedAt),
        ]),
        rowHeaders: true,
      })
}
<p>${linkButton({ href: '/employer/insurance', label: '고용보험 신고', variant: 'tertiary' })}</p>`;
}
