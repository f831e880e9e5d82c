/** 인재검색 and 인재정보 요청 pages: the employer's search and a resume, the seeker's received requests. */
import { EDUCATIONS, labelOf } from '../jobs/codes.ts';
import { OCCUPATIONS, occupationLabel } from '../reference/occupations.ts';
import { regionName, SIDO } from '../reference/regions.ts';
import { formatDateTime } from '../shared/dates.ts';
import { alert, button, emptyState, errorSummary, linkButton, select, table, textInput } from '../web/components.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import { careerMonths } from './resume.ts';
import { resumeView } from './resume-views.ts';
import type { Resume } from './store.ts';
import { maskName } from './talent.ts';
import type { ContactRequest, SeekerRequest, TalentFilters, TalentRow } from './talent-store.ts';

export function talentSearchPage(f: TalentFilters, found: readonly TalentRow[], thisMonth: string): Html {
  return html`<h1 class="heading-xlarge">인재검색</h1>
<p>공개한 이력서만 보입니다. 이름과 연락처는 구직자가 인재정보 요청을 수락하면 보입니다.</p>
<form method="get" action="/employer/talent" class="ilteo-filter" role="search" aria-label="인재검색">
	${select({ id: 'occupation', name: 'occupation', label: '희망직종 (대분류)', value: f.occupation, options: [{ value: '', label: '전체' }, ...OCCUPATIONS.filter((o) => o.level === 1).map((o) => ({ value: o.code, label: o.name }))] })}
	${select({ id: 'sido', name: 'sido', label: '희망지역 (시도)', value: f.sido, options: [{ value: '', label: '전국' }, ...SIDO.map((s) => ({ value: s.code, label: s.name }))] })}
	${select({ id: 'education', name: 'education', label: '최소 학력', value: f.education, options: [{ value: '', label: '상관없음' }, ...EDUCATIONS.filter((e) => e.code !== '00').map((e) => ({ value: e.code, label: `${e.label} 이상` }))] })}
	${select({
    id: 'minCareer',
    name: 'minCareer',
    label: '경력',
    value: f.minCareer,
    options: [
      { value: '', label: '상관없음' },
      { value: '12', label: '1년 이상' },
      { value: '36', label: '3년 이상' },
      { value: '60', label: '5년 이상' },
      { value: '120', label: '10년 이상' },
    ],
  })}
	${textInput({ id: 'q', name: 'q', label: '검색어 (기술·자격증)', value: f.q })}
	<div class="ilteo-actions">${button({ label: '찾기', type: 'submit' })}</div>
</form>
${
  found.length === 0
    ? Object.values(f).every((v) => v === '')
      ? emptyState({
          title: '인재검색에 공개된 이력서가 아직 없습니다',
          body: '구직자가 이력서를 인재검색에 공개하면 여기에서 찾을 수 있습니다.',
        })
      : emptyState({
          title: '조건에 맞는 인재가 없습니다',
          body: html`<ul class="krds-info-list dash">
			${f.q ? html`<li>검색어(기술·자격증)의 철자를 확인하거나 더 짧은 말로 찾아보세요.</li>` : null}
			<li>희망직종·희망지역·학력·경력 조건을 줄여 보세요.</li>
		</ul>`,
          actions: [linkButton({ href: '/employer/talent', label: '조건 없이 보기', variant: 'secondary' })],
        })
    : table({
        caption: `인재 ${found.length}명: 이름, 이력서, 희망직종, 희망지역, 경력, 학력`,
        columns: [
          { header: '이름' },
          { header: '이력서' },
          { header: '희망직종' },
          { header: '희망지역' },
          { header: '경력' },
          { header: '학력' },
        ],
        rowHeaders: true,
        rows: found.map((r) => [
          html`<a href="/employer/talent/${r.id}">${maskName(r.ownerName)}</a>`,
          r.title,
          (r.occupations ?? []).map(occupationLabel).join(', ') || '-',
          (r.regions ?? []).map(regionName).join(', ') || '-',
          `${Math.floor(careerMonths(r.careers, thisMonth) / 12)}년 ${careerMonths(r.careers, thisMonth) % 12}개월`,
          labelOf(EDUCATIONS, r.education),
        ]),
      })
}`;
}

