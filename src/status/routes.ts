/**
 * Public status routes: the page, each incident, feeds (RSS, Atom, JSON Feed), the monthly availability
 * report (CSV/JSON), `status.json`, and Prometheus `/metrics`. Everything but the report is rendered
 * from the runner's snapshot, so it answers without the database.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Feed } from 'feed';
import type { Database } from '../db/index.ts';
import { allow } from '../identity/access.ts';
import { addMonths, seoulToday } from '../shared/dates.ts';
import { UserError } from '../web/errors.ts';
import { escapeHtml, type Html } from '../web/html.ts';
import { langOf, sendPage } from '../web/page.ts';
import { mayReadDetails } from '../web/security.ts';
import type { Catalogue } from './catalogue.ts';
import type { StatusMetrics } from './metrics.ts';
import { incidentTitle, serviceStates } from './model.ts';
import type { StatusRunner } from './runner.ts';
import type { IncidentView, Snapshot } from './snapshot.ts';
import { UPDATE_LABELS } from './store.ts';
import { addTotals, percentOf, type Totals, ZERO_TOTALS } from './uptime.ts';
import { incidentPage, statusPage } from './views.ts';

export interface StatusRouteDeps {
  database: Database;
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

const EMPTY = (catalogue: Catalogue, now: Date): Snapshot => ({
  generatedAt: now.toISOString(),
  services: catalogue.services.map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    state: 'operational',
    since: null,
    uptime90: null,
    totals90: ZERO_TOTALS,
    days: [],
  })),
  components: [],
  incidents: [],
  maintenance: [],
});

/**
 * The snapshot to show. The parts this process checks itself — the database and the sign-in
 * providers — are the newer of two views (issue 21): what the leader recorded (the snapshot, read every
 * ILTEO_STATUS_REFRESH_SECONDS) and what this process's own checks confirmed (the database every
 * ILTEO_STATUS_DB_CHECK_SECONDS, each provider result as it comes). A change this process confirmed
 * after the recorded one is shown at once — a primary lost is on the page before the leader could write
 * it, and when the snapshot cannot be refreshed at all (no database) this process's view of the database
 * is all there is. So no process serves a state older than the newest it has seen, and two processes
 * differ only between their own checks. A failing component with no open incident recorded gets a
 * provisional one (id 0 for the database, below 0 for the others).
 */
