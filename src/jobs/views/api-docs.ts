import { type Html, html } from '../../web/html.ts';
import { SEARCH_PARAMETERS } from '../openapi.ts';

/** Human-readable API guide; the machine-readable document is /api/openapi.json. */
export function apiDocsMain(): Html {
  return html`<h1 class="heading-xlarge">채용정보 오픈API</h1>
<p class="ilteo-lead">일터의 채용정보를 프로그램에서 검색할 수 있습니다. 인증 없이 쓸 수 있고, 응답은 JSON이며 필드 이름은 워크넷 오픈API를 따릅니다.
OpenAPI 3.1 문서: <a href="/api/openapi.json">/api/openapi.json</a></p>

<section class="ilteo-section" aria-labelledby="api-search">
  <h2 id="api-search" class="heading-medium">채용정보 검색 <code>GET /api/v1/postings</code></h2>
  <p>예: <a href="/api/v1/postings?q=${encodeURIComponent('물류 상하차')}&amp;region=41000"><code>/api/v1/postings?q=물류 상하차&amp;region=41000</code></a></p>
  <table class="ilteo-table">
    <caption>검색 매개변수 (모두 선택 사항, 여러 값은 같은 이름을 반복하거나 쉼표로 구분)</caption>
    <thead><tr><th scope="col">이름</th><th scope="col">설명</th><th scope="col">여러 값</th></tr></thead>
    <tbody>${SEARCH_PARAMETERS.map((p) => html`<tr><th scope="row"><code>${p.name}</code></th><td>${p.description}</td><td>${p.repeatable ? '가능' : '—'}</td></tr>`)}</tbody>
  </table>
</section>

<section class="ilteo-section" aria-labelledby="api-detail">
  <h2 id="api-detail" class="heading-medium">채용정보 상세 <code>GET /api/v1/postings/{구인인증번호}</code></h2>
  <p>직무내용, 우대사항, 복리후생, 전형방법, 접수방법, 근무지 주소, 담당자 연락처를 함께 돌려줍니다.</p>
</section>

<section class="ilteo-section" aria-labelledby="api-errors">
  <h2 id="api-errors" class="heading-medium">오류</h2>
  <p>잘못된 매개변수는 HTTP 400, 없는 채용공고는 404로 답하며 본문은
  <code>{"error": {"status": 400, "code": "INVALID_PARAMETER", "message": "…", "fields": {…}}}</code> 형식입니다. <code>message</code>는 한국어 설명입니다.</p>
</section>`;
}
