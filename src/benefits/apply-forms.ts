/**
 * Reading the posted 수급자격 신청 (pure): the claim form (form.ts) with the last workplace, the job
 * centre and the form's idempotency key.
 */
import { maskPersonalNumbers } from '../identity/rules.ts';
import { type Errors, formText, IDEMPOTENCY_KEY } from '../web/forms.ts';
import type { ClaimFacts } from './calculate.ts';
import { type ClaimFormValues, parseClaimForm } from './form.ts';

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
