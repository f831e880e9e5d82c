/**
 * The 실업인정 on a claim's review page: one row per 차수 with its state, its 재취업활동 (those dated outside
 * the period flagged) and what the counsellor can do — move a scheduled date (사후 인정 once missed),
 * 인정·지급 or 불인정 a filed one. The forms of a 차수 are named with it; one with an error opens.
 */
import { activityDateError } from '../benefits/activities.ts';
import { RECOGNITION_STATUS, recognitionState } from '../benefits/labels.ts';
import { ACTIVITY_KINDS } from '../benefits/rules.ts';
import { CHANGE_KINDS, type Claim, RECOGNITION_REJECTIONS, type Recognition } from '../benefits/service.ts';
import { formatKoreanDate } from '../shared/dates.ts';
import { won } from '../shared/korean.ts';
import { button, select, table, textInput } from '../web/components.ts';
import type { Errors, Values } from '../web/forms.ts';
import { type Html, type HtmlValue, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import type { ClaimReview, RecognitionLine } from './claim-service.ts';

/** The forms of one 차수: its field names, what was typed, and whether one of them has an error. */
interface RowForms {
  claim: Claim;
  r: Recognition;
  errors: Errors;
  values: Values;
  token: string;
}

const field = (r: Recognition, name: string) => `${name}${r.seq}`;
const opened = (f: RowForms, ...names: string[]) =>
  names.some((n) => f.errors[field(f.r, n)] !== undefined) ? html` open` : null;

export function recognitionsSection(
  claim: Claim,
  review: ClaimReview,
  errors: Errors,
  values: Values,
  token: string,
): Html | null {
  if (review.recognitions.length === 0) return null;
  const rows = review.recognitions.map((line) =>
    recognitionRow(line, review.today, { claim, r: line.recognition, errors, values, token }),
  );
  return html`<section class="ilteo-section" aria-labelledby="recognitions"><h2 id="recognitions" class="heading-medium">실업인정</h2>
${table({
  caption: '실업인정: 차수, 실업인정일, 대상 기간, 상태, 재취업활동, 처리',
  columns: [
    { header: '차수' },
    { header: '실업인정일' },
    { header: '대상 기간' },
    { header: '상태' },
    { header: '재취업활동' },
    { header: '처리' },
  ],
  rowHeaders: true,
  rows,
})}</section>`;
}

function recognitionRow(line: RecognitionLine, today: string, f: RowForms): HtmlValue[] {
  const { recognition: r, activities: acts, check } = line;
  const state = recognitionState(r, today);
  return [
    `${r.seq}차`,
    formatKoreanDate(r.scheduledDate),
    `${formatKoreanDate(r.periodStart)} ~ ${formatKoreanDate(r.periodEnd)}`,
    html`${RECOGNITION_STATUS[state]}${r.workedOrEarned ? html`<br><strong>근로·소득 있음 (확인 필요)</strong>` : null}${r.status === 'rejected' && r.decisionNote ? html`<br><span class="ilteo-muted">사유: ${r.decisionNote}</span>` : null}`,
    acts.length === 0
      ? '-'
      : html`<ul class="ilteo-reasons">${acts.map((a) => html`<li>${a.date} ${ACTIVITY_KINDS[a.kind].label} ${a.organisation} ${a.description}${activityDateError(a.date, r) ? html` <strong>(인정 기간 밖)</strong>` : null}</li>`)}</ul>${check && !check.met ? html`<p class="ilteo-muted">${check.missing.join(' ')}</p>` : null}`,
    r.status === 'scheduled'
      ? moveForm(f, state === 'missed')
      : r.status === 'filed'
        ? decideForms(f)
        : r.amount !== null
          ? `${r.paidDays}일 ${won(r.amount)}`
          : '',
  ];
}

/** 날짜 변경 of a scheduled 차수 (사후 인정 with evidence once its date has passed). */
function moveForm(f: RowForms, missed: boolean): Html {
  const { claim, r, errors, values } = f;
  const n = (name: string) => field(r, name);
  return html`<details class="ilteo-details"${opened(f, 'newDate', 'kind', 'evidence')}><summary class="ilteo-details__summary">${missed ? '사후 인정 (증빙)' : '날짜 변경'}</summary>
<form method="post" action="/centre/claims/${claim.id}/recognitions/${r.seq}/move" novalidate class="ilteo-subform">${csrfField(f.token)}
${textInput({ id: n('newDate'), name: 'newDate', label: '새 실업인정일', type: 'date', value: values[n('newDate')] ?? '', required: true, error: errors[n('newDate')] })}
${select({ id: n('kind'), name: 'kind', label: '사유', options: [{ value: '', label: '선택하세요' }, ...Object.entries(CHANGE_KINDS).map(([value, label]) => ({ value, label }))], value: values[n('kind')] ?? '', required: true, error: errors[n('kind')] })}
${textInput({ id: n('evidence'), name: 'evidence', label: '확인한 증빙', value: values[n('evidence')] ?? '', error: errors[n('evidence')] })}
${button({ label: '변경 (확인 화면으로)', type: 'submit', size: 'small', variant: 'secondary' })}</form></details>`;
}

/** 인정·지급 (with the days worked, when the claimant reported work or income) or 불인정 of a filed 차수. */
function decideForms(f: RowForms): Html {
  const { claim, r, errors, values } = f;
  const n = (name: string) => field(r, name);
  return html`<form method="post" action="/centre/claims/${claim.id}/recognitions/${r.seq}/confirm" class="ilteo-inline-form">${csrfField(f.token)}${r.workedOrEarned ? html`<label for="worked${r.seq}">일한 날 (지급 제외)</label> <input type="number" id="worked${r.seq}" name="workedDays" min="0" max="28" value="0" class="krds-input small ilteo-input-days"> ` : null}${button({ label: '인정·지급', type: 'submit', size: 'small' })}</form>
<details class="ilteo-details"${opened(f, 'rc', 'rn')}><summary class="ilteo-details__summary">불인정</summary>
<form method="post" action="/centre/claims/${claim.id}/recognitions/${r.seq}/reject" novalidate class="ilteo-subform">${csrfField(f.token)}
${select({ id: n('rc'), name: 'code', label: '불인정 사유', options: [{ value: '', label: '선택하세요' }, ...Object.entries(RECOGNITION_REJECTIONS).map(([value, label]) => ({ value, label }))], value: values[n('rc')] ?? '', required: true, error: errors[n('rc')] })}
${textInput({ id: n('rn'), name: 'note', label: '신청인에게 보일 설명 (선택)', value: values[n('rn')] ?? '', maxlength: 300 })}
${button({ label: '불인정 (확인 화면으로)', type: 'submit', size: 'small', variant: 'secondary' })}</form></details>`;
}
