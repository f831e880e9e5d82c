/** A resume as others read it (an employer through 인재검색 or a 입사지원, the seeker's own preview). */
import { EDUCATIONS, labelOf } from '../jobs/codes.ts';
import { descriptionList } from '../web/components.ts';
import { type Html, html } from '../web/html.ts';
import type { Resume } from './store.ts';

export function resumeView(r: Resume): Html {
  return html`${descriptionList({
    items: [
      { term: '최종 학력', description: `${labelOf(EDUCATIONS, r.education)}${r.school ? ` · ${r.school}` : ''}` },
      {
        term: '경력',
        description:
          r.careers.length === 0
            ? '없음 (신입)'
            : html`<ul class="ilteo-reasons">${r.careers.map((c) => html`<li>${c.company} · ${c.role} (${c.from} ~ ${c.to || '재직 중'})</li>`)}</ul>`,
      },
      { term: '자격증', description: r.certificates || '-' },
      { term: '보유 기술', description: r.skills || '-' },
    ],
  })}
<h3 class="heading-small">자기소개서</h3>
<div class="ilteo-text">${r.introduction.split('\n').map((l) => html`<p>${l}</p>`)}</div>`;
}
