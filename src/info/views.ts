/**
 * 안내 pages: 고용센터 찾기 (a GET form — 지역 and 검색어 — over every centre with its address, phone,
 * opening hours and 관할 지역), and the site's legal documents (이용약관, 개인정보처리방침) as
 * numbered articles with a table of contents. No JavaScript: the form submits, the contents are anchors.
 */
import { SIDO } from '../reference/regions.ts';
import { josa, pickJosa } from '../shared/korean.ts';
import { alert, badge, descriptionList, emptyState, linkButton, select, textInput } from '../web/components.ts';
import { type Html, type HtmlValue, html } from '../web/html.ts';
import { staticUrl } from '../web/krds/static.ts';
import { type CentreListing, type CentreQuery, MAX_QUERY, type ServingHint } from './centres.ts';

/** The page's own stylesheet (centre cards, legal documents), for `PageOptions.head`. */
export const INFO_HEAD: Html = html`<link rel="stylesheet" href="${staticUrl('css/info.css')}">`;

/** The anchor of a centre on /centers, e.g. `centre-seoul-gangnam`. */
export const centreAnchor = (code: string) => `centre-${code}`;

/** '02-2004-7301' → 'tel:02-2004-7301'. */
const telHref = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, '')}`;

function servedAreas(c: CentreListing, allOfSido: boolean): Html {
  if (c.serves.length === 0) return html`${c.sido.name}`;
  const names = c.serves.map((s) => s.name).join(', ');
  return allOfSido && c.serves.length > 1
    ? html`${c.sido.name} 전체 <span class="ilteo-centre__areas">(${names})</span>`
    : html`<span class="ilteo-centre__areas">${c.sido.shortName} ${names}</span>`;
}

function centreCard(c: CentreListing, opts: { mine: boolean; allOfSido: boolean }): Html {
  const id = centreAnchor(c.code);
  return html`<li class="ilteo-centre" id="${id}">
	<article aria-labelledby="${id}-name">
		<h3 class="ilteo-centre__name" id="${id}-name">${c.name}${opts.mine ? html` ${badge({ label: '내 고용센터', color: 'primary', fill: 'bg-light', size: 'small' })}` : null}</h3>
		${descriptionList({
      items: [
        { term: '주소', description: c.address },
        {
          term: '전화',
          description: html`<a href="${telHref(c.phone)}" class="ilteo-centre__phone">${c.phone}</a>`,
        },
        {
          term: '운영시간',
          description: html`${c.hours.days} ${c.hours.open}~${c.hours.close}<br><span class="ilteo-muted">${c.hours.closed} 휴무</span>`,
        },
        { term: '관할 지역', description: servedAreas(c, opts.allOfSido) },
      ],
    })}
	</article>
</li>`;
}

/** '부산 해운대구는 부산고용센터가 담당합니다.' */
function hintText(h: ServingHint): Html {
  return html`${h.sido.shortName} ${josa(h.sigungu.name, '은/는')} <a href="#${centreAnchor(h.centre.code)}">${h.centre.name}</a>${pickJosa(h.centre.name, '이/가')} 담당합니다.`;
}

export function centresPage(opts: {
  query: CentreQuery;
  all: readonly CentreListing[];
  found: readonly CentreListing[];
  hints: readonly ServingHint[];
  /** The signed-in person's 고용센터 code, if they chose one. */
  myCentre: string | null;
}): Html {
  const { query, found } = opts;
  const filtered = query.sido !== '' || query.q !== '';
  const sidoName = SIDO.find((s) => s.code === query.sido)?.name;
  const perSido = new Map<string, number>();
  for (const c of opts.all) perSido.set(c.sido.code, (perSido.get(c.sido.code) ?? 0) + 1);
  const groups = SIDO.map((s) => ({ sido: s, centres: found.filter((c) => c.sido.code === s.code) })).filter(
    (g) => g.centres.length > 0,
  );
  const summary = filtered
    ? html`${sidoName ? html`<strong>${sidoName}</strong>` : '전국'}${query.q ? html`에서 <strong>‘${query.q}’</strong> 검색` : null} 결과 고용센터 <strong>${found.length}곳</strong>`
    : html`전국 고용센터 <strong>${found.length}곳</strong>`;
  // Korean only, also on English pages (`?lang=en` changes the site chrome): marked so it is read as Korean.
  return html`<div class="ilteo-centres" lang="ko">
<h1 class="heading-xlarge">고용센터 찾기</h1>
<p class="ilteo-lead">구직신청과 취업 상담, 실업급여(구직급여) 수급자격 신청과 실업인정은 사는 곳을 관할하는 고용센터에서 합니다. 사는 시군구를 검색하면 담당 고용센터를 알려 드립니다.</p>
${searchForm(query, filtered)}
${hintsAlert(opts.hints)}
<p class="ilteo-centre-count" role="status">${summary}</p>
${resultGroups(groups, opts.myCentre, perSido)}
<section class="ilteo-section ilteo-centre-call" aria-labelledby="centre-phone">
	<h2 class="heading-medium" id="centre-phone">전화 상담</h2>
	<p>고용노동부 고객상담센터 <strong>국번 없이 1350</strong> (유료, 평일 09:00~18:00)에서 고용센터 위치, 실업급여, 구직신청을 안내받을 수 있습니다. 실업급여 예상 금액은 <a href="/benefits/estimate">예상 수급액 계산</a>에서 로그인 없이 볼 수 있습니다.</p>
