/**
 * 고용센터 업무 (the job-centre back office), first part: a counsellor sees the 개인회원 whose
 * 관할 고용센터 is their own centre, and nobody else's. Operators see every centre. Opening a
 * person's record is a staff action and goes to the audit log. Claims and 실업인정 join this
 * list with the benefits feature.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { BenefitsService } from '../benefits/service.ts';
import type { Database } from '../db/index.ts';
import { accountOf, allow } from '../identity/access.ts';
import { findAccount } from '../identity/accounts.ts';
import { audit, clientOf } from '../identity/audit.ts';
import { formatDateTime } from '../identity/views.ts';
import { descriptionList, emptyState, table } from '../web/components.ts';
import { UserError } from '../web/errors.ts';
import { html } from '../web/html.ts';
import { sendPage } from '../web/page.ts';
import { claimRoutes, scopeOf } from './claims.ts';

const STAFF = allow('counsellor', 'operator');

interface ClientRow extends Record<string, unknown> {
  id: number;
  name: string;
  loginId: string;
  email: string | null;
  centreName: string;
  createdAt: string;
}

export function centreRoutes(app: FastifyInstance, deps: { database: Database; benefits: BenefitsService }): void {
  const { database } = deps;
  claimRoutes(app, deps);

  app.get('/centre', STAFF, async (request, reply) => {
    const me = accountOf(request);
    const scope = scopeOf(me);
    const clients = await database.read<ClientRow>(
      sql`SELECT a.id::int AS id, a.name, a.login_id AS "loginId", a.email, jc.name AS "centreName", a.created_at::text AS "createdAt"
          FROM accounts a JOIN job_centres jc ON jc.code = a.centre_code
          WHERE a.kind = 'seeker' AND ${scope === null ? sql`true` : sql`a.centre_code = ${scope}`}
          ORDER BY a.created_at DESC LIMIT 200`,
    );
    await audit(database, {
      actor: { id: me.id, kind: me.kind },
      action: 'client.list',
      outcome: 'success',
      target: { type: 'centre', id: scope ?? 'all' },
      ...clientOf(request),
      details: { shown: clients.length },
    });
    return sendPage(request, reply, {
      title: '고용센터 업무',
      breadcrumbs: [{ label: '고용센터 업무' }],
      main: html`<h1 class="heading-xlarge">고용센터 업무</h1>
<p>${scope === null ? '모든 고용센터' : me.centreName}의 개인회원입니다. <a href="/centre/claims">구직급여 심사로 가기</a> · <a href="/centre/counter">창구 접수 (오프라인 가능)</a></p>
${
  clients.length === 0
    ? emptyState({
        title: '관할 개인회원이 없습니다',
        body: '개인회원이 관할 고용센터로 이 센터를 고르면 여기에 보입니다.',
      })
    : table({
        caption: `관할 개인회원 ${clients.length}명: 이름, 아이디, 고용센터, 가입일`,
        columns: [{ header: '이름' }, { header: '아이디' }, { header: '고용센터' }, { header: '가입일' }],
        rows: clients.map((c) => [
          html`<a href="/centre/clients/${c.id}">${c.name}</a>`,
          c.loginId,
          c.centreName,
          formatDateTime(c.createdAt),
        ]),
        rowHeaders: true,
      })
}`,
    });
  });

  app.get<{ Params: { id: string } }>('/centre/clients/:id', STAFF, async (request, reply) => {
    const me = accountOf(request);
    const scope = scopeOf(me);
    const id = Number(request.params.id);
    const client = Number.isSafeInteger(id) ? await findAccount(database, id) : undefined;
    const visible = client && client.kind === 'seeker' && (scope === null || client.centreCode === scope);
    await audit(database, {
      actor: { id: me.id, kind: me.kind },
      action: 'client.view',
      outcome: visible ? 'success' : 'denied',
      target: { type: 'account', id: request.params.id.slice(0, 20) },
      ...clientOf(request),
    });
    // Someone outside the centre is answered exactly like someone who does not exist.
    if (!visible || !client) throw new UserError(404, 'NOT_FOUND', '요청하신 개인회원을 찾을 수 없습니다.');
    return sendPage(request, reply, {
      title: `${client.name} 님`,
      breadcrumbs: [{ label: '고용센터 업무', href: '/centre' }, { label: client.name }],
      main: html`<h1 class="heading-xlarge">${client.name} 님</h1>
${descriptionList({
  items: [
    { term: '아이디', description: client.loginId },
    { term: '이메일', description: client.email ?? '-' },
    { term: '관할 고용센터', description: client.centreName ?? '-' },
    { term: '가입일', description: formatDateTime(client.createdAt) },
  ],
})}`,
    });
  });
}
