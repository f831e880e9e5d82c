/** 내 정보: the account, its sign-in methods (password, linked providers) and the devices signed in. */
import { formatDateTime } from '../shared/dates.ts';
import { button, errorSummary, table, textInput } from '../web/components.ts';
import type { Errors } from '../web/forms.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import { type Account, KIND_LABELS, type LinkedIdentity } from './accounts.ts';
import { formatBusino } from './rules.ts';
import type { SessionListItem } from './sessions.ts';
import { newPasswordFields, type ProviderButton } from './views.ts';

function describeAgent(ua: string): string {
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Chrome\//.test(ua)
      ? 'Chrome'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Safari\//.test(ua)
          ? 'Safari'
          : ua.length > 0
            ? ua.slice(0, 40)
            : '알 수 없는 브라우저';
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /Android/.test(ua)
      ? 'Android'
      : /iPhone|iPad/.test(ua)
        ? 'iOS'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return os ? `${browser} · ${os}` : browser;
}

export function methodLabel(method: string, labels: ReadonlyMap<string, string>): string {
  if (method === 'password') return '아이디·비밀번호';
  const provider = method.replace(/^oidc:/, '');
  return labels.get(provider) ?? provider;
}

export interface MyPageData {
  account: Account;
  identities: readonly LinkedIdentity[];
  providers: readonly ProviderButton[];
  sessions: readonly SessionListItem[];
  currentHash: string;
  csrf: string;
  notice: Html | null;
  errors: Errors;
  policy: { idleMinutes: number; absoluteHours: number };
}

export function myPage(opts: MyPageData): Html {
  return html`<h1 class="heading-xlarge">내 정보</h1>
${opts.notice}
${errorSummary(opts.errors)}
${profileSection(opts.account)}
${opts.account.kind === 'seeker' ? seekerLinks() : null}
${methodsSection(opts)}
${sessionsSection(opts)}`;
}

/** 회원 정보, with the 사업장 of a 기업회원 or the 고용센터 of anyone else who has one. */
function profileSection(account: Account): Html {
  const affiliation = account.companyName
    ? html`<div class="ilteo-dl__row"><dt class="ilteo-dl__term">사업장</dt><dd class="ilteo-dl__desc">${account.companyName} (${formatBusino(account.busino ?? '')})</dd></div>`
    : account.centreName
      ? html`<div class="ilteo-dl__row"><dt class="ilteo-dl__term">${account.kind === 'counsellor' ? '소속' : '관할'} 고용센터</dt><dd class="ilteo-dl__desc">${account.centreName}</dd></div>`
      : null;
  return html`<section aria-labelledby="my-profile" class="ilteo-section">
	<h2 id="my-profile" class="heading-medium">회원 정보</h2>
	<dl class="ilteo-dl ilteo-dl--2col">
		<div class="ilteo-dl__row"><dt class="ilteo-dl__term">이름</dt><dd class="ilteo-dl__desc">${account.name}</dd></div>
		<div class="ilteo-dl__row"><dt class="ilteo-dl__term">회원 구분</dt><dd class="ilteo-dl__desc">${KIND_LABELS[account.kind]}</dd></div>
		<div class="ilteo-dl__row"><dt class="ilteo-dl__term">아이디</dt><dd class="ilteo-dl__desc">${account.loginId}</dd></div>
		<div class="ilteo-dl__row"><dt class="ilteo-dl__term">이메일</dt><dd class="ilteo-dl__desc">${account.email ?? '-'}</dd></div>
		${affiliation}
	</dl>
</section>`;
}

/** A 개인회원's ways on from 내 정보. */
function seekerLinks(): Html {
  return html`<ul class="ilteo-choice-list ilteo-choice-list--row">
	<li><a class="ilteo-choice" href="/my/resumes"><strong>이력서 관리</strong><span>이력서 쓰기·고치기, 인재검색 공개</span></a></li>
	<li><a class="ilteo-choice" href="/my/applications"><strong>입사지원 현황</strong><span>지원한 공고와 진행 상태</span></a></li>
	<li><a class="ilteo-choice" href="/benefits"><strong>실업급여</strong><span>신청, 실업인정, 지급 내역</span></a></li>
	<li><a class="ilteo-choice" href="/my/insurance"><strong>내 고용보험</strong><span>피보험자격 이력, 확인 청구</span></a></li>
	<li><a class="ilteo-choice" href="/my/job-seeking"><strong>구직신청</strong><span>희망직종·희망지역·희망임금</span></a></li>
	<li><a class="ilteo-choice" href="/my/recommendations"><strong>맞춤 채용정보</strong><span>구직신청에 맞춘 공고와 추천 이유</span></a></li>
	<li><a class="ilteo-choice" href="/my/saved"><strong>관심 채용정보</strong><span>저장한 채용공고</span></a></li>
	<li><a class="ilteo-choice" href="/my/contact-requests"><strong>인재정보 요청</strong><span>공개 이력서를 본 기업의 연락 요청</span></a></li>
	<li><a class="ilteo-choice" href="/my/notifications"><strong>알림</strong><span>구직신청·저장한 검색에 맞는 새 공고</span></a></li>
	<li><a class="ilteo-choice" href="/my/saved-searches"><strong>저장한 검색</strong><span>새 공고 알림을 받는 검색 조건</span></a></li>
</ul>`;
}

