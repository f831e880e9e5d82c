/**
 * Reading the posted 실업인정 신청 and 실업인정일 변경 forms (pure): the 재취업활동 rows as typed, with a
 * field error for each row that is not a complete activity, and the change with its reason.
 */
import { maskPersonalNumbers } from '../identity/rules.ts';
import { isIsoDate, seoulToday } from '../shared/dates.ts';
import { type Errors, formText } from '../web/forms.ts';
import { activityDateError } from './activities.ts';
import { CHANGE_KINDS, type ChangeKind, type Recognition } from './model.ts';
import { ACTIVITY_KINDS, type ActivityKind } from './rules.ts';

/** One 재취업활동 row of the form, as typed. */
export interface ActivityRow {
  kind: string;
  date: string;
  organisation: string;
  description: string;
}

export const ACTIVITY_ROWS = 5;

export type ReadActivity = { kind: ActivityKind; date: string; organisation: string; description: string };

/** The rows as typed, a field error for each incomplete one, and the complete ones as activities. */
export function readActivities(body: unknown): { rows: ActivityRow[]; errors: Errors; activities: ReadActivity[] } {
  const rows: ActivityRow[] = [];
  const errors: Errors = {};
  const activities: ReadActivity[] = [];
  for (let i = 0; i < ACTIVITY_ROWS; i++) {
    const row = {
      kind: formText(body, `kind${i}`, 30),
      date: formText(body, `date${i}`, 20),
      organisation: maskPersonalNumbers(formText(body, `organisation${i}`, 100)),
      description: maskPersonalNumbers(formText(body, `description${i}`, 200)),
    };
    rows.push(row);
    if (!row.kind && !row.date && !row.organisation && !row.description) continue;
    if (!Object.hasOwn(ACTIVITY_KINDS, row.kind)) errors[`kind${i}`] = `활동 ${i + 1}의 종류를 골라 주세요.`;
    if (!isIsoDate(row.date)) errors[`date${i}`] = `활동 ${i + 1}의 날짜를 2026-11-20 처럼 입력해 주세요.`;
    if (!errors[`kind${i}`] && !errors[`date${i}`]) activities.push({ ...row, kind: row.kind as ActivityKind });
  }
  return { rows, errors, activities };
}

/** Each reported activity dated outside the period being recognised, as a field error of its row. */
export function periodErrors(
  rows: readonly ActivityRow[],
  recognition: Pick<Recognition, 'periodStart' | 'periodEnd'>,
): Errors {
  const errors: Errors = {};
  rows.forEach((row, i) => {
    const error = isIsoDate(row.date) ? activityDateError(row.date, recognition) : null;
    if (error) errors[`date${i}`] = `활동 ${i + 1}: ${error}`;
  });
  return errors;
}

/** 입사 지원 made in Ilteo during the period, as the rows the form starts with (the claimant may change them). */
export function offeredActivities(
  applied: readonly { appliedAt: string; companyName: string; title: string }[],
): ActivityRow[] {
  return applied.slice(0, ACTIVITY_ROWS).map((a) => ({
    kind: 'application',
    date: seoulToday(new Date(a.appliedAt)),
    organisation: a.companyName,
    description: `${a.title} (일터 입사 지원)`,
  }));
}

/** The reasons a claimant may give for a change (an outage's reschedule is staff's, never asked for). */
export const CLAIMANT_CHANGES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(CHANGE_KINDS).filter(([k]) => k !== 'outage'),
);

export type ChangeValues = { newDate: string; kind: string; evidence: string };

export function parseChange(body: unknown): {
  errors: Errors;
  /** The change, when nothing is wrong. */
  value: { newDate: string; kind: ChangeKind; evidence: string } | null;
  /** What was typed, to show again. */
  form: ChangeValues;
} {
  const form = {
    newDate: formText(body, 'newDate', 20),
    kind: formText(body, 'kind', 20),
    evidence: maskPersonalNumbers(formText(body, 'evidence', 200)),
  };
  const errors: Errors = {};
  if (!isIsoDate(form.newDate)) errors.newDate = '바꿀 날짜를 2026-12-15 처럼 입력해 주세요.';
  if (!Object.hasOwn(CLAIMANT_CHANGES, form.kind)) errors.kind = '사유를 골라 주세요.';
  const ok = Object.keys(errors).length === 0;
  return { errors, value: ok ? { ...form, kind: form.kind as ChangeKind } : null, form };
}
