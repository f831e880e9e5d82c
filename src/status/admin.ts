/**
 * 운영자 status desk (/admin/status): incidents (updates 조사 중 / 원인 파악 / 모니터링 / 해결, incidents
 * declared by hand for outages the monitors could not see), announced maintenance windows (Asia/Seoul),
 * postmortems with impact from the app's own data, and corrective actions with overdue ones flagged.
 * Every write is a command (src/web/commands.ts): the change and its audit row in one transaction, answered
 * once per idempotency key; the rows keep their own dedupe keys as well.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CHANGE_KINDS } from '../benefits/service.ts';
import type { Database } from '../db/index.ts';
import { accountOf, allow } from '../identity/access.ts';
import { audit, clientOf } from '../identity/audit.ts';
import { rescheduled, rescheduledTable } from '../intake/operations.ts';
import { seoulToday } from '../shared/dates.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import { alert, badge, button, checkboxGroup, select, table, textarea, textInput } from '../web/components.ts';
import { UserError } from '../web/errors.ts';
import { formText, IDEMPOTENCY_KEY } from '../web/forms.ts';
import { type Html, html } from '../web/html.ts';
import { sendPage } from '../web/page.ts';
import { csrfField, csrfToken } from '../web/security.ts';
import type { LiveState } from './model.ts';
import type { StatusRouteDeps } from './routes.ts';
import { UPDATE_LABELS, UPDATE_STATUSES, type UpdateStatus } from './store.ts';
import { ACTION_STATUS, demoNotice, seoulTime, stateBadge } from './views.ts';

const OPERATOR = allow('operator');
type Errors = Record<string, string>;

/** 'YYYY-MM-DDTHH:mm' typed in Seoul time → ISO, or null. Seoul has no DST: always +09:00. */
export function parseSeoulLocal(value: string): string | null {
  // A datetime-local control sends 'YYYY-MM-DDTHH:mm' (':ss' when seconds were set); typed into a
  // browser without the control, a space in place of the T is read the same.
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?$/.exec(value.trim());
  if (!m) return null;
  const d = new Date(`${m[1]}T${m[2]}${m[3] ?? ':00'}+09:00`);
  // 2026-02-30 or 25:00 would roll over into another time: refused, not moved.
  if (Number.isNaN(d.getTime()) || toSeoulLocal(d.toISOString()) !== `${m[1]}T${m[2]}`) return null;
  return d.toISOString();
}

/** ISO → 'YYYY-MM-DDTHH:mm' in Seoul, for datetime-local inputs. */
export function toSeoulLocal(iso: string): string {
  return new Date(Date.parse(iso) + 9 * 3_600_000).toISOString().slice(0, 16);
}

function values(body: unknown, name: string): string[] {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
}

function errorList(errors: Errors): Html | null {
  const entries = Object.entries(errors);
  if (!entries.length) return null;
  return alert({
    variant: 'danger',
    title: '입력한 내용을 확인해 주세요',
    body: html`<ul class="ilteo-error-list">${entries.map(([f, m]) => html`<li><a href="#${f}">${m}</a></li>`)}</ul>`,
  });
}

interface IncidentRow {
  id: number;
  title: string;
  component: string;
  services: string[];
  impact: LiveState;
  cause: string;
  automatic: boolean;
  startedAt: string;
  resolvedAt: string | null;
  [key: string]: unknown;
}

async function findIncident(database: Database, id: number): Promise<IncidentRow | undefined> {
  const [row] = await database.query<IncidentRow>(
    sql`SELECT id, title, component, services, impact, cause, automatic, started_at::text AS "startedAt",
               resolved_at::text AS "resolvedAt" FROM incidents WHERE id = ${id}`,
  );
  return row ? { ...row, id: Number(row.id) } : undefined;
}

/**
 * The incident's impact measured from Ilteo's own records in its window: failed sign-ins, 실업인정일
 * that fell in it, and 실업인정일 moved because of an outage.
 */
