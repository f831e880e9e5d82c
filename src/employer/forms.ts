/**
 * The small forms of the employer's pages, read and checked (pure): the 한꺼번에 바꾸기 form of a
 * posting's applicants, the status buttons, the idempotency key a form carries, and the 채용공고 등록
 * form with its key (the form's fields are checked by posting-form.ts).
 */
import { EMPLOYER_STATUSES, type EmployerStatus } from '../market/application-status.ts';
import { IDEMPOTENCY_KEY } from '../web/forms.ts';
import { type PostingContent, type PostingFormValues, parsePostingForm } from './posting-form.ts';
import type { PostingStatus } from './postings.ts';

export type { EmployerStatus };

/** Like application-status.ts's, for a value of any type (a query's `to` may be missing or a list). */
export const isEmployerStatus = (s: unknown): s is EmployerStatus =>
  (EMPLOYER_STATUSES as readonly unknown[]).includes(s);

/** What the applicants form was sent with, when it comes back with errors. */
export interface ApplicantsForm {
  errors: Record<string, string>;
  picked: readonly number[];
  status: string;
}

/** Reads the 한꺼번에 바꾸기 form: the status and the picked applicants, or a message per field. Pure. */
export function parseApplicantsForm(
  body: Record<string, unknown>,
): { ok: true; status: EmployerStatus; ids: number[] } | ({ ok: false } & ApplicantsForm) {
  const status = typeof body.status === 'string' ? body.status : '';
  const raw = Array.isArray(body.ids) ? body.ids : body.ids === undefined ? [] : [body.ids];
  const ids = [
    ...new Set(
      raw
        .map(Number)
        .filter((n) => Number.isSafeInteger(n) && n > 0)
        .slice(0, 500),
    ),
  ];
  const errors: Record<string, string> = {};
  if (ids.length === 0) errors.ids = '상태를 바꿀 지원자를 골라 주세요.';
  if (!isEmployerStatus(status)) errors.bulkStatus = '선택한 지원자를 어떤 상태로 바꿀지 골라 주세요.';
  if (Object.keys(errors).length > 0 || !isEmployerStatus(status)) return { ok: false, errors, picked: ids, status };
  return { ok: true, status, ids };
}

/** The status a 다시 열기 / 일시 중지 / 마감하기 button asks for, or null for anything else. */
export function parsePostingStatus(body: unknown): PostingStatus | null {
  const status = (body as Record<string, unknown> | null | undefined)?.status;
  return status === 'open' || status === 'paused' || status === 'closed' ? status : null;
}

/** The form's idempotency key (which also makes a new posting's number), or null when it is not one. */
export function formKey(body: unknown): string | null {
  const key = (body as Record<string, unknown> | null | undefined)?.idempotencyKey;
  return typeof key === 'string' && IDEMPOTENCY_KEY.test(key) ? key : null;
}

/**
 * The 채용공고 등록 form with its idempotency key (the new posting's number comes from it): the posting's
 * content, or the errors — a form without a key asks to reload, as it cannot register once only.
 */
export function parseNewPosting(
  body: Record<string, unknown>,
  today: string,
):
  | { ok: true; key: string; value: PostingContent }
  | { ok: false; key: string | null; values: PostingFormValues; errors: Record<string, string> } {
  const key = formKey(body);
  const parsed = parsePostingForm(body, today);
  if (parsed.ok && key) return { ok: true, key, value: parsed.value };
  const errors = parsed.ok
    ? { _form: '등록 양식이 올바르지 않습니다. 새로 고친 뒤 다시 시도해 주세요.' }
    : parsed.errors;
  return { ok: false, key, values: parsed.values, errors };
}
