/**
 * The account pages of 운영 관리: the account list, 직원 계정 만들기, 직원 비밀번호 다시 정하기, and 계정 사용
 * 중지 with its confirmation step (src/web/confirm.ts).
 */
import type { Account, JobCentre } from '../identity/accounts.ts';
import { KIND_LABELS } from '../identity/accounts.ts';
import { passwordRuleTexts } from '../identity/rules.ts';
import { formatDateTime } from '../shared/dates.ts';
import {
  alert,
  button,
  descriptionList,
  errorSummary,
  linkButton,
  radioGroup,
  rulesHint,
  select,
  table,
  textInput,
} from '../web/components.ts';
import { confirmStep } from '../web/confirm.ts';
import type { Errors, Values } from '../web/forms.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import { DISABLE_REASONS, type DisableValues, isStaff } from './forms.ts';

export function kindChoice(values: Values, errors: Errors): Html {
  return radioGroup({
    name: 'kind',
    legend: '계정 종류',
    options: [
      { value: 'counsellor', label: '상담원 (고용센터 소속)', checked: values.kind !== 'operator' },
      { value: 'operator', label: '운영자', checked: values.kind === 'operator' },
    ],
    ...(errors.kind ? { error: errors.kind } : {}),
  });
}

/** The password rules under a staff password field (the same rules as everyone's). */
export function passwordHint(): Html {
  return rulesHint('비밀번호 규칙:', passwordRuleTexts());
}

/** What the account list says after a change (from the redirect's query). */
export interface AccountNotices {
  created: boolean;
  disabled: boolean;
  password: boolean;
}

/** One account's 관리 cell: links for someone else's account, 다시 사용 as a one-click form. */
function accountActions(a: Account, meId: number, token: string): Html | string {
  if (a.id === meId) return '본인';
  return html`${isStaff(a.kind) ? html`<a href="/admin/accounts/${a.id}/password">비밀번호 다시 정하기</a> ` : null}${
    a.status === 'active'
      ? html`<a href="/admin/accounts/${a.id}/disable">사용 중지<span class="sr-only"> (${a.loginId})</span></a>`
      : html`<form method="post" action="/admin/accounts/${a.id}/status" class="ilteo-inline-form">${csrfField(token)}<input type="hidden" name="status" value="active">${button({ label: html`다시 사용<span class="sr-only"> (${a.loginId})</span>`, type: 'submit', size: 'small', variant: 'secondary' })}</form>`
  }`;
}

function accountsTable(accounts: readonly Account[], meId: number, token: string): Html {
  return table({
    caption: `계정 ${accounts.length}개: 아이디, 이름, 구분, 소속, 상태, 가입일, 관리`,
    columns: [
      { header: '아이디' },
      { header: '이름' },
      { header: '구분' },
      { header: '소속' },
      { header: '상태' },
      { header: '만든 날' },
      { header: '관리', align: 'right' },
    ],
    rows: accounts.map((a) => [
      a.loginId,
      a.name,
      KIND_LABELS[a.kind],
      a.centreName ?? a.companyName ?? '-',
      a.status === 'active' ? '사용 중' : html`<strong>사용 중지</strong>`,
      formatDateTime(a.createdAt),
      accountActions(a, meId, token),
    ]),
    rowHeaders: true,
  });
}

/** 계정 관리: what just changed, the filter, and the accounts found. */
export function accountsPage(opts: {
  accounts: readonly Account[];
  filter: { kind: string; q: string };
  notices: AccountNotices;
  meId: number;
  token: string;
}): Html {
  const { filter, notices } = opts;
  return html`<h1 class="heading-xlarge">계정 관리</h1>
${notices.created ? alert({ variant: 'success', role: 'status', title: '계정을 만들었습니다. 처음 비밀번호를 본인에게 안전하게 전달하세요.' }) : null}
${notices.disabled ? alert({ variant: 'success', role: 'status', title: '계정을 사용 중지했습니다. 그 계정의 로그인을 모두 끝냈고, 사유는 감사 로그에 남았습니다.' }) : null}
${notices.password ? alert({ variant: 'success', role: 'status', title: '비밀번호를 바꾸고 그 계정의 로그인을 모두 끝냈습니다. 새 비밀번호를 본인에게 안전하게 전달하세요.' }) : null}
<form method="get" action="/admin/accounts" class="ilteo-filter" role="search" aria-label="계정 찾기">
	${select({ id: 'kind', name: 'kind', label: '회원 구분', value: filter.kind, options: [{ value: '', label: '전체' }, ...Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))] })}
	${textInput({ id: 'q', name: 'q', label: '아이디 또는 이름', value: filter.q })}
	<div class="ilteo-actions">${button({ label: '찾기', type: 'submit', variant: 'secondary' })} ${linkButton({ href: '/admin/accounts/new', label: '직원 계정 만들기' })}</div>
</form>
${accountsTable(opts.accounts, opts.meId, opts.token)}`;
}