export function talentPage(
  resume: Resume,
  owner: { name: string; email: string | null } | undefined,
  existing: ContactRequest | undefined,
  opts: { sent?: boolean; error?: string; message?: string },
  token: string,
): Html {
  const accepted = existing?.status === 'accepted';
  return html`<h1 class="heading-xlarge">${accepted ? owner?.name : maskName(owner?.name ?? '')} · ${resume.title}</h1>
${opts.error ? errorSummary({ message: opts.error }) : null}
${opts.sent ? alert({ variant: 'success', role: 'status', title: '인재정보 요청을 보냈습니다. 구직자가 수락하면 연락처가 보입니다.' }) : null}
${accepted ? alert({ variant: 'success', title: '구직자가 요청을 수락했습니다.', body: `연락처: ${owner?.email ?? '(이메일 없음)'}` }) : null}
${resumeView(resume)}
<section class="ilteo-section" aria-labelledby="contact"><h2 id="contact" class="heading-medium">인재정보 요청</h2>
${
  existing
    ? html`<p>${formatDateTime(existing.createdAt)}에 요청했습니다 · 상태: <strong>${existing.status === 'pending' ? '답변 대기' : existing.status === 'accepted' ? '수락' : '거절'}</strong></p>`
    : html`<form method="post" action="/employer/talent/${resume.id}/request" class="ilteo-subform" novalidate>
	${csrfField(token)}
	${textInput({ id: 'message', name: 'message', label: '구직자에게 보낼 말 (어떤 자리인지)', value: opts.message ?? '', required: true, maxlength: 300, error: opts.error })}
	<div class="ilteo-actions">${button({ label: '인재정보 요청', type: 'submit' })}</div>
</form>`
}</section>`;
}

export function contactRequestsPage(
  rows: readonly SeekerRequest[],
  opts: { answered?: string; error?: string },
  token: string,
): Html {
  return html`<h1 class="heading-xlarge">받은 인재정보 요청</h1>
${opts.error ? errorSummary({ _form: opts.error }) : null}
${
  opts.answered === 'accepted'
    ? alert({ variant: 'success', role: 'status', title: '요청을 수락했습니다. 그 기업에 이름과 이메일이 보입니다.' })
    : opts.answered === 'declined'
      ? alert({
          variant: 'success',
          role: 'status',
          title: '요청을 거절했습니다. 그 기업에는 이름과 연락처가 보이지 않습니다.',
        })
      : null
}
<p>기업이 공개 이력서를 보고 연락을 요청했습니다. 수락하면 그 기업에 이름과 이메일이 보입니다.</p>
${
  rows.length === 0
    ? emptyState({
        title: '받은 인재정보 요청이 없습니다',
        body: html`이력서를 인재검색에 공개하면 기업이 연락을 요청할 수 있고, 요청이 오면 여기에 나타납니다. <a href="/my/resumes">이력서 관리</a>에서 공개 여부를 바꿀 수 있습니다.`,
      })
    : table({
        caption: `인재정보 요청 ${rows.length}건: 기업, 이력서, 내용, 받은 날, 상태`,
        columns: [
          { header: '기업' },
          { header: '이력서' },
          { header: '내용' },
          { header: '받은 날' },
          { header: '상태' },
        ],
        rowHeaders: true,
        rows: rows.map((r) => [
          r.companyName,
          r.resumeTitle,
          r.message,
          formatDateTime(r.createdAt),
          r.status === 'pending'
            ? html`<form method="post" action="/my/contact-requests/${r.id}" class="ilteo-inline-form">${csrfField(token)}<input type="hidden" name="decision" value="accepted">${button({ label: '수락', type: 'submit', size: 'small' })}</form>
<form method="post" action="/my/contact-requests/${r.id}" class="ilteo-inline-form">${csrfField(token)}<input type="hidden" name="decision" value="declined">${button({ label: '거절', type: 'submit', size: 'small', variant: 'secondary' })}</form>`
            : r.status === 'accepted'
              ? '수락함'
              : '거절함',
        ]),
      })
}`;
}
