/**
 * 수급자격 신청 from the 고용보험 records: 본인확인 first, the facts with where each came from and the
 * claimant's 확인 or 이의, the waiting page while the 이직확인서 is missing, and the counsellors' list of
 * who is waiting on which employer. (The typed form for an outage is views.ts applyPage.)
 */
import type { JobCentre } from '../identity/accounts.ts';
import type { RecordFact } from '../insurance/claim-facts.ts';
import type { WaitingClaim } from '../insurance/claim-facts-store.ts';
import { formatKoreanDate } from '../shared/dates.ts';
import {
  alert,
  button,
  errorSummary,
  linkButton,
  radioGroup,
  select,
  table,
  textarea,
  textInput,
} from '../web/components.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import { answerField, type RecordsApplyValues, statementField } from './apply-forms.ts';
import { JUSTIFIED_REASONS } from './rules.ts';

const HEADING = html`<h1 class="heading-xlarge">수급자격 신청 (실업신고)</h1>`;

export function verifyFirstPage(): Html {
  return html`${HEADING}
<p>수급자격은 사업주가 신고한 고용보험 기록(피보험자격 취득·상실 신고와 이직확인서)으로 정합니다. 내 기록을 불러오려면 먼저 본인확인을 해 주세요.</p>
<div class="ilteo-actions">${linkButton({ href: '/my/insurance/verify?next=/benefits/apply', label: '본인확인 하기' })}</div>
<p>본인확인을 마친 뒤 이 화면(실업급여 › 수급자격 신청)으로 다시 오시면 기록이 채워져 있습니다.</p>`;
}

export function noRecordsPage(): Html {
  return html`${HEADING}
${alert({ variant: 'info', title: '신고된 고용보험 기록이 없습니다.', body: html`<p>사업주가 피보험자격 취득·상실 신고를 하지 않았을 수 있습니다. <a href="/my/insurance">내 고용보험</a>에서 기록을 확인하고, 빠진 기록은 피보험자격 확인 청구를 하거나 고용센터에 문의해 주세요.</p>` })}`;
}

export function employedPage(opts: { workplaceName: string; acquiredOn: string | null }): Html {
  return html`${HEADING}
${alert({ variant: 'info', title: '아직 고용보험에 가입된 사업장이 있습니다.', body: html`<p>${opts.workplaceName}${opts.acquiredOn ? ` (${formatKoreanDate(opts.acquiredOn)} 취득)` : ''}의 피보험자격 상실 신고와 이직확인서가 아직 없습니다. 회사를 그만두었다면 사업주에게 상실 신고를 요청하거나, <a href="/my/insurance">내 고용보험</a>에서 피보험자격 확인 청구를 해 주세요.</p>` })}`;
}

export function waitingPage(opts: {
  workplaceName: string;
  managementNo: string;
  separationDate: string;
  request: { requestedOn: string; dueOn: string } | undefined;
  asked: boolean;
  csrf: string;
  idempotencyKey: string;
}): Html {
  const r = opts.request;
  return html`${HEADING}
${
  r
    ? alert({
        variant: opts.asked ? 'success' : 'info',
        role: 'status',
        title: `${opts.workplaceName}의 이직확인서를 기다리고 있습니다.`,
        body: html`<p>${formatKoreanDate(r.requestedOn)}에 사업주에게 이직확인서를 요청했습니다. 제출 기한은 ${formatKoreanDate(r.dueOn)}입니다 (고용보험법 제42조 제3항). 이직확인서가 들어오면 이 화면에서 내용을 확인하고 신청을 마칠 수 있습니다. 실업신고일은 요청한 날(${formatKoreanDate(r.requestedOn)})로 합니다.</p><p>기한이 지나도 제출되지 않으면 고용센터 상담원이 사업주에게 연락합니다.</p>`,
      })
    : html`${alert({ variant: 'warning', title: '마지막 사업장의 이직확인서가 아직 없습니다.', body: html`<p>${opts.workplaceName} (사업장관리번호 ${opts.managementNo}), 이직일 ${formatKoreanDate(opts.separationDate)}. 수급자격은 이직확인서로 정하므로, 사업주에게 요청해야 신청을 마칠 수 있습니다.</p>` })}
<form method="post" action="/benefits/apply/wait" novalidate>
	${csrfField(opts.csrf)}
	<input type="hidden" name="idempotencyKey" value="${opts.idempotencyKey}">
	<div class="ilteo-actions">${button({ label: '사업주에게 이직확인서 요청하기', type: 'submit', size: 'large' })}</div>
</form>`
}`;
}

function factBlock(f: RecordFact, values: RecordsApplyValues, errors: Record<string, string>): Html {
  const a = values.answers[f.key] ?? { answer: '', statement: '' };
  const name = answerField(f.key);
  return html`<section class="ilteo-section ilteo-fact" aria-labelledby="fact-${f.key}">
	<h3 id="fact-${f.key}" class="heading-small">${f.label}: <strong>${f.shown}</strong></h3>
	<p class="ilteo-fact__source">출처: ${f.source}</p>
	<ul class="ilteo-reasons">${f.reasons.map((r) => html`<li>${r}</li>`)}</ul>
	${radioGroup({
    name,
    legend: `${f.label}: 맞습니까?`,
    options: [
      { value: 'confirm', label: '맞습니다', checked: a.answer === 'confirm' },
      { value: 'dispute', label: '다릅니다 (이의)', checked: a.answer === 'dispute' },
    ],
    error: errors[`${name}-1`],
  })}
	<details class="ilteo-details"${a.answer === 'dispute' || a.statement !== '' || errors[statementField(f.key)] ? html` open` : null}>
		<summary class="ilteo-details__summary"><span class="ilteo-details__title">다르다면 실제 내용 적기</span></summary>
		<div class="ilteo-details__body">${textarea(statementField(f.key), `실제 ${f.label} (상담원이 확인합니다)`, a.statement, 1000, errors[statementField(f.key)])}</div>
	</details>
</section>`;
}

