/**
 * What a workplace's append-only 신고 events add up to (pure). 정정 and 취소 never change a report: they
 * are events of their own pointing at it (corrects_id). A report is read with its latest 정정's values;
 * a cancelled report counts for nothing. Who is insured now follows from the reports that count: a
 * worker's latest 취득 with no 상실 on or after it.
 */
import type { InsuranceEvent } from './store.ts';

export type ReportKind = 'acquire' | 'lose';

/** A 취득 or 상실 신고 as it stands: its own row, the values that win, and what happened to it. */
export interface Report {
  /** The original event (its id is the report's id). */
  original: InsuranceEvent;
  kind: ReportKind;
  /** The original's values, or those of its latest 정정. */
  current: InsuranceEvent;
  corrections: InsuranceEvent[];
  cancelled: InsuranceEvent | null;
}

export interface InsuredWorker {
  personHash: string;
  personMasked: string;
  personName: string;
  acquiredOn: string;
  monthlyWage: number | null;
  dailyHours: number | null;
  occupationCd: string | null;
  /** The 취득 신고 this rests on. */
  reportId: number;
}

/** Every 취득 and 상실 신고 of the events, oldest first, with its 정정 and 취소. */
export function reportsOf(events: readonly InsuranceEvent[]): Report[] {
  const byId = new Map<number, Report>();
  const reports: Report[] = [];
  for (const e of [...events].sort((a, b) => a.id - b.id)) {
    if (e.kind === 'acquire' || e.kind === 'lose') {
      const r: Report = { original: e, kind: e.kind, current: e, corrections: [], cancelled: null };
      byId.set(e.id, r);
      reports.push(r);
      continue;
    }
    const target = e.correctsId === null ? undefined : byId.get(e.correctsId);
    if (!target || target.cancelled) continue;
    if (e.kind === 'cancel') target.cancelled = e;
    else {
      target.corrections.push(e);
      target.current = e;
    }
  }
  return reports;
}

/** The reports that count (not cancelled). */
export function standing(reports: readonly Report[]): Report[] {
  return reports.filter((r) => r.cancelled === null);
}

/** Who is insured at the workplace now: each worker's latest 취득 with no 상실 on or after its 취득일. */
export function insuredNow(events: readonly InsuranceEvent[]): InsuredWorker[] {
  const live = standing(reportsOf(events));
  const people = new Map<string, { acquire?: Report; losses: Report[] }>();
  for (const r of live) {
    const p = people.get(r.original.personHash) ?? { losses: [] };
    if (r.kind === 'lose') p.losses.push(r);
    else if (!p.acquire || (r.current.acquiredOn ?? '') >= (p.acquire.current.acquiredOn ?? '')) p.acquire = r;
    people.set(r.original.personHash, p);
  }
  const out: InsuredWorker[] = [];
  for (const [personHash, p] of people) {
    const a = p.acquire;
    const acquiredOn = a?.current.acquiredOn;
    if (!a || !acquiredOn) continue;
    if (p.losses.some((l) => (l.current.lostOn ?? '') > acquiredOn)) continue;
    out.push({
      personHash,
      personMasked: a.current.personMasked,
      personName: a.current.personName,
      acquiredOn,
      monthlyWage: a.current.monthlyWage,
      dailyHours: a.current.dailyHours,
      occupationCd: a.current.occupationCd,
      reportId: a.original.id,
    });
  }
  return out.sort((x, y) => x.personName.localeCompare(y.personName, 'ko') || x.acquiredOn.localeCompare(y.acquiredOn));
}
