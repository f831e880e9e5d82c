/**
 * The public status page (KRDS, Korean first, `?lang=en` English): each service's state, 90-day bars
 * with the uptime formula, components, announced maintenance, the outage register, each incident's
 * timeline and postmortem, and the incident banner for every page.
 */

import { formatDuration, seoulTime } from '../shared/dates.ts';

export { seoulTime };

import { alert, type BadgeColor, badge, criticalAlerts, table } from '../web/components.ts';
import { type Html, html } from '../web/html.ts';
import type { Lang } from '../web/page.ts';
import type { Named } from './model.ts';
import type { IncidentView, ServiceView, Snapshot } from './snapshot.ts';
import { UPDATE_LABELS } from './store.ts';
import { T } from './texts.ts';
import { type ServiceState, STATE_LABELS } from './uptime.ts';

const STATE_EN: Record<ServiceState, string> = {
  operational: 'Operational',
  degraded: 'Degraded performance',
  'redundancy-lost': 'Redundancy lost',
  partial: 'Partial outage',
  major: 'Major outage',
  maintenance: 'Under maintenance',
  nodata: 'No data',
};

export function stateLabel(state: ServiceState, lang: Lang): string {
  return lang === 'en' ? STATE_EN[state] : STATE_LABELS[state];
}

const STATE_COLOR: Record<ServiceState, BadgeColor> = {
  operational: 'success',
  degraded: 'warning',
  'redundancy-lost': 'information',
  partial: 'warning',
  major: 'danger',
  maintenance: 'gray',
  nodata: 'disabled',
};

export function stateBadge(state: ServiceState, lang: Lang): Html {
  return badge({ label: stateLabel(state, lang), color: STATE_COLOR[state], fill: 'bg-light' });
}

export function durationOf(i: Pick<IncidentView, 'startedAt' | 'resolvedAt'>, now: Date, lang: Lang): string {
  const end = i.resolvedAt ? Date.parse(i.resolvedAt) : now.getTime();
  const text = formatDuration(end - Date.parse(i.startedAt));
  const en = lang === 'en' ? text.replace('시간', ' h').replace('분', ' min').replace('초', ' s') : text;
  return i.resolvedAt ? en : `${en} ${lang === 'en' ? '(ongoing)' : '(진행 중)'}`;
}

const name = (n: Named, lang: Lang) => (lang === 'en' ? n.en : n.ko);
const pct = (p: number | null, lang: Lang) => (p === null ? T[lang].noData : `${p.toFixed(3)}%`);
const q = (lang: Lang) => (lang === 'en' ? '?lang=en' : '');

function serviceNames(snapshot: Snapshot, ids: readonly string[], lang: Lang): string {
  return ids
    .map((id) => snapshot.services.find((s) => s.id === id)?.name ?? { ko: id, en: id })
    .map((n) => name(n, lang))
    .join(', ');
}

function bars(s: ServiceView, lang: Lang): Html {
  const t = T[lang];
  return html`<div class="ilteo-status-bars" aria-hidden="true">${s.days.map(
    (d) =>
      html`<span class="ilteo-status-bar ilteo-status-bar--${d.worst}" title="${d.date}: ${stateLabel(d.worst, lang)} · ${pct(d.percent, lang)}"></span>`,
  )}</div>
<p class="ilteo-status-bars__legend"><span>90${lang === 'en' ? ' days ago' : '일 전'}</span><span>${t.uptime90} <strong>${pct(s.uptime90, lang)}</strong>${
    s.totals90.noDataMs > 0 ? ` · ${t.noData} ${formatDuration(s.totals90.noDataMs)}` : ''
  }</span><span>${lang === 'en' ? 'Today' : '오늘'}</span></p>
<details class="ilteo-status-days">
	<summary>${t.barsTable}<span class="sr-only"> (${name(s.name, lang)})</span></summary>
	${table({
    caption: t.bars(name(s.name, lang)),
    columns: [{ header: t.date }, { header: t.state }, { header: t.availability, align: 'right' }],
    rows: [...s.days].reverse().map((d) => [d.date, stateLabel(d.worst, lang), pct(d.percent, lang)]),
  })}
</details>`;
}

