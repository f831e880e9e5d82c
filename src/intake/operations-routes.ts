/**
 * 운영 현황 (/admin/operations, operators): what waits where during and after an outage — each app
 * server's journal, each centre's counter queues and the counters' offline windows, the replay's
 * progress, and who had their 실업인정일 moved. The same numbers are in /metrics.
 */
import type { FastifyInstance } from 'fastify';
import { allow } from '../identity/access.ts';
import { sendPage } from '../web/page.ts';
import type { OperationsService } from './operations-service.ts';
import { operationsPage } from './operations-views.ts';

export function operationsRoutes(app: FastifyInstance, deps: { operations: OperationsService }): void {
  app.get('/admin/operations', allow('operator'), async (request, reply) => {
    const { numbers, local } = await deps.operations.overview();
    return sendPage(request, reply, {
      title: '장애 대응 현황',
      breadcrumbs: [{ label: '운영 관리', href: '/admin' }, { label: '장애 대응 현황' }],
      main: operationsPage(numbers, local),
    });
  });
}
