/**
 * 고용센터 업무 (the job-centre back office), first part: a counsellor sees the 개인회원 whose
 * 관할 고용센터 is their own centre, and nobody else's. Operators see every centre. Opening a
 * person's record is a staff action and goes to the audit log. The person's page shows their
 * 구직신청 and 입사지원 (read-only: there is no counsellor page for them) and lists their 구직급여
 * 신청, each linked to its review page (src/centre/claim-routes.ts) when it is at the counsellor's centre.
 */
import type { FastifyInstance } from 'fastify';
import { allow } from '../identity/access.ts';
import { sendPage } from '../web/page.ts';
import { claimPages, claimRoutes } from './claim-routes.ts';
import { clientListPage, clientPage } from './client-views.ts';
import { recognitionRoutes } from './recognition-routes.ts';
import type { CentreService } from './service.ts';

const STAFF = allow('counsellor', 'operator');

export function centreRoutes(app: FastifyInstance, deps: { centre: CentreService }): void {
  const { centre } = deps;
  const pages = claimPages(centre.claims);
  claimRoutes(app, pages);
  recognitionRoutes(app, pages);
  const { staffOf } = pages;

  app.get('/centre', STAFF, async (request, reply) => {
    const staff = staffOf(request);
    const { scope, clients } = await centre.clients(staff);
    return sendPage(request, reply, {
      title: '고용센터 업무',
      breadcrumbs: [{ label: '고용센터 업무' }],
      main: clientListPage(scope, staff.account.centreName, clients),
    });
  });

  app.get<{ Params: { id: string } }>('/centre/clients/:id', STAFF, async (request, reply) => {
    const record = await centre.client(staffOf(request), request.params.id);
    return sendPage(request, reply, {
      title: `${record.client.name} 님`,
      breadcrumbs: [{ label: '고용센터 업무', href: '/centre' }, { label: record.client.name }],
      main: clientPage(record),
    });
  });
}
