/** 창구 접수's screen (/centre/counter): the queue and the three forms counter.js keeps offline. */
import { SEPARATION_REASONS } from '../benefits/rules.ts';
import { OCCUPATIONS } from '../reference/occupations.ts';
import { SIGUNGU_OPTIONS } from '../reference/regions.ts';
import { alert, button, select, textInput } from '../web/components.ts';
import { type Html, html } from '../web/html.ts';
import { staticUrl } from '../web/krds/static.ts';
import { COUNTER_KINDS } from './counter-forms.ts';

/** The citizen's ID; counter.js attaches the centre's people (reference data) as suggestions. */
function citizenField(kind: string): Html {
  return textInput({
    id: `${kind}-citizen`,
    name: 'citizen',
    label: '대상자 개인회원 아이디',
    required: true,
    autocomplete: 'off',
    hint: '아이디를 적으면 이 센터의 목록에서 찾아 줍니다.',
  });
}

/** 구직신청: the citizen, 희망직종 and 희망지역, and optionally the wage and the first day. */
function jobseekingForm(): Html {
  const occupations = OCCUPATIONS.filter((o) => o.level === 3).map((o) => ({
    value: o.code,
    label: `${o.name} (${o.code})`,
  }));
  return html`<section class="ilteo-section" aria-labelledby="f1-title">
	<h2 id="f1-title" class="heading-medium">${COUNTER_KINDS.jobseeking}</h2>
	<form data-kind="jobseeking" novalidate>
		${citizenField('jobseeking')}
		${select({ id: 'jobseeking-occupation0', name: 'occupation0', label: '희망직종', required: true, options: [{ value: '', label: '선택' }, ...occupations] })}
		${select({ id: 'jobseeking-region0', name: 'region0', label: '희망지역', required: true, options: [{ value: '', label: '선택' }, ...SIGUNGU_OPTIONS] })}
		${textInput({ id: 'jobseeking-wage', name: 'wageMonthly', label: '희망임금 (만원/월)', inputmode: 'numeric' })}
		${textInput({ id: 'jobseeking-from', name: 'availableFrom', label: '근무 가능일', type: 'date' })}
		<div class="ilteo-actions">${button({ label: '구직신청 접수', type: 'submit' })}</div>
	</form>
</section>`;
}

/** 수급자격 신청: the last workplace and what the claim is decided on. */
function claimForm(): Html {
  return html`<section class="ilteo-section" aria-labelledby="f2-title">
	<h2 id="f2-title" class="heading-medium">${COUNTER_KINDS.claim}</h2>
	<form data-kind="claim" novalidate>
		${citizenField('claim')}
		${textInput({ id: 'claim-company', name: 'companyName', label: '마지막 사업장', required: true })}
		${textInput({ id: 'claim-separation', name: 'separationDate', label: '이직일', type: 'date', required: true })}
		${textInput({ id: 'claim-birth', name: 'birthDate', label: '생년월일', type: 'date', required: true })}
		${textInput({ id: 'claim-months', name: 'insuredMonths', label: '피보험기간 (개월)', inputmode: 'numeric', required: true })}
		${textInput({ id: 'claim-days', name: 'insuredUnitDays', label: '피보험단위기간 (일)', inputmode: 'numeric', required: true })}
		${select({ id: 'claim-reason', name: 'separationReason', label: '이직 사유', required: true, options: [{ value: '', label: '선택' }, ...SEPARATION_REASONS.map((r) => ({ value: r.code, label: `${r.code} ${r.label}` }))] })}
		${textInput({ id: 'claim-wage', name: 'averageDailyWage', label: '평균임금 (1일, 원)', inputmode: 'numeric', required: true })}
		${textInput({ id: 'claim-hours', name: 'dailyHours', label: '1일 소정근로시간', inputmode: 'decimal', value: '8' })}
		<div class="ilteo-actions">${button({ label: '수급자격 신청 접수', type: 'submit' })}</div>
	</form>
</section>`;
}

/** 실업인정 신청: the claim, its 차수, work or income, and one 재취업활동. */
function recognitionForm(): Html {
  return html`<section class="ilteo-section" aria-labelledby="f3-title">
	<h2 id="f3-title" class="heading-medium">${COUNTER_KINDS.recognition}</h2>
	<form data-kind="recognition" novalidate>
		${citizenField('recognition')}
		<p class="form-hint" id="recognition-claims" aria-live="polite"></p>
		${textInput({ id: 'recognition-claim', name: 'claimId', label: '구직급여 신청 번호', inputmode: 'numeric', required: true })}
		${textInput({ id: 'recognition-seq', name: 'seq', label: '차수', inputmode: 'numeric', required: true })}
		${select({
      id: 'recognition-worked',
      name: 'workedOrEarned',
      label: '이 기간에 일하거나 소득이 있었나요?',
      options: [
        { value: 'no', label: '없음' },
        { value: 'yes', label: '있음' },
      ],
    })}
		${select({
      id: 'recognition-activity-kind',
      name: 'activityKind',
      label: '재취업활동 종류',
      options: [
        { value: '', label: '없음' },
        { value: 'application', label: '입사 지원' },
        { value: 'interview', label: '면접' },
        { value: 'training', label: '직업훈련 수강' },
      ],
    })}
		${textInput({ id: 'recognition-activity-date', name: 'activityDate', label: '활동 날짜', type: 'date' })}
		${textInput({ id: 'recognition-activity-org', name: 'activityOrganisation', label: '기관·회사' })}
		<div class="ilteo-actions">${button({ label: '실업인정 신청 접수', type: 'submit' })}</div>
	</form>
</section>`;
}

export function counterPage(counsellor: { id: number; name: string; centreName: string | null }): Html {
  return html`<h1 class="heading-xlarge">창구 접수</h1>
<p class="ilteo-lead">${counsellor.centreName ?? ''} · 상담원 ${counsellor.name}. 전산이 멈춰도 이 화면에서 계속 접수할 수 있습니다. 접수한 서류는 이 PC에 안전하게 보관되고, 연결되면 받은 시각 그대로 자동 전송됩니다.</p>
<noscript>${alert({ variant: 'warning', title: '창구 접수 화면은 JavaScript가 필요합니다', body: '오프라인 보관과 자동 전송에 쓰입니다. 브라우저에서 JavaScript를 켜 주세요.' })}</noscript>
<p id="counter-network" class="ilteo-counter-network" role="status" aria-live="polite">연결 상태 확인 중…</p>
<div id="counter" data-counsellor-id="${counsellor.id}" data-sw="/centre/counter-sw.js">
<datalist id="counter-people"></datalist>
<section class="ilteo-section" aria-labelledby="q-title">
	<h2 id="q-title" class="heading-medium">접수 대기열</h2>
	<p><button type="button" id="counter-send" class="krds-btn medium secondary">지금 전송</button> <span id="counter-summary" aria-live="polite"></span></p>
	<div class="krds-table-wrap ilteo-table-wrap" role="region" tabindex="0" aria-label="접수 대기열">
	<table class="tbl col data">
		<caption>접수 대기열: 접수 시각, 종류, 대상자, 상태, 내용</caption>
		<thead><tr><th scope="col">접수 시각</th><th scope="col">종류</th><th scope="col">대상자</th><th scope="col">상태</th><th scope="col">내용</th></tr></thead>
		<tbody id="counter-queue"><tr><td colspan="5">대기 중인 접수가 없습니다.</td></tr></tbody>
	</table>
	</div>
</section>
${jobseekingForm()}
${claimForm()}
${recognitionForm()}
</div>
<script src="${staticUrl('js/counter.js')}" defer></script>`;
}