/** 직원 계정 만들기: kind, centre (for a counsellor), login ID, name, e-mail and first password. */
export function newAccountPage(centres: readonly JobCentre[], values: Values, errors: Errors, token: string): Html {
  return html`<div class="ilteo-narrow"><h1 class="heading-xlarge">직원 계정 만들기</h1>
${errorSummary(errors)}
<form method="post" action="/admin/accounts" novalidate>
	${csrfField(token)}
	${kindChoice(values, errors)}
	${select({ id: 'centreCode', name: 'centreCode', label: '소속 고용센터 (상담원)', value: values.centreCode ?? '', options: [{ value: '', label: '선택' }, ...centres.map((c) => ({ value: c.code, label: c.name }))], error: errors.centreCode })}
	${textInput({ id: 'loginId', name: 'loginId', label: '아이디', value: values.loginId ?? '', required: true, error: errors.loginId })}
	${textInput({ id: 'name', name: 'name', label: '이름', value: values.name ?? '', required: true, error: errors.name })}
	${textInput({ id: 'email', name: 'email', label: '업무 이메일', type: 'email', value: values.email ?? '', required: true, error: errors.email })}
	${textInput({ id: 'password', name: 'password', label: '처음 비밀번호', type: 'password', autocomplete: 'new-password', required: true, hint: passwordHint(), error: errors.password })}
	<div class="ilteo-actions">${button({ label: '계정 만들기', type: 'submit', size: 'large' })}</div>
</form></div>`;
}

/** 직원 비밀번호 다시 정하기 for one staff account. */
export function staffPasswordPage(
  target: { id: number; loginId: string; name: string },
  errors: Errors,
  token: string,
): Html {
  return html`<div class="ilteo-narrow"><h1 class="heading-xlarge">직원 비밀번호 다시 정하기</h1>
<p>${target.name} (${target.loginId}) 님의 비밀번호를 새로 정합니다. 그 계정의 로그인은 모두 끝나고, 새 비밀번호로 다시 로그인해야 합니다. 본인임을 확인한 뒤 새 비밀번호를 안전하게 전달하세요.</p>
${errorSummary(errors)}
<form method="post" action="/admin/accounts/${target.id}/password" novalidate>
	${csrfField(token)}
	${textInput({ id: 'password', name: 'password', label: '새 비밀번호', type: 'password', autocomplete: 'new-password', required: true, hint: passwordHint(), error: errors.password })}
	<div class="ilteo-actions">${button({ label: '비밀번호 바꾸기', type: 'submit', size: 'large' })}</div>
</form></div>`;
}

const who = (t: Account) => `${t.name} (${t.loginId}, ${KIND_LABELS[t.kind]})`;

/** 계정 사용 중지, first step: the account, a reason to choose (none chosen to begin with) and a note. */
export function disablePage(target: Account, values: DisableValues, errors: Errors, token: string): Html {
  return html`<div class="ilteo-narrow"><h1 class="heading-xlarge">계정 사용 중지</h1>
<p>${who(target)} 님의 계정을 사용 중지합니다. 그 계정은 로그인한 모든 기기에서 바로 로그아웃되고, 다시 사용으로 바꿀 때까지 로그인할 수 없습니다. 다음 단계에서 한 번 더 확인합니다.</p>
${errorSummary(errors)}
${descriptionList({
  items: [
    { term: '아이디', description: target.loginId },
    { term: '이름', description: target.name },
    { term: '구분', description: KIND_LABELS[target.kind] },
    { term: '상태', description: target.status === 'active' ? '사용 중' : '사용 중지' },
  ],
})}
<form method="post" action="/admin/accounts/${target.id}/status" novalidate>
	${csrfField(token)}
	<input type="hidden" name="status" value="disabled">
	${select({ id: 'reason', name: 'reason', label: '사용 중지 사유', required: true, value: values.reason, options: [{ value: '', label: '선택하세요' }, ...Object.entries(DISABLE_REASONS).map(([value, label]) => ({ value, label }))], error: errors.reason })}
	${textInput({ id: 'note', name: 'note', label: '메모 (선택, 감사 로그에 남습니다)', value: values.note, maxlength: 300 })}
	<div class="ilteo-actions">${button({ label: '다음: 사용 중지 확인', type: 'submit', size: 'large' })} ${linkButton({ href: '/admin/accounts', label: '취소', variant: 'secondary', size: 'large' })}</div>
</form></div>`;
}

/** 계정 사용 중지 확인: restates the effect; only its post writes. */
export function disableConfirmPage(target: Account, values: DisableValues, reason: string, token: string): Html {
  return confirmStep({
    heading: '계정 사용 중지 확인',
    effect: `${who(target)} 님의 계정을 사용 중지합니다. 로그인한 모든 기기에서 바로 로그아웃되고, 다시 사용으로 바꿀 때까지 로그인할 수 없습니다. 사유: ${reason}`,
    details: [
      { term: '사유', description: reason },
      { term: '메모', description: values.note || '(없음)' },
    ],
    action: `/admin/accounts/${target.id}/status`,
    csrf: token,
    fields: { status: 'disabled', ...values },
    confirmLabel: '사용 중지 확정',
    cancelHref: '/admin/accounts',
  });
}
