/**
 * The operators' status desk forms, read and checked (pure): Korean messages per field and what was
 * typed kept, or the checked values ready to be written.
 */
import { parseSeoulLocal } from '../shared/dates.ts';
import { type Errors, formList, formText, IDEMPOTENCY_KEY } from '../web/forms.ts';
import type { ActionStatus } from './admin-store.ts';
import { UPDATE_STATUSES, type UpdateStatus } from './store.ts';

type Parsed<T> = { errors: Errors; value: T | null };
const done = <T>(errors: Errors, value: T): Parsed<T> => ({ errors, value: Object.keys(errors).length ? null : value });
const STALE = '양식을 새로 고친 뒤 다시 보내 주세요.';

export interface DeclareForm {
  idempotencyKey: string;
  services: string[];
  title: string;
  impact: string;
  cause: string;
  startedAt: string;
  resolvedAt: string;
  body: string;
}

export interface Declared {
  key: string;
  services: string[];
  title: string;
  impact: 'major' | 'partial' | 'degraded';
  cause: string;
  startedAt: string;
  resolvedAt: string | null;
  body: string;
}

/** 장애 직접 등록: services of the catalogue, a past start in Seoul time, a recovery after it if given. */
export function parseDeclare(
  body: unknown,
  serviceIds: readonly string[],
  now: Date,
): Parsed<Declared> & { form: DeclareForm } {
  const form: DeclareForm = {
    idempotencyKey: formText(body, 'idempotencyKey', 100),
    services: formList(body, 'services'),
    title: formText(body, 'title', 200),
    impact: formText(body, 'impact', 20),
    cause: formText(body, 'cause', 500),
    startedAt: formText(body, 'startedAt', 20),
    resolvedAt: formText(body, 'resolvedAt', 20),
    body: formText(body, 'body', 2000),
  };
  const errors: Errors = {};
  const services = form.services.filter((s) => serviceIds.includes(s));
  if (!services.length) errors.services = '영향 받는 서비스를 하나 이상 골라 주세요.';
  if (!form.title) errors.title = '제목을 적어 주세요.';
  const started = parseSeoulLocal(form.startedAt);
  if (!started) errors.startedAt = '장애 발생 시각을 2026-11-30T09:15 형식으로 적어 주세요.';
  const resolved = form.resolvedAt ? parseSeoulLocal(form.resolvedAt) : null;
  if (form.resolvedAt && !resolved) errors.resolvedAt = '복구 시간을 2026-11-30T11:57 형식으로 적어 주세요.';
  else if (started && resolved && resolved <= started) errors.resolvedAt = '복구 시간은 발생 시각보다 뒤여야 합니다.';
  if (started && Date.parse(started) > now.getTime()) errors.startedAt = '앞으로의 일은 점검 일정으로 알려 주세요.';
  if (!IDEMPOTENCY_KEY.test(form.idempotencyKey)) errors.services ??= STALE;
  const impact = (['major', 'partial', 'degraded'] as const).find((i) => i === form.impact) ?? 'major';
  return {
    form,
    ...done(errors, {
      key: form.idempotencyKey,
      services,
      title: form.title,
      impact,
      cause: form.cause,
      startedAt: started ?? '',
      resolvedAt: resolved,
      body: form.body || `${form.title}: 운영자가 등록한 장애입니다.`,
    }),
  };
}

export interface MaintenanceForm {
  idempotencyKey: string;
  title: string;
  components: string[];
  startsAt: string;
  endsAt: string;
  description: string;
}

