/**
 * The counsellor's forms on a claim's review page, read and checked (pure): the messages by field and
 * what was typed (to fill the form again), or the checked values. The 실업인정 forms are one per 차수 on
 * the same page, so their fields are named with the 차수 (`rc2`, `newDate3` …) in errors and values.
 * 주민등록번호 typed into a note is masked before it is kept anywhere.
 */
import { CHANGE_KINDS, type ChangeKind, RECOGNITION_REJECTIONS, REJECTION_CODES } from '../benefits/service.ts';
import { maskPersonalNumbers } from '../identity/rules.ts';
import { isIsoDate } from '../shared/dates.ts';
import { type Errors, formText, type Values } from '../web/forms.ts';

type Parsed<T> = { errors: Errors; values: Values; value: T | null };
const done = <T>(errors: Errors, values: Values, value: T): Parsed<T> => ({
  errors,
  values,
  value: Object.keys(errors).length > 0 ? null : value,
});

export const CYCLES = [7, 14, 21, 28] as const;

export interface Approval {
  firstDate: string;
  cycleDays: number;
  note: string;
  repeatClaimant: boolean;
}

/** 수급자격 인정: the 1차 실업인정일 (a date; its range is the service's rule) and a 1~4주 cycle. */
export function parseApprove(body: unknown): Parsed<Approval> {
  const values = {
    firstDate: formText(body, 'firstDate', 20),
    cycleDays: formText(body, 'cycleDays', 3),
    note: maskPersonalNumbers(formText(body, 'note', 500)),
    repeatClaimant: formText(body, 'repeatClaimant', 5),
  };
  const cycle = Number(values.cycleDays);
  const errors: Errors = {};
  if (!isIsoDate(values.firstDate)) errors.firstDate = '1차 실업인정일을 2026-12-09 처럼 입력해 주세요.';
  if (!(CYCLES as readonly number[]).includes(cycle)) errors.cycleDays = '주기는 1~4주 중에서 골라 주세요.';
  return done(errors, values, {
    firstDate: values.firstDate,
    cycleDays: cycle,
    note: values.note,
    repeatClaimant: values.repeatClaimant === 'yes',
  });
}

export type RejectionCode = keyof typeof REJECTION_CODES;

/** 수급자격 불인정: a code of the list and an explanation the claimant will see. */
export function parseRejectClaim(body: unknown): Parsed<{ code: RejectionCode; note: string }> {
  const code = formText(body, 'code', 5);
  const note = maskPersonalNumbers(formText(body, 'note', 500));
  const errors: Errors = {};
  if (!Object.hasOwn(REJECTION_CODES, code)) errors.code = '불인정 사유를 골라 주세요.';
  if (!note) errors.rejectNote = '신청인에게 보일 설명을 적어 주세요.';
  return done(errors, { code, rejectNote: note }, { code: code as RejectionCode, note });
}

/** 재취업 계획 메모 (may be empty: saving an empty note clears it). */
export function parseNote(body: unknown): string {
  return maskPersonalNumbers(formText(body, 'note', 2000));
}

/** 일한 날 of a confirmed 실업인정 (not paid): 0 to 28, 0 when not a number. */
export function parseWorkedDays(body: unknown): number {
  return Math.min(28, Math.max(0, Number(formText(body, 'workedDays', 3)) || 0));
}

export type RecognitionRejection = keyof typeof RECOGNITION_REJECTIONS;

/** 실업인정 불인정 of 차수 `seq`: a code of the list; the explanation is optional. */
export function parseRejectRecognition(
  body: unknown,
  seq: number,
): Parsed<{ code: RecognitionRejection; note: string }> {
  const code = formText(body, 'code', 5);
  const note = maskPersonalNumbers(formText(body, 'note', 300));
  const errors: Errors = {};
  if (!Object.hasOwn(RECOGNITION_REJECTIONS, code))
    errors[`rc${seq}`] = `${seq}차 실업인정의 불인정 사유를 골라 주세요.`;
  return done(errors, { [`rc${seq}`]: code, [`rn${seq}`]: note }, { code: code as RecognitionRejection, note });
}

/** The move form's fields as they were posted (the confirmation page posts them again). */
export interface MoveInput {
  newDate: string;
  kind: string;
  evidence: string;
}

/** 실업인정일 변경 of 차수 `seq`: a new date and a reason of the list; whether they fit is the service's rule. */
export function parseMove(
  body: unknown,
  seq: number,
): Parsed<{ newDate: string; kind: ChangeKind; evidence: string }> & { input: MoveInput } {
  const input = {
    newDate: formText(body, 'newDate', 20),
    kind: formText(body, 'kind', 20),
    evidence: maskPersonalNumbers(formText(body, 'evidence', 200)),
  };
  const values = {
    [`newDate${seq}`]: input.newDate,
    [`kind${seq}`]: input.kind,
    [`evidence${seq}`]: input.evidence,
  };
  const errors: Errors = {};
  if (!isIsoDate(input.newDate)) errors[`newDate${seq}`] = `${seq}차의 새 실업인정일을 2026-12-15 처럼 입력해 주세요.`;
  if (!Object.hasOwn(CHANGE_KINDS, input.kind))
    errors[`kind${seq}`] = `${seq}차 실업인정일을 바꾸는 사유를 골라 주세요.`;
  return { input, ...done(errors, values, { ...input, kind: input.kind as ChangeKind }) };
}

/** A refusal of the move by the service, its fields named with the 차수 (the whole refusal under 사유). */
export function moveErrors(seq: number, message: string, fields: Record<string, string> | undefined): Errors {
  const named = Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => [`${k}${seq}`, v]));
  return Object.keys(named).length > 0 ? named : { [`kind${seq}`]: message };
}
