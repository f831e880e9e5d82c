/**
 * 운영자 (operator) back office: staff accounts (상담원, 운영자 are created here, never by sign-up),
 * enabling and disabling accounts, the audit log, and sign-in provider health. Every action here
 * is a staff action and is written to the audit log.
 *
 * 계정 사용 중지 signs the person out everywhere at once: it has its own page with a reason to choose
 * (none chosen to begin with) and a confirmation step that restates the effect (src/web/confirm.ts);
 * only the confirmed post writes. 다시 사용 (the undo) is one click.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/index.ts';
import { accountOf, allow } from '../identity/access.ts';
import {
  type AccountKind,
  changePassword,
  createAccount,
  findAccount,
  KIND_LABELS,
  listAccounts,
  listCentres,
  setAccountStatus,
} from '../identity/accounts.ts';
import { audit, clientOf, listAudit } from '../identity/audit.ts';
import { AUDIT_ACTION_LABELS, auditActionLabel, auditTargetLabel } from '../identity/audit-labels.ts';
import type { ProviderRegistry } from '../identity/providers.ts';
import {
  emailError,
  loginIdError,
  maskPersonalNumbers,
  nameError,
  normalizeLoginId,
  passwordError,
} from '../identity/rules.ts';
import { revokeAllSessions } from '../identity/sessions.ts';
import { formatDateTime } from '../shared/dates.ts';
import { sendOutcome, writes } from '../web/commands.ts';
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
import { confirmStep, isConfirmed } from '../web/confirm.ts';
import { UserError } from '../web/errors.ts';
import type { Errors, Values } from '../web/forms.ts';
import { html } from '../web/html.ts';
import { sendPage } from '../web/page.ts';
import { csrfField, csrfToken } from '../web/security.ts';
import { kindChoice, passwordHint } from './views.ts';

const OPERATOR = allow('operator');

function field(body: unknown, name: string, max = 200): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.slice(0, max) : '';
}

const STATE_LABEL = { up: '정상', down: '장애', unknown: '확인 전' } as const;

const isStaff = (kind: AccountKind) => kind === 'counsellor' || kind === 'operator';

/** Why an operator disables an account (kept in the audit log with the operator's note). */
export const DISABLE_REASONS = {
  left: '퇴사·전보 (직원 계정)',
  request: '본인 요청',
  compromised: '계정 도용·비밀번호 유출 의심',
  misuse: '부정 이용·이용약관 위반',
  duplicate: '중복 가입',
} as const;
type DisableReason = keyof typeof DISABLE_REASONS;

