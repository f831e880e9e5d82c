/**
 * 구직신청 (what a seeker looks for), 맞춤 채용정보 (postings ranked by fit, with reasons) and
 * 관심 채용정보 (saved postings); 저장한 검색 and 알림.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountOf, allow } from '../identity/access.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import type { Errors, Values } from '../web/forms.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken } from '../web/security.ts';
import { parseSeekerProfile } from './profile.ts';
import { parseSavedSearch, profileValues, savedSearchId, unsavedRedirect } from './seeker-forms.ts';
import type { SeekerService } from './seeker-service.ts';
import {
  noProfilePage,
  notificationsPage,
  profilePage,
  recommendationsPage,
  savedPostingsPage,
  savedSearchesPage,
} from './seeker-views.ts';

const SEEKER = allow('seeker');

export function seekerRoutes(app: FastifyInstance, deps: { seeker: SeekerService }): void {
  profileRoutes(app, deps.seeker);
  savedPostingRoutes(app, deps.seeker);
  savedSearchRoutes(app, deps.seeker);
  notificationRoutes(app, deps.seeker);
}

/** 구직신청 and the 맞춤 채용정보 it gives. */
function profileRoutes(app: FastifyInstance, seeker: SeekerService): void {
  const renderProfile = (request: FastifyRequest, reply: FastifyReply, values: Values, errors: Errors, saved = false) =>
    sendPage(request, reply, {
      title: '구직신청',
      breadcrumbs: [{ label: '내 정보', href: '/my' }, { label: '구직신청' }],
      main: profilePage(values, errors, saved, csrfToken(reply)),
    });

  app.get<{ Querystring: { saved?: string } }>('/my/job-seeking', SEEKER, async (request, reply) =>
    renderProfile(
      request,
      reply,
      profileValues(await seeker.profile(accountOf(request).id)),
      {},
      request.query.saved !== undefined,
    ),
  );

  app.post('/my/job-seeking', writes(SEEKER, 'market.saveJobSeeking'), async (request, reply) => {
    const me = accountOf(request);
    const { values, errors, profile } = parseSeekerProfile(request.body);
    if (Object.keys(errors).length > 0) {
      reply.status(400);
      return renderProfile(request, reply, values, errors);
    }
    if (!profile) throw new Error('unreachable: no errors and no profile');
    const { outcome } = await request.command(async () => {
      await seeker.saveProfile(me.id, profile);
      return { redirect: '/my/job-seeking?saved=1' };
    });
    return sendOutcome(reply, outcome);
  });

  app.get('/my/recommendations', SEEKER, async (request, reply) => {
    const recommendations = await seeker.recommendations(accountOf(request).id);
    return sendPage(request, reply, {
      title: '맞춤 채용정보',
      breadcrumbs: [{ label: '내 정보', href: '/my' }, { label: '맞춤 채용정보' }],
      main: recommendations ? recommendationsPage(recommendations) : noProfilePage(),
    });
  });
}

/** 관심 채용정보: saving a posting, taking it out, the list. */
function savedPostingRoutes(app: FastifyInstance, seeker: SeekerService): void {
  app.post<{ Params: { id: string } }>(
    '/jobs/:id/save',
    writes(SEEKER, 'market.savePosting'),
    async (request, reply) => {
      const posting = await seeker.posting(request.params.id);
      const { outcome } = await request.command(async () => {
        await seeker.savePosting(accountOf(request).id, posting.id);
        return { redirect: `/jobs/${posting.wantedAuthNo}?saved=1` };
      });
      return sendOutcome(reply, outcome);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/jobs/:id/unsave',
    writes(SEEKER, 'market.unsavePosting'),
    async (request, reply) => {
      const posting = await seeker.posting(request.params.id);
      const { outcome } = await request.command(async () => {
        await seeker.unsavePosting(accountOf(request).id, posting.id);
        return { redirect: unsavedRedirect(request.body, posting.wantedAuthNo) };
      });
      return sendOutcome(reply, outcome);
    },
  );

  app.get<{ Querystring: { removed?: string } }>('/my/saved', SEEKER, async (request, reply) =>
    sendPage(request, reply, {
      title: '관심 채용정보',
      breadcrumbs: [{ label: '내 정보', href: '/my' }, { label: '관심 채용정보' }],
      main: savedPostingsPage(
        await seeker.savedPostings(accountOf(request).id),
        Boolean(request.query.removed),
        csrfToken(reply),
      ),
    }),
  );
}

/** 저장한 검색: the alerts of new postings that match a /jobs search. */
function savedSearchRoutes(app: FastifyInstance, seeker: SeekerService): void {
  app.post('/my/saved-searches', writes(SEEKER, 'market.saveSearch'), async (request, reply) => {
    const me = accountOf(request);
    const search = parseSavedSearch(request.body);
    const { outcome } = await request.command(async () => {
      await seeker.saveSearch(me.id, search);
      return { redirect: '/my/saved-searches?saved=1' };
    });
    return sendOutcome(reply, outcome);
  });

  app.get<{ Querystring: { saved?: string; deleted?: string } }>('/my/saved-searches', SEEKER, async (request, reply) =>
    sendPage(request, reply, {
      title: '저장한 검색',
      breadcrumbs: [{ label: '내 정보', href: '/my' }, { label: '저장한 검색' }],
      main: savedSearchesPage(
        await seeker.savedSearches(accountOf(request).id),
        { saved: Boolean(request.query.saved), deleted: Boolean(request.query.deleted) },
        csrfToken(reply),
      ),
    }),
  );

  app.post<{ Params: { id: string } }>(
    '/my/saved-searches/:id/delete',
    writes(SEEKER, 'market.deleteSearch'),
    async (request, reply) => {
      const { outcome } = await request.command(async () => {
        await seeker.deleteSearch(accountOf(request).id, savedSearchId(request.params.id));
        return { redirect: '/my/saved-searches?deleted=1' };
      });
      return sendOutcome(reply, outcome);
    },
  );
}

/** 알림: the list, and 모두 읽음으로. */
function notificationRoutes(app: FastifyInstance, seeker: SeekerService): void {
  app.get<{ Querystring: { read?: string } }>('/my/notifications', SEEKER, async (request, reply) =>
    sendPage(request, reply, {
      title: '알림',
      breadcrumbs: [{ label: '내 정보', href: '/my' }, { label: '알림' }],
      main: notificationsPage(
        await seeker.notifications(accountOf(request).id),
        Boolean(request.query.read),
        csrfToken(reply),
      ),
    }),
  );

  app.post('/my/notifications/read', writes(SEEKER, 'market.readNotifications'), async (request, reply) => {
    const { outcome } = await request.command(async () => {
      await seeker.markNotificationsRead(accountOf(request).id);
      return { redirect: '/my/notifications?read=1' };
    });
    return sendOutcome(reply, outcome);
  });
}
