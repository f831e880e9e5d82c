/**
 * Pages of the identity feature: 로그인 and 회원가입 (개인·기업, first-time provider users); 비밀번호 찾기
 * is in password-reset-views.ts, 내 정보 in my-views.ts. KRDS markup through src/web/components.ts; every form
 * carries the CSRF token and keeps what the person typed when it comes back with an error.
 */

import { josa } from '../shared/korean.ts';
import { alert, button, errorSummary, rulesHint, select, textInput } from '../web/components.ts';
import type { Errors, Values } from '../web/forms.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import type { JobCentre } from './accounts.ts';
import type { ProviderHealth } from './providers.ts';
import { LOGIN_ID_RULE, passwordRuleTexts } from './rules.ts';

export interface ProviderButton {
  id: string;
  label: string;
  colour?: string;
  health: ProviderHealth;
}

export const PROVIDER_MESSAGES: Record<string, (label: string) => string> = {
  unavailable: (l) => `${l} 로그인을 일시적으로 사용할 수 없습니다. 아래의 다른 방법으로 로그인해 주세요.`,
  provider_down: (l) =>
    `${l} 로그인 서버가 응답하지 않아 로그인을 마치지 못했습니다. 다른 방법으로 로그인해 주세요. 이미 로그인한 분은 계속 이용하실 수 있습니다.`,
  cancelled: (l) => `${l} 로그인이 취소되었습니다. 다시 시도하거나 다른 방법으로 로그인해 주세요.`,
  provider_error: (l) => `${l} 로그인 중 문제가 생겼습니다. 다시 시도하거나 다른 방법으로 로그인해 주세요.`,
  flow_expired: () => '로그인 요청이 만료되었습니다. 처음부터 다시 시도해 주세요.',
  identity_taken: (l) => `이 ${l} 계정은 이미 다른 일터 계정에 연결되어 있습니다.`,
  disabled: () => '사용이 중지된 계정입니다. 고객상담센터(1350)로 문의해 주세요.',
};

function providerList(providers: readonly ProviderButton[], next: string): Html {
  if (providers.length === 0) return html``;
  const items = providers.map((p) => {
    const href = `/login/oidc/${encodeURIComponent(p.id)}${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`;
    if (p.health.state === 'down') {
      return html`<li class="ilteo-provider ilteo-provider--down">
		<span class="ilteo-provider__button" aria-disabled="true">${p.label} 로그인</span>
		<span class="ilteo-provider__status" role="status">일시적으로 사용할 수 없음</span>
	</li>`;
    }
    return html`<li class="ilteo-provider">
		<a class="ilteo-provider__button ilteo-provider__button--${p.id}" href="${href}">${josa(p.label, '으로/로')} 로그인</a>
	</li>`;
  });
  const down = providers.filter((p) => p.health.state === 'down');
  return html`<section class="ilteo-login__section" aria-labelledby="login-providers">
	<h2 id="login-providers" class="heading-small">간편 로그인</h2>
	${
    down.length > 0
      ? alert({
          variant: 'warning',
          role: 'status',
          title: `${down.map((p) => p.label).join(', ')} 로그인을 일시적으로 사용할 수 없습니다.`,
          body: '아이디·비밀번호나 다른 간편 로그인으로 로그인해 주세요. 내 정보에서 여러 로그인 수단을 연결해 두면 한 곳이 장애여도 로그인할 수 있습니다.',
        })
      : null
  }
	<ul class="ilteo-provider-list">${items}
	</ul>
</section>`;
}

export function loginPage(opts: {
  next: string;
  loginId: string;
  errors: Errors;
  notice: Html | null;
  providers: readonly ProviderButton[];
  csrf: string;
}): Html {
  return html`<div class="ilteo-narrow">
<h1 class="heading-xlarge">로그인</h1>
${opts.notice}
${errorSummary(opts.errors, '로그인하지 못했습니다')}
<div class="ilteo-login">
<section class="ilteo-login__section" aria-labelledby="login-password">
	<h2 id="login-password" class="heading-small">아이디 로그인</h2>
	<form method="post" action="/login" novalidate>
		${csrfField(opts.csrf)}
		<input type="hidden" name="next" value="${opts.next}">
		${textInput({ id: 'loginId', name: 'loginId', label: '아이디', value: opts.loginId, autocomplete: 'username', required: true, maxlength: 100 })}
		${textInput({ id: 'password', name: 'password', label: '비밀번호', type: 'password', autocomplete: 'current-password', required: true, maxlength: 200 })}
		<div class="ilteo-actions">${button({ label: '로그인', type: 'submit', size: 'large' })}</div>
	</form>
	<p class="ilteo-login__forgot"><a href="/password/forgot">비밀번호를 잊으셨나요?</a></p>
</section>
${providerList(opts.providers, opts.next)}
</div>
<p class="ilteo-login__more">아직 회원이 아니신가요? <a href="/signup">회원가입</a></p>
</div>`;
}

