/**
 * 기업회원 (employer) pages, first part: the 사업장 and its own postings. An employer sees only
 * postings of their own 사업장; another company's posting answers 404, like one that does not exist.
 * Posting management and applicants come with the job-market feature.
 */

import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/index.ts';
import { accountOf, allow } from '../identity/access.ts';
import { audit, clientOf } from '../identity/audit.ts';
import { formatBusino } from '../identity/rules.ts';
import { formatDateTime } from '../identity/views.ts';
import { APPLICATION_STATUS, type ApplicationStatus, EMPLOYER_STATUSES, type MarketStore } from '../market/store.ts';
import { alert, button, descriptionList, emptyState, select, table } from '../web/components.ts';
import { UserError } from '../web/errors.ts';
import { html } from '../web/html.ts';
import { sendPage } from '../web/page.ts';
import { csrfField, csrfToken } from '../web/security.ts';

interface OwnPosting extends Record<string, unknown> {
  wantedAuthNo: string;
  title: string;
  status: string;
  regDt: string;
  closeDt: string | null;
  collectPsncnt: number;
}

const STATUS = { open: '접수 중', paused: '일시 중지', closed: '마감' } as const;

const NOTICES: Record<string, string> = {
  created: '채용공고를 등록했습니다. 채용정보 검색에 바로 나타납니다.',
  already: '이미 등록한 채용공고입니다 (같은 양식이 두 번 보내졌습니다).',
  saved: '수정한 내용을 저장했습니다.',
};

function notice(query: Record<string, string | undefined>) {
  const key = Object.keys(NOTICES).find((k) => query[k] !== undefined);
  if (key) return alert({ variant: 'success', role: 'status', title: NOTICES[key] ?? '' });
  if (query.moved !== undefined)
    return alert({
      variant: 'success',
      role: 'status',
      title: `지원자 ${Number(query.moved) || 0}명의 상태를 바꿨습니다.`,
    });
  if (query.status && query.status in STATUS)
    return alert({
      variant: 'success',
      role: 'status',
      title: `상태를 "${STATUS[query.status as keyof typeof STATUS]}"(으)로 바꿨습니다.`,
    });
  return null;
}
const EMPLOYER = allow('employer');

export function employerRoutes(app: FastifyInstance, deps: { database: Database; market: MarketStore }): void {
  const { database, market } = deps;
  const columns = sql`wanted_auth_no AS "wantedAuthNo", title, status, reg_dt::text AS "regDt", close_dt::text AS "closeDt",
    collect_psncnt AS "collectPsncnt"`;

  app.get<{ Querystring: { welcome?: string } }>('/employer', EMPLOYER, async (request, reply) => {
    const me = accountOf(request);
    const postings = await database.query<OwnPosting>(
      sql`SELECT ${columns} FROM postings WHERE company_id = ${me.companyId} ORDER BY reg_dt DESC, id DESC LIMIT 100`,
    );
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
    ? emptyState({ title: '등록한 채용공고가 없습니다', body: '채용공고 등록은 곧 열립니다.' })
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
    async (request, reply) => {
      const me = accountOf(request);
      // The primary: an employer opens this right after saving, and must see what they saved.
      const [posting] = await database.query<OwnPosting>(
        sql`SELECT ${columns} FROM postings WHERE wanted_auth_no = ${request.params.id.slice(0, 40)} AND company_id = ${me.companyId}`,
      );
      if (!posting) throw new UserError(404, 'NOT_FOUND', '요청하신 채용공고를 찾을 수 없습니다.');
      const applicants = await market.applicants(me.companyId ?? 0, posting.wantedAuthNo);
      const token = csrfToken(reply);
      return sendPage(request, reply, {
        title: posting.title,
        breadcrumbs: [{ label: '기업 서비스', href: '/employer' }, { label: posting.title }],
        main: html`<h1 class="heading-xlarge">${posting.title}</h1>
${notice(request.query)}
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
    ? emptyState({ title: '아직 지원자가 없습니다' })
    : html`<form method="post" action="/employer/postings/${posting.wantedAuthNo}/applicants" novalidate>
${csrfField(token)}
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
    html`<div class="krds-form-check"><input type="checkbox" id="pick-${a.id}" name="ids" value="${a.id}"><label for="pick-${a.id}"><span class="sr-only">${a.applicantName} 선택</span></label></div>`,
    html`<a href="/employer/applications/${a.id}">${a.applicantName}</a>`,
    a.resumeTitle,
    formatDateTime(a.appliedAt),
    a.status === 'received'
      ? html`<strong>${APPLICATION_STATUS[a.status]} (미열람)</strong>`
      : APPLICATION_STATUS[a.status],
  ]),
})}
<div class="ilteo-actions">
${select({ id: 'bulkStatus', name: 'status', label: '선택한 지원자를', value: '', options: [{ value: '', label: '선택' }, ...EMPLOYER_STATUSES.map((s) => ({ value: s, label: `${APPLICATION_STATUS[s]}(으)로` }))] })}
${button({ label: '한꺼번에 바꾸기', type: 'submit', variant: 'secondary' })}
</div>
</form>`
}</section>`,
      });
    },
  );

  app.post<{ Params: { id: string } }>('/employer/postings/:id/applicants', EMPLOYER, async (request, reply) => {
    const me = accountOf(request);
    const body = request.body as Record<string, unknown>;
    const status = typeof body.status === 'string' ? body.status : '';
    if (!(EMPLOYER_STATUSES as readonly string[]).includes(status))
      throw new UserError(400, 'BAD_STATUS', '바꿀 상태를 골라 주세요.');
    const raw = Array.isArray(body.ids) ? body.ids : [body.ids];
    const ids = raw
      .map(Number)
      .filter((n) => Number.isSafeInteger(n) && n > 0)
      .slice(0, 500);
    if (ids.length === 0) throw new UserError(400, 'NONE_PICKED', '바꿀 지원자를 골라 주세요.');
    // Only applications to this posting of the employer's own company are moved; others are ignored.
    const own = new Set(
      (await market.applicants(me.companyId ?? 0, request.params.id.slice(0, 40), 5000)).map((a) => a.id),
    );
    let moved = 0;
    for (const id of ids.filter((i) => own.has(i)))
      if (await market.setStatus(id, me.id, status as ApplicationStatus, ['received', 'viewed', 'passed', 'interview']))
        moved++;
    await audit(database, {
      actor: { id: me.id, kind: me.kind },
      action: 'applicant.bulk-status',
      outcome: 'success',
      target: { type: 'posting', id: request.params.id.slice(0, 40) },
      ...clientOf(request),
      details: { status, picked: ids.length, moved },
    });
    return reply.redirect(
      `/employer/postings/${encodeURIComponent(request.params.id.slice(0, 40))}?moved=${moved}`,
      303,
    );
  });
}
