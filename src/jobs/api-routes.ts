import type { FastifyInstance } from 'fastify';
import { allow } from '../identity/access.ts';
import type { Services } from '../services.ts';
import { keyOf, sendOutcome, writes } from '../web/commands.ts';
import { UserError } from '../web/errors.ts';
import { sendPage } from '../web/page.ts';
import { toCsv, toWorknetDetail, toWorknetSummary } from './open-data.ts';
import { openApiDocument } from './openapi.ts';
import { validateReport } from './reports.ts';
import { parseSearchParams } from './search-query.ts';
import { SUGGESTION_LABELS } from './suggest.ts';
import { apiDocsMain } from './views/api-docs.ts';

export const WANTED_AUTH_NO = /^[A-Za-z0-9-]{1,40}$/;

/** The search parameters, or 400 with the first problem in words and all of them by field. */
function searchParamsOf(query: Record<string, unknown>) {
  const parsed = parseSearchParams(query);
  if (!parsed.ok) {
    const first = Object.values(parsed.errors)[0] ?? '검색 조건이 올바르지 않습니다.';
    throw new UserError(400, 'INVALID_PARAMETER', first, parsed.errors);
  }
  return parsed.params;
}

/** JSON API: the same search as the pages, in WorkNet Open API field names. */
export function jobsApiRoutes(app: FastifyInstance, services: Services): void {
  searchApi(app, services);
  reportApi(app, services);
  app.get('/api/docs', allow('public'), async (request, reply) =>
    sendPage(request, reply, { title: '채용정보 오픈API', breadcrumbs: [{ label: '오픈API' }], main: apiDocsMain() }),
  );
  app.get('/api/openapi.json', allow('public'), async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return openApiDocument();
  });
}

function searchApi(app: FastifyInstance, services: Services): void {
  app.get('/api/v1/postings', allow('public'), async (request, reply) => {
    const params = searchParamsOf(request.query as Record<string, unknown>);
    const result = await services.jobs.search(params);
    reply.header('cache-control', 'public, max-age=30');
    return {
      total: result.total,
      totalCapped: result.totalCapped,
      page: result.page,
      pageSize: result.pageSize,
      totalPages: result.totalPages,
      notices: params.notices,
      items: result.items.map((p) => toWorknetSummary(p)),
    };
  });

  /** The search as CSV (WorkNet field names), up to 1,000 postings: the same parameters as /api/v1/postings. */
  app.get(
    '/api/v1/postings.csv',
    { config: { access: 'public', rateLimit: { max: 30, timeWindow: 60_000 } } },
    async (request, reply) => {
      const params = searchParamsOf({ ...(request.query as Record<string, unknown>), size: '50' });
      const rows = [];
      for (let page = 1; page <= 20; page++) {
        const result = await services.jobs.search({ ...params, page });
        rows.push(...result.items.map((p) => toWorknetSummary(p)));
        if (page >= result.totalPages) break;
      }
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="ilteo-postings-${services.jobs.today()}.csv"`);
      reply.header('cache-control', 'public, max-age=60');
      return toCsv(rows);
    },
  );

  app.get<{ Querystring: { q?: unknown } }>('/api/v1/postings/suggest', allow('public'), async (request, reply) => {
    const q = typeof request.query.q === 'string' ? request.query.q : '';
    const items = await services.jobs.suggest(q);
    reply.header('cache-control', 'public, max-age=60');
    return { q, items: items.map((s) => ({ kind: s.kind, label: SUGGESTION_LABELS[s.kind], text: s.text })) };
  });

  app.get<{ Params: { id: string } }>('/api/v1/postings/:id', allow('public'), async (request) => {
    const { id } = request.params;
    if (!WANTED_AUTH_NO.test(id))
      throw new UserError(400, 'INVALID_PARAMETER', '구인인증번호 형식이 올바르지 않습니다.');
    const posting = await services.jobs.find(id);
    if (!posting) throw new UserError(404, 'NOT_FOUND', `구인인증번호 ${id} 인 채용공고가 없습니다.`);
    return toWorknetDetail(posting);
  });
}

function reportApi(app: FastifyInstance, services: Services): void {
  // The Idempotency-Key header is required by the command mechanism (400 IDEMPOTENCY_KEY_REQUIRED without
  // it); the same key is the report's own key, and a repeat is answered with the stored first answer.
  app.post<{ Params: { id: string }; Body: { reason?: unknown; detail?: unknown } | undefined }>(
    '/api/v1/postings/:id/reports',
    writes(allow('public'), 'jobs.reportPosting'),
    async (request, reply) => {
      const { id } = request.params;
      if (!WANTED_AUTH_NO.test(id))
        throw new UserError(400, 'INVALID_PARAMETER', '구인인증번호 형식이 올바르지 않습니다.');
      const checked = validateReport(request.body ?? {});
      if (!checked.ok)
        throw new UserError(422, 'INVALID_REPORT', Object.values(checked.errors)[0] as string, checked.errors);
      const { outcome } = await request.command(async () => {
        const filed = await services.jobs.report(keyOf(request), id, checked.value);
        if (!filed) throw new UserError(404, 'NOT_FOUND', `구인인증번호 ${id} 인 채용공고가 없습니다.`);
        return {
          // 200: this key had filed the report without an outcome stored for this actor (e.g. before commands).
          status: filed.created ? 201 : 200,
          body: {
            id: filed.id,
            receiptNo: filed.receiptNo,
            wantedAuthNo: filed.wantedAuthNo,
            reason: filed.reason,
            createdAt: filed.createdAt,
          },
        };
      });
      return sendOutcome(reply, outcome);
    },
  );
}
