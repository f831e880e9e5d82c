/**
 * 입사지원: the 지원하기 page, the seeker's 입사지원 현황, and an applicant's resume as the employer sees
 * it with the 전형 진행 form.
 */
import { formatDateTime } from '../shared/dates.ts';
import { josa } from '../shared/korean.ts';
import { alert, button, emptyState, errorSummary, linkButton, select, table } from '../web/components.ts';
import type { Errors } from '../web/forms.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import {
  APPLICATION_STATUS,
  type ApplicationStatus,
  canWithdraw,
  EMPLOYER_STATUSES,
  isFinal,
} from './application-status.ts';
import type { Application } from './application-store.ts';
import type { Resume } from './resume-store.ts';
import { resumeView } from './resume-views.ts';

export interface ApplyPosting {
  wantedAuthNo: string;
  title: string;
  companyName: string;
  status: string;
}

/** 지원하기: the resume to send, or why there is nothing to send (already applied, closed, no resume). */
export function applyPage(p: {
  posting: ApplyPosting;
  resumes: Resume[];
  applied: Application | undefined;
  errors: Errors;
  key: string;
  resumeSaved: boolean;
  csrf: string;
}): Html {
  const { posting, applied } = p;
  return html`<h1 class="heading-xlarge">지원하기</h1>
<p><strong>${posting.companyName}</strong> · ${posting.title}</p>
${errorSummary(p.errors)}
${p.resumeSaved && !applied ? alert({ variant: 'success', role: 'status', title: '이력서를 저장했습니다. 이제 이 이력서로 지원할 수 있습니다.' }) : null}
${
  applied
    ? appliedAlert(applied)
    : posting.status !== 'open'
      ? alert({ variant: 'warning', title: '마감된 채용공고입니다.' })
      : p.resumes.length === 0
        ? html`${emptyState({ title: '먼저 이력서를 써 주세요', body: '이력서를 저장하면 이 화면으로 돌아옵니다.' })}
<div class="ilteo-actions">${linkButton({ href: `/my/resumes/new?returnTo=${encodeURIComponent(`/jobs/${posting.wantedAuthNo}/apply`)}`, label: '이력서 쓰기' })}</div>`
        : applyForm(posting, p.resumes, p.key, p.csrf)
}`;
}

function appliedAlert(applied: Application): Html {
  return alert({
    variant: 'info',
    role: 'status',
    title: applied.status === 'withdrawn' ? '이 채용공고에 지원했다가 취소했습니다.' : '이미 지원했습니다.',
    body: html`<p>${formatDateTime(applied.appliedAt)}에 이력서 ${josa(`"${applied.resumeTitle}"`, '으로/로')} 지원했습니다 · 지금 상태 <strong>${APPLICATION_STATUS[applied.status]}</strong>. 같은 채용공고에는 한 번만 지원할 수 있습니다.</p>
<p><a href="/my/applications#application-${applied.id}">입사지원 현황에서 보기</a></p>`,
  });
}

function applyForm(posting: ApplyPosting, resumes: Resume[], key: string, csrf: string): Html {
  return html`<form method="post" action="/jobs/${posting.wantedAuthNo}/apply" novalidate>
	${csrfField(csrf)}
	<input type="hidden" name="idempotencyKey" value="${key}">
	<fieldset class="fieldset ilteo-fieldset"><legend class="ilteo-legend">보낼 이력서</legend>
	<div class="krds-check-area chk-column">${resumes.map(
    (r, i) =>
      html`<div class="krds-form-check"><input type="radio" name="resumeId" id="resume-${r.id}" value="${r.id}"${i === 0 ? html` checked` : null}><label for="resume-${r.id}">${r.title}</label></div>`,
  )}</div></fieldset>
	<div class="ilteo-actions">${button({ label: '이 이력서로 지원', type: 'submit', size: 'large' })}</div>
</form>`;
}

/** What the 입사지원 현황 page says after a change (from its query string). */
export type ApplicationsNotice = 'applied' | 'already' | 'withdrawn' | undefined;

