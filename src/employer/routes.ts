/**
 * 기업회원 (employer) pages, first part: the 사업장 and its own postings. An employer sees only
 * postings of their own 사업장; another company's posting answers 404, like one that does not exist.
 * Posting management and applicants come with the job-market feature.
 */

import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/index.ts';
import { accountOf, allow } from '../identity/access.ts';
import { audit, clientOf } from '../identity/audit.ts';
import { formatBusino } from '../identity/rules.ts';
import { APPLICATION_STATUS, EMPLOYER_STATUSES, type MarketStore } from '../market/store.ts';
import { formatDateTime } from '../shared/dates.ts';
import { josa } from '../shared/korean.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import {
  alert,
  button,
  descriptionList,
  emptyState,
  errorSummary,
  linkButton,
  select,
  table,
} from '../web/components.ts';
import { UserError } from '../web/errors.ts';
import { type Html, html } from '../web/html.ts';
import { sendPage } from '../web/page.ts';
import { csrfField, csrfToken } from '../web/security.ts';
import { ownPosting, ownPostings } from './store.ts';

export const STATUS = { open: '접수 중', paused: '일시 중지', closed: '마감' } as const;

const NOTICES: Record<string, string> = {
  created: '채용공고를 등록했습니다. 채용정보 검색에 바로 나타납니다.',
  already: '이미 등록한 채용공고입니다 (같은 양식이 두 번 보내졌습니다).',
  saved: '수정한 내용을 저장했습니다.',
};

const isEmployerStatus = (s: unknown): s is (typeof EMPLOYER_STATUSES)[number] =>
  (EMPLOYER_STATUSES as readonly unknown[]).includes(s);

/**
 * The success notice after an action on the posting page (its redirect's query): 등록, 저장, the
 * posting's status, and applicants moved — "지원자 3명의 상태를 서류합격으로 바꿨습니다."
 */
export function postingNotice(
  query: Record<string, string | undefined>,
  applicants: readonly { id: number; applicantName: string }[] = [],
): Html | null {
  const key = Object.keys(NOTICES).find((k) => query[k] !== undefined);
  if (key) return alert({ variant: 'success', role: 'status', title: NOTICES[key] ?? '' });
  if (query.moved !== undefined && isEmployerStatus(query.to)) {
    const to = josa(APPLICATION_STATUS[query.to], '으로/로');
    const moved = Math.max(0, Math.floor(Number(query.moved) || 0));
    const picked = Math.max(moved, Math.floor(Number(query.picked) || moved));
    const one = query.applicant ? applicants.find((a) => String(a.id) === query.applicant) : undefined;
    if (moved === 0)
      return alert({
        variant: 'info',
        role: 'status',
        title: one
          ? `${one.applicantName} 님은 이미 ${to} 바뀌었거나 전형이 끝나 상태를 바꾸지 않았습니다.`
          : `고른 지원자 ${picked}명은 이미 ${to} 바뀌었거나 전형이 끝나 상태를 바꾸지 않았습니다.`,
      });
    return alert({
      variant: 'success',
      role: 'status',
      title: one
        ? `${one.applicantName} 님의 상태를 ${to} 바꿨습니다.`
        : `지원자 ${moved}명의 상태를 ${to} 바꿨습니다.`,
      ...(picked > moved
        ? { body: `고른 ${picked}명 가운데 ${picked - moved}명은 이미 그 상태이거나 전형이 끝나 그대로 두었습니다.` }
        : {}),
    });
  }
  if (query.status && query.status in STATUS)
    return alert({
      variant: 'success',
      role: 'status',
      title: `공고 상태를 ${josa(`"${STATUS[query.status as keyof typeof STATUS]}"`, '으로/로')} 바꿨습니다.`,
    });
  return null;
}

/** What the applicants form was sent with, when it comes back with errors. */
export interface ApplicantsForm {
  errors: Record<string, string>;
  picked: readonly number[];
  status: string;
}

/** Reads the 한꺼번에 바꾸기 form: the status and the picked applicants, or a message per field. Pure. */
export function parseApplicantsForm(
  body: Record<string, unknown>,
): { ok: true; status: (typeof EMPLOYER_STATUSES)[number]; ids: number[] } | ({ ok: false } & ApplicantsForm) {
  const status = typeof body.status === 'string' ? body.status : '';
  const raw = Array.isArray(body.ids) ? body.ids : body.ids === undefined ? [] : [body.ids];
  const ids = [
    ...new Set(
      raw
        .map(Number)
        .filter((n) => Number.isSafeInteger(n) && n > 0)
        .slice(0, 500),
    ),
  ];
  const errors: Record<string, string> = {};
  if (ids.length === 0) errors.ids = '상태를 바꿀 지원자를 골라 주세요.';
  if (!isEmployerStatus(status)) errors.bulkStatus = '선택한 지원자를 어떤 상태로 바꿀지 골라 주세요.';
  if (Object.keys(errors).length > 0 || !isEmployerStatus(status)) return { ok: false, errors, picked: ids, status };
  return { ok: true, status, ids };
}

