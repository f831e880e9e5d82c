/** The operators' status desk pages (/admin/status): the overview and one incident's desk. */
import { randomUUID } from 'node:crypto';
import type { Rescheduled } from '../intake/operations-store.ts';
import { seoulTime } from '../shared/dates.ts';
import {
  alert,
  badge,
  button,
  checkboxGroup,
  errorSummary,
  select,
  table,
  textarea,
  textInput,
} from '../web/components.ts';
import type { Errors } from '../web/forms.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import type { StatusAdminService } from './admin-service.ts';
import type { IncidentRow } from './admin-store.ts';
import type { Catalogue } from './catalogue.ts';
import { UPDATE_LABELS, UPDATE_STATUSES } from './store.ts';
import { ACTION_STATUS, demoNotice, stateBadge } from './views.ts';

export interface DeskContext {
  catalogue: Catalogue;
  now: Date;
  /** Today in Seoul (YYYY-MM-DD). */
  today: string;
  token: string;
  demo: boolean;
  /** Whether this process is the monitors' leader. */
  leader: boolean;
}

type FormValues = Record<string, string | string[] | undefined>;

export function overviewPage(
  data: Awaited<ReturnType<StatusAdminService['overview']>>,
  form: { incident: FormValues; maintenance: FormValues },
  errors: { incident: Errors; maintenance: Errors },
  ctx: DeskContext,
): Html {
  return html`<h1 class="heading-xlarge">서비스 상태 관리</h1>
${ctx.demo ? demoNotice('ko') : null}
<p>이 프로세스는 감시 ${ctx.leader ? html`<strong>주 담당(leader)</strong>` : '보조'}입니다. 공개 화면: <a href="/status">서비스 상태</a></p>
${
  data.overdue.length
    ? alert({
        variant: 'warning',
        title: `기한이 지난 재발 방지 조치 ${data.overdue.length}건`,
        body: html`<ul>${data.overdue.map((a) => html`<li><a href="/admin/status/incidents/${a.incidentId}">${a.title}</a> — ${a.owner}, 기한 ${a.dueDate}</li>`)}</ul>`,
      })
    : null
}
${incidentsSection(data.incidents)}
${declareSection(form.incident, errors.incident, ctx)}
${maintenanceSection(data.windows, form.maintenance, errors.maintenance, ctx)}`;
}

const str = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');
const arr = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
const serviceOptions = (ctx: DeskContext, checked: readonly string[]) =>
  ctx.catalogue.services.map((s) => ({ value: s.id, label: s.name.ko, checked: checked.includes(s.id) }));

function incidentsSection(incidents: readonly IncidentRow[]): Html {
  return html`<section class="ilteo-section" aria-labelledby="incidents-title">
	<h2 id="incidents-title" class="heading-medium">장애</h2>
	${table({
    caption: '장애: 제목, 영향, 발생, 복구, 감지',
    columns: [{ header: '제목' }, { header: '영향' }, { header: '발생' }, { header: '복구' }, { header: '감지' }],
    rows: incidents.map((i) => [
      html`<a href="/admin/status/incidents/${i.id}">${i.title}</a>`,
      stateBadge(i.impact, 'ko'),
      seoulTime(i.startedAt),
      i.resolvedAt ? seoulTime(i.resolvedAt) : html`<strong>진행 중</strong>`,
      i.automatic ? '자동' : '운영자',
    ]),
    rowHeaders: true,
  })}
</section>`;
}