export function currentSnapshot(deps: Pick<StatusRouteDeps, 'runner' | 'catalogue' | 'now'>): {
  snapshot: Snapshot;
  fresh: boolean;
} {
  const now = deps.now();
  const view = deps.runner.view();
  const base = view.snapshot ?? EMPTY(deps.catalogue, now);
  const overlay = view.local.filter((l) => {
    const recorded = base.components.find((c) => c.id === l.id);
    // Announced maintenance is the leader's to know (only it reads the schedule): it is not overridden.
    if (recorded?.state === 'maintenance') return false;
    // Without a current snapshot this process's view of the database is the only one there is.
    if (!view.fresh && l.id === 'database') return true;
    const recordedSince = recorded?.since ? Date.parse(recorded.since) : 0;
    return (
      l.confirmed &&
      (!recorded || (recorded.state !== l.tracked.state && (!view.fresh || l.tracked.since > recordedSince)))
    );
  });
  if (overlay.length === 0) return { snapshot: base, fresh: view.fresh };
  const mine = new Map(overlay.map((l) => [l.id, l.tracked]));
  const components = base.components.map((c) => {
    const t = mine.get(c.id);
    return t ? { ...c, state: t.state, since: new Date(t.since).toISOString(), cause: t.detail } : c;
  });
  // A process that has never read a snapshot (started during an outage) still shows what it checks.
  for (const def of deps.catalogue.components) {
    const t = mine.get(def.id);
    if (t && !components.some((c) => c.id === def.id))
      components.push({
        id: def.id,
        name: def.name,
        public: def.public,
        state: t.state,
        since: new Date(t.since).toISOString(),
        cause: t.detail,
        monitors: { total: 0, down: 0 },
      });
  }
  const inMaintenance = new Set(base.services.filter((s) => s.state === 'maintenance').map((s) => s.id));
  const states = new Map(serviceStates(deps.catalogue.services, components, inMaintenance).map((s) => [s.id, s.state]));
  const depsOf = new Map(deps.catalogue.services.map((s) => [s.id, s.deps.map((d) => d.component)]));
  const snapshot: Snapshot = {
    ...base,
    components,
    services: base.services.map((s) => {
      const state = states.get(s.id) ?? s.state;
      if (state === s.state) return s;
      // From the latest change among the components this process laid over it.
      const changed = (depsOf.get(s.id) ?? [])
        .map((c) => mine.get(c))
        .filter((t) => t !== undefined)
        .reduce((a, b) => (b.since > a.since ? b : a), { since: 0, badSince: 0 } as {
          since: number;
          badSince: number;
        });
      return { ...s, state, since: new Date(state === 'operational' ? changed.since : changed.badSince).toISOString() };
    }),
  };
  const provisional = overlay
    .filter((l) => l.tracked.state !== 'operational')
    .filter((l) => !base.incidents.some((i) => !i.resolvedAt && i.component === l.id))
    .map((l): IncidentView => {
      const id = l.id === 'database' ? 0 : -1 - deps.catalogue.components.findIndex((c) => c.id === l.id);
      const name = deps.catalogue.names.get(l.id) ?? { ko: l.id, en: l.id };
      const startedAt = new Date(l.tracked.badSince).toISOString();
      const detail = l.tracked.detail;
      return {
        id,
        title: incidentTitle(name, l.tracked.state),
        component: l.id,
        componentName: name,
        services: deps.catalogue.services
          .filter((s) => l.id === 'database' || s.deps.some((d) => d.component === l.id))
          .map((s) => s.id),
        impact: l.tracked.state,
        cause: detail,
        automatic: true,
        startedAt,
        resolvedAt: null,
        status: 'investigating',
        updates: [
          {
            id: 0,
            status: 'investigating',
            body: view.fresh
              ? `자동 감지: ${detail}. 장애 기록에 오르기 전에 이 서버가 직접 확인한 내용을 먼저 알립니다.`
              : `자동 감지: ${detail}. 데이터베이스에 기록할 수 없어 이 서버가 직접 확인한 내용을 먼저 알립니다. 복구되면 장애 기록에 남습니다.`,
            createdAt: startedAt,
          },
        ],
        postmortem: null,
      };
    });
  if (provisional.length) snapshot.incidents = [...provisional, ...base.incidents];
  return { snapshot, fresh: view.fresh };
}

/** The last `n` months (YYYY-MM, newest first), for the report links. */
function recentMonths(now: Date, n: number): string[] {
  const first = `${seoulToday(now).slice(0, 7)}-01`;
  return Array.from({ length: n }, (_, i) => addMonths(first, -i).slice(0, 7));
}

export interface MonthlyRow {
  service: string;
  name: string;
  month: string;
  availabilityPercent: number | null;
  downMinutes: number;
  partialMinutes: number;
  maintenanceMinutes: number;
  noDataMinutes: number;
  incidents: number;
}

/** Availability per service for one month (Seoul calendar), from the daily roll-ups. */
export async function monthlyReport(database: Database, catalogue: Catalogue, month: string): Promise<MonthlyRow[]> {
  const from = new Date(`${month}-01T00:00:00+09:00`);
  const to = new Date(`${addMonths(`${month}-01`, 1)}T00:00:00+09:00`);
  const [rollups, incidents] = await Promise.all([
    database.read<{ subject: string } & Totals>(
      sql`SELECT subject, sum(up_ms)::float8 AS "upMs", sum(partial_ms)::float8 AS "partialMs", sum(down_ms)::float8 AS "downMs",
                 sum(maintenance_ms)::float8 AS "maintenanceMs", sum(no_data_ms)::float8 AS "noDataMs"
            FROM status_rollups WHERE grain = 'day' AND bucket >= ${from.toISOString()} AND bucket < ${to.toISOString()}
             AND subject IN (${sql.join(
               catalogue.services.map((s) => sql`${`service:${s.id}`}`),
               sql`, `,
             )}) GROUP BY subject`,
    ),
    database.read<{ service: string; n: number }>(
      sql`SELECT unnest(services) AS service, count(*)::int AS n FROM incidents
           WHERE started_at < ${to.toISOString()} AND (resolved_at IS NULL OR resolved_at >= ${from.toISOString()})
           GROUP BY 1`,
    ),
  ]);
  const minutes = (ms: number) => Math.round(ms / 60_000);
  return catalogue.services.map((s) => {
    const r = rollups.find((x) => x.subject === `service:${s.id}`);
    const t = r ? addTotals(ZERO_TOTALS, r) : ZERO_TOTALS;
    return {
      service: s.id,
      name: s.name.ko,
      month,
      availabilityPercent: percentOf(t),
      downMinutes: minutes(t.downMs),
      partialMinutes: minutes(t.partialMs),
      maintenanceMinutes: minutes(t.maintenanceMs),
      noDataMinutes: minutes(t.noDataMs),
      incidents: incidents.find((i) => i.service === s.id)?.n ?? 0,
    };
  });
}

