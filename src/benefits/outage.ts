/**
 * Rescheduling after an outage (issue 7), pure. A claimant whose 실업인정일 fell on a day the 실업급여
 * service was down (an incident from the monitors, or an outage an operator declared), or on a day a
 * counter of their job centre was offline (the counter reports the window; only that centre's claims),
 * and who has not filed yet gets a new date, without penalty and without using the once-per-claim personal change:
 *
 *   new 실업인정일 = the first business day after the day the outage ended,
 *                    if that is later than the current date (otherwise nothing moves)
 *
 * So everyone keeps at least one full business day of working service before their 실업인정일. An outage
 * that ended days before the date moves nothing (the filing window still had whole days left); one on
 * the date itself moves it to the next business day — what job centres did by hand after 09:15–11:57.
 */
import { addDays, seoulToday } from '../shared/dates.ts';
import { type Calendar, moveRecognitionDate, nextBusinessDay, type SchedulePeriod } from './schedule.ts';

export interface OutageWindow {
  /** Epoch ms. */
  from: number;
  to: number;
}

/** Which outage: an incident of the 실업급여 service, or a counter's offline window at one centre. */
export type OutageSource = { kind: 'incident'; id: number } | { kind: 'counter'; id: number; centreCode: string };

export interface Outage extends OutageWindow {
  source: OutageSource;
  /** The incident's title, or "○○고용센터 창구 전산 중단". */
  title: string;
}

const seoulTime = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(11, 16);

/** The window in Seoul time: "2026-11-25 09:15~11:57", or "2026-11-24 20:00~2026-11-25 10:00". */
export function outageWindowText(o: OutageWindow): string {
  const firstDay = seoulToday(new Date(o.from));
  const lastDay = seoulToday(new Date(o.to));
  return `${firstDay} ${seoulTime(o.from)}~${lastDay === firstDay ? '' : `${lastDay} `}${seoulTime(o.to)}`;
}

/** Why the date moved, for the ledger and the claimant's notification. */
export function outageReason(o: Outage): string {
  const why =
    o.source.kind === 'incident'
      ? `전산 장애(${o.title}, ${outageWindowText(o)})로`
      : `${o.title} (${outageWindowText(o)})으로`;
  return `${why} 실업인정일을 옮겼습니다. 불이익이 없고 개인 사정 변경 횟수에 들어가지 않습니다.`;
}

export interface RecognitionState extends SchedulePeriod {
  status: string;
}

export type RescheduleDecision =
  | { seq: number; from: string; to: string; ok: true; periods: SchedulePeriod[] }
  | { seq: number; from: string; ok: false; reason: string };

/** The first business day strictly after the Seoul day on which the outage ended. */
export function firstBusinessDayAfter(outage: OutageWindow, calendar: Calendar): string {
  return nextBusinessDay(addDays(seoulToday(new Date(outage.to)), 1), calendar).date;
}

/**
 * What to move for one claim after one outage: each recognition still `scheduled` whose date lies in the
 * Seoul days the outage touched, moved to the first business day after it (within the rules of
 * moveRecognitionDate; when that is impossible — the next 실업인정일 or the 수급기간 end is in the way —
 * the decision says why, for a counsellor to settle).
 */
export function rescheduleAfterOutage(
  periods: readonly RecognitionState[],
  outage: OutageWindow,
  opts: { calendar: Calendar; benefitPeriodEnd: string },
): RescheduleDecision[] {
  const firstDay = seoulToday(new Date(outage.from));
  const lastDay = seoulToday(new Date(outage.to));
  const target = firstBusinessDayAfter(outage, opts.calendar);
  let current: SchedulePeriod[] = periods.map(({ seq, date, periodStart, periodEnd }) => ({
    seq,
    date,
    periodStart,
    periodEnd,
  }));
  const decisions: RescheduleDecision[] = [];
  for (const p of periods) {
    if (p.status !== 'scheduled' || p.date < firstDay || p.date > lastDay || target <= p.date) continue;
    const moved = moveRecognitionDate(current, p.seq, target, opts);
    if (moved.ok) {
      current = moved.periods;
      decisions.push({ seq: p.seq, from: p.date, to: target, ok: true, periods: moved.periods });
    } else {
      decisions.push({ seq: p.seq, from: p.date, ok: false, reason: moved.error });
    }
  }
  return decisions;
}
