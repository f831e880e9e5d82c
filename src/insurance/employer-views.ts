/**
 * 고용보험 신고 pages of an employer: the company's 사업장 with the form to register one, and one
 * 사업장's 신고 — who is insured now and every 취득·상실 신고 with its 기한, 지연, 정정 and 취소.
 * Workers are shown by name and masked 주민등록번호 only.
 */

import { occupationLabel } from '../reference/occupations.ts';
import { formatDate, formatDateTime } from '../shared/dates.ts';
import { formatNumber } from '../shared/korean.ts';
import { alert, badge, button, emptyState, errorSummary, linkButton, table, textInput } from '../web/components.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import { lossLabel } from './codes.ts';
import type { InsuredWorker, Report, Workplace } from './employer-service.ts';
import { formatManagementNo } from './management-no.ts';

const NOTICES: Record<string, string> = {
  registered: '사업장을 등록했습니다. 이 계정이 신고 담당자가 되었습니다.',
  joined: '이미 회사가 등록한 사업장입니다. 이 계정을 신고 담당자로 추가했습니다.',
  already: '이미 처리된 신고입니다 (같은 내용이 두 번 보내졌습니다). 새로 바뀐 것은 없습니다.',
  acquire: '피보험자격 취득 신고를 접수했습니다.',
  lose: '피보험자격 상실 신고를 접수했습니다.',
  correct: '정정 신고를 접수했습니다. 아래 목록에 정정한 값이 나옵니다.',
  cancel: '신고를 취소했습니다. 취소한 신고는 피보험자 명단에 반영되지 않습니다.',
};

export const workplaceHref = (w: { managementNo: string }) => `/employer/insurance/workplaces/${w.managementNo}`;

/** The company's 사업장, and the form that registers one (or adds this account as its reporter). */
export function insuranceHomePage(
  workplaces: readonly Workplace[],
  form: { values: Record<string, string>; errors: Record<string, string>; busino: string },
  token: string,
): Html {
  const { values, errors } = form;
  return html`<h1 class="heading-xlarge">고용보험 신고</h1>
<p>사업장의 근로자가 고용보험 피보험자격을 얻거나 잃으면 사업주는 그 사실을 신고해야 합니다 (고용보험법 제15조). 여기에서 사업장별로 취득·상실 신고를 하고, 정정하거나 취소할 수 있습니다.</p>
<p>${linkButton({ href: '/employer/insurance/certificates', label: '이직확인서 요청·알림', variant: 'secondary' })}</p>
<h2 class="heading-medium">우리 회사 사업장</h2>
${
  workplaces.length === 0
    ? emptyState({
        title: '등록한 사업장이 없습니다',
        body: '아래에서 근로복지공단이 준 사업장관리번호로 사업장을 등록해 주세요.',
      })
    : table({
        caption: `우리 회사 사업장 ${workplaces.length}곳: 사업장관리번호, 명칭, 소재지, 신고 담당 여부`,
        columns: [{ header: '사업장관리번호' }, { header: '명칭' }, { header: '소재지' }, { header: '신고 담당' }],
        rows: workplaces.map((w) => [
          html`<a href="${workplaceHref(w)}">${formatManagementNo(w.managementNo)}<span class="sr-only"> (${w.name})</span></a>`,
          w.name,
          w.address || '-',
          w.reporter ? '담당' : '담당 아님',
        ]),
        rowHeaders: true,
      })
}
<h2 class="heading-medium" id="register">사업장 등록</h2>
<p>사업장관리번호 앞 10자리는 회사의 사업자등록번호(${form.busino})와 같아야 합니다. 회사가 이미 등록한 번호를 적으면 이 계정이 그 사업장의 신고 담당자로 추가됩니다.</p>
${errorSummary(errors)}
<form method="post" action="/employer/insurance/workplaces" novalidate>
	${csrfField(token)}
	${textInput({ id: 'managementNo', name: 'managementNo', label: '사업장관리번호', hint: '숫자 11자리 (예: 123-45-67890-0)', inputmode: 'numeric', value: values.managementNo ?? '', maxlength: 20, required: true, error: errors.managementNo })}
	${textInput({ id: 'name', name: 'name', label: '사업장 명칭', value: values.name ?? '', maxlength: 100, required: true, error: errors.name })}
	${textInput({ id: 'address', name: 'address', label: '소재지', value: values.address ?? '', maxlength: 200, error: errors.address })}
	<div class="ilteo-actions">${button({ label: '사업장 등록', type: 'submit', size: 'large' })}</div>
</form>`;
}

const won = (n: number | null) => (n === null ? '-' : `${formatNumber(n)}원`);
const hours = (n: number | null) => (n === null ? '-' : `${n}시간`);

function insuredTable(insured: readonly InsuredWorker[]): Html {
  if (insured.length === 0)
    return emptyState({ title: '지금 피보험자가 없습니다', body: '취득 신고를 하면 여기에 나옵니다.' });
  return table({
    caption: `지금 피보험자 ${insured.length}명: 성명, 주민등록번호(가림), 취득일, 월평균보수, 1일 소정근로시간, 직종`,
    columns: [
      { header: '성명' },
      { header: '주민등록번호' },
      { header: '취득일' },
      { header: '월평균보수', align: 'right' },
      { header: '소정근로', align: 'right' },
      { header: '직종' },
    ],
    rows: insured.map((w) => [
      w.personName,
      w.personMasked,
      formatDate(w.acquiredOn),
      won(w.monthlyWage),
      hours(w.dailyHours),
      occupationLabel(w.occupationCd ?? '') || '-',
    ]),
    rowHeaders: true,
  });
}

