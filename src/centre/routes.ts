/**
 * 고용센터 업무 (the job-centre back office), first part: a counsellor sees the 개인회원 whose
 * 관할 고용센터 is their own centre, and nobody else's. Operators see every centre. Opening a
 * person's record is a staff action and goes to the audit log. The person's page shows their
 * 구직신청 and 입사지원 (read-only: there is no counsellor page for them) and lists their 구직급여
 * 신청, each linked to its review page (src/centre/claim-routes.ts) when it is at the counsellor's centre.
 */
import type { FastifyInstance } from 'fastify';
import { CLAIM_STATUS } from '../benefits/labels.ts';
import type { BenefitsService } from '../benefits/service.ts';
import type { Database } from '../db/index.ts';
import { accountOf, allow } from '../identity/access.ts';
import { findAccount } from '../identity/accounts.ts';
import { audit, clientOf } from '../identity/audit.ts';
import { EMPLOYMENT_TYPES } from '../jobs/codes.ts';
import { APPLICATION_STATUS, type MarketStore } from '../market/store.ts';
import { occupationLabel } from '../reference/occupations.ts';
import { regionName } from '../reference/regions.ts';
import { formatDate, formatDateTime } from '../shared/dates.ts';
import { won } from '../shared/korean.ts';
import { descriptionList, emptyState, table } from '../web/components.ts';
import { UserError } from '../web/errors.ts';
import { html } from '../web/html.ts';
import { sendPage } from '../web/page.ts';
import { claimRoutes, scopeOf } from './claim-routes.ts';
import { clientsOf } from './store.ts';

const STAFF = allow('counsellor', 'operator');

