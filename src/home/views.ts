/** The home page: a quick search, postings by region and occupation, the newest postings. */

import type { JobsService } from '../jobs/service.ts';
import { deadline, regionText } from '../jobs/views/format.ts';
import { formatWage } from '../jobs/wages.ts';
import { OCCUPATIONS } from '../reference/occupations.ts';
import { SIDO } from '../reference/regions.ts';
import { formatNumber } from '../shared/korean.ts';
import { type Html, html } from '../web/html.ts';

const POPULAR = ['사무', '물류', '요양', '개발', '용접', '조리', '경비', '운전', '간호', '회계'];

export function homePage(
  stats: Awaited<ReturnType<JobsService['stats']>>,
  latest: Awaited<ReturnType<JobsService['latest']>>,
  today: string,
): Html {
  return html`<section class="ilteo-hero" aria-labelledby="hero-title">
  <h1 id="hero-title" class="ilteo-hero__title">일자리 찾기부터 실업급여까지, <span>일터</span></h1>
  <p class="ilteo-hero__lead">지금 접수 중인 채용공고 <strong>${formatNumber(stats.open)}건</strong>${stats.postedToday > 0 ? html` · 오늘 새로 올라온 공고 <strong>${formatNumber(stats.postedToday)}건</strong>` : ''}</p>
  <form class="ilteo-hero__search" method="get" action="/jobs" role="search" aria-label="채용정보 빠른 검색">
    <div class="form-group">
      <div class="form-tit"><label for="home-q">어떤 일을 찾으세요?</label></div>
      <div class="form-conts"><input type="search" id="home-q" name="q" class="krds-input large" placeholder="직무나 회사명 (예: 요양보호사, 물류 상하차)" autocomplete="off"></div>
    </div>
    <div class="form-group">
      <div class="form-tit"><label for="home-region">지역</label></div>
      <div class="form-conts"><select id="home-region" name="region" class="krds-form-select large">
        <option value="">전국</option>
        ${SIDO.map((s) => html`<option value="${s.code}">${s.shortName}</option>`)}
      </select></div>
    </div>
    <button type="submit" class="krds-btn primary xlarge">채용정보 검색</button>
  </form>
  <div class="ilteo-popular"><h2 class="sr-only">많이 찾는 검색어</h2><span aria-hidden="true">많이 찾는 검색어</span>
    <ul>${POPULAR.map((w) => html`<li><a href="/jobs?q=${encodeURIComponent(w)}">${w}</a></li>`)}</ul>
  </div>
</section>

<div class="ilteo-home-grid">
  <section class="ilteo-home-card" aria-labelledby="by-region">
    <h2 id="by-region" class="heading-medium">지역별 채용정보</h2>
    <ul class="ilteo-link-grid">${SIDO.map((s) => html`<li><a href="/jobs?region=${s.code}">${s.shortName} <span class="ilteo-count">${formatNumber(stats.bySido[s.code.slice(0, 2)] ?? 0)}건</span></a></li>`)}</ul>
  </section>
  <section class="ilteo-home-card" aria-labelledby="by-occupation">
    <h2 id="by-occupation" class="heading-medium">직종별 채용정보</h2>
    <ul class="ilteo-link-list">${OCCUPATIONS.filter((o) => o.level === 1).map((o) => html`<li><a href="/jobs?occupation=${o.code}">${o.name} <span class="ilteo-count">${formatNumber(stats.byOccupation[o.code] ?? 0)}건</span></a></li>`)}</ul>
  </section>
</div>

<section class="ilteo-home-card" aria-labelledby="latest">
  <h2 id="latest" class="heading-medium">새로 올라온 채용정보</h2>
  ${
    latest.items.length === 0
      ? html`<p>아직 등록된 채용공고가 없습니다.</p>`
      : html`<ul class="ilteo-latest">${latest.items.map((p) => {
          const d = deadline(p.closeDt, today);
          return html`<li><a href="/jobs/${encodeURIComponent(p.wantedAuthNo)}"><span class="ilteo-latest__company">${p.companyName}</span><span class="ilteo-latest__title">${p.title}</span><span class="ilteo-latest__facts">${regionText(p.regionCd)} · ${formatWage(p.salTpCd, p.minSal, p.maxSal)} · ${d.label}</span></a></li>`;
        })}</ul>`
  }
  <p><a class="krds-btn secondary" href="/jobs">채용정보 전체 보기</a></p>
</section>

<section class="ilteo-home-card" aria-labelledby="services">
  <h2 id="services" class="heading-medium">다른 서비스</h2>
  <ul class="ilteo-link-list">
    <li><a href="/api/docs">채용정보 오픈API 안내</a></li>
    <li><a href="/status">서비스 상태</a></li>
  </ul>
</section>`;
}
