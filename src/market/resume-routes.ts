/** 이력서: the seeker's resumes, a new one (from the 지원하기 page too, which it goes back to), and editing. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountOf, allow } from '../identity/access.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import { type Errors, formText } from '../web/forms.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken } from '../web/security.ts';
import { resumeReturnPath, resumeSavedRedirect, resumeValues } from './application-forms.ts';
import type { ApplicationService } from './application-service.ts';
import { parseResume, type ResumeValues } from './resume.ts';
import { resumeFormPage, resumesPage } from './resume-views.ts';

const SEEKER = allow('seeker');

export function resumeRoutes(app: FastifyInstance, applications: ApplicationService): void {
  app.get<{ Querystring: { saved?: string } }>('/my/resumes', SEEKER, async (request, reply) =>
    sendPage(request, reply, {
      title: '이력서 관리',
      breadcrumbs: [{ label: '내 정보', href: '/my' }, { label: '이력서' }],
      main: resumesPage(await applications.resumes(accountOf(request).id), Boolean(request.query.saved)),
    }),
  );

  const renderResumeForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    form: { action: string; values: ResumeValues; errors: Errors; returnTo: string },
  ) =>
    sendPage(request, reply, {
      title: '이력서 쓰기',
      breadcrumbs: [{ label: '이력서', href: '/my/resumes' }, { label: form.values.title || '새 이력서' }],
      main: resumeFormPage({ ...form, csrf: csrfToken(reply) }),
    });

  app.get<{ Querystring: { returnTo?: string } }>('/my/resumes/new', SEEKER, async (request, reply) =>
    renderResumeForm(request, reply, {
      action: '/my/resumes',
      values: {},
      errors: {},
      returnTo: resumeReturnPath(request.query.returnTo ?? ''),
    }),
  );

  const saveResume = async (request: FastifyRequest, reply: FastifyReply, id: number | null) => {
    const me = accountOf(request);
    const parsed = parseResume(request.body as Record<string, unknown>, applications.thisMonth());
    const returnTo = resumeReturnPath(formText(request.body, 'returnTo', 100));
    if (!parsed.ok) {
      reply.status(400);
      const action = id === null ? '/my/resumes' : `/my/resumes/${id}`;
      return renderResumeForm(request, reply, { action, values: parsed.values, errors: parsed.errors, returnTo });
    }
    const resume = parsed.value;
    const { outcome } = await request.command(async () => {
      await applications.saveResume(me.id, id, resume);
      return { redirect: resumeSavedRedirect(returnTo) };
    });
    return sendOutcome(reply, outcome);
  };

  app.post('/my/resumes', writes(SEEKER, 'market.createResume'), async (request, reply) =>
    saveResume(request, reply, null),
  );

  app.get<{ Params: { id: string } }>('/my/resumes/:id', SEEKER, async (request, reply) => {
    const resume = await applications.ownResume(accountOf(request).id, request.params.id);
    return renderResumeForm(request, reply, {
      action: `/my/resumes/${resume.id}`,
      values: resumeValues(resume),
      errors: {},
      returnTo: '/my/resumes',
    });
  });

  app.post<{ Params: { id: string } }>(
    '/my/resumes/:id',
    writes(SEEKER, 'market.editResume'),
    async (request, reply) => {
      const resume = await applications.ownResume(accountOf(request).id, request.params.id);
      return saveResume(request, reply, resume.id);
    },
  );
}