function incidentSummary(i: IncidentView, snapshot: Snapshot, lang: Lang, now: Date): Html {
  const last = i.updates.at(-1);
  return html`<article class="ilteo-incident">
	<h3 class="heading-small"><a href="/status/incidents/${i.id}${q(lang)}">${i.title}</a></h3>
	<p>${stateBadge(i.impact, lang)} ${badge({ label: name(UPDATE_LABELS[i.status], lang), color: 'secondary' })}
		${seoulTime(i.startedAt)} ${T[lang].since} · ${durationOf(i, now, lang)}</p>
	<p>${T[lang].affects}: ${serviceNames(snapshot, i.services, lang) || '-'}</p>${
    last ? html`<p><strong>${T[lang].latest}</strong> (${seoulTime(last.createdAt)}): ${last.body}</p>` : null
  }
</article>`;
}

/**
 * Said at the top of every page that shows the status history when the service runs with `--demo`:
 * the seeded incidents and availability figures are examples, not this service's record.
 */
export function demoNotice(lang: Lang): Html {
  return alert({
    variant: 'info',
    title:
      lang === 'en'
        ? 'Demonstration data: the past incidents and availability figures on this page are examples made by the demo mode, not real outages.'
        : '시연용 데이터입니다: 이 페이지의 지난 장애 기록과 가용률은 시연 모드(--demo)가 만든 예시이며, 실제로 일어난 장애가 아닙니다.',
    body:
      lang === 'en'
        ? 'What the monitors see from now on is real: the current state above is measured.'
        : '지금부터 감시 항목이 확인하는 상태는 실제 측정값입니다.',
    role: 'none',
    lang,
  });
}

export function statusPage(
  snapshot: Snapshot,
  opts: { lang: Lang; now: Date; fresh: boolean; months: string[]; demo?: boolean },
): Html {
  const { lang, now } = opts;
  const t = T[lang];
  const open = snapshot.incidents.filter((i) => !i.resolvedAt);
  return html`<h1 class="heading-xlarge">${t.title}</h1>
<p class="ilteo-lead">${t.lead}</p>
${opts.demo ? demoNotice(lang) : null}
${
  opts.fresh
    ? null
    : alert({ variant: 'warning', title: t.stale(seoulTime(snapshot.generatedAt)), role: 'status', lang })
}
${overallAlert(snapshot, lang)}
${
  open.length
    ? html`<section class="ilteo-section" aria-labelledby="open-title">
	<h2 id="open-title" class="heading-medium">${t.openIncidents}</h2>
	${open.map((i) => incidentSummary(i, snapshot, lang, now))}
</section>`
    : null
}
${maintenanceSection(snapshot, lang)}
${servicesSection(snapshot, lang)}
${componentsSection(snapshot, lang)}
${registerSection(snapshot, lang, now)}
${feedsSection(opts.months, lang)}`;
}

/** All well, some services down, or all of them. */
function overallAlert(snapshot: Snapshot, lang: Lang): Html {
  const t = T[lang];
  const worst = snapshot.services.some((s) => s.state !== 'operational');
  return alert({
    variant: worst
      ? snapshot.services.some((s) => s.state === 'major' || s.state === 'partial')
        ? 'danger'
        : 'warning'
      : 'success',
    title: worst
      ? snapshot.services.every((s) => s.state !== 'operational' && s.state !== 'maintenance')
        ? t.allDown
        : t.someDown
      : t.allOk,
    body: html`${t.updated}: <time datetime="${snapshot.generatedAt}">${seoulTime(snapshot.generatedAt)}</time>`,
    role: 'none',
    lang,
  });
}

function maintenanceSection(snapshot: Snapshot, lang: Lang): Html | null {
  if (!snapshot.maintenance.length) return null;
  return html`<section class="ilteo-section" aria-labelledby="maint-title">
	<h2 id="maint-title" class="heading-medium">${T[lang].maintenance}</h2>
	<ul class="krds-info-list">${snapshot.maintenance.map(
    (m) =>
      html`<li><strong>${m.title}</strong> — ${seoulTime(m.startsAt)} ~ ${seoulTime(m.endsAt)} (${lang === 'en' ? 'KST' : '한국 시간'})${
        m.description ? html`<br>${m.description}` : null
      }</li>`,
  )}</ul>
</section>`;
}

