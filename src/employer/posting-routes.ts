/**
 * 채용공고 관리 for employers: register, edit, pause, reopen, close and re-post, with full validation
 * (posting-form.ts). Only the employer's own 사업장's postings; any other answers 404. A repeated
 * submit of the same form registers one posting (its number comes from the form's idempotency key).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/index.ts';
import { accountOf, allow } from '../identity/access.ts';
import { audit, clientOf } from '../identity/audit.ts';
import { CAREERS, EDUCATIONS, EMPLOYMENT_TYPES, WAGE_TYPES, WORK_SCHEDULES } from '../jobs/codes.ts';
import type { NewPosting } from '../jobs/posting.ts';
import { findPosting, type PostingDetail } from '../jobs/search.ts';
import { insertOnePosting, type PostingStatus, setPostingStatus, updatePostingContent } from '../jobs/store.ts';
import { OCCUPATIONS } from '../reference/occupations.ts';
import { SIGUNGU_OPTIONS } from '../reference/regions.ts';
import type { Services } from '../services.ts';
import { addDays, daysBetween } from '../shared/dates.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import { button, errorSummary, select, textarea, textInput } from '../web/components.ts';
import { UserError } from '../web/errors.ts';
import { IDEMPOTENCY_KEY } from '../web/forms.ts';
import { type Html, html } from '../web/html.ts';
import { sendPage } from '../web/page.ts';
import { csrfField, csrfToken } from '../web/security.ts';
import {
  emptyPostingForm,
  type PostingContent,
  type PostingFormValues,
  parsePostingForm,
  postingFormValues,
} from './posting-form.ts';
import { sendPostingPage } from './routes.ts';
import { companyOf as findCompany } from './store.ts';

const EMPLOYER = allow('employer');
const DEADLINE_PASSED = '마감일이 지난 공고는 다시 열 수 없습니다. 마감일을 고치거나 다시 올려 주세요.';

const OCCUPATION_OPTIONS = OCCUPATIONS.filter((o) => o.level === 3).map((o) => ({
  value: o.code,
  label: `${o.name} (${o.code})`,
}));

function postingForm(
  action: string,
  v: PostingFormValues,
  errors: Record<string, string>,
  csrf: string,
  key: string | null,
  submit: string,
): Html {
  const opts = (list: readonly { code: string; label: string }[]) =>
    list.map((c) => ({ value: c.code, label: c.label }));
  return html`${errorSummary(errors)}
<p class="ilteo-muted">나이·성별·혼인 여부를 조건으로 할 수 없고, 직무와 관계없는 용모·키·체중, 출신 지역, 재산, 가족의 학력·직업·재산을 물을 수 없습니다 (고령자고용법 제4조의4, 남녀고용평등법 제7조, 채용절차법 제4조의3). 임금은 2026년 최저임금(시간급 10,320원) 이상이어야 합니다.</p>
<form method="post" action="${action}" novalidate>
	${csrfField(csrf)}
	${key ? html`<input type="hidden" name="idempotencyKey" value="${key}">` : null}
	<fieldset class="fieldset ilteo-fieldset"><legend class="ilteo-legend">모집 내용</legend>
	${textInput({ id: 'title', name: 'title', label: '채용 제목', value: v.title, required: true, maxlength: 60, error: errors.title })}
	${select({ id: 'jobsCd', name: 'jobsCd', label: '모집 직종', value: v.jobsCd, required: true, options: [{ value: '', label: '선택' }, ...OCCUPATION_OPTIONS], error: errors.jobsCd })}
	${textarea('jobCont', '하는 일 (직무 내용)', v.jobCont, 3000, errors.jobCont)}
	${textInput({ id: 'collectPsncnt', name: 'collectPsncnt', label: '모집 인원 (명)', inputmode: 'numeric', value: v.collectPsncnt, required: true, error: errors.collectPsncnt })}
	${select({ id: 'career', name: 'career', label: '경력', value: v.career, options: opts(CAREERS), error: errors.career })}
	${textInput({ id: 'minCareerMonths', name: 'minCareerMonths', label: '최소 경력 (개월, 경력자 모집일 때)', inputmode: 'numeric', value: v.minCareerMonths, error: errors.minCareerMonths })}
	${select({ id: 'minEdubg', name: 'minEdubg', label: '최소 학력', value: v.minEdubg, options: opts(EDUCATIONS), error: errors.minEdubg })}
	${textarea('pfCond', '우대 사항 (선택)', v.pfCond, 1000, errors.pfCond)}
	</fieldset>
	<fieldset class="fieldset ilteo-fieldset"><legend class="ilteo-legend">근로 조건</legend>
	${select({ id: 'empTpCd', name: 'empTpCd', label: '고용 형태', value: v.empTpCd, options: opts(EMPLOYMENT_TYPES), error: errors.empTpCd })}
	${select({ id: 'salTpCd', name: 'salTpCd', label: '임금 형태', value: v.salTpCd, options: opts(WAGE_TYPES), error: errors.salTpCd })}
	${textInput({ id: 'minSal', name: 'minSal', label: '최소 임금 (원)', inputmode: 'numeric', value: v.minSal, required: true, error: errors.minSal })}
	${textInput({ id: 'maxSal', name: 'maxSal', label: '최대 임금 (원, 고정급이면 비움)', inputmode: 'numeric', value: v.maxSal, error: errors.maxSal })}
	${textInput({ id: 'workHoursPerDay', name: 'workHoursPerDay', label: '1일 소정근로시간', inputmode: 'decimal', value: v.workHoursPerDay, required: true, error: errors.workHoursPerDay })}
	${textInput({ id: 'workHoursPerWeek', name: 'workHoursPerWeek', label: '주 소정근로시간', inputmode: 'decimal', value: v.workHoursPerWeek, required: true, error: errors.workHoursPerWeek })}
	${select({ id: 'holidayTpCd', name: 'holidayTpCd', label: '근무 형태', value: v.holidayTpCd, options: opts(WORK_SCHEDULES), error: errors.holidayTpCd })}
	${textarea('etcWelfare', '복리후생 (선택)', v.etcWelfare, 1000, errors.etcWelfare)}
	</fieldset>
	<fieldset class="fieldset ilteo-fieldset"><legend class="ilteo-legend">근무지</legend>
	${select({ id: 'regionCd', name: 'regionCd', label: '시군구', value: v.regionCd, required: true, options: [{ value: '', label: '선택' }, ...SIGUNGU_OPTIONS], error: errors.regionCd })}
	${textInput({ id: 'zipCd', name: 'zipCd', label: '우편번호', inputmode: 'numeric', value: v.zipCd, required: true, maxlength: 5, error: errors.zipCd })}
	${textInput({ id: 'basicAddr', name: 'basicAddr', label: '주소', value: v.basicAddr, required: true, error: errors.basicAddr })}
	${textInput({ id: 'detailAddr', name: 'detailAddr', label: '상세 주소 (선택)', value: v.detailAddr })}
	</fieldset>
	<fieldset class="fieldset ilteo-fieldset"><legend class="ilteo-legend">접수</legend>
	${textInput({ id: 'closeDt', name: 'closeDt', label: '마감일', type: 'date', value: v.closeDt, error: errors.closeDt })}
	<div class="form-group"><div class="form-conts"><div class="krds-form-check"><input type="checkbox" id="untilFilled" name="untilFilled" value="yes"${v.untilFilled === 'yes' ? html` checked` : null}><label for="untilFilled">채용시까지 (마감일 없음)</label></div></div></div>
	${textInput({ id: 'selMthd', name: 'selMthd', label: '전형 방법', value: v.selMthd, required: true, error: errors.selMthd })}
	${textInput({ id: 'rcptMthd', name: 'rcptMthd', label: '접수 방법', value: v.rcptMthd, required: true, error: errors.rcptMthd })}
	${textInput({ id: 'contactName', name: 'contactName', label: '담당자', value: v.contactName, required: true, error: errors.contactName })}
	${textInput({ id: 'contactTelno', name: 'contactTelno', label: '담당자 전화번호', type: 'tel', value: v.contactTelno, required: true, error: errors.contactTelno })}
	</fieldset>
	<div class="ilteo-actions">${button({ label: submit, type: 'submit', size: 'large' })}</div>
</form>`;
}

/** 구인인증번호 for an employer's posting: E + YYMMDD + 9 characters from the company and form key. */
export function postingNumber(companyId: number, key: string, today: string): string {
  const digest = createHash('sha256').update(`${companyId}:${key}`).digest('hex').slice(0, 12);
  return `E${today.slice(2).replaceAll('-', '')}${BigInt(`0x${digest}`).toString(36).toUpperCase().padStart(9, '0').slice(-9)}`;
}