function declareSection(f: FormValues, errors: Errors, ctx: DeskContext): Html {
  const token = ctx.token;
  return html`<section class="ilteo-section" aria-labelledby="declare-title">
	<h2 id="declare-title" class="heading-medium">장애 직접 등록</h2>
	<p>감시가 보지 못한 장애(외부 기관 연계 중단, 창구 장애 등)를 등록합니다. 실업급여 서비스에 등록한 장애 기간은 실업인정일 자동 변경의 근거가 됩니다.</p>
	${errorSummary(errors)}
	<form method="post" action="/admin/status/incidents" novalidate>
		${csrfField(token)}<input type="hidden" name="idempotencyKey" value="${str(f.idempotencyKey) || randomUUID()}">
		${checkboxGroup({ name: 'services', legend: '영향 받는 서비스', options: serviceOptions(ctx, arr(f.services)), error: errors.services, collapsible: false })}
		${textInput({ id: 'title', name: 'title', label: '제목', value: str(f.title), required: true, maxlength: 200, error: errors.title })}
		${select({
      id: 'impact',
      name: 'impact',
      label: '영향',
      value: str(f.impact) || 'major',
      options: [
        { value: 'major', label: '전체 장애' },
        { value: 'partial', label: '부분 장애' },
        { value: 'degraded', label: '성능 저하' },
      ],
    })}
		${textInput({ id: 'cause', name: 'cause', label: '원인', value: str(f.cause), maxlength: 500 })}
		${textInput({ id: 'startedAt', name: 'startedAt', type: 'datetime-local', label: '장애 발생 (한국 시간)', value: str(f.startedAt), required: true, hint: '날짜와 시각을 고르세요. 직접 적을 때는 2026-11-30 09:15 처럼.', error: errors.startedAt })}
		${textInput({ id: 'resolvedAt', name: 'resolvedAt', type: 'datetime-local', label: '복구 시간 (한국 시간, 진행 중이면 비워 두기)', value: str(f.resolvedAt), error: errors.resolvedAt })}
		${textarea('body', '첫 안내문', str(f.body), 2000, errors.body)}
		<div class="ilteo-actions">${button({ label: '장애 등록', type: 'submit' })}</div>
	</form>
</section>`;
}

function maintenanceSection(
  windows: Awaited<ReturnType<StatusAdminService['overview']>>['windows'],
  mf: FormValues,
  errors: Errors,
  ctx: DeskContext,
): Html {
  const token = ctx.token;
  const targetOptions = (checked: readonly string[]) => [
    ...serviceOptions(ctx, checked),
    ...ctx.catalogue.components.map((c) => ({
      value: c.id,
      label: `${c.name.ko} (구성 요소)`,
      checked: checked.includes(c.id),
    })),
  ];
  return html`<section class="ilteo-section" aria-labelledby="maint-title">
	<h2 id="maint-title" class="heading-medium">점검 일정</h2>
	${table({
    caption: '점검 일정: 제목, 대상, 시작, 끝, 상태',
    columns: [
      { header: '제목' },
      { header: '대상' },
      { header: '시작' },
      { header: '끝' },
      { header: '관리', align: 'right' },
    ],
    rows: windows.map((w) => [
      w.title,
      w.components.map((c) => ctx.catalogue.names.get(c)?.ko ?? c).join(', '),
      seoulTime(w.startsAt),
      seoulTime(w.endsAt),
      w.cancelledAt
        ? '취소됨'
        : Date.parse(w.endsAt) < ctx.now.getTime()
          ? '끝남'
          : html`<form method="post" action="/admin/status/maintenance/${w.id}/cancel" class="ilteo-inline-form">${csrfField(token)}${button({ label: '취소', type: 'submit', size: 'small', variant: 'secondary' })}</form>`,
    ]),
    rowHeaders: true,
  })}
	${errorSummary(errors)}
	<form method="post" action="/admin/status/maintenance" novalidate>
		${csrfField(token)}<input type="hidden" name="idempotencyKey" value="${str(mf.idempotencyKey) || randomUUID()}">
		${textInput({ id: 'mtitle', name: 'title', label: '점검 제목', value: str(mf.title), required: true, maxlength: 200, error: errors.mtitle })}
		${checkboxGroup({ name: 'components', legend: '점검 대상', idPrefix: 'mcomponents', options: targetOptions(arr(mf.components)), error: errors.mcomponents, collapsible: false })}
		${textInput({ id: 'mstartsAt', name: 'startsAt', type: 'datetime-local', label: '시작 (한국 시간)', value: str(mf.startsAt), required: true, hint: '직접 적을 때는 2026-12-05 02:00 처럼.', error: errors.mstartsAt })}
		${textInput({ id: 'mendsAt', name: 'endsAt', type: 'datetime-local', label: '끝 (한국 시간)', value: str(mf.endsAt), required: true, error: errors.mendsAt })}
		${textarea('description', '안내문', str(mf.description), 2000)}
		<div class="ilteo-actions">${button({ label: '점검 알리기', type: 'submit' })}</div>
	</form>
</section>`;
}