/** 입사지원 현황: each application's status, and 지원 취소 while it is still possible. */
export function applicationsPage(list: Application[], notice: ApplicationsNotice, csrf: string): Html {
  return html`<h1 class="heading-xlarge">입사지원 현황</h1>
${noticeAlert(notice)}
${
  list.length === 0
    ? emptyState({
        title: '지원한 채용공고가 없습니다',
        body: html`<a href="/jobs">채용정보 검색</a>에서 공고를 찾아 지원해 보세요.`,
      })
    : table({
        caption: `입사지원 ${list.length}건: 채용공고, 회사, 이력서, 지원일, 상태, 관리`,
        columns: [
          { header: '채용공고' },
          { header: '회사' },
          { header: '이력서' },
          { header: '지원일' },
          { header: '상태' },
          { header: '관리', align: 'right' },
        ],
        rowHeaders: true,
        rows: list.map((a) => [
          html`<a id="application-${a.id}" href="/jobs/${a.wantedAuthNo}">${a.title}</a>`,
          a.companyName,
          a.resumeTitle,
          formatDateTime(a.appliedAt),
          html`<strong>${APPLICATION_STATUS[a.status]}</strong>${a.status !== 'received' ? html`<br><span class="ilteo-muted">${formatDateTime(a.updatedAt)}</span>` : null}`,
          canWithdraw(a.status)
            ? html`<form method="post" action="/my/applications/${a.id}/withdraw" class="ilteo-inline-form">${csrfField(csrf)}${button({ label: '지원 취소', type: 'submit', size: 'small', variant: 'secondary' })}</form>`
            : '',
        ]),
      })
}`;
}

function noticeAlert(notice: ApplicationsNotice): Html | null {
  if (notice === 'applied')
    return alert({
      variant: 'success',
      role: 'status',
      title: '지원했습니다. 기업이 이력서를 열람하면 여기서 알 수 있습니다.',
      body: '일터에서 한 입사 지원은 실업인정 신청 때 재취업활동으로 미리 채워집니다.',
    });
  if (notice === 'already')
    return alert({ variant: 'info', role: 'status', title: '이미 지원한 채용공고입니다. 지원은 한 번만 접수됩니다.' });
  if (notice === 'withdrawn') return alert({ variant: 'success', role: 'status', title: '지원을 취소했습니다.' });
  return null;
}

/** An applicant's resume for the employer, with the 전형 진행 form (and its error when it came back). */
export function applicantPage(p: {
  application: Application;
  resume: Resume;
  events: { at: string; status: ApplicationStatus }[];
  form: { error?: string; status?: string };
  csrf: string;
}): Html {
  const { application, resume, form } = p;
  return html`<h1 class="heading-xlarge">${application.applicantName} 님 · ${resume.title}</h1>
${form.error ? errorSummary({ status: form.error }) : null}
<p>${application.title} · 지원일 ${formatDateTime(application.appliedAt)} · 지금 상태 <strong>${APPLICATION_STATUS[application.status]}</strong></p>
${resumeView(resume)}
<section class="ilteo-section" aria-labelledby="move"><h2 id="move" class="heading-medium">전형 진행</h2>
${
  isFinal(application.status)
    ? html`<p>전형이 끝난 지원자입니다 (${APPLICATION_STATUS[application.status]}). 상태를 더 바꿀 수 없습니다.</p>`
    : html`<form method="post" action="/employer/applications/${application.id}/status" class="ilteo-subform" novalidate>
	${csrfField(p.csrf)}
	${select({ id: 'status', name: 'status', label: '다음 상태', value: form.status ?? '', options: [{ value: '', label: '선택' }, ...EMPLOYER_STATUSES.map((s) => ({ value: s, label: APPLICATION_STATUS[s] }))], error: form.error })}
	<div class="ilteo-actions">${button({ label: '바꾸기', type: 'submit' })}</div>
</form>`
}
${table({ caption: '진행 기록: 시각, 상태', columns: [{ header: '시각' }, { header: '상태' }], rows: p.events.map((e) => [formatDateTime(e.at), APPLICATION_STATUS[e.status]]) })}
</section>`;
}