export function signupChoicePage(): Html {
  return html`<div class="ilteo-narrow">
<h1 class="heading-xlarge">회원가입</h1>
<p>어떤 회원으로 가입하시나요? 상담원·운영자 계정은 운영자가 만들어 드립니다.</p>
<ul class="ilteo-choice-list">
	<li><a class="ilteo-choice" href="/signup/seeker"><strong>개인회원</strong><span>일자리를 찾거나 실업급여를 신청하는 분</span></a></li>
	<li><a class="ilteo-choice" href="/signup/employer"><strong>기업회원</strong><span>채용공고를 올리고 지원자를 관리하는 사업장</span></a></li>
</ul>
<p>카카오·네이버 등 간편 로그인으로 처음 로그인하면 개인회원 가입을 바로 이어서 할 수 있습니다. <a href="/login">로그인 화면으로</a></p>
</div>`;
}

export function passwordHint(): Html {
  return rulesHint('비밀번호 규칙:', passwordRuleTexts());
}

/** 새 비밀번호 and its confirmation (내 정보, 비밀번호 찾기); never filled in again after an error. */
export function newPasswordFields(errors: Errors): Html {
  return html`${textInput({ id: 'newPassword', name: 'newPassword', label: '새 비밀번호', type: 'password', autocomplete: 'new-password', required: true, maxlength: 64, hint: passwordHint(), error: errors.newPassword })}
		${textInput({ id: 'newPasswordConfirm', name: 'newPasswordConfirm', label: '새 비밀번호 확인', type: 'password', autocomplete: 'new-password', required: true, maxlength: 64, error: errors.newPasswordConfirm })}`;
}

function centreOptions(centres: readonly JobCentre[]) {
  return [{ value: '', label: '선택 안 함' }, ...centres.map((c) => ({ value: c.code, label: c.name }))];
}

function accountFields(values: Values, errors: Errors): Html {
  return html`${textInput({ id: 'loginId', name: 'loginId', label: '아이디', value: values.loginId ?? '', required: true, autocomplete: 'username', maxlength: 20, hint: LOGIN_ID_RULE, error: errors.loginId })}
		${textInput({ id: 'password', name: 'password', label: '비밀번호', type: 'password', required: true, autocomplete: 'new-password', maxlength: 64, hint: passwordHint(), error: errors.password })}
		${textInput({ id: 'passwordConfirm', name: 'passwordConfirm', label: '비밀번호 확인', type: 'password', required: true, autocomplete: 'new-password', maxlength: 64, error: errors.passwordConfirm })}`;
}

function termsField(values: Values, errors: Errors): Html {
  return html`<div class="form-group">
			<div class="form-conts${errors.terms ? ' is-error' : ''}">
				<div class="krds-form-check">
					<input type="checkbox" id="terms" name="terms" value="yes"${values.terms === 'yes' ? html` checked` : null}${errors.terms ? html` aria-invalid="true" aria-describedby="terms-error"` : null}>
					<label for="terms">(필수) <a href="/terms">이용약관</a>과 <a href="/privacy">개인정보 수집·이용</a>에 동의합니다. 주민등록번호는 받지 않습니다.</label>
				</div>
			</div>${errors.terms ? html`<p class="form-hint-invalid" id="terms-error">${errors.terms}</p>` : null}
		</div>`;
}

