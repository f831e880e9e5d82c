/**
 * 고용센터 창구 접수 (issue 7, part 1), the server side: a form taken at the counter — 구직신청, 수급자격
 * 신청 or 실업인정 신청 — arrives (maybe hours later, from the counter's offline queue) with the key the
 * counter made for it, who took it and when. It is applied once: the underlying writes are idempotent
 * by that key, and the outcome is kept per key, so a second send gets the first answer. What can no
 * longer be applied as filed (the claim changed meanwhile, the window closed) is answered `review`
 * (확인 필요) with why, and kept — never dropped.
 */
import { sql } from 'drizzle-orm';
import { parseClaimForm } from '../benefits/form.ts';
import { ACTIVITY_KINDS, type ActivityKind } from '../benefits/rules.ts';
import type { BenefitsService } from '../benefits/service.ts';
import { DatabaseUnavailableError } from '../db/failover.ts';
import type { Database } from '../db/index.ts';
import type { Account } from '../identity/accounts.ts';
import { maskPersonalNumbers } from '../identity/rules.ts';
import { parseSeekerProfile } from '../market/profile.ts';
import type { MarketStore } from '../market/store.ts';
import { isIsoDate, seoulToday } from '../shared/dates.ts';
import { pickJosa } from '../shared/korean.ts';
import { UserError } from '../web/errors.ts';
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

