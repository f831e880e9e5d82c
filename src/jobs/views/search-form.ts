import { OCCUPATIONS } from '../../reference/occupations.ts';
import { SIDO, SIGUNGU } from '../../reference/regions.ts';
import { formatNumber, pickJosa } from '../../shared/korean.ts';
import { attr, type Html, html } from '../../web/html.ts';
import { staticUrl } from '../../web/krds/static.ts';
import { CAREERS, EDUCATIONS, EMPLOYMENT_TYPES, WAGE_TYPES } from '../codes.ts';
import type { FacetCounts } from '../facets.ts';
import { POSTED_LABELS, POSTED_WITHIN, type RawQuery, SCOPE_LABELS, SCOPES } from '../search-query.ts';

type Errors = Record<string, string>;
/** A facet's counts per choice (undefined: not counted, so no numbers are shown). */
type Counts = Record<string, number> | undefined;

/** The number of results a choice would give, after its label: 강남구 (12). */
function countOf(counts: Counts, code: string): Html {
  if (!counts) return html``;
  const n = counts[code] ?? 0;
  return html` <span class="ilteo-facet-count">(${formatNumber(n)}<span class="sr-only">건</span>)</span>`;
}

function fieldError(errors: Errors, name: string): Html {
  const message = errors[name];
  return message ? html`<p class="form-hint-invalid" id="${name}-error" role="alert">${message}</p>` : html``;
}

function checkbox(name: string, value: string, label: string, checked: boolean, counts?: Counts, extra = ''): Html {
  const id = `${name}-${value}`;
  return html`<div class="krds-form-check${extra}">
  <input type="checkbox" name="${name}" id="${id}" value="${value}"${attr('checked', checked)}>
  <label for="${id}">${label}${countOf(counts, value)}</label>
</div>`;
}

function checkboxFieldset(
  legend: string,
  name: string,
  options: readonly { code: string; label: string }[],
  selected: string[],
  errors: Errors,
  counts?: Counts,
): Html {
  return html`<fieldset class="ilteo-filter" id="${name}">
  <legend class="ilteo-filter__legend">${legend}</legend>
  <div class="krds-check-area">${options.map((o) => checkbox(name, o.code, o.label, selected.includes(o.code), counts))}</div>
  ${fieldError(errors, name)}
</fieldset>`;
}

/**
 * The 지역 and 직종 panels are a thousand checkboxes each render: kept per counts object (facet counts
 * are kept per search generation, search-cache.ts, so a repeated search brings the same object) and
 * per choice and error, a few choices per counts object.
 */
const renderedPanels = new WeakMap<object, Map<string, Html>>();
const UNCOUNTED = {};
const PANELS_PER_COUNTS = 32;
function keptPanel(counts: Counts, key: string, render: () => Html): Html {
  const holder = counts ?? UNCOUNTED;
  let panels = renderedPanels.get(holder);
  if (!panels) {
    panels = new Map();
    renderedPanels.set(holder, panels);
  }
  let panel = panels.get(key);
  if (!panel) {
    if (panels.size >= PANELS_PER_COUNTS) panels.clear();
    panel = render();
    panels.set(key, panel);
  }
  return panel;
}

function regionFilter(selected: string[], errors: Errors, counts: Counts): Html {
  return keptPanel(counts, JSON.stringify(['region', selected, errors.region]), () =>
    renderRegionFilter(selected, errors, counts),
  );
}

function renderRegionFilter(selected: string[], errors: Errors, counts: Counts): Html {
  const count = selected.length;
  return html`<details class="ilteo-disclosure" id="region"${attr('open', count > 0 || Boolean(errors.region))}>
  <summary>지역${count > 0 ? html` <span class="ilteo-count">(${count}개 선택)</span>` : ''}</summary>
  <fieldset class="ilteo-filter">
    <legend class="sr-only">근무지역 (여러 개 선택 가능)</legend>
    ${SIDO.map((sido) => {
      const children = SIGUNGU.filter((s) => s.sidoCode === sido.code && s.code !== sido.code);
      const open = selected.some((c) => c === sido.code || children.some((s) => s.code === c));
      return html`<details class="ilteo-disclosure ilteo-disclosure--nested"${attr('open', open)}>
  <summary>${sido.shortName}${countOf(counts, sido.code)}</summary>
  <div class="krds-check-area ilteo-check-grid">
    ${checkbox('region', sido.code, `${sido.shortName} 전체`, selected.includes(sido.code), counts)}
    ${children.map((s) => checkbox('region', s.code, s.name, selected.includes(s.code), counts))}
  </div>
</details>`;
    })}
  </fieldset>
  ${fieldError(errors, 'region')}
</details>`;
}

