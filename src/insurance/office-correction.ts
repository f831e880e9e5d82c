/**
 * The 직권 정정 of an upheld 피보험자격 확인 청구 (pure). The counsellor writes the record as it should be —
 * 취득일, and for a record with a 상실 신고 the 상실일, 상실사유 and 월평균보수 — and each 신고 of the record
 * whose values change gets a 정정 of its own: an event like the employer's 정정, pointing at that 신고,
 * with the whole report again and the 청구 in its key (deciding twice files it once). Nothing is
 * overwritten; the employer sees the 정정 on the workplace's ledger and the person on 내 고용보험.
 *
 * 고용보험법 제17조: a 피보험자 may ask for the 확인 of their 피보험자격; the 확인 is also made by office.
 */
// UNCONFIRMED: that the 고용센터 corrects the record itself on an upheld 청구 (제17조 ②, 시행령 제?조) rather
// than ordering the employer to file the 정정; modelled as a 정정 event filed by the counsellor.

import { formText } from '../web/forms.ts';
import { lossCodeError } from './codes.ts';
import { dateError, splitLoss, wageOf } from './report-forms.ts';
import type { Report } from './report-ledger.ts';
import type { NewEvent } from './store.ts';

/** The record as the counsellor finds it should be; a field left null keeps what the 신고 says. */
export interface RecordFix {
  acquiredOn: string | null;
  lostOn: string | null;
  lossCode: string | null;
  lossSubCode: string | null;
  monthlyWage: number | null;
}

export const NO_FIX: RecordFix = {
  acquiredOn: null,
  lostOn: null,
  lossCode: null,
  lossSubCode: null,
  monthlyWage: null,
};

/** The form's names for the record's fields (on the 청구's decision form, beside 인정 / 기각). */
export const FIX_FIELDS = {
  acquiredOn: 'fixAcquiredOn',
  lostOn: 'fixLostOn',
  loss: 'fixLoss',
  monthlyWage: 'fixMonthlyWage',
} as const;

/** The record's fields as typed (each may be left empty: that field stays as reported). */
export function parseRecordFix(
  body: unknown,
  today: string,
): { ok: true; value: RecordFix } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const acquiredOn = formText(body, FIX_FIELDS.acquiredOn, 20);
  const lostOn = formText(body, FIX_FIELDS.lostOn, 20);
  const loss = formText(body, FIX_FIELDS.loss, 20);
  const wageRaw = formText(body, FIX_FIELDS.monthlyWage, 20);
  const acquiredErr = acquiredOn === '' ? null : dateError(acquiredOn, '취득일', today);
  if (acquiredErr) errors[FIX_FIELDS.acquiredOn] = acquiredErr;
  const lostErr = lostOn === '' ? null : dateError(lostOn, '상실일', today);
  if (lostErr) errors[FIX_FIELDS.lostOn] = lostErr;
  const { code, subCode } = splitLoss(loss);
  const lossErr = loss === '' ? null : lossCodeError(code, subCode);
  if (lossErr) errors[FIX_FIELDS.loss] = lossErr;
  const wage = wageRaw === '' ? null : wageOf(wageRaw);
  if (typeof wage === 'string') errors[FIX_FIELDS.monthlyWage] = wage;
  if (Object.keys(errors).length > 0 || typeof wage === 'string') return { ok: false, errors };
  return {
    ok: true,
    value: {
      acquiredOn: acquiredOn || null,
      lostOn: lostOn || null,
      lossCode: loss ? code : null,
      lossSubCode: loss ? subCode : null,
      monthlyWage: wage,
    },
  };
}

export type Correction = Omit<NewEvent, 'reportedBy'>;

/**
 * The 정정 events that make the record's standing 신고 (`reports`: its 취득 and, if any, its 상실) say
 * what `fix` says; none when nothing changes. The 월평균보수 is the 상실 신고's when there is one (as the
 * record shows it), else the 취득 신고's. A 상실일 not after the 취득일 is refused with the field.
 */
export function officeCorrections(
  workplaceId: number,
  reports: readonly Report[],
  fix: RecordFix,
  disputeId: number,
): { ok: true; events: Correction[] } | { ok: false; field: string; message: string } {
  const standing = reports.filter((r) => !r.cancelled);
  const acquire = standing.find((r) => r.kind === 'acquire');
  const lose = standing.find((r) => r.kind === 'lose');
  const acquiredOn = fix.acquiredOn ?? acquire?.current.acquiredOn ?? lose?.current.acquiredOn ?? null;
  const lostOn = fix.lostOn ?? lose?.current.lostOn ?? null;
  if (lose && acquiredOn !== null && lostOn !== null && lostOn <= acquiredOn)
    return {
      ok: false,
      field: FIX_FIELDS.lostOn,
      message: `상실일은 취득일(${acquiredOn}) 다음 날 이후여야 합니다 (이직한 날의 다음 날).`,
    };
  const events: Correction[] = [];
  const correction = (r: Report, values: Partial<Correction>): Correction => {
    const c = r.current;
    return {
      dedupeKey: `dispute:${disputeId}:${r.original.id}`,
      workplaceId,
      kind: 'correct',
      personHash: c.personHash,
      personMasked: c.personMasked,
      personName: c.personName,
      acquiredOn: c.acquiredOn,
      lostOn: c.lostOn,
      monthlyWage: c.monthlyWage,
      dailyHours: c.dailyHours,
      occupationCd: c.occupationCd,
      lossCode: c.lossCode,
      lossSubCode: c.lossSubCode,
      lossReason: c.lossReason,
      correctsId: r.original.id,
      ...values,
    };
  };
  if (acquire) {
    const c = acquire.current;
    const monthlyWage = lose ? c.monthlyWage : (fix.monthlyWage ?? c.monthlyWage);
    if (acquiredOn !== c.acquiredOn || monthlyWage !== c.monthlyWage)
      events.push(correction(acquire, { acquiredOn, monthlyWage }));
  }
  if (lose) {
    const c = lose.current;
    const next = {
      acquiredOn: acquire ? acquiredOn : c.acquiredOn,
      lostOn,
      lossCode: fix.lossCode ?? c.lossCode,
      lossSubCode: fix.lossCode === null ? c.lossSubCode : fix.lossSubCode,
      monthlyWage: fix.monthlyWage ?? c.monthlyWage,
    };
    if (
      next.acquiredOn !== c.acquiredOn ||
      next.lostOn !== c.lostOn ||
      next.lossCode !== c.lossCode ||
      next.lossSubCode !== c.lossSubCode ||
      next.monthlyWage !== c.monthlyWage
    )
      events.push(correction(lose, next));
  }
  return { ok: true, events };
}
