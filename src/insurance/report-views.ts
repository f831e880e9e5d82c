/**
 * The 신고 forms of one 사업장: 취득 (one worker), 상실 (a worker insured now), 정정 of either, and the
 * confirmation of a 취소. The 주민등록번호 field always starts empty: after an error the number is asked
 * again rather than shown back.
 */

import { childrenOf, OCCUPATIONS } from '../reference/occupations.ts';
import { button, errorSummary, linkButton, type SelectOption, select, textarea, textInput } from '../web/components.ts';
import { confirmStep } from '../web/confirm.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import { LOSS_CODES, lossLabel } from './codes.ts';
import type { InsuredWorker, Report, Workplace } from './employer-service.ts';
import { workplaceHref } from './employer-views.ts';
import { formatManagementNo } from './management-no.ts';

export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  token: string;
}

/** Every KECO 소분류, labelled with its 중분류 (136 entries). */
const OCCUPATION_OPTIONS: SelectOption[] = [
  { value: '', label: '직종을 고르세요' },
  ...OCCUPATIONS.filter((o) => o.level === 2).flatMap((mid) =>
    childrenOf(mid.code).map((o) => ({ value: o.code, label: `${o.code} ${o.name} (${mid.name})` })),
  ),
];

/** One option per 상실사유 and 구체적 사유: '11|11-1' → "11-1 개인사정으로 …". */
export const LOSS_OPTIONS: SelectOption[] = [
  { value: '', label: '상실사유를 고르세요' },
  ...LOSS_CODES.flatMap((c) =>
    c.subCodes.length === 0
      ? [{ value: `${c.code}|`, label: `${c.code} ${c.label}` }]
      : c.subCodes.map((s) => ({ value: `${c.code}|${s.code}`, label: `${s.code} ${lossLabel(c.code, s.code)}` })),
  ),
];

const heading = (w: Workplace, title: string) =>
  html`<h1 class="heading-xlarge">${title}</h1><p>${w.name} · 사업장관리번호 ${formatManagementNo(w.managementNo)}</p>`;

const actions = (label: string, w: Workplace) =>
  html`<div class="ilteo-actions">${button({ label, type: 'submit', size: 'large' })} ${linkButton({ href: workplaceHref(w), label: '돌아가기', variant: 'secondary', size: 'large' })}</div>`;

function acquireFields(s: FormState, withRrn: boolean): Html {
  const { values: v, errors: e } = s;
  return html`${textInput({ id: 'personName', name: 'personName', label: '성명', value: v.personName ?? '', maxlength: 50, required: true, error: e.personName })}
	${withRrn ? textInput({ id: 'rrn', name: 'rrn', label: '주민등록번호', hint: '숫자 13자리 (예: 900101-1234567). 번호는 저장하지 않고 가린 형태로만 남깁니다.', inputmode: 'numeric', autocomplete: 'off', maxlength: 14, required: true, error: e.rrn }) : null}
	${textInput({ id: 'acquiredOn', name: 'acquiredOn', label: '취득일', type: 'date', hint: '고용된 날 (예: 2026-03-02)', value: v.acquiredOn ?? '', required: true, error: e.acquiredOn })}
	${textInput({ id: 'monthlyWage', name: 'monthlyWage', label: '월평균보수 (원)', hint: '비과세 소득을 뺀 월 보수 (예: 2500000)', inputmode: 'numeric', value: v.monthlyWage ?? '', maxlength: 15, required: true, error: e.monthlyWage })}
	${textInput({ id: 'dailyHours', name: 'dailyHours', label: '1일 소정근로시간', hint: '0.5시간 단위, 8시간까지 (예: 8)', inputmode: 'decimal', value: v.dailyHours ?? '', maxlength: 4, required: true, error: e.dailyHours })}
	${select({ id: 'occupationCd', name: 'occupationCd', label: '직종 (한국고용직업분류)', options: OCCUPATION_OPTIONS, value: v.occupationCd ?? '', required: true, error: e.occupationCd })}`;
}

function loseFields(s: FormState): Html {
  const { values: v, errors: e } = s;
  return html`${textInput({ id: 'lostOn', name: 'lostOn', label: '상실일', type: 'date', hint: '마지막 근무일의 다음 날 (예: 마지막 근무일이 3월 31일이면 2026-04-01)', value: v.lostOn ?? '', required: true, error: e.lostOn })}
	${select({ id: 'loss', name: 'loss', label: '상실사유 (구체적 사유 코드)', options: LOSS_OPTIONS, value: v.loss ?? '', required: true, error: e.loss })}
	${textarea('lossReason', '구체적 사유', v.lossReason ?? '', 500, e.lossReason, '예: 계약기간(1년) 만료, 재계약 제의 없음')}
	${textInput({ id: 'monthlyWage', name: 'monthlyWage', label: '해당 연도 월평균보수 (원)', hint: '상실한 해의 보수 총액을 근무한 달 수로 나눈 금액', inputmode: 'numeric', value: v.monthlyWage ?? '', maxlength: 15, required: true, error: e.monthlyWage })}`;
}