const EMPLOYER = allow('employer');

/**
 * The employer's page of one of their postings, with its applicants: after a GET (with the notice of
 * the action just done), or again after a form on it came back with errors — the errors summarised at
 * the top and marked on their fields, what was picked still picked. Another company's posting is 404.
 */
export async function sendPostingPage(
  deps: { database: Database; market: MarketStore },
  request: FastifyRequest,
  reply: FastifyReply,
  rawId: string,
  opts: { query?: Record<string, string | undefined>; form?: ApplicantsForm; errors?: Record<string, string> } = {},
) {
  const { database, market } = deps;
  const me = accountOf(request);
  // The primary: an employer opens this right after saving, and must see what they saved.
  const posting = await ownPosting(database, me.companyId, rawId);
  if (!posting) throw new UserError(404, 'NOT_FOUND', '요청하신 채용공고를 찾을 수 없습니다.');
  const applicants = await market.applicants(me.companyId ?? 0, posting.wantedAuthNo);
  const token = csrfToken(reply);
  const form = opts.form ?? { errors: {}, picked: [], status: '' };
  const picked = new Set(form.picked);
  const first = applicants[0];
  const pickError = form.errors.ids;
  // The summary links each message to its field: the first checkbox stands for the picks.
  const summary: Record<string, string> = { ...opts.errors };
  if (pickError) summary[first ? `pick-${first.id}` : '_form'] = pickError;
  if (form.errors.bulkStatus) summary.bulkStatus = form.errors.bulkStatus;
  return sendPage(request, reply, {
    title: Object.keys(summary).length > 0 ? `오류: ${posting.title}` : posting.title,
    breadcrumbs: [{ label: '기업 서비스', href: '/employer' }, { label: posting.title }],
    main: html`<h1 class="heading-xlarge">${posting.title}</h1>
${errorSummary(summary)}
${opts.query ? postingNotice(opts.query, applicants) : null}
<div class="ilteo-actions">
	<a class="krds-btn medium secondary" href="/employer/postings/${posting.wantedAuthNo}/edit">수정</a>
	${(['open', 'paused', 'closed'] as const)
    .filter((s) => s !== posting.status)
    .map(
      (s) =>
        html`<form method="post" action="/employer/postings/${posting.wantedAuthNo}/status" class="ilteo-inline-form">${csrfField(token)}<input type="hidden" name="status" value="${s}">${button({ label: s === 'open' ? '다시 열기' : s === 'paused' ? '일시 중지' : '마감하기', type: 'submit', variant: 'secondary' })}</form>`,
    )}
	<form method="post" action="/employer/postings/${posting.wantedAuthNo}/repost" class="ilteo-inline-form">${csrfField(token)}<input type="hidden" name="idempotencyKey" value="${randomUUID()}">${button({ label: '다시 올리기', type: 'submit', variant: 'tertiary' })}</form>
</div>
${descriptionList({
  items: [
    { term: '구인인증번호', description: posting.wantedAuthNo },
    { term: '상태', description: STATUS[posting.status as keyof typeof STATUS] ?? posting.status },
    { term: '등록일', description: posting.regDt },
    { term: '마감일', description: posting.closeDt ?? '채용시까지' },
    { term: '모집 인원', description: `${posting.collectPsncnt}명` },
  ],
})}
<p><a href="/jobs/${posting.wantedAuthNo}">구직자에게 보이는 공고 보기</a></p>
<section class="ilteo-section" aria-labelledby="applicants"><h2 id="applicants" class="heading-medium">지원자 ${applicants.length}명</h2>
${
  applicants.length === 0
    ? emptyState({
        title: '아직 지원자가 없습니다',
        body:
          posting.status === 'open'
            ? '구직자가 이 공고에 지원하면 여기에 나타납니다. 지원자가 생기면 이력서를 열어 보고 전형 단계를 바꿀 수 있습니다.'
            : '이 공고는 지금 지원을 받지 않습니다. 다시 열면 구직자가 지원할 수 있습니다.',
      })
    : html`<form method="post" action="/employer/postings/${posting.wantedAuthNo}/applicants" novalidate>
${csrfField(token)}
${pickError ? html`<div class="form-group"><p class="form-hint-invalid" id="ids-error">${pickError}</p></div>` : null}
${table({
  caption: `지원자 ${applicants.length}명: 선택, 이름, 이력서, 지원일, 상태`,
  columns: [
    { header: html`<span class="sr-only">선택</span>`, width: 'narrow' },
    { header: '이름' },
    { header: '이력서' },
    { header: '지원일' },
    { header: '상태' },
  ],
  rows: applicants.map((a) => [
    html`<div class="krds-form-check"><input type="checkbox" id="pick-${a.id}" name="ids" value="${a.id}"${picked.has(a.id) ? html` checked` : null}${pickError ? html` aria-invalid="true" aria-describedby="ids-error"` : null}><label for="pick-${a.id}"><span class="sr-only">${a.applicantName} 선택</span></label></div>`,
    html`<a href="/employer/applications/${a.id}">${a.applicantName}</a>`,
    a.resumeTitle,
    formatDateTime(a.appliedAt),
    a.status === 'received'
      ? html`<strong>${APPLICATION_STATUS[a.status]} (미열람)</strong>`
      : APPLICATION_STATUS[a.status],
  ]),
})}
<div class="ilteo-actions">
${select({ id: 'bulkStatus', name: 'status', label: '선택한 지원자를', value: form.status, options: [{ value: '', label: '선택' }, ...EMPLOYER_STATUSES.map((s) => ({ value: s, label: josa(APPLICATION_STATUS[s], '으로/로') }))], error: form.errors.bulkStatus })}
${button({ label: '한꺼번에 바꾸기', type: 'submit', variant: 'secondary' })}
</div>
</form>`
}</section>`,
  });
}