export function adminRoutes(app: FastifyInstance, deps: { database: Database; providers: ProviderRegistry }): void {
  const { database, providers } = deps;
  const crumbs = (label: string) => [{ label: '운영 관리', href: '/admin' }, { label }];

  app.get('/admin', OPERATOR, async (request, reply) => {
    const rows = providers
      .health()
      .map((h) => [
        h.label,
        html`<span class="krds-badge small ${h.state === 'down' ? 'bg-danger' : h.state === 'up' ? 'bg-success' : 'bg-gray'}">${STATE_LABEL[h.state]}</span>`,
        h.latencyMs === null ? '-' : `${h.latencyMs} ms`,
        formatDateTime(h.since),
        h.error ?? '',
      ]);
    return sendPage(request, reply, {
      title: '운영 관리',
      breadcrumbs: [{ label: '운영 관리' }],
      main: html`<h1 class="heading-xlarge">운영 관리</h1>
<ul class="ilteo-choice-list">
	<li><a class="ilteo-choice" href="/admin/accounts"><strong>계정 관리</strong><span>상담원·운영자 계정 만들기, 계정 사용 중지</span></a></li>
	<li><a class="ilteo-choice" href="/admin/status"><strong>서비스 상태 관리</strong><span>장애 경과 알림, 점검 일정, 사후 분석과 재발 방지 조치</span></a></li>
	<li><a class="ilteo-choice" href="/admin/operations"><strong>장애 대응 현황</strong><span>앱 서버 보관함, 창구 대기열, 재처리, 실업인정일 자동 변경</span></a></li>
	<li><a class="ilteo-choice" href="/admin/audit"><strong>감사 로그</strong><span>로그인과 직원 작업 기록 (수정·삭제 불가)</span></a></li>
</ul>
<section class="ilteo-section" aria-labelledby="providers-title">
	<h2 id="providers-title" class="heading-medium">간편 로그인 제공자 상태</h2>
	${table({
    caption: '간편 로그인 제공자 상태: 제공자, 상태, 응답 시간, 상태 변경 시각, 오류',
    columns: [
      { header: '제공자' },
      { header: '상태' },
      { header: '응답 시간' },
      { header: '이 상태가 된 시각' },
      { header: '오류' },
    ],
    rows,
    rowHeaders: true,
  })}
</section>`,
    });
  });

  app.get<{ Querystring: { kind?: string; q?: string; created?: string; password?: string; disabled?: string } }>(
    '/admin/accounts',
    OPERATOR,
    async (request, reply) => {
      const kind = (['seeker', 'employer', 'counsellor', 'operator'] as const).find((k) => k === request.query.kind);
      const q = (request.query.q ?? '').slice(0, 50).trim();
      const accounts = await listAccounts(database, { ...(kind ? { kind } : {}), ...(q ? { q } : {}) });
      const token = csrfToken(reply);
      const me = accountOf(request);
      const rows = accounts.map((a) => [
        a.loginId,
        a.name,
        KIND_LABELS[a.kind],
        a.centreName ?? a.companyName ?? '-',
        a.status === 'active' ? '사용 중' : html`<strong>사용 중지</strong>`,
        formatDateTime(a.createdAt),
        a.id === me.id
          ? '본인'
          : html`${isStaff(a.kind) ? html`<a href="/admin/accounts/${a.id}/password">비밀번호 다시 정하기</a> ` : null}${
              a.status === 'active'
                ? html`<a href="/admin/accounts/${a.id}/disable">사용 중지<span class="sr-only"> (${a.loginId})</span></a>`
                : html`<form method="post" action="/admin/accounts/${a.id}/status" class="ilteo-inline-form">${csrfField(token)}<input type="hidden" name="status" value="active">${button({ label: html`다시 사용<span class="sr-only"> (${a.loginId})</span>`, type: 'submit', size: 'small', variant: 'secondary' })}</form>`
            }`,
      ]);
      return sendPage(request, reply, {
        title: '계정 관리',
        breadcrumbs: crumbs('계정 관리'),
        main: html`<h1 class="heading-xlarge">계정 관리</h1>
${request.query.created ? alert({ variant: 'success', role: 'status', title: '계정을 만들었습니다. 처음 비밀번호를 본인에게 안전하게 전달하세요.' }) : null}
${request.query.disabled ? alert({ variant: 'success', role: 'status', title: '계정을 사용 중지했습니다. 그 계정의 로그인을 모두 끝냈고, 사유는 감사 로그에 남았습니다.' }) : null}
${request.query.password ? alert({ variant: 'success', role: 'status', title: '비밀번호를 바꾸고 그 계정의 로그인을 모두 끝냈습니다. 새 비밀번호를 본인에게 안전하게 전달하세요.' }) : null}
<form method="get" action="/admin/accounts" class="ilteo-filter" role="search" aria-label="계정 찾기">
	${select({ id: 'kind', name: 'kind', label: '회원 구분', value: kind ?? '', options: [{ value: '', label: '전체' }, ...Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))] })}
	${textInput({ id: 'q', name: 'q', label: '아이디 또는 이름', value: q })}
	<div class="ilteo-actions">${button({ label: '찾기', type: 'submit', variant: 'secondary' })} ${linkButton({ href: '/admin/accounts/new', label: '직원 계정 만들기' })}</div>
</form>
${table({
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
  rows,
  rowHeaders: true,
})}`,
      });
    },
  );

  const newAccountPage = async (request: FastifyRequest, reply: FastifyReply, values: Values, errors: Errors) => {
    const centres = await listCentres(database);
    return sendPage(request, reply, {
      title: '직원 계정 만들기',
      breadcrumbs: crumbs('직원 계정 만들기'),
      main: html`<div class="ilteo-narrow"><h1 class="heading-xlarge">직원 계정 만들기</h1>
${errorSummary(errors)}
<form method="post" action="/admin/accounts" novalidate>
	${csrfField(csrfToken(reply))}
	${kindChoice(values, errors)}
	${select({ id: 'centreCode', name: 'centreCode', label: '소속 고용센터 (상담원)', value: values.centreCode ?? '', options: [{ value: '', label: '선택' }, ...centres.map((c) => ({ value: c.code, label: c.name }))], error: errors.centreCode })}
	${textInput({ id: 'loginId', name: 'loginId', label: '아이디', value: values.loginId ?? '', required: true, error: errors.loginId })}
	${textInput({ id: 'name', name: 'name', label: '이름', value: values.name ?? '', required: true, error: errors.name })}
	${textInput({ id: 'email', name: 'email', label: '업무 이메일', type: 'email', value: values.email ?? '', required: true, error: errors.email })}
	${textInput({ id: 'password', name: 'password', label: '처음 비밀번호', type: 'password', autocomplete: 'new-password', required: true, hint: passwordHint(), error: errors.password })}
	<div class="ilteo-actions">${button({ label: '계정 만들기', type: 'submit', size: 'large' })}</div>
</form></div>`,
    });
  };

  app.get('/admin/accounts/new', OPERATOR, async (request, reply) => newAccountPage(request, reply, {}, {}));

  app.post('/admin/accounts', writes(OPERATOR, 'admin.createAccount'), async (request, reply) => {
    const me = accountOf(request);
    const values: Values = {
      kind: field(request.body, 'kind', 20),
      centreCode: field(request.body, 'centreCode', 50),
      loginId: field(request.body, 'loginId', 100),
      name: field(request.body, 'name', 100),
      email: field(request.body, 'email', 300),
    };
    const password = field(request.body, 'password');
    const errors: Errors = {};
    const kind: AccountKind | null = values.kind === 'counsellor' || values.kind === 'operator' ? values.kind : null;
    if (!kind) errors.kind = '계정 종류를 골라 주세요.';
    const centres = await listCentres(database);
    if (kind === 'counsellor' && !centres.some((c) => c.code === values.centreCode))
      errors.centreCode = '상담원의 소속 고용센터를 골라 주세요.';
    for (const [key, error] of [
      ['loginId', loginIdError(values.loginId ?? '')],
      ['name', nameError(values.name ?? '')],
      ['email', emailError(values.email ?? '', true)],
      ['password', passwordError(password, values.loginId)],
    ] as const)
      if (error) errors[key] = error;
    if (Object.keys(errors).length === 0 && kind) {
      try {
        const { outcome } = await request.command(async () => {
          const id = await createAccount(database, {
            kind,
            loginId: normalizeLoginId(values.loginId ?? ''),
            password,
            name: (values.name ?? '').trim(),
            email: (values.email ?? '').trim(),
            centreCode: kind === 'counsellor' ? (values.centreCode ?? null) : null,
            createdBy: me.id,
          });
          await audit(database, {
            actor: { id: me.id, kind: me.kind },
            action: 'account.create',
            outcome: 'success',
            target: { type: 'account', id },
            ...clientOf(request),
            details: { kind, loginId: normalizeLoginId(values.loginId ?? ''), centre: values.centreCode ?? null },
          });
          return { redirect: '/admin/accounts?created=1', accountId: id };
        });
        return sendOutcome(reply, { redirect: outcome.redirect });
      } catch (err) {
        if (!(err instanceof UserError) || !err.fields) throw err;
        Object.assign(errors, err.fields);
      }
    }
    reply.status(400);
    return newAccountPage(request, reply, values, errors);
  });

  /**
   * A staff member who forgot their password (비밀번호 찾기 is for citizens and employers only: a staff
   * mailbox must not be a way into other people's data): an operator sets a new one, which ends every
   * session of that account, and hands it over as with a new account. Not for one's own account (내 정보).
   */
  const staffTarget = async (request: FastifyRequest<{ Params: { id: string } }>) => {
    const id = Number(request.params.id);
    const target = Number.isSafeInteger(id) ? await findAccount(database, id) : undefined;
    if (!target || !isStaff(target.kind)) throw new UserError(404, 'NOT_FOUND', '직원 계정을 찾을 수 없습니다.');
    if (target.id === accountOf(request).id) throw new UserError(409, 'SELF', '자기 비밀번호는 내 정보에서 바꿉니다.');
    return target;
  };
  const staffPasswordPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    target: { id: number; loginId: string; name: string },
    errors: Errors,
  ) =>
    sendPage(request, reply, {
      title: '직원 비밀번호 다시 정하기',
      breadcrumbs: crumbs('직원 비밀번호 다시 정하기'),
      main: html`<div class="ilteo-narrow"><h1 class="heading-xlarge">직원 비밀번호 다시 정하기</h1>
<p>${target.name} (${target.loginId}) 님의 비밀번호를 새로 정합니다. 그 계정의 로그인은 모두 끝나고, 새 비밀번호로 다시 로그인해야 합니다. 본인임을 확인한 뒤 새 비밀번호를 안전하게 전달하세요.</p>
${errorSummary(errors)}
<form method="post" action="/admin/accounts/${target.id}/password" novalidate>
	${csrfField(csrfToken(reply))}
	${textInput({ id: 'password', name: 'password', label: '새 비밀번호', type: 'password', autocomplete: 'new-password', required: true, hint: passwordHint(), error: errors.password })}
	<div class="ilteo-actions">${button({ label: '비밀번호 바꾸기', type: 'submit', size: 'large' })}</div>
</form></div>`,
    });

  app.get<{ Params: { id: string } }>('/admin/accounts/:id/password', OPERATOR, async (request, reply) =>
    staffPasswordPage(request, reply, await staffTarget(request), {}),
  );

  app.post<{ Params: { id: string } }>(
    '/admin/accounts/:id/password',
    writes(OPERATOR, 'admin.setStaffPassword'),
    async (request, reply) => {
      const me = accountOf(request);
      const target = await staffTarget(request);
      const password = field(request.body, 'password');
      const error = passwordError(password, target.loginId);
      if (error) {
        reply.status(400);
        return staffPasswordPage(request, reply, target, { password: error });
      }
      const { outcome } = await request.command(async () => {
        const ended = await database.transaction(async (tx) => {
          await changePassword(tx, target.id, password);
          return revokeAllSessions(tx, target.id);
        });
        await audit(database, {
          actor: { id: me.id, kind: me.kind },
          action: 'account.password-set',
          outcome: 'success',
          target: { type: 'account', id: target.id },
          ...clientOf(request),
          details: { loginId: target.loginId, sessionsEnded: ended },
        });
        return { redirect: '/admin/accounts?password=1' };
      });
      return sendOutcome(reply, outcome);
    },
  );

  /** An account an operator may disable or enable: not their own (409), one that exists (404). */
  const statusTarget = async (request: FastifyRequest<{ Params: { id: string } }>) => {
    const id = Number(request.params.id);
    if (!Number.isSafeInteger(id)) throw new UserError(404, 'NOT_FOUND', '계정을 찾을 수 없습니다.');
    if (id === accountOf(request).id) throw new UserError(409, 'SELF', '자기 계정은 사용 중지할 수 없습니다.');
    const target = await findAccount(database, id);
    if (!target) throw new UserError(404, 'NOT_FOUND', '계정을 찾을 수 없습니다.');
    return target;
  };
  type Target = Awaited<ReturnType<typeof statusTarget>>;
  const who = (t: Target) => `${t.name} (${t.loginId}, ${KIND_LABELS[t.kind]})`;

  const disablePage = (
    request: FastifyRequest,
    reply: FastifyReply,
    target: Target,
    values: { reason: string; note: string },
    errors: Errors,
  ) =>
    sendPage(request, reply, {
      title: '계정 사용 중지',
      breadcrumbs: [
        { label: '운영 관리', href: '/admin' },
        { label: '계정 관리', href: '/admin/accounts' },
        { label: '계정 사용 중지' },
      ],
      main: html`<div class="ilteo-narrow"><h1 class="heading-xlarge">계정 사용 중지</h1>
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
	${csrfField(csrfToken(reply))}
	<input type="hidden" name="status" value="disabled">
	${select({ id: 'reason', name: 'reason', label: '사용 중지 사유', required: true, value: values.reason, options: [{ value: '', label: '선택하세요' }, ...Object.entries(DISABLE_REASONS).map(([value, label]) => ({ value, label }))], error: errors.reason })}
	${textInput({ id: 'note', name: 'note', label: '메모 (선택, 감사 로그에 남습니다)', value: values.note, maxlength: 300 })}
	<div class="ilteo-actions">${button({ label: '다음: 사용 중지 확인', type: 'submit', size: 'large' })} ${linkButton({ href: '/admin/accounts', label: '취소', variant: 'secondary', size: 'large' })}</div>
</form></div>`,
    });

  app.get<{ Params: { id: string } }>('/admin/accounts/:id/disable', OPERATOR, async (request, reply) =>
    disablePage(request, reply, await statusTarget(request), { reason: '', note: '' }, {}),
  );

  app.post<{ Params: { id: string } }>(
    '/admin/accounts/:id/status',
    writes(OPERATOR, 'admin.setAccountStatus'),
    async (request, reply) => {
      const me = accountOf(request);
      const status = field(request.body, 'status', 20);
      if (status !== 'active' && status !== 'disabled')
        throw new UserError(400, 'BAD_REQUEST', '요청이 올바르지 않습니다.');
      const target = await statusTarget(request);
      const values = {
        reason: field(request.body, 'reason', 20),
        note: maskPersonalNumbers(field(request.body, 'note', 300).trim()),
      };
      if (status === 'disabled') {
        if (!Object.hasOwn(DISABLE_REASONS, values.reason)) {
          reply.status(400);
          return disablePage(request, reply, target, values, { reason: '사용 중지 사유를 골라 주세요.' });
        }
        const reason = DISABLE_REASONS[values.reason as DisableReason];
        // Asked only of an account in use; the confirmed post is applied (a repeat gets its stored answer).
        if (!isConfirmed(request.body) && target.status === 'disabled') {
          reply.status(409);
          return disablePage(request, reply, target, values, { _form: '이미 사용 중지된 계정입니다.' });
        }
        if (!isConfirmed(request.body))
          return sendPage(request, reply, {
            title: '계정 사용 중지 확인',
            breadcrumbs: [
              { label: '운영 관리', href: '/admin' },
              { label: '계정 관리', href: '/admin/accounts' },
              { label: '계정 사용 중지 확인' },
            ],
            main: confirmStep({
              heading: '계정 사용 중지 확인',
              effect: `${who(target)} 님의 계정을 사용 중지합니다. 로그인한 모든 기기에서 바로 로그아웃되고, 다시 사용으로 바꿀 때까지 로그인할 수 없습니다. 사유: ${reason}`,
              details: [
                { term: '사유', description: reason },
                { term: '메모', description: values.note || '(없음)' },
              ],
              action: `/admin/accounts/${target.id}/status`,
              csrf: csrfToken(reply),
              fields: { status, ...values },
              confirmLabel: '사용 중지 확정',
              cancelHref: '/admin/accounts',
            }),
          });
      }
      const { outcome } = await request.command(async () => {
        await setAccountStatus(database, target.id, status);
        await audit(database, {
          actor: { id: me.id, kind: me.kind },
          action: status === 'disabled' ? 'account.disable' : 'account.enable',
          outcome: 'success',
          target: { type: 'account', id: target.id },
          ...clientOf(request),
          ...(status === 'disabled'
            ? {
                details: {
                  reason: values.reason,
                  reasonLabel: DISABLE_REASONS[values.reason as DisableReason],
                  note: values.note,
                },
              }
            : {}),
        });
        return { redirect: status === 'disabled' ? '/admin/accounts?disabled=1' : '/admin/accounts' };
      });
      return sendOutcome(reply, outcome);
    },
  );

  app.get<{ Querystring: { action?: string; staff?: string } }>('/admin/audit', OPERATOR, async (request, reply) => {
    const me = accountOf(request);
    const action = (request.query.action ?? '').slice(0, 50);
    const staffOnly = request.query.staff === '1';
    const rows = await listAudit(database, { ...(action ? { action } : {}), staffOnly, limit: 200 });
    await audit(database, {
      actor: { id: me.id, kind: me.kind },
      action: 'audit.view',
      outcome: 'success',
      ...clientOf(request),
      details: { filter: action || null, staffOnly },
    });
    return sendPage(request, reply, {
      title: '감사 로그',
      breadcrumbs: crumbs('감사 로그'),
      main: html`<h1 class="heading-xlarge">감사 로그</h1>
<p>로그인, 로그아웃, 계정 변경과 모든 직원 작업의 기록입니다. 데이터베이스가 수정과 삭제를 거부합니다. 최근 200건을 보여 줍니다.</p>
<form method="get" action="/admin/audit" class="ilteo-filter" role="search" aria-label="감사 로그 거르기">
	${select({
    id: 'action',
    name: 'action',
    label: '작업',
    value: action,
    options: [
      { value: '', label: '모든 작업' },
      ...Object.entries(AUDIT_ACTION_LABELS).map(([code, label]) => ({ value: code, label: `${label} (${code})` })),
      // A code typed into the address that the catalogue does not know stays selected as itself.
      ...(action && !Object.hasOwn(AUDIT_ACTION_LABELS, action) ? [{ value: action, label: action }] : []),
    ],
  })}
	<div class="krds-form-check"><input type="checkbox" id="staff" name="staff" value="1"${staffOnly ? html` checked` : null}><label for="staff">직원 작업만</label></div>
	<div class="ilteo-actions">${button({ label: '거르기', type: 'submit', variant: 'secondary' })}</div>
</form>
${table({
  caption: '감사 로그: 시각, 누가, 작업, 결과, 대상, 어디서, 내용',
  columns: [
    { header: '시각' },
    { header: '누가' },
    { header: '작업' },
    { header: '결과' },
    { header: '대상' },
    { header: '어디서' },
    { header: '내용' },
  ],
  rows: rows.map((r) => [
    formatDateTime(r.at),
    r.actorLoginId ? `${r.actorLoginId} (${KIND_LABELS[r.actorKind as AccountKind] ?? r.actorKind})` : '(로그인 전)',
    html`${auditActionLabel(r.action)}<br><code class="ilteo-muted">${r.action}</code>`,
    r.outcome === 'success' ? '성공' : r.outcome === 'denied' ? '거부' : '실패',
    r.targetType ? `${auditTargetLabel(r.targetType)} ${r.targetId ?? ''}` : '-',
    r.ip,
    Object.entries(r.details)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', '),
  ]),
})}`,
    });
  });
}
