/**
 * Uptime arithmetic for the status page (issue 5), pure. A service's time is split into intervals of
 * one state. The formula, stated on the page:
 *
 *   가용률 = (정상 + 성능 저하 + 이중화 상실 + ½ × 부분 장애) ÷ (전체 − 점검 중 − 자료 없음)
 *
 * 전체 장애 counts fully as down and 부분 장애 as half down. 성능 저하 and 이중화 상실 count as up,
 * because the service answered. Announced maintenance is left out. Time with no data is neither up nor
 * down; it is reported on its own, never as an outage.
 */

export const STATES = [
  'operational',
  'degraded',
  'redundancy-lost',
  'partial',
  'major',
  'maintenance',
  'nodata',
] as const;
export type ServiceState = (typeof STATES)[number];

export const STATE_LABELS: Record<ServiceState, string> = {
  operational: '정상',
  degraded: '성능 저하',
  'redundancy-lost': '이중화 상실',
  partial: '부분 장애',
  major: '전체 장애',
  maintenance: '점검 중',
  nodata: '자료 없음',
};

/** How much of an interval in this state counts as up (null: left out of the denominator). */
const UP_WEIGHT: Record<ServiceState, number | null> = {
  operational: 1,
  degraded: 1,
  'redundancy-lost': 1,
  partial: 0.5,
  major: 0,
  maintenance: null,
  nodata: null,
};

export interface Interval {
  state: ServiceState;
  /** Epoch milliseconds; `to` exclusive. */
  from: number;
  to: number;
}

export interface Uptime {
  /** Percent with 3 decimals, or null when the whole window had no data or was maintenance. */
  percent: number | null;
  countedMs: number;
  downMs: number;
  maintenanceMs: number;
  noDataMs: number;
}

/**
 * Uptime of the part of `intervals` inside [from, to). Time not covered by any interval is 자료 없음.
 * Overlapping intervals are not expected (state intervals are the source of truth, one state at a time).
 */
export function uptime(intervals: readonly Interval[], from: number, to: number): Uptime {
  let up = 0;
  let counted = 0;
  let down = 0;
  let maintenance = 0;
  let covered = 0;
  for (const i of intervals) {
    const a = Math.max(i.from, from);
    const b = Math.min(i.to, to);
    if (b <= a) continue;
    const ms = b - a;
    covered += ms;
    const weight = UP_WEIGHT[i.state];
    if (i.state === 'maintenance') maintenance += ms;
    if (weight === null) continue;
    counted += ms;
    up += ms * weight;
    down += ms * (1 - weight);
  }
  const noData =
    to -
    from -
    covered +
    intervals
      .filter((i) => i.state === 'nodata')
      .reduce((s, i) => s + Math.max(0, Math.min(i.to, to) - Math.max(i.from, from)), 0);
  return {
    percent: counted === 0 ? null : Math.round((up / counted) * 100_000) / 1000,
    countedMs: counted,
    downMs: down,
    maintenanceMs: maintenance,
    noDataMs: noData,
  };
}

/** The worst state of a window, for one bar of the 90-day chart (자료 없음 only when nothing else). */
export function worstState(intervals: readonly Interval[], from: number, to: number): ServiceState {
  const order: ServiceState[] = ['major', 'partial', 'degraded', 'redundancy-lost', 'maintenance', 'operational'];
  const present = new Set(intervals.filter((i) => Math.min(i.to, to) > Math.max(i.from, from)).map((i) => i.state));
  return order.find((s) => present.has(s)) ?? 'nodata';
}

/** Milliseconds per kind of time in one bucket (a roll-up row). */
export type Totals = {
  upMs: number;
  partialMs: number;
  downMs: number;
  maintenanceMs: number;
  noDataMs: number;
};

export const ZERO_TOTALS: Totals = { upMs: 0, partialMs: 0, downMs: 0, maintenanceMs: 0, noDataMs: 0 };

/** The totals of [from, to) (time no interval covers is 자료 없음), for roll-ups. */
export function totals(intervals: readonly Interval[], from: number, to: number): Totals {
  const t = { ...ZERO_TOTALS };
  let covered = 0;
  for (const i of intervals) {
    const ms = Math.min(i.to, to) - Math.max(i.from, from);
    if (ms <= 0) continue;
    covered += ms;
    if (i.state === 'partial') t.partialMs += ms;
    else if (i.state === 'major') t.downMs += ms;
    else if (i.state === 'maintenance') t.maintenanceMs += ms;
    else if (i.state === 'nodata') t.noDataMs += ms;
    else t.upMs += ms;
  }
  t.noDataMs += Math.max(0, to - from - covered);
  return t;
}

export function addTotals(a: Totals, b: Totals): Totals {
  return {
    upMs: a.upMs + b.upMs,
    partialMs: a.partialMs + b.partialMs,
    downMs: a.downMs + b.downMs,
    maintenanceMs: a.maintenanceMs + b.maintenanceMs,
    noDataMs: a.noDataMs + b.noDataMs,
  };
}

/** The same formula as `uptime`, over summed roll-ups (percent with 3 decimals, null without data). */
export function percentOf(t: Totals): number | null {
  const counted = t.upMs + t.partialMs + t.downMs;
  if (counted === 0) return null;
  return Math.round(((t.upMs + t.partialMs / 2) / counted) * 100_000) / 1000;
}

/** A failover's write pause (issue 21): from the first failed write to the first good one, epoch ms. */
export interface WritePause {
  from: number;
  to: number;
}

/**
 * The intervals with the write pauses laid over them, for the figures: time that counted as up
 * (정상, 성능 저하, 이중화 상실) inside a pause counts as 부분 장애 — reads went on, writes waited. Worse
 * states keep theirs, and maintenance and 자료 없음 stay out of the figures. Overlapping pauses count once.
 */
export function withWritePauses(intervals: readonly Interval[], pauses: readonly WritePause[]): Interval[] {
  const merged: WritePause[] = [];
  for (const p of [...pauses].filter((x) => x.to > x.from).sort((a, b) => a.from - b.from)) {
    const last = merged.at(-1);
    if (last && p.from <= last.to) last.to = Math.max(last.to, p.to);
    else merged.push({ ...p });
  }
  if (merged.length === 0) return [...intervals];
  const out: Interval[] = [];
  for (const i of intervals) {
    if (UP_WEIGHT[i.state] !== 1) {
      out.push(i);
      continue;
    }
    let at = i.from;
    for (const p of merged) {
      if (p.to <= at || p.from >= i.to) continue;
      if (p.from > at) out.push({ state: i.state, from: at, to: p.from });
      const end = Math.min(p.to, i.to);
      out.push({ state: 'partial', from: Math.max(p.from, at), to: end });
      at = end;
    }
    if (at < i.to) out.push({ state: i.state, from: at, to: i.to });
  }
  return out;
}

/** One service's line of the monthly availability report (src/status/report-store.ts). */
export interface MonthlyRow {
  service: string;
  name: string;
  month: string;
  availabilityPercent: number | null;
  downMinutes: number;
  partialMinutes: number;
  maintenanceMinutes: number;
  noDataMinutes: number;
  incidents: number;
}
