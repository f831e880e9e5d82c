import type { FastifyInstance } from 'fastify';
import { allow } from '../identity/access.ts';
import type { Services } from '../services.ts';
import { sendPage } from '../web/page.ts';
import { homePage } from './views.ts';

export function homeRoutes(app: FastifyInstance, services: Services): void {
  app.get('/', allow('public'), async (request, reply) => {
    const [stats, latest] = await Promise.all([services.jobs.stats(), services.jobs.latest(6)]);
    return sendPage(request, reply, {
      title: '일터 — 공공 고용서비스',
      main: homePage(stats, latest, services.jobs.today()),
    });
  });
}
