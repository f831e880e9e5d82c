/**
 * 고용센터 창구 접수 (issue 7, part 1), the server side: a form taken at the counter — 구직신청, 수급자격
 * 신청 or 실업인정 신청 — arrives (maybe hours later, from the counter's offline queue) with the key the
 * counter made for it, who took it and when. It is applied once: the underlying writes are idempotent
 * by that key, and the outcome is kept per key, so a second send gets the first answer. What can no
 * longer be applied as filed (the claim changed meanwhile, the window closed) is answered `review`
 * (확인 필요) with why, and kept — never dropped.
 */
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
import type { CounterOutageReport, CounterSubmission } from './counter-forms.ts';
import * as store from './counter-store.ts';

export type { CounterKind, CounterSubmission } from './counter-forms.ts';

export interface CounterOutcome {
  key: string;
  status: 'applied' | 'review';
  message: string;
  ref: string;
}

interface CounterDeps {
  database: Database;
  benefits: BenefitsService;
  market: MarketStore;
  now: () => Date;
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

/** 구직신청: the profile as the counter took it. */
async function applyJobseeking(deps: CounterDeps, s: CounterSubmission, citizen: { id: number }) {
  const parsed = parseSeekerProfile(s.payload);
  if (!parsed.profile) throw new UserError(422, 'INVALID', Object.values(parsed.errors).join(' '));
  await deps.market.saveProfile(citizen.id, parsed.profile);
  return { message: '구직신청을 등록했습니다.', ref: `/centre/clients/${citizen.id}` };
}

/** 수급자격 신청, with its 실업신고일 the day it was taken at the counter. */
async function applyClaim(deps: CounterDeps, s: CounterSubmission, citizen: { id: number }, centreCode: string) {
  const takenAt = new Date(s.takenAt);
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
  const { claim } = await deps.benefits.fileTyped({
    claimant: { id: citizen.id, kind: 'seeker' },
    centreCode,
    idempotencyKey: s.key,
    companyName,
    reportDate: seoulToday(takenAt),
    facts: parsed.facts,
  });
  return { message: `수급자격 신청을 접수했습니다 (신청 ${claim.id}).`, ref: `/centre/claims/${claim.id}` };
}

/** 실업인정 신청 of the citizen's claim at this centre, filed as of the time it was taken. */
async function applyRecognition(deps: CounterDeps, s: CounterSubmission, citizen: { id: number }, centreCode: string) {
  const claimId = Number(s.payload.claimId);
  const seq = Number(s.payload.seq);
  const claim = Number.isSafeInteger(claimId) ? await deps.benefits.claimById(claimId) : undefined;
  if (!claim || claim.claimantId !== citizen.id || claim.centreCode !== centreCode)
    throw new UserError(404, 'NOT_FOUND', '이 고용센터에서 대상자의 그 구직급여 신청을 찾을 수 없습니다.');
  await deps.benefits.fileRecognition({ id: citizen.id, kind: 'seeker' }, claimId, seq, {
    idempotencyKey: s.key,
    workedOrEarned: s.payload.workedOrEarned === 'yes' || s.payload.workedOrEarned === true,
    activities: activitiesOf(s.payload),
    filedAt: new Date(s.takenAt),
  });
  return { message: `${seq}차 실업인정 신청을 접수했습니다.`, ref: `/centre/claims/${claimId}` };
}

function apply(
  deps: CounterDeps,
  s: CounterSubmission,
  citizen: { id: number },
  centreCode: string,
): Promise<{ message: string; ref: string }> {
  if (s.kind === 'jobseeking') return applyJobseeking(deps, s, citizen);
  if (s.kind === 'claim') return applyClaim(deps, s, citizen, centreCode);
  return applyRecognition(deps, s, citizen, centreCode);
}

/** Applies one counter form once; the same key again gets the stored outcome. */
async function submit(deps: CounterDeps, counsellor: Account, s: CounterSubmission): Promise<CounterOutcome> {
  const { database } = deps;
  if (s.counsellorId !== counsellor.id)
    throw new UserError(
      409,
      'OTHER_COUNSELLOR',
      '다른 상담원이 받은 접수입니다. 받은 상담원이 로그인해 전송해 주세요.',
    );
  const centreCode = counsellor.centreCode ?? '';
  const stored = await store.findSubmission(database, s.key);
  if (stored) return { key: s.key, ...stored };
  const citizen = await store.findActiveSeeker(database, s.citizen);
  let outcome: CounterOutcome;
  try {
    if (!citizen)
      throw new UserError(
        404,
        'NO_CITIZEN',
        `개인회원 아이디 "${s.citizen}"${pickJosa(s.citizen, '을/를')} 찾을 수 없습니다.`,
      );
    const done = await apply(deps, s, citizen, centreCode);
    outcome = { key: s.key, status: 'applied', ...done };
  } catch (err) {
    if (!(err instanceof UserError) || err instanceof DatabaseUnavailableError) throw err;
    outcome = { key: s.key, status: 'review', message: err.message, ref: '' };
  }
  await store.insertSubmission(database, {
    key: s.key,
    counsellorId: counsellor.id,
    centreCode,
    kind: s.kind,
    citizenId: citizen?.id ?? null,
    takenAt: s.takenAt,
    receivedAt: deps.now().toISOString(),
    status: outcome.status,
    message: outcome.message,
    ref: outcome.ref,
  });
  const final = await store.findSubmission(database, s.key);
  return final ? { key: s.key, ...final } : outcome;
}

export function createCounterService(deps: CounterDeps) {
  const { database } = deps;
  return {
    submit: (counsellor: Account, s: CounterSubmission) => submit(deps, counsellor, s),

    /**
     * Records a counter's closed offline window, once per key, with the counsellor signed in there and
     * their centre; the rescheduling job (benefits/outage-job.ts) takes it from there.
     */
    async recordOutage(counsellor: Account, o: CounterOutageReport): Promise<{ id: number }> {
      if (!counsellor.centreCode) throw new UserError(403, 'NO_CENTRE', '소속 고용센터가 없는 상담원 계정입니다.');
      const row = await store.insertOutage(database, {
        ...o,
        counsellorId: counsellor.id,
        centreCode: counsellor.centreCode,
        receivedAt: deps.now().toISOString(),
      });
      if (!row) throw new Error(`counter outage ${o.key} not recorded`);
      return row;
    },

    /** What the counter needs offline: the centre's people with their open claims, and the code lists. */
    async reference(counsellor: Account) {
      const people = await store.centrePeople(database, counsellor.centreCode ?? '');
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
      await store.upsertQueue(database, {
        counsellorId: counsellor.id,
        centreCode: counsellor.centreCode ?? '',
        ...q,
        at: deps.now().toISOString(),
      });
    },
  };
}
export type Counter = ReturnType<typeof createCounterService>;
