/**
 * Public status routes: the page, each incident, feeds (RSS, Atom, JSON Feed), the monthly availability
 * report (CSV/JSON), `status.json`, and Prometheus `/metrics`. Everything but the report is rendered
 * from the runner's snapshot, so it answers without the database.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { allow } from '../identity/access.ts';
import { addMonths, seoulToday } from '../shared/dates.ts';
import { UserError } from '../web/errors.ts';
import type { Html } from '../web/html.ts';
import { langOf, sendPage } from '../web/page.ts';
import { mayReadDetails } from '../web/security.ts';
import type { StatusAdminService } from './admin-service.ts';
import type { Catalogue } from './catalogue.ts';
import { currentSnapshot } from './current.ts';
import { buildFeed } from './feed.ts';
import type { StatusMetrics } from './metrics.ts';
import { monthlyCsv } from './report-views.ts';
import type { StatusRunner } from './runner.ts';
import type { Snapshot } from './snapshot.ts';
import type { MonthlyRow } from './uptime.ts';
import { incidentPage, statusPage } from './views.ts';

export interface StatusRouteDeps {
  /** The operators' desk (src/status/admin-service.ts). */
  desk: StatusAdminService;
  /** The monthly availability report from the roll-ups (src/status/report-store.ts). */
  monthlyReport(month: string): Promise<MonthlyRow[]>;
  runner: StatusRunner;
  catalogue: Catalogue;
  metrics: StatusMetrics;
  now: () => Date;
  publicUrl: string | null;
  /** Running with --demo: the history shown is seeded demonstration data, and every page says so. */
  demo?: boolean;
  /** Bearer token for /metrics in full (config ILTEO_METRICS_TOKEN); operators signed in need none. */
  metricsToken?: string | null;
}

/** The last `n` months (YYYY-MM, newest first), for the report links. */
function recentMonths(now: Date, n: number): string[] {
  const first = `${seoulToday(now).slice(0, 7)}-01`;
  return Array.from({ length: n }, (_, i) => addMonths(first, -i).slice(0, 7));
}

function origin(request: FastifyRequest, publicUrl: string | null): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}

const PUBLIC = allow('public');

/** The public status: the page, `status.json`, each incident, the feeds, the monthly report, `/metrics`. */
export function statusRoutes(app: FastifyInstance, deps: StatusRouteDeps): void {
  pageRoutes(app, deps);
  feedRoutes(app, deps);
  reportRoutes(app, deps);
}

/** `/status`, `/status.json` and `/status/incidents/:id`, from the current snapshot. */
function pageRoutes(app: FastifyInstance, deps: StatusRouteDeps): void {
  // The page body is rendered once per snapshot, language and 10 seconds (ongoing durations move),
  // and wrapped in the layout per request (header, banner, nonce): the page stays fast under load.
  const rendered = new Map<string, Html>();
  app.get('/status', PUBLIC, async (request, reply) => {
    const { snapshot, fresh } = currentSnapshot(deps);
    const lang = langOf(request);
    const now = deps.now();
    const key = `${snapshot.generatedAt}|${lang}|${fresh}|${Math.floor(now.getTime() / 10_000)}`;
    let main = rendered.get(key);
    if (!main) {
      main = statusPage(snapshot, { lang, now, fresh, months: recentMonths(now, 3), demo: deps.demo === true });
      if (rendered.size > 8) rendered.clear();
      rendered.set(key, main);
    }
    reply.header('cache-control', 'no-cache');
    return sendPage(request, reply, {
      title: lang === 'en' ? 'Service status' : '서비스 상태',
      breadcrumbs: [{ label: lang === 'en' ? 'Service status' : '서비스 상태' }],
      main,
    });
  });

  app.get('/status.json', PUBLIC, async (_request, reply) => {
    const { snapshot, fresh } = currentSnapshot(deps);
    reply.header('cache-control', 'no-cache');
    return { fresh, ...(deps.demo ? { demonstration: true } : {}), ...snapshot };
  });

  app.get<{ Params: { id: string } }>('/status/incidents/:id', PUBLIC, async (request, reply) => {
    const { snapshot } = currentSnapshot(deps);
    const id = Number(request.params.id);
    const incident = Number.isSafeInteger(id) ? snapshot.incidents.find((i) => i.id === id) : undefined;
    if (!incident) throw new UserError(404, 'NOT_FOUND', '장애 기록을 찾을 수 없습니다.');
    const lang = langOf(request);
    return sendPage(request, reply, {
      title: incident.title,
      breadcrumbs: [
        { label: lang === 'en' ? 'Service status' : '서비스 상태', href: '/status' },
        { label: incident.title },
      ],
      main: incidentPage(incident, snapshot, { lang, now: deps.now(), demo: deps.demo === true }),
    });
  });
}

