/**
 * Replaying a claim from its ledger: the claim's state is a pure function of its events, so the
 * stored rows can be checked against the history at any time ("replayed to the same result").
 */

export type LedgerEvent =
  | { event: 'claim.filed'; details: { dailyAmount: number; benefitDays: number; ruleVersion: string } }
  | { event: 'claim.approved'; details: { firstRecognitionDate: string; cycleDays: number } }
  | { event: 'claim.rejected'; details: { code: string } }
  | { event: 'schedule.set'; details: { dates: { seq: number; date: string }[] } }
  | { event: 'schedule.moved'; details: { seq: number; from: string; to: string; reason: string } }
  | { event: 'recognition.filed'; details: { seq: number } }
  | { event: 'recognition.rejected'; details: { seq: number } }
  | { event: 'payment'; details: { seq: number }; days: number; amount: number }
  | { event: 'note'; details: Record<string, unknown> };

export interface ReplayedClaim {
  status: 'submitted' | 'approved' | 'rejected';
  dailyAmount: number;
  benefitDays: number;
  paidDays: number;
  totalPaid: number;
  remainingDays: number;
  recognitions: Map<
    number,
    { date: string; status: 'scheduled' | 'filed' | 'confirmed' | 'rejected'; days: number; amount: number }
  >;
}

export function replay(events: readonly LedgerEvent[]): ReplayedClaim {
  const state: ReplayedClaim = {
    status: 'submitted',
    dailyAmount: 0,
    benefitDays: 0,
    paidDays: 0,
    totalPaid: 0,
    remainingDays: 0,
    recognitions: new Map(),
  };
  for (const e of events) {
    switch (e.event) {
      case 'claim.filed':
        state.dailyAmount = e.details.dailyAmount;
        state.benefitDays = e.details.benefitDays;
        break;
      case 'claim.approved':
        state.status = 'approved';
        break;
      case 'claim.rejected':
        state.status = 'rejected';
        break;
      case 'schedule.set':
        for (const d of e.details.dates)
          state.recognitions.set(d.seq, { date: d.date, status: 'scheduled', days: 0, amount: 0 });
        break;
      case 'schedule.moved': {
        const r = state.recognitions.get(e.details.seq);
        if (r) r.date = e.details.to;
        break;
      }
      case 'recognition.filed': {
        const r = state.recognitions.get(e.details.seq);
        if (r) r.status = 'filed';
        break;
      }
      case 'recognition.rejected': {
        const r = state.recognitions.get(e.details.seq);
        if (r) r.status = 'rejected';
        break;
      }
      case 'payment': {
        const r = state.recognitions.get(e.details.seq);
        if (r) Object.assign(r, { status: 'confirmed', days: e.days, amount: e.amount });
        state.paidDays += e.days;
        state.totalPaid += e.amount;
        break;
      }
      case 'note':
        break;
    }
  }
  state.remainingDays = state.benefitDays - state.paidDays;
  return state;
}
