/**
 * 운영 현황 (/admin/operations, operators): what waits where during and after an outage — each app
 * server's journal, each centre's counter queues and the counters' offline windows, the replay's
 * progress, and who had their 실업인정일 moved. The same numbers are in /metrics.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/index.ts';
import { allow } from '../identity/access.ts';
import { sendPage } from '../web/page.ts';
import { operationsNumbers } from './operations-store.ts';
import { operationsPage } from './operations-views.ts';
import type { Intake } from './service.ts';

export function operationsRoutes(
  app: FastifyInstance,
  deps: {
    database: Database;
    intake: Intake;
    now: () => Date;
    /** This server's saved pages by kind (src/web/page-cache.ts). */
    savedPages: () => { public: number; personal: number };
  },
): void {
  app.get('/admin/operations', allow('operator'), async (request, reply) => {
    const n = await operationsNumbers(deps.database, deps.now());
    return sendPage(request, reply, {
      title: '장애 대응 현황',
      breadcrumbs: [{ label: '운영 관리', href: '/admin' }, { label: '장애 대응 현황' }],
      main: operationsPage(n, {
        pending: deps.intake.pendingCount(),
        saved: deps.savedPages(),
        journal: deps.intake.journal,
      }),
    });
  });
}
