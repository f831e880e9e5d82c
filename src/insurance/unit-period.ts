/**
 * 피보험단위기간 and 피보험기간 from the employers' records: pure functions from a person's employments
 * (취득일, 이직일, and the 보수 지급 기초일수 per month from the 이직확인서) to the two figures a 수급자격
 * needs, each with Korean reasons that cite the provision.
 *
 * - 피보험단위기간 (고용보험법 제41조 제1항): the days on which 보수 was paid (보수 지급의 기초가 된 날),
 *   added across every employer, within the 기준기간 (제40조 제2항: the 18 months up to the 이직일; longer
 *   where the worker went 30 days or more without 보수 for illness and like reasons, 제2항 제1호; 24 months
 *   for 초단시간 근로자, 제2항 제2호). A day counts once: where employers' months overlap (이중고용, or a job
 *   change inside a month) the month counts at most the calendar days covered. Days up to the 이직일 of an
 *   earlier claim on which 구직급여 was paid are left out (제41조 제2항).
 * - 피보험기간 for 별표1 (제50조 제3항·제4항): the time insured at the last employer, with earlier
 *   employers added back while each gap (상실일 → next 취득일) is within 3 years, and never a period up
 *   to the 이직일 of an earlier paid claim. Overlapping periods count once.
 *
 * The records are monthly (`baseDays: [{ month: 'YYYY-MM', days }]`), so a month only partly inside the
 * window (the 기준기간's first month, a month cut by an earlier claim, an overlap) is capped at the
 * calendar days of that month the window covers, and flagged for the counsellor: the count is then the
 * most it can be, not necessarily what the days were.
 *
 * UNCONFIRMED (searched "고용보험법 제50조 피보험기간 합산 3년 이내 종전 적용 사업 구직급여를 지급받은
 * 사실" in the pages corpus and "피보험기간을 합산" in the code corpus: only secondary guides, which say
 * "3년 이내" and, in one, "1년 이내"): the 3-year gap and the paragraph numbers of 제50조; the conditions
 * of 제40조 제2항 제2호 (1주 소정근로시간 15시간 미만·1주 2일 이하, 90일 이상) are taken as the caller's
 * yes/no; how partial months are summed into 피보험기간 months (here: whole calendar months of each period,
 * leftover days added and divided by 30).
 */
import { addDays, addMonths, daysBetween } from '../shared/dates.ts';

export interface MonthDays {
  /** YYYY-MM */
  month: string;
  /** 보수 지급 기초일수 in that month. */
  days: number;
}

export interface Employment {
  /** Workplace label, for reasons only. */
  workplace: string;
  /** 취득일 (YYYY-MM-DD). */
  from: string;
  /** 이직일 (the last day insured), or null while still employed. */
  to: string | null;
  baseDays: readonly MonthDays[];
}

export interface UnitPeriodInput {
  /** 이직일 of the claim being decided. */
  separationDate: string;
  employments: readonly Employment[];
  /** 이직일 of earlier claims on which 구직급여 was paid. */
  priorPaidSeparations?: readonly string[];
  /** Spells of 30 or more days without 보수 for a 제40조 제2항 제1호 reason, as the centre accepted them. */
  unpaidSpells?: readonly { from: string; to: string }[];
  /** 제40조 제2항 제2호 applies (초단시간 근로자): the 기준기간 is 24 months. */
  veryShortHours?: boolean;
}

export const UNIT_RULES = {
  referenceMonths: { value: 18, cite: '고용보험법 제40조 제2항 (기준기간 18개월)' },
  veryShortMonths: { value: 24, cite: '고용보험법 제40조 제2항 제2호 (초단시간 근로자 24개월)' },
  unpaidSpellMinDays: { value: 30, cite: '고용보험법 제40조 제2항 제1호 (계속하여 30일 이상 보수 미지급)' },
  extendedMaxYears: { value: 3, cite: '고용보험법 제40조 제2항 제1호 (3년 한도)' },
  unitDays: { cite: '고용보험법 제41조 제1항 (보수 지급의 기초가 된 날)' },
  priorClaim: { cite: '고용보험법 제41조 제2항' },
  insuredPeriod: { cite: '고용보험법 제50조 제3항·제4항 (피보험기간과 그 합산)' },
  gapYears: { value: 3, cite: '고용보험법 제50조 제4항 (종전 피보험자격 상실일부터 3년 이내)' },
} as const;

export interface MonthCount {
  month: string;
  /** Days as the employers reported them, summed. */
  reported: number;
  counted: number;
  /** Why `counted` is less than `reported`, if it is. */
  note: 'overlap' | 'partial' | 'prior-claim' | null;
}