export async function measuredImpact(
  database: Database,
  window: { startedAt: string; resolvedAt: string | null },
  now: Date,
): Promise<{
  failedSignIns: number;
  signIns: number;
  recognitionsDue: number;
  recognitionsMoved: number;
  text: string;
}> {
  const from = new Date(window.startedAt).toISOString();
  const to = new Date(window.resolvedAt ?? now.toISOString()).toISOString();
  const fromDay = seoulToday(new Date(from));
  const toDay = seoulToday(new Date(to));
  const [signIns] = await database.query<{ failed: number; total: number }>(
    sql`SELECT count(*) FILTER (WHERE outcome = 'failure')::int AS failed, count(*)::int AS total
          FROM audit_log WHERE action = 'sign-in' AND at >= ${from} AND at <= ${to}`,
  );
  const [rec] = await database.query<{ due: number; moved: number }>(
    sql`SELECT count(*) FILTER (WHERE scheduled_date BETWEEN ${fromDay}::date AND ${toDay}::date)::int AS due,
               count(*) FILTER (WHERE moved_because = ${CHANGE_KINDS.outage} AND nominal_date BETWEEN ${fromDay}::date AND ${toDay}::date)::int AS moved
          FROM claim_recognitions`,
  );
  const failedSignIns = signIns?.failed ?? 0;
  const total = signIns?.total ?? 0;
  const recognitionsDue = rec?.due ?? 0;
  const recognitionsMoved = rec?.moved ?? 0;
  const text = [
    `- 로그인 시도 ${total}건 중 실패 ${failedSignIns}건 (${seoulTime(from)} ~ ${seoulTime(to)})`,
    `- 이 기간에 실업인정일이 있던 건 ${recognitionsDue}건`,
    `- 장애로 실업인정일이 변경된 건 ${recognitionsMoved}건`,
  ].join('\n');
  return { failedSignIns, signIns: total, recognitionsDue, recognitionsMoved, text };
}