export function employerRoutes(app: FastifyInstance, deps: { database: Database; market: MarketStore }): void {
  const { database, market } = deps;

  app.get<{ Querystring: { welcome?: string } }>('/employer', EMPLOYER, async (request, reply) => {
    const me = accountOf(request);
    const postings = await ownPostings(database, me.companyId);
    return sendPage(request, reply, {
      title: '기업 서비스',
      breadcrumbs: [{ label: '기업 서비스' }],
      main: html`<h1 class="heading-xlarge">기업 서비스</h1>
${request.query.welcome ? alert({ variant: 'success', role: 'status', title: '기업회원 가입을 마쳤습니다.' }) : null}
<div class="ilteo-actions"><a class="krds-btn medium primary" href="/employer/postings/new">새 채용공고 등록</a> <a class="krds-btn medium secondary" href="/employer/talent">인재검색</a> <a class="krds-btn medium secondary" href="/employer/company">기업 정보</a></div>
${descriptionList({
  items: [
    { term: '사업장', description: me.companyName ?? '-' },
    { term: '사업자등록번호', description: me.busino ? formatBusino(me.busino) : '-' },
    { term: '담당자', description: me.name },
  ],
})}
<h2 class="heading-medium">우리 사업장 채용공고</h2>
${
  postings.length === 0
    ? emptyState({
        title: '등록한 채용공고가 없습니다',
        body: '채용공고를 등록하면 여기에서 상태를 바꾸고 지원자를 볼 수 있습니다.',
        actions: [linkButton({ href: '/employer/postings/new', label: '새 채용공고 등록', variant: 'secondary' })],
      })
    : table({
        caption: `우리 사업장 채용공고 ${postings.length}건: 제목, 상태, 등록일, 마감일, 모집 인원`,
        columns: [
          { header: '제목' },
          { header: '상태' },
          { header: '등록일' },
          { header: '마감일' },
          { header: '모집 인원', align: 'right' },
        ],
        rows: postings.map((p) => [
          html`<a href="/employer/postings/${p.wantedAuthNo}">${p.title}</a>`,
          STATUS[p.status as keyof typeof STATUS] ?? p.status,
          p.regDt,
          p.closeDt ?? '채용시까지',
          `${p.collectPsncnt}명`,
        ]),
        rowHeaders: true,
      })
}`,
    });
  });

  app.get<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>(
    '/employer/postings/:id',
    EMPLOYER,
    async (request, reply) => sendPostingPage(deps, request, reply, request.params.id, { query: request.query }),
  );

  app.post<{ Params: { id: string } }>(
    '/employer/postings/:id/applicants',
    writes(EMPLOYER, 'employer.moveApplicants'),
    async (request, reply) => {
      const me = accountOf(request);
      const parsed = parseApplicantsForm(request.body as Record<string, unknown>);
      if (!parsed.ok) {
        reply.status(400);
        return sendPostingPage(deps, request, reply, request.params.id, { form: parsed });
      }
      const { status, ids } = parsed;
      const wantedAuthNo = request.params.id.slice(0, 40);
      // Only applications to this posting of the employer's own company are moved; others are ignored.
      const own = new Set((await market.applicants(me.companyId ?? 0, wantedAuthNo, 5000)).map((a) => a.id));
      const mine = ids.filter((i) => own.has(i));
      const { outcome } = await request.command(async () => {
        let moved = 0;
        for (const id of mine)
          if (await market.setStatus(id, me.id, status, ['received', 'viewed', 'passed', 'interview'])) moved++;
        await audit(database, {
          actor: { id: me.id, kind: me.kind },
          action: 'applicant.bulk-status',
          outcome: 'success',
          target: { type: 'posting', id: wantedAuthNo },
          ...clientOf(request),
          details: { status, picked: ids.length, moved },
        });
        return {
          redirect: `/employer/postings/${encodeURIComponent(wantedAuthNo)}?moved=${moved}&picked=${mine.length}&to=${status}`,
        };
      });
      return sendOutcome(reply, outcome);
    },
  );
}
