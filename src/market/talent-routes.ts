/**
 * 인재검색 and 인재정보 요청. Employers search public resumes only, by 직종 and 지역 (from the seeker's
 * 구직신청), 경력, 학력 and keywords; they see no name or contact until the seeker accepts a request.
 * A private resume never appears, and its number answers 404.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/index.ts';
import { accountOf, allow } from '../identity/access.ts';
import { audit, clientOf } from '../identity/audit.ts';
import { maskPersonalNumbers } from '../identity/rules.ts';
import { EDUCATIONS, labelOf } from '../jobs/codes.ts';
import { escapeLike } from '../jobs/search.ts';
import { OCCUPATIONS, occupationLabel } from '../reference/occupations.ts';
import { regionName, SIDO } from '../reference/regions.ts';
import type { Services } from '../services.ts';
import { formatDateTime } from '../shared/dates.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import { alert, button, emptyState, errorSummary, linkButton, select, table, textInput } from '../web/components.ts';
import { UserError } from '../web/errors.ts';
import { formText } from '../web/forms.ts';
import { html } from '../web/html.ts';
import { sendPage } from '../web/page.ts';
import { csrfField, csrfToken } from '../web/security.ts';
import { type Career, careerMonths } from './resume.ts';
import { resumeView } from './routes.ts';
import type { MarketStore, Resume } from './store.ts';
import { maskName } from './talent.ts';

const EMPLOYER = allow('employer');
const SEEKER = allow('seeker');

interface TalentRow extends Record<string, unknown> {
  id: number;
  title: string;
  education: string;
  careers: Career[];
  skills: string;
  ownerName: string;
  occupations: string[] | null;
  regions: string[] | null;
  updatedAt: string;
}

export function talentRoutes(
  app: FastifyInstance,
  deps: { database: Database; market: MarketStore; services: Services },
): void {
  const { database, market, services } = deps;
  const thisMonth = () => services.jobs.today().slice(0, 7);

  app.get('/employer/talent', EMPLOYER, async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const f = {
      occupation: formText(q, 'occupation', 3),
      sido: formText(q, 'sido', 5),
      education: formText(q, 'education', 2),
      minCareer: formText(q, 'minCareer', 3),
      q: formText(q, 'q', 40),
    };
    const where = [sql`r.is_public`];
    if (/^\d{1,3}$/.test(f.occupation))
      where.push(sql`EXISTS (SELECT 1 FROM unnest(p.occupations) o WHERE o LIKE ${`${f.occupation}%`})`);
    if (/^\d{5}$/.test(f.sido))
      where.push(sql`EXISTS (SELECT 1 FROM unnest(p.regions) g WHERE left(g, 2) = ${f.sido.slice(0, 2)})`);
    if (EDUCATIONS.some((e) => e.code === f.education)) where.push(sql`r.education >= ${f.education}`);
    if (f.q) {
      const like = `%${escapeLike(f.q)}%`;
      where.push(
        sql`(r.title ILIKE ${like} OR r.skills ILIKE ${like} OR r.certificates ILIKE ${like} OR r.introduction ILIKE ${like})`,
      );
    }
    const rows = await database.read<TalentRow>(
      sql`SELECT r.id::int AS id, r.title, r.education, r.careers, r.skills, a.name AS "ownerName", p.occupations, p.regions,
                 r.updated_at::text AS "updatedAt"
          FROM resumes r JOIN accounts a ON a.id = r.owner_id AND a.status = 'active'
          LEFT JOIN job_seeker_profiles p ON p.account_id = r.owner_id
          WHERE ${sql.join(where, sql` AND `)}
          ORDER BY r.updated_at DESC, r.id DESC LIMIT 300`,
    );
    const minCareer = Number(f.minCareer) || 0;
    const found = rows.filter((r) => careerMonths(r.careers, thisMonth()) >= minCareer).slice(0, 50);
    return sendPage(request, reply, {
      title: '인재검색',
      breadcrumbs: [{ label: '기업 서비스', href: '/employer' }, { label: '인재검색' }],
      main: html`<h1 class="heading-xlarge">인재검색</h1>
<p>공개한 이력서만 보입니다. 이름과 연락처는 구직자가 인재정보 요청을 수락하면 보입니다.</p>
<form method="get" action="/employer/talent" class="ilteo-filter" role="search" aria-label="인재검색">
	${select({ id: 'occupation', name: 'occupation', label: '희망직종 (대분류)', value: f.occupation, options: [{ value: '', label: '전체' }, ...OCCUPATIONS.filter((o) => o.level === 1).map((o) => ({ value: o.code, label: o.name }))] })}
	${select({ id: 'sido', name: 'sido', label: '희망지역 (시도)', value: f.sido, options: [{ value: '', label: '전국' }, ...SIDO.map((s) => ({ value: s.code, label: s.name }))] })}
	${select({ id: 'education', name: 'education', label: '최소 학력', value: f.education, options: [{ value: '', label: '상관없음' }, ...EDUCATIONS.filter((e) => e.code !== '00').map((e) => ({ value: e.code, label: `${e.label} 이상` }))] })}
	${select({
    id: 'minCareer',
    name: 'minCareer',
    label: '경력',
    value: f.minCareer,
    options: [
      { value: '', label: '상관없음' },
      { value: '12', label: '1년 이상' },
      { value: '36', label: '3년 이상' },
      { value: '60', label: '5년 이상' },
      { value: '120', label: '10년 이상' },
    ],
  })}
	${textInput({ id: 'q', name: 'q', label: '검색어 (기술·자격증)', value: f.q })}
	<div class="ilteo-actions">${button({ label: '찾기', type: 'submit' })}</div>
</form>
${
  found.length === 0
    ? Object.values(f).every((v) => v === '')
      ? emptyState({
          title: '인재검색에 공개된 이력서가 아직 없습니다',
          body: '구직자가 이력서를 인재검색에 공개하면 여기에서 찾을 수 있습니다.',
        })
      : emptyState({
          title: '조건에 맞는 인재가 없습니다',
          body: html`<ul class="krds-info-list dash">
			${f.q ? html`<li>검색어(기술·자격증)의 철자를 확인하거나 더 짧은 말로 찾아보세요.</li>` : null}
			<li>희망직종·희망지역·학력·경력 조건을 줄여 보세요.</li>
		</ul>`,
          actions: [linkButton({ href: '/employer/talent', label: '조건 없이 보기', variant: 'secondary' })],
        })
    : table({
        caption: `인재 ${found.length}명: 이름, 이력서, 희망직종, 희망지역, 경력, 학력`,
        columns: [
          { header: '이름' },
          { header: '이력서' },
          { header: '희망직종' },
          { header: '희망지역' },
          { header: '경력' },
          { header: '학력' },
        ],
        rowHeaders: true,
        rows: found.map((r) => [
          html`<a href="/employer/talent/${r.id}">${maskName(r.ownerName)}</a>`,
          r.title,
          (r.occupations ?? []).map(occupationLabel).join(', ') || '-',
          (r.regions ?? []).map(regionName).join(', ') || '-',
          `${Math.floor(careerMonths(r.careers, thisMonth()) / 12)}년 ${careerMonths(r.careers, thisMonth()) % 12}개월`,
          labelOf(EDUCATIONS, r.education),
        ]),
      })
}`,
    });
  });

  /** A public resume for an employer, or 404 (a private one is answered like one that does not exist). */
  const publicResume = async (rawId: string) => {
    const id = Number(rawId);
    const resume = Number.isSafeInteger(id) && id > 0 ? await market.resume(id) : undefined;
    if (!resume?.isPublic) throw new UserError(404, 'NOT_FOUND', '이력서를 찾을 수 없습니다.');
    return resume;
  };

  const requestOf = async (resumeId: number, companyId: number) => {
    const [row] = await database.query<{ id: number; status: string; createdAt: string }>(
      sql`SELECT id::int AS id, status, created_at::text AS "createdAt" FROM contact_requests WHERE resume_id = ${resumeId} AND company_id = ${companyId}`,
    );
    return row;
  };

  /** A public resume for the employer, with the 인재정보 요청 form (and its error, what was typed). */
  const renderTalent = async (
    request: FastifyRequest,
    reply: FastifyReply,
    resume: Resume,
    opts: { sent?: boolean; error?: string; message?: string } = {},
  ) => {
    const me = accountOf(request);
    const existing = await requestOf(resume.id, me.companyId ?? 0);
    const [owner] = await database.query<{ name: string; email: string | null }>(
      sql`SELECT name, email FROM accounts WHERE id = ${resume.ownerId}`,
    );
    const accepted = existing?.status === 'accepted';
    return sendPage(request, reply, {
      title: opts.error ? '오류: 인재 이력서' : '인재 이력서',
      breadcrumbs: [
        { label: '기업 서비스', href: '/employer' },
        { label: '인재검색', href: '/employer/talent' },
        { label: resume.title },
      ],
      main: html`<h1 class="heading-xlarge">${accepted ? owner?.name : maskName(owner?.name ?? '')} · ${resume.title}</h1>
${opts.error ? errorSummary({ message: opts.error }) : null}
${opts.sent ? alert({ variant: 'success', role: 'status', title: '인재정보 요청을 보냈습니다. 구직자가 수락하면 연락처가 보입니다.' }) : null}
${accepted ? alert({ variant: 'success', title: '구직자가 요청을 수락했습니다.', body: `연락처: ${owner?.email ?? '(이메일 없음)'}` }) : null}
${resumeView(resume)}
<section class="ilteo-section" aria-labelledby="contact"><h2 id="contact" class="heading-medium">인재정보 요청</h2>
${
  existing
    ? html`<p>${formatDateTime(existing.createdAt)}에 요청했습니다 · 상태: <strong>${existing.status === 'pending' ? '답변 대기' : existing.status === 'accepted' ? '수락' : '거절'}</strong></p>`
    : html`<form method="post" action="/employer/talent/${resume.id}/request" class="ilteo-subform" novalidate>
	${csrfField(csrfToken(reply))}
	${textInput({ id: 'message', name: 'message', label: '구직자에게 보낼 말 (어떤 자리인지)', value: opts.message ?? '', required: true, maxlength: 300, error: opts.error })}
	<div class="ilteo-actions">${button({ label: '인재정보 요청', type: 'submit' })}</div>
</form>`
}</section>`,
    });
  };

  app.get<{ Params: { id: string }; Querystring: { sent?: string } }>(
    '/employer/talent/:id',
    EMPLOYER,
    async (request, reply) =>
      renderTalent(request, reply, await publicResume(request.params.id), { sent: Boolean(request.query.sent) }),
  );

  app.post<{ Params: { id: string } }>(
    '/employer/talent/:id/request',
    writes(EMPLOYER, 'market.requestContact'),
    async (request, reply) => {
      const me = accountOf(request);
      const resume = await publicResume(request.params.id);
      const message = maskPersonalNumbers(formText(request.body, 'message', 300));
      if (!message) {
        reply.status(400);
        return renderTalent(request, reply, resume, {
          error: '구직자에게 보낼 말을 적어 주세요. 어떤 자리인지 알려 주면 구직자가 답하기 쉽습니다.',
          message: formText(request.body, 'message', 300),
        });
      }
      // The request and its audit row: one transaction.
      const { outcome } = await request.command(async () => {
        await database.query(
          sql`INSERT INTO contact_requests (resume_id, company_id, requested_by, message)
            VALUES (${resume.id}, ${me.companyId}, ${me.id}, ${message}) ON CONFLICT DO NOTHING`,
        );
        await audit(database, {
          actor: { id: me.id, kind: me.kind },
          action: 'talent.request',
          outcome: 'success',
          target: { type: 'resume', id: resume.id },
          ...clientOf(request),
        });
        return { redirect: `/employer/talent/${resume.id}?sent=1` };
      });
      return sendOutcome(reply, outcome);
    },
  );

  const renderRequests = async (
    request: FastifyRequest,
    reply: FastifyReply,
    opts: { answered?: string; error?: string } = {},
  ) => {
    const me = accountOf(request);
    const rows = await database.query<{
      id: number;
      companyName: string;
      resumeTitle: string;
      message: string;
      status: string;
      createdAt: string;
    }>(
      sql`SELECT cr.id::int AS id, c.name AS "companyName", r.title AS "resumeTitle", cr.message, cr.status, cr.created_at::text AS "createdAt"
          FROM contact_requests cr JOIN resumes r ON r.id = cr.resume_id JOIN companies c ON c.id = cr.company_id
          WHERE r.owner_id = ${me.id} ORDER BY cr.created_at DESC`,
    );
    const token = csrfToken(reply);
    return sendPage(request, reply, {
      title: opts.error ? '오류: 인재정보 요청' : '인재정보 요청',
      breadcrumbs: [{ label: '내 정보', href: '/my' }, { label: '인재정보 요청' }],
      main: html`<h1 class="heading-xlarge">받은 인재정보 요청</h1>
${opts.error ? errorSummary({ _form: opts.error }) : null}
${
  opts.answered === 'accepted'
    ? alert({ variant: 'success', role: 'status', title: '요청을 수락했습니다. 그 기업에 이름과 이메일이 보입니다.' })
    : opts.answered === 'declined'
      ? alert({
          variant: 'success',
          role: 'status',
          title: '요청을 거절했습니다. 그 기업에는 이름과 연락처가 보이지 않습니다.',
        })
      : null
}
<p>기업이 공개 이력서를 보고 연락을 요청했습니다. 수락하면 그 기업에 이름과 이메일이 보입니다.</p>
${
  rows.length === 0
    ? emptyState({
        title: '받은 인재정보 요청이 없습니다',
        body: html`이력서를 인재검색에 공개하면 기업이 연락을 요청할 수 있고, 요청이 오면 여기에 나타납니다. <a href="/my/resumes">이력서 관리</a>에서 공개 여부를 바꿀 수 있습니다.`,
      })
    : table({
        caption: `인재정보 요청 ${rows.length}건: 기업, 이력서, 내용, 받은 날, 상태`,
        columns: [
          { header: '기업' },
          { header: '이력서' },
          { header: '내용' },
          { header: '받은 날' },
          { header: '상태' },
        ],
        rowHeaders: true,
        rows: rows.map((r) => [
          r.companyName,
          r.resumeTitle,
          r.message,
          formatDateTime(r.createdAt),
          r.status === 'pending'
            ? html`<form method="post" action="/my/contact-requests/${r.id}" class="ilteo-inline-form">${csrfField(token)}<input type="hidden" name="decision" value="accepted">${button({ label: '수락', type: 'submit', size: 'small' })}</form>
<form method="post" action="/my/contact-requests/${r.id}" class="ilteo-inline-form">${csrfField(token)}<input type="hidden" name="decision" value="declined">${button({ label: '거절', type: 'submit', size: 'small', variant: 'secondary' })}</form>`
            : r.status === 'accepted'
              ? '수락함'
              : '거절함',
        ]),
      })
}`,
    });
  };

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
      const id = Number(request.params.id);
      const { outcome } = await request.command(async () => {
        const rows = await database.query<{ id: number }>(
          sql`UPDATE contact_requests cr SET status = ${decision}, decided_at = now()
              FROM resumes r WHERE cr.id = ${Number.isSafeInteger(id) ? id : 0} AND r.id = cr.resume_id AND r.owner_id = ${me.id}
                AND cr.status = 'pending'
              RETURNING cr.id::int AS id`,
        );
        if (rows.length === 0) throw new UserError(404, 'NOT_FOUND', '요청을 찾을 수 없습니다.');
        return { redirect: `/my/contact-requests?answered=${decision}` };
      });
      return sendOutcome(reply, outcome);
    },
  );
}
