/**
 * 운영자 status desk (/admin/status): incidents (updates 조사 중 / 원인 파악 / 모니터링 / 해결, incidents
 * declared by hand for outages the monitors could not see), announced maintenance windows (Asia/Seoul),
 * postmortems with impact from the app's own data, and corrective actions with overdue ones flagged.
 * Every write is a command (src/web/commands.ts): the change and its audit row in one transaction, answered
 * once per idempotency key; the rows keep their own dedupe keys as well.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountOf, allow } from '../identity/access.ts';
import { clientOf } from '../identity/audit.ts';
import { seoulToday } from '../shared/dates.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import { UserError } from '../web/errors.ts';
import type { Errors } from '../web/forms.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken } from '../web/security.ts';
import {
  parseAction,
  parseActionUpdate,
  parseDeclare,
  parseMaintenance,
  parsePostmortem,
  parseUpdate,
} from './admin-forms.ts';
import type { Actor, IncidentRow } from './admin-service.ts';
import { type DeskContext, incidentDeskPage, overviewPage } from './admin-views.ts';
import type { StatusRouteDeps } from './routes.ts';

const OPERATOR = allow('operator');

/** What both page groups of the desk share: the service, who acts, the page context and the answers. */
function deskPages(deps: StatusRouteDeps) {
  const { runner, catalogue } = deps;
  const { desk } = deps;
  const crumbs = (label: string, parent?: { label: string; href: string }) => [
    { label: '운영 관리', href: '/admin' },
    ...(parent ? [parent] : []),
    { label },
  ];
  const actor = (request: FastifyRequest): Actor => {
    const me = accountOf(request);
    return { id: me.id, kind: me.kind, ...clientOf(request) };
  };
  const context = (reply: FastifyReply): DeskContext => {
    const now = deps.now();
    return {
      catalogue,
      now,
      today: seoulToday(now),
      token: csrfToken(reply),
      demo: deps.demo === true,
      leader: runner.isLeader,
    };
  };
  /**
   * Answers a command's outcome after the status snapshot is refreshed (a read, harmless on a repeat),
   * so the public page shows the change.
   */
  const done = async (reply: FastifyReply, outcome: { redirect: string }) => {
    await runner.refreshSnapshot();
    return sendOutcome(reply, outcome);
  };
  const overview = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: Parameters<typeof overviewPage>[1] = { incident: {}, maintenance: {} },
    errors: { incident: Errors; maintenance: Errors } = { incident: {}, maintenance: {} },
  ) =>
    sendPage(request, reply, {
      title: '서비스 상태 관리',
      breadcrumbs: crumbs('서비스 상태 관리'),
      main: overviewPage(await desk.overview(), form, errors, context(reply)),
    });
  const incidentDesk = async (
    request: FastifyRequest,
    reply: FastifyReply,
    incident: IncidentRow,
    errors: Errors = {},
    typed: Record<string, string> = {},
  ) =>
    sendPage(request, reply, {
      title: incident.title,
      breadcrumbs: crumbs(incident.title, { label: '서비스 상태 관리', href: '/admin/status' }),
      main: incidentDeskPage(incident, await desk.desk(incident), errors, typed, context(reply)),
    });

  return { desk, actor, done, overview, incidentDesk };
}

export function statusAdminRoutes(app: FastifyInstance, deps: StatusRouteDeps): void {
  const pages = deskPages(deps);
  overviewRoutes(app, deps, pages);
  incidentRoutes(app, pages);
}

