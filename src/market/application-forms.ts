/**
 * The forms of 이력서 and 입사지원 (pure): where a saved resume goes back to, a resume as the form shows
 * it, the 지원하기 form, and the employer's 전형 진행 form.
 */
import { formText, IDEMPOTENCY_KEY } from '../web/forms.ts';
import { safeLocalPath } from '../web/security.ts';
import { type EmployerStatus, isEmployerStatus } from './application-status.ts';
import type { ResumeValues } from './resume.ts';
import type { Resume } from './resume-store.ts';

const RESUMES = '/my/resumes';

/** Where the resume form goes back to: the 지원하기 page it came from, or the resume list. */
export function resumeReturnPath(raw: string): string {
  return /^\/jobs\/[A-Za-z0-9]+\/apply$/.test(raw) ? safeLocalPath(raw, RESUMES) : RESUMES;
}

/** After a resume is saved: the list says so, the 지원하기 page offers the resume. */
export function resumeSavedRedirect(returnTo: string): string {
  return returnTo === RESUMES ? '/my/resumes?saved=1' : `${returnTo}?resume=saved`;
}

/** A saved resume as the form's fields. */
export function resumeValues(r: Resume): ResumeValues {
  const values: ResumeValues = {
    title: r.title,
    education: r.education,
    school: r.school,
    certificates: r.certificates,
    skills: r.skills,
    introduction: r.introduction,
    isPublic: r.isPublic ? 'yes' : '',
  };
  r.careers.forEach((c, i) => {
    values[`company${i}`] = c.company;
    values[`role${i}`] = c.role;
    values[`from${i}`] = c.from;
    values[`to${i}`] = c.to;
  });
  return values;
}

export interface ApplyForm {
  /** The form's idempotency key as posted (checked by `keyIsValid`). */
  key: string;
  resumeId: number;
}

/** The 지원하기 form. */
export function parseApply(body: unknown): ApplyForm {
  return {
    key: formText(body, 'idempotencyKey', 100),
    // Not a number (or past bigint): no resume of theirs, refused as such (422), never a failed query.
    resumeId: Number(/^\d{1,15}$/.exec(formText(body, 'resumeId', 20))?.[0] ?? 0),
  };
}

export const keyIsValid = (form: ApplyForm): boolean => IDEMPOTENCY_KEY.test(form.key);

/** What goes into the journal for a 입사지원 no database can take, or undefined when it cannot be taken. */
export function journalPayload(
  wantedAuthNo: string,
  form: ApplyForm,
): { wantedAuthNo: string; resumeId: number } | undefined {
  if (!/^[A-Za-z0-9]{1,40}$/.test(wantedAuthNo) || !keyIsValid(form) || !Number.isSafeInteger(form.resumeId))
    return undefined;
  return { wantedAuthNo, resumeId: form.resumeId };
}

/** Where the seeker goes after applying: the list, saying whether this was the first time. */
export function appliedRedirect(outcome: { created: boolean; wantedAuthNo: string }): string {
  return `/my/applications?${outcome.created ? 'applied' : 'already'}=${encodeURIComponent(outcome.wantedAuthNo)}`;
}

/** The employer's 전형 진행 form: the next status, or the message and what was picked. */
export function parseMove(body: unknown): { status: EmployerStatus } | { error: string; status: string } {
  const status = formText(body, 'status', 20);
  if (isEmployerStatus(status)) return { status };
  return { error: '다음 상태를 서류합격, 면접, 합격, 불합격 가운데에서 골라 주세요.', status };
}
