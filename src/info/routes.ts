/**
 * 안내 pages, public and read-only: `/centers` (고용센터 찾기: every centre, filtered by 시도 and a search
 * text, from the `job_centres` table and src/reference/centres.ts), `/terms` (이용약관) and `/privacy`
 * (개인정보처리방침).
 */
import type { FastifyInstance } from 'fastify';
import { allow } from '../identity/access.ts';
import { sendPage } from '../web/page.ts';
import { filterCentres, parseCentreQuery, servingHints } from './centres.ts';
import { PRIVACY } from './privacy.ts';
import type { InfoService } from './service.ts';
import { TERMS } from './terms.ts';
import { centresPage, INFO_HEAD, legalPage } from './views.ts';

export function infoRoutes(app: FastifyInstance, deps: { info: InfoService }): void {
  app.get('/centers', allow('public'), async (request, reply) => {
    const query = parseCentreQuery(request.query as Record<string, unknown>);
    const all = await deps.info.centres();
    return sendPage(request, reply, {
      title: '고용센터 찾기',
      breadcrumbs: [{ label: '고용센터 찾기' }],
      head: INFO_HEAD,
      main: centresPage({
        query,
        all,
        found: filterCentres(all, query),
        hints: servingHints(all, query),
        myCentre: request.identity?.account?.centreCode ?? null,
      }),
    });
  });

  app.get('/terms', allow('public'), async (request, reply) =>
    sendPage(request, reply, {
      title: TERMS.title,
      breadcrumbs: [{ label: TERMS.title }],
      head: INFO_HEAD,
      main: legalPage(TERMS),
    }),
  );

  app.get('/privacy', allow('public'), async (request, reply) =>
    sendPage(request, reply, {
      title: PRIVACY.title,
      breadcrumbs: [{ label: PRIVACY.title }],
      head: INFO_HEAD,
      main: legalPage(PRIVACY),
    }),
  );
}
