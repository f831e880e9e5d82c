/**
 * The 채용공고 form for employers (register, edit, re-post), with what the law forbids in recruitment and
 * the minimum wage stated above it; every field marked with its error when the form comes back.
 */
import { CAREERS, EDUCATIONS, EMPLOYMENT_TYPES, WAGE_TYPES, WORK_SCHEDULES } from '../jobs/codes.ts';
import { OCCUPATIONS } from '../reference/occupations.ts';
import { SIGUNGU_OPTIONS } from '../reference/regions.ts';
import { button, errorSummary, select, textarea, textInput } from '../web/components.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import type { PostingFormValues } from './posting-form.ts';

const OCCUPATION_OPTIONS = OCCUPATIONS.filter((o) => o.level === 3).map((o) => ({
  value: o.code,
  label: `${o.name} (${o.code})`,
}));

/** The 채용공고 form posting to `action`; `key` is the idempotency key of a form that registers a posting. */
export function postingForm(
  action: string,
  v: PostingFormValues,
  errors: Record<string, string>,
  csrf: string,
  key: string | null,
  submit: string,
): Html {
  const opts = (list: readonly { code: string; label: string }[]) =>
    list.map((c) => ({ value: c.code, label: c.label }));
  return html`${errorSummary(errors)}
<p class="ilteo-muted">나이·성별·혼인 여부를 조건으로 할 수 없고, 직무와 관계없는 용모·키·체중, 출신 지역, 재산, 가족의 학력·직업·재산을 물을 수 없습니다 (고령자고용법 제4조의4, 남녀고용평등법 제7조, 채용절차법 제4조의3). 임금은 2026년 최저임금(시간급 10,320원) 이상이어야 합니다.</p>
<form method="post" action="${action}" novalidate>
	${csrfField(csrf)}
	${key ? html`<input type="hidden" name="idempotencyKey" value="${key}">` : null}
	<fieldset class="fieldset ilteo-fieldset"><legend class="ilteo-legend">모집 내용</legend>
	${textInput({ id: 'title', name: 'title', label: '채용 제목', value: v.title, required: true, maxlength: 60, error: errors.title })}
	${select({ id: 'jobsCd', name: 'jobsCd', label: '모집 직종', value: v.jobsCd, required: true, options: [{ value: '', label: '선택' }, ...OCCUPATION_OPTIONS], error: errors.jobsCd })}
	${textarea('jobCont', '하는 일 (직무 내용)', v.jobCont, 3000, errors.jobCont)}
	${textInput({ id: 'collectPsncnt', name: 'collectPsncnt', label: '모집 인원 (명)', inputmode: 'numeric', value: v.collectPsncnt, required: true, error: errors.collectPsncnt })}
	${select({ id: 'career', name: 'career', label: '경력', value: v.career, options: opts(CAREERS), error: errors.career })}
	${textInput({ id: 'minCareerMonths', name: 'minCareerMonths', label: '최소 경력 (개월, 경력자 모집일 때)', inputmode: 'numeric', value: v.minCareerMonths, error: errors.minCareerMonths })}
	${select({ id: 'minEdubg', name: 'minEdubg', label: '최소 학력', value: v.minEdubg, options: opts(EDUCATIONS), error: errors.minEdubg })}
	${textarea('pfCond', '우대 사항 (선택)', v.pfCond, 1000, errors.pfCond)}
	</fieldset>
	<fieldset class="fieldset ilteo-fieldset"><legend class="ilteo-legend">근로 조건</legend>
	${select({ id: 'empTpCd', name: 'empTpCd', label: '고용 형태', value: v.empTpCd, options: opts(EMPLOYMENT_TYPES), error: errors.empTpCd })}
	${select({ id: 'salTpCd', name: 'salTpCd', label: '임금 형태', value: v.salTpCd, options: opts(WAGE_TYPES), error: errors.salTpCd })}
	${textInput({ id: 'minSal', name: 'minSal', label: '최소 임금 (원)', inputmode: 'numeric', value: v.minSal, required: true, error: errors.minSal })}
	${textInput({ id: 'maxSal', name: 'maxSal', label: '최대 임금 (원, 고정급이면 비움)', inputmode: 'numeric', value: v.maxSal, error: errors.maxSal })}
	${textInput({ id: 'workHoursPerDay', name: 'workHoursPerDay', label: '1일 소정근로시간', inputmode: 'decimal', value: v.workHoursPerDay, required: true, error: errors.workHoursPerDay })}
	${textInput({ id: 'workHoursPerWeek', name: 'workHoursPerWeek', label: '주 소정근로시간', inputmode: 'decimal', value: v.workHoursPerWeek, required: true, error: errors.workHoursPerWeek })}
	${select({ id: 'holidayTpCd', name: 'holidayTpCd', label: '근무 형태', value: v.holidayTpCd, options: opts(WORK_SCHEDULES), error: errors.holidayTpCd })}
	${textarea('etcWelfare', '복리후생 (선택)', v.etcWelfare, 1000, errors.etcWelfare)}
	</fieldset>
	<fieldset class="fieldset ilteo-fieldset"><legend class="ilteo-legend">근무지</legend>
	${select({ id: 'regionCd', name: 'regionCd', label: '시군구', value: v.regionCd, required: true, options: [{ value: '', label: '선택' }, ...SIGUNGU_OPTIONS], error: errors.regionCd })}
	${textInput({ id: 'zipCd', name: 'zipCd', label: '우편번호', inputmode: 'numeric', value: v.zipCd, required: true, maxlength: 5, error: errors.zipCd })}
	${textInput({ id: 'basicAddr', name: 'basicAddr', label: '주소', value: v.basicAddr, required: true, error: errors.basicAddr })}
	${textInput({ id: 'detailAddr', name: 'detailAddr', label: '상세 주소 (선택)', value: v.detailAddr })}
	</fieldset>
	<fieldset class="fieldset ilteo-fieldset"><legend class="ilteo-legend">접수</legend>
	${textInput({ id: 'closeDt', name: 'closeDt', label: '마감일', type: 'date', value: v.closeDt, error: errors.closeDt })}
	<div class="form-group"><div class="form-conts"><div class="krds-form-check"><input type="checkbox" id="untilFilled" name="untilFilled" value="yes"${v.untilFilled === 'yes' ? html` checked` : null}><label for="untilFilled">채용시까지 (마감일 없음)</label></div></div></div>
	${textInput({ id: 'selMthd', name: 'selMthd', label: '전형 방법', value: v.selMthd, required: true, error: errors.selMthd })}
	${textInput({ id: 'rcptMthd', name: 'rcptMthd', label: '접수 방법', value: v.rcptMthd, required: true, error: errors.rcptMthd })}
	${textInput({ id: 'contactName', name: 'contactName', label: '담당자', value: v.contactName, required: true, error: errors.contactName })}
	${textInput({ id: 'contactTelno', name: 'contactTelno', label: '담당자 전화번호', type: 'tel', value: v.contactTelno, required: true, error: errors.contactTelno })}
	</fieldset>
	<div class="ilteo-actions">${button({ label: submit, type: 'submit', size: 'large' })}</div>
</form>`;
}

/** A page of the 채용공고 form: its title as the heading, then the form. */
export function postingFormPage(title: string, form: Html): Html {
  return html`<h1 class="heading-xlarge">${title}</h1>${form}`;
}

/** 다시 올리기 of a posting that no longer passes today's rules: the copy's form to check and register. */
export function repostCheckForm(
  values: PostingFormValues,
  errors: Record<string, string>,
  csrf: string,
  key: string,
): Html {
  return html`<p>이전 공고를 오늘 기준으로 다시 확인해 주세요.</p>${postingForm('/employer/postings', values, errors, csrf, key, '등록하기')}`;
}