/** 로그인 수단: the password and each provider (연결하기 / 연결 해제), and the password form. */
function methodsSection(opts: MyPageData): Html {
  const { account } = opts;
  const linked = new Map(opts.identities.map((i) => [i.provider, i]));
  const providerRows = opts.providers.map((p) => {
    const link = linked.get(p.id);
    const action = link
      ? html`<form method="post" action="/my/identities/${p.id}/unlink" class="ilteo-inline-form">${csrfField(opts.csrf)}${button({ label: '연결 해제', type: 'submit', size: 'small', variant: 'secondary' })}</form>`
      : p.health.state === 'down'
        ? html`<span>일시적으로 사용할 수 없음</span>`
        : html`<form method="post" action="/my/identities/${p.id}/link" class="ilteo-inline-form">${csrfField(opts.csrf)}${button({ label: '연결하기', type: 'submit', size: 'small', variant: 'secondary' })}</form>`;
    return [
      p.label,
      link ? html`연결됨 <span class="ilteo-muted">(${formatDateTime(link.linkedAt)})</span>` : '연결 안 됨',
      action,
    ];
  });
  return html`<section aria-labelledby="my-methods" class="ilteo-section">
	<h2 id="my-methods" class="heading-medium">로그인 수단</h2>
	<p>로그인 수단을 두 가지 이상 연결해 두면 한 곳에 장애가 나도 다른 수단으로 로그인할 수 있습니다.</p>
	${table({
    caption: '연결된 간편 로그인: 제공자, 연결 상태, 관리',
    columns: [{ header: '제공자' }, { header: '상태' }, { header: '관리', align: 'right' }],
    rows: [
      [
        '아이디·비밀번호',
        account.hasPassword ? '설정됨' : '설정 안 됨',
        html`<a href="#password-form">${account.hasPassword ? '비밀번호 바꾸기' : '비밀번호 정하기'}</a>`,
      ],
      ...providerRows,
    ],
    rowHeaders: true,
  })}
	<form method="post" action="/my/password" id="password-form" class="ilteo-subform" novalidate>
		<h3 class="heading-small">${account.hasPassword ? '비밀번호 바꾸기' : '비밀번호 정하기'}</h3>
		${csrfField(opts.csrf)}
		${account.hasPassword ? textInput({ id: 'currentPassword', name: 'currentPassword', label: '지금 비밀번호', type: 'password', autocomplete: 'current-password', required: true, error: opts.errors.currentPassword }) : null}
		${newPasswordFields(opts.errors)}
		<div class="ilteo-actions">${button({ label: '저장', type: 'submit' })}</div>
	</form>
</section>`;
}

/** 로그인한 기기: each active session, the one in use marked, the others with 로그아웃. */
function sessionsSection(opts: MyPageData): Html {
  const labels = new Map(opts.providers.map((p) => [p.id, p.label]));
  const sessionRows = opts.sessions.map((s) => [
    html`${describeAgent(s.userAgent)}${s.idHash === opts.currentHash ? html` <span class="krds-badge small bg-light-primary">지금 이 기기</span>` : null}`,
    methodLabel(s.method, labels),
    s.ip,
    formatDateTime(s.createdAt),
    formatDateTime(s.lastSeenAt),
    s.idHash === opts.currentHash
      ? ''
      : html`<form method="post" action="/my/sessions/revoke" class="ilteo-inline-form">${csrfField(opts.csrf)}<input type="hidden" name="session" value="${s.idHash.slice(0, 16)}">${button({ label: '로그아웃', type: 'submit', size: 'small', variant: 'secondary' })}</form>`,
  ]);
  return html`<section aria-labelledby="my-sessions" class="ilteo-section">
	<h2 id="my-sessions" class="heading-medium">로그인한 기기</h2>
	<p>로그인한 채 ${opts.policy.idleMinutes}분 넘게 쓰지 않거나 로그인 후 ${opts.policy.absoluteHours}시간이 지나면 자동으로 로그아웃됩니다. 모르는 기기가 있으면 로그아웃하고 비밀번호를 바꾸세요.</p>
	${table({
    caption: '로그인한 기기: 브라우저, 로그인 수단, IP, 로그인 시각, 마지막 사용, 관리',
    columns: [
      { header: '기기' },
      { header: '로그인 수단' },
      { header: 'IP' },
      { header: '로그인' },
      { header: '마지막 사용' },
      { header: '관리', align: 'right' },
    ],
    rows: sessionRows,
  })}
	<div class="ilteo-actions">
		<form method="post" action="/my/sessions/revoke-others" class="ilteo-inline-form">${csrfField(opts.csrf)}${button({ label: '다른 기기 모두 로그아웃', type: 'submit', variant: 'secondary' })}</form>
		<form method="post" action="/my/sessions/revoke-all" class="ilteo-inline-form">${csrfField(opts.csrf)}${button({ label: '모든 기기에서 로그아웃', type: 'submit', variant: 'tertiary' })}</form>
	</div>
</section>`;
}