export interface UnitPeriod {
  referencePeriod: { from: string; to: string };
  days: number;
  months: MonthCount[];
  reasons: string[];
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function checkDate(date: string, what: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
    throw new RangeError(`${what}은 YYYY-MM-DD 형식이어야 합니다: ${date}`);
}

const monthStart = (month: string) => `${month}-01`;
const monthEnd = (month: string) => addDays(addMonths(monthStart(month), 1), -1);
export const daysInMonth = (month: string) => daysBetween(monthStart(month), monthEnd(month)) + 1;

/** What is wrong with one reported month, in Korean, or null (for the 이직확인서 form). */
export function baseDaysError(month: string, days: number): string | null {
  if (!MONTH.test(month)) return `월은 2026-05 형식으로 적어 주세요: ${month}`;
  if (!Number.isInteger(days) || days < 0) return `${month}의 보수 지급 기초일수는 0 이상의 정수로 적어 주세요.`;
  const max = daysInMonth(month);
  if (days > max) return `${month}의 보수 지급 기초일수는 그 달의 일수(${max}일)를 넘을 수 없습니다.`;
  return null;
}

interface Span {
  from: string;
  to: string;
}

const spanDays = (s: Span) => daysBetween(s.from, s.to) + 1;
/** The later / earlier of two YYYY-MM-DD dates (string order is date order). */
const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);
const clip = (s: Span, w: Span): Span | null => {
  const from = later(s.from, w.from);
  const to = earlier(s.to, w.to);
  return from <= to ? { from, to } : null;
};

/** Overlapping or touching spans merged, sorted. */
function merge(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.from <= addDays(last.to, 1)) {
      if (s.to > last.to) last.to = s.to;
    } else out.push({ ...s });
  }
  return out;
}

/** 기준기간: 18 (or 24) months back from the 이직일, extended by accepted unpaid spells, at most 3 years. */
export function referencePeriod(input: UnitPeriodInput): { from: string; to: string; reasons: string[] } {
  const to = input.separationDate;
  const months = input.veryShortHours ? UNIT_RULES.veryShortMonths : UNIT_RULES.referenceMonths;
  const base = addDays(addMonths(to, -months.value), 1);
  const reasons = [`기준기간은 이직일 이전 ${months.value}개월입니다 (${months.cite}).`];
  const window = { from: base, to };
  const long = merge(input.unpaidSpells ?? [])
    .map((s) => clip(s, window))
    .filter((s): s is Span => s !== null && spanDays(s) >= UNIT_RULES.unpaidSpellMinDays.value);
  const extra = long.reduce((n, s) => n + spanDays(s), 0);
  if (extra === 0 || input.veryShortHours) return { from: base, to, reasons };
  const limit = addDays(addMonths(to, -12 * UNIT_RULES.extendedMaxYears.value), 1);
  const extended = addDays(base, -extra);
  const from = later(extended, limit);
  reasons.push(
    `보수를 받지 못한 ${extra}일을 더해 ${from}부터로 늘렸습니다 (${UNIT_RULES.unpaidSpellMinDays.cite}${from === limit ? `, ${UNIT_RULES.extendedMaxYears.cite}` : ''}).`,
  );
  return { from, to, reasons };
}

/** The day after which records count: the latest paid claim's 이직일 before the last 취득 (제41조 제2항). */
function priorCut(input: UnitPeriodInput): string | null {
  const lastAcquired = input.employments.reduce((m, e) => later(e.from, m), '');
  let cut: string | null = null;
  for (const d of input.priorPaidSeparations ?? []) if (d < lastAcquired && (cut === null || d > cut)) cut = d;
  return cut;
}

interface Entry {
  workplace: string;
  days: number;
  window: Span | null;
}

/** One month across employers: each capped by its window, the sum by the union of the windows. */
function countMonth(month: string, entries: readonly Entry[], cutInMonth: boolean): MonthCount {
  const reported = entries.reduce((n, e) => n + e.days, 0);
  let sum = 0;
  for (const e of entries) sum += Math.min(e.days, e.window ? spanDays(e.window) : 0);
  const union = merge(entries.flatMap((e) => (e.window ? [e.window] : []))).reduce((n, s) => n + spanDays(s), 0);
  const counted = Math.min(sum, union);
  const paying = entries.filter((e) => e.days > 0 && e.window).length;
  const note: MonthCount['note'] =
    counted === reported ? null : counted < sum && paying > 1 ? 'overlap' : cutInMonth ? 'prior-claim' : 'partial';
  return { month, reported, counted, note };
}

/** 피보험단위기간 in the 기준기간, across all employers. */
export function insuredUnitDays(input: UnitPeriodInput): UnitPeriod {
  checkDate(input.separationDate, '이직일');
  const ref = referencePeriod(input);
  const cut = priorCut(input);
  const start = cut && addDays(cut, 1) > ref.from ? addDays(cut, 1) : ref.from;
  const byMonth = new Map<string, Entry[]>();
  for (const e of input.employments) {
    checkDate(e.from, '취득일');
    if (e.to) checkDate(e.to, '이직일');
    const insured: Span = { from: e.from, to: e.to ?? input.separationDate };
    for (const { month, days } of e.baseDays) {
      const error = baseDaysError(month, days);
      if (error) throw new RangeError(error);
      const m: Span = { from: monthStart(month), to: monthEnd(month) };
      const inWindow = clip(m, { from: start, to: ref.to });
      const window = inWindow && clip(inWindow, insured);
      const list = byMonth.get(month) ?? [];
      list.push({ workplace: e.workplace, days, window });
      byMonth.set(month, list);
    }
  }
  const months: MonthCount[] = [];
  for (const month of [...byMonth.keys()].sort()) {
    const m: Span = { from: monthStart(month), to: monthEnd(month) };
    if (!clip(m, ref)) continue;
    const cutInMonth = cut !== null && clip(m, { from: ref.from, to: cut }) !== null;
    months.push(countMonth(month, byMonth.get(month) ?? [], cutInMonth));
  }
  const days = months.reduce((n, m) => n + m.counted, 0);
  return {
    referencePeriod: { from: ref.from, to: ref.to },
    days,
    months,
    reasons: unitReasons(ref, cut, months, days),
  };
}