export function centreRoutes(
  app: FastifyInstance,
  deps: { database: Database; benefits: BenefitsService; market: MarketStore },
): void {
  const { database, benefits, market } = deps;
  claimRoutes(app, deps);

  app.get('/centre', STAFF, async (request, reply) => {
    const me = accountOf(request);
    const scope = scopeOf(me);
    const clients = await clientsOf(database, scope);
    await audit(database, {
      actor: { id: me.id, kind: me.kind },
      action: 'client.list',
      outcome: 'success',
      target: { type: 'centre', id: scope ?? 'all' },
      ...clientOf(request),
      details: { shown: clients.length },
    });
    return sendPage(request, reply, {
      title: '고용센터 업무',
      breadcrumbs: [{ label: '고용센터 업무' }],
      main: html`<h1 class="heading-xlarge">고용센터 업무</h1>
<p>${scope === null ? '모든 고용센터' : me.centreName}의 개인회원입니다. <a href="/centre/claims">구직급여 심사로 가기</a> · <a href="/centre/counter">창구 접수 (오프라인 가능)</a></p>
${
  clients.length === 0
    ? emptyState({
        title: '관할 개인회원이 없습니다',
        body: '개인회원이 관할 고용센터로 이 센터를 고르면 여기에 보입니다.',
      })
    : table({
        caption: `관할 개인회원 ${clients.length}명: 이름, 아이디, 고용센터, 가입일`,
        columns: [{ header: '이름' }, { header: '아이디' }, { header: '고용센터' }, { header: '가입일' }],
        rows: clients.map((c) => [
          html`<a href="/centre/clients/${c.id}">${c.name}</a>`,
          c.loginId,
          c.centreName,
          formatDateTime(c.createdAt),
        ]),
        rowHeaders: true,
      })
}`,
    });
  });

  app.get<{ Params: { id: string } }>('/centre/clients/:id', STAFF, async (request, reply) => {
    const me = accountOf(request);
    const scope = scopeOf(me);
    const id = Number(request.params.id);
    const client = Number.isSafeInteger(id) ? await findAccount(database, id) : undefined;
    const visible = client && client.kind === 'seeker' && (scope === null || client.centreCode === scope);
    await audit(database, {
      actor: { id: me.id, kind: me.kind },
      action: 'client.view',
      outcome: visible ? 'success' : 'denied',
      target: { type: 'account', id: request.params.id.slice(0, 20) },
      ...clientOf(request),
    });
    // Someone outside the centre is answered exactly like someone who does not exist.
    if (!visible || !client) throw new UserError(404, 'NOT_FOUND', '요청하신 개인회원을 찾을 수 없습니다.');
    const [profile, claims, applications] = await Promise.all([
      market.profile(client.id),
      benefits.claimsOf(client.id),
      market.applicationsOf(client.id),
    ]);
    const empType = EMPLOYMENT_TYPES.find((e) => e.code === profile?.empType);
    return sendPage(request, reply, {
      title: `${client.name} 님`,
      breadcrumbs: [{ label: '고용센터 업무', href: '/centre' }, { label: client.name }],
      main: html`<h1 class="heading-xlarge">${client.name} 님</h1>
${descriptionList({
  items: [
    { term: '아이디', description: client.loginId },
    { term: '이메일', description: client.email ?? '-' },
    { term: '관할 고용센터', description: client.centreName ?? '-' },
    { term: '가입일', description: formatDateTime(client.createdAt) },
  ],
})}
<section class="ilteo-section" aria-labelledby="job-seeking"><h2 id="job-seeking" class="heading-medium">구직신청</h2>
${
  profile
    ? descriptionList({
        columns: 2,
        items: [
          {
            term: '희망직종',
            description: profile.occupations.map((o) => `${occupationLabel(o) || o} (${o})`).join(', ') || '-',
          },
          { term: '희망지역', description: profile.regions.map((r) => regionName(r) || r).join(', ') || '-' },
          {
            term: '희망임금 (월)',
            description: profile.wageMonthly > 0 ? won(profile.wageMonthly) : '상관없음',
          },
          { term: '고용 형태', description: empType?.label ?? '상관없음' },
          { term: '일할 수 있는 날', description: formatDate(profile.availableFrom) },
        ],
      })
    : html`<p>구직신청을 하지 않았습니다. 본인이 내 정보 &gt; 구직신청에서 하거나 창구에서 접수할 수 있습니다.</p>`
}</section>
<section class="ilteo-section" aria-labelledby="client-claims"><h2 id="client-claims" class="heading-medium">구직급여 신청</h2>
${
  claims.length === 0
    ? html`<p>구직급여 신청이 없습니다.</p>`
    : table({
        caption: `구직급여 신청 ${claims.length}건: 실업신고일, 고용센터, 상태, 구직급여일액, 받은 날 / 소정급여일수`,
        columns: [
          { header: '실업신고일' },
          { header: '고용센터' },
          { header: '상태' },
          { header: '구직급여일액', align: 'right' },
          { header: '받은 날 / 소정급여일수', align: 'right' },
        ],
        rowHeaders: true,
        rows: claims.map((c) => [
          // Its review page when the claim is at this centre; another centre's is listed, not opened.
          scope === null || c.centreCode === scope
            ? html`<a href="/centre/claims/${c.id}">${formatDate(c.reportDate)} 신청<span class="sr-only"> 심사 화면</span></a>`
            : `${formatDate(c.reportDate)} 신청`,
          c.centreName,
          CLAIM_STATUS[c.status].label,
          won(c.dailyAmount),
          `${c.paidDays}일 / ${c.benefitDays}일`,
        ]),
      })
}</section>
<section class="ilteo-section" aria-labelledby="client-applications"><h2 id="client-applications" class="heading-medium">입사지원</h2>
${
  applications.length === 0
    ? html`<p>일터에서 한 입사지원이 없습니다.</p>`
    : table({
        caption: `입사지원 ${applications.length}건: 지원일, 채용공고, 회사, 이력서, 상태`,
        columns: [
          { header: '지원일' },
          { header: '채용공고' },
          { header: '회사' },
          { header: '이력서' },
          { header: '상태' },
        ],
        rows: applications.map((a) => [
          formatDate(a.appliedAt),
          html`<a href="/jobs/${encodeURIComponent(a.wantedAuthNo)}">${a.title}</a>`,
          a.companyName,
          a.resumeTitle,
          APPLICATION_STATUS[a.status],
        ]),
      })
}</section>`,
    });
  });
}
