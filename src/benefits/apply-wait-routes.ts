/**
 * A claim waiting for its 이직확인서: the claimant asks the last employer for it (POST
 * /benefits/apply/wait, once per separation), and the counsellors of the claimant's centre see who is
 * waiting on which employer (/centre/claims/waiting; an operator: every centre).
 */
import type { FastifyInstance } from 'fastify';
import { accountOf, allow } from '../identity/access.ts';
import { clientOf } from '../identity/audit.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import { sendPage } from '../web/page.ts';
import { waitingListPage } from './apply-views.ts';
import { type BenefitsRouteDeps, SEEKER } from './route-support.ts';

const STAFF = allow('counsellor', 'operator');

export function applyRecordsWaitRoutes(app: FastifyInstance, deps: BenefitsRouteDeps): void {
  const { benefits } = deps;
  const actorOf = (request: Parameters<typeof accountOf>[0]) => {
    const account = accountOf(request);
    return { id: account.id, kind: account.kind, centreCode: account.centreCode ?? null, ...clientOf(request) };
  };

  app.post('/benefits/apply/wait', writes(SEEKER, 'benefits.requestCertificate'), async (request, reply) => {
    const { outcome } = await request.command(() => benefits.requestCertificate(actorOf(request)));
    return sendOutcome(reply, outcome);
  });

  app.get('/centre/claims/waiting', STAFF, async (request, reply) => {
    const rows = await benefits.waitingForCertificates(actorOf(request));
    return sendPage(request, reply, {
      title: '이직확인서를 기다리는 신청',
      breadcrumbs: [
        { label: '고용센터 업무', href: '/centre' },
        { label: '구직급여 심사', href: '/centre/claims' },
        { label: '이직확인서 대기' },
      ],
      main: waitingListPage(rows, benefits.today()),
    });
  });
}
