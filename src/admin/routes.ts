/**
 * 운영자 (operator) back office: staff accounts (상담원, 운영자 are created here, never by sign-up),
 * enabling and disabling accounts, the audit log, and sign-in provider health. Every action here
 * is a staff action and is written to the audit log (src/admin/service.ts).
 *
 * 계정 사용 중지 signs the person out everywhere at once: it has its own page with a reason to choose
 * (none chosen to begin with) and a confirmation step that restates the effect (src/web/confirm.ts);
 * only the confirmed post writes. 다시 사용 (the undo) is one click.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountOf, allow } from '../identity/access.ts';
import { clientOf } from '../identity/audit.ts';
import type { ProviderRegistry } from '../identity/providers.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import { isConfirmed } from '../web/confirm.ts';
import { UserError } from '../web/errors.ts';
import type { Errors, Values } from '../web/forms.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken } from '../web/security.ts';
import { accountsPage, disableConfirmPage, disablePage, newAccountPage, staffPasswordPage } from './accounts-views.ts';
import {
  DISABLE_REASONS,
  parseAccountFilter,
  parseAuditFilter,
  parseNewStaffAccount,
  parseStaffPassword,
  parseStatusChange,
} from './forms.ts';
import type { Actor, AdminAccount, AdminService } from './service.ts';
import { adminHomePage, auditPage } from './views.ts';

const OPERATOR = allow('operator');

export interface AdminRouteDeps {
  admin: AdminService;
  providers: ProviderRegistry;
}

const crumbs = (label: string) => [{ label: '운영 관리', href: '/admin' }, { label }];
const accountCrumbs = (label: string) => [
  { label: '운영 관리', href: '/admin' },
  { label: '계정 관리', href: '/admin/accounts' },
  { label },
];

const actorOf = (request: FastifyRequest): Actor => {
  const me = accountOf(request);
  return { id: me.id, kind: me.kind, ...clientOf(request) };
};

export function adminRoutes(app: FastifyInstance, deps: AdminRouteDeps): void {
  homeAndAuditPages(app, deps);
  accountListPages(app, deps);
  staffPasswordPages(app, deps);
  accountStatusPages(app, deps);
}

/** 운영 관리 itself and the audit log (reading it is audited too). */
function homeAndAuditPages(app: FastifyInstance, { admin, providers }: AdminRouteDeps): void {
  app.get('/admin', OPERATOR, async (request, reply) =>
    sendPage(request, reply, {
      title: '운영 관리',
      breadcrumbs: [{ label: '운영 관리' }],
      main: adminHomePage(providers.health()),
    }),
  );

  app.get<{ Querystring: { action?: string; staff?: string } }>('/admin/audit', OPERATOR, async (request, reply) => {
    const filter = parseAuditFilter(request.query);
    const rows = await admin.auditLog(filter, actorOf(request));
    return sendPage(request, reply, {
      title: '감사 로그',
      breadcrumbs: crumbs('감사 로그'),
      main: auditPage(rows, filter),
    });
  });
}

/** 계정 관리 and 직원 계정 만들기. */
function accountListPages(app: FastifyInstance, { admin }: AdminRouteDeps): void {
  app.get<{ Querystring: { kind?: string; q?: string; created?: string; password?: string; disabled?: string } }>(
    '/admin/accounts',
    OPERATOR,
    async (request, reply) => {
      const { kind, q } = parseAccountFilter(request.query);
      const accounts = await admin.accounts({ ...(kind ? { kind } : {}), ...(q ? { q } : {}) });
      const { created, disabled, password } = request.query;
      return sendPage(request, reply, {
        title: '계정 관리',
        breadcrumbs: crumbs('계정 관리'),
        main: accountsPage({
          accounts,
          filter: { kind: kind ?? '', q },
          notices: { created: Boolean(created), disabled: Boolean(disabled), password: Boolean(password) },
          meId: accountOf(request).id,
          token: csrfToken(reply),
        }),
      });
    },
  );

  const newAccount = async (request: FastifyRequest, reply: FastifyReply, values: Values, errors: Errors) =>
    sendPage(request, reply, {
      title: '직원 계정 만들기',
      breadcrumbs: crumbs('직원 계정 만들기'),
      main: newAccountPage(await admin.centres(), values, errors, csrfToken(reply)),
    });

  app.get('/admin/accounts/new', OPERATOR, async (request, reply) => newAccount(request, reply, {}, {}));

  app.post('/admin/accounts', writes(OPERATOR, 'admin.createAccount'), async (request, reply) => {
    const centres = await admin.centres();
    const parsed = parseNewStaffAccount(
      request.body,
      centres.map((c) => c.code),
    );
    const { errors } = parsed;
    if (parsed.value) {
      const account = parsed.value;
      try {
        const { outcome } = await request.command(async () => {
          const id = await admin.createStaff(account, actorOf(request));
          return { redirect: '/admin/accounts?created=1', accountId: id };
        });
        return sendOutcome(reply, { redirect: outcome.redirect });
      } catch (err) {
        if (!(err instanceof UserError) || !err.fields) throw err;
        Object.assign(errors, err.fields);
      }
    }
    reply.status(400);
    return newAccount(request, reply, parsed.values, errors);
  });
}