export function statusAdminRoutes(app: FastifyInstance, deps: StatusRouteDeps): void {
  const { database, runner, catalogue } = deps;
  const crumbs = (label: string, parent?: { label: string; href: string }) => [
    { label: '운영 관리', href: '/admin' },
    ...(parent ? [parent] : []),
    { label },
  ];
  const serviceOptions = (checked: readonly string[]) =>
    catalogue.services.map((s) => ({ value: s.id, label: s.name.ko, checked: checked.includes(s.id) }));
  const targetOptions = (checked: readonly string[]) => [
    ...serviceOptions(checked),
    ...catalogue.components.map((c) => ({
      value: c.id,
      label: `${c.name.ko} (구성 요소)`,
      checked: checked.includes(c.id),
    })),
  ];
  /**
   * Answers a command's outcome after the status snapshot is refreshed (a read, harmless on a repeat),
   * so the public page shows the change.
   */
  const done = async (reply: FastifyReply, outcome: { redirect: string }) => {
    await runner.refreshSnapshot();
    return sendOutcome(reply, outcome);
  };
  const auditStaff = (request: FastifyRequest, action: string, target: { type: string; id: number | string }) => {
    const me = accountOf(request);
    return audit(database, {
      actor: { id: me.id, kind: me.kind },
      action,
      outcome: 'success',
      target,
      ...clientOf(request),
    });
  };

  const overview = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: { incident: Record<string, string | string[]>; maintenance: Record<string, string | string[]> },
    errors: { incident: Errors; maintenance: Errors },
  ) => {
    const [incidents, windows, overdue] = await Promise.all([
      database.query<IncidentRow>(
        sql`SELECT id, title, component, services, impact, cause, automatic, started_at::text AS "startedAt",
                   resolved_at::text AS "resolvedAt" FROM incidents ORDER BY resolved_at IS NULL DESC, started_at DESC LIMIT 50`,
      ),
      database.query<{
        id: number;
        title: string;
        components: string[];
        startsAt: string;
        endsAt: string;
        cancelledAt: string | null;
      }>(
        sql`SELECT id, title, components, starts_at::text AS "startsAt", ends_at::text AS "endsAt", cancelled_at::text AS "cancelledAt"
              FROM maintenance_windows WHERE ends_at > now() - interval '30 days' ORDER BY starts_at DESC LIMIT 50`,
      ),
      database.query<{ id: number; incidentId: number; title: string; owner: string; dueDate: string }>(
        sql`SELECT id, incident_id AS "incidentId", title, owner, due_date::text AS "dueDate" FROM corrective_actions
             WHERE status <> 'done' AND due_date < ${seoulToday(deps.now())}::date ORDER BY due_date`,
      ),
    ]);
    const token = csrfToken(reply);
    const f = form.incident;
    const mf = form.maintenance;
    const str = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');
    const arr = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
    return sendPage(request, reply, {
      title: '서비스 상태 관리',
      breadcrumbs: crumbs('서비스 상태 관리'),
      main: html`<h1 class="heading-xlarge">서비스 상태 관리</h1>
${deps.demo ? demoNotice('ko') : null}
<p>이 프로세스는 감시 ${runner.isLeader ? html`<strong>주 담당(leader)</strong>` : '보조'}입니다. 공개 화면: <a href="/status">서비스 상태</a></p>
${
  overdue.length
    ? alert({
        variant: 'warning',
        title: `기한이 지난 재발 방지 조치 ${overdue.length}건`,
        body: html`<ul>${overdue.map((a) => html`<li><a href="/admin/status/incidents/${a.incidentId}">${a.title}</a> — ${a.owner}, 기한 ${a.dueDate}</li>`)}</ul>`,
      })
    : null
}
<section class="ilteo-section" aria-labelledby="incidents-title">
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
</section>
<section class="ilteo-section" aria-labelledby="declare-title">
	<h2 id="declare-title" class="heading-medium">장애 직접 등록</h2>
	<p>감시가 보지 못한 장애(외부 기관 연계 중단, 창구 장애 등)를 등록합니다. 실업급여 서비스에 등록한 장애 기간은 실업인정일 자동 변경의 근거가 됩니다.</p>
	${errorList(errors.incident)}
	<form method="post" action="/admin/status/incidents" novalidate>
		${csrfField(token)}<input type="hidden" name="idempotencyKey" value="${str(f.idempotencyKey) || randomUUID()}">
		${checkboxGroup({ name: 'services', legend: '영향 받는 서비스', options: serviceOptions(arr(f.services)), error: errors.incident.services, collapsible: false })}
		${textInput({ id: 'title', name: 'title', label: '제목', value: str(f.title), required: true, maxlength: 200, error: errors.incident.title })}
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
		${textInput({ id: 'startedAt', name: 'startedAt', type: 'datetime-local', label: '장애 발생 (한국 시간)', value: str(f.startedAt), required: true, hint: '날짜와 시각을 고르세요. 직접 적을 때는 2026-11-30 09:15 처럼.', error: errors.incident.startedAt })}
		${textInput({ id: 'resolvedAt', name: 'resolvedAt', type: 'datetime-local', label: '복구 시간 (한국 시간, 진행 중이면 비워 두기)', value: str(f.resolvedAt), error: errors.incident.resolvedAt })}
		${textarea('body', '첫 안내문', str(f.body), 2000, errors.incident.body)}
		<div class="ilteo-actions">${button({ label: '장애 등록', type: 'submit' })}</div>
	</form>
</section>
<section class="ilteo-section" aria-labelledby="maint-title">
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
      w.components.map((c) => catalogue.names.get(c)?.ko ?? c).join(', '),
      seoulTime(w.startsAt),
      seoulTime(w.endsAt),
      w.cancelledAt
        ? '취소됨'
        : Date.parse(w.endsAt) < deps.now().getTime()
          ? '끝남'
          : html`<form method="post" action="/admin/status/maintenance/${w.id}/cancel" class="ilteo-inline-form">${csrfField(token)}${button({ label: '취소', type: 'submit', size: 'small', variant: 'secondary' })}</form>`,
    ]),
    rowHeaders: true,
  })}
	${errorList(errors.maintenance)}
	<form method="post" action="/admin/status/maintenance" novalidate>
		${csrfField(token)}<input type="hidden" name="idempotencyKey" value="${str(mf.idempotencyKey) || randomUUID()}">
		${textInput({ id: 'mtitle', name: 'title', label: '점검 제목', value: str(mf.title), required: true, maxlength: 200, error: errors.maintenance.mtitle })}
		${checkboxGroup({ name: 'components', legend: '점검 대상', idPrefix: 'mcomponents', options: targetOptions(arr(mf.components)), error: errors.maintenance.mcomponents, collapsible: false })}
		${textInput({ id: 'mstartsAt', name: 'startsAt', type: 'datetime-local', label: '시작 (한국 시간)', value: str(mf.startsAt), required: true, hint: '직접 적을 때는 2026-12-05 02:00 처럼.', error: errors.maintenance.mstartsAt })}
		${textInput({ id: 'mendsAt', name: 'endsAt', type: 'datetime-local', label: '끝 (한국 시간)', value: str(mf.endsAt), required: true, error: errors.maintenance.mendsAt })}
		${textarea('description', '안내문', str(mf.description), 2000)}
		<div class="ilteo-actions">${button({ label: '점검 알리기', type: 'submit' })}</div>
	</form>
</section>`,
    });
  };

  app.get('/admin/status', OPERATOR, async (request, reply) =>
    overview(request, reply, { incident: {}, maintenance: {} }, { incident: {}, maintenance: {} }),
  );

  app.post('/admin/status/incidents', writes(OPERATOR, 'status.declareIncident'), async (request, reply) => {
    const body = request.body;
    const form = {
      idempotencyKey: formText(body, 'idempotencyKey', 100),
      services: values(body, 'services'),
      title: formText(body, 'title', 200),
      impact: formText(body, 'impact', 20),
      cause: formText(body, 'cause', 500),
      startedAt: formText(body, 'startedAt', 20),
      resolvedAt: formText(body, 'resolvedAt', 20),
      body: formText(body, 'body', 2000),
    };
    const errors: Errors = {};
    const services = form.services.filter((s) => catalogue.services.some((c) => c.id === s));
    if (!services.length) errors.services = '영향 받는 서비스를 하나 이상 골라 주세요.';
    if (!form.title) errors.title = '제목을 적어 주세요.';
    const started = parseSeoulLocal(form.startedAt);
    if (!started) errors.startedAt = '장애 발생 시각을 2026-11-30T09:15 형식으로 적어 주세요.';
    const resolved = form.resolvedAt ? parseSeoulLocal(form.resolvedAt) : null;
    if (form.resolvedAt && !resolved) errors.resolvedAt = '복구 시간을 2026-11-30T11:57 형식으로 적어 주세요.';
    else if (started && resolved && resolved <= started) errors.resolvedAt = '복구 시간은 발생 시각보다 뒤여야 합니다.';
    if (started && Date.parse(started) > deps.now().getTime())
      errors.startedAt = '앞으로의 일은 점검 일정으로 알려 주세요.';
    if (!IDEMPOTENCY_KEY.test(form.idempotencyKey)) errors.services ??= '양식을 새로 고친 뒤 다시 보내 주세요.';
    const impact = (['major', 'partial', 'degraded'] as const).find((i) => i === form.impact) ?? 'major';
    if (Object.keys(errors).length || !started) {
      reply.status(400);
      return overview(request, reply, { incident: form, maintenance: {} }, { incident: errors, maintenance: {} });
    }
    const me = accountOf(request);
    const { outcome } = await request.command(async () => {
      const [row] = await database.query<{ id: number }>(
        sql`INSERT INTO incidents (dedupe_key, component, services, impact, title, cause, automatic, started_at, resolved_at)
            VALUES (${`manual:${form.idempotencyKey}`}, 'manual', ${sql`ARRAY[${sql.join(
              services.map((s) => sql`${s}`),
              sql`, `,
            )}]::text[]`}, ${impact}, ${form.title}, ${form.cause}, false, ${started}, ${resolved})
            ON CONFLICT (dedupe_key) DO UPDATE SET dedupe_key = excluded.dedupe_key RETURNING id`,
      );
      const incidentId = Number(row?.id);
      const at = deps.now().toISOString();
      await database.query(
        sql`INSERT INTO incident_updates (incident_id, status, body, author_id, dedupe_key, created_at)
            VALUES (${incidentId}, ${resolved ? 'resolved' : 'investigating'}, ${form.body || `${form.title}: 운영자가 등록한 장애입니다.`},
                    ${me.id}, ${`manual:${form.idempotencyKey}:first`}, ${at})
            ON CONFLICT (dedupe_key) DO NOTHING`,
      );
      await auditStaff(request, 'status.incident.declare', { type: 'incident', id: incidentId });
      // The new incident's id, so a repeat is sent to the same incident.
      return { incidentId, redirect: `/admin/status/incidents/${incidentId}` };
    });
    return done(reply, outcome);
  });

  app.post('/admin/status/maintenance', writes(OPERATOR, 'status.announceMaintenance'), async (request, reply) => {
    const body = request.body;
    const form = {
      idempotencyKey: formText(body, 'idempotencyKey', 100),
      title: formText(body, 'title', 200),
      components: values(body, 'components'),
      startsAt: formText(body, 'startsAt', 20),
      endsAt: formText(body, 'endsAt', 20),
      description: formText(body, 'description', 2000),
    };
    const errors: Errors = {};
    const targets = form.components.filter((c) => catalogue.names.has(c));
    if (!form.title) errors.mtitle = '점검 제목을 적어 주세요.';
    if (!targets.length) errors.mcomponents = '점검 대상을 하나 이상 골라 주세요.';
    const starts = parseSeoulLocal(form.startsAt);
    const ends = parseSeoulLocal(form.endsAt);
    if (!starts) errors.mstartsAt = '시작 시각을 2026-12-05T02:00 형식으로 적어 주세요.';
    if (!ends) errors.mendsAt = '끝 시각을 2026-12-05T04:00 형식으로 적어 주세요.';
    else if (starts && ends <= starts) errors.mendsAt = '끝 시각은 시작보다 뒤여야 합니다.';
    else if (Date.parse(ends) <= deps.now().getTime()) errors.mendsAt = '이미 지난 점검은 알릴 수 없습니다.';
    if (!IDEMPOTENCY_KEY.test(form.idempotencyKey)) errors.mtitle ??= '양식을 새로 고친 뒤 다시 보내 주세요.';
    if (Object.keys(errors).length || !starts || !ends) {
      reply.status(400);
      return overview(request, reply, { incident: {}, maintenance: form }, { incident: {}, maintenance: errors });
    }
    const me = accountOf(request);
    const { outcome } = await request.command(async () => {
      const [row] = await database.query<{ id: number }>(
        sql`INSERT INTO maintenance_windows (title, description, components, starts_at, ends_at, author_id, idempotency_key)
            VALUES (${form.title}, ${form.description}, ${sql`ARRAY[${sql.join(
              targets.map((s) => sql`${s}`),
              sql`, `,
            )}]::text[]`}, ${starts}, ${ends}, ${me.id}, ${form.idempotencyKey})
            ON CONFLICT (idempotency_key) DO UPDATE SET idempotency_key = excluded.idempotency_key RETURNING id`,
      );
      const maintenanceId = Number(row?.id);
      await auditStaff(request, 'status.maintenance.create', { type: 'maintenance', id: maintenanceId });
      return { maintenanceId, redirect: '/admin/status' };
    });
    return done(reply, outcome);
  });

  app.post<{ Params: { id: string } }>(
    '/admin/status/maintenance/:id/cancel',
    writes(OPERATOR, 'status.cancelMaintenance'),
    async (request, reply) => {
      const id = Number(request.params.id);
      if (!Number.isSafeInteger(id)) throw new UserError(404, 'NOT_FOUND', '점검 일정을 찾을 수 없습니다.');
      const { outcome } = await request.command(async () => {
        const found = await database.query(
          sql`UPDATE maintenance_windows SET cancelled_at = coalesce(cancelled_at, now()) WHERE id = ${id} RETURNING id`,
        );
        if (found.length === 0) throw new UserError(404, 'NOT_FOUND', '점검 일정을 찾을 수 없습니다.');
        await auditStaff(request, 'status.maintenance.cancel', { type: 'maintenance', id });
        return { redirect: '/admin/status' };
      });
      return done(reply, outcome);
    },
  );

  const incidentDesk = async (
    request: FastifyRequest,
    reply: FastifyReply,
    incident: IncidentRow,
    errors: Errors,
    typed: Record<string, string>,
  ) => {
    const [updates, pm, actions, impact, reschedules] = await Promise.all([
      database.query<{ status: UpdateStatus; body: string; createdAt: string; author: string | null }>(
        sql`SELECT u.status, u.body, u.created_at::text AS "createdAt", a.name AS author
              FROM incident_updates u LEFT JOIN accounts a ON a.id = u.author_id
             WHERE u.incident_id = ${incident.id} ORDER BY u.created_at DESC, u.id DESC`,
      ),
      database.query<{ summary: string; rootCause: string; impact: string; publishedAt: string | null }>(
        sql`SELECT summary, root_cause AS "rootCause", impact, published_at::text AS "publishedAt" FROM postmortems WHERE incident_id = ${incident.id}`,
      ),
      database.query<{
        id: number;
        title: string;
        owner: string;
        dueDate: string;
        status: 'open' | 'in-progress' | 'done';
        verification: string;
      }>(
        sql`SELECT id, title, owner, due_date::text AS "dueDate", status, verification FROM corrective_actions
             WHERE incident_id = ${incident.id} ORDER BY due_date, id`,
      ),
      measuredImpact(database, incident, deps.now()),
      rescheduled(database, { incidentId: incident.id }),
    ]);
    const p = pm[0];
    const token = csrfToken(reply);
    const today = seoulToday(deps.now());
    const v = (name: string, fallback: string) => typed[name] ?? fallback;
    return sendPage(request, reply, {
      title: incident.title,
      breadcrumbs: crumbs(incident.title, { label: '서비스 상태 관리', href: '/admin/status' }),
      main: html`<h1 class="heading-xlarge">${incident.title}</h1>
${deps.demo ? demoNotice('ko') : null}
<p>${stateBadge(incident.impact, 'ko')} ${seoulTime(incident.startedAt)} ~ ${incident.resolvedAt ? seoulTime(incident.resolvedAt) : '진행 중'} · 원인: ${incident.cause || '-'}
 · <a href="/status/incidents/${incident.id}">공개 화면</a></p>
${errorList(errors)}
<section class="ilteo-section" aria-labelledby="updates-title">
	<h2 id="updates-title" class="heading-medium">진행 경과 알리기</h2>
	<form method="post" action="/admin/status/incidents/${incident.id}/updates" novalidate>
		${csrfField(token)}<input type="hidden" name="idempotencyKey" value="${typed.idempotencyKey ?? randomUUID()}">
		${select({ id: 'status', name: 'status', label: '상태', value: v('status', 'identified'), options: UPDATE_STATUSES.map((s) => ({ value: s, label: UPDATE_LABELS[s].ko })) })}
		${textarea('body', '안내문 (공개)', v('body', ''), 2000, errors.body, incident.automatic ? '자동 장애의 해결은 감시가 복구를 확인할 때 기록됩니다. 여기서는 경과를 알립니다.' : '해결을 고르면 이 시각으로 복구 시간이 기록됩니다.')}
		<div class="ilteo-actions">${button({ label: '게시', type: 'submit' })}</div>
	</form>
	<ol class="ilteo-timeline">${updates.map(
    (u) =>
      html`<li class="ilteo-timeline__item"><p><strong>${UPDATE_LABELS[u.status].ko}</strong> ${seoulTime(u.createdAt)} · ${u.author ?? '자동 감시'}</p><p>${u.body}</p></li>`,
  )}</ol>
</section>
<section class="ilteo-section" aria-labelledby="moved-title">
	<h2 id="moved-title" class="heading-medium">실업인정일 자동 변경 ${reschedules.length}건</h2>
	${
    reschedules.length
      ? rescheduledTable(reschedules, { withIncident: false })
      : html`<p>${incident.services.includes('benefits') && (incident.impact === 'major' || incident.impact === 'partial') ? (incident.resolvedAt ? '이 장애 기간에 실업인정일이 있던 미신청 수급자가 없거나, 아직 처리 전입니다 (1분마다 처리).' : '장애가 끝나면 자동으로 처리합니다.') : '실업급여 서비스의 전체·부분 장애가 아니어서 일정 변경 대상이 아닙니다.'}</p>`
  }
</section>
<section class="ilteo-section" aria-labelledby="pm-title">
	<h2 id="pm-title" class="heading-medium">사후 분석 보고서 ${p?.publishedAt ? badge({ label: '게시됨', color: 'success' }) : badge({ label: '게시 전', color: 'gray' })}</h2>
	<p>일터 기록으로 잰 영향:</p>
	<pre class="ilteo-prewrap" data-measured-impact>${impact.text}</pre>
	<form method="post" action="/admin/status/incidents/${incident.id}/postmortem" novalidate>
		${csrfField(token)}
		${textarea('summary', '요약', v('summary', p?.summary ?? ''), 4000, errors.summary)}
		${textarea('impact', '영향', v('impact', p?.impact ?? impact.text), 4000)}
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
    rows: actions.map((a) => [
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
		${csrfField(token)}<input type="hidden" name="idempotencyKey" value="${typed.actionKey ?? randomUUID()}">
		${textInput({ id: 'atitle', name: 'title', label: '조치', value: v('atitle', ''), required: true, maxlength: 300, error: errors.atitle })}
		${textInput({ id: 'owner', name: 'owner', label: '담당', value: v('owner', ''), required: true, maxlength: 100, error: errors.owner })}
		${textInput({ id: 'dueDate', name: 'dueDate', label: '기한', type: 'date', value: v('dueDate', ''), required: true, error: errors.dueDate })}
		<div class="ilteo-actions">${button({ label: '조치 추가', type: 'submit', variant: 'secondary' })}</div>
	</form>
</section>`,
    });
  };

  const incidentOf = async (raw: string) => {
    const id = Number(raw);
    const incident = Number.isSafeInteger(id) ? await findIncident(database, id) : undefined;
    if (!incident) throw new UserError(404, 'NOT_FOUND', '장애 기록을 찾을 수 없습니다.');
    return incident;
  };

  app.get<{ Params: { id: string } }>('/admin/status/incidents/:id', OPERATOR, async (request, reply) =>
    incidentDesk(request, reply, await incidentOf(request.params.id), {}, {}),
  );

  app.post<{ Params: { id: string } }>(
    '/admin/status/incidents/:id/updates',
    writes(OPERATOR, 'status.postIncidentUpdate'),
    async (request, reply) => {
      const incident = await incidentOf(request.params.id);
      const key = formText(request.body, 'idempotencyKey', 100);
      const status = UPDATE_STATUSES.find((s) => s === formText(request.body, 'status', 20));
      const body = formText(request.body, 'body', 2000);
      const errors: Errors = {};
      if (!body) errors.body = '공개할 안내문을 적어 주세요.';
      if (!status || !IDEMPOTENCY_KEY.test(key)) errors.body ??= '상태를 고르고 양식을 새로 고친 뒤 다시 보내 주세요.';
      if (Object.keys(errors).length || !status) {
        reply.status(400);
        return incidentDesk(request, reply, incident, errors, {
          idempotencyKey: key || randomUUID(),
          status: status ?? '',
          body,
        });
      }
      const me = accountOf(request);
      const { outcome } = await request.command(async () => {
        const at = deps.now().toISOString();
        await database.query(
          sql`INSERT INTO incident_updates (incident_id, status, body, author_id, dedupe_key, created_at)
            VALUES (${incident.id}, ${status}, ${body}, ${me.id}, ${`op:${key}`}, ${at}) ON CONFLICT (dedupe_key) DO NOTHING`,
        );
        // An operator resolves a declared incident; automatic ones close when the monitors see recovery.
        if (status === 'resolved' && !incident.automatic)
          await database.query(
            sql`UPDATE incidents SET resolved_at = coalesce(resolved_at, ${at}) WHERE id = ${incident.id}`,
          );
        await auditStaff(request, 'status.incident.update', { type: 'incident', id: incident.id });
        return { redirect: `/admin/status/incidents/${incident.id}` };
      });
      return done(reply, outcome);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/status/incidents/:id/postmortem',
    writes(OPERATOR, 'status.savePostmortem'),
    async (request, reply) => {
      const incident = await incidentOf(request.params.id);
      const typed = {
        summary: formText(request.body, 'summary', 4000),
        impact: formText(request.body, 'impact', 4000),
        rootCause: formText(request.body, 'rootCause', 4000),
      };
      const publish = values(request.body, 'publish').includes('yes');
      const errors: Errors = {};
      if (!typed.summary) errors.summary = '요약을 적어 주세요.';
      if (!typed.rootCause) errors.rootCause = '근본 원인을 적어 주세요.';
      if (Object.keys(errors).length) {
        reply.status(400);
        return incidentDesk(request, reply, incident, errors, typed);
      }
      const { outcome } = await request.command(async () => {
        const at = deps.now().toISOString();
        await database.query(
          sql`INSERT INTO postmortems (incident_id, summary, root_cause, impact, published_at, updated_at)
            VALUES (${incident.id}, ${typed.summary}, ${typed.rootCause}, ${typed.impact}, ${publish ? at : null}, ${at})
            ON CONFLICT (incident_id) DO UPDATE SET summary = excluded.summary, root_cause = excluded.root_cause,
              impact = excluded.impact, updated_at = excluded.updated_at,
              published_at = CASE WHEN ${publish} THEN coalesce(postmortems.published_at, excluded.updated_at) ELSE NULL END`,
        );
        await auditStaff(request, publish ? 'status.postmortem.publish' : 'status.postmortem.save', {
          type: 'incident',
          id: incident.id,
        });
        return { redirect: `/admin/status/incidents/${incident.id}` };
      });
      return done(reply, outcome);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/status/incidents/:id/actions',
    writes(OPERATOR, 'status.addCorrectiveAction'),
    async (request, reply) => {
      const incident = await incidentOf(request.params.id);
      const key = formText(request.body, 'idempotencyKey', 100);
      const typed = {
        atitle: formText(request.body, 'title', 300),
        owner: formText(request.body, 'owner', 100),
        dueDate: formText(request.body, 'dueDate', 10),
      };
      const errors: Errors = {};
      if (!typed.atitle) errors.atitle = '조치 내용을 적어 주세요.';
      if (!typed.owner) errors.owner = '담당자나 담당 부서를 적어 주세요.';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(typed.dueDate) || Number.isNaN(Date.parse(typed.dueDate)))
        errors.dueDate = '기한을 2026-12-31 형식으로 적어 주세요.';
      if (!IDEMPOTENCY_KEY.test(key)) errors.atitle ??= '양식을 새로 고친 뒤 다시 보내 주세요.';
      if (Object.keys(errors).length) {
        reply.status(400);
        return incidentDesk(request, reply, incident, errors, { ...typed, actionKey: key || randomUUID() });
      }
      const { outcome } = await request.command(async () => {
        await database.query(
          sql`INSERT INTO corrective_actions (incident_id, title, owner, due_date, idempotency_key)
            VALUES (${incident.id}, ${typed.atitle}, ${typed.owner}, ${typed.dueDate}, ${key}) ON CONFLICT (idempotency_key) DO NOTHING`,
        );
        await auditStaff(request, 'status.action.create', { type: 'incident', id: incident.id });
        return { redirect: `/admin/status/incidents/${incident.id}` };
      });
      return done(reply, outcome);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/status/actions/:id',
    writes(OPERATOR, 'status.updateCorrectiveAction'),
    async (request, reply) => {
      const id = Number(request.params.id);
      const status = (['open', 'in-progress', 'done'] as const).find((s) => s === formText(request.body, 'status', 20));
      const verification = formText(request.body, 'verification', 500);
      if (!Number.isSafeInteger(id) || !status) throw new UserError(400, 'BAD_REQUEST', '조치 상태를 골라 주세요.');
      if (status === 'done' && !verification)
        throw new UserError(422, 'VERIFICATION_REQUIRED', '완료로 바꾸려면 어떻게 확인했는지 적어 주세요.');
      const { outcome } = await request.command(async () => {
        const [row] = await database.query<{ incidentId: number }>(
          sql`UPDATE corrective_actions SET status = ${status}, verification = ${verification},
                   done_at = CASE WHEN ${status} = 'done' THEN coalesce(done_at, ${deps.now().toISOString()}::timestamptz) ELSE NULL END
             WHERE id = ${id} RETURNING incident_id AS "incidentId"`,
        );
        // Rolls back: nothing changed and nothing is stored for the key.
        if (!row) throw new UserError(404, 'NOT_FOUND', '조치를 찾을 수 없습니다.');
        await auditStaff(request, 'status.action.update', { type: 'corrective_action', id });
        return { redirect: `/admin/status/incidents/${row.incidentId}` };
      });
      return done(reply, outcome);
    },
  );
}