function occupationFilter(selected: string[], errors: Errors, counts: Counts): Html {
  return keptPanel(counts, JSON.stringify(['occupation', selected, errors.occupation]), () =>
    renderOccupationFilter(selected, errors, counts),
  );
}

function renderOccupationFilter(selected: string[], errors: Errors, counts: Counts): Html {
  const count = selected.length;
  const level1 = OCCUPATIONS.filter((o) => o.level === 1);
  return html`<details class="ilteo-disclosure" id="occupation"${attr('open', count > 0 || Boolean(errors.occupation))}>
  <summary>직종${count > 0 ? html` <span class="ilteo-count">(${count}개 선택)</span>` : ''}</summary>
  <fieldset class="ilteo-filter">
    <legend class="sr-only">직종 — 한국고용직업분류 (여러 개 선택 가능)</legend>
    ${level1.map((l1) => {
      const l2s = OCCUPATIONS.filter((o) => o.parent === l1.code);
      const open = selected.some((c) => c.startsWith(l1.code));
      return html`<details class="ilteo-disclosure ilteo-disclosure--nested"${attr('open', open)}>
  <summary>${l1.name}${countOf(counts, l1.code)}</summary>
  <div class="krds-check-area">${checkbox('occupation', l1.code, `${l1.name} 전체`, selected.includes(l1.code), counts)}</div>
  ${l2s.map((l2) => {
    const l3s = OCCUPATIONS.filter((o) => o.parent === l2.code);
    return html`<div class="ilteo-occupation-group">
  <div class="krds-check-area">${checkbox('occupation', l2.code, `${l2.name}${l3s.length > 1 ? ' 전체' : ''}`, selected.includes(l2.code), counts, ' ilteo-check-strong')}</div>
  ${l3s.length > 1 ? html`<div class="krds-check-area ilteo-check-grid">${l3s.map((l3) => checkbox('occupation', l3.code, l3.name, selected.includes(l3.code), counts))}</div>` : ''}
</div>`;
  })}
</details>`;
    })}
  </fieldset>
  ${fieldError(errors, 'occupation')}
</details>`;
}

function select(
  id: string,
  name: string,
  options: { value: string; label: string }[],
  selected: string,
  errors: Errors,
): Html {
  return html`<select id="${id}" name="${name}" class="krds-form-select"${attr('aria-invalid', errors[name] ? 'true' : undefined)}${attr('aria-describedby', errors[name] ? `${name}-error` : undefined)}>
  ${options.map((o) => html`<option value="${o.value}"${attr('selected', o.value === selected)}>${o.label}</option>`)}
</select>`;
}

/** The search form. Re-filled from the raw query, so nothing the user typed is lost on an error. */
export function searchForm(raw: RawQuery, errors: Errors, facets?: FacetCounts): Html {
  const counts = facets?.counts;
  const filterCount =
    raw.empTp.length +
    raw.career.length +
    raw.edu.length +
    (raw.salTp ? 1 : 0) +
    (raw.minWage ? 1 : 0) +
    (raw.posted ? 1 : 0);
  return html`<form class="ilteo-search" method="get" action="/jobs" role="search" aria-label="채용정보 검색">
  <div class="ilteo-search__bar">
    <div class="form-group ilteo-search__scope">
      <div class="form-tit"><label for="scope">검색 범위</label></div>
      <div class="form-conts">${select(
        'scope',
        'scope',
        SCOPES.map((s) => ({ value: s, label: SCOPE_LABELS[s] })),
        raw.scope || 'all',
        errors,
      )}</div>
    </div>
    <div class="form-group ilteo-search__q">
      <div class="form-tit"><label for="q">검색어</label></div>
      <div class="form-conts">
        <input type="search" id="q" name="q" class="krds-input" value="${raw.q}" maxlength="10000" autocomplete="off"
          placeholder="직무, 회사명, 지역 (예: 물류 상하차, 요양|간호, ㄱㅂㅈ)" aria-describedby="q-hint">
      </div>
      <p class="form-hint" id="q-hint">띄어 쓴 단어는 모두 포함, <kbd>|</kbd>는 ‘또는’, 초성만 입력하면 초성 검색을 합니다.</p>
    </div>
    <div class="ilteo-search__submit"><button type="submit" class="krds-btn primary large">검색</button></div>
  </div>
  <div class="form-group ilteo-search__exclude">
    <div class="form-tit"><label for="exclude">제외검색어</label></div>
    <div class="form-conts"><input type="text" id="exclude" name="exclude" class="krds-input" value="${raw.exclude}" maxlength="200" placeholder="빼고 싶은 단어 (예: 야간 교대)"></div>
  </div>
  <div class="ilteo-filters">
    ${facets ? facetNote(facets) : ''}
    ${regionFilter(raw.region, errors, counts?.region)}
    ${occupationFilter(raw.occupation, errors, counts?.occupation)}
    ${conditionsFilter(raw, errors, counts, filterCount)}
  </div>
  ${raw.sort ? html`<input type="hidden" name="sort" value="${raw.sort}">` : ''}
  ${raw.size ? html`<input type="hidden" name="size" value="${raw.size}">` : ''}
  ${raw.syn === 'off' ? html`<input type="hidden" name="syn" value="off">` : ''}
  <div class="ilteo-search__actions">
    <button type="submit" class="krds-btn primary">조건으로 검색</button>
    <a class="krds-btn tertiary" href="/jobs">조건 초기화</a>
  </div>
</form>
<script src="${staticUrl('js/search-suggest.js')}" defer></script>`;
}

