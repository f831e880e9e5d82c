/**
 * Pages of the identity feature: 로그인, 회원가입 (개인·기업, first-time provider users), 내 정보
 * (sign-in methods, active sessions). KRDS markup through src/web/components.ts; every form
 * carries the CSRF token and keeps what the person typed when it comes back with an error.
 */

import { formatDateTime } from '../shared/dates.ts';
import { josa } from '../shared/korean.ts';
import { alert, button, errorSummary, linkButton, rulesHint, select, table, textInput } from '../web/components.ts';
import type { Errors, Values } from '../web/forms.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import { type Account, type JobCentre, KIND_LABELS, type LinkedIdentity } from './accounts.ts';
import type { ProviderHealth } from './providers.ts';
import { formatBusino, LOGIN_ID_RULE, passwordRuleTexts } from './rules.ts';
import type { SessionListItem } from './sessions.ts';

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

// ── 비밀번호 찾기 ──────────────────────────────────────────────────────────────────────────────

export const RESET_SENT_MESSAGE =
  '가입하신 이메일이 있으면 비밀번호 재설정 안내를 보냈습니다. 30분 안에 메일의 링크를 눌러 주세요. 이메일을 등록하지 않았다면 가까운 고용센터나 국번 없이 1350으로 문의해 주세요.';

/** 비밀번호 찾기: the form asking for the 아이디, or (sent) the same answer for every 아이디. */
export function forgotPasswordPage(opts: { loginId: string; errors: Errors; csrf: string; sent: boolean }): Html {
  return html`<div class="ilteo-narrow">
<h1 class="heading-xlarge">비밀번호 찾기</h1>
${opts.sent ? alert({ variant: 'success', role: 'status', title: '안내 메일을 확인해 주세요', body: RESET_SENT_MESSAGE }) : null}
${errorSummary(opts.errors, '요청을 처리하지 못했습니다')}
<div class="ilteo-login__section">
<p>아이디를 입력하면 가입할 때 등록한 이메일로 비밀번호를 다시 정하는 링크를 보내 드립니다. 링크는 30분 동안 한 번만 쓸 수 있습니다.</p>
<form method="post" action="/password/forgot" novalidate>
	${csrfField(opts.csrf)}
	${textInput({ id: 'loginId', name: 'loginId', label: '아이디', value: opts.loginId, autocomplete: 'username', required: true, maxlength: 100, error: opts.errors.loginId })}
	<div class="ilteo-actions">${button({ label: opts.sent ? '안내 메일 다시 받기' : '재설정 안내 받기', type: 'submit', size: 'large' })}</div>
</form>
</div>
<p class="ilteo-login__more">아이디가 기억나지 않으면 고객상담센터(국번 없이 1350)로 문의해 주세요. 간편 로그인(카카오·네이버 등)으로 가입하셨다면 <a href="/login">로그인 화면</a>에서 간편 로그인을 이용하실 수 있습니다. 상담원·운영자 계정은 운영 관리자에게 요청해 주세요.</p>
</div>`;
}

/** 새 비밀번호 정하기, reached from the e-mailed link. */
export function resetPasswordPage(opts: { token: string; loginId: string; errors: Errors; csrf: string }): Html {
  return html`<div class="ilteo-narrow">
<h1 class="heading-xlarge">새 비밀번호 정하기</h1>
${errorSummary(opts.errors)}
<div class="ilteo-login__section">
<p>아이디 <strong>${opts.loginId}</strong>의 새 비밀번호를 두 번 입력해 주세요. 저장하면 로그인한 모든 기기에서 로그아웃됩니다.</p>
<form method="post" action="/password/reset" novalidate>
	${csrfField(opts.csrf)}
	<input type="hidden" name="token" value="${opts.token}">
	${newPasswordFields(opts.errors)}
	<div class="ilteo-actions">${button({ label: '비밀번호 저장', type: 'submit', size: 'large' })}</div>
</form>
</div>
</div>`;
}

import type { ResetLinkProblem } from './password-reset.ts';

export type { ResetLinkProblem };

const RESET_LINK_PROBLEMS: Record<ResetLinkProblem, string> = {
  unknown:
    '이 링크는 올바르지 않습니다. 주소가 잘렸거나, 비밀번호 찾기를 다시 요청해 더 새 링크가 발송되었을 수 있습니다. 가장 최근에 받은 메일의 링크를 눌러 주세요.',
  expired: '이 링크는 만료되었습니다. 링크는 메일을 보낸 뒤 30분 동안만 쓸 수 있습니다.',
  used: '이 링크는 이미 사용되었습니다. 링크는 한 번만 쓸 수 있습니다. 비밀번호를 바꾸셨다면 새 비밀번호로 로그인해 주세요.',
};