function servicesSection(snapshot: Snapshot, lang: Lang): Html {
  const t = T[lang];
  return html`<section class="ilteo-section" aria-labelledby="services-title">
	<h2 id="services-title" class="heading-medium">${t.services}</h2>
	<ul class="ilteo-status-services">${snapshot.services.map(
    (s) => html`
		<li class="ilteo-status-service" data-service="${s.id}">
			<div class="ilteo-status-service__head">
				<h3 class="heading-small">${name(s.name, lang)}</h3>
				<span class="ilteo-status-state" data-state="${s.state}">${stateBadge(s.state, lang)}</span>
			</div>
			<p class="ilteo-status-service__desc">${name(s.description, lang)}${
        s.state !== 'operational' && s.since ? ` · ${seoulTime(s.since)} ${t.since}` : ''
      }</p>
			${bars(s, lang)}
		</li>`,
  )}
	</ul>
	<details class="ilteo-status-formula" open>
		<summary>${t.formulaTitle}</summary>
		<p><strong>${t.formula}</strong></p>
		<ul class="krds-info-list dash">${t.formulaNotes.map((n) => html`<li>${n}</li>`)}</ul>
	</details>
</section>`;
}

function componentsSection(snapshot: Snapshot, lang: Lang): Html {
  const t = T[lang];
  return html`<section class="ilteo-section" aria-labelledby="components-title">
	<h2 id="components-title" class="heading-medium">${t.components}</h2>
	${table({
    caption: t.components,
    columns: [
      { header: t.component },
      { header: t.state },
      { header: t.cause },
      { header: t.monitors, align: 'right' },
    ],
    rows: shownComponents(snapshot).map((c) => [
      html`${name(c.name, lang)}${c.public ? '' : html` <span class="ilteo-muted">(${t.internal})</span>`}`,
      html`<span data-component="${c.id}" data-state="${c.state}">${stateBadge(c.state, lang)}</span>`,
      c.state === 'operational' ? '-' : c.cause || '-',
      c.monitors.total ? `${c.monitors.total - c.monitors.down} / ${c.monitors.total}` : '-',
    ]),
  })}
${internalSummary(snapshot, lang)}
</section>`;
}

/** The outage register: every incident of the last year. */
function registerSection(snapshot: Snapshot, lang: Lang, now: Date): Html {
  const t = T[lang];
  const register = snapshot.incidents;
  return html`<section class="ilteo-section" aria-labelledby="register-title">
	<h2 id="register-title" class="heading-medium">${t.register}</h2>
	${
    register.length
      ? table({
          caption: t.registerCaption,
          id: 'outage-register',
          columns: t.cols.map((header) => ({ header })),
          rows: register.map((i) => [
            serviceNames(snapshot, i.services, lang) || name(i.componentName, lang),
            seoulTime(i.startedAt),
            i.resolvedAt ? seoulTime(i.resolvedAt) : lang === 'en' ? 'Ongoing' : '진행 중',
            durationOf(i, now, lang),
            i.cause || i.title,
            html`<a href="/status/incidents/${i.id}${q(lang)}">${t.detail}<span class="sr-only">: ${i.title}</span></a>`,
          ]),
        })
      : html`<p>${t.none}</p>`
  }
</section>`;
}

function feedsSection(months: readonly string[], lang: Lang): Html {
  const t = T[lang];
  return html`<section class="ilteo-section" aria-labelledby="feeds-title">
	<h2 id="feeds-title" class="heading-medium">${t.feeds}</h2>
	<ul class="krds-info-list">
		<li><a href="/status/feed.rss">RSS</a> · <a href="/status/feed.atom">Atom</a> · <a href="/status/feed.json">JSON Feed</a></li>
		<li>${t.monthly}: ${months.map(
      (m, idx) =>
        html`${idx ? ' · ' : ''}${m} (<a href="/status/reports/${m}.csv">CSV</a>, <a href="/status/reports/${m}.json">JSON</a>)`,
    )}</li>
	</ul>
</section>`;
}

