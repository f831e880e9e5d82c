/** 기업 정보 page: the 사업장's introduction, address, size and homepage (shown on its postings). */
import { formatBusino } from '../identity/rules.ts';
import { alert, button, errorSummary, textInput } from '../web/components.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import type { CompanyFormValues } from './company-forms.ts';
import type { CompanyProfile } from './company-service.ts';

export function companyPage(
  c: CompanyProfile | undefined,
  v: CompanyFormValues,
  errors: Record<string, string>,
  saved: boolean,
  token: string,
): Html {
  return html`<h1 class="heading-xlarge">기업 정보</h1>
<p>${c?.name} · 사업자등록번호 ${formatBusino(c?.busino ?? '')} · ${c?.indTpNm}. 아래 내용은 채용공고의 기업정보에 나옵니다.</p>
${saved ? alert({ variant: 'success', role: 'status', title: '기업 정보를 저장했습니다.' }) : null}
${errorSummary(errors)}
<form method="post" action="/employer/company" novalidate>
	${csrfField(token)}
	<div class="form-group"><div class="form-tit"><label for="description">기업 소개</label></div><div class="form-conts${errors.description ? ' is-error' : ''}"><textarea id="description" name="description" class="krds-input" rows="6" maxlength="2000">${v.description ?? ''}</textarea></div>${errors.description ? html`<p class="form-hint-invalid">${errors.description}</p>` : null}</div>
	${textInput({ id: 'address', name: 'address', label: '본사 주소', value: v.address ?? '', maxlength: 200, error: errors.address })}
	${textInput({ id: 'employees', name: 'employees', label: '직원 수 (명)', inputmode: 'numeric', value: v.employees ?? '', error: errors.employees })}
	${textInput({ id: 'homepage', name: 'homepage', label: '홈페이지', type: 'url', value: v.homepage ?? '', placeholder: 'https://', error: errors.homepage })}
	<div class="ilteo-actions">${button({ label: '저장', type: 'submit', size: 'large' })}</div>
</form>`;
}
