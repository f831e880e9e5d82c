/**
 * A person's 피보험자격 이력 (pure), as 고용24's 피보험자격 이력 조회 shows it: one line per stint at a
 * workplace — 취득일, 상실일, 상실사유, 월평균보수 — from the append-only 신고 events. 정정 and 취소 are
 * events of their own pointing at the original report (corrects_id): a report is read with its latest
 * 정정's values (the 정정 carries the whole report again), a cancelled report counts for nothing — the
 * same reading as the employer's ledger (src/insurance/report-ledger.ts).
 */

export interface PersonEvent {
  id: number;
  kind: 'acquire' | 'lose' | 'correct' | 'cancel';
  workplaceId: number;
  workplaceName: string;
  managementNo: string;
  acquiredOn: string | null;
  lostOn: string | null;
  monthlyWage: number | null;
  lossCode: string | null;
  lossSubCode: string | null;
  lossReason: string | null;
  correctsId: number | null;
  /** A 정정 the 고용센터 filed on an upheld 확인 청구. */
  byOffice?: boolean;
}

/** One stint at one workplace. Its id is the original 취득 신고's (a lone 상실 신고's when none stands). */
export interface InsuredStint {
  id: number;
  workplaceId: number;
  workplaceName: string;
  managementNo: string;
  acquiredOn: string | null;
  lostOn: string | null;
  /** The 상실 신고's 월평균보수 when it gives one, else the 취득 신고's. */
  monthlyWage: number | null;
  lossCode: string | null;
  lossSubCode: string | null;
  lossReason: string | null;
  /** The original reports (취득, 상실) this stint is read from: a dispute names one of them. */
  reportIds: number[];
  /** Its values stand as the 고용센터 corrected them (an upheld 확인 청구). */
  correctedByOffice?: boolean;
}

interface Standing {
  id: number;
  kind: 'acquire' | 'lose';
  current: PersonEvent;
}

/** The 취득 and 상실 신고 that stand (not cancelled), each with its latest 정정's values, oldest first. */
export function standingReports(events: readonly PersonEvent[]): Standing[] {
  const byId = new Map<number, Standing & { cancelled: boolean }>();
  for (const e of [...events].sort((a, b) => a.id - b.id)) {
    if (e.kind === 'acquire' || e.kind === 'lose') {
      byId.set(e.id, { id: e.id, kind: e.kind, current: e, cancelled: false });
      continue;
    }
    const target = e.correctsId === null ? undefined : byId.get(e.correctsId);
    if (!target || target.cancelled) continue;
    if (e.kind === 'cancel') target.cancelled = true;
    else target.current = { ...e, workplaceId: target.current.workplaceId };
  }
  return [...byId.values()].filter((r) => !r.cancelled).map(({ cancelled: _, ...r }) => r);
}

const dateOf = (r: Standing) => (r.kind === 'acquire' ? r.current.acquiredOn : r.current.lostOn) ?? '';

/**
 * The stints, latest first: at each workplace the reports in date order, a 취득 opening a stint and a
 * 상실 closing the one open (a 상실 with none open stands alone, its 취득일 unknown).
 */
export function insuredHistory(events: readonly PersonEvent[]): InsuredStint[] {
  const byWorkplace = new Map<number, Standing[]>();
  for (const r of standingReports(events)) {
    const list = byWorkplace.get(r.current.workplaceId) ?? [];
    list.push(r);
    byWorkplace.set(r.current.workplaceId, list);
  }
  const stints: InsuredStint[] = [];
  for (const reports of byWorkplace.values()) {
    reports.sort((a, b) => dateOf(a).localeCompare(dateOf(b)) || (a.kind === 'acquire' ? -1 : 1) || a.id - b.id);
    let open: InsuredStint | null = null;
    for (const r of reports) {
      const e = r.current;
      if (r.kind === 'acquire') {
        open = {
          id: r.id,
          workplaceId: e.workplaceId,
          workplaceName: e.workplaceName,
          managementNo: e.managementNo,
          acquiredOn: e.acquiredOn,
          lostOn: null,
          monthlyWage: e.monthlyWage,
          lossCode: null,
          lossSubCode: null,
          lossReason: null,
          reportIds: [r.id],
          correctedByOffice: e.byOffice === true,
        };
        stints.push(open);
        continue;
      }
      const stint: InsuredStint = open ?? {
        id: r.id,
        workplaceId: e.workplaceId,
        workplaceName: e.workplaceName,
        managementNo: e.managementNo,
        acquiredOn: null,
        lostOn: null,
        monthlyWage: null,
        lossCode: null,
        lossSubCode: null,
        lossReason: null,
        reportIds: [],
      };
      if (!open) stints.push(stint);
      stint.lostOn = e.lostOn;
      stint.lossCode = e.lossCode;
      stint.lossSubCode = e.lossSubCode;
      stint.lossReason = e.lossReason;
      stint.monthlyWage = e.monthlyWage ?? stint.monthlyWage;
      stint.reportIds.push(r.id);
      stint.correctedByOffice = stint.correctedByOffice === true || e.byOffice === true;
      open = null;
    }
  }
  const key = (s: InsuredStint) => s.acquiredOn ?? s.lostOn ?? '';
  return stints.sort((a, b) => key(b).localeCompare(key(a)) || b.id - a.id);
}

/** The stint a report belongs to, if it still stands. */
export function stintOf(stints: readonly InsuredStint[], reportId: number): InsuredStint | undefined {
  return stints.find((s) => s.reportIds.includes(reportId));
}
