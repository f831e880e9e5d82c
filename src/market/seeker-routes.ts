/**
 * 구직신청 (what a seeker looks for), 맞춤 채용정보 (postings ranked by fit, with reasons) and
 * 관심 채용정보 (saved postings).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/index.ts';
import { accountOf, allow } from '../identity/access.ts';
import { EMPLOYMENT_TYPES } from '../jobs/codes.ts';
import { findPosting } from '../jobs/search.ts';
import { formatWage } from '../jobs/wages.ts';
import { OCCUPATIONS, occupationLabel } from '../reference/occupations.ts';
import { regionName, SIGUNGU_OPTIONS } from '../reference/regions.ts';
import type { Services } from '../services.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import {
  alert,
  badge,
  button,
  emptyState,
  errorSummary,
  linkButton,
  select,
  table,
  textInput,
} from '../web/components.ts';
import { UserError } from '../web/errors.ts';
import { formText } from '../web/forms.ts';
import { html } from '../web/html.ts';
import { sendPage } from '../web/page.ts';
import { csrfField, csrfToken } from '../web/security.ts';
import { parseSeekerProfile } from './profile.ts';
import { candidateKeys, narrowKeys, recommend } from './recommend.ts';
import { careerMonths } from './resume.ts';
import { describeSearch, savedSearchName } from './saved-search.ts';
import type { MarketStore, SeekerProfile } from './store.ts';

const SEEKER = allow('seeker');
const LEVEL3 = OCCUPATIONS.filter((o) => o.level === 3);
const OCC_OPTIONS = [
  { value: '', label: '선택 안 함' },
  ...LEVEL3.map((o) => ({ value: o.code, label: `${o.name} (${o.code})` })),
];
const REGION_OPTIONS = [{ value: '', label: '선택 안 함' }, ...SIGUNGU_OPTIONS];

export function seekerRoutes(
  app: FastifyInstance,
  deps: { database: Database; market: MarketStore; services: Services },
): void {
  const { database, market, services } = deps;

  const renderProfile = (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors: Record<string, string>,
    saved = false,
  ) =>
    sendPage(request, reply, {
      title: '구직신청',
      breadcrumbs: [{ label: '내 정보', href: '/my' }, { label: '구직신청' }],
      main: html`<h1 class="heading-xlarge">구직신청</h1>
<p>원하는 일자리를 알려 주시면 맞춤 채용정보를 골라 드립니다. 희망직종과 희망지역은 3개까지 고를 수 있습니다.</p>
${saved ? alert({ variant: 'success', role: 'status', title: '구직신청을 저장했습니다.', body: html`<a href="/my/recommendations">맞춤 채용정보 보기</a>` }) : null}
${errorSummary(errors)}
<form method="post" action="/my/job-seeking" novalidate>
	${csrfField(csrfToken(reply))}
	<fieldset class="fieldset ilteo-fieldset"><legend class="ilteo-legend">희망직종</legend>
	${[0, 1, 2].map((i) => select({ id: `occupation${i}`, name: `occupation${i}`, label: `희망직종 ${i + 1}`, options: OCC_OPTIONS, value: values[`occupation${i}`] ?? '', ...(i === 0 ? { error: errors.occupation0 } : {}) }))}
	</fieldset>
	<fieldset class="fieldset ilteo-fieldset"><legend class="ilteo-legend">희망지역</legend>
	${[0, 1, 2].map((i) => select({ id: `region${i}`, name: `region${i}`, label: `희망지역 ${i + 1}`, options: REGION_OPTIONS, value: values[`region${i}`] ?? '', ...(i === 0 ? { error: errors.region0 } : {}) }))}
	</fieldset>
	${textInput({ id: 'wageMonthly', name: 'wageMonthly', label: '희망임금 (월, 만원)', inputmode: 'numeric', value: values.wageMonthly ?? '', hint: '비워 두면 상관없음', error: errors.wageMonthly })}
	${select({ id: 'empType', name: 'empType', label: '고용 형태', options: [{ value: '', label: '상관없음' }, ...EMPLOYMENT_TYPES.map((e) => ({ value: e.code, label: e.label }))], value: values.empType ?? '' })}
	${textInput({ id: 'availableFrom', name: 'availableFrom', label: '일할 수 있는 날', type: 'date', value: values.availableFrom ?? '', error: errors.availableFrom })}
	<div class="ilteo-actions">${button({ label: '저장', type: 'submit', size: 'large' })}</div>
</form>`,
    });

  const valuesOf = (p: SeekerProfile | undefined): Record<string, string> => {
    const v: Record<string, string> = {};
    if (!p) return v;
    for (const [i, o] of p.occupations.entries()) v[`occupation${i}`] = o;
    for (const [i, r] of p.regions.entries()) v[`region${i}`] = r;
    v.wageMonthly = p.wageMonthly > 0 ? String(p.wageMonthly / 10_000) : '';
    v.empType = p.empType;
    v.availableFrom = p.availableFrom ?? '';
    return v;
  };

  app.get<{ Querystring: { saved?: string } }>('/my/job-seeking', SEEKER, async (request, reply) =>
    renderProfile(
      request,
      reply,
      valuesOf(await market.profile(accountOf(request).id)),
      {},
      request.query.saved !== undefined,
    ),
  );

  app.post('/my/job-seeking', writes(SEEKER, 'market.saveJobSeeking'), async (request, reply) => {
    const me = accountOf(request);
    const body = request.body;
    const { values, errors, profile } = parseSeekerProfile(body);
    if (Object.keys(errors).length > 0) {
      reply.status(400);
      return renderProfile(request, reply, values, errors);
    }
    if (!profile) throw new Error('unreachable: no errors and no profile');
    const { outcome } = await request.command(async () => {
      await market.saveProfile(me.id, profile);
      return { redirect: '/my/job-seeking?saved=1' };
    });
    return sendOutcome(reply, outcome);
  });

  app.get('/my/recommendations', SEEKER, async (request, reply) => {
    const me = accountOf(request);
    const profile = await market.profile(me.id);
    const today = services.jobs.today();
    if (!profile)
      return sendPage(request, reply, {
        title: '맞춤 채용정보',
        breadcrumbs: [{ label: '내 정보', href: '/my' }, { label: '맞춤 채용정보' }],
        main: html`<h1 class="heading-xlarge">맞춤 채용정보</h1>${emptyState({ title: '구직신청을 먼저 해 주세요', body: '희망직종과 희망지역을 알려 주시면 맞는 공고를 골라 드립니다.' })}<div class="ilteo-actions">${linkButton({ href: '/my/job-seeking', label: '구직신청 하기' })}</div>`,
      });
    const [resume] = await market.resumesOf(me.id);
    const wishes = {
      occupations: profile.occupations,
      regions: profile.regions,
      wageMonthly: profile.wageMonthly,
      careerMonths: resume ? careerMonths(resume.careers, today.slice(0, 7)) : 0,
      // Without a resume the education is unknown: no posting is ruled out for it.
      education: resume?.education ?? '99',
    };
    const candidates = await market.recommendationCandidates(
      narrowKeys(wishes),
      candidateKeys(wishes),
      profile.empType,
    );
    const ranked = recommend(wishes, candidates, today, 20);
    return sendPage(request, reply, {
      title: '맞춤 채용정보',
      breadcrumbs: [{ label: '내 정보', href: '/my' }, { label: '맞춤 채용정보' }],
      main: html`<h1 class="heading-xlarge">맞춤 채용정보</h1>
<p>희망직종 ${profile.occupations.map(occupationLabel).join(', ')} · 희망지역 ${profile.regions.map(regionName).join(', ')}${profile.wageMonthly ? ` · 희망임금 월 ${(profile.wageMonthly / 10_000).toLocaleString('ko-KR')}만원` : ''} (<a href="/my/job-seeking">바꾸기</a>)</p>
${resume ? null : alert({ variant: 'info', title: '이력서를 쓰면 경력·학력 조건까지 맞춰 골라 드립니다.', body: html`<a href="/my/resumes/new">이력서 쓰기</a>` })}
${
  ranked.length === 0
    ? emptyState({ title: '조건에 맞는 공고가 아직 없습니다', body: '희망지역이나 희망직종을 넓혀 보세요.' })
    : table({
        caption: `맞춤 채용정보 ${ranked.length}건: 공고, 회사, 근무지, 임금, 마감일, 추천 이유`,
        columns: [
          { header: '공고' },
          { header: '회사' },
          { header: '근무지' },
          { header: '임금' },
          { header: '마감일' },
          { header: '추천 이유' },
        ],
        rowHeaders: true,
        rows: ranked.map((r) => [
          html`<a href="/jobs/${r.posting.wantedAuthNo}">${r.posting.title}</a>`,
          r.posting.companyName,
          regionName(r.posting.regionCd),
          formatWage(r.posting.salTpCd, r.posting.minSal, r.posting.maxSal),
          r.posting.closeDt ?? '채용시까지',
          html`<span class="ilteo-reasons-inline">${r.reasons.join(' · ')}</span>`,
        ]),
      })
}`,
    });
  });

  const postingOf = async (id: string) => {
    const posting = /^[A-Za-z0-9]{1,40}$/.test(id) ? await findPosting(database, id, { primary: true }) : undefined;
    if (!posting) throw new UserError(404, 'NOT_FOUND', '요청하신 채용공고를 찾을 수 없습니다.');
    return posting;
  };

  app.post<{ Params: { id: string } }>(
    '/jobs/:id/save',
    writes(SEEKER, 'market.savePosting'),
    async (request, reply) => {
      const posting = await postingOf(request.params.id);
      const { outcome } = await request.command(async () => {
        await market.savePosting(accountOf(request).id, posting.id);
        return { redirect: `/jobs/${posting.wantedAuthNo}?saved=1` };
      });
      return sendOutcome(reply, outcome);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/jobs/:id/unsave',
    writes(SEEKER, 'market.unsavePosting'),
    async (request, reply) => {
      const posting = await postingOf(request.params.id);
      const { outcome } = await request.command(async () => {
        await market.unsavePosting(accountOf(request).id, posting.id);
        return {
          redirect:
            formText(request.body, 'back', 20) === 'saved'
              ? '/my/saved?removed=1'
              : `/jobs/${posting.wantedAuthNo}?unsaved=1`,
        };
      });
      return sendOutcome(reply, outcome);
    },
  );

  app.get<{ Querystring: { removed?: string } }>('/my/saved', SEEKER, async (request, reply) => {
    const list = await market.savedPostings(accountOf(request).id);
    const token = csrfToken(reply);
    return sendPage(request, reply, {
      title: '관심 채용정보',
      breadcrumbs: [{ label: '내 정보', href: '/my' }, { label: '관심 채용정보' }],
      main: html`<h1 class="heading-xlarge">관심 채용정보</h1>
${request.query.removed ? alert({ variant: 'success', role: 'status', title: '관심 채용정보에서 뺐습니다.' }) : null}
${
  list.length === 0
    ? emptyState({
        title: '저장한 채용공고가 없습니다',
        body: '채용공고 화면에서 "관심 채용정보 저장"을 누르면 여기에 모입니다.',
      })
    : table({
        caption: `관심 채용정보 ${list.length}건: 공고, 회사, 상태, 마감일, 관리`,
        columns: [
          { header: '공고' },
          { header: '회사' },
          { header: '상태' },
          { header: '마감일' },
          { header: '관리', align: 'right' },
        ],
        rowHeaders: true,
        rows: list.map((p) => [
          html`<a href="/jobs/${p.wantedAuthNo}">${p.title}</a>`,
          p.companyName,
          p.status === 'open'
            ? badge({ label: '접수 중', color: 'primary', fill: 'bg-light' })
            : badge({ label: '마감', color: 'gray', fill: 'bg-light' }),
          p.closeDt ?? '채용시까지',
          html`<form method="post" action="/jobs/${p.wantedAuthNo}/unsave" class="ilteo-inline-form">${csrfField(token)}<input type="hidden" name="back" value="saved">${button({ label: '빼기', type: 'submit', size: 'small', variant: 'secondary' })}</form>`,
        ]),
      })
}`,
    });
  });

  // ── 저장한 검색과 알림 ───────────────────────────────────────────────────────────────────────
  app.post('/my/saved-searches', writes(SEEKER, 'market.saveSearch'), async (request, reply) => {
    const me = accountOf(request);
    const query = new URLSearchParams(formText(request.body, 'query', 1000));
    query.delete('page');
    const name = savedSearchName(formText(request.body, 'name', 40), query.toString());
    const { outcome } = await request.command(async () => {
      await market.saveSearch(me.id, name, query.toString());
      return { redirect: '/my/saved-searches?saved=1' };
    });
    return sendOutcome(reply, outcome);
  });

  app.get<{ Querystring: { saved?: string; deleted?: string } }>(
    '/my/saved-searches',
    SEEKER,
    async (request, reply) => {
      const me = accountOf(request);
      const list = await market.savedSearches(me.id);
      const token = csrfToken(reply);
      return sendPage(request, reply, {
        title: '저장한 검색',
        breadcrumbs: [{ label: '내 정보', href: '/my' }, { label: '저장한 검색' }],
        main: html`<h1 class="heading-xlarge">저장한 검색</h1>
${request.query.saved ? alert({ variant: 'success', role: 'status', title: '검색 조건을 저장했습니다. 조건에 맞는 새 공고가 올라오면 알림과 이메일로 알려 드립니다.' }) : null}
${request.query.deleted ? alert({ variant: 'success', role: 'status', title: '저장한 검색을 지웠습니다. 이 조건의 새 공고 알림은 더 오지 않습니다.' }) : null}
${
  list.length === 0
    ? emptyState({
        title: '저장한 검색이 없습니다',
        body: html`<a href="/jobs">채용정보 검색</a> 결과 아래의 "이 조건 저장"을 누르세요.`,
      })
    : table({
        caption: `저장한 검색 ${list.length}개: 이름, 조건, 관리`,
        columns: [{ header: '이름' }, { header: '조건' }, { header: '관리', align: 'right' }],
        rowHeaders: true,
        rows: list.map((s) => [
          html`<a href="/jobs?${s.query}">${s.name}</a>`,
          describeSearch(s.query),
          html`<form method="post" action="/my/saved-searches/${s.id}/delete" class="ilteo-inline-form">${csrfField(token)}${button({ label: '지우기', type: 'submit', size: 'small', variant: 'secondary' })}</form>`,
        ]),
      })
}`,
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/my/saved-searches/:id/delete',
    writes(SEEKER, 'market.deleteSearch'),
    async (request, reply) => {
      const { outcome } = await request.command(async () => {
        await market.deleteSearch(accountOf(request).id, Number(/^\d{1,15}$/.exec(request.params.id)?.[0] ?? 0));
        return { redirect: '/my/saved-searches?deleted=1' };
      });
      return sendOutcome(reply, outcome);
    },
  );

  app.get<{ Querystring: { read?: string } }>('/my/notifications', SEEKER, async (request, reply) => {
    const me = accountOf(request);
    const list = await market.notifications(me.id);
    const token = csrfToken(reply);
    return sendPage(request, reply, {
      title: '알림',
      breadcrumbs: [{ label: '내 정보', href: '/my' }, { label: '알림' }],
      main: html`<h1 class="heading-xlarge">알림</h1>
${request.query.read ? alert({ variant: 'success', role: 'status', title: '알림을 모두 읽음으로 표시했습니다.' }) : null}
${
  list.length === 0
    ? emptyState({
        title: '알림이 없습니다',
        body: '구직신청이나 저장한 검색에 맞는 새 공고가 올라오면 여기에 알려 드립니다.',
      })
    : html`<form method="post" action="/my/notifications/read" class="ilteo-actions">${csrfField(token)}${button({ label: '모두 읽음으로', type: 'submit', variant: 'secondary', size: 'small' })}</form>
${table({
  caption: `알림 ${list.length}건: 내용, 받은 때, 읽음`,
  columns: [{ header: '내용' }, { header: '받은 때' }, { header: '읽음' }],
  rowHeaders: true,
  rows: list.map((n) => [
    html`<a href="${new URL(n.link, 'http://x').pathname}">${n.title}</a><br><span class="ilteo-muted">${n.body}</span>`,
    n.createdAt.slice(0, 16),
    n.readAt ? '읽음' : html`<strong>새 알림</strong>`,
  ]),
})}`
}`,
    });
  });

  app.post('/my/notifications/read', writes(SEEKER, 'market.readNotifications'), async (request, reply) => {
    const { outcome } = await request.command(async () => {
      await market.markNotificationsRead(accountOf(request).id);
      return { redirect: '/my/notifications?read=1' };
    });
    return sendOutcome(reply, outcome);
  });
}
