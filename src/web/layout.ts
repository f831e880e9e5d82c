/**
 * The page chrome: a whole HTML document in the KRDS (Korea Design System) layout — skip link,
 * official-site masthead, header with utility links and main menu, optional banner slot, breadcrumb,
 * `<main id="main">`, footer. Markup is copied from `krds-uiux/html/code/{skip_link,masthead,header,
 * breadcrumb,footer,identifier}.html`, trimmed to the parts that work without JavaScript:
 *
 * - The main menu has no sub-menus (every item is a link, `gnb-main-trigger is-link`), so KRDS's
 *   JavaScript-only mobile drawer is not used; `public/css/ilteo.css` keeps the menu visible on
 *   narrow screens instead.
 * - The header is not sticky (ilteo.css): KRDS hides a sticky header on scroll with JavaScript only.
 * - KRDS's `ui-script.js` is included (`defer`, with the CSP nonce). With this markup it only adds
 *   arrow-key movement between main-menu items; the page does not depend on it.
 */
import { attr, type Html, html, raw } from './html.ts';
import { fontUrl, krdsUrl, staticUrl } from './krds/static.ts';

/** The banner slot: a page served from the outage cache gets the banners of now put here. */
export const BANNER_START = '<!--ilteo:banner-->';
export const BANNER_END = '<!--/ilteo:banner-->';

export interface Breadcrumb {
  label: string;
  href?: string;
}

export interface LayoutOptions {
  /** Page title, without the site name. */
  title: string;
  lang: 'ko' | 'en';
  main: Html;
  /** Trail after 홈 (added automatically); the last item without `href` is the current page. */
  breadcrumbs?: { label: string; href?: string }[];
  /** Request path without the query, e.g. `/jobs/123`; marks the current main-menu item. */
  currentPath: string;
  /** Rendered right under the header, e.g. `criticalAlerts(...)` for an incident. */
  banner?: Html;
  /** CSP nonce for the script element. */
  nonce?: string;
  /** Extra elements for `<head>` (page-specific meta, links). */
  head?: Html;
  /** The signed-in person: name, their area (기업 서비스, 고용센터 업무 …) and the sign-out CSRF token. */
  user?: SignedInUser;
}

export interface SignedInUser {
  name: string;
  area?: { href: string; ko: string; en: string };
  csrf: string;
}

/** Whether the KRDS script is loaded (see the module comment). */
const INCLUDE_KRDS_SCRIPT = true;

interface MenuItem {
  href: string;
  ko: string;
  en: string;
}

const MAIN_MENU: readonly MenuItem[] = [
  { href: '/jobs', ko: '채용정보', en: 'Jobs' },
  { href: '/benefits', ko: '실업급여', en: 'Unemployment benefits' },
  { href: '/centers', ko: '고용센터', en: 'Job centers' },
  { href: '/status', ko: '서비스 상태', en: 'Service status' },
];

const TEXT = {
  ko: {
    siteName: '일터',
    siteSub: '고용24 · 워크넷 · 고용보험',
    masthead: '이 누리집은 대한민국 공식 전자정부 누리집입니다.',
    mastheadLabel: '공식 누리집 안내',
    skip: '본문 바로가기',
    utilityLabel: '이용자 메뉴',
    login: '로그인',
    signup: '회원가입',
    my: '내 정보',
    logout: '로그아웃',
    honorific: (name: string) => `${name} 님`,
    mainMenu: '주 메뉴',
    breadcrumb: '현재 경로',
    home: '홈',
    operator: '일터 · 공공 고용서비스',
    address: '(30117) 세종특별자치시 한누리대로 422 정부세종청사 11동',
    phone: '고객상담센터 국번 없이 1350',
    phoneNote: '(유료, 평일 09시~18시)',
    centers: '가까운 고용센터 찾기',
    terms: '이용약관',
    privacy: '개인정보처리방침',
    status: '서비스 상태',
    footerMenu: '누리집 정책',
    identifier: '이 누리집은 일터 · 공공 고용서비스 누리집입니다.',
    copyright: '© 일터 Ilteo. All rights reserved.',
  },
  en: {
    siteName: 'Ilteo',
    siteSub: 'Employment 24 · WorkNet · Employment Insurance',
    masthead: 'This is an official Republic of Korea government website.',
    mastheadLabel: 'Official website notice',
    skip: 'Skip to main content',
    utilityLabel: 'User menu',
    login: 'Log in',
    signup: 'Sign up',
    my: 'My account',
    logout: 'Log out',
    honorific: (name: string) => name,
    mainMenu: 'Main menu',
    breadcrumb: 'Breadcrumb',
    home: 'Home',
    operator: 'Ilteo · Public Employment Service',
    address: 'Government Complex Sejong Building 11, 422 Hannuri-daero, Sejong 30117, Republic of Korea',
    phone: 'Customer center 1350 (no area code)',
    phoneNote: '(charges apply, weekdays 09:00–18:00)',
    centers: 'Find a job center',
    terms: 'Terms of use',
    privacy: 'Privacy policy',
    status: 'Service status',
    footerMenu: 'Site policies',
    identifier: 'This website is operated by Ilteo, the public employment service.',
    copyright: '© Ilteo (일터). All rights reserved.',
  },
} as const;