/** RSS, Atom and JSON Feed of the incident updates, rendered once per snapshot and address. */
function feedRoutes(app: FastifyInstance, deps: StatusRouteDeps): void {
  const feeds = [
    ['rss', 'application/rss+xml; charset=utf-8', (s: Snapshot, base: string) => buildFeed(s, base, 'xml').rss2()],
    ['atom', 'application/atom+xml; charset=utf-8', (s: Snapshot, base: string) => buildFeed(s, base, 'xml').atom1()],
    ['json', 'application/feed+json; charset=utf-8', (s: Snapshot, base: string) => buildFeed(s, base, 'json').json1()],
  ] as const;
  const feedCache = new Map<string, string>();
  for (const [ext, type, render] of feeds) {
    app.get(`/status/feed.${ext}`, PUBLIC, async (request, reply) => {
      const { snapshot } = currentSnapshot(deps);
      const base = origin(request, deps.publicUrl);
      const key = `${ext}|${base}|${snapshot.generatedAt}`;
      let body = feedCache.get(key);
      if (body === undefined) {
        body = render(snapshot, base);
        if (feedCache.size > 12) feedCache.clear();
        feedCache.set(key, body);
      }
      reply.header('cache-control', 'public, max-age=30');
      return reply.type(type).send(body);
    });
  }
}

/** The monthly availability report (CSV, JSON), `/metrics`, and the request metrics of every route. */
function reportRoutes(app: FastifyInstance, deps: StatusRouteDeps): void {
  app.get<{ Params: { file: string } }>('/status/reports/:file', PUBLIC, async (request, reply) => {
    const m = /^(\d{4})-(0[1-9]|1[0-2])\.(csv|json)$/.exec(request.params.file);
    if (!m)
      throw new UserError(400, 'BAD_MONTH', '보고서 주소는 /status/reports/2026-11.csv 처럼 연월과 형식이어야 합니다.');
    const month = `${m[1]}-${m[2]}`;
    const rows = await deps.monthlyReport(month);
    reply.header('content-disposition', `attachment; filename="ilteo-availability-${month}.${m[3]}"`);
    if (m[3] === 'csv') return reply.type('text/csv; charset=utf-8').send(monthlyCsv(rows));
    return {
      month,
      ...(deps.demo ? { demonstration: true } : {}),
      formula: '(정상 + 성능 저하 + 이중화 상실 + ½ 부분 장애) ÷ (전체 − 점검 중 − 자료 없음)',
      services: rows,
    };
  });

  // The metrics to an operator signed in or a program with the metrics token; to anyone else only that
  // this process is up (what is inside — database nodes, queues, routes — is for operators).
  app.get('/metrics', PUBLIC, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    reply.type(deps.metrics.registry.contentType);
    if (!mayReadDetails(request, deps.metricsToken ?? null))
      return reply.send(
        '# HELP ilteo_up 1 while this app process answers (the details need an operator or the metrics token).\n# TYPE ilteo_up gauge\nilteo_up 1\n',
      );
    return reply.send(await deps.metrics.registry.metrics());
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    deps.metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    deps.metrics.httpSeconds.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
}