function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function monthlyCsv(rows: readonly MonthlyRow[]): string {
  const header = [
    '서비스 ID',
    '서비스',
    '월',
    '가용률(%)',
    '전체 장애(분)',
    '부분 장애(분)',
    '점검(분)',
    '자료 없음(분)',
    '장애 건수',
  ];
  const lines = rows.map((r) =>
    [
      r.service,
      r.name,
      r.month,
      r.availabilityPercent,
      r.downMinutes,
      r.partialMinutes,
      r.maintenanceMinutes,
      r.noDataMinutes,
      r.incidents,
    ]
      .map(csvCell)
      .join(','),
  );
  // BOM: spreadsheet programs in Korea open UTF-8 CSV correctly only with it.
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

function origin(request: FastifyRequest, publicUrl: string | null): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * An operator's words (an incident's title, an update) as HTML that shows exactly those words: the
 * `feed` package puts titles and bodies into `type="html"` (Atom) and CDATA that readers take as HTML
 * (RSS, JSON Feed's content_html), so `<script>` or `&` must arrive escaped — as text, never markup.
 * Characters XML does not allow are dropped; line breaks stay line breaks.
 */
export function feedText(text: string): string {
  return escapeHtml(text.replace(XML_FORBIDDEN, '')).replace(/\r?\n/g, '<br>');
}

/**
 * The feed of incident updates. `format` 'xml' (Atom, RSS: titles are HTML there) or 'json' (JSON
 * Feed: `title` and `summary` are plain text, `content_html` is HTML).
 */
export function buildFeed(snapshot: Snapshot, base: string, format: 'xml' | 'json' = 'xml'): Feed {
  const feed = new Feed({
    id: `${base}/status`,
    title: '일터 서비스 상태',
    description: '일터(채용정보·실업급여·로그인·고용센터 업무)의 장애와 점검 소식',
    link: `${base}/status`,
    language: 'ko',
    updated: new Date(snapshot.incidents[0]?.updates.at(-1)?.createdAt ?? snapshot.generatedAt),
    feedLinks: { rss: `${base}/status/feed.rss`, atom: `${base}/status/feed.atom`, json: `${base}/status/feed.json` },
    copyright: '일터',
    generator: 'Ilteo',
  });
  const items = snapshot.incidents
    .filter((i) => i.id > 0)
    .flatMap((i) => i.updates.map((u) => ({ i, u })))
    .sort((a, b) => b.u.createdAt.localeCompare(a.u.createdAt) || b.u.id - a.u.id)
    .slice(0, 200);
  const text = format === 'xml' ? feedText : (t: string) => t;
  for (const { i, u } of items) {
    feed.addItem({
      // Stable per update: the same update keeps its ID across snapshots and processes.
      id: `${base}/status/incidents/${i.id}#update-${u.id}`,
      guid: `ilteo-incident-${i.id}-update-${u.id}`,
      title: text(`[${UPDATE_LABELS[u.status].ko}] ${i.title}`),
      link: `${base}/status/incidents/${i.id}`,
      date: new Date(u.createdAt),
      description: text(u.body),
      content: feedText(u.body),
    });
  }
  return feed;
}

export function statusRoutes(app: FastifyInstance, deps: StatusRouteDeps): void {
  const PUBLIC = allow('public');

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

  app.get<{ Params: { file: string } }>('/status/reports/:file', PUBLIC, async (request, reply) => {
    const m = /^(\d{4})-(0[1-9]|1[0-2])\.(csv|json)$/.exec(request.params.file);
    if (!m)
      throw new UserError(400, 'BAD_MONTH', '보고서 주소는 /status/reports/2026-11.csv 처럼 연월과 형식이어야 합니다.');
    const month = `${m[1]}-${m[2]}`;
    const rows = await monthlyReport(deps.database, deps.catalogue, month);
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