/** 장애 직접 등록 and 점검 일정 on the desk's first page. */
function overviewRoutes(app: FastifyInstance, deps: StatusRouteDeps, pages: ReturnType<typeof deskPages>): void {
  const { catalogue } = deps;
  const { desk, actor, done, overview } = pages;
  app.get('/admin/status', OPERATOR, async (request, reply) => overview(request, reply));

  app.post('/admin/status/incidents', writes(OPERATOR, 'status.declareIncident'), async (request, reply) => {
    const parsed = parseDeclare(
      request.body,
      catalogue.services.map((s) => s.id),
      deps.now(),
    );
    if (!parsed.value) {
      reply.status(400);
      return overview(
        request,
        reply,
        { incident: { ...parsed.form }, maintenance: {} },
        { incident: parsed.errors, maintenance: {} },
      );
    }
    const declared = parsed.value;
    const { outcome } = await request.command(async () => {
      const incidentId = await desk.declare(declared, actor(request));
      // The new incident's id, so a repeat is sent to the same incident.
      return { incidentId, redirect: `/admin/status/incidents/${incidentId}` };
    });
    return done(reply, outcome);
  });

  app.post('/admin/status/maintenance', writes(OPERATOR, 'status.announceMaintenance'), async (request, reply) => {
    const parsed = parseMaintenance(request.body, (c) => catalogue.names.has(c), deps.now());
    if (!parsed.value) {
      reply.status(400);
      return overview(
        request,
        reply,
        { incident: {}, maintenance: { ...parsed.form } },
        { incident: {}, maintenance: parsed.errors },
      );
    }
    const window = parsed.value;
    const { outcome } = await request.command(async () => {
      const maintenanceId = await desk.announce(window, actor(request));
      return { maintenanceId, redirect: '/admin/status' };
    });
    return done(reply, outcome);
  });

  app.post<{ Params: { id: string } }>(
    '/admin/status/maintenance/:id/cancel',
    writes(OPERATOR, 'status.cancelMaintenance'),
    async (request, reply) => {
      if (!Number.isSafeInteger(Number(request.params.id)))
        throw new UserError(404, 'NOT_FOUND', '점검 일정을 찾을 수 없습니다.');
      const { outcome } = await request.command(async () => {
        await desk.cancelMaintenance(request.params.id, actor(request));
        return { redirect: '/admin/status' };
      });
      return done(reply, outcome);
    },
  );
}

/** One incident's desk: 진행 경과, 사후 분석 보고서, 재발 방지 조치. */
function incidentRoutes(app: FastifyInstance, pages: ReturnType<typeof deskPages>): void {
  const { desk, actor, done, incidentDesk } = pages;
  app.get<{ Params: { id: string } }>('/admin/status/incidents/:id', OPERATOR, async (request, reply) =>
    incidentDesk(request, reply, await desk.incident(request.params.id)),
  );

  app.post<{ Params: { id: string } }>(
    '/admin/status/incidents/:id/updates',
    writes(OPERATOR, 'status.postIncidentUpdate'),
    async (request, reply) => {
      const incident = await desk.incident(request.params.id);
      const parsed = parseUpdate(request.body);
      if (!parsed.value) {
        reply.status(400);
        return incidentDesk(request, reply, incident, parsed.errors, parsed.typed);
      }
      const update = parsed.value;
      const { outcome } = await request.command(async () => {
        await desk.postUpdate(incident, update, actor(request));
        return { redirect: `/admin/status/incidents/${incident.id}` };
      });
      return done(reply, outcome);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/status/incidents/:id/postmortem',
    writes(OPERATOR, 'status.savePostmortem'),
    async (request, reply) => {
      const incident = await desk.incident(request.params.id);
      const parsed = parsePostmortem(request.body);
      if (!parsed.value) {
        reply.status(400);
        return incidentDesk(request, reply, incident, parsed.errors, parsed.typed);
      }
      const postmortem = parsed.value;
      const { outcome } = await request.command(async () => {
        await desk.savePostmortem(incident, postmortem, actor(request));
        return { redirect: `/admin/status/incidents/${incident.id}` };
      });
      return done(reply, outcome);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/status/incidents/:id/actions',
    writes(OPERATOR, 'status.addCorrectiveAction'),
    async (request, reply) => {
      const incident = await desk.incident(request.params.id);
      const parsed = parseAction(request.body);
      if (!parsed.value) {
        reply.status(400);
        return incidentDesk(request, reply, incident, parsed.errors, parsed.typed);
      }
      const action = parsed.value;
      const { outcome } = await request.command(async () => {
        await desk.addAction(incident, action, actor(request));
        return { redirect: `/admin/status/incidents/${incident.id}` };
      });
      return done(reply, outcome);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/status/actions/:id',
    writes(OPERATOR, 'status.updateCorrectiveAction'),
    async (request, reply) => {
      const parsed = parseActionUpdate(request.body);
      if (!Number.isSafeInteger(Number(request.params.id)) || parsed === 'no-status')
        throw new UserError(400, 'BAD_REQUEST', '조치 상태를 골라 주세요.');
      if (parsed === 'verification-required')
        throw new UserError(422, 'VERIFICATION_REQUIRED', '완료로 바꾸려면 어떻게 확인했는지 적어 주세요.');
      const { outcome } = await request.command(async () => {
        const incidentId = await desk.updateAction(request.params.id, parsed, actor(request));
        return { redirect: `/admin/status/incidents/${incidentId}` };
      });
      return done(reply, outcome);
    },
  );
}