/**
 * A staff member who forgot their password (비밀번호 찾기 is for citizens and employers only: a staff
 * mailbox must not be a way into other people's data): an operator sets a new one, which ends every
 * session of that account, and hands it over as with a new account. Not for one's own account (내 정보).
 */
function staffPasswordPages(app: FastifyInstance, { admin }: AdminRouteDeps): void {
  const page = (request: FastifyRequest, reply: FastifyReply, target: AdminAccount, errors: Errors) =>
    sendPage(request, reply, {
      title: '직원 비밀번호 다시 정하기',
      breadcrumbs: crumbs('직원 비밀번호 다시 정하기'),
      main: staffPasswordPage(target, errors, csrfToken(reply)),
    });

  app.get<{ Params: { id: string } }>('/admin/accounts/:id/password', OPERATOR, async (request, reply) =>
    page(request, reply, await admin.target.staff(request.params.id, accountOf(request)), {}),
  );

  app.post<{ Params: { id: string } }>(
    '/admin/accounts/:id/password',
    writes(OPERATOR, 'admin.setStaffPassword'),
    async (request, reply) => {
      const target = await admin.target.staff(request.params.id, accountOf(request));
      const { password, error } = parseStaffPassword(request.body, target.loginId);
      if (error) {
        reply.status(400);
        return page(request, reply, target, { password: error });
      }
      const { outcome } = await request.command(async () => {
        await admin.setStaffPassword(target, password, actorOf(request));
        return { redirect: '/admin/accounts?password=1' };
      });
      return sendOutcome(reply, outcome);
    },
  );
}

/** 계정 사용 중지 (a page, then a confirmation) and 다시 사용 (one click). */
function accountStatusPages(app: FastifyInstance, { admin }: AdminRouteDeps): void {
  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    target: AdminAccount,
    values: { reason: string; note: string },
    errors: Errors,
  ) =>
    sendPage(request, reply, {
      title: '계정 사용 중지',
      breadcrumbs: accountCrumbs('계정 사용 중지'),
      main: disablePage(target, values, errors, csrfToken(reply)),
    });

  app.get<{ Params: { id: string } }>('/admin/accounts/:id/disable', OPERATOR, async (request, reply) =>
    page(
      request,
      reply,
      await admin.target.status(request.params.id, accountOf(request)),
      { reason: '', note: '' },
      {},
    ),
  );

  app.post<{ Params: { id: string } }>(
    '/admin/accounts/:id/status',
    writes(OPERATOR, 'admin.setAccountStatus'),
    async (request, reply) => {
      const { status, values, reason } = parseStatusChange(request.body);
      if (!status) throw new UserError(400, 'BAD_REQUEST', '요청이 올바르지 않습니다.');
      const target = await admin.target.status(request.params.id, accountOf(request));
      if (status === 'disabled') {
        if (!reason) {
          reply.status(400);
          return page(request, reply, target, values, { reason: '사용 중지 사유를 골라 주세요.' });
        }
        // Asked only of an account in use; the confirmed post is applied (a repeat gets its stored answer).
        if (!isConfirmed(request.body) && target.status === 'disabled') {
          reply.status(409);
          return page(request, reply, target, values, { _form: '이미 사용 중지된 계정입니다.' });
        }
        if (!isConfirmed(request.body))
          return sendPage(request, reply, {
            title: '계정 사용 중지 확인',
            breadcrumbs: accountCrumbs('계정 사용 중지 확인'),
            main: disableConfirmPage(target, values, DISABLE_REASONS[reason], csrfToken(reply)),
          });
      }
      const change =
        status === 'disabled' && reason ? { status, reason, note: values.note } : { status: 'active' as const };
      const { outcome } = await request.command(async () => {
        await admin.setStatus(target, change, actorOf(request));
        return { redirect: status === 'disabled' ? '/admin/accounts?disabled=1' : '/admin/accounts' };
      });
      return sendOutcome(reply, outcome);
    },
  );
}
