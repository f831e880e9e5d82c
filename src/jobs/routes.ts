import type { FastifyInstance } from 'fastify';
import { allow } from '../identity/access.ts';
import type { Services } from '../services.ts';
import { UserError } from '../web/errors.ts';
import { html } from '../web/html.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken, safeLocalPath } from '../web/security.ts';
import { WANTED_AUTH_NO } from './api-routes.ts';
import { parseSearchParams } from './search-query.ts';
import { postingDetailMain } from './views/detail-page.ts';
import { saveSearchForm, searchPageMain, searchResultsView } from './views/search-page.ts';

const BREAD_JOBS = { label: '채용정보', href: '/jobs' };

/** Only same-site search links may be used as the detail page's "back" target. */
export function safeBackQuery(value: unknown): string {
  return typeof value === 'string' &&
    value.startsWith('?') &&
    value.length < 4000 &&
    !/[\r\n]/.test(value) &&
    safeLocalPath(`/jobs${value}`, '') !== ''
    ? value
    : '';
}

export function jobsRoutes(app: FastifyInstance, services: Services): void {
  app.get('/jobs', allow('public'), async (request, reply) => {
    const parsed = parseSearchParams(request.query as Record<string, unknown>);
    const today = services.jobs.today();
    if (!parsed.ok) {
      reply.status(400);
      return sendPage(request, reply, {
        title: '채용정보 검색 — 검색 조건 오류',
        breadcrumbs: [BREAD_JOBS],
        main: searchPageMain(parsed.raw, parsed.errors, undefined),
      });
    }
    const { result, facets, didYouMean } = await services.jobs.searchPage(parsed.params);
    const raw = { ...parsed.raw };
    const q = parsed.params.q.trim();
    return sendPage(request, reply, {
      title: q ? `‘${q.slice(0, 40)}’ 채용정보 검색 결과 (${result.page}쪽)` : `채용정보 검색 (${result.page}쪽)`,
      breadcrumbs: [BREAD_JOBS],
      main: html`${searchPageMain(raw, {}, searchResultsView(raw, parsed.params, result, today, didYouMean), facets)}${
        request.identity?.account.kind === 'seeker'
          ? saveSearchForm(csrfToken(reply), request.url.split('?')[1] ?? '')
          : null
      }`,
    });
  });

  app.get<{ Params: { id: string }; Querystring: { back?: string; saved?: string; unsaved?: string } }>(
    '/jobs/:id',
    allow('public'),
    async (request, reply) => {
      const { id } = request.params;
      if (!WANTED_AUTH_NO.test(id))
        throw new UserError(404, 'NOT_FOUND', '요청하신 채용공고를 찾을 수 없습니다. 구인인증번호를 확인해 주세요.');
      const posting = await services.jobs.find(id);
      if (!posting)
        throw new UserError(
          404,
          'NOT_FOUND',
          '요청하신 채용공고를 찾을 수 없습니다. 삭제되었거나 주소가 잘못되었을 수 있습니다.',
        );
      const back = safeBackQuery(request.query.back);
      return sendPage(request, reply, {
        title: `${posting.title} — ${posting.companyName}`,
        breadcrumbs: [{ label: '채용정보', href: `/jobs${back}` }, { label: posting.title }],
        main: postingDetailMain(
          posting,
          services.jobs.today(),
          `/jobs${back}`,
          request.identity?.account.kind === 'seeker'
            ? {
                saved: await services.seeker.isSaved(request.identity.account.id, posting.id),
                csrf: csrfToken(reply),
                ...(request.query.saved
                  ? { notice: 'saved' as const }
                  : request.query.unsaved
                    ? { notice: 'unsaved' as const }
                    : {}),
              }
            : undefined,
          request.identity && request.identity.account.kind !== 'seeker' ? 'not-a-seeker' : 'anyone',
        ),
      });
    },
  );
}
