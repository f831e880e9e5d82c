/**
 * 이력서 and 입사지원: a seeker keeps resumes, applies to an open posting with one (once per
 * posting, however often the button is pressed), follows its status and may withdraw; an employer
 * sees the applicants of their own postings only, opens a resume (marks it 열람) and moves them on.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CommandOutcomeUnknownError } from '../db/commands.ts';
import { DatabaseUnavailableError } from '../db/failover.ts';
import type { Database } from '../db/index.ts';
import { accountOf, allow } from '../identity/access.ts';
import { audit, clientOf } from '../identity/audit.ts';
import { journalFirst, sendReceived } from '../intake/journal-path.ts';
import type { Intake } from '../intake/service.ts';
import { EDUCATIONS } from '../jobs/codes.ts';
import type { Services } from '../services.ts';
import { formatDateTime, seoulToday } from '../shared/dates.ts';
import { josa } from '../shared/korean.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import {
  alert,
  button,
  emptyState,
  errorSummary,
  linkButton,
  select,
  table,
  textarea,
  textInput,
} from '../web/components.ts';
import { UserError } from '../web/errors.ts';
import { formText, IDEMPOTENCY_KEY } from '../web/forms.ts';
import { type Html, html } from '../web/html.ts';
import { sendPage } from '../web/page.ts';
import { csrfField, csrfToken, safeLocalPath } from '../web/security.ts';
import { CAREER_ROWS, parseResume, type ResumeValues } from './resume.ts';
import { resumeView } from './resume-views.ts';
import {
  APPLICATION_STATUS,
  type Application,
  type ApplicationStatus,
  EMPLOYER_STATUSES,
  type MarketStore,
  type Resume,
} from './store.ts';

const SEEKER = allow('seeker');
const EMPLOYER = allow('employer');

function resumeValues(r: Resume): ResumeValues {
  const values: ResumeValues = {
    title: r.title,
    education: r.education,
    school: r.school,
    certificates: r.certificates,
    skills: r.skills,
    introduction: r.introduction,
    isPublic: r.isPublic ? 'yes' : '',
  };
  r.careers.forEach((c, i) => {
    values[`company${i}`] = c.company;
    values[`role${i}`] = c.role;
    values[`from${i}`] = c.from;
    values[`to${i}`] = c.to;
  });
  return values;
}

function resumeForm(
  action: string,
  values: ResumeValues,
  errors: Record<string, string>,
  csrf: string,
  returnTo: string,
): Html {
  const v = (k: string) => values[k] ?? '';
  return html`${errorSummary(errors)}
<form method="post" action="${action}" novalidate>
	${csrfField(csrf)}
	<input type="hidden" name="returnTo" value="${returnTo}">
	${textInput({ id: 'title', name: 'title', label: '이력서 제목', value: v('title'), required: true, maxlength: 60, error: errors.title })}
	${select({ id: 'education', name: 'education', label: '최종 학력', value: v('education'), required: true, options: [{ value: '', label: '선택' }, ...EDUCATIONS.filter((e) => e.code !== '00').map((e) => ({ value: e.code, label: e.label }))], error: errors.education })}
	${textInput({ id: 'school', name: 'school', label: '학교·전공 (선택)', value: v('school'), maxlength: 60 })}
	<fieldset class="fieldset ilteo-fieldset"><legend class="ilteo-legend">경력 (최대 ${CAREER_ROWS}개, 재직 중이면 끝 연월을 비워 두세요)</legend>
	${Array.from(
    { length: CAREER_ROWS },
    (_, i) => html`<div class="ilteo-activity-row">
		${textInput({ id: `company${i}`, name: `company${i}`, label: `경력 ${i + 1} 회사`, value: v(`company${i}`), maxlength: 60, error: errors[`company${i}`] })}
		${textInput({ id: `role${i}`, name: `role${i}`, label: '담당 업무', value: v(`role${i}`), maxlength: 60 })}
		${textInput({ id: `from${i}`, name: `from${i}`, label: '시작 (연.월)', value: v(`from${i}`), placeholder: '2021.03', maxlength: 10, error: errors[`from${i}`] })}
		${textInput({ id: `to${i}`, name: `to${i}`, label: '끝 (연.월)', value: v(`to${i}`), placeholder: '2024.12', maxlength: 10, error: errors[`to${i}`] })}
	</div>`,
  )}
	</fieldset>
	${textarea('certificates', '자격증', v('certificates'), 500, errors.certificates)}
	${textarea('skills', '보유 기술', v('skills'), 500, errors.skills)}
	${textarea('introduction', '자기소개서', v('introduction'), 2000, errors.introduction)}
	<div class="form-group"><div class="form-conts"><div class="krds-form-check">
		<input type="checkbox" id="isPublic" name="isPublic" value="yes"${v('isPublic') === 'yes' ? html` checked` : null}>
		<label for="isPublic">인재검색에 공개합니다 (기업회원이 연락을 요청할 수 있음; 연락처는 보이지 않음)</label>
	</div></div></div>
	<div class="ilteo-actions">${button({ label: '저장', type: 'submit', size: 'large' })}</div>
</form>`;
}

export function marketRoutes(
  app: FastifyInstance,
  deps: {
    database: Database;
    market: MarketStore;
    services: Services;
    /** Takes a 입사지원 into the journal when no database can (a full outage). */
    intake?: Intake;
    databaseDown?: () => boolean;
  },
): void {
  const { database, market, services } = deps;
  const thisMonth = () => seoulToday(services.now()).slice(0, 7);
  const safeReturn = (raw: string) =>
    /^\/jobs\/[A-Za-z0-9]+\/apply$/.test(raw) ? safeLocalPath(raw, '/my/resumes') : '/my/resumes';

  // ── 이력서 ───────────────────────────────────────────────────────────────────────────────
  app.get<{ Querystring: { saved?: string } }>('/my/resumes', SEEKER, async (request, reply) => {
    const me = accountOf(request);
    const resumes = await market.resumesOf(me.id);
    return sendPage(request, reply, {
      title: '이력서 관리',
      breadcrumbs: [{ label: '내 정보', href: '/my' }, { label: '이력서' }],
      main: html`<h1 class="heading-xlarge">이력서 관리</h1>
${request.query.saved ? alert({ variant: 'success', role: 'status', title: '이력서를 저장했습니다.' }) : null}
<div class="ilteo-actions">${linkButton({ href: '/my/resumes/new', label: '새 이력서 쓰기' })} ${linkButton({ href: '/my/applications', label: '입사지원 현황', variant: 'secondary' })}</div>
${
  resumes.length === 0
    ? emptyState({ title: '아직 이력서가 없습니다', body: '이력서를 쓰면 채용공고에 바로 지원할 수 있습니다.' })
    : table({
        caption: `이력서 ${resumes.length}개: 제목, 공개 여부, 고친 날`,
        columns: [{ header: '제목' }, { header: '인재검색 공개' }, { header: '고친 날' }],
        rowHeaders: true,
        rows: resumes.map((r) => [
          html`<a href="/my/resumes/${r.id}">${r.title}</a>`,
          r.isPublic ? '공개' : '비공개',
          formatDateTime(r.updatedAt),
        ]),
      })
}`,
    });
  });

  const renderResumeForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    action: string,
    values: ResumeValues,
    errors: Record<string, string>,
    returnTo: string,
  ) =>
    sendPage(request, reply, {
      title: '이력서 쓰기',
      breadcrumbs: [{ label: '이력서', href: '/my/resumes' }, { label: values.title || '새 이력서' }],
      main: html`<h1 class="heading-xlarge">이력서</h1>${resumeForm(action, values, errors, csrfToken(reply), returnTo)}`,
    });

  app.get<{ Querystring: { returnTo?: string } }>('/my/resumes/new', SEEKER, async (request, reply) =>
    renderResumeForm(request, reply, '/my/resumes', {}, {}, safeReturn(request.query.returnTo ?? '')),
  );

  const saveResume = async (request: FastifyRequest, reply: FastifyReply, id: number | null) => {
    const me = accountOf(request);
    const parsed = parseResume(request.body as Record<string, unknown>, thisMonth());
    const returnTo = safeReturn(formText(request.body, 'returnTo', 100));
    if (!parsed.ok) {
      reply.status(400);
      return renderResumeForm(
        request,
        reply,
        id === null ? '/my/resumes' : `/my/resumes/${id}`,
        parsed.values,
        parsed.errors,
        returnTo,
      );
    }
    const resume = parsed.value;
    const { outcome } = await request.command(async () => {
      await market.saveResume(me.id, id, resume);
      return { redirect: returnTo === '/my/resumes' ? '/my/resumes?saved=1' : `${returnTo}?resume=saved` };
    });
    return sendOutcome(reply, outcome);
  };

  app.post('/my/resumes', writes(SEEKER, 'market.createResume'), async (request, reply) =>
    saveResume(request, reply, null),
  );

  const ownResume = async (request: FastifyRequest, rawId: string) => {
    const me = accountOf(request);
    const id = Number(rawId);
    const resume = Number.isSafeInteger(id) && id > 0 ? await market.resume(id) : undefined;
    if (!resume || resume.ownerId !== me.id) throw new UserError(404, 'NOT_FOUND', '이력서를 찾을 수 없습니다.');
    return resume;
  };

  app.get<{ Params: { id: string } }>('/my/resumes/:id', SEEKER, async (request, reply) => {
    const resume = await ownResume(request, request.params.id);
    return renderResumeForm(request, reply, `/my/resumes/${resume.id}`, resumeValues(resume), {}, '/my/resumes');
  });

  app.post<{ Params: { id: string } }>(
    '/my/resumes/:id',
    writes(SEEKER, 'market.editResume'),
    async (request, reply) => {
      const resume = await ownResume(request, request.params.id);
      return saveResume(request, reply, resume.id);
    },
  );

  // ── 입사지원 ───────────────────────────────────────────────────────────────────────────────
  const openPosting = async (wantedAuthNo: string) => {
    const posting = /^[A-Za-z0-9]{1,40}$/.test(wantedAuthNo) ? await services.jobs.find(wantedAuthNo) : undefined;
    if (!posting) throw new UserError(404, 'NOT_FOUND', '요청하신 채용공고를 찾을 수 없습니다.');
    return posting;
  };

  const renderApply = async (
    request: FastifyRequest,
    reply: FastifyReply,
    wantedAuthNo: string,
    errors: Record<string, string> = {},
    key: string = randomUUID(),
    opts: { resumeSaved?: boolean } = {},
  ) => {
    const me = accountOf(request);
    const posting = await openPosting(wantedAuthNo);
    const [resumes, applied] = await Promise.all([market.resumesOf(me.id), market.applicationTo(me.id, posting.id)]);
    const closed = posting.status !== 'open';
    return sendPage(request, reply, {
      title: `${posting.title} 지원하기`,
      breadcrumbs: [
        { label: '채용정보', href: '/jobs' },
        { label: posting.title, href: `/jobs/${posting.wantedAuthNo}` },
        { label: '지원하기' },
      ],
      main: html`<h1 class="heading-xlarge">지원하기</h1>
<p><strong>${posting.companyName}</strong> · ${posting.title}</p>
${errorSummary(errors)}
${opts.resumeSaved && !applied ? alert({ variant: 'success', role: 'status', title: '이력서를 저장했습니다. 이제 이 이력서로 지원할 수 있습니다.' }) : null}
${
  applied
    ? alert({
        variant: 'info',
        role: 'status',
        title: applied.status === 'withdrawn' ? '이 채용공고에 지원했다가 취소했습니다.' : '이미 지원했습니다.',
        body: html`<p>${formatDateTime(applied.appliedAt)}에 이력서 ${josa(`"${applied.resumeTitle}"`, '으로/로')} 지원했습니다 · 지금 상태 <strong>${APPLICATION_STATUS[applied.status]}</strong>. 같은 채용공고에는 한 번만 지원할 수 있습니다.</p>
<p><a href="/my/applications#application-${applied.id}">입사지원 현황에서 보기</a></p>`,
      })
    : closed
      ? alert({ variant: 'warning', title: '마감된 채용공고입니다.' })
      : resumes.length === 0
        ? html`${emptyState({ title: '먼저 이력서를 써 주세요', body: '이력서를 저장하면 이 화면으로 돌아옵니다.' })}
<div class="ilteo-actions">${linkButton({ href: `/my/resumes/new?returnTo=${encodeURIComponent(`/jobs/${posting.wantedAuthNo}/apply`)}`, label: '이력서 쓰기' })}</div>`
        : html`<form method="post" action="/jobs/${posting.wantedAuthNo}/apply" novalidate>
	${csrfField(csrfToken(reply))}
	<input type="hidden" name="idempotencyKey" value="${key}">
	<fieldset class="fieldset ilteo-fieldset"><legend class="ilteo-legend">보낼 이력서</legend>
	<div class="krds-check-area chk-column">${resumes.map(
    (r, i) =>
      html`<div class="krds-form-check"><input type="radio" name="resumeId" id="resume-${r.id}" value="${r.id}"${i === 0 ? html` checked` : null}><label for="resume-${r.id}">${r.title}</label></div>`,
  )}</div></fieldset>
	<div class="ilteo-actions">${button({ label: '이 이력서로 지원', type: 'submit', size: 'large' })}</div>
</form>`
}`,
    });
  };

  app.get<{ Params: { id: string }; Querystring: { resume?: string } }>(
    '/jobs/:id/apply',
    SEEKER,
    async (request, reply) =>
      renderApply(request, reply, request.params.id, {}, randomUUID(), {
        resumeSaved: request.query.resume === 'saved',
      }),
  );

  app.post<{ Params: { id: string } }>(
    '/jobs/:id/apply',
    writes(SEEKER, 'market.apply', { journal: true }),
    async (request, reply) => {
      const me = accountOf(request);
      const key = formText(request.body, 'idempotencyKey', 100);
      // Not a number (or past bigint): no resume of theirs, refused as such (422), never a failed query.
      const resumeId = Number(/^\d{1,15}$/.exec(formText(request.body, 'resumeId', 20))?.[0] ?? 0);
      // No database can take it (a full outage): into this server's journal, on disk before we answer.
      const journal = async () => {
        const wantedAuthNo = request.params.id;
        if (
          !deps.intake ||
          !/^[A-Za-z0-9]{1,40}$/.test(wantedAuthNo) ||
          !IDEMPOTENCY_KEY.test(key) ||
          !Number.isSafeInteger(resumeId)
        )
          throw new DatabaseUnavailableError('데이터베이스에 연결할 수 없습니다.', 'write');
        return sendReceived(
          request,
          reply,
          {
            title: '입사지원이 접수되었습니다',
            breadcrumbs: [{ label: '입사지원 현황' }],
            heading: '입사지원이 접수되었습니다',
            what: `채용공고 ${wantedAuthNo} 입사지원을`,
            again: '다시 지원하지 않아도 됩니다.',
          },
          await deps.intake.journalApplication(me, { wantedAuthNo, resumeId }, key),
        );
      };
      if (journalFirst(request, deps.databaseDown)) return journal();
      let posting: Awaited<ReturnType<typeof openPosting>>;
      try {
        posting = await openPosting(request.params.id);
      } catch (err) {
        if (err instanceof DatabaseUnavailableError) return journal();
        throw err;
      }
      if (!IDEMPOTENCY_KEY.test(key)) {
        reply.status(400);
        return renderApply(request, reply, posting.wantedAuthNo, {
          _form: '지원 양식이 올바르지 않습니다. 다시 시도해 주세요.',
        });
      }
      try {
        const { outcome } = await request.command(async () => {
          const { created } = await market.apply({
            postingId: posting.id,
            applicantId: me.id,
            resumeId,
            idempotencyKey: key,
          });
          return { wantedAuthNo: posting.wantedAuthNo, created };
        });
        return reply.redirect(
          `/my/applications?${outcome.created ? 'applied' : 'already'}=${encodeURIComponent(outcome.wantedAuthNo)}`,
          303,
        );
      } catch (err) {
        // The COMMIT may have landed: answered as not known (503), never taken into the journal as well.
        if (err instanceof CommandOutcomeUnknownError) throw err;
        if (err instanceof DatabaseUnavailableError) return journal();
        if (!(err instanceof UserError) || err.statusCode === 404) throw err;
        reply.status(err.statusCode);
        // A key already used for another request is spent: the form comes back with a fresh one.
        const again = err.code === 'IDEMPOTENCY_KEY_REUSED' ? randomUUID() : key;
        return renderApply(request, reply, posting.wantedAuthNo, err.fields ?? { _form: err.message }, again);
      }
    },
  );

  app.get<{ Querystring: { applied?: string; already?: string; withdrawn?: string } }>(
    '/my/applications',
    SEEKER,
    async (request, reply) => {
      const me = accountOf(request);
      const list = await market.applicationsOf(me.id);
      const token = csrfToken(reply);
      const q = request.query;
      const notice = q.applied
        ? alert({
            variant: 'success',
            role: 'status',
            title: '지원했습니다. 기업이 이력서를 열람하면 여기서 알 수 있습니다.',
            body: '일터에서 한 입사 지원은 실업인정 신청 때 재취업활동으로 미리 채워집니다.',
          })
        : q.already
          ? alert({ variant: 'info', role: 'status', title: '이미 지원한 채용공고입니다. 지원은 한 번만 접수됩니다.' })
          : q.withdrawn
            ? alert({ variant: 'success', role: 'status', title: '지원을 취소했습니다.' })
            : null;
      return sendPage(request, reply, {
        title: '입사지원 현황',
        breadcrumbs: [{ label: '내 정보', href: '/my' }, { label: '입사지원 현황' }],
        main: html`<h1 class="heading-xlarge">입사지원 현황</h1>
${notice}
${
  list.length === 0
    ? emptyState({
        title: '지원한 채용공고가 없습니다',
        body: html`<a href="/jobs">채용정보 검색</a>에서 공고를 찾아 지원해 보세요.`,
      })
    : table({
        caption: `입사지원 ${list.length}건: 채용공고, 회사, 이력서, 지원일, 상태, 관리`,
        columns: [
          { header: '채용공고' },
          { header: '회사' },
          { header: '이력서' },
          { header: '지원일' },
          { header: '상태' },
          { header: '관리', align: 'right' },
        ],
        rowHeaders: true,
        rows: list.map((a) => [
          html`<a id="application-${a.id}" href="/jobs/${a.wantedAuthNo}">${a.title}</a>`,
          a.companyName,
          a.resumeTitle,
          formatDateTime(a.appliedAt),
          html`<strong>${APPLICATION_STATUS[a.status]}</strong>${a.status !== 'received' ? html`<br><span class="ilteo-muted">${formatDateTime(a.updatedAt)}</span>` : null}`,
          ['received', 'viewed'].includes(a.status)
            ? html`<form method="post" action="/my/applications/${a.id}/withdraw" class="ilteo-inline-form">${csrfField(token)}${button({ label: '지원 취소', type: 'submit', size: 'small', variant: 'secondary' })}</form>`
            : '',
        ]),
      })
}`,
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/my/applications/:id/withdraw',
    writes(SEEKER, 'market.withdrawApplication'),
    async (request, reply) => {
      const me = accountOf(request);
      const id = Number(request.params.id);
      const application = Number.isSafeInteger(id) ? await market.application(id) : undefined;
      if (!application || application.applicantId !== me.id)
        throw new UserError(404, 'NOT_FOUND', '지원 내역을 찾을 수 없습니다.');
      const { outcome } = await request.command(async () => {
        await market.setStatus(id, me.id, 'withdrawn', ['received', 'viewed']);
        return { redirect: '/my/applications?withdrawn=1' };
      });
      return sendOutcome(reply, outcome);
    },
  );

  // ── 기업회원: 지원자 ───────────────────────────────────────────────────────────────────────
  const ownApplication = async (request: FastifyRequest, rawId: string) => {
    const me = accountOf(request);
    const id = Number(rawId);
    const application = Number.isSafeInteger(id) && id > 0 ? await market.application(id) : undefined;
    // Another company's applicant is answered exactly like one who does not exist.
    if (!application || application.companyId !== me.companyId || application.status === 'withdrawn')
      throw new UserError(404, 'NOT_FOUND', '지원자를 찾을 수 없습니다.');
    return application;
  };

  /** An applicant's resume for the employer; with the 전형 진행 form's error when it came back. Reads only. */
  const renderApplication = async (
    request: FastifyRequest,
    reply: FastifyReply,
    application: Application,
    form: { error?: string; status?: string } = {},
  ) => {
    const resume = await market.resume(application.resumeId);
    if (!resume) throw new UserError(404, 'NOT_FOUND', '이력서를 찾을 수 없습니다.');
    const events = await market.events(application.id);
    return sendPage(request, reply, {
      title: `${form.error ? '오류: ' : ''}${application.applicantName} 님 이력서`,
      breadcrumbs: [
        { label: '기업 서비스', href: '/employer' },
        { label: application.title, href: `/employer/postings/${application.wantedAuthNo}` },
        { label: application.applicantName },
      ],
      main: html`<h1 class="heading-xlarge">${application.applicantName} 님 · ${resume.title}</h1>
${form.error ? errorSummary({ status: form.error }) : null}
<p>${application.title} · 지원일 ${formatDateTime(application.appliedAt)} · 지금 상태 <strong>${APPLICATION_STATUS[application.status]}</strong></p>
${resumeView(resume)}
<section class="ilteo-section" aria-labelledby="move"><h2 id="move" class="heading-medium">전형 진행</h2>
${
  (['hired', 'rejected'] as ApplicationStatus[]).includes(application.status)
    ? html`<p>전형이 끝난 지원자입니다 (${APPLICATION_STATUS[application.status]}). 상태를 더 바꿀 수 없습니다.</p>`
    : html`<form method="post" action="/employer/applications/${application.id}/status" class="ilteo-subform" novalidate>
	${csrfField(csrfToken(reply))}
	${select({ id: 'status', name: 'status', label: '다음 상태', value: form.status ?? '', options: [{ value: '', label: '선택' }, ...EMPLOYER_STATUSES.map((s) => ({ value: s, label: APPLICATION_STATUS[s] }))], error: form.error })}
	<div class="ilteo-actions">${button({ label: '바꾸기', type: 'submit' })}</div>
</form>`
}
${table({ caption: '진행 기록: 시각, 상태', columns: [{ header: '시각' }, { header: '상태' }], rows: events.map((e) => [formatDateTime(e.at), APPLICATION_STATUS[e.status]]) })}
</section>`,
    });
  };

  app.get<{ Params: { id: string } }>('/employer/applications/:id', EMPLOYER, async (request, reply) => {
    const me = accountOf(request);
    let application = await ownApplication(request, request.params.id);
    if (application.status === 'received' && (await market.setStatus(application.id, me.id, 'viewed', ['received'])))
      application = (await market.application(application.id)) ?? application;
    await audit(database, {
      actor: { id: me.id, kind: me.kind },
      action: 'applicant.view',
      outcome: 'success',
      target: { type: 'application', id: application.id },
      ...clientOf(request),
    });
    return renderApplication(request, reply, application);
  });

  app.post<{ Params: { id: string } }>(
    '/employer/applications/:id/status',
    writes(EMPLOYER, 'market.moveApplication'),
    async (request, reply) => {
      const me = accountOf(request);
      const application = await ownApplication(request, request.params.id);
      const status = formText(request.body, 'status', 20) as ApplicationStatus;
      if (!(EMPLOYER_STATUSES as readonly string[]).includes(status)) {
        reply.status(400);
        return renderApplication(request, reply, application, {
          error: '다음 상태를 서류합격, 면접, 합격, 불합격 가운데에서 골라 주세요.',
          status,
        });
      }
      const { outcome } = await request.command(async () => {
        const moved = await market.setStatus(application.id, me.id, status, [
          'received',
          'viewed',
          'passed',
          'interview',
        ]);
        await audit(database, {
          actor: { id: me.id, kind: me.kind },
          action: 'applicant.status',
          outcome: 'success',
          target: { type: 'application', id: application.id },
          ...clientOf(request),
          details: { status },
        });
        return {
          redirect: `/employer/postings/${application.wantedAuthNo}?applicant=${application.id}&moved=${moved ? 1 : 0}&picked=1&to=${status}`,
        };
      });
      return sendOutcome(reply, outcome);
    },
  );
}
