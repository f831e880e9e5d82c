/**
 * 이력서: the seeker's list and form, and a resume as others read it (an employer through 인재검색 or a
 * 입사지원, the seeker's own preview).
 */
import { EDUCATIONS, labelOf } from '../jobs/codes.ts';
import { formatDateTime } from '../shared/dates.ts';
import {
  alert,
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
import type { Errors } from '../web/forms.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import { CAREER_ROWS, type ResumeValues } from './resume.ts';
import type { Resume } from './resume-store.ts';

export function resumeView(r: Resume): Html {
  return html`${descriptionList({
    items: [
      { term: '최종 학력', description: `${labelOf(EDUCATIONS, r.education)}${r.school ? ` · ${r.school}` : ''}` },
      {
        term: '경력',
        description:
          r.careers.length === 0
            ? '없음 (신입)'
            : html`<ul class="ilteo-reasons">${r.careers.map((c) => html`<li>${c.company} · ${c.role} (${c.from} ~ ${c.to || '재직 중'})</li>`)}</ul>`,
      },
      { term: '자격증', description: r.certificates || '-' },
      { term: '보유 기술', description: r.skills || '-' },
    ],
  })}
<h3 class="heading-small">자기소개서</h3>
<div class="ilteo-text">${r.introduction.split('\n').map((l) => html`<p>${l}</p>`)}</div>`;
}

/** 이력서 관리: the seeker's resumes, newest change first. */
export function resumesPage(resumes: Resume[], saved: boolean): Html {
  return html`<h1 class="heading-xlarge">이력서 관리</h1>
${saved ? alert({ variant: 'success', role: 'status', title: '이력서를 저장했습니다.' }) : null}
<div class="ilteo-actions">${linkButton({ href: '/my/resumes/new', label: '새 이력서 쓰기' })} ${linkButton({ href: '/my/applications', label: '입사지원 현황', variant: 'secondary' })}</div>
${
  resumes.length === 0
    ? emptyState({ title: '아직 이력서가 없습니다', body: '이력서를 쓰면 채용공고에 바로 지원할 수 있습니다.' })
    : table({
        caption: `이력서 ${resumes.length}개: 제목, 공개 여부, 고친 날`,
        columns: [{ header: '제목' }, { header: '인재검색 공개' }, { header: '고친 날' }],
        rowHeaders: true,
        rows: resumes.map((r) => [
          html`<a href="/my/resumes/${r.id}">${r.title}</a>`,
          r.isPublic ? '공개' : '비공개',
          formatDateTime(r.updatedAt),
        ]),
      })
}`;
}

/** The resume form's page: a new resume, or one of the seeker's own. */
export function resumeFormPage(form: {
  action: string;
  values: ResumeValues;
  errors: Errors;
  csrf: string;
  returnTo: string;
}): Html {
  return html`<h1 class="heading-xlarge">이력서</h1>${resumeForm(form.action, form.values, form.errors, form.csrf, form.returnTo)}`;
}

function resumeForm(action: string, values: ResumeValues, errors: Errors, csrf: string, returnTo: string): Html {
  const v = (k: string) => values[k] ?? '';
  return html`${errorSummary(errors)}
<form method="post" action="${action}" novalidate>
	${csrfField(csrf)}
	<input type="hidden" name="returnTo" value="${returnTo}">
	${textInput({ id: 'title', name: 'title', label: '이력서 제목', value: v('title'), required: true, maxlength: 60, error: errors.title })}
	${select({ id: 'education', name: 'education', label: '최종 학력', value: v('education'), required: true, options: [{ value: '', label: '선택' }, ...EDUCATIONS.filter((e) => e.code !== '00').map((e) => ({ value: e.code, label: e.label }))], error: errors.education })}
	${textInput({ id: 'school', name: 'school', label: '학교·전공 (선택)', value: v('school'), maxlength: 60 })}
	<fieldset class="fieldset ilteo-fieldset"><legend class="ilteo-legend">경력 (최대 ${CAREER_ROWS}개, 재직 중이면 끝 연월을 비워 두세요)</legend>
	${Array.from({ length: CAREER_ROWS }, (_, i) => careerRow(i, v, errors))}
	</fieldset>
	${textarea('certificates', '자격증', v('certificates'), 500, errors.certificates)}
	${textarea('skills', '보유 기술', v('skills'), 500, errors.skills)}
	${textarea('introduction', '자기소개서', v('introduction'), 2000, errors.introduction)}
	<div class="form-group"><div class="form-conts"><div class="krds-form-check">
		<input type="checkbox" id="isPublic" name="isPublic" value="yes"${v('isPublic') === 'yes' ? html` checked` : null}>
		<label for="isPublic">인재검색에 공개합니다 (기업회원이 연락을 요청할 수 있음; 연락처는 보이지 않음)</label>
	</div></div></div>
	<div class="ilteo-actions">${button({ label: '저장', type: 'submit', size: 'large' })}</div>
</form>`;
}

function careerRow(i: number, v: (k: string) => string, errors: Errors): Html {
  return html`<div class="ilteo-activity-row">
		${textInput({ id: `company${i}`, name: `company${i}`, label: `경력 ${i + 1} 회사`, value: v(`company${i}`), maxlength: 60, error: errors[`company${i}`] })}
		${textInput({ id: `role${i}`, name: `role${i}`, label: '담당 업무', value: v(`role${i}`), maxlength: 60 })}
		${textInput({ id: `from${i}`, name: `from${i}`, label: '시작 (연.월)', value: v(`from${i}`), placeholder: '2021.03', maxlength: 10, error: errors[`from${i}`] })}
		${textInput({ id: `to${i}`, name: `to${i}`, label: '끝 (연.월)', value: v(`to${i}`), placeholder: '2024.12', maxlength: 10, error: errors[`to${i}`] })}
	</div>`;
}
