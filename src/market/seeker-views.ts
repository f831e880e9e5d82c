/** 구직신청, 맞춤 채용정보, 관심 채용정보, 저장한 검색 and 알림: the seeker's pages. */
import { EMPLOYMENT_TYPES } from '../jobs/codes.ts';
import { formatWage } from '../jobs/wages.ts';
import { OCCUPATIONS, occupationLabel } from '../reference/occupations.ts';
import { regionName, SIGUNGU_OPTIONS } from '../reference/regions.ts';
import { formatNumber } from '../shared/korean.ts';
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
import type { Errors, Values } from '../web/forms.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import type { Scored } from './recommend.ts';
import { describeSearch } from './saved-search.ts';
import type { Notification, SavedSearch } from './saved-store.ts';
import type { RecommendationCandidate, SeekerProfile } from './seeker-store.ts';

const LEVEL3 = OCCUPATIONS.filter((o) => o.level === 3);
const OCC_OPTIONS = [
  { value: '', label: '선택 안 함' },
  ...LEVEL3.map((o) => ({ value: o.code, label: `${o.name} (${o.code})` })),
];
const REGION_OPTIONS = [{ value: '', label: '선택 안 함' }, ...SIGUNGU_OPTIONS];

/** 구직신청: 희망직종 and 희망지역 (3 each), 희망임금, 고용 형태, 일할 수 있는 날. */
export function profilePage(values: Values, errors: Errors, saved: boolean, csrf: string): Html {
  return html`<h1 class="heading-xlarge">구직신청</h1>
<p>원하는 일자리를 알려 주시면 맞춤 채용정보를 골라 드립니다. 희망직종과 희망지역은 3개까지 고를 수 있습니다.</p>
${saved ? alert({ variant: 'success', role: 'status', title: '구직신청을 저장했습니다.', body: html`<a href="/my/recommendations">맞춤 채용정보 보기</a>` }) : null}
${errorSummary(errors)}
<form method="post" action="/my/job-seeking" novalidate>
	${csrfField(csrf)}
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
</form>`;
}

/** 맞춤 채용정보 before a 구직신청: where to make one. */
export function noProfilePage(): Html {
  return html`<h1 class="heading-xlarge">맞춤 채용정보</h1>${emptyState({ title: '구직신청을 먼저 해 주세요', body: '희망직종과 희망지역을 알려 주시면 맞는 공고를 골라 드립니다.' })}<div class="ilteo-actions">${linkButton({ href: '/my/job-seeking', label: '구직신청 하기' })}</div>`;
}

/** 맞춤 채용정보: the wishes they were ranked by, and each posting with the reasons it was picked. */
export function recommendationsPage(r: {
  profile: SeekerProfile;
  hasResume: boolean;
  ranked: Scored<RecommendationCandidate>[];
}): Html {
  const { profile, ranked } = r;
  return html`<h1 class="heading-xlarge">맞춤 채용정보</h1>
<p>희망직종 ${profile.occupations.map(occupationLabel).join(', ')} · 희망지역 ${profile.regions.map(regionName).join(', ')}${profile.wageMonthly ? ` · 희망임금 월 ${formatNumber(profile.wageMonthly / 10_000)}만원` : ''} (<a href="/my/job-seeking">바꾸기</a>)</p>
${r.hasResume ? null : alert({ variant: 'info', title: '이력서를 쓰면 경력·학력 조건까지 맞춰 골라 드립니다.', body: html`<a href="/my/resumes/new">이력서 쓰기</a>` })}
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
}`;
}

/** 관심 채용정보: the saved postings, open or closed, each with 빼기. */
export function savedPostingsPage(list: RecommendationCandidate[], removed: boolean, csrf: string): Html {
  return html`<h1 class="heading-xlarge">관심 채용정보</h1>
${removed ? alert({ variant: 'success', role: 'status', title: '관심 채용정보에서 뺐습니다.' }) : null}
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
          html`<form method="post" action="/jobs/${p.wantedAuthNo}/unsave" class="ilteo-inline-form">${csrfField(csrf)}<input type="hidden" name="back" value="saved">${button({ label: '빼기', type: 'submit', size: 'small', variant: 'secondary' })}</form>`,
        ]),
      })
}`;
}

/** 저장한 검색: each search's name (a link to its results), its conditions in words, and 지우기. */
export function savedSearchesPage(
  list: SavedSearch[],
  notice: { saved: boolean; deleted: boolean },
  csrf: string,
): Html {
  return html`<h1 class="heading-xlarge">저장한 검색</h1>
${notice.saved ? alert({ variant: 'success', role: 'status', title: '검색 조건을 저장했습니다. 조건에 맞는 새 공고가 올라오면 알림과 이메일로 알려 드립니다.' }) : null}
${notice.deleted ? alert({ variant: 'success', role: 'status', title: '저장한 검색을 지웠습니다. 이 조건의 새 공고 알림은 더 오지 않습니다.' }) : null}
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
          html`<form method="post" action="/my/saved-searches/${s.id}/delete" class="ilteo-inline-form">${csrfField(csrf)}${button({ label: '지우기', type: 'submit', size: 'small', variant: 'secondary' })}</form>`,
        ]),
      })
}`;
}

/** 알림: the newest 100, each a link to its posting (the path only: never another site). */
export function notificationsPage(list: Notification[], read: boolean, csrf: string): Html {
  return html`<h1 class="heading-xlarge">알림</h1>
${read ? alert({ variant: 'success', role: 'status', title: '알림을 모두 읽음으로 표시했습니다.' }) : null}
${
  list.length === 0
    ? emptyState({
        title: '알림이 없습니다',
        body: '구직신청이나 저장한 검색에 맞는 새 공고가 올라오면 여기에 알려 드립니다.',
      })
    : html`<form method="post" action="/my/notifications/read" class="ilteo-actions">${csrfField(csrf)}${button({ label: '모두 읽음으로', type: 'submit', variant: 'secondary', size: 'small' })}</form>
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
}`;
}
