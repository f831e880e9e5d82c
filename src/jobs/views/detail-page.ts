import { formatKoreanDate } from '../../shared/dates.ts';
import { formatNumber } from '../../shared/korean.ts';
import { alert } from '../../web/components.ts';
import { type Html, html } from '../../web/html.ts';
import { labelOf, WORK_SCHEDULES } from '../codes.ts';
import type { PostingDetail } from '../search.ts';
import { formatWage } from '../wages.ts';
import {
  careerText,
  closeDateText,
  deadline,
  educationText,
  employmentText,
  formatBusino,
  occupationText,
  regionText,
} from './format.ts';

function row(label: string, value: Html | string): Html {
  return html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
}

function textBlock(text: string): Html {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length > 1 && lines.every((l) => l.startsWith('-') || l.startsWith('·') || l.startsWith('•'))) {
    return html`<ul class="ilteo-bullets">${lines.map((l) => html`<li>${l.replace(/^[-·•]\s*/, '')}</li>`)}</ul>`;
  }
  return html`<div class="ilteo-text">${lines.map((l) => html`<p>${l}</p>`)}</div>`;
}

/** Posting detail. Shows no age (고령자고용법 forbids age requirements), and says clearly when closed. */
export function postingDetailMain(
  p: PostingDetail,
  today: string,
  backHref: string,
  seeker?: {
    saved: boolean;
    csrf: string /** Just saved or taken out of 관심 채용정보. */;
    notice?: 'saved' | 'unsaved';
  },
  /** Signed in with an account that cannot apply (기업회원, 상담원, 운영자): no 지원하기 link that would answer 403. */
  appliesAs: 'anyone' | 'not-a-seeker' = 'anyone',
): Html {
  const d = deadline(p.closeDt, today);
  const closed = d.state === 'closed' || p.status !== 'open';
  const notice = savedNotice(seeker?.notice);
  return html`${notice}<article class="ilteo-posting" aria-labelledby="posting-title">
  <header class="ilteo-posting__head">
    <p class="ilteo-posting__company">${p.companyName}</p>
    <h1 id="posting-title" class="heading-xlarge">${p.title}</h1>
    <div class="krds-badge-wrap">
      <span class="krds-badge ${closed ? 'bg-gray' : d.state === 'soon' ? 'bg-danger' : 'bg-primary'}">${closed ? '마감' : d.state === 'until-filled' ? '채용시까지' : `접수중 ${d.label}`}</span>
      <span class="krds-badge outline-secondary">${employmentText(p.empTpCd)}</span>
      <span class="krds-badge outline-secondary">${regionText(p.regionCd)}</span>
    </div>
  </header>
  ${closed ? html`<div class="ilteo-alert ilteo-alert--info" role="status"><p>마감된 채용공고입니다. 비슷한 공고를 <a href="/jobs?occupation=${p.jobsCd}&amp;region=${p.regionCd}">같은 직종·지역에서 찾아보세요</a>.</p></div>` : ''}

  ${summarySection(p)}

  <section aria-labelledby="sec-job" class="ilteo-section">
    <h2 id="sec-job" class="heading-medium">직무내용</h2>
    ${textBlock(p.jobCont)}
  </section>
  ${p.pfCond ? html`<section aria-labelledby="sec-pref" class="ilteo-section"><h2 id="sec-pref" class="heading-medium">우대사항</h2>${textBlock(p.pfCond)}</section>` : ''}
  ${p.etcWelfare ? html`<section aria-labelledby="sec-welfare" class="ilteo-section"><h2 id="sec-welfare" class="heading-medium">복리후생</h2>${textBlock(p.etcWelfare)}</section>` : ''}

  ${applyActions(p, closed, seeker, appliesAs)}
  ${applySection(p, closed, d.label)}

  ${companySection(p)}

  <footer class="ilteo-posting__foot">
    <p class="ilteo-note">구인인증번호 ${p.wantedAuthNo} · 등록일 ${formatKoreanDate(p.regDt)}</p>
    <a class="krds-btn secondary" href="${backHref}">검색 결과로 돌아가기</a>
  </footer>
</article>`;
}

function savedNotice(which: 'saved' | 'unsaved' | undefined): Html | string {
  return which === 'saved'
    ? alert({
        variant: 'success',
        role: 'status',
        title: '관심 채용정보에 저장했습니다.',
        body: html`<a href="/my/saved">관심 채용정보 보기</a>`,
      })
    : which === 'unsaved'
      ? alert({ variant: 'success', role: 'status', title: '관심 채용정보에서 뺐습니다.' })
      : '';
}

