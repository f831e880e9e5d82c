/**
 * 재취업활동 requirements per 실업인정 (실업인정 및 재취업지원 규정, the figures in rules.ts): how many
 * activities a period needs, how many of them must be actual job search (입사 지원·면접), which
 * activities may be reported (dated inside the period being recognised), which count (within per-claim
 * caps), and — in Korean — exactly what is missing.
 */
import { formatDate } from '../shared/dates.ts';
import { josa } from '../shared/korean.ts';
import { ACTIVITY_CAPS, ACTIVITY_KINDS, ACTIVITY_REQUIREMENTS, type ActivityKind } from './rules.ts';

/**
 * Why an activity's date cannot be reported for the period being recognised (null when it can): it
 * must lie in the period, first and last day included.
 */
export function activityDateError(date: string, period: { periodStart: string; periodEnd: string }): string | null {
  if (date >= period.periodStart && date <= period.periodEnd) return null;
  return `활동일은 인정 기간(${formatDate(period.periodStart)}~${formatDate(period.periodEnd)}) 안이어야 합니다.`;
}

export interface ClaimantProfile {
  /** 만 나이 on the 이직일. */
  age: number;
  disabled: boolean;
  /** 반복수급자: received 구직급여 3 or more times in the last 5 years. */
  repeatClaimant: boolean;
}

export interface Requirement {
  activities: number;
  jobSearch: number;
  rule: string;
}

/** Requirement for a 4-week period; shorter cycles need proportionally fewer (at least one). */
export function requirementFor(seq: number, profile: ClaimantProfile, cycleDays = 28): Requirement {
  const r = ACTIVITY_REQUIREMENTS.value;
  let base: Requirement;
  if (seq === 1)
    base = {
      ...r.first,
      rule: '1차 실업인정은 고용센터 출석(취업지원 설명회)으로 하며 재취업활동을 요구하지 않습니다.',
    };
  else if (profile.age >= r.seniorAge || profile.disabled)
    base = {
      ...r.senior,
      rule: `${r.seniorAge}세 이상이거나 장애인인 수급자는 4주에 재취업활동 ${r.senior.activities}회 이상입니다.`,
    };
  else if (profile.repeatClaimant)
    base = {
      ...r.repeatClaimant,
      rule: `반복수급자는 2차부터 4주에 ${r.repeatClaimant.activities}회 이상, 그중 ${r.repeatClaimant.jobSearch}회 이상은 입사 지원이나 면접이어야 합니다.`,
    };
  else if (seq < r.laterFrom)
    base = {
      ...r.early,
      rule: `2~${r.laterFrom - 1}차 실업인정은 4주에 재취업활동 ${r.early.activities}회 이상입니다.`,
    };
  else
    base = {
      ...r.later,
      rule: `${r.laterFrom}차부터는 4주에 ${r.later.activities}회 이상, 그중 ${r.later.jobSearch}회 이상은 입사 지원이나 면접이어야 합니다.`,
    };
  const cite = ACTIVITY_REQUIREMENTS.cite;
  if (cycleDays >= 28 || base.activities === 0) return { ...base, rule: `${base.rule} (${cite})` };
  const scale = (n: number) => (n === 0 ? 0 : Math.max(1, Math.ceil((n * cycleDays) / 28)));
  return {
    activities: scale(base.activities),
    jobSearch: scale(base.jobSearch),
    rule: `${base.rule} 인정 주기가 ${cycleDays}일이라 그 비율로 셉니다. (${cite})`,
  };
}

export interface ReportedActivity {
  kind: ActivityKind;
  date: string;
}

export interface ActivityCheck<A extends ReportedActivity> {
  met: boolean;
  required: Requirement;
  counted: A[];
  /**
   * Activities not counted, with why: dated outside the period (`outside`: they cannot be reported at
   * all, so the period is not met while one is there) or over a per-claim cap (`cap`).
   */
  excluded: { activity: A; why: string; reason: 'outside' | 'cap' }[];
  /** What is missing or wrong, in Korean (empty when met). */
  missing: string[];
}

/**
 * Checks a period's activities. `usedBefore` counts activities of capped kinds already recognised
 * in earlier periods of the same claim.
 */
export function checkActivities<A extends ReportedActivity>(opts: {
  seq: number;
  profile: ClaimantProfile;
  cycleDays: number;
  periodStart: string;
  periodEnd: string;
  activities: readonly A[];
  usedBefore?: Partial<Record<ActivityKind, number>>;
}): ActivityCheck<A> {
  const required = requirementFor(opts.seq, opts.profile, opts.cycleDays);
  const used: Partial<Record<ActivityKind, number>> = { ...opts.usedBefore };
  const counted: A[] = [];
  const excluded: ActivityCheck<A>['excluded'] = [];
  let outside: string | null = null;
  for (const a of [...opts.activities].sort((x, y) => x.date.localeCompare(y.date))) {
    const kind = ACTIVITY_KINDS[a.kind];
    const dateError = activityDateError(a.date, opts);
    if (dateError) {
      outside = dateError;
      excluded.push({ activity: a, why: dateError, reason: 'outside' });
      continue;
    }
    const cap = ACTIVITY_CAPS.value[a.kind];
    if (cap !== undefined && (used[a.kind] ?? 0) >= cap) {
      excluded.push({
        activity: a,
        why: `${josa(kind.label, '은/는')} 수급 기간 중 ${cap}회까지만 인정됩니다.`,
        reason: 'cap',
      });
      continue;
    }
    used[a.kind] = (used[a.kind] ?? 0) + 1;
    counted.push(a);
  }
  const jobSearch = counted.filter((a) => ACTIVITY_KINDS[a.kind].jobSearch).length;
  const missing: string[] = [];
  if (outside) missing.push(outside);
  if (counted.length < required.activities)
    missing.push(
      `재취업활동이 ${required.activities - counted.length}회 더 필요합니다 (인정된 활동 ${counted.length}회 / 필요 ${required.activities}회).`,
    );
  if (jobSearch < required.jobSearch)
    missing.push(`그중 입사 지원이나 면접이 ${required.jobSearch - jobSearch}회 더 필요합니다.`);
  return { met: missing.length === 0, required, counted, excluded, missing };
}