/**
 * The pages that exist in English (the service status pages). Every other page is Korean only: it has
 * no English link, and `?lang=en` on it shows the Korean page with a note in English (renderPage).
 */
const TRANSLATED = ['/status'];

/** Is the page at this path translated into English? */
export function isTranslated(path: string): boolean {
  const bare = path.split('?')[0] ?? path;
  return TRANSLATED.some((p) => bare === p || bare.startsWith(`${p}/`) || bare.startsWith(`${p}.`));
}

/** Adds `?lang=en` to internal links on English pages that lead to another English page. */
function localHref(href: string, lang: 'ko' | 'en'): string {
  if (lang === 'ko' || !isTranslated(href)) return href;
  return `${href}${href.includes('?') ? '&' : '?'}lang=en`;
}

function isCurrent(currentPath: string, href: string): boolean {
  return currentPath === href || currentPath.startsWith(`${href}/`);
}

/** Our own logo mark (a sunrise over a horizon): no official emblem is used. */
export function logoMark(className = 'ilteo-logo__mark'): Html {
  return html`<svg class="${className}" viewBox="0 0 40 40" width="40" height="40" aria-hidden="true" focusable="false"><rect class="ilteo-logo__bg" width="40" height="40" rx="9" fill="#256ef4"/><path class="ilteo-logo__fg" fill="#fff" d="M11 27a9 9 0 0 1 18 0z"/><rect class="ilteo-logo__fg" fill="#fff" x="7" y="28.5" width="26" height="3" rx="1.5"/><path class="ilteo-logo__ray" stroke="#fff" stroke-width="2.4" stroke-linecap="round" fill="none" d="M20 10.5v3.2M10.6 14.4l2.3 2.3M29.4 14.4l-2.3 2.3"/></svg>`;
}

function skipLink(t: (typeof TEXT)['ko' | 'en']): Html {
  return html`<div id="krds-skip-link">
	<a href="#main">${t.skip}</a>
</div>`;
}

function masthead(t: (typeof TEXT)['ko' | 'en']): Html {
  // A named region so the notice is inside a landmark (axe "region").
  return html`<div id="krds-masthead" role="region" aria-label="${t.mastheadLabel}">
	<div class="toggle-wrap">
		<div class="toggle-head">
			<div class="inner">
				<span class="nuri-txt">${t.masthead}</span>
			</div>
		</div>
	</div>
</div>`;
}

function header(opts: LayoutOptions, t: (typeof TEXT)['ko' | 'en']): Html {
  const { lang, currentPath } = opts;
  // Only a page that exists in English offers it (and, in English, offers Korean back).
  const switchLink = !isTranslated(currentPath)
    ? null
    : lang === 'ko'
      ? html`<li><a href="${`${currentPath}?lang=en`}" class="krds-btn small text" lang="en" hreflang="en">English</a></li>`
      : html`<li><a href="${currentPath}" class="krds-btn small text" lang="ko" hreflang="ko">한국어</a></li>`;
  const menu = MAIN_MENU.map((item) => {
    const current = isCurrent(currentPath, item.href);
    return html`
					<li><a href="${localHref(item.href, lang)}" class="gnb-main-trigger is-link${current ? ' active' : ''}" data-trigger="gnb"${attr('aria-current', current ? 'page' : null)}>${item[lang]}</a></li>`;
  });
  return html`<header id="krds-header">
	<div class="header-in">
		<div class="header-container">
			<div class="inner">
				<nav class="header-utility" aria-label="${t.utilityLabel}">
					<ul class="utility-list">
						${
              opts.user
                ? html`<li><span class="ilteo-user">${t.honorific(opts.user.name)}</span></li>${
                    opts.user.area
                      ? html`
						<li><a href="${localHref(opts.user.area.href, lang)}" class="krds-btn small text">${opts.user.area[lang]}</a></li>`
                      : null
                  }
						<li><a href="${localHref('/my', lang)}" class="krds-btn small text">${t.my}</a></li>
						<li><form method="post" action="/logout" class="ilteo-inline-form"><input type="hidden" name="_csrf" value="${opts.user.csrf}"><button type="submit" class="krds-btn small text">${t.logout}</button></form></li>`
                : html`<li><a href="${localHref('/login', lang)}" class="krds-btn small text">${t.login}</a></li>
						<li><a href="${localHref('/signup', lang)}" class="krds-btn small text">${t.signup}</a></li>`
            }
						${switchLink}
					</ul>
				</nav>
				<div class="header-branding">
					<div class="logo ilteo-logo">
						<a href="${localHref('/', lang)}" class="ilteo-logo__link">
							${logoMark()}
							<span class="ilteo-logo__text"><span class="ilteo-logo__name">${t.siteName}</span><span class="ilteo-logo__sub">${t.siteSub}</span></span>
						</a>
					</div>
				</div>
			</div>
		</div>
		<nav class="krds-main-menu" aria-label="${t.mainMenu}">
			<div class="inner">
				<ul class="gnb-menu">${menu}
				</ul>
			</div>
		</nav>
	</div>
</header>`;
}

