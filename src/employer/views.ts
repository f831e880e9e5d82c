/**
 * 기업 서비스 pages: the employer's first page (their 사업장 and its postings) and the page of one of
 * their postings, with its applicants and the notice of the action just done.
 */
import { randomUUID } from 'node:crypto';
import { formatBusino } from '../identity/rules.ts';
import { APPLICATION_STATUS, EMPLOYER_STATUSES } from '../market/application-status.ts';
import { formatDateTime } from '../shared/dates.ts';
import { josa } from '../shared/korean.ts';
import {
  alert,
  button,
  descriptionList,
  emptyState,
  errorSummary,
  linkButton,
  select,
  table,
} from '../web/components.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import { type ApplicantsForm, isEmployerStatus } from './forms.ts';
import { STATUS, statusLabel } from './postings.ts';
import type { Application, OwnPosting } from './service.ts';

const NOTICES: Record<string, string> = {
  created: '채용공고를 등록했습니다. 채용정보 검색에 바로 나타납니다.',
  already: '이미 등록한 채용공고입니다 (같은 양식이 두 번 보내졌습니다).',
  saved: '수정한 내용을 저장했습니다.',
};

/** The employer's first page: who they are and their 사업장's postings. */
export function employerHomePage(
  me: { name: string; companyName: string | null; busino: string | null },
  postings: readonly OwnPosting[],
  welcome: boolean,
): Html {
  return html`<h1 class="heading-xlarge">기업 서비스</h1>
${welcome ? alert({ variant: 'success', role: 'status', title: '기업회원 가입을 마쳤습니다.' }) : null}
<div class="ilteo-actions"><a class="krds-btn medium primary" href="/employer/postings/new">새 채용공고 등록</a> <a class="krds-btn medium secondary" href="/employer/talent">인재검색</a> <a class="krds-btn medium secondary" href="/employer/company">기업 정보</a> <a class="krds-btn medium secondary" href="/employer/insurance">고용보험 신고</a></div>
${descriptionList({
  items: [
    { term: '사업장', description: me.companyName ?? '-' },
    { term: '사업자등록번호', description: me.busino ? formatBusino(me.busino) : '-' },
    { term: '담당자', description: me.name },
  ],
})}
<h2 class="heading-medium">우리 사업장 채용공고</h2>
${postings.length === 0 ? noPostings() : postingsTable(postings)}`;
}

function noPostings(): Html {
  return emptyState({
    title: '등록한 채용공고가 없습니다',
    body: '채용공고를 등록하면 여기에서 상태를 바꾸고 지원자를 볼 수 있습니다.',
    actions: [linkButton({ href: '/employer/postings/new', label: '새 채용공고 등록', variant: 'secondary' })],
  });
}

function postingsTable(postings: readonly OwnPosting[]): Html {
  return table({
    caption: `우리 사업장 채용공고 ${postings.length}건: 제목, 상태, 등록일, 마감일, 모집 인원`,
    columns: [
      { header: '제목' },
      { header: '상태' },
      { header: '등록일' },
      { header: '마감일' },
      { header: '모집 인원', align: 'right' },
    ],
    rows: postings.map((p) => [
      html`<a href="/employer/postings/${p.wantedAuthNo}">${p.title}</a>`,
      statusLabel(p.status),
      p.regDt,
      p.closeDt ?? '채용시까지',
      `${p.collectPsncnt}명`,
    ]),
    rowHeaders: true,
  });
}

/** The message of applicants moved — "지원자 3명의 상태를 서류합격으로 바꿨습니다." — from the redirect's query. */
function movedNotice(
  query: Record<string, string | undefined>,
  to: string,
  applicants: readonly { id: number; applicantName: string }[],
): Html {
  const moved = Math.max(0, Math.floor(Number(query.moved) || 0));
  const picked = Math.max(moved, Math.floor(Number(query.picked) || moved));
  const one = query.applicant ? applicants.find((a) => String(a.id) === query.applicant) : undefined;
  if (moved === 0)
    return alert({
      variant: 'info',
      role: 'status',
      title: one
        ? `${one.applicantName} 님은 이미 ${to} 바뀌었거나 전형이 끝나 상태를 바꾸지 않았습니다.`
        : `고른 지원자 ${picked}명은 이미 ${to} 바뀌었거나 전형이 끝나 상태를 바꾸지 않았습니다.`,
    });
  return alert({
    variant: 'success',
    role: 'status',
    title: one ? `${one.applicantName} 님의 상태를 ${to} 바꿨습니다.` : `지원자 ${moved}명의 상태를 ${to} 바꿨습니다.`,
    ...(picked > moved
      ? { body: `고른 ${picked}명 가운데 ${picked - moved}명은 이미 그 상태이거나 전형이 끝나 그대로 두었습니다.` }
      : {}),
  });
}

/**
 * The success notice after an action on the posting page (its redirect's query): 등록, 저장, the
 * posting's status, and applicants moved — "지원자 3명의 상태를 서류합격으로 바꿨습니다."
 */
export function postingNotice(
  query: Record<string, string | undefined>,
  applicants: readonly { id: number; applicantName: string }[] = [],
): Html | null {
  const key = Object.keys(NOTICES).find((k) => query[k] !== undefined);
  if (key) return alert({ variant: 'success', role: 'status', title: NOTICES[key] ?? '' });
  if (query.moved !== undefined && isEmployerStatus(query.to))
    return movedNotice(query, josa(APPLICATION_STATUS[query.to], '으로/로'), applicants);
  if (query.status && query.status in STATUS)
    return alert({
      variant: 'success',
      role: 'status',
      title: `공고 상태를 ${josa(`"${STATUS[query.status as keyof typeof STATUS]}"`, '으로/로')} 바꿨습니다.`,
    });
  return null;
}