/** 점검 일정: known targets, a start and an end in Seoul time, the end after the start and not past. */
export function parseMaintenance(
  body: unknown,
  isTarget: (id: string) => boolean,
  now: Date,
): Parsed<{
  key: string;
  title: string;
  description: string;
  components: string[];
  startsAt: string;
  endsAt: string;
}> & {
  form: MaintenanceForm;
} {
  const form: MaintenanceForm = {
    idempotencyKey: formText(body, 'idempotencyKey', 100),
    title: formText(body, 'title', 200),
    components: formList(body, 'components'),
    startsAt: formText(body, 'startsAt', 20),
    endsAt: formText(body, 'endsAt', 20),
    description: formText(body, 'description', 2000),
  };
  const errors: Errors = {};
  const targets = form.components.filter(isTarget);
  if (!form.title) errors.mtitle = '점검 제목을 적어 주세요.';
  if (!targets.length) errors.mcomponents = '점검 대상을 하나 이상 골라 주세요.';
  const starts = parseSeoulLocal(form.startsAt);
  const ends = parseSeoulLocal(form.endsAt);
  if (!starts) errors.mstartsAt = '시작 시각을 2026-12-05T02:00 형식으로 적어 주세요.';
  if (!ends) errors.mendsAt = '끝 시각을 2026-12-05T04:00 형식으로 적어 주세요.';
  else if (starts && ends <= starts) errors.mendsAt = '끝 시각은 시작보다 뒤여야 합니다.';
  else if (Date.parse(ends) <= now.getTime()) errors.mendsAt = '이미 지난 점검은 알릴 수 없습니다.';
  if (!IDEMPOTENCY_KEY.test(form.idempotencyKey)) errors.mtitle ??= STALE;
  return {
    form,
    ...done(errors, {
      key: form.idempotencyKey,
      title: form.title,
      description: form.description,
      components: targets,
      startsAt: starts ?? '',
      endsAt: ends ?? '',
    }),
  };
}

/** 진행 경과 알리기: a status and the public text. */
export function parseUpdate(body: unknown): Parsed<{ key: string; status: UpdateStatus; body: string }> & {
  typed: Record<string, string>;
} {
  const key = formText(body, 'idempotencyKey', 100);
  const status = UPDATE_STATUSES.find((s) => s === formText(body, 'status', 20));
  const text = formText(body, 'body', 2000);
  const errors: Errors = {};
  if (!text) errors.body = '공개할 안내문을 적어 주세요.';
  if (!status || !IDEMPOTENCY_KEY.test(key)) errors.body ??= '상태를 고르고 양식을 새로 고친 뒤 다시 보내 주세요.';
  return {
    typed: { idempotencyKey: key, status: status ?? '', body: text },
    ...done(errors, { key, status: status ?? 'investigating', body: text }),
  };
}

/** 사후 분석 보고서: a summary and a root cause; published or not. */
export function parsePostmortem(body: unknown): Parsed<{
  summary: string;
  impact: string;
  rootCause: string;
  publish: boolean;
}> & { typed: Record<string, string> } {
  const typed = {
    summary: formText(body, 'summary', 4000),
    impact: formText(body, 'impact', 4000),
    rootCause: formText(body, 'rootCause', 4000),
  };
  const errors: Errors = {};
  if (!typed.summary) errors.summary = '요약을 적어 주세요.';
  if (!typed.rootCause) errors.rootCause = '근본 원인을 적어 주세요.';
  return { typed, ...done(errors, { ...typed, publish: formList(body, 'publish').includes('yes') }) };
}

/** 재발 방지 조치 추가: what, who, by when. */
export function parseAction(body: unknown): Parsed<{ key: string; title: string; owner: string; dueDate: string }> & {
  typed: Record<string, string>;
} {
  const key = formText(body, 'idempotencyKey', 100);
  const typed = {
    atitle: formText(body, 'title', 300),
    owner: formText(body, 'owner', 100),
    dueDate: formText(body, 'dueDate', 10),
  };
  const errors: Errors = {};
  if (!typed.atitle) errors.atitle = '조치 내용을 적어 주세요.';
  if (!typed.owner) errors.owner = '담당자나 담당 부서를 적어 주세요.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(typed.dueDate) || Number.isNaN(Date.parse(typed.dueDate)))
    errors.dueDate = '기한을 2026-12-31 형식으로 적어 주세요.';
  if (!IDEMPOTENCY_KEY.test(key)) errors.atitle ??= STALE;
  return {
    typed: { ...typed, actionKey: key },
    ...done(errors, { key, title: typed.atitle, owner: typed.owner, dueDate: typed.dueDate }),
  };
}

/** A corrective action's new status: 'done' needs how it was verified. */
export function parseActionUpdate(
  body: unknown,
): { status: ActionStatus; verification: string } | 'no-status' | 'verification-required' {
  const status = (['open', 'in-progress', 'done'] as const).find((s) => s === formText(body, 'status', 20));
  const verification = formText(body, 'verification', 500);
  if (!status) return 'no-status';
  if (status === 'done' && !verification) return 'verification-required';
  return { status, verification };
}