const FACET_LABELS = { region: '지역', occupation: '직종', empTp: '고용형태', career: '경력' } as const;

/** What the numbers beside the choices mean, and which were not counted. */
function facetNote(facets: FacetCounts): Html {
  const uncounted = (Object.keys(FACET_LABELS) as (keyof typeof FACET_LABELS)[]).filter((f) => !facets.counts[f]);
  return html`<p class="form-hint ilteo-facet-note">괄호 안의 숫자는 지금 검색 조건에서 그 항목을 고르면 나오는 공고 수입니다.${
    uncounted.length > 0
      ? ` ${uncounted.map((f) => FACET_LABELS[f]).join(', ')}${pickJosa(FACET_LABELS[uncounted[uncounted.length - 1] ?? 'region'], '은/는')} 결과가 많아 건수를 세지 않았습니다. 검색어나 조건을 더하면 보입니다.`
      : ''
  }</p>`;
}

/** 근무조건·자격·등록일: 고용형태, 임금, 경력, 최소학력 and 등록일, in one disclosure. */
function conditionsFilter(
  raw: RawQuery,
  errors: Errors,
  counts: FacetCounts['counts'] | undefined,
  filterCount: number,
): Html {
  const invalid = (name: string) =>
    html`${attr('aria-invalid', errors[name] ? 'true' : undefined)}${attr('aria-describedby', errors[name] ? `${name}-error` : undefined)}`;
  return html`<details class="ilteo-disclosure"${attr('open', filterCount > 0 || ['empTp', 'salTp', 'minWage', 'career', 'edu', 'posted'].some((k) => errors[k]))}>
      <summary>근무조건·자격·등록일${filterCount > 0 ? html` <span class="ilteo-count">(${filterCount}개 선택)</span>` : ''}</summary>
      <div class="ilteo-filter-grid">
        ${checkboxFieldset('고용형태', 'empTp', EMPLOYMENT_TYPES, raw.empTp, errors, counts?.empTp)}
        <fieldset class="ilteo-filter">
          <legend class="ilteo-filter__legend">임금</legend>
          <div class="form-group">
            <div class="form-tit"><label for="salTp">임금형태</label></div>
            <div class="form-conts">${select('salTp', 'salTp', [{ value: '', label: '전체' }, ...WAGE_TYPES.map((w) => ({ value: w.code, label: w.label }))], raw.salTp, errors)}</div>
            ${fieldError(errors, 'salTp')}
          </div>
          <div class="form-group">
            <div class="form-tit"><label for="minWage">최소 임금(원)</label></div>
            <div class="form-conts"><input type="text" inputmode="numeric" id="minWage" name="minWage" class="krds-input" value="${raw.minWage}" placeholder="예: 2500000"${invalid('minWage')}></div>
            ${fieldError(errors, 'minWage')}
          </div>
        </fieldset>
        ${checkboxFieldset('경력', 'career', CAREERS, raw.career, errors, counts?.career)}
        ${checkboxFieldset('최소학력', 'edu', EDUCATIONS, raw.edu, errors)}
        <fieldset class="ilteo-filter" id="posted">
          <legend class="ilteo-filter__legend">등록일</legend>
          <div class="krds-check-area">
            <div class="krds-form-check"><input type="radio" name="posted" id="posted-any" value=""${attr('checked', raw.posted === '')}><label for="posted-any">전체</label></div>
            ${POSTED_WITHIN.map((p) => html`<div class="krds-form-check"><input type="radio" name="posted" id="posted-${p}" value="${p}"${attr('checked', raw.posted === p)}><label for="posted-${p}">${POSTED_LABELS[p]}</label></div>`)}
          </div>
          ${fieldError(errors, 'posted')}
        </fieldset>
      </div>
    </details>`;
}