function unitReasons(
  ref: { from: string; to: string; reasons: string[] },
  cut: string | null,
  months: MonthCount[],
  days: number,
) {
  const reasons = [...ref.reasons];
  reasons.push(
    `${ref.from}부터 ${ref.to}까지 보수 지급의 기초가 된 날은 모든 사업장을 합해 ${days}일입니다 (${UNIT_RULES.unitDays.cite}).`,
  );
  if (cut)
    reasons.push(
      `${cut} 이직으로 구직급여를 받은 적이 있어 그날까지의 피보험단위기간은 넣지 않았습니다 (${UNIT_RULES.priorClaim.cite}).`,
    );
  for (const m of months) {
    if (m.note === 'overlap')
      reasons.push(
        `${m.month}: 여러 사업장에서 신고된 ${m.reported}일 중 같은 날은 한 번만 세어 ${m.counted}일로 했습니다 (이중고용). 상담원이 확인합니다.`,
      );
    else if (m.note === 'partial')
      reasons.push(
        `${m.month}: 신고된 ${m.reported}일이 기준기간·피보험기간 안의 날수보다 많아 ${m.counted}일로 했습니다. 상담원이 확인합니다.`,
      );
  }
  return reasons;
}

export interface InsuredPeriod {
  days: number;
  /** Whole months, for 별표1's 피보험기간 bands. */
  months: number;
  periods: { workplace: string; from: string; to: string }[];
  reasons: string[];
}

/** Whole calendar months of a span, and the days left over (민법 제160조: 취득일 기산). */
function monthsAndDays(s: Span): { months: number; days: number } {
  let months = 0;
  while (addDays(addMonths(s.from, months + 1), -1) <= s.to) months++;
  const rest = daysBetween(addMonths(s.from, months), s.to) + 1;
  return { months, days: Math.max(0, rest) };
}

/** 피보험기간 for 별표1: the last employer's period, earlier ones added back under 제50조. */
export function insuredPeriod(input: UnitPeriodInput): InsuredPeriod {
  checkDate(input.separationDate, '이직일');
  const spans = input.employments
    .map((e) => ({ workplace: e.workplace, from: e.from, to: e.to ?? input.separationDate }))
    .filter((e) => e.from <= input.separationDate)
    .map((e) => ({ ...e, to: earlier(e.to, input.separationDate) }))
    .sort((a, b) => (a.to < b.to ? 1 : a.to > b.to ? -1 : 0));
  const reasons: string[] = [];
  const used: { workplace: string; from: string; to: string }[] = [];
  const prior = [...(input.priorPaidSeparations ?? [])].filter((d) => d < input.separationDate).sort();
  const lastPrior = prior[prior.length - 1] ?? null;
  let chainFrom = '';
  for (const s of spans) {
    let span = s;
    if (lastPrior && span.to <= lastPrior) {
      reasons.push(
        `${s.workplace}(${s.from}~${s.to})은 ${lastPrior} 이직으로 구직급여를 받은 기간이라 넣지 않았습니다 (${UNIT_RULES.insuredPeriod.cite}).`,
      );
      continue;
    }
    if (lastPrior && span.from <= lastPrior) span = { ...span, from: addDays(lastPrior, 1) };
    if (chainFrom !== '' && span.to < chainFrom) {
      const lostOn = addDays(span.to, 1);
      if (addMonths(lostOn, 12 * UNIT_RULES.gapYears.value) < chainFrom) {
        reasons.push(
          `${s.workplace}(${s.from}~${s.to})은 상실일부터 다음 취득까지 ${UNIT_RULES.gapYears.value}년이 넘어 합산하지 않았습니다 (${UNIT_RULES.gapYears.cite}).`,
        );
        break;
      }
    }
    used.push(span);
    chainFrom = chainFrom === '' ? span.from : earlier(span.from, chainFrom);
  }
  const merged = merge(used);
  const days = merged.reduce((n, s) => n + spanDays(s), 0);
  const parts = merged.map(monthsAndDays);
  const months = parts.reduce((n, p) => n + p.months, 0) + Math.floor(parts.reduce((n, p) => n + p.days, 0) / 30);
  reasons.unshift(
    `피보험기간은 ${used.map((u) => `${u.workplace} ${u.from}~${u.to}`).join(', ') || '없음'}을 합해 ${days}일, ${months}개월입니다 (${UNIT_RULES.insuredPeriod.cite}${merged.length < used.length ? ', 겹친 기간은 한 번만' : ''}).`,
  );
  return { days, months, periods: used.reverse(), reasons };
}