function breadcrumb(items: readonly Breadcrumb[], lang: 'ko' | 'en', t: (typeof TEXT)['ko' | 'en']): Html {
  const last = items.length - 1;
  const crumbs = items.map((item, i) =>
    item.href !== undefined && i !== last
      ? html`
		<li><a href="${localHref(item.href, lang)}" class="txt">${item.label}</a></li>`
      : item.href !== undefined
        ? html`
		<li><a href="${localHref(item.href, lang)}" class="txt" aria-current="page">${item.label}</a></li>`
        : html`
		<li><span class="txt"${attr('aria-current', i === last ? 'page' : null)}>${item.label}</span></li>`,
  );
  return html`<nav class="krds-breadcrumb-wrap" aria-label="${t.breadcrumb}" id="breadcrumb">
	<ol class="breadcrumb">
		<li class="home"><a href="${localHref('/', lang)}" class="txt">${t.home}</a></li>${crumbs}
	</ol>
</nav>`;
}

function footer(lang: 'ko' | 'en', t: (typeof TEXT)['ko' | 'en']): Html {
  return html`<footer id="krds-footer">
	<div class="inner">
		<div class="f-logo ilteo-f-logo">
			${logoMark()}
			<span class="ilteo-logo__text"><span class="ilteo-logo__name">${t.siteName}</span><span class="ilteo-logo__sub">${t.siteSub}</span></span>
		</div>
		<div class="f-cnt">
			<div class="f-info">
				<p class="info-addr"><strong class="ilteo-operator">${t.operator}</strong> ${t.address}</p>
				<ul class="info-cs">
					<li><strong class="strong">${t.phone}</strong><span class="span">${t.phoneNote}</span></li>
				</ul>
			</div>
			<div class="f-link">
				<div class="link-go">
					<a href="${localHref('/centers', lang)}" class="krds-btn medium text">${t.centers} <i class="svg-icon ico-angle right" aria-hidden="true"></i></a>
				</div>
			</div>
		</div>
		<div class="f-btm">
			<div class="f-btm-text">
				<nav class="f-menu" aria-label="${t.footerMenu}">
					<a href="${localHref('/terms', lang)}">${t.terms}</a>
					<a href="${localHref('/privacy', lang)}" class="point">${t.privacy}</a>
					<a href="${localHref('/status', lang)}">${t.status}</a>
				</nav>
				<p class="f-copy">${t.copyright}</p>
			</div>
			<div class="krds-identifier">
				<span class="logo ilteo-identifier-logo">${logoMark('ilteo-identifier-logo__mark')}</span>
				<span class="ban-txt">${t.identifier}</span>
			</div>
		</div>
	</div>
</footer>`;
}

export function layout(opts: {
  title: string;
  lang: 'ko' | 'en';
  main: Html;
  breadcrumbs?: { label: string; href?: string }[];
  currentPath: string;
  banner?: Html;
  nonce?: string;
  head?: Html;
  user?: SignedInUser;
}): Html {
  const { lang } = opts;
  const t = TEXT[lang];
  const siteTitle = lang === 'ko' ? '일터' : 'Ilteo';
  const crumbs = opts.breadcrumbs && opts.breadcrumbs.length > 0 ? breadcrumb(opts.breadcrumbs, lang, t) : null;
  const script = INCLUDE_KRDS_SCRIPT
    ? html`
<script src="${krdsUrl('js/component/ui-script.js')}" defer${attr('nonce', opts.nonce)}></script>`
    : null;
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} | ${siteTitle}</title>
<link rel="icon" href="${staticUrl('img/favicon.svg')}" type="image/svg+xml">
<link rel="preload" href="${fontUrl('PretendardGOV-Regular.subset.woff2')}" as="font" type="font/woff2" crossorigin>
<link rel="preload" href="${fontUrl('PretendardGOV-Bold.subset.woff2')}" as="font" type="font/woff2" crossorigin>
<link rel="stylesheet" href="${krdsUrl('css/token/krds_tokens.css')}">
<link rel="stylesheet" href="${krdsUrl('css/component/output.css')}">
<link rel="stylesheet" href="${staticUrl('css/ilteo.css')}">${opts.head ?? null}${script}
</head>
<body>
${skipLink(t)}
${masthead(t)}
${header(opts, t)}
${raw(BANNER_START)}${opts.banner ? html`<div class="ilteo-banner">${opts.banner}</div>` : null}${raw(BANNER_END)}
<div class="ilteo-container">
<div class="inner">
${crumbs}
<main id="main" class="ilteo-main">
${opts.main}
</main>
</div>
</div>
${footer(lang, t)}
</body>
</html>
`;
}
