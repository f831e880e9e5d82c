/**
 * The operators' pages (운영 관리): the first page with the sign-in providers' health, and the audit log.
 * The account pages are in accounts-views.ts.
 */
import { type AccountKind, KIND_LABELS } from '../identity/accounts.ts';
import type { AuditRow } from '../identity/audit.ts';
import { AUDIT_ACTION_LABELS, auditActionLabel, auditTargetLabel } from '../identity/audit-labels.ts';
import type { ProviderHealth } from '../identity/providers.ts';
import { formatDateTime } from '../shared/dates.ts';
import { button, select, table } from '../web/components.ts';
import { type Html, html } from '../web/html.ts';

const STATE_LABEL = { up: '정상', down: '장애', unknown: '확인 전' } as const;

/** 운영 관리: where to go, and each sign-in provider's state. */
export function adminHomePage(providers: readonly ProviderHealth[]): Html {
  const rows = providers.map((h) => [
    h.label,
    html`<span class="krds-badge small ${h.state === 'down' ? 'bg-danger' : h.state === 'up' ? 'bg-success' : 'bg-gray'}">${STATE_LABEL[h.state]}</span>`,
    h.latencyMs === null ? '-' : `${h.latencyMs} ms`,
    formatDateTime(h.since),
    h.error ?? '',
  ]);
  return html`<h1 class="heading-xlarge">운영 관리</h1>
<ul class="ilteo-choice-list">
	<li><a class="ilteo-choice" href="/admin/accounts"><strong>계정 관리</strong><span>상담원·운영자 계정 만들기, 계정 사용 중지</span></a></li>
	<li><a class="ilteo-choice" href="/admin/status"><strong>서비스 상태 관리</strong><span>장애 경과 알림, 점검 일정, 사후 분석과 재발 방지 조치</span></a></li>
	<li><a class="ilteo-choice" href="/admin/operations"><strong>장애 대응 현황</strong><span>앱 서버 보관함, 창구 대기열, 재처리, 실업인정일 자동 변경</span></a></li>
	<li><a class="ilteo-choice" href="/admin/audit"><strong>감사 로그</strong><span>로그인과 직원 작업 기록 (수정·삭제 불가)</span></a></li>
</ul>
<section class="ilteo-section" aria-labelledby="providers-title">
	<h2 id="providers-title" class="heading-medium">간편 로그인 제공자 상태</h2>
	${table({
    caption: '간편 로그인 제공자 상태: 제공자, 상태, 응답 시간, 상태 변경 시각, 오류',
    columns: [
      { header: '제공자' },
      { header: '상태' },
      { header: '응답 시간' },
      { header: '이 상태가 된 시각' },
      { header: '오류' },
    ],
    rows,
    rowHeaders: true,
  })}
</section>`;
}

function auditFilter(filter: { action: string; staffOnly: boolean }): Html {
  const { action, staffOnly } = filter;
  return html`<form method="get" action="/admin/audit" class="ilteo-filter" role="search" aria-label="감사 로그 거르기">
	${select({
    id: 'action',
    name: 'action',
    label: '작업',
    value: action,
    options: [
      { value: '', label: '모든 작업' },
      ...Object.entries(AUDIT_ACTION_LABELS).map(([code, label]) => ({ value: code, label: `${label} (${code})` })),
      // A code typed into the address that the catalogue does not know stays selected as itself.
      ...(action && !Object.hasOwn(AUDIT_ACTION_LABELS, action) ? [{ value: action, label: action }] : []),
    ],
  })}
	<div class="krds-form-check"><input type="checkbox" id="staff" name="staff" value="1"${staffOnly ? html` checked` : null}><label for="staff">직원 작업만</label></div>
	<div class="ilteo-actions">${button({ label: '거르기', type: 'submit', variant: 'secondary' })}</div>
</form>`;
}

/** 감사 로그: the filter and the entries found. */
export function auditPage(rows: readonly AuditRow[], filter: { action: string; staffOnly: boolean }): Html {
  return html`<h1 class="heading-xlarge">감사 로그</h1>
<p>로그인, 로그아웃, 계정 변경과 모든 직원 작업의 기록입니다. 데이터베이스가 수정과 삭제를 거부합니다. 최근 200건을 보여 줍니다.</p>
${auditFilter(filter)}
${table({
  caption: '감사 로그: 시각, 누가, 작업, 결과, 대상, 어디서, 내용',
  columns: [
    { header: '시각' },
    { header: '누가' },
    { header: '작업' },
    { header: '결과' },
    { header: '대상' },
    { header: '어디서' },
    { header: '내용' },
  ],
  rows: rows.map((r) => [
    formatDateTime(r.at),
    r.actorLoginId ? `${r.actorLoginId} (${KIND_LABELS[r.actorKind as AccountKind] ?? r.actorKind})` : '(로그인 전)',
    html`${auditActionLabel(r.action)}<br><code class="ilteo-muted">${r.action}</code>`,
    r.outcome === 'success' ? '성공' : r.outcome === 'denied' ? '거부' : '실패',
    r.targetType ? `${auditTargetLabel(r.targetType)} ${r.targetId ?? ''}` : '-',
    r.ip,
    Object.entries(r.details)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', '),
  ]),
})}`;
}