/** Public components, and internal ones only while they are not 정상 (a fleet can have hundreds). */
function shownComponents(snapshot: Snapshot) {
  return snapshot.components.filter((c) => c.public || c.state !== 'operational');
}

function internalSummary(snapshot: Snapshot, lang: Lang): Html | null {
  const internal = snapshot.components.filter((c) => !c.public);
  if (!internal.length) return null;
  const ok = internal.filter((c) => c.state === 'operational').length;
  return html`<p class="ilteo-muted">${
    lang === 'en'
      ? `Internal components: ${internal.length} (${ok} operational; the others are listed above).`
      : `내부 구성 요소 ${internal.length}개 중 ${ok}개 정상 (정상이 아닌 것은 위 표에 있습니다).`
  }</p>`;
}

export function incidentPage(
  i: IncidentView,
  snapshot: Snapshot,
  opts: { lang: Lang; now: Date; demo?: boolean },
): Html {
  const { lang, now } = opts;
  const ko = lang === 'ko';
  const pm = i.postmortem;
  return html`<h1 class="heading-xlarge">${i.title}</h1>
${opts.demo ? demoNotice(lang) : null}
<p>${stateBadge(i.impact, lang)} ${badge({ label: name(UPDATE_LABELS[i.status], lang), color: 'secondary' })}</p>
<dl class="ilteo-dl ilteo-dl--2col">
	<div class="ilteo-dl__row"><dt class="ilteo-dl__term">${ko ? '장애 발생' : 'Started'}</dt><dd class="ilteo-dl__desc">${seoulTime(i.startedAt)}</dd></div>
	<div class="ilteo-dl__row"><dt class="ilteo-dl__term">${ko ? '복구 시간' : 'Recovered'}</dt><dd class="ilteo-dl__desc">${i.resolvedAt ? seoulTime(i.resolvedAt) : ko ? '진행 중' : 'Ongoing'}</dd></div>
	<div class="ilteo-dl__row"><dt class="ilteo-dl__term">${ko ? '지속 시간' : 'Duration'}</dt><dd class="ilteo-dl__desc" data-duration>${durationOf(i, now, lang)}</dd></div>
	<div class="ilteo-dl__row"><dt class="ilteo-dl__term">${ko ? '원인' : 'Cause'}</dt><dd class="ilteo-dl__desc" data-cause>${name(i.componentName, lang)}: ${i.cause || '-'}</dd></div>
	<div class="ilteo-dl__row"><dt class="ilteo-dl__term">${T[lang].affects}</dt><dd class="ilteo-dl__desc">${serviceNames(snapshot, i.services, lang) || '-'}</dd></div>
	<div class="ilteo-dl__row"><dt class="ilteo-dl__term">${ko ? '감지' : 'Detected by'}</dt><dd class="ilteo-dl__desc">${i.automatic ? (ko ? '자동 감시' : 'Monitors') : ko ? '운영자 등록' : 'Operator'}</dd></div>
</dl>
<section class="ilteo-section" aria-labelledby="timeline-title">
	<h2 id="timeline-title" class="heading-medium">${ko ? '진행 경과' : 'Timeline'}</h2>
	<ol class="ilteo-timeline" reversed>${[...i.updates].reverse().map(
    (u) => html`
		<li class="ilteo-timeline__item" data-update-status="${u.status}">
			<p><strong>${name(UPDATE_LABELS[u.status], lang)}</strong> <time datetime="${u.createdAt}">${seoulTime(u.createdAt)}</time></p>
			<p>${u.body}</p>
		</li>`,
  )}
	</ol>
</section>
${
  pm
    ? html`<section class="ilteo-section" aria-labelledby="pm-title">
	<h2 id="pm-title" class="heading-medium">${ko ? '사후 분석 보고서' : 'Postmortem'}</h2>
	<p class="ilteo-muted">${ko ? '게시' : 'Published'}: ${seoulTime(pm.publishedAt)}</p>
	<h3 class="heading-small">${ko ? '요약' : 'Summary'}</h3>
	<p class="ilteo-prewrap">${pm.summary}</p>
	<h3 class="heading-small">${ko ? '영향' : 'Impact'}</h3>
	<p class="ilteo-prewrap">${pm.impact}</p>
	<h3 class="heading-small">${ko ? '근본 원인' : 'Root cause'}</h3>
	<p class="ilteo-prewrap">${pm.rootCause}</p>
	<h3 class="heading-small">${ko ? '재발 방지 조치' : 'Corrective actions'}</h3>
	${table({
    caption: ko ? '재발 방지 조치: 조치, 담당, 기한, 상태, 확인 방법' : 'Corrective actions',
    columns: [
      { header: ko ? '조치' : 'Action' },
      { header: ko ? '담당' : 'Owner' },
      { header: ko ? '기한' : 'Due' },
      { header: ko ? '상태' : 'Status' },
      { header: ko ? '확인 방법' : 'Verification' },
    ],
    rows: pm.actions.map((a) => [
      a.title,
      a.owner,
      a.dueDate,
      html`${actionStatus(a.status, lang)}${a.overdue ? html` ${badge({ label: ko ? '기한 지남' : 'Overdue', color: 'danger', fill: 'bg' })}` : null}`,
      a.verification || '-',
    ]),
  })}
</section>`
    : null
}
<p><a href="/status${q(lang)}">${ko ? '서비스 상태로 돌아가기' : 'Back to service status'}</a></p>`;
}

