/**
 * 신고 기한 for the employer's 고용보험 reports, as dated rules (the pattern of src/benefits/rules.ts:
 * a change in the law is a new version with its effective date, never a change in the functions).
 *
 * - 피보험자격 취득·상실 신고: 고용보험법 제15조 제1항, 같은 법 시행령 제7조 제1항 — by the 15th of the
 *   month after the month the ground arose (취득일, or the 상실일 = the day after the last day of work).
 *   고용24's 신고 안내 (m.work24.go.kr, 피보험자격 신고) states the same "다음 달 15일까지" and the 상실일
 *   as the day after the 이직일. A worker may ask for an earlier report; then it is due "지체 없이" (같은
 *   항 단서), which no date can express: the form records the request, this file does not.
 * - 이직확인서: 고용보험법 제42조 제3항 (the employer issues it on request) and 같은 법 시행규칙 — within
 *   10 days of the request.
 * - Counting (행정기본법 제6조 제1항 → 민법): the day of the request is not counted (민법 제157조), and a
 *   period whose last day is a Saturday or a public holiday ends the next day (민법 제161조); 일요일 is a
 *   공휴일 (관공서의 공휴일에 관한 규정 제2조 제1호).
 *
 * UNCONFIRMED (searched "고용보험법 시행령 제7조 피보험자격 신고 기한" and "이직확인서 요청받은 날부터 10일
 * 이내 시행규칙" in the pages and docs corpora; law.go.kr's text itself was not reachable): the article
 * number of the 10-day rule (written here as 시행규칙 제82조 제1항), the date from which 시행령 제7조 has
 * read "다음 달 15일" (written as 2011-01-01, the start of the 사회보험 징수 통합), and whether 근로복지공단
 * moves a due day that falls on a weekend or holiday (민법 제161조 applied here, in the employer's favour).
 */
import { isBusinessDay, koreanCalendar } from '../benefits/schedule.ts';
import { addDays } from '../shared/dates.ts';

export interface DeadlineRule {
  id: string;
  /** First event (취득일·상실일, or request) date the version applies to, inclusive. */
  from: string;
  cite: string;
}

export interface ReportDeadlineRule extends DeadlineRule {
  /** Due on this day of the month after the event's month. */
  dayOfNextMonth: number;
}

export interface CertificateDeadlineRule extends DeadlineRule {
  /** Due this many days after the request (the request day not counted). */
  days: number;
}

export const REPORT_DEADLINE_RULES: readonly ReportDeadlineRule[] = [
  {
    id: '2011-01',
    from: '2011-01-01',
    dayOfNextMonth: 15,
    cite: '고용보험법 제15조 제1항, 같은 법 시행령 제7조 제1항 (사유가 발생한 날이 속하는 달의 다음 달 15일까지)',
  },
];

export const CERTIFICATE_DEADLINE_RULES: readonly CertificateDeadlineRule[] = [
  {
    id: '2011-01',
    from: '2011-01-01',
    days: 10,
    cite: '고용보험법 제42조 제3항, 같은 법 시행규칙 제82조 제1항 (요청받은 날부터 10일 이내)',
  },
];

export const DEADLINE_COUNTING_CITE = '행정기본법 제6조 제1항, 민법 제157조·제161조';

function ruleFor<T extends DeadlineRule>(rules: readonly T[], date: string): T {
  let found: T | undefined;
  for (const r of rules) if (r.from <= date) found = r;
  if (!found) throw new RangeError(`${date}에 적용할 신고 기한 규정이 없습니다 (${rules[0]?.from} 이후만 계산합니다).`);
  return found;
}

function checkDate(date: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
    throw new RangeError(`날짜는 YYYY-MM-DD 형식이어야 합니다: ${date}`);
}

const calendar = koreanCalendar();

/** 민법 제161조: a last day on a Saturday, Sunday or public holiday moves to the next business day. */
export function extendOffHolidays(date: string): string {
  let d = date;
  while (!isBusinessDay(d, calendar)) d = addDays(d, 1);
  return d;
}

export function reportRuleFor(eventDate: string): ReportDeadlineRule {
  return ruleFor(REPORT_DEADLINE_RULES, eventDate);
}

export function certificateRuleFor(requestedOn: string): CertificateDeadlineRule {
  return ruleFor(CERTIFICATE_DEADLINE_RULES, requestedOn);
}

/**
 * The last day to file a 취득 or 상실 신고. `eventDate` is the 취득일 or the 상실일 (the day after the
 * last day of work: a worker who left on 3월 31일 lost the 자격 on 4월 1일, due 5월 15일). The same rule
 * for both kinds today; `kind` picks the version should they part.
 */
export function reportDueOn(kind: 'acquire' | 'lose', eventDate: string): string {
  checkDate(eventDate);
  void kind;
  const rule = reportRuleFor(eventDate);
  const [y, m] = eventDate.split('-').map(Number) as [number, number];
  const next = new Date(Date.UTC(y, m, rule.dayOfNextMonth));
  return extendOffHolidays(next.toISOString().slice(0, 10));
}

/** The last day to file the 이직확인서 asked for on `requestedOn`. */
export function certificateDueOn(requestedOn: string): string {
  checkDate(requestedOn);
  const rule = certificateRuleFor(requestedOn);
  return extendOffHolidays(addDays(requestedOn, rule.days));
}

/** Filed after the due day (filing on the due day is on time). */
export function isLate(dueOn: string, filedOn: string): boolean {
  checkDate(dueOn);
  checkDate(filedOn);
  return filedOn > dueOn;
}
