import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type LedgerEvent, replay } from './ledger.ts';

describe('replaying a claim from its ledger', () => {
  const events: LedgerEvent[] = [
    { event: 'claim.filed', details: { dailyAmount: 66_048, benefitDays: 180, ruleVersion: '2026-01' } },
    { event: 'claim.approved', details: { firstRecognitionDate: '2026-11-16', cycleDays: 28 } },
    {
      event: 'schedule.set',
      details: {
        dates: [
          { seq: 1, date: '2026-11-16' },
          { seq: 2, date: '2026-12-14' },
          { seq: 3, date: '2027-01-11' },
        ],
      },
    },
    { event: 'recognition.filed', details: { seq: 1 } },
    { event: 'payment', details: { seq: 1 }, days: 8, amount: 528_384 },
    { event: 'recognition.filed', details: { seq: 2 } },
    { event: 'payment', details: { seq: 2 }, days: 28, amount: 1_849_344 },
    { event: 'schedule.moved', details: { seq: 3, from: '2027-01-11', to: '2027-01-12', reason: '장애' } },
    { event: 'recognition.filed', details: { seq: 3 } },
    { event: 'recognition.rejected', details: { seq: 3 } },
  ];
  it('sums payments and remaining days, and keeps each recognition’s last state', () => {
    const s = replay(events);
    assert.equal(s.status, 'approved');
    assert.equal(s.paidDays, 36);
    assert.equal(s.totalPaid, 2_377_728);
    assert.equal(s.remainingDays, 144);
    assert.deepEqual(s.recognitions.get(3), { date: '2027-01-12', status: 'rejected', days: 0, amount: 0 });
  });
  it('gives the same result every time (a pure function of the events)', () => {
    assert.deepEqual(replay(events), replay(structuredClone(events)));
  });
  it('a rejected claim stays rejected with nothing paid', () => {
    const s = replay([events[0] as LedgerEvent, { event: 'claim.rejected', details: { code: 'R01' } }]);
    assert.equal(s.status, 'rejected');
    assert.equal(s.totalPaid, 0);
    assert.equal(s.remainingDays, 180);
  });
});