export const ACTION_STATUS: Record<'open' | 'in-progress' | 'done', Named> = {
  open: { ko: '시작 전', en: 'Open' },
  'in-progress': { ko: '진행 중', en: 'In progress' },
  done: { ko: '완료', en: 'Done' },
};

export function actionStatus(status: 'open' | 'in-progress' | 'done', lang: Lang): string {
  return name(ACTION_STATUS[status], lang);
}

/** The banner on every page while an incident is open (or maintenance is under way). */
export function incidentBanner(snapshot: Snapshot | null, lang: Lang, at: Date = new Date()): Html | null {
  if (!snapshot) return null;
  const open = snapshot.incidents.filter((i) => !i.resolvedAt);
  const now = at.getTime();
  const maintenance = snapshot.maintenance.filter(
    (m) => Date.parse(m.startsAt) - 24 * 3_600_000 <= now && Date.parse(m.endsAt) > now,
  );
  if (!open.length && !maintenance.length) return null;
  const ko = lang === 'ko';
  const items = [
    ...open.map((i) => ({
      level: i.impact === 'major' || i.impact === 'partial' ? ('danger' as const) : ('info' as const),
      text:
        i.impact === 'redundancy-lost'
          ? ko
            ? `${i.title}: 서비스는 정상 제공 중이며 복구 작업 중입니다. (${seoulTime(i.startedAt)}부터)`
            : `${i.title}: services keep working while redundancy is restored (since ${seoulTime(i.startedAt)}).`
          : ko
            ? `${i.title}: ${serviceNames(snapshot, i.services, lang) || '일부 서비스'} 이용에 문제가 있습니다. (${seoulTime(i.startedAt)}부터)`
            : `${i.title}: ${serviceNames(snapshot, i.services, lang) || 'some services'} affected (since ${seoulTime(i.startedAt)}).`,
      href: `/status/incidents/${i.id}${q(lang)}`,
    })),
    ...maintenance.map((m) => ({
      level: 'info' as const,
      text: ko
        ? `점검 안내: ${m.title} (${seoulTime(m.startsAt)} ~ ${seoulTime(m.endsAt)})`
        : `Maintenance: ${m.title} (${seoulTime(m.startsAt)} – ${seoulTime(m.endsAt)} KST)`,
      href: `/status${q(lang)}`,
    })),
  ];
  return html`<div data-incident-banner>${criticalAlerts(items, { lang, label: ko ? '서비스 장애 알림' : 'Service incidents' })}</div>`;
}