/** A link that cannot be used, and a way to ask again. */
export function resetLinkProblemPage(problem: ResetLinkProblem): Html {
  return html`<div class="ilteo-narrow">
<h1 class="heading-xlarge">비밀번호 재설정 링크를 쓸 수 없습니다</h1>
${alert({ variant: 'danger', role: 'alert', title: RESET_LINK_PROBLEMS[problem] })}
<div class="ilteo-actions">${linkButton({ href: '/password/forgot', label: '비밀번호 찾기 다시 요청', size: 'large' })} ${linkButton({ href: '/login', label: '로그인', variant: 'secondary', size: 'large' })}</div>
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
function newPasswordFields(errors: Errors): Html {
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

function describeAgent(ua: string): string {
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Chrome\//.test(ua)
      ? 'Chrome'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Safari\//.test(ua)
          ? 'Safari'
          : ua.length > 0
            ? ua.slice(0, 40)
            : '알 수 없는 브라우저';
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /Android/.test(ua)
      ? 'Android'
      : /iPhone|iPad/.test(ua)
        ? 'iOS'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return os ? `${browser} · ${os}` : browser;
}

export function methodLabel(method: string, labels: ReadonlyMap<string, string>): string {
  if (method === 'password') return '아이디·비밀번호';
  const provider = method.replace(/^oidc:/, '');
  return labels.get(provider) ?? provider;
}

export function myPage(opts: {
  account: Account;
  identities: readonly LinkedIdentity[];
  providers: readonly ProviderButton[];
  sessions: readonly SessionListItem[];
  currentHash: string;
  csrf: string;
  notice: Html | null;
  errors: Errors;
  policy: { idleMinutes: number; absoluteHours: number };
}): Html {
  const { account } = opts;
  const labels = new Map(opts.providers.map((p) => [p.id, p.label]));
  const linked = new Map(opts.identities.map((i) => [i.provider, i]));
  const providerRows = opts.providers.map((p) => {
    const link = linked.get(p.id);
    const action = link
      ? html`<form method="post" action="/my/identities/${p.id}/unlink" class="ilteo-inline-form">${csrfField(opts.csrf)}${button({ label: '연결 해제', type: 'submit', size: 'small', variant: 'secondary' })}</form>`
      : p.health.state === 'down'
        ? html`<span>일시적으로 사용할 수 없음</span>`
        : html`<form method="post" action="/my/identities/${p.id}/link" class="ilteo-inline-form">${csrfField(opts.csrf)}${button({ label: '연결하기', type: 'submit', size: 'small', variant: 'secondary' })}</form>`;
    return [
      p.label,
      link ? html`연결됨 <span class="ilteo-muted">(${formatDateTime(link.linkedAt)})</span>` : '연결 안 됨',
      action,
    ];
  });
  const sessionRows = opts.sessions.map((s) => [
    html`${describeAgent(s.userAgent)}${s.idHash === opts.currentHash ? html` <span class="krds-badge small bg-light-primary">지금 이 기기</span>` : null}`,
    methodLabel(s.method, labels),
    s.ip,
    formatDateTime(s.createdAt),
    formatDateTime(s.lastSeenAt),
    s.idHash === opts.currentHash
      ? ''
      : html`<form method="post" action="/my/sessions/revoke" class="ilteo-inline-form">${csrfField(opts.csrf)}<input type="hidden" name="session" value="${s.idHash.slice(0, 16)}">${button({ label: '로그아웃', type: 'submit', size: 'small', variant: 'secondary' })}</form>`,
  ]);
  const affiliation = account.companyName
    ? html`<div class="ilteo-dl__row"><dt class="ilteo-dl__term">사업장</dt><dd class="ilteo-dl__desc">${account.companyName} (${formatBusino(account.busino ?? '')})</dd></div>`
    : account.centreName
      ? html`<div class="ilteo-dl__row"><dt class="ilteo-dl__term">${account.kind === 'counsellor' ? '소속' : '관할'} 고용센터</dt><dd class="ilteo-dl__desc">${account.centreName}</dd></div>`
      : null;
  return html`<h1 class="heading-xlarge">내 정보</h1>
${opts.notice}
${errorSummary(opts.errors)}
<section aria-labelledby="my-profile" class="ilteo-section">
	<h2 id="my-profile" class="heading-medium">회원 정보</h2>
	<dl class="ilteo-dl ilteo-dl--2col">
		<div class="ilteo-dl__row"><dt class="ilteo-dl__term">이름</dt><dd class="ilteo-dl__desc">${account.name}</dd></div>
		<div class="ilteo-dl__row"><dt class="ilteo-dl__term">회원 구분</dt><dd class="ilteo-dl__desc">${KIND_LABELS[account.kind]}</dd></div>
		<div class="ilteo-dl__row"><dt class="ilteo-dl__term">아이디</dt><dd class="ilteo-dl__desc">${account.loginId}</dd></div>
		<div class="ilteo-dl__row"><dt class="ilteo-dl__term">이메일</dt><dd class="ilteo-dl__desc">${account.email ?? '-'}</dd></div>
		${affiliation}
	</dl>
</section>
${
  account.kind === 'seeker'
    ? html`<ul class="ilteo-choice-list ilteo-choice-list--row">
	<li><a class="ilteo-choice" href="/my/resumes"><strong>이력서 관리</strong><span>이력서 쓰기·고치기, 인재검색 공개</span></a></li>
	<li><a class="ilteo-choice" href="/my/applications"><strong>입사지원 현황</strong><span>지원한 공고와 진행 상태</span></a></li>
	<li><a class="ilteo-choice" href="/benefits"><strong>실업급여</strong><span>신청, 실업인정, 지급 내역</span></a></li>
	<li><a class="ilteo-choice" href="/my/job-seeking"><strong>구직신청</strong><span>희망직종·희망지역·희망임금</span></a></li>
	<li><a class="ilteo-choice" href="/my/recommendations"><strong>맞춤 채용정보</strong><span>구직신청에 맞춘 공고와 추천 이유</span></a></li>
	<li><a class="ilteo-choice" href="/my/saved"><strong>관심 채용정보</strong><span>저장한 채용공고</span></a></li>
	<li><a class="ilteo-choice" href="/my/contact-requests"><strong>인재정보 요청</strong><span>공개 이력서를 본 기업의 연락 요청</span></a></li>
	<li><a class="ilteo-choice" href="/my/notifications"><strong>알림</strong><span>구직신청·저장한 검색에 맞는 새 공고</span></a></li>
	<li><a class="ilteo-choice" href="/my/saved-searches"><strong>저장한 검색</strong><span>새 공고 알림을 받는 검색 조건</span></a></li>
</ul>`
    : null
}
<section aria-labelledby="my-methods" class="ilteo-section">
	<h2 id="my-methods" class="heading-medium">로그인 수단</h2>
	<p>로그인 수단을 두 가지 이상 연결해 두면 한 곳에 장애가 나도 다른 수단으로 로그인할 수 있습니다.</p>
	${table({
    caption: '연결된 간편 로그인: 제공자, 연결 상태, 관리',
    columns: [{ header: '제공자' }, { header: '상태' }, { header: '관리', align: 'right' }],
    rows: [
      [
        '아이디·비밀번호',
        account.hasPassword ? '설정됨' : '설정 안 됨',
        html`<a href="#password-form">${account.hasPassword ? '비밀번호 바꾸기' : '비밀번호 정하기'}</a>`,
      ],
      ...providerRows,
    ],
    rowHeaders: true,
  })}
	<form method="post" action="/my/password" id="password-form" class="ilteo-subform" novalidate>
		<h3 class="heading-small">${account.hasPassword ? '비밀번호 바꾸기' : '비밀번호 정하기'}</h3>
		${csrfField(opts.csrf)}
		${account.hasPassword ? textInput({ id: 'currentPassword', name: 'currentPassword', label: '지금 비밀번호', type: 'password', autocomplete: 'current-password', required: true, error: opts.errors.currentPassword }) : null}
		${newPasswordFields(opts.errors)}
		<div class="ilteo-actions">${button({ label: '저장', type: 'submit' })}</div>
	</form>
</section>
<section aria-labelledby="my-sessions" class="ilteo-section">
	<h2 id="my-sessions" class="heading-medium">로그인한 기기</h2>
	<p>로그인한 채 ${opts.policy.idleMinutes}분 넘게 쓰지 않거나 로그인 후 ${opts.policy.absoluteHours}시간이 지나면 자동으로 로그아웃됩니다. 모르는 기기가 있으면 로그아웃하고 비밀번호를 바꾸세요.</p>
	${table({
    caption: '로그인한 기기: 브라우저, 로그인 수단, IP, 로그인 시각, 마지막 사용, 관리',
    columns: [
      { header: '기기' },
      { header: '로그인 수단' },
      { header: 'IP' },
      { header: '로그인' },
      { header: '마지막 사용' },
      { header: '관리', align: 'right' },
    ],
    rows: sessionRows,
  })}
	<div class="ilteo-actions">
		<form method="post" action="/my/sessions/revoke-others" class="ilteo-inline-form">${csrfField(opts.csrf)}${button({ label: '다른 기기 모두 로그아웃', type: 'submit', variant: 'secondary' })}</form>
		<form method="post" action="/my/sessions/revoke-all" class="ilteo-inline-form">${csrfField(opts.csrf)}${button({ label: '모든 기기에서 로그아웃', type: 'submit', variant: 'tertiary' })}</form>
	</div>
</section>`;
}
