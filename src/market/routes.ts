/**
 * 이력서 and 입사지원: a seeker keeps resumes, applies to an open posting with one (once per
 * posting, however often the button is pressed), follows its status and may withdraw; an employer
 * sees the applicants of their own postings only, opens a resume (marks it 열람) and moves them on.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountOf, allow } from '../identity/access.ts';
import { clientOf } from '../identity/audit.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken } from '../web/security.ts';
import { parseMove } from './application-forms.ts';
import { type ApplicationRouteDeps, applicationRoutes } from './application-routes.ts';
import type { Actor, Application, ApplicationService } from './application-service.ts';
import { applicantPage } from './application-views.ts';
import { resumeRoutes } from './resume-routes.ts';

const EMPLOYER = allow('employer');

export function marketRoutes(app: FastifyInstance, deps: ApplicationRouteDeps): void {
  resumeRoutes(app, deps.applications);
  applicationRoutes(app, deps);
  applicantRoutes(app, deps.applications);
}

/** Who is acting, from where: for the audit row. */
function actorOf(request: FastifyRequest): Actor {
  const me = accountOf(request);
  return { id: me.id, kind: me.kind, companyId: me.companyId, ...clientOf(request) };
}

/** 기업회원: an applicant of their own posting, opened (열람) and moved on (전형 진행). */
function applicantRoutes(app: FastifyInstance, applications: ApplicationService): void {
  /** An applicant's resume for the employer; with the 전형 진행 form's error when it came back. Reads only. */
  const renderApplicant = async (
    request: FastifyRequest,
    reply: FastifyReply,
    application: Application,
    form: { error?: string; status?: string } = {},
  ) => {
    const { resume, events } = await applications.applicantResume(application);
    return sendPage(request, reply, {
      title: `${form.error ? '오류: ' : ''}${application.applicantName} 님 이력서`,
      breadcrumbs: [
        { label: '기업 서비스', href: '/employer' },
        { label: application.title, href: `/employer/postings/${application.wantedAuthNo}` },
        { label: application.applicantName },
      ],
      main: applicantPage({ application, resume, events, form, csrf: csrfToken(reply) }),
    });
  };

  app.get<{ Params: { id: string } }>('/employer/applications/:id', EMPLOYER, async (request, reply) => {
    const application = await applications.companyApplication(accountOf(request).companyId, request.params.id);
    return renderApplicant(request, reply, await applications.view(application, actorOf(request)));
  });

  app.post<{ Params: { id: string } }>(
    '/employer/applications/:id/status',
    writes(EMPLOYER, 'market.moveApplication'),
    async (request, reply) => {
      const application = await applications.companyApplication(accountOf(request).companyId, request.params.id);
      const move = parseMove(request.body);
      if ('error' in move) {
        reply.status(400);
        return renderApplicant(request, reply, application, move);
      }
      const { outcome } = await request.command(async () => {
        const moved = await applications.move(application, move.status, actorOf(request));
        return {
          redirect: `/employer/postings/${application.wantedAuthNo}?applicant=${application.id}&moved=${moved ? 1 : 0}&picked=1&to=${move.status}`,
        };
      });
      return sendOutcome(reply, outcome);
    },
  );
}
