import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { insuredNow, reportsOf } from './report-ledger.ts';
import type { InsuranceEvent } from './store.ts';

let serial = 0;
const ev = (kind: InsuranceEvent['kind'], over: Partial<InsuranceEvent> = {}): InsuranceEvent => ({
  id: ++serial,
  kind,
  personHash: 'a',
  personMasked: '900101-1******',
  personName: '김민준',
  acquiredOn: null,
  lostOn: null,
  monthlyWage: 2_000_000,
  dailyHours: 8,
  occupationCd: '026',
  lossCode: null,
  lossSubCode: null,
  lossReason: null,
  correctsId: null,
  reportedAt: '2026-12-01T00:00:00Z',
  dueOn: null,
  late: false,
  batchKey: null,
  ...over,
});

describe('insuredNow: who is insured, from the events', () => {
  const cases: { name: string; events: () => InsuranceEvent[]; insured: string[]; wage?: number }[] = [
    { name: 'a 취득 alone', events: () => [ev('acquire', { acquiredOn: '2026-01-02' })], insured: ['a'] },
    {
      name: 'a 취득 then its 상실',
      events: () => [ev('acquire', { acquiredOn: '2026-01-02' }), ev('lose', { lostOn: '2026-06-01' })],
      insured: [],
    },
    {
      name: 'a 상실 that was cancelled',
      events: () => {
        const l = ev('lose', { lostOn: '2026-06-01' });
        return [ev('acquire', { acquiredOn: '2026-01-02' }), l, ev('cancel', { correctsId: l.id })];
      },
      insured: ['a'],
    },
    {
      name: 'a cancelled 취득',
      events: () => {
        const a = ev('acquire', { acquiredOn: '2026-01-02' });
        return [a, ev('cancel', { correctsId: a.id })];
      },
      insured: [],
    },
    {
      name: 're-hired after a 상실 (취득 on the 상실일)',
      events: () => [
        ev('acquire', { acquiredOn: '2026-01-02' }),
        ev('lose', { lostOn: '2026-06-01' }),
        ev('acquire', { acquiredOn: '2026-06-01' }),
      ],
      insured: ['a'],
    },
    {
      name: 'a 정정 of the 취득: its values win',
      events: () => {
        const a = ev('acquire', { acquiredOn: '2026-01-02' });
        return [a, ev('correct', { correctsId: a.id, acquiredOn: '2026-01-05', monthlyWage: 2_600_000 })];
      },
      insured: ['a'],
      wage: 2_600_000,
    },
    {
      name: 'a 정정 moving the 상실일 back before the re-hire does not end the new 취득',
      events: () => {
        const l = ev('lose', { lostOn: '2026-06-01' });
        return [
          ev('acquire', { acquiredOn: '2026-01-02' }),
          l,
          ev('acquire', { acquiredOn: '2026-07-01' }),
          ev('correct', { correctsId: l.id, lostOn: '2026-05-01' }),
        ];
      },
      insured: ['a'],
    },
    {
      name: 'two workers, one left',
      events: () => [
        ev('acquire', { acquiredOn: '2026-01-02' }),
        ev('acquire', { personHash: 'b', personName: '박서연', acquiredOn: '2026-02-02' }),
        ev('lose', { personHash: 'b', lostOn: '2026-03-01' }),
      ],
      insured: ['a'],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const now = insuredNow(c.events());
      assert.deepEqual(
        now.map((w) => w.personHash),
        c.insured,
      );
      if (c.wage) assert.equal(now[0]?.monthlyWage, c.wage);
    });

  it('keeps every report with its 정정 and 취소 (nothing is overwritten)', () => {
    const a = ev('acquire', { acquiredOn: '2026-01-02' });
    const c1 = ev('correct', { correctsId: a.id, acquiredOn: '2026-01-03' });
    const c2 = ev('correct', { correctsId: a.id, acquiredOn: '2026-01-04' });
    const [r] = reportsOf([a, c1, c2]);
    assert.equal(r?.original.acquiredOn, '2026-01-02');
    assert.equal(r?.current.acquiredOn, '2026-01-04');
    assert.equal(r?.corrections.length, 2);
  });
});