/** What a report says, in one cell: its date, and the 상실사유 of a 상실. */
function reportWhat(r: Report): Html {
  const c = r.current;
  if (r.kind === 'acquire')
    return html`취득 ${formatDate(c.acquiredOn)} · ${won(c.monthlyWage)} · ${hours(c.dailyHours)} · ${occupationLabel(c.occupationCd ?? '') || '-'}`;
  return html`상실 ${formatDate(c.lostOn)} · ${lossLabel(c.lossCode ?? '', c.lossSubCode)} (${c.lossSubCode || c.lossCode}) · ${c.lossReason ?? ''} · 연간 월평균보수 ${won(c.monthlyWage)}`;
}

function reportState(r: Report): Html {
  if (r.cancelled) return badge({ label: `취소 ${formatDate(r.cancelled.reportedAt)}`, color: 'gray' });
  const marks: Html[] = [];
  if (r.original.late) marks.push(badge({ label: '기한 지남', color: 'danger' }));
  if (r.corrections.length > 0) marks.push(badge({ label: `정정 ${r.corrections.length}회`, color: 'information' }));
  // 제17조 ③: the employer is told of the 확인; here it sees that the 고용센터 corrected the 신고.
  if (r.corrections.some((c) => c.byOffice)) marks.push(badge({ label: '고용센터 직권 정정', color: 'information' }));
  return marks.length > 0 ? html`${marks}` : html`기한 내`;
}

function reportsTable(w: Workplace, reports: readonly Report[]): Html {
  if (reports.length === 0) return emptyState({ title: '아직 신고가 없습니다' });
  return table({
    caption: `신고 ${reports.length}건 (최근 것부터): 신고 번호, 근로자, 신고 내용, 신고일, 기한, 상태, 정정·취소`,
    columns: [
      { header: '신고 번호' },
      { header: '근로자' },
      { header: '내용', width: 'wide' },
      { header: '신고일' },
      { header: '기한' },
      { header: '상태' },
      { header: '정정·취소' },
    ],
    rows: reports.map((r) => [
      `${r.kind === 'acquire' ? '취득' : '상실'} ${r.original.id}`,
      html`${r.current.personName}<br>${r.current.personMasked}`,
      reportWhat(r),
      formatDateTime(r.original.reportedAt),
      formatDate(r.original.dueOn),
      reportState(r),
      r.cancelled || !w.reporter
        ? '-'
        : html`<a href="${workplaceHref(w)}/reports/${r.original.id}/correct">정정</a> · <a href="${workplaceHref(w)}/reports/${r.original.id}/cancel">취소</a>${r.kind === 'lose' ? html` · <a href="${workplaceHref(w)}/reports/${r.original.id}/certificate">이직확인서 작성<span class="sr-only"> (${r.current.personName})</span></a>` : null}`,
    ]),
    rowHeaders: true,
  });
}

/** One 사업장: the notice of what was just done, who is insured now, the actions and every 신고. */
export function workplacePage(
  w: Workplace,
  reports: readonly Report[],
  insured: readonly InsuredWorker[],
  notice: string | undefined,
): Html {
  const message = notice ? NOTICES[notice] : undefined;
  return html`<h1 class="heading-xlarge">${w.name}</h1>
<p>사업장관리번호 ${formatManagementNo(w.managementNo)}${w.address ? html` · ${w.address}` : null}</p>
${message ? alert({ variant: 'success', role: 'status', title: message }) : null}
${
  w.reporter
    ? html`<div class="ilteo-actions">${linkButton({ href: `${workplaceHref(w)}/acquire`, label: '취득 신고', variant: 'primary' })} ${linkButton({ href: `${workplaceHref(w)}/lose`, label: '상실 신고', variant: 'secondary' })} ${linkButton({ href: `${workplaceHref(w)}/upload`, label: '취득 신고 파일 올리기', variant: 'secondary' })} ${linkButton({ href: `${workplaceHref(w)}/upload-loss`, label: '상실 신고 파일 올리기', variant: 'secondary' })}</div>`
    : alert({
        variant: 'info',
        title: '이 계정은 이 사업장의 신고 담당자가 아닙니다.',
        body: html`신고하려면 <a href="/employer/insurance#register">사업장 등록</a>에서 같은 사업장관리번호를 적어 담당자로 추가해 주세요.`,
      })
}
<h2 class="heading-medium">지금 피보험자</h2>
${insuredTable(insured)}
<h2 class="heading-medium">신고 내역</h2>
<p>신고 기한은 취득·상실한 날이 속하는 달의 다음 달 15일입니다 (고용보험법 제15조 제1항, 같은 법 시행령 제7조 제1항). 정정과 취소는 원래 신고를 지우지 않고 새 신고로 남습니다.</p>
${reportsTable(w, reports)}
<p>${linkButton({ href: '/employer/insurance', label: '사업장 목록', variant: 'tertiary' })}</p>`;
}