function summarySection(p: PostingDetail): Html {
  return html`<section aria-labelledby="sec-summary" class="ilteo-section">
    <h2 id="sec-summary" class="heading-medium">모집요강</h2>
    <table class="ilteo-table">
      <caption class="sr-only">모집요강: 직종, 고용형태, 모집인원, 경력, 학력, 임금, 근무형태, 근무시간, 근무지</caption>
      <tbody>
        ${row('직종', occupationText(p.jobsCd))}
        ${row('고용형태', employmentText(p.empTpCd))}
        ${row('모집인원', `${p.collectPsncnt}명`)}
        ${row('경력', careerText(p.career, p.minCareerMonths))}
        ${row('학력', educationText(p.minEdubg))}
        ${row('임금', formatWage(p.salTpCd, p.minSal, p.maxSal))}
        ${row('근무형태', labelOf(WORK_SCHEDULES, p.holidayTpCd))}
        ${row('근무시간', `1일 ${p.workHoursPerDay}시간 · 주 ${p.workHoursPerWeek}시간`)}
        ${row('근무지', html`${p.basicAddr}${p.detailAddr ? ` ${p.detailAddr}` : ''} <span class="ilteo-note">(우편번호 ${p.zipCd})</span>`)}
      </tbody>
    </table>
  </section>`;
}

function applyActions(
  p: PostingDetail,
  closed: boolean,
  seeker: { saved: boolean; csrf: string } | undefined,
  appliesAs: 'anyone' | 'not-a-seeker',
): Html {
  return html`<div class="ilteo-actions ilteo-posting__apply">
    ${
      closed
        ? ''
        : appliesAs === 'anyone'
          ? html`<a class="krds-btn large primary" href="/jobs/${p.wantedAuthNo}/apply">이 공고에 지원하기</a>`
          : html`<p class="ilteo-note">입사지원은 개인회원 계정으로 로그인해서 할 수 있습니다.</p>`
    }
    ${seeker ? html`<form method="post" action="/jobs/${p.wantedAuthNo}/${seeker.saved ? 'unsave' : 'save'}" class="ilteo-inline-form"><input type="hidden" name="_csrf" value="${seeker.csrf}"><button type="submit" class="krds-btn large secondary">${seeker.saved ? '관심 채용정보에서 빼기' : '관심 채용정보 저장'}</button></form>` : ''}
  </div>`;
}

function applySection(p: PostingDetail, closed: boolean, label: string): Html {
  return html`<section aria-labelledby="sec-apply" class="ilteo-section">
    <h2 id="sec-apply" class="heading-medium">전형 및 접수</h2>
    <table class="ilteo-table">
      <caption class="sr-only">전형방법, 접수방법, 마감일, 담당자 연락처</caption>
      <tbody>
        ${row('전형방법', p.selMthd)}
        ${row('접수방법', p.rcptMthd)}
        ${row('마감일', html`${closeDateText(p.closeDt)}${!closed && p.closeDt ? html` <strong class="ilteo-deadline">(${label})</strong>` : ''}`)}
        ${row('담당자', `${p.contactName} · ${p.contactTelno}`)}
      </tbody>
    </table>
  </section>`;
}

function companySection(p: PostingDetail): Html {
  return html`<section aria-labelledby="sec-company" class="ilteo-section">
    <h2 id="sec-company" class="heading-medium">기업정보</h2>
    <table class="ilteo-table">
      <caption class="sr-only">회사명, 업종, 사업자등록번호</caption>
      <tbody>
        ${row('회사명', p.companyName)}
        ${row('업종', p.indTpNm)}
        ${p.companyEmployees !== null ? row('직원 수', `${formatNumber(p.companyEmployees)}명`) : ''}
        ${p.companyHomepage ? row('홈페이지', html`<a href="${p.companyHomepage}" rel="noopener nofollow" target="_blank" title="새 창 열림">${p.companyHomepage}</a>`) : ''}
        ${p.companyDescription ? row('기업 소개', textBlock(p.companyDescription)) : ''}
        ${row('사업자등록번호', formatBusino(p.busino))}
      </tbody>
    </table>
  </section>`;
}
