/**
 * 실업인정 schedule (고용보험법 제44조): recognition days every 1–4 weeks from the first, moved off
 * weekends and public holidays (@hyunbinseo/holidays-kr, 대체공휴일 included), the days each
 * recognition covers, and the days of it that can be paid. Pure functions; the holiday calendar is
 * passed in.
 */
import * as holidays from '@hyunbinseo/holidays-kr/all';
import { addDays, daysBetween, formatKoreanDate, weekday } from '../shared/dates.ts';
import { josa } from '../shared/korean.ts';

export interface Calendar {
  /** Holiday names on a date, or null for an ordinary day. */
  holidayNames(date: string): readonly string[] | null;
  /** Whether holiday data exists for the date's year. */
  covers(date: string): boolean;
}

type Preset = Readonly<Record<string, readonly string[]>>;

/** Korean public holidays as published (우주항공청 월력요항), for the years the package has. */
export function koreanCalendar(): Calendar {
  const byYear = new Map<string, Preset>();
  for (const [name, preset] of Object.entries(holidays)) {
    const year = /^y(\d{4})$/.exec(name)?.[1];
    if (year) byYear.set(year, preset as Preset);
  }
  return {
    holidayNames: (date) => byYear.get(date.slice(0, 4))?.[date] ?? null,
    covers: (date) => byYear.has(date.slice(0, 4)),
  };
}

export function isBusinessDay(date: string, calendar: Calendar): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && calendar.holidayNames(date) === null;
}

/** The date itself when it is a business day, else the next one; with why it moved. */
export function nextBusinessDay(
  date: string,
  calendar: Calendar,
): { date: string; skipped: { date: string; why: string }[] } {
  const skipped: { date: string; why: string }[] = [];
  let d = date;
  while (!isBusinessDay(d, calendar)) {
    const names = calendar.holidayNames(d);
    skipped.push({ date: d, why: names ? names.join(', ') : weekday(d) === 0 ? '일요일' : '토요일' });
    d = addDays(d, 1);
    if (skipped.length > 30) throw new Error(`no business day within 30 days of ${date}`);
  }
  return { date: d, skipped };
}

export interface ScheduledRecognition {
  seq: number;
  /** The day the cycle gives. */
  nominal: string;
  /** The 실업인정일 after moving off weekends and holidays. */
  date: string;
  movedBecause: string | null;
  /** Whether holiday data covered the date (beyond the data, only weekends are avoided). */
  holidayDataMissing: boolean;
}

/**
 * 실업인정일 from the first one every `cycleDays` (7–28), until the 수급기간 ends. Moves do not
 * accumulate: each date comes from the cycle, then moves to the next business day.
 */
export function recognitionSchedule(opts: {
  firstDate: string;
  cycleDays: number;
  until: string;
  calendar: Calendar;
  fromSeq?: number;
}): ScheduledRecognition[] {
  if (!Number.isInteger(opts.cycleDays) || opts.cycleDays < 7 || opts.cycleDays > 28)
    throw new RangeError('실업인정 주기는 1주에서 4주 사이입니다.');
  const out: ScheduledRecognition[] = [];
  for (let seq = opts.fromSeq ?? 1; ; seq++) {
    const nominal = addDays(opts.firstDate, (seq - (opts.fromSeq ?? 1)) * opts.cycleDays);
    if (nominal > opts.until) break;
    const moved = nextBusinessDay(nominal, opts.calendar);
    out.push({
      seq,
      nominal,
      date: moved.date,
      movedBecause: moved.skipped.length > 0 ? moved.skipped.map((s) => `${s.date} ${s.why}`).join(', ') : null,
      holidayDataMissing: !opts.calendar.covers(nominal),
    });
    if (out.length > 60) break;
  }
  return out;
}

export interface PayableInput {
  /** First and last day the recognition covers (inclusive). */
  periodStart: string;
  periodEnd: string;
  /** First day after the 대기기간. */
  firstPayableDay: string;
  /** Last day of the 수급기간. */
  benefitPeriodEnd: string;
  /** 소정급여일수 not yet paid. */
  remainingDays: number;
}

/** Days of a recognition period that are paid: after the 대기기간, within the 수급기간, up to what remains. */
export function payableDays(input: PayableInput): number {
  // ISO dates compare as strings; Math.max/min would not work on them.
  const [from = input.periodStart] = [input.periodStart, input.firstPayableDay].sort().slice(-1);
  const [to = input.periodEnd] = [input.periodEnd, input.benefitPeriodEnd].sort();
  if (to < from) return 0;
  return Math.max(0, Math.min(input.remainingDays, daysBetween(from, to) + 1));
}

export interface SchedulePeriod {
  seq: number;
  date: string;
  periodStart: string;
  periodEnd: string;
}

export type MoveResult = { ok: true; periods: SchedulePeriod[] } | { ok: false; error: string };

/**
 * Moves one 실업인정일 (a change requested in advance, or a reschedule after an outage): the new date
 * must be a business day after the previous 실업인정일 and before the next one, within the 수급기간.
 * The recognition then covers up to the new date and the next one starts the day after. Pure.
 */
export function moveRecognitionDate(
  periods: readonly SchedulePeriod[],
  seq: number,
  newDate: string,
  opts: { calendar: Calendar; benefitPeriodEnd: string },
): MoveResult {
  const index = periods.findIndex((p) => p.seq === seq);
  const current = periods[index];
  if (!current) return { ok: false, error: `${seq}차 실업인정이 없습니다.` };
  if (!isBusinessDay(newDate, opts.calendar))
    return {
      ok: false,
      error: `${josa(formatKoreanDate(newDate), '은/는')} 주말이나 공휴일입니다. 평일을 골라 주세요.`,
    };
  const previous = periods[index - 1];
  const next = periods[index + 1];
  if (newDate <= (previous?.date ?? current.periodStart) && previous)
    return { ok: false, error: `${seq - 1}차 실업인정일인 ${formatKoreanDate(previous.date)} 뒤의 날이어야 합니다.` };
  if (newDate < current.periodStart)
    return { ok: false, error: `대상 기간이 시작하는 ${formatKoreanDate(current.periodStart)} 이후여야 합니다.` };
  if (next && newDate >= next.date)
    return { ok: false, error: `${seq + 1}차 실업인정일인 ${formatKoreanDate(next.date)} 전의 날이어야 합니다.` };
  if (newDate > opts.benefitPeriodEnd)
    return { ok: false, error: `수급기간 끝(${formatKoreanDate(opts.benefitPeriodEnd)})을 넘을 수 없습니다.` };
  return {
    ok: true,
    periods: periods.map((p, i) =>
      i === index
        ? { ...p, date: newDate, periodEnd: newDate }
        : i === index + 1
          ? { ...p, periodStart: addDays(newDate, 1) }
          : p,
    ),
  };
}