export function seekerSignupPage(opts: {
  values: Values;
  errors: Errors;
  centres: readonly JobCentre[];
  csrf: string;
}): Html {
  const { values, errors } = opts;
  return html`<div class="ilteo-narrow">
<h1 class="heading-xlarge">개인회원 가입</h1>
${errorSummary(errors)}
<form method="post" action="/signup/seeker" novalidate>
	${csrfField(opts.csrf)}
	${accountFields(values, errors)}
	${textInput({ id: 'name', name: 'name', label: '이름', value: values.name ?? '', required: true, autocomplete: 'name', maxlength: 50, error: errors.name })}
	${textInput({ id: 'email', name: 'email', label: '이메일', type: 'email', value: values.email ?? '', autocomplete: 'email', hint: '채용 알림과 실업인정일 안내를 받을 주소 (선택)', error: errors.email })}
	${select({ id: 'centreCode', name: 'centreCode', label: '관할 고용센터', options: centreOptions(opts.centres), value: values.centreCode ?? '', hint: '실업급여 상담을 받을 고용센터 (선택, 나중에 바꿀 수 있음)', error: errors.centreCode })}
	${termsField(values, errors)}
	<div class="ilteo-actions">${button({ label: '가입하기', type: 'submit', size: 'large' })}</div>
</form>
</div>`;
}

export function employerSignupPage(opts: { values: Values; errors: Errors; csrf: string }): Html {
  const { values, errors } = opts;
  return html`<div class="ilteo-narrow">
<h1 class="heading-xlarge">기업회원 가입</h1>
${errorSummary(errors)}
<form method="post" action="/signup/employer" novalidate>
	${csrfField(opts.csrf)}
	${textInput({ id: 'busino', name: 'busino', label: '사업자등록번호', value: values.busino ?? '', required: true, inputmode: 'numeric', maxlength: 12, hint: '숫자 10자리 (예: 123-45-67890)', error: errors.busino })}
	${textInput({ id: 'companyName', name: 'companyName', label: '사업장명', value: values.companyName ?? '', required: true, maxlength: 50, error: errors.companyName })}
	${textInput({ id: 'industry', name: 'industry', label: '업종', value: values.industry ?? '', required: true, maxlength: 50, hint: '예: 도매 및 소매업', error: errors.industry })}
	${accountFields(values, errors)}
	${textInput({ id: 'name', name: 'name', label: '담당자 이름', value: values.name ?? '', required: true, autocomplete: 'name', maxlength: 50, error: errors.name })}
	${textInput({ id: 'email', name: 'email', label: '담당자 이메일', type: 'email', value: values.email ?? '', required: true, autocomplete: 'email', error: errors.email })}
	${termsField(values, errors)}
	<div class="ilteo-actions">${button({ label: '가입하기', type: 'submit', size: 'large' })}</div>
</form>
</div>`;
}

export function externalSignupPage(opts: {
  providerLabel: string;
  values: Values;
  errors: Errors;
  centres: readonly JobCentre[];
  csrf: string;
}): Html {
  const { values, errors } = opts;
  return html`<div class="ilteo-narrow">
<h1 class="heading-xlarge">${opts.providerLabel} 계정으로 가입</h1>
<p>${opts.providerLabel} 계정으로 처음 오셨습니다. 아래 내용을 확인하면 개인회원으로 가입되고, 다음부터 ${josa(opts.providerLabel, '으로/로')} 바로 로그인할 수 있습니다.</p>
<p>이미 일터 회원이신가요? <a href="/login">아이디로 로그인</a>한 뒤 내 정보에서 ${opts.providerLabel} 계정을 연결하세요.</p>
${errorSummary(errors)}
<form method="post" action="/signup/external" novalidate>
	${csrfField(opts.csrf)}
	${textInput({ id: 'name', name: 'name', label: '이름', value: values.name ?? '', required: true, autocomplete: 'name', maxlength: 50, error: errors.name })}
	${textInput({ id: 'email', name: 'email', label: '이메일', type: 'email', value: values.email ?? '', autocomplete: 'email', error: errors.email })}
	${select({ id: 'centreCode', name: 'centreCode', label: '관할 고용센터', options: centreOptions(opts.centres), value: values.centreCode ?? '', error: errors.centreCode })}
	${termsField(values, errors)}
	<div class="ilteo-actions">${button({ label: '가입하고 로그인', type: 'submit', size: 'large' })}</div>
</form>
</div>`;
}
