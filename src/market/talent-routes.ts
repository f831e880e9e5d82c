/**
 * 인재검색 and 인재정보 요청. Employers search public resumes only, by 직종 and 지역 (from the seeker's
 * 구직신청), 경력, 학력 and keywords; they see no name or contact until the seeker accepts a request.
 * A private resume never appears, and its number answers 404.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountOf, allow } from '../identity/access.ts';
import { clientOf } from '../identity/audit.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import { formText } from '../web/forms.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken } from '../web/security.ts';
import type { Resume, TalentService } from './talent-service.ts';
import { contactRequestsPage, talentPage, talentSearchPage } from './talent-views.ts';

const EMPLOYER = allow('employer');
const SEEKER = allow('seeker');

export function talentRoutes(app: FastifyInstance, deps: { talent: TalentService }): void {
  employerTalentRoutes(app, deps.talent);
  seekerRequestRoutes(app, deps.talent);
}

/** The employer's side: 인재검색, a public resume, 인재정보 요청. */
function employerTalentRoutes(app: FastifyInstance, talent: TalentService): void {
  app.get('/employer/talent', EMPLOYER, async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const f = {
      occupation: formText(q, 'occupation', 3),
      sido: formText(q, 'sido', 5),
      education: formText(q, 'education', 2),
      minCareer: formText(q, 'minCareer', 3),
      q: formText(q, 'q', 40),
    };
    return sendPage(request, reply, {
      title: '인재검색',
      breadcrumbs: [{ label: '기업 서비스', href: '/employer' }, { label: '인재검색' }],
      main: talentSearchPage(f, await talent.search(f), talent.thisMonth()),
    });
  });

  /** A public resume for the employer, with the 인재정보 요청 form (and its error, what was typed). */
  const renderTalent = async (
    request: FastifyRequest,
    reply: FastifyReply,
    resume: Resume,
    opts: { sent?: boolean; error?: string; message?: string } = {},
  ) => {
    const { existing, owner } = await talent.contact(resume, accountOf(request).companyId ?? 0);
    return sendPage(request, reply, {
      title: opts.error ? '오류: 인재 이력서' : '인재 이력서',
      breadcrumbs: [
        { label: '기업 서비스', href: '/employer' },
        { label: '인재검색', href: '/employer/talent' },
        { label: resume.title },
      ],
      main: talentPage(resume, owner, existing, opts, csrfToken(reply)),
    });
  };

  app.get<{ Params: { id: string }; Querystring: { sent?: string } }>(
    '/employer/talent/:id',
    EMPLOYER,
    async (request, reply) =>
      renderTalent(request, reply, await talent.publicResume(request.params.id), { sent: Boolean(request.query.sent) }),
  );

  app.post<{ Params: { id: string } }>(
    '/employer/talent/:id/request',
    writes(EMPLOYER, 'market.requestContact'),
    async (request, reply) => {
      const me = accountOf(request);
      const resume = await talent.publicResume(request.params.id);
      const message = formText(request.body, 'message', 300);
      if (!message) {
        reply.status(400);
        return renderTalent(request, reply, resume, {
          error: '구직자에게 보낼 말을 적어 주세요. 어떤 자리인지 알려 주면 구직자가 답하기 쉽습니다.',
          message,
        });
      }
      // The request and its audit row: one transaction.
      const { outcome } = await request.command(async () => {
        await talent.requestContact(resume, me, message, clientOf(request));
        return { redirect: `/employer/talent/${resume.id}?sent=1` };
      });
      return sendOutcome(reply, outcome);
    },
  );
}

/** The seeker's side: the requests received, and the answer to each. */
function seekerRequestRoutes(app: FastifyInstance, talent: TalentService): void {
  const renderRequests = async (
    request: FastifyRequest,
    reply: FastifyReply,
    opts: { answered?: string; error?: string } = {},
  ) =>
    sendPage(request, reply, {
      title: opts.error ? '오류: 인재정보 요청' : '인재정보 요청',
      breadcrumbs: [{ label: '내 정보', href: '/my' }, { label: '인재정보 요청' }],
      main: contactRequestsPage(await talent.requests(accountOf(request).id), opts, csrfToken(reply)),
    });

  app.get<{ Querystring: { answered?: string } }>('/my/contact-requests', SEEKER, async (request, reply) =>
    renderRequests(request, reply, { answered: request.query.answered }),
  );

  app.post<{ Params: { id: string } }>(
    '/my/contact-requests/:id',
    writes(SEEKER, 'market.answerContactRequest'),
    async (request, reply) => {
      const me = accountOf(request);
      const decision = formText(request.body, 'decision', 10);
      if (decision !== 'accepted' && decision !== 'declined') {
        reply.status(400);
        return renderRequests(request, reply, { error: '수락 또는 거절 단추를 눌러 답해 주세요.' });
      }
      const { outcome } = await request.command(async () => {
        await talent.answer(request.params.id, me.id, decision);
        return { redirect: `/my/contact-requests?answered=${decision}` };
      });
      return sendOutcome(reply, outcome);
    },
  );
}