export interface CounterOutcome {
  key: string;
  status: 'applied' | 'review';
  message: string;
  ref: string;
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

function activitiesOf(payload: Record<string, unknown>) {
  const list = Array.isArray(payload.activities) ? payload.activities : [];
  return list.slice(0, 10).map((a) => {
    const x = (a ?? {}) as Record<string, unknown>;
    const kind = String(x.kind ?? '');
    const date = String(x.date ?? '');
    if (!(kind in ACTIVITY_KINDS) || !isIsoDate(date))
      throw new UserError(422, 'BAD_ACTIVITY', '재취업활동의 종류와 날짜를 확인해 주세요.');
    return {
      kind: kind as ActivityKind,
      date,
      organisation: maskPersonalNumbers(String(x.organisation ?? '').slice(0, 100)),
      description: maskPersonalNumbers(String(x.description ?? '').slice(0, 500)),
    };
  });
}

export function createCounter(deps: {
  database: Database;
  benefits: BenefitsService;
  market: MarketStore;
  now: () => Date;
}) {
  const { database } = deps;

  async function apply(
    s: CounterSubmission,
    citizen: { id: number },
    centreCode: string,
  ): Promise<{ message: string; ref: string }> {
    const takenAt = new Date(s.takenAt);
    if (s.kind === 'jobseeking') {
      const parsed = parseSeekerProfile(s.payload);
      if (!parsed.profile) throw new UserError(422, 'INVALID', Object.values(parsed.errors).join(' '));
      await deps.market.saveProfile(citizen.id, parsed.profile);
      return { message: '구직신청을 등록했습니다.', ref: `/centre/clients/${citizen.id}` };
    }
    if (s.kind === 'claim') {
      const parsed = parseClaimForm(s.payload, seoulToday(takenAt));
      const companyName = maskPersonalNumbers(
        String(s.payload.companyName ?? '')
          .trim()
          .slice(0, 100),
      );
      if (!parsed.ok || !companyName)
        throw new UserError(
          422,
          'INVALID',
          [
            ...(parsed.ok ? [] : Object.values(parsed.errors)),
            ...(companyName ? [] : ['마지막 사업장 이름을 적어 주세요.']),
          ].join(' '),
        );
      const { claim } = await deps.benefits.fileClaim({
        claimant: { id: citizen.id, kind: 'seeker' },
        centreCode,
        idempotencyKey: s.key,
        companyName,
        reportDate: seoulToday(takenAt),
        facts: parsed.facts,
      });
      return { message: `수급자격 신청을 접수했습니다 (신청 ${claim.id}).`, ref: `/centre/claims/${claim.id}` };
    }
    const claimId = Number(s.payload.claimId);
    const seq = Number(s.payload.seq);
    const claim = Number.isSafeInteger(claimId) ? await deps.benefits.claimById(claimId) : undefined;
    if (!claim || claim.claimantId !== citizen.id || claim.centreCode !== centreCode)
      throw new UserError(404, 'NOT_FOUND', '이 고용센터에서 대상자의 그 구직급여 신청을 찾을 수 없습니다.');
    await deps.benefits.fileRecognition({ id: citizen.id, kind: 'seeker' }, claimId, seq, {
      idempotencyKey: s.key,
      workedOrEarned: s.payload.workedOrEarned === 'yes' || s.payload.workedOrEarned === true,
      activities: activitiesOf(s.payload),
      filedAt: takenAt,
    });
    return { message: `${seq}차 실업인정 신청을 접수했습니다.`, ref: `/centre/claims/${claimId}` };
  }

  return {
    /** Applies one counter form once; the same key again gets the stored outcome. */
    async submit(counsellor: Account, s: CounterSubmission): Promise<CounterOutcome> {
      if (s.counsellorId !== counsellor.id)
        throw new UserError(
          409,
          'OTHER_COUNSELLOR',
          '다른 상담원이 받은 접수입니다. 받은 상담원이 로그인해 전송해 주세요.',
        );
      const centreCode = counsellor.centreCode ?? '';
      const [stored] = await database.query<{ status: 'applied' | 'review'; message: string; ref: string }>(
        sql`SELECT status, message, ref FROM counter_submissions WHERE key = ${s.key}`,
      );
      if (stored) return { key: s.key, ...stored };
      const [citizen] = await database.query<{ id: number }>(
        sql`SELECT id::int AS id FROM accounts WHERE login_id = ${s.citizen} AND kind = 'seeker' AND status = 'active'`,
      );
      let outcome: CounterOutcome;
      try {
        if (!citizen)
          throw new UserError(
            404,
            'NO_CITIZEN',
            `개인회원 아이디 "${s.citizen}"${pickJosa(s.citizen, '을/를')} 찾을 수 없습니다.`,
          );
        const done = await apply(s, citizen, centreCode);
        outcome = { key: s.key, status: 'applied', ...done };
      } catch (err) {
        if (!(err instanceof UserError) || err instanceof DatabaseUnavailableError) throw err;
        outcome = { key: s.key, status: 'review', message: err.message, ref: '' };
      }
      await database.query(
        sql`INSERT INTO counter_submissions (key, counsellor_id, centre_code, kind, citizen_id, taken_at, received_at, status, message, ref)
            VALUES (${s.key}, ${counsellor.id}, ${centreCode}, ${s.kind}, ${citizen?.id ?? null}, ${s.takenAt},
                    ${deps.now().toISOString()}, ${outcome.status}, ${outcome.message}, ${outcome.ref})
            ON CONFLICT (key) DO NOTHING`,
      );
      const [final] = await database.query<{ status: 'applied' | 'review'; message: string; ref: string }>(
        sql`SELECT status, message, ref FROM counter_submissions WHERE key = ${s.key}`,
      );
      return final ? { key: s.key, ...final } : outcome;
    },

    /**
     * Records a counter's closed offline window, once per key, with the counsellor signed in there and
     * their centre; the rescheduling job (benefits/outage-job.ts) takes it from there.
     */
    async recordOutage(counsellor: Account, o: CounterOutageReport): Promise<{ id: number }> {
      if (!counsellor.centreCode) throw new UserError(403, 'NO_CENTRE', '소속 고용센터가 없는 상담원 계정입니다.');
      await database.query(
        sql`INSERT INTO counter_outages (key, counter_id, counsellor_id, centre_code, from_at, to_at, reported_from, received_at)
            VALUES (${o.key}, ${o.counterId}, ${counsellor.id}, ${counsellor.centreCode}, ${o.from.toISOString()},
                    ${o.to.toISOString()}, ${o.reportedFrom?.toISOString() ?? null}, ${deps.now().toISOString()})
            ON CONFLICT (key) DO NOTHING`,
      );
      const [row] = await database.query<{ id: number }>(
        sql`SELECT id::int AS id FROM counter_outages WHERE key = ${o.key}`,
      );
      if (!row) throw new Error(`counter outage ${o.key} not recorded`);
      return row;
    },

    /** What the counter needs offline: the centre's people with their open claims, and the code lists. */
    async reference(counsellor: Account) {
      const people = await database.read<{
        loginId: string;
        name: string;
        claims: { claimId: number; status: string; seq: number | null; date: string | null }[] | null;
      }>(
        sql`SELECT a.login_id AS "loginId", a.name,
                   (SELECT json_agg(json_build_object('claimId', c.id, 'status', c.status,
                            'seq', (SELECT min(r.seq) FROM claim_recognitions r WHERE r.claim_id = c.id AND r.status = 'scheduled'),
                            'date', (SELECT min(r.scheduled_date)::text FROM claim_recognitions r WHERE r.claim_id = c.id AND r.status = 'scheduled'))
                            ORDER BY c.id)
                      FROM benefit_claims c WHERE c.claimant_id = a.id AND c.centre_code = ${counsellor.centreCode ?? ''}) AS claims
              FROM accounts a
             WHERE a.kind = 'seeker' AND a.status = 'active'
               AND (a.centre_code = ${counsellor.centreCode ?? ''}
                    OR EXISTS (SELECT 1 FROM benefit_claims c WHERE c.claimant_id = a.id AND c.centre_code = ${counsellor.centreCode ?? ''}))
             ORDER BY a.name LIMIT 5000`,
      );
      return {
        generatedAt: deps.now().toISOString(),
        centre: { code: counsellor.centreCode, name: counsellor.centreName },
        counsellor: { id: counsellor.id, name: counsellor.name },
        people: people.map((p) => ({ ...p, claims: p.claims ?? [] })),
        activityKinds: Object.entries(ACTIVITY_KINDS).map(([code, k]) => ({ code, label: k.label })),
      };
    },

    /** A counter's queue as it reported it (every 30 s while online): the latest report per counsellor. */
    async reportQueue(
      counsellor: Pick<Account, 'id' | 'centreCode'>,
      q: { waiting: number; review: number; oldestTakenAt: string | null },
    ): Promise<void> {
      await database.query(
        sql`INSERT INTO counter_queues (counsellor_id, centre_code, waiting, review, oldest_taken_at, reported_at)
            VALUES (${counsellor.id}, ${counsellor.centreCode ?? ''}, ${q.waiting}, ${q.review}, ${q.oldestTakenAt}, ${deps.now().toISOString()})
            ON CONFLICT (counsellor_id) DO UPDATE SET centre_code = excluded.centre_code, waiting = excluded.waiting,
              review = excluded.review, oldest_taken_at = excluded.oldest_taken_at, reported_at = excluded.reported_at`,
      );
    },
  };
}
export type Counter = ReturnType<typeof createCounter>;
