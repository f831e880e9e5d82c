/**
 * 고용센터 업무, the 개인회원 pages: the centre's list, and one person's record — their 구직신청 and
 * 입사지원 (read-only: there is no counsellor page for them) and their 구직급여 신청, each linked to its
 * review page when it is at the counsellor's centre.
 */
import { CLAIM_STATUS } from '../benefits/labels.ts';
import { EMPLOYMENT_TYPES } from '../jobs/codes.ts';
import { APPLICATION_STATUS } from '../market/store.ts';
import { occupationLabel } from '../reference/occupations.ts';
import { regionName } from '../reference/regions.ts';
import { formatDate, formatDateTime } from '../shared/dates.ts';
import { won } from '../shared/korean.ts';
import { descriptionList, emptyState, table } from '../web/components.ts';
import { type Html, html } from '../web/html.ts';
import type { ClientRecord, ClientRow } from './service.ts';

/** 고용센터 업무: the centre's 개인회원 (`centreName`: the counsellor's; `scope` null: every centre). */
export function clientListPage(scope: string | null, centreName: string | null, clients: readonly ClientRow[]): Html {
  return html`<h1 class="heading-xlarge">고용센터 업무</h1>
<p>${scope === null ? '모든 고용센터' : centreName}의 개인회원입니다. <a href="/centre/claims">구직급여 심사로 가기</a> · <a href="/centre/claims/waiting">이직확인서를 기다리는 신청</a> · <a href="/centre/disputes">피보험자격 확인 청구</a> · <a href="/centre/counter">창구 접수 (오프라인 가능)</a></p>
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
}`;
}

/** One 개인회원's record. */
export function clientPage(record: ClientRecord): Html {
  const { client } = record;
  return html`<h1 class="heading-xlarge">${client.name} 님</h1>
${descriptionList({
  items: [
    { term: '아이디', description: client.loginId },
    { term: '이메일', description: client.email ?? '-' },
    { term: '관할 고용센터', description: client.centreName ?? '-' },
    { term: '가입일', description: formatDateTime(client.createdAt) },
  ],
})}
<p><a href="/centre/certificates/clients/${client.id}">이직확인서 요청·확인</a></p>
${profileSection(record.profile)}
${claimsSection(record)}
${applicationsSection(record.applications)}`;
}

function profileSection(profile: ClientRecord['profile']): Html {
  const empType = EMPLOYMENT_TYPES.find((e) => e.code === profile?.empType);
  return html`<section class="ilteo-section" aria-labelledby="job-seeking"><h2 id="job-seeking" class="heading-medium">구직신청</h2>
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
}</section>`;
}

function claimsSection({ scope, claims }: ClientRecord): Html {
  return html`<section class="ilteo-section" aria-labelledby="client-claims"><h2 id="client-claims" class="heading-medium">구직급여 신청</h2>
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
}</section>`;
}

function applicationsSection(applications: ClientRecord['applications']): Html {
  return html`<section class="ilteo-section" aria-labelledby="client-applications"><h2 id="client-applications" class="heading-medium">입사지원</h2>
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
}</section>`;
}