export function incidentDeskPage(
  incident: IncidentRow,
  d: Awaited<ReturnType<StatusAdminService['desk']>>,
  errors: Errors,
  typed: Record<string, string>,
  ctx: DeskContext,
): Html {
  const token = ctx.token;
  const today = ctx.today;
  const p = d.postmortem;
  const v = (name: string, fallback: string) => typed[name] ?? fallback;
  return html`<h1 class="heading-xlarge">${incident.title}</h1>
${ctx.demo ? demoNotice('ko') : null}
<p>${stateBadge(incident.impact, 'ko')} ${seoulTime(incident.startedAt)} ~ ${incident.resolvedAt ? seoulTime(incident.resolvedAt) : '진행 중'} · 원인: ${incident.cause || '-'}
 · <a href="/status/incidents/${incident.id}">공개 화면</a></p>
${errorSummary(errors)}
<section class="ilteo-section" aria-labelledby="updates-title">
	<h2 id="updates-title" class="heading-medium">진행 경과 알리기</h2>
	<form method="post" action="/admin/status/incidents/${incident.id}/updates" novalidate>
		${csrfField(token)}<input type="hidden" name="idempotencyKey" value="${typed.idempotencyKey || randomUUID()}">
		${select({ id: 'status', name: 'status', label: '상태', value: v('status', 'identified'), options: UPDATE_STATUSES.map((s) => ({ value: s, label: UPDATE_LABELS[s].ko })) })}
		${textarea('body', '안내문 (공개)', v('body', ''), 2000, errors.body, incident.automatic ? '자동 장애의 해결은 감시가 복구를 확인할 때 기록됩니다. 여기서는 경과를 알립니다.' : '해결을 고르면 이 시각으로 복구 시간이 기록됩니다.')}
		<div class="ilteo-actions">${button({ label: '게시', type: 'submit' })}</div>
	</form>
	<ol class="ilteo-timeline">${d.updates.map(
    (u) =>
      html`<li class="ilteo-timeline__item"><p><strong>${UPDATE_LABELS[u.status].ko}</strong> ${seoulTime(u.createdAt)} · ${u.author ?? '자동 감시'}</p><p>${u.body}</p></li>`,
  )}</ol>
</section>
<section class="ilteo-section" aria-labelledby="moved-title">
	<h2 id="moved-title" class="heading-medium">실업인정일 자동 변경 ${d.reschedules.length}건</h2>
	${
    d.reschedules.length
      ? reschedulesTable(d.reschedules)
      : html`<p>${incident.services.includes('benefits') && (incident.impact === 'major' || incident.impact === 'partial') ? (incident.resolvedAt ? '이 장애 기간에 실업인정일이 있던 미신청 수급자가 없거나, 아직 처리 전입니다 (1분마다 처리).' : '장애가 끝나면 자동으로 처리합니다.') : '실업급여 서비스의 전체·부분 장애가 아니어서 일정 변경 대상이 아닙니다.'}</p>`
  }
</section>
<section class="ilteo-section" aria-labelledby="pm-title">
	<h2 id="pm-title" class="heading-medium">사후 분석 보고서 ${p?.publishedAt ? badge({ label: '게시됨', color: 'success' }) : badge({ label: '게시 전', color: 'gray' })}</h2>
	<p>일터 기록으로 잰 영향:</p>
	<pre class="ilteo-prewrap" data-measured-impact>${d.impact.text}</pre>
	<form method="post" action="/admin/status/incidents/${incident.id}/postmortem" novalidate>
		${csrfField(token)}
		${textarea('summary', '요약', v('summary', p?.summary ?? ''), 4000, errors.summary)}
		${textarea('impact', '영향', v('impact', p?.impact ?? d.impact.text), 4000)}
		${textarea('rootCause', '근본 원인', v('rootCause', p?.rootCause ?? incident.cause), 4000, errors.rootCause)}
		${checkboxGroup({ name: 'publish', legend: '공개', options: [{ value: 'yes', label: '서비스 상태 화면에 게시', checked: !!p?.publishedAt }], collapsible: false })}
		<div class="ilteo-actions">${button({ label: '보고서 저장', type: 'submit' })}</div>
	</form>
</section>
<section class="ilteo-section" aria-labelledby="actions-title">
	<h2 id="actions-title" class="heading-medium">재발 방지 조치</h2>
	${table({
    caption: '재발 방지 조치: 조치, 담당, 기한, 상태, 확인',
    columns: [{ header: '조치' }, { header: '담당' }, { header: '기한' }, { header: '상태와 확인' }],
    rows: d.actions.map((a) => [
      a.title,
      a.owner,
      html`${a.dueDate}${a.status !== 'done' && a.dueDate < today ? html` ${badge({ label: '기한 지남', color: 'danger', fill: 'bg' })}` : null}`,
      html`<form method="post" action="/admin/status/actions/${a.id}" class="ilteo-inline-form">${csrfField(token)}
				${select({ id: `astatus-${a.id}`, name: 'status', label: '상태', value: a.status, size: 'small', options: Object.entries(ACTION_STATUS).map(([value, n]) => ({ value, label: n.ko })) })}
				${textInput({ id: `averification-${a.id}`, name: 'verification', label: '확인 방법·결과', value: a.verification, size: 'small', maxlength: 500 })}
				${button({ label: '저장', type: 'submit', size: 'small', variant: 'secondary' })}</form>`,
    ]),
    rowHeaders: true,
  })}
	<form method="post" action="/admin/status/incidents/${incident.id}/actions" novalidate>
		${csrfField(token)}<input type="hidden" name="idempotencyKey" value="${typed.actionKey || randomUUID()}">
		${textInput({ id: 'atitle', name: 'title', label: '조치', value: v('atitle', ''), required: true, maxlength: 300, error: errors.atitle })}
		${textInput({ id: 'owner', name: 'owner', label: '담당', value: v('owner', ''), required: true, maxlength: 100, error: errors.owner })}
		${textInput({ id: 'dueDate', name: 'dueDate', label: '기한', type: 'date', value: v('dueDate', ''), required: true, error: errors.dueDate })}
		<div class="ilteo-actions">${button({ label: '조치 추가', type: 'submit', variant: 'secondary' })}</div>
	</form>
</section>`;
}

/** The claimants whose 실업인정일 an incident moved, on its desk (the operations view lists all outages). */
export function reschedulesTable(rows: readonly Rescheduled[]): Html {
  return table({
    caption: '장애로 실업인정일이 바뀐 수급자: 수급자, 고용센터, 차수, 원래 날짜, 새 날짜, 결과',
    columns: ['수급자', '고용센터', '차수', '원래 날짜', '새 날짜', '결과'].map((header) => ({ header })),
    rows: rows.map((r) => [
      r.name,
      r.centre,
      `${r.seq}차`,
      r.fromDate,
      r.toDate ?? '-',
      r.result === 'moved' ? '변경됨 (불이익 없음)' : html`<strong>상담원 확인 필요</strong>: ${r.reason}`,
    ]),
    rowHeaders: true,
  });
}
