/**
 * 이직확인서 requests: the worker's page for one 상실 record (/my/insurance/records/:id/certificate, with
 * the 요청), and the counsellors' — the centre's open requests (/centre/certificates, ?overdue=1 for the
 * overdue ones) and a client's 상실 records with the 요청 (/centre/certificates/clients/:id).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { accountOf, allow } from '../identity/access.ts';
import { clientOf } from '../identity/audit.ts';
import { keyOf, sendOutcome, writes } from '../web/commands.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken } from '../web/security.ts';
import { centreRequestsPage, clientSeparationsPage, mySeparationPage } from './certificate-desk-views.ts';
import type { CertificateService } from './certificate-service.ts';

const SEEKER = allow('seeker');
const STAFF = allow('counsellor', 'operator');
const DESK = { label: '고용센터 업무', href: '/centre' };
const LIST = { label: '이직확인서 요청', href: '/centre/certificates' };

type Query = { Querystring: Record<string, string | undefined> };

export function certificateDeskRoutes(app: FastifyInstance, deps: { certificates: CertificateService }): void {
  const { certificates } = deps;
  const staffOf = (request: FastifyRequest) => ({ account: accountOf(request), ...clientOf(request) });

  app.get<{ Params: { id: string } } & Query>(
    '/my/insurance/records/:id/certificate',
    SEEKER,
    async (request, reply) => {
      const s = await certificates.mySeparation(accountOf(request).id, request.params.id);
      const notice = ['requested', 'already'].find((k) => request.query[k] !== undefined) ?? null;
      return sendPage(request, reply, {
        title: '이직확인서',
        breadcrumbs: [
          { label: '내 정보', href: '/my' },
          { label: '내 고용보험', href: '/my/insurance' },
          { label: '이직확인서' },
        ],
        main: mySeparationPage(s, notice, csrfToken(reply)),
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/my/insurance/records/:id/certificate',
    writes(SEEKER, 'insurance.requestCertificate'),
    async (request, reply) => {
      const actor = { id: accountOf(request).id, kind: accountOf(request).kind, ...clientOf(request) };
      const { outcome } = await request.command(() =>
        certificates.requestAsWorker(actor, keyOf(request), request.params.id),
      );
      return sendOutcome(reply, outcome);
    },
  );

  app.get<Query>('/centre/certificates', STAFF, async (request, reply) => {
    const overdue = request.query.overdue !== undefined;
    return sendPage(request, reply, {
      title: overdue ? '기한 지난 이직확인서 요청' : '이직확인서 요청',
      breadcrumbs: [DESK, { label: '이직확인서 요청' }],
      main: centreRequestsPage(await certificates.centreRequests(staffOf(request), overdue), overdue),
    });
  });

  app.get<{ Params: { id: string } } & Query>('/centre/certificates/clients/:id', STAFF, async (request, reply) => {
    const d = await certificates.clientSeparations(staffOf(request), request.params.id);
    const kind = ['requested', 'already'].find((k) => request.query[k] !== undefined);
    return sendPage(request, reply, {
      title: `${d.client.name} 님의 이직확인서`,
      breadcrumbs: [DESK, LIST, { label: d.client.name }],
      main: clientSeparationsPage(d, kind ? { kind, recordId: request.query[kind] ?? '' } : null, csrfToken(reply)),
    });
  });

  app.post<{ Params: { id: string; record: string } }>(
    '/centre/certificates/clients/:id/records/:record',
    writes(STAFF, 'insurance.requestCertificateForClient'),
    async (request, reply) => {
      const { outcome } = await request.command(() =>
        certificates.requestAsCounsellor(staffOf(request), keyOf(request), request.params.id, request.params.record),
      );
      return sendOutcome(reply, outcome);
    },
  );
}
