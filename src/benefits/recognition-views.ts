/**
 * 실업인정 for the claimant: the form with 재취업활동 (and the requirement, checked before sending), the
 * form alone while no database answers (for the journal), and a 차수 already filed with its outcome.
 */
import { formatDateTime, formatKoreanDate } from '../shared/dates.ts';
import { won } from '../shared/korean.ts';
import {
  alert,
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
import type { ActivityCheck, Requirement } from './activities.ts';
import { RECOGNITION_STATUS } from './labels.ts';
import type { Activity, Claim, Recognition } from './model.ts';
import { ACTIVITY_ROWS, type ActivityRow } from './recognition-forms.ts';
import { ACTIVITY_KINDS, type ActivityKind } from './rules.ts';

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

/** What the period needs, in one sentence: the rule, how many activities, how many of them 입사 지원·면접. */
export function requirementText(required: Requirement): string {
  return `${required.rule} 필요: ${required.activities}회${required.jobSearch > 0 ? ` (그중 입사 지원·면접 ${required.jobSearch}회 이상)` : ''}.`;
}
