import { convertQwertyToHangul } from 'es-hangul';
import { formatKoreanDate } from '../../shared/dates.ts';
import { formatNumber, pickJosa } from '../../shared/korean.ts';
import { pagination } from '../../web/components.ts';
import { type Html, html } from '../../web/html.ts';
import type { FacetCounts } from '../facets.ts';
import { highlight, snippet } from '../highlight.ts';
import { relatedLabels, withRelated } from '../related-words.ts';
import type { PostingSummary, SearchResult } from '../search.ts';
import { PAGE_SIZES, type RawQuery, type SearchParams, SORT_LABELS, SORTS, toQueryString } from '../search-query.ts';
import { formatWage } from '../wages.ts';
import { careerText, deadline, educationText, employmentText, occupationText, regionText } from './format.ts';
import { searchForm } from './search-form.ts';

function resultItem(p: PostingSummary, params: SearchParams, today: string, back: string): Html {
  const d = deadline(p.closeDt, today);
  const contentMatch = params.keyword.length > 0 && params.scope !== 'title' && params.scope !== 'company';
  const href = `/jobs/${encodeURIComponent(p.wantedAuthNo)}${back ? `?back=${encodeURIComponent(back)}` : ''}`;
  return html`<li class="ilteo-result">
  <div class="ilteo-result__head">
    <p class="ilteo-result__company">${highlight(p.companyName, params.keyword)}</p>
    <span class="krds-badge ${d.state === 'soon' ? 'bg-light-danger' : d.state === 'until-filled' ? 'bg-light-gray' : 'bg-light-primary'}">${d.label}</span>
  </div>
  <h3 class="ilteo-result__title"><a href="${href}">${highlight(p.title, params.keyword)}</a></h3>
  <ul class="ilteo-result__facts">
    <li><span class="sr-only">근무지역 </span>${regionText(p.regionCd)}</li>
    <li><span class="sr-only">임금 </span>${formatWage(p.salTpCd, p.minSal, p.maxSal)}</li>
    <li><span class="sr-only">경력 </span>${careerText(p.career, p.minCareerMonths)}</li>
    <li><span class="sr-only">학력 </span>${educationText(p.minEdubg)}</li>
    <li><span class="sr-only">고용형태 </span>${employmentText(p.empTpCd)}</li>
  </ul>
  ${contentMatch ? html`<p class="ilteo-result__snippet">${snippet(p.jobCont, params.keyword)}</p>` : ''}
  <p class="ilteo-result__meta"><span>${occupationText(p.jobsCd)}</span> · <span>등록 ${formatKoreanDate(p.regDt)}</span> · <span>마감 ${p.closeDt ? formatKoreanDate(p.closeDt) : '채용시까지'}</span></p>
</li>`;
}

function keyboardSuggestion(q: string): string | undefined {
  const trimmed = q.trim();
  if (!/^[A-Za-z ]{2,40}$/.test(trimmed)) return undefined;
  const converted = convertQwertyToHangul(trimmed);
  return /[가-힣]{2}/.test(converted) && converted !== trimmed ? converted : undefined;
}

function emptyState(raw: RawQuery): Html {
  const suggestion = keyboardSuggestion(raw.q);
  return html`<div class="ilteo-empty" role="status">
  <h3 class="ilteo-empty__title">검색 결과가 없습니다.</h3>
  ${suggestion ? html`<p>한/영 전환 없이 입력하셨나요? <a href="/jobs${toQueryString(raw, { q: suggestion, page: '1' })}">‘${suggestion}’${pickJosa(suggestion, '으로/로')} 검색</a></p>` : ''}
  <ul class="ilteo-empty__tips">
    <li>검색어의 철자와 띄어쓰기를 확인해 주세요. 두 글자 이상 입력해야 합니다.</li>
    <li>단어를 줄이거나 <kbd>|</kbd>(또는)로 비슷한 말을 함께 찾아보세요. 예: <a href="/jobs?q=${encodeURIComponent('요양|간호')}">요양|간호</a></li>
    <li>지역·직종 조건을 넓혀 보세요. <a href="/jobs${toQueryString({ q: raw.q, scope: raw.scope })}">조건 없이 ‘${raw.q || '전체'}’ 검색</a></li>
  </ul>
</div>`;
}