/** The posting's actions: 수정, the two status moves it can make, 다시 올리기. */
function postingActions(posting: OwnPosting, token: string): Html {
  return html`<div class="ilteo-actions">
	<a class="krds-btn medium secondary" href="/employer/postings/${posting.wantedAuthNo}/edit">수정</a>
	${(['open', 'paused', 'closed'] as const)
    .filter((s) => s !== posting.status)
    .map(
      (s) =>
        html`<form method="post" action="/employer/postings/${posting.wantedAuthNo}/status" class="ilteo-inline-form">${csrfField(token)}<input type="hidden" name="status" value="${s}">${button({ label: s === 'open' ? '다시 열기' : s === 'paused' ? '일시 중지' : '마감하기', type: 'submit', variant: 'secondary' })}</form>`,
    )}
	<form method="post" action="/employer/postings/${posting.wantedAuthNo}/repost" class="ilteo-inline-form">${csrfField(token)}<input type="hidden" name="idempotencyKey" value="${randomUUID()}">${button({ label: '다시 올리기', type: 'submit', variant: 'tertiary' })}</form>
</div>`;
}

/** The applicants with a checkbox each, and the 한꺼번에 바꾸기 form around them. */
function applicantsForm(posting: OwnPosting, applicants: readonly Application[], form: ApplicantsForm, token: string) {
  const picked = new Set(form.picked);
  const pickError = form.errors.ids;
  return html`<form method="post" action="/employer/postings/${posting.wantedAuthNo}/applicants" novalidate>
${csrfField(token)}
${pickError ? html`<div class="form-group"><p class="form-hint-invalid" id="ids-error">${pickError}</p></div>` : null}
${table({
  caption: `지원자 ${applicants.length}명: 선택, 이름, 이력서, 지원일, 상태`,
  columns: [
    { header: html`<span class="sr-only">선택</span>`, width: 'narrow' },
    { header: '이름' },
    { header: '이력서' },
    { header: '지원일' },
    { header: '상태' },
  ],
  rows: applicants.map((a) => [
    html`<div class="krds-form-check"><input type="checkbox" id="pick-${a.id}" name="ids" value="${a.id}"${picked.has(a.id) ? html` checked` : null}${pickError ? html` aria-invalid="true" aria-describedby="ids-error"` : null}><label for="pick-${a.id}"><span class="sr-only">${a.applicantName} 선택</span></label></div>`,
    html`<a href="/employer/applications/${a.id}">${a.applicantName}</a>`,
    a.resumeTitle,
    formatDateTime(a.appliedAt),
    a.status === 'received'
      ? html`<strong>${APPLICATION_STATUS[a.status]} (미열람)</strong>`
      : APPLICATION_STATUS[a.status],
  ]),
})}
<div class="ilteo-actions">
${select({ id: 'bulkStatus', name: 'status', label: '선택한 지원자를', value: form.status, options: [{ value: '', label: '선택' }, ...EMPLOYER_STATUSES.map((s) => ({ value: s, label: josa(APPLICATION_STATUS[s], '으로/로') }))], error: form.errors.bulkStatus })}
${button({ label: '한꺼번에 바꾸기', type: 'submit', variant: 'secondary' })}
</div>
</form>`;
}

/**
 * What the page's error summary lists: the errors of a status button, and the applicants form's, each
 * linked to its field — the first checkbox stands for the picks.
 */
export function postingPageErrors(
  applicants: readonly Application[],
  form: ApplicantsForm,
  errors: Record<string, string> = {},
): Record<string, string> {
  const first = applicants[0];
  const summary: Record<string, string> = { ...errors };
  if (form.errors.ids) summary[first ? `pick-${first.id}` : '_form'] = form.errors.ids;
  if (form.errors.bulkStatus) summary.bulkStatus = form.errors.bulkStatus;
  return summary;
}

/** The main content of the employer's page of one of their postings, with its applicants. */
export function postingPage(
  posting: OwnPosting,
  applicants: readonly Application[],
  parts: {
    summary: Record<string, string>;
    query: Record<string, string | undefined> | undefined;
    form: ApplicantsForm;
    token: string;
  },
): Html {
  return html`<h1 class="heading-xlarge">${posting.title}</h1>
${errorSummary(parts.summary)}
${parts.query ? postingNotice(parts.query, applicants) : null}
${postingActions(posting, parts.token)}
${descriptionList({
  items: [
    { term: '구인인증번호', description: posting.wantedAuthNo },
    { term: '상태', description: statusLabel(posting.status) },
    { term: '등록일', description: posting.regDt },
    { term: '마감일', description: posting.closeDt ?? '채용시까지' },
    { term: '모집 인원', description: `${posting.collectPsncnt}명` },
  ],
})}
<p><a href="/jobs/${posting.wantedAuthNo}">구직자에게 보이는 공고 보기</a></p>
<section class="ilteo-section" aria-labelledby="applicants"><h2 id="applicants" class="heading-medium">지원자 ${applicants.length}명</h2>
${
  applicants.length === 0
    ? emptyState({
        title: '아직 지원자가 없습니다',
        body:
          posting.status === 'open'
            ? '구직자가 이 공고에 지원하면 여기에 나타납니다. 지원자가 생기면 이력서를 열어 보고 전형 단계를 바꿀 수 있습니다.'
            : '이 공고는 지금 지원을 받지 않습니다. 다시 열면 구직자가 지원할 수 있습니다.',
      })
    : applicantsForm(posting, applicants, parts.form, parts.token)
}</section>`;
}