/** 취득 신고 of one worker. */
export function acquirePage(w: Workplace, s: FormState): Html {
  const asked = s.errors.rrn === undefined && Object.keys(s.errors).length > 0;
  const errors = asked
    ? { ...s.errors, rrn: '보안을 위해 주민등록번호는 다시 보여 드리지 않습니다. 한 번 더 적어 주세요.' }
    : s.errors;
  return html`${heading(w, '피보험자격 취득 신고')}
${errorSummary(errors)}
<form method="post" action="${workplaceHref(w)}/acquire" novalidate>
	${csrfField(s.token)}
	${acquireFields({ ...s, errors }, true)}
	${actions('취득 신고', w)}
</form>`;
}

/** 상실 신고: a worker insured now, 상실일, 상실사유 and the year's 월평균보수. */
export function losePage(w: Workplace, insured: readonly InsuredWorker[], s: FormState): Html {
  const workers: SelectOption[] = [
    { value: '', label: '근로자를 고르세요' },
    ...insured.map((x) => ({
      value: String(x.reportId),
      label: `${x.personName} (${x.personMasked}, 취득 ${x.acquiredOn})`,
    })),
  ];
  return html`${heading(w, '피보험자격 상실 신고')}
${errorSummary(s.errors)}
<form method="post" action="${workplaceHref(w)}/lose" novalidate>
	${csrfField(s.token)}
	${select({ id: 'worker', name: 'worker', label: '근로자', options: workers, value: s.values.worker ?? '', required: true, error: s.errors.worker })}
	${loseFields(s)}
	${actions('상실 신고', w)}
</form>`;
}

/** The report's values as the 정정 form starts with them. */
export function correctionValues(r: Report): Record<string, string> {
  const c = r.current;
  const str = (x: unknown) => (x === null || x === undefined ? '' : String(x));
  return r.kind === 'acquire'
    ? {
        personName: c.personName,
        acquiredOn: str(c.acquiredOn),
        monthlyWage: str(c.monthlyWage),
        dailyHours: str(c.dailyHours),
        occupationCd: str(c.occupationCd),
      }
    : {
        lostOn: str(c.lostOn),
        loss: c.lossCode ? `${c.lossCode}|${c.lossSubCode ?? ''}` : '',
        lossReason: str(c.lossReason),
        monthlyWage: str(c.monthlyWage),
      };
}

/** 정정 of a 취득 or 상실 신고: the same fields, filled with the values that stand now. */
export function correctionPage(w: Workplace, r: Report, s: FormState): Html {
  const kind = r.kind === 'acquire' ? '취득' : '상실';
  return html`${heading(w, `${kind} 신고 정정`)}
<p>${r.current.personName} (${r.current.personMasked})의 ${kind} 신고 ${r.original.id}번을 고칩니다. 원래 신고는 그대로 남고, 고친 값이 새 신고로 더해집니다. 주민등록번호가 틀렸다면 이 신고를 취소하고 새로 신고해 주세요.</p>
${errorSummary(s.errors)}
<form method="post" action="${workplaceHref(w)}/reports/${r.original.id}/correct" novalidate>
	${csrfField(s.token)}
	${r.kind === 'acquire' ? acquireFields(s, false) : loseFields(s)}
	${actions('정정 신고', w)}
</form>`;
}

/** The confirmation of a 취소: what goes, and nothing chosen until the button is pressed. */
export function cancelPage(w: Workplace, r: Report, token: string): Html {
  const kind = r.kind === 'acquire' ? '취득' : '상실';
  const date = r.kind === 'acquire' ? r.current.acquiredOn : r.current.lostOn;
  return confirmStep({
    heading: `${kind} 신고 취소`,
    effect: `${r.current.personName} (${r.current.personMasked})의 ${kind} 신고(${date})를 취소합니다. 취소한 신고는 피보험자 명단과 이력에 반영되지 않습니다.`,
    details: [
      { term: '사업장', description: `${w.name} (${formatManagementNo(w.managementNo)})` },
      { term: '신고 번호', description: `${kind} ${r.original.id}` },
    ],
    action: `${workplaceHref(w)}/reports/${r.original.id}/cancel`,
    csrf: token,
    fields: {},
    confirmLabel: `${kind} 신고 취소`,
    cancelHref: workplaceHref(w),
    cancelLabel: '취소하지 않고 돌아가기',
  });
}