</section>
</div>`;
}

function searchForm(query: CentreQuery, filtered: boolean): Html {
  return html`<form class="ilteo-centre-search" method="get" action="/centers" role="search" aria-label="고용센터 검색">
	${select({
    id: 'sido',
    name: 'sido',
    label: '지역 (시도)',
    value: query.sido,
    options: [{ value: '', label: '전국' }, ...SIDO.map((s) => ({ value: s.code, label: s.name }))],
  })}
	${textInput({
    id: 'q',
    name: 'q',
    type: 'search',
    label: '검색어',
    value: query.q,
    maxlength: MAX_QUERY,
    hint: '고용센터 이름, 주소, 시군구 (예: 해운대구, 분당, 천안)',
  })}
	<div class="ilteo-centre-search__actions">
		<button type="submit" class="krds-btn medium primary">검색</button>${
      filtered
        ? html`
		${linkButton({ href: '/centers', label: '전체 보기', variant: 'secondary' })}`
        : null
    }
	</div>
</form>`;
}

function hintsAlert(hints: readonly ServingHint[]): Html | null {
  return hints.length > 0
    ? alert({
        variant: 'info',
        title: '담당 고용센터',
        body:
          hints.length === 1 && hints[0]
            ? hintText(hints[0])
            : html`<ul class="krds-info-list dash">${hints.map(
                (h) =>
                  html`<li>${h.sido.shortName} ${h.sigungu.name}: <a href="#${centreAnchor(h.centre.code)}">${h.centre.name}</a></li>`,
              )}</ul>`,
      })
    : null;
}

function resultGroups(
  groups: readonly { sido: (typeof SIDO)[number]; centres: readonly CentreListing[] }[],
  myCentre: string | null,
  perSido: ReadonlyMap<string, number>,
): Html | Html[] {
  return groups.length === 0
    ? emptyState({
        title: '조건에 맞는 고용센터가 없습니다',
        body: html`<ul class="krds-info-list dash">
			<li>시군구 이름은 ‘해운대구’, ‘분당’처럼 한 곳만 적어 보세요.</li>
			<li>지역을 ‘전국’으로 바꾸어 보세요.</li>
			<li>전화로 물어보시려면 고객상담센터 국번 없이 1350 (평일 09:00~18:00)으로 연락해 주세요.</li>
		</ul>`,
        actions: [linkButton({ href: '/centers', label: '전체 고용센터 보기', variant: 'secondary' })],
      })
    : groups.map(
        (g) => html`<section class="ilteo-centre-group" aria-labelledby="sido-${g.sido.code}">
	<h2 class="heading-medium" id="sido-${g.sido.code}">${g.sido.name} <span class="ilteo-centre-group__count">${g.centres.length}곳</span></h2>
	<ul class="ilteo-centre-list">${g.centres.map((c) => centreCard(c, { mine: c.code === myCentre, allOfSido: (perSido.get(c.sido.code) ?? 0) === 1 }))}
	</ul>
</section>`,
      );
}

/* ------------------------------------------------------------------ legal documents */

export interface LegalArticle {
  /** Anchor, e.g. `article-1`. */
  id: string;
  /** e.g. '제1조(목적)'. */
  heading: string;
  body: Html;
}

export interface LegalDocument {
  title: string;
  /** Paragraphs before the articles. */
  preamble: Html;
  articles: readonly LegalArticle[];
  /** After the articles: 부칙, 시행일, change history. */
  closing: Html;
  /** e.g. '2026년 12월 4일'. */
  effective: string;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮';

/** 항: ①, ②, … */
export function paragraphs(...items: HtmlValue[]): Html {
  return html`<ol class="krds-info-list ordered ilteo-legal__paragraphs">${items.map(
    (item, i) => html`
	<li><span class="num">${CIRCLED[i] ?? `(${i + 1})`}</span> ${item}</li>`,
  )}
</ol>`;
}

/** 호: 1., 2., … */
export function numbered(items: readonly HtmlValue[]): Html {
  return html`<ol class="krds-info-list ordered ilteo-legal__items">${items.map(
    (item, i) => html`
	<li><span class="num">${i + 1}.</span> ${item}</li>`,
  )}
</ol>`;
}

/** A bulleted list (KRDS `krds-info-list dash`). */
export function bullets(...items: HtmlValue[]): Html {
  return html`<ul class="krds-info-list dash">${items.map(
    (item) => html`
	<li>${item}</li>`,
  )}
</ul>`;
}

export function legalPage(doc: LegalDocument): Html {
  return html`<article class="ilteo-legal" lang="ko" aria-labelledby="legal-title">
<h1 class="heading-xlarge" id="legal-title">${doc.title}</h1>
<p class="ilteo-legal__effective">시행일 <time datetime="${isoOf(doc.effective)}">${doc.effective}</time></p>
<div class="ilteo-legal__preamble">${doc.preamble}</div>
<nav class="ilteo-legal__toc" aria-labelledby="legal-toc">
	<h2 class="heading-small" id="legal-toc">목차</h2>
	<ol>${doc.articles.map(
    (a) => html`
		<li><a href="#${a.id}">${a.heading}</a></li>`,
  )}
	</ol>
</nav>
${doc.articles.map(
  (a) => html`<section class="ilteo-legal__article" id="${a.id}" aria-labelledby="${a.id}-h">
	<h2 class="heading-medium" id="${a.id}-h">${a.heading}</h2>
	${a.body}
</section>
`,
)}
<div class="ilteo-legal__closing">${doc.closing}</div>
</article>`;
}

/** '2026년 12월 4일' → '2026-12-04'. */
function isoOf(korean: string): string {
  const m = /(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일/.exec(korean);
  return m ? `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}` : '';
}
