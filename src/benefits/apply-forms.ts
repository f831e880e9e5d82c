/**
 * Reading the posted 수급자격 신청 (pure): the typed claim form (form.ts) with the last workplace, the job
 * centre and the form's idempotency key — for the journal in an outage, when no records can be read —
 * and the form filled from the 고용보험 records, where the claimant confirms or disputes each fact.
 */
import { maskPersonalNumbers } from '../identity/rules.ts';
import { isIsoDate } from '../shared/dates.ts';
import { type Errors, formText, IDEMPOTENCY_KEY } from '../web/forms.ts';
import type { ClaimFacts } from './calculate.ts';
import { type ClaimFormValues, parseClaimForm } from './form.ts';
import { JUSTIFIED_REASONS } from './rules.ts';

export type ApplyValues = ClaimFormValues & { companyName: string; centreCode: string };

export interface ParsedApply {
  errors: Errors;
  /** What was typed, to show again. */
  form: ApplyValues;
  /** The form's idempotency key when it is well formed. */
  key: string | undefined;
  /** What to file, when nothing is wrong. */
  value: { facts: ClaimFacts; companyName: string; centreCode: string; idempotencyKey: string } | null;
}

export function parseApply(body: unknown, today: string, centreCodes: readonly string[]): ParsedApply {
  const parsed = parseClaimForm(body as Record<string, unknown>, today);
  const companyName = maskPersonalNumbers(formText(body, 'companyName', 100));
  const centreCode = formText(body, 'centreCode', 50);
  const key = formText(body, 'idempotencyKey', 100);
  const errors: Errors = parsed.ok ? {} : { ...parsed.errors };
  if (!companyName) errors.companyName = '마지막 사업장 이름을 입력해 주세요.';
  if (!centreCodes.includes(centreCode)) errors.centreCode = '신청할 고용센터를 골라 주세요.';
  if (!IDEMPOTENCY_KEY.test(key)) errors._form = '신청 양식이 올바르지 않습니다. 새로 고친 뒤 다시 신청해 주세요.';
  const ok = parsed.ok && Object.keys(errors).length === 0;
  return {
    errors,
    form: { ...parsed.values, companyName, centreCode },
    key: IDEMPOTENCY_KEY.test(key) ? key : undefined,
    value: ok ? { facts: parsed.facts, companyName, centreCode, idempotencyKey: key } : null,
  };
}

/** The claimant's answer on one fact from the records: 확인 (confirm) or 이의 (dispute, with a statement). */
export interface FactAnswer {
  answer: 'confirm' | 'dispute';
  /** The claimant's own account of it (required for a dispute, kept as written). */
  statement: string;
}

/** What the claimant posts on the form filled from the records (the facts themselves are re-read). */
export interface RecordsApplyValues {
  centreCode: string;
  disabled: string;
  justifiedReason: string;
  birthDate: string;
  factsVersion: string;
  answers: Record<string, { answer: string; statement: string }>;
}

export interface ParsedRecordsApply {
  errors: Errors;
  form: RecordsApplyValues;
  key: string | undefined;
  value: {
    centreCode: string;
    idempotencyKey: string;
    disabled: boolean;
    justifiedReason: string | null;
    birthDate: string | null;
    factsVersion: string;
    answers: Record<string, FactAnswer>;
  } | null;
}

/** The field names of one fact's answer and statement (the radio's first id is `${key}Answer-1`). */
export const answerField = (key: string) => `${key}Answer`;
export const statementField = (key: string) => `${key}Statement`;

/**
 * Reads the form filled from the records: for each fact shown (`factKeys`) 확인 or 이의 (none chosen for
 * the claimant: an 이의 keeps the claim going with the fact marked for the counsellor), the 고용센터, 장애
 * 여부, the 정당한 이직 사유 when the 이직사유 is 12, and the 생년월일 only when the records have none.
 */
export function parseRecordsApply(
  body: unknown,
  opts: {
    today: string;
    centreCodes: readonly string[];
    factKeys: readonly string[];
    reason: string;
    needsBirthDate: boolean;
  },
): ParsedRecordsApply {
  const key = formText(body, 'idempotencyKey', 100);
  const form: RecordsApplyValues = {
    centreCode: formText(body, 'centreCode', 50),
    disabled: formText(body, 'disabled', 10),
    justifiedReason: formText(body, 'justifiedReason', 10),
    birthDate: formText(body, 'birthDate', 20),
    factsVersion: formText(body, 'factsVersion', 100),
    answers: {},
  };
  const errors: Errors = {};
  const answers: Record<string, FactAnswer> = {};
  for (const k of opts.factKeys) {
    const answer = formText(body, answerField(k), 10);
    const statement = maskPersonalNumbers(formText(body, statementField(k), 1000));
    form.answers[k] = { answer, statement };
    if (answer !== 'confirm' && answer !== 'dispute')
      errors[`${answerField(k)}-1`] = `${FACT_NAMES[k] ?? k}: 맞는지, 다른지 골라 주세요.`;
    else if (answer === 'dispute' && statement === '')
      errors[statementField(k)] = `${FACT_NAMES[k] ?? k}: 무엇이 다른지 적어 주세요. 상담원이 이 내용으로 확인합니다.`;
    else answers[k] = { answer, statement };
  }
  if (!opts.centreCodes.includes(form.centreCode)) errors.centreCode = '신청할 고용센터를 골라 주세요.';
  const justified = opts.reason === '12' ? form.justifiedReason : '';
  if (opts.reason === '12' && !JUSTIFIED_REASONS.some((j) => j.code === justified))
    errors.justifiedReason = '자진 퇴사(12)라면 정당한 이직 사유를 골라 주세요. 증빙은 고용센터가 확인합니다.';
  if (
    opts.needsBirthDate &&
    (!isIsoDate(form.birthDate) || form.birthDate > opts.today || form.birthDate < '1900-01-01')
  )
    errors.birthDate = '생년월일을 1985-05-20 처럼 연-월-일로 입력해 주세요.';
  if (!IDEMPOTENCY_KEY.test(key)) errors._form = '신청 양식이 올바르지 않습니다. 새로 고친 뒤 다시 신청해 주세요.';
  const ok = Object.keys(errors).length === 0;
  return {
    errors,
    form,
    key: IDEMPOTENCY_KEY.test(key) ? key : undefined,
    value: ok
      ? {
          centreCode: form.centreCode,
          idempotencyKey: key,
          disabled: form.disabled === 'yes',
          justifiedReason: justified || null,
          birthDate: opts.needsBirthDate ? form.birthDate : null,
          factsVersion: form.factsVersion,
          answers,
        }
      : null,
  };
}

/** Short names of the facts, for messages. */
const FACT_NAMES: Record<string, string> = {
  separationDate: '이직일',
  separationReason: '이직사유',
  insuredUnitDays: '피보험단위기간',
  insuredMonths: '피보험기간',
  averageDailyWage: '평균임금',
  ordinaryDailyWage: '통상임금',
  dailyHours: '1일 소정근로시간',
  birthDate: '생년월일',
};