export function searchResultsView(
  raw: RawQuery,
  params: SearchParams,
  result: SearchResult,
  today: string,
  didYouMean?: string,
): Html {
  const back = toQueryString(raw);
  const sortLinks = SORTS.filter((s) => s !== 'relevance' || params.keyword.length > 0).map((s) =>
    s === params.sort
      ? html`<li><span class="ilteo-sort__current" aria-current="true">${SORT_LABELS[s]}</span></li>`
      : html`<li><a href="/jobs${toQueryString(raw, { sort: s, page: '1' })}">${SORT_LABELS[s]}</a></li>`,
  );
  const sizeLinks = PAGE_SIZES.map((n) =>
    n === params.pageSize
      ? html`<li><span aria-current="true">${n}건</span></li>`
      : html`<li><a href="/jobs${toQueryString(raw, { size: String(n), page: '1' })}">${n}건</a></li>`,
  );
  const totalText = result.totalCapped ? `${formatNumber(result.total)}건 이상` : `${formatNumber(result.total)}건`;
  return html`<section class="ilteo-results" aria-labelledby="results-heading">
  <div class="ilteo-results__bar">
    <h2 id="results-heading" class="ilteo-results__count" aria-live="polite">검색결과 <strong>${totalText}</strong>${result.totalCapped ? html` <span class="ilteo-note">(조건을 좁히면 더 정확히 찾을 수 있습니다)</span>` : ''}</h2>
    <nav class="ilteo-sort" aria-label="정렬"><ul>${sortLinks}</ul></nav>
    <nav class="ilteo-size" aria-label="한 페이지에 볼 건수"><ul>${sizeLinks}</ul></nav>
  </div>
  ${params.notices.length > 0 ? html`<div role="status"><ul class="ilteo-notices">${params.notices.map((n) => html`<li>${n}</li>`)}</ul></div>` : ''}
  ${result.rankedNewest ? html`<p class="ilteo-note">정확도순은 검색 결과 중 최근 공고 ${formatNumber(result.rankedNewest)}건을 정확도로 정렬하고, 그 뒤는 최신순으로 보여 줍니다. 조건을 좁히면 모든 결과를 정확도로 정렬합니다.</p>` : ''}
  ${params.sort === 'relevance' && params.keyword.length > 0 ? relevanceHelp() : ''}
  ${synonymToggle(params, raw)}
  ${didYouMean ? html`<p class="ilteo-did-you-mean" role="status">혹시 <a href="/jobs${toQueryString(raw, { q: didYouMean, page: '1' })}">‘${didYouMean}’</a>${pickJosa(didYouMean, '을/를')} 찾으셨나요?</p>` : ''}
  ${
    result.items.length === 0
      ? emptyState(raw)
      : html`<ol class="ilteo-result-list" start="${(params.page - 1) * params.pageSize + 1}">${result.items.map((p) => resultItem(p, params, today, back))}</ol>
  ${pagination({ page: params.page, totalPages: result.totalPages, hrefFor: (page) => `/jobs${toQueryString(raw, { page: String(page) })}` })}`
  }
</section>`;
}

export function searchPageMain(
  raw: RawQuery,
  errors: Record<string, string>,
  results: Html | undefined,
  facets?: FacetCounts,
): Html {
  const errorList = Object.entries(errors);
  return html`<div class="ilteo-page-head"><h1 class="heading-xlarge">채용정보 검색</h1>
  <p class="ilteo-lead">전국의 채용공고를 지역·직종·근무조건으로 찾아보세요.</p></div>
  ${
    errorList.length > 0
      ? html`<div class="ilteo-alert ilteo-alert--error" role="alert" tabindex="-1" id="error-summary">
  <h2 class="ilteo-alert__title">검색 조건을 확인해 주세요</h2>
  <ul>${errorList.map(([field, message]) => html`<li><a href="#${field === 'page' || field === 'sort' || field === 'size' ? 'q' : field}">${message}</a></li>`)}</ul>
</div>`
      : ''
  }
  ${searchForm(raw, errors, facets)}
  ${results ?? ''}`;
}

/** Under a signed-in seeker's results: save this search, to be told of new postings that match it. */
export function saveSearchForm(csrf: string, query: string): Html {
  return html`<form method="post" action="/my/saved-searches" class="ilteo-save-search">
	<input type="hidden" name="_csrf" value="${csrf}">
	<input type="hidden" name="query" value="${query}">
	<label for="save-search-name">이 조건으로 새 공고 알림 받기</label>
	<input type="text" id="save-search-name" name="name" class="krds-input small" maxlength="40" placeholder="검색 이름 (선택)">
	<button type="submit" class="krds-btn small secondary">이 조건 저장</button>
</form>`;
}

/** Turning the synonyms off (when some were searched) or on again (when the words have some). */
function synonymToggle(params: SearchParams, raw: RawQuery) {
  if (params.synonyms.length > 0)
    return html`<p class="ilteo-synonyms"><a href="/jobs${toQueryString(raw, { syn: 'off', page: '1' })}">비슷한 말 없이 입력한 검색어로만 찾기</a></p>`;
  const related = params.synonymsOn ? [] : withRelated(params.keyword).added;
  if (related.length > 0)
    return html`<p class="ilteo-synonyms">입력한 검색어로만 찾았습니다. <a href="/jobs${toQueryString(raw, { syn: '', page: '1' })}">비슷한 말(${related.flatMap(relatedLabels).join(', ')})도 함께 찾기</a></p>`;
  return '';
}

/** How 정확도순 orders the results, in words (the score itself is never shown). */
function relevanceHelp(): Html {
  return html`<details class="ilteo-disclosure ilteo-help">
  <summary>정확도순은 어떻게 정하나요?</summary>
  <ul>
    <li>검색어가 어디에 있는지에 따라 순서를 정합니다. <strong>공고 제목</strong>에 있는 공고가 먼저이고, 다음은 <strong>직종명</strong>(한국고용직업분류), <strong>회사명</strong>, <strong>직무내용</strong> 순입니다.</li>
    <li>같은 곳에 있으면, 검색어가 온전한 단어로 있는 공고(‘웹 개발’의 ‘개발’)가 단어의 일부로 있는 공고(‘개발자’의 ‘개발’)보다 먼저입니다.</li>
    <li>검색어를 여러 개 띄어 쓰면 각 검색어의 순위를 더합니다. 비슷한 말과 직종으로 찾은 공고도 같은 기준으로 정렬합니다.</li>
    <li>순위가 같으면 최근에 등록된 공고가 먼저입니다. 광고나 유료 노출은 순서에 영향을 주지 않습니다.</li>
  </ul>
</details>`;
}