export function recordsApplyPage(opts: {
  workplaceName: string;
  facts: readonly RecordFact[];
  uncounted: readonly { workplace: string; from: string; to: string }[];
  reason: string;
  needsBirthDate: boolean;
  values: RecordsApplyValues;
  errors: Record<string, string>;
  centres: readonly JobCentre[];
  factsVersion: string;
  csrf: string;
  idempotencyKey: string;
}): Html {
  const v = opts.values;
  const justifiedOptions = [
    { value: '', label: '선택' },
    ...JUSTIFIED_REASONS.map((j) => ({ value: j.code, label: j.label })),
  ];
  return html`${HEADING}
<p>아래 내용은 사업주가 신고한 고용보험 기록(${opts.workplaceName}의 이직확인서와 피보험자격 신고)에서 가져왔습니다. 항목마다 맞는지 확인해 주세요. 다른 항목이 있어도 신청은 접수되며, 그 항목은 상담원이 적어 주신 내용과 함께 확인합니다. 신청한 날이 실업신고일입니다.</p>
${opts.uncounted.length > 0 ? alert({ variant: 'warning', title: '이직확인서가 없어 세지 못한 사업장이 있습니다.', body: html`<ul>${opts.uncounted.map((u) => html`<li>${u.workplace}: ${formatKoreanDate(u.from)} ~ ${formatKoreanDate(u.to)}</li>`)}</ul><p>이 기간의 피보험단위기간은 상담원이 확인해 정합니다.</p>` }) : null}
${errorSummary(opts.errors)}
<form method="post" action="/benefits/apply" novalidate>
	${csrfField(opts.csrf)}
	<input type="hidden" name="idempotencyKey" value="${opts.idempotencyKey}">
	<input type="hidden" name="factsVersion" value="${opts.factsVersion}">
	<h2 class="heading-medium">고용보험 기록의 내용</h2>
	${opts.facts.map((f) => factBlock(f, v, opts.errors))}
	<h2 class="heading-medium">신청 정보</h2>
	${opts.reason === '12' ? select({ id: 'justifiedReason', name: 'justifiedReason', label: '정당한 이직 사유 (자진 퇴사)', options: justifiedOptions, value: v.justifiedReason, required: true, error: opts.errors.justifiedReason, hint: '자진 퇴사라도 이런 사유가 있으면 받을 수 있습니다. 증빙은 고용센터가 확인합니다.' }) : null}
	${opts.needsBirthDate ? textInput({ id: 'birthDate', name: 'birthDate', label: '생년월일', type: 'date', value: v.birthDate, required: true, hint: '기록에서 생년월일을 찾지 못했습니다.', error: opts.errors.birthDate }) : null}
	${select({ id: 'centreCode', name: 'centreCode', label: '신청할 고용센터', options: [{ value: '', label: '선택' }, ...opts.centres.map((c) => ({ value: c.code, label: c.name }))], value: v.centreCode, required: true, error: opts.errors.centreCode })}
	<div class="form-group"><div class="form-conts"><div class="krds-form-check">
		<input type="checkbox" id="disabled" name="disabled" value="yes"${v.disabled === 'yes' ? html` checked` : null}>
		<label for="disabled">장애인고용촉진법에 따른 장애인입니다</label>
	</div></div></div>
	<div class="ilteo-actions">${button({ label: '신청하기', type: 'submit', size: 'large' })}</div>
</form>`;
}

export function waitingListPage(rows: readonly WaitingClaim[], today: string): Html {
  return html`<h1 class="heading-xlarge">이직확인서를 기다리는 신청</h1>
<p>수급자격 신청을 하려 했으나 마지막 사업장의 이직확인서가 아직 없는 사람들입니다. 기한이 지난 사업장에는 연락해 주세요 (고용보험법 제42조 제3항, 제118조).</p>
${
  rows.length === 0
    ? html`<p>기다리는 신청이 없습니다.</p>`
    : table({
        caption: '이직확인서 대기: 신청자, 사업장, 요청일, 제출 기한',
        columns: [{ header: '신청자' }, { header: '사업장' }, { header: '요청일' }, { header: '제출 기한' }],
        rowHeaders: true,
        rows: rows.map((r) => [
          `${r.claimantName} (${r.loginId})`,
          `${r.workplaceName} · ${r.companyName} (${r.managementNo})`,
          formatKoreanDate(r.requestedOn),
          r.dueOn < today ? html`${formatKoreanDate(r.dueOn)} <strong>(기한 지남)</strong>` : formatKoreanDate(r.dueOn),
        ]),
      })
}`;
}