export function employerPostingRoutes(app: FastifyInstance, deps: { database: Database; services: Services }): void {
  const { database, services } = deps;
  const page = { database, market: services.market };
  const today = () => services.jobs.today();

  const companyOf = async (request: FastifyRequest) => {
    const me = accountOf(request);
    const company = await findCompany(database, me.companyId);
    if (!company) throw new UserError(403, 'NO_COMPANY', '사업장이 없는 기업회원 계정입니다.');
    return { me, company };
  };

  /** The employer's own posting, or 404. */
  const ownPosting = async (request: FastifyRequest, wantedAuthNo: string): Promise<PostingDetail> => {
    const me = accountOf(request);
    const posting = /^[A-Za-z0-9]{1,40}$/.test(wantedAuthNo)
      ? await findPosting(database, wantedAuthNo, { primary: true })
      : undefined;
    if (!posting || posting.companyId !== me.companyId)
      throw new UserError(404, 'NOT_FOUND', '요청하신 채용공고를 찾을 수 없습니다.');
    return posting;
  };

  /**
   * Stores a new posting of the company once per form key (a repeat finds the first) and audits it.
   * Runs inside the route's command.
   */
  const register = async (
    request: FastifyRequest,
    company: { id: number; name: string; busino: string; indTpNm: string },
    content: PostingContent,
    key: string,
    action: 'posting.create' | 'posting.repost',
    details?: Record<string, string>,
  ) => {
    const me = accountOf(request);
    const posting: NewPosting = {
      ...content,
      wantedAuthNo: postingNumber(company.id, key, today()),
      company: company.name,
      busino: company.busino,
      indTpNm: company.indTpNm,
      regDt: today(),
    };
    const { created } = await insertOnePosting(database, posting, company.id, today());
    if (created)
      await audit(database, {
        actor: { id: me.id, kind: me.kind },
        action,
        outcome: 'success',
        target: { type: 'posting', id: posting.wantedAuthNo },
        ...clientOf(request),
        ...(details ? { details } : {}),
      });
    return { wantedAuthNo: posting.wantedAuthNo, created };
  };

  const render = (request: FastifyRequest, reply: FastifyReply, title: string, body: Html) =>
    sendPage(request, reply, {
      title,
      breadcrumbs: [{ label: '기업 서비스', href: '/employer' }, { label: title }],
      main: html`<h1 class="heading-xlarge">${title}</h1>${body}`,
    });

  app.get('/employer/postings/new', EMPLOYER, async (request, reply) =>
    render(
      request,
      reply,
      '채용공고 등록',
      postingForm('/employer/postings', emptyPostingForm(), {}, csrfToken(reply), randomUUID(), '등록하기'),
    ),
  );

  app.post('/employer/postings', writes(EMPLOYER, 'employer.createPosting'), async (request, reply) => {
    const { company } = await companyOf(request);
    const body = request.body as Record<string, unknown>;
    const key =
      typeof body.idempotencyKey === 'string' && IDEMPOTENCY_KEY.test(body.idempotencyKey) ? body.idempotencyKey : null;
    const parsed = parsePostingForm(body, today());
    if (!parsed.ok || !key) {
      reply.status(400);
      const errors = parsed.ok
        ? { _form: '등록 양식이 올바르지 않습니다. 새로 고친 뒤 다시 시도해 주세요.' }
        : parsed.errors;
      return render(
        request,
        reply,
        '채용공고 등록',
        postingForm('/employer/postings', parsed.values, errors, csrfToken(reply), key ?? randomUUID(), '등록하기'),
      );
    }
    const content = parsed.value;
    // The outcome holds the new 구인인증번호: a repeat of this form is sent to the same posting.
    const { outcome } = await request.command(() => register(request, company, content, key, 'posting.create'));
    return reply.redirect(
      `/employer/postings/${outcome.wantedAuthNo}?${outcome.created ? 'created' : 'already'}=1`,
      303,
    );
  });

  app.get<{ Params: { id: string } }>('/employer/postings/:id/edit', EMPLOYER, async (request, reply) => {
    const posting = await ownPosting(request, request.params.id);
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
      const { me, company } = await companyOf(request);
      const posting = await ownPosting(request, request.params.id);
      const parsed = parsePostingForm(request.body as Record<string, unknown>, today());
      if (!parsed.ok) {
        reply.status(400);
        return render(
          request,
          reply,
          '채용공고 수정',
          postingForm(
            `/employer/postings/${posting.wantedAuthNo}/edit`,
            parsed.values,
            parsed.errors,
            csrfToken(reply),
            null,
            '저장하기',
          ),
        );
      }
      const content = parsed.value;
      const { outcome } = await request.command(async () => {
        await updatePostingContent(
          database,
          {
            ...content,
            wantedAuthNo: posting.wantedAuthNo,
            company: company.name,
            busino: company.busino,
            indTpNm: company.indTpNm,
            regDt: posting.regDt,
          },
          company.id,
          today(),
        );
        await audit(database, {
          actor: { id: me.id, kind: me.kind },
          action: 'posting.edit',
          outcome: 'success',
          target: { type: 'posting', id: posting.wantedAuthNo },
          ...clientOf(request),
        });
        return { redirect: `/employer/postings/${posting.wantedAuthNo}?saved=1` };
      });
      return sendOutcome(reply, outcome);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/employer/postings/:id/status',
    writes(EMPLOYER, 'employer.setPostingStatus'),
    async (request, reply) => {
      const { me, company } = await companyOf(request);
      const posting = await ownPosting(request, request.params.id);
      const status = (request.body as Record<string, unknown>)?.status;
      const again = (code: number, message: string) => {
        reply.status(code);
        return sendPostingPage(page, request, reply, posting.wantedAuthNo, { errors: { _form: message } });
      };
      if (status !== 'open' && status !== 'paused' && status !== 'closed')
        return again(400, '바꿀 상태가 올바르지 않습니다. 다시 열기, 일시 중지, 마감하기 가운데 하나를 눌러 주세요.');
      if (status === 'open' && posting.closeDt !== null && posting.closeDt < today())
        return again(409, DEADLINE_PASSED);
      try {
        const { outcome } = await request.command(async () => {
          const changed = await setPostingStatus(
            database,
            posting.wantedAuthNo,
            company.id,
            status as PostingStatus,
            today(),
          );
          // The deadline passed between the check above and now (midnight).
          if (!changed) throw new UserError(409, 'DEADLINE_PASSED', DEADLINE_PASSED);
          await audit(database, {
            actor: { id: me.id, kind: me.kind },
            action: `posting.${status}`,
            outcome: 'success',
            target: { type: 'posting', id: posting.wantedAuthNo },
            ...clientOf(request),
          });
          return { redirect: `/employer/postings/${posting.wantedAuthNo}?status=${status}` };
        });
        return sendOutcome(reply, outcome);
      } catch (err) {
        if (err instanceof UserError && err.code === 'DEADLINE_PASSED') return again(409, err.message);
        throw err;
      }
    },
  );

  app.post<{ Params: { id: string } }>(
    '/employer/postings/:id/repost',
    writes(EMPLOYER, 'employer.repostPosting'),
    async (request, reply) => {
      const { company } = await companyOf(request);
      const posting = await ownPosting(request, request.params.id);
      const key = (request.body as Record<string, unknown>)?.idempotencyKey;
      if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))
        throw new UserError(400, 'BAD_KEY', '다시 올리기 양식이 올바르지 않습니다. 새로 고친 뒤 다시 시도해 주세요.');
      const duration = posting.closeDt ? Math.max(7, daysBetween(posting.regDt, posting.closeDt)) : null;
      const content = postingFormValues(posting as unknown as PostingContent);
      const parsed = parsePostingForm(
        {
          ...content,
          closeDt: duration === null ? '' : addDays(today(), duration),
          untilFilled: duration === null ? 'yes' : '',
        },
        today(),
      );
      if (!parsed.ok) {
        // An old posting that no longer passes today's rules (e.g. a raised minimum wage) is edited first.
        reply.status(422);
        return render(
          request,
          reply,
          '채용공고 다시 올리기',
          html`<p>이전 공고를 오늘 기준으로 다시 확인해 주세요.</p>${postingForm('/employer/postings', parsed.values, parsed.errors, csrfToken(reply), key, '등록하기')}`,
        );
      }
      const copy = parsed.value;
      // The outcome holds the copy's 구인인증번호: a repeat is sent to the same copy.
      const { outcome } = await request.command(() =>
        register(request, company, copy, key, 'posting.repost', { from: posting.wantedAuthNo }),
      );
      return reply.redirect(`/employer/postings/${outcome.wantedAuthNo}?created=1`, 303);
    },
  );
}
