/**
 * 이직확인서 requests, the worker's and the counsellor's pages: one 상실 record of the worker with its
 * requests and filings and the 요청 button; a client's 상실 records for the counsellor with the same;
 * and the centre's open requests, overdue ones with the days overdue. No 주민등록번호 anywhere.
 */
import { formatDate, formatDateTime } from '../shared/dates.ts';
import { alert, badge, button, descriptionList, emptyState, linkButton, table } from '../web/components.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import type { SeparationRecord } from './certificate-request-service.ts';
import { averageWage } from './certificate-rules.ts';
import type { CentreRequestRow } from './certificate-service.ts';
import { dailyWon } from './certificate-views.ts';
import { CERTIFICATE_DEADLINE_RULES } from './deadlines.ts';
import { formatManagementNo } from './management-no.ts';
import { lossText } from './person-views.ts';

const DEADLINE = CERTIFICATE_DEADLINE_RULES[0]?.cite ?? '';

function status(s: SeparationRecord): Html {
  const latest = s.certificates[0];
  if (latest)
    return html`${badge({ label: '제출됨', color: 'success' })} ${formatDateTime(latest.filedAt)} 사업주 제출 · 평균임금 ${dailyWon(averageWage(latest.recentWages))}`;
  const open = s.requests.find((r) => r.certificateId === null);
  if (open)
    return html`${badge({ label: '요청함', color: 'primary' })} ${formatDateTime(open.requestedAt)} 요청 · 사업주 제출 기한 ${formatDate(open.dueOn)}`;
  return html`요청하지 않았습니다.`;
}

function recordItems(s: SeparationRecord) {
  return [
    { term: '사업장', description: `${s.record.workplaceName} (${formatManagementNo(s.record.managementNo)})` },
    { term: '이직일', description: formatDate(s.separatedOn) },
    { term: '상실사유', description: lossText(s.record) },
    { term: '이직확인서', description: status(s) },
  ];
}

const canRequest = (s: SeparationRecord) =>
  s.certificates.length === 0 && !s.requests.some((r) => r.certificateId === null);

function requestForm(action: string, token: string, label: string): Html {
  return html`<form method="post" action="${action}" class="ilteo-actions">${csrfField(token)}${button({ label, type: 'submit' })}</form>`;
}

const NOTICES: Record<string, string> = {
  requested: '이직확인서를 요청했습니다. 사업주에게 알림이 갔습니다.',
  already: '이미 요청한 이직확인서입니다. 새로 요청하지 않았습니다.',
};

/** The worker's 상실 record: its 이직확인서 status and the 요청 button. */
export function mySeparationPage(s: SeparationRecord, notice: string | null, token: string): Html {
  return html`<h1 class="heading-xlarge">이직확인서</h1>
<p class="ilteo-lead">구직급여(실업급여)를 신청하면 고용센터가 사업주의 이직확인서로 이직사유와 임금을 확인합니다. 사업주는 요청받은 날부터 10일 안에 제출해야 합니다 (${DEADLINE}).</p>
${notice && NOTICES[notice] ? alert({ variant: 'success', role: 'status', title: NOTICES[notice] as string }) : null}
<h2 class="heading-medium">${s.record.workplaceName}</h2>
${descriptionList({ items: recordItems(s), label: `${s.record.workplaceName} 이직확인서` })}
${canRequest(s) ? requestForm(`/my/insurance/records/${s.record.id}/certificate`, token, '사업주에게 이직확인서 요청') : null}
<p>${linkButton({ href: '/my/insurance', label: '내 고용보험', variant: 'tertiary' })}</p>`;
}

/** A client's 상실 records for the counsellor, each with the 요청 button. */
export function clientSeparationsPage(
  d: { client: { id: number; name: string }; verified: boolean; records: SeparationRecord[] },
  notice: { kind: string; recordId: string } | null,
  token: string,
): Html {
  const message = notice ? NOTICES[notice.kind] : undefined;
  return html`<h1 class="heading-xlarge">${d.client.name} 님의 이직확인서</h1>
${message ? alert({ variant: 'success', role: 'status', title: message }) : null}
${
  !d.verified
    ? alert({
        variant: 'info',
        title: '본인확인을 하지 않은 개인회원입니다.',
        body: '본인이 내 고용보험에서 본인확인을 하면 사업주가 신고한 기록이 연결됩니다.',
      })
    : d.records.length === 0
      ? emptyState({ title: '상실 신고된 고용보험 기록이 없습니다.' })
      : d.records.map(
          (s) => html`<section class="ilteo-card" aria-labelledby="sep-${s.record.id}">
	<h2 class="heading-medium" id="sep-${s.record.id}">${s.record.workplaceName}</h2>
	${descriptionList({ items: recordItems(s), label: `${s.record.workplaceName} 이직확인서` })}
	${canRequest(s) ? requestForm(`/centre/certificates/clients/${d.client.id}/records/${s.record.id}`, token, `사업주에게 이직확인서 요청`) : null}
</section>`,
        )
}
<p><a href="/centre/clients/${d.client.id}">${d.client.name} 님 정보</a> · <a href="/centre/certificates">이직확인서 요청 목록</a></p>`;
}

/** The centre's open requests (overdue only when asked), by due date. */
export function centreRequestsPage(
  d: { requests: (CentreRequestRow & { daysOverdue: number })[]; today: string },
  overdue: boolean,
): Html {
  return html`<h1 class="heading-xlarge">이직확인서 요청</h1>
<p>관할 개인회원의 이직확인서 요청 가운데 사업주가 아직 제출하지 않은 것입니다. 기한은 요청받은 날부터 10일입니다 (${DEADLINE}).</p>
<p class="ilteo-inline">${overdue ? html`<a href="/centre/certificates">처리 중인 요청 모두 보기</a> <strong>기한 지난 요청만 보는 중</strong>` : html`<strong>처리 중인 요청 모두 보는 중</strong> <a href="/centre/certificates?overdue=1">기한 지난 요청만 보기</a>`}</p>
${
  d.requests.length === 0
    ? emptyState({ title: overdue ? '기한이 지난 요청이 없습니다.' : '처리 중인 요청이 없습니다.' })
    : table({
        caption: `${overdue ? '기한 지난' : '처리 중인'} 요청 ${d.requests.length}건 (기한 순): 개인회원, 사업장, 요청일, 기한, 지난 날수`,
        columns: [
          { header: '개인회원' },
          { header: '사업장' },
          { header: '요청일' },
          { header: '기한' },
          { header: '지난 날수', align: 'right' },
        ],
        rows: d.requests.map((r) => [
          html`<a href="/centre/certificates/clients/${r.accountId}">${r.accountName}</a>`,
          html`${r.workplaceName}<br><span class="ilteo-muted">${formatManagementNo(r.managementNo)}</span>`,
          formatDateTime(r.requestedAt),
          formatDate(r.dueOn),
          r.daysOverdue > 0 ? badge({ label: `${r.daysOverdue}일 지남`, color: 'danger' }) : '-',
        ]),
        rowHeaders: true,
      })
}`;
}
