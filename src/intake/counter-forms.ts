/**
 * 창구 접수 (src/intake/counter.ts), what a counter sends, read and checked (pure): a form's envelope
 * from the offline queue, a closed offline window, and the queue report sent every 30 s.
 */
import { IDEMPOTENCY_KEY } from '../web/forms.ts';

export const COUNTER_KINDS = {
  jobseeking: '구직신청',
  claim: '수급자격 신청',
  recognition: '실업인정 신청',
} as const;
export type CounterKind = keyof typeof COUNTER_KINDS;

export interface CounterSubmission {
  key: string;
  kind: CounterKind;
  /** When the form was taken at the counter (ISO). */
  takenAt: string;
  /** Who took it (checked against the session that sends it). */
  counsellorId: number;
  /** The citizen's 개인회원 아이디. */
  citizen: string;
  payload: Record<string, unknown>;
}

/** How old a counter form may be when it finally arrives (a PC offline over a long weekend). */
const MAX_AGE_MS = 14 * 86_400_000;

/** Checks the envelope (pure); the payload is checked by the kind's own rules when applied. */
export function parseSubmission(
  body: unknown,
  now: Date,
): { ok: true; value: CounterSubmission } | { ok: false; error: string } {
  const b = (body ?? {}) as Record<string, unknown>;
  const key = typeof b.key === 'string' ? b.key : '';
  if (!IDEMPOTENCY_KEY.test(key)) return { ok: false, error: '접수 키가 올바르지 않습니다.' };
  const kind = typeof b.kind === 'string' && b.kind in COUNTER_KINDS ? (b.kind as CounterKind) : null;
  if (!kind) return { ok: false, error: '접수 종류를 알 수 없습니다.' };
  const takenAt = typeof b.takenAt === 'string' ? Date.parse(b.takenAt) : Number.NaN;
  if (Number.isNaN(takenAt)) return { ok: false, error: '접수 시각이 없습니다.' };
  if (takenAt > now.getTime() + 5 * 60_000)
    return { ok: false, error: '접수 시각이 앞으로의 시각입니다. 창구 PC의 시계를 확인해 주세요.' };
  if (takenAt < now.getTime() - MAX_AGE_MS)
    return { ok: false, error: '14일이 지난 창구 접수는 받을 수 없습니다. 고용센터 담당자에게 문의해 주세요.' };
  const counsellorId = Number(b.counsellorId);
  const citizen = typeof b.citizen === 'string' ? b.citizen.trim().slice(0, 50) : '';
  if (!citizen) return { ok: false, error: '대상자(개인회원 아이디)를 적어 주세요.' };
  const payload = typeof b.payload === 'object' && b.payload !== null ? (b.payload as Record<string, unknown>) : {};
  return { ok: true, value: { key, kind, takenAt: new Date(takenAt).toISOString(), counsellorId, citizen, payload } };
}

/** Offline windows shorter than this are network blips: not recorded, nothing rescheduled. */
export const COUNTER_OUTAGE_MIN_MS = 5 * 60_000;
/** The longest offline window kept; a longer one keeps its last 7 days (a PC switched off for weeks). */
export const COUNTER_OUTAGE_MAX_MS = 7 * 86_400_000;
/** How far ahead of the server a counter PC's clock may be (its end is then taken as now). */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface CounterOutageReport {
  key: string;
  counterId: string;
  from: Date;
  to: Date;
  /** The start as reported, when the window was longer than COUNTER_OUTAGE_MAX_MS. */
  reportedFrom: Date | null;
}

/**
 * Checks a counter's offline window {key, counterId, from, to} (pure). `blip` when shorter than
 * COUNTER_OUTAGE_MIN_MS; `status` is the HTTP status for an error (400 malformed, 422 not acceptable).
 */
export function parseCounterOutage(
  body: unknown,
  now: Date,
): { ok: true; blip: boolean; value: CounterOutageReport } | { ok: false; status: 400 | 422; error: string } {
  const b = (body ?? {}) as Record<string, unknown>;
  const key = typeof b.key === 'string' ? b.key : '';
  if (!IDEMPOTENCY_KEY.test(key)) return { ok: false, status: 400, error: '오프라인 기록 키가 올바르지 않습니다.' };
  const counterId = typeof b.counterId === 'string' ? b.counterId : '';
  if (!IDEMPOTENCY_KEY.test(counterId)) return { ok: false, status: 400, error: '창구 PC 식별자가 올바르지 않습니다.' };
  const time = (v: unknown) => (typeof v === 'string' ? Date.parse(v) : Number.NaN);
  const from = time(b.from);
  const reportedTo = time(b.to);
  if (Number.isNaN(from) || Number.isNaN(reportedTo))
    return { ok: false, status: 400, error: '연결이 끊긴 시각과 다시 연결된 시각을 모두 보내야 합니다.' };
  if (reportedTo > now.getTime() + CLOCK_SKEW_MS)
    return {
      ok: false,
      status: 422,
      error: '다시 연결된 시각이 앞으로의 시각입니다. 창구 PC의 시계를 확인해 주세요.',
    };
  const to = Math.min(reportedTo, now.getTime());
  if (from >= to) return { ok: false, status: 422, error: '연결이 끊긴 시각이 다시 연결된 시각보다 앞서야 합니다.' };
  if (to < now.getTime() - MAX_AGE_MS)
    return { ok: false, status: 422, error: '14일이 지난 오프라인 기록은 받을 수 없습니다.' };
  const clamped = to - from > COUNTER_OUTAGE_MAX_MS;
  return {
    ok: true,
    blip: to - from < COUNTER_OUTAGE_MIN_MS,
    value: {
      key,
      counterId,
      from: new Date(clamped ? to - COUNTER_OUTAGE_MAX_MS : from),
      to: new Date(to),
      reportedFrom: clamped ? new Date(from) : null,
    },
  };
}

/** A counter's queue as it reports it: counts cut to 0..1,000,000, the oldest time only when it is one. */
export function parseQueueReport(body: unknown): { waiting: number; review: number; oldestTakenAt: string | null } {
  const b = (body ?? {}) as Record<string, unknown>;
  const count = (v: unknown) =>
    Number.isSafeInteger(Number(v)) && Number(v) >= 0 ? Math.min(Number(v), 1_000_000) : 0;
  const oldest =
    typeof b.oldestTakenAt === 'string' && !Number.isNaN(Date.parse(b.oldestTakenAt)) ? b.oldestTakenAt : null;
  return { waiting: count(b.waiting), review: count(b.review), oldestTakenAt: oldest };
}
