/**
 * 채용공고 관리 for employers: register, edit, pause, reopen, close and re-post, with full validation
 * (posting-form.ts). Only the employer's own 사업장's postings; any other answers 404. A repeated
 * submit of the same form registers one posting (its number comes from the form's idempotency key).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountOf, allow } from '../identity/access.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import { UserError } from '../web/errors.ts';
import type { Html } from '../web/html.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken } from '../web/security.ts';
import { formKey, parseNewPosting, parsePostingStatus } from './forms.ts';
import { emptyPostingForm, type PostingContent, parsePostingForm, postingFormValues } from './posting-form.ts';
import type { PostingService } from './posting-service.ts';
import { postingForm, postingFormPage, repostCheckForm } from './posting-views.ts';
import { actorOf, sendPostingPage } from './routes.ts';
import type { EmployerService } from './service.ts';

const EMPLOYER = allow('employer');

export interface PostingRouteDeps {
  /** The posting page (with its applicants) a refused status change is answered with. */
  employer: EmployerService;
  postings: PostingService;
}

/** The page of a 채용공고 form, under 기업 서비스. */
function render(request: FastifyRequest, reply: FastifyReply, title: string, form: Html) {
  return sendPage(request, reply, {
    title,
    breadcrumbs: [{ label: '기업 서비스', href: '/employer' }, { label: title }],
    main: postingFormPage(title, form),
  });
}

/** The signed-in employer's company (403 without one) and, given its number, their own posting (else 404). */
async function ownPosting(postings: PostingService, request: FastifyRequest, wantedAuthNo: string) {
  const company = await postings.company(accountOf(request).companyId);
  const posting = await postings.own(company.id, wantedAuthNo);
  return { company, posting };
}

export function employerPostingRoutes(app: FastifyInstance, deps: PostingRouteDeps): void {
  newPostingRoutes(app, deps.postings);
  editRoutes(app, deps.postings);
  statusRoutes(app, deps);
}

/** 채용공고 등록 and 다시 올리기: a new posting, once per form key. */
function newPostingRoutes(app: FastifyInstance, postings: PostingService): void {
  app.get('/employer/postings/new', EMPLOYER, async (request, reply) =>
    render(
      request,
      reply,
      '채용공고 등록',
      postingForm('/employer/postings', emptyPostingForm(), {}, csrfToken(reply), randomUUID(), '등록하기'),
    ),
  );

  app.post('/employer/postings', writes(EMPLOYER, 'employer.createPosting'), async (request, reply) => {
    const company = await postings.company(accountOf(request).companyId);
    const parsed = parseNewPosting(request.body as Record<string, unknown>, postings.today());
    if (!parsed.ok) {
      reply.status(400);
      const form = postingForm(
        '/employer/postings',
        parsed.values,
        parsed.errors,
        csrfToken(reply),
        parsed.key ?? randomUUID(),
        '등록하기',
      );
      return render(request, reply, '채용공고 등록', form);
    }
    const { key, value } = parsed;
    // The outcome holds the new 구인인증번호: a repeat of this form is sent to the same posting.
    const { outcome } = await request.command(() =>
      postings.register(actorOf(request), company, value, key, 'posting.create'),
    );
    return reply.redirect(
      `/employer/postings/${outcome.wantedAuthNo}?${outcome.created ? 'created' : 'already'}=1`,
      303,
    );
  });

  app.post<{ Params: { id: string } }>(
    '/employer/postings/:id/repost',
    writes(EMPLOYER, 'employer.repostPosting'),
    async (request, reply) => {
      const { company, posting } = await ownPosting(postings, request, request.params.id);
      const key = formKey(request.body);
      if (!key)
        throw new UserError(400, 'BAD_KEY', '다시 올리기 양식이 올바르지 않습니다. 새로 고친 뒤 다시 시도해 주세요.');
      const parsed = postings.repostCopy(posting);
      if (!parsed.ok) {
        // An old posting that no longer passes today's rules (e.g. a raised minimum wage) is edited first.
        reply.status(422);
        const form = repostCheckForm(parsed.values, parsed.errors, csrfToken(reply), key);
        return render(request, reply, '채용공고 다시 올리기', form);
      }
      const copy = parsed.value;
      // The outcome holds the copy's 구인인증번호: a repeat is sent to the same copy.
      const { outcome } = await request.command(() =>
        postings.register(actorOf(request), company, copy, key, 'posting.repost', { from: posting.wantedAuthNo }),
      );
      return reply.redirect(`/employer/postings/${outcome.wantedAuthNo}?created=1`, 303);
    },
  );
}

/** 채용공고 수정: the employer's own posting's content. */
function editRoutes(app: FastifyInstance, postings: PostingService): void {
  app.get<{ Params: { id: string } }>('/employer/postings/:id/edit', EMPLOYER, async (request, reply) => {
    const posting = await postings.own(accountOf(request).companyId, request.params.id);
    const values = postingFormValues(posting as unknown as PostingContent);
    return render(
      request,
      reply,
      '채용공고 수정',
      postingForm(`/employer/postings/${posting.wantedAuthNo}/edit`, values, {}, csrfToken(reply), null, '저장하기'),
    );
  });

  app.post<{ Params: { id: string } }>(
    '/employer/postings/:id/edit',
    writes(EMPLOYER, 'employer.editPosting'),
    async (request, reply) => {
      const { company, posting } = await ownPosting(postings, request, request.params.id);
      const parsed = parsePostingForm(request.body as Record<string, unknown>, postings.today());
      if (!parsed.ok) {
        reply.status(400);
        const action = `/employer/postings/${posting.wantedAuthNo}/edit`;
        const form = postingForm(action, parsed.values, parsed.errors, csrfToken(reply), null, '저장하기');
        return render(request, reply, '채용공고 수정', form);
      }
      const content = parsed.value;
      const { outcome } = await request.command(() => postings.edit(actorOf(request), company, posting, content));
      return sendOutcome(reply, outcome);
    },
  );
}

/** 다시 열기, 일시 중지, 마감하기; a refusal is answered on the posting's page. */
function statusRoutes(app: FastifyInstance, deps: PostingRouteDeps): void {
  const { employer, postings } = deps;
  app.post<{ Params: { id: string } }>(
    '/employer/postings/:id/status',
    writes(EMPLOYER, 'employer.setPostingStatus'),
    async (request, reply) => {
      const { company, posting } = await ownPosting(postings, request, request.params.id);
      const status = parsePostingStatus(request.body);
      const again = (code: number, message: string) => {
        reply.status(code);
        return sendPostingPage(employer, request, reply, posting.wantedAuthNo, { errors: { _form: message } });
      };
      if (!status)
        return again(400, '바꿀 상태가 올바르지 않습니다. 다시 열기, 일시 중지, 마감하기 가운데 하나를 눌러 주세요.');
      try {
        postings.checkStatus(posting, status);
        const { outcome } = await request.command(() => postings.setStatus(actorOf(request), company, posting, status));
        return sendOutcome(reply, outcome);
      } catch (err) {
        if (err instanceof UserError && err.code === 'DEADLINE_PASSED') return again(409, err.message);
        throw err;
      }
    },
  );
}
