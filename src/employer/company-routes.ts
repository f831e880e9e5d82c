/** 기업 정보: the employer keeps their 사업장's introduction, address, size and homepage (shown on postings). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/index.ts';
import { accountOf, allow } from '../identity/access.ts';
import { audit, clientOf } from '../identity/audit.ts';
import { formatBusino, maskPersonalNumbers } from '../identity/rules.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import { alert, button, errorSummary, textInput } from '../web/components.ts';
import { html } from '../web/html.ts';
import { sendPage } from '../web/page.ts';
import { csrfField, csrfToken } from '../web/security.ts';
import { companyProfile, updateCompanyProfile } from './store.ts';

const EMPLOYER = allow('employer');

export function parseCompanyProfile(
  raw: Record<string, unknown>,
):
  | { ok: true; value: { description: string; address: string; employees: number | null; homepage: string } }
  | { ok: false; errors: Record<string, string> } {
  const get = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string).replace(/\r\n/g, '\n').trim() : '');
  const errors: Record<string, string> = {};
  const description = get('description');
  const address = get('address');
  const homepage = get('homepage');
  const employeesRaw = get('employees').replace(/[,\s명]/g, '');
  if ([...description].length > 2000) errors.description = '기업 소개는 2,000자 이내로 적어 주세요.';
  if ([...address].length > 200) errors.address = '주소는 200자 이내로 적어 주세요.';
  let employees: number | null = null;
  if (employeesRaw !== '') {
    employees = Number(employeesRaw);
    if (!Number.isInteger(employees) || employees < 1 || employees > 1_000_000)
      errors.employees = '직원 수는 1명 이상의 숫자로 적어 주세요.';
  }
  if (homepage && !/^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(homepage))
    errors.homepage = '홈페이지는 https://로 시작하는 주소로 적어 주세요.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { description: maskPersonalNumbers(description), address, employees, homepage } };
}

export function companyRoutes(app: FastifyInstance, deps: { database: Database }): void {
  const { database } = deps;

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string> | null,
    errors: Record<string, string>,
    saved = false,
  ) => {
    const me = accountOf(request);
    const c = await companyProfile(database, me.companyId);
    const v = values ?? {
      description: c?.description ?? '',
      address: c?.address ?? '',
      employees: c?.employees === null || c?.employees === undefined ? '' : String(c.employees),
      homepage: c?.homepage ?? '',
    };
    return sendPage(request, reply, {
      title: '기업 정보',
      breadcrumbs: [{ label: '기업 서비스', href: '/employer' }, { label: '기업 정보' }],
      main: html`<h1 class="heading-xlarge">기업 정보</h1>
<p>${c?.name} · 사업자등록번호 ${formatBusino(c?.busino ?? '')} · ${c?.indTpNm}. 아래 내용은 채용공고의 기업정보에 나옵니다.</p>
${saved ? alert({ variant: 'success', role: 'status', title: '기업 정보를 저장했습니다.' }) : null}
${errorSummary(errors)}
<form method="post" action="/employer/company" novalidate>
	${csrfField(csrfToken(reply))}
	<div class="form-group"><div class="form-tit"><label for="description">기업 소개</label></div><div class="form-conts${errors.description ? ' is-error' : ''}"><textarea id="description" name="description" class="krds-input" rows="6" maxlength="2000">${v.description ?? ''}</textarea></div>${errors.description ? html`<p class="form-hint-invalid">${errors.description}</p>` : null}</div>
	${textInput({ id: 'address', name: 'address', label: '본사 주소', value: v.address ?? '', maxlength: 200, error: errors.address })}
	${textInput({ id: 'employees', name: 'employees', label: '직원 수 (명)', inputmode: 'numeric', value: v.employees ?? '', error: errors.employees })}
	${textInput({ id: 'homepage', name: 'homepage', label: '홈페이지', type: 'url', value: v.homepage ?? '', placeholder: 'https://', error: errors.homepage })}
	<div class="ilteo-actions">${button({ label: '저장', type: 'submit', size: 'large' })}</div>
</form>`,
    });
  };

  app.get<{ Querystring: { saved?: string } }>('/employer/company', EMPLOYER, async (request, reply) =>
    render(request, reply, null, {}, request.query.saved !== undefined),
  );

  app.post('/employer/company', writes(EMPLOYER, 'employer.saveCompany'), async (request, reply) => {
    const me = accountOf(request);
    const body = request.body as Record<string, unknown>;
    const parsed = parseCompanyProfile(body);
    if (!parsed.ok) {
      reply.status(400);
      const values = Object.fromEntries(
        ['description', 'address', 'employees', 'homepage'].map((k) => [
          k,
          typeof body[k] === 'string' ? (body[k] as string) : '',
        ]),
      );
      return render(request, reply, values, parsed.errors);
    }
    const v = parsed.value;
    const { outcome } = await request.command(async () => {
      await updateCompanyProfile(database, me.companyId, v);
      await audit(database, {
        actor: { id: me.id, kind: me.kind },
        action: 'company.profile',
        outcome: 'success',
        target: { type: 'company', id: me.companyId ?? 0 },
        ...clientOf(request),
      });
      return { redirect: '/employer/company?saved=1' };
    });
    return sendOutcome(reply, outcome);
  });
}
