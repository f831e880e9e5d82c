/**
 * The 피보험자격 확인 청구 forms (pure): the person's reason, and the counsellor's decision with its
 * reason. A 주민등록번호-like number typed into a reason is masked before it is kept (it would otherwise
 * land in the database and on the counsellor's page).
 */
import { maskPersonalNumbers } from '../identity/rules.ts';
import type { Errors } from '../web/forms.ts';
import { FIX_FIELDS, NO_FIX, parseRecordFix, type RecordFix } from './office-correction.ts';

export const REASON_MAX = 1000;

const text = (raw: Record<string, unknown>, name: string) =>
  typeof raw[name] === 'string' ? (raw[name] as string).replace(/\r\n/g, '\n').trim() : '';

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Errors; typed: Record<string, string> };

/** 청구 이유: what is wrong with the record, in the person's words. */
export function parseDispute(raw: Record<string, unknown>): Parsed<{ reason: string }> {
  const reason = text(raw, 'reason');
  const errors: Errors = {};
  if ([...reason].length < 5)
    errors.reason = '어떤 내용이 사실과 다른지 5자 이상 적어 주세요 (예: 실제 퇴사일은 2026년 6월 30일입니다).';
  else if ([...reason].length > REASON_MAX)
    errors.reason = `청구 이유는 ${REASON_MAX.toLocaleString()}자 이내로 적어 주세요.`;
  if (Object.keys(errors).length > 0) return { ok: false, errors, typed: { reason: text(raw, 'reason') } };
  return { ok: true, value: { reason: maskPersonalNumbers(reason) } };
}

export type DisputeDecision = 'upheld' | 'rejected';

/** What the decision form shows again after a refused post. */
export type TypedDecision = Record<string, string> & { decision: string; decisionReason: string };

/** The decision form as typed, to show it again. */
export function typedDecision(raw: Record<string, unknown>): TypedDecision {
  return {
    ...Object.fromEntries(Object.values(FIX_FIELDS).map((f) => [f, text(raw, f)])),
    decision: text(raw, 'decision'),
    decisionReason: text(raw, 'decisionReason'),
  };
}

/**
 * The counsellor's 인정 / 기각 — chosen, never pre-selected — with a required reason; on 인정, the record
 * as it should be (each field left empty stays as reported; ignored on 기각).
 */
export function parseDecision(
  raw: Record<string, unknown>,
  today: string,
): Parsed<{ decision: DisputeDecision; reason: string; fix: RecordFix }> {
  const decision = text(raw, 'decision');
  const reason = text(raw, 'decisionReason');
  const fix = decision === 'upheld' ? parseRecordFix(raw, today) : ({ ok: true, value: NO_FIX } as const);
  const errors: Errors = fix.ok ? {} : { ...fix.errors };
  if (decision !== 'upheld' && decision !== 'rejected') errors['decision-1'] = '인정 또는 기각을 골라 주세요.';
  if ([...reason].length < 5) errors.decisionReason = '결정 이유를 5자 이상 적어 주세요. 청구인에게 그대로 보입니다.';
  else if ([...reason].length > REASON_MAX)
    errors.decisionReason = `결정 이유는 ${REASON_MAX.toLocaleString()}자 이내로 적어 주세요.`;
  const typed = typedDecision(raw);
  if (Object.keys(errors).length > 0 || !fix.ok) return { ok: false, errors, typed };
  return {
    ok: true,
    value: { decision: decision as DisputeDecision, reason: maskPersonalNumbers(reason), fix: fix.value },
  };
}
