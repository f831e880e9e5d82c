/** Pages of 비밀번호 찾기: asking for a link, setting the new password, and a link that cannot be used. */
import { alert, button, errorSummary, linkButton, textInput } from '../web/components.ts';
import type { Errors } from '../web/forms.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import type { ResetLinkProblem } from './password-reset.ts';
import { newPasswordFields } from './views.ts';

export type { ResetLinkProblem };

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
