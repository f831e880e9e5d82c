import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIX_FIELDS, NO_FIX, officeCorrections, parseRecordFix, type RecordFix } from './office-correction.ts';
import { reportsOf } from './report-ledger.ts';
import type { InsuranceEvent } from './store.ts';

const base = {
  personHash: 'h',
  personMasked: '910315-1******',
  personName: '김민준',
  lostOn: null,
  dailyHours: null,
  occupationCd: null,
  lossCode: null,
  lossSubCode: null,
  lossReason: null,
  correctsId: null,
  reportedAt: '2026-11-01',
  dueOn: null,
  late: false,
  batchKey: null,
};
const acquire: InsuranceEvent = {
  ...base,
  id: 1,
  kind: 'acquire',
  acquiredOn: '2023-03-06',
  monthlyWage: 2_750_000,
  dailyHours: 8,
  occupationCd: '026',
};
const lose: InsuranceEvent = {
  ...base,
  id: 2,
  kind: 'lose',
  acquiredOn: '2023-03-06',
  lostOn: '2026-11-01',
  monthlyWage: 2_900_000,
  lossCode: '26',
  lossSubCode: '26-1',
  lossReason: '계약 만료',
};
const fix = (f: Partial<RecordFix>): RecordFix => ({ ...NO_FIX, ...f });

describe('officeCorrections: the 정정 events of an upheld 확인 청구', () => {
  const cases: {
    name: string;
    events: InsuranceEvent[];
    fix: RecordFix;
    want: { corrects: number; changed: Record<string, unknown> }[] | string;
  }[] = [
    { name: 'nothing changed: no 정정', events: [acquire, lose], fix: NO_FIX, want: [] },
    {
      name: 'the same values typed again: no 정정',
      events: [acquire, lose],
      fix: fix({ acquiredOn: '2023-03-06', lostOn: '2026-11-01', lossCode: '26', lossSubCode: '26-1' }),
      want: [],
    },
    {
      name: 'a later 상실일 corrects the 상실 신고 only',
      events: [acquire, lose],
      fix: fix({ lostOn: '2026-11-16' }),
      want: [{ corrects: 2, changed: { lostOn: '2026-11-16', acquiredOn: '2023-03-06', lossCode: '26' } }],
    },
    {
      name: 'another 취득일 corrects both (the 상실 신고 carries the 취득일 too)',
      events: [acquire, lose],
      fix: fix({ acquiredOn: '2023-02-01' }),
      want: [
        { corrects: 1, changed: { acquiredOn: '2023-02-01', monthlyWage: 2_750_000, dailyHours: 8 } },
        { corrects: 2, changed: { acquiredOn: '2023-02-01', lostOn: '2026-11-01' } },
      ],
    },
    {
      name: 'another 상실사유: code and sub-code together',
      events: [acquire, lose],
      fix: fix({ lossCode: '23', lossSubCode: '23-1' }),
      want: [{ corrects: 2, changed: { lossCode: '23', lossSubCode: '23-1', lossReason: '계약 만료' } }],
    },
    {
      name: 'the 월평균보수 of a record with a 상실 신고 is the 상실 신고’s',
      events: [acquire, lose],
      fix: fix({ monthlyWage: 3_000_000 }),
      want: [{ corrects: 2, changed: { monthlyWage: 3_000_000 } }],
    },
    {
      name: 'the 월평균보수 of a record still open is the 취득 신고’s',
      events: [acquire],
      fix: fix({ monthlyWage: 3_000_000, lostOn: '2026-11-16' }),
      want: [{ corrects: 1, changed: { monthlyWage: 3_000_000, lostOn: null } }],
    },
    {
      name: 'a 상실일 on the 취득일 is refused',
      events: [acquire, lose],
      fix: fix({ lostOn: '2023-03-06' }),
      want: '상실일은 취득일(2023-03-06) 다음 날 이후여야 합니다',
    },
    {
      name: 'a 상실 신고 corrected before is corrected from its latest values',
      events: [acquire, lose, { ...lose, id: 3, kind: 'correct', correctsId: 2, lossReason: '계약기간 만료' }],
      fix: fix({ lostOn: '2026-11-16' }),
      want: [{ corrects: 2, changed: { lossReason: '계약기간 만료', lostOn: '2026-11-16' } }],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const got = officeCorrections(7, reportsOf(c.events), c.fix, 42);
      if (typeof c.want === 'string') {
        assert.equal(got.ok, false);
        if (!got.ok) {
          assert.equal(got.field, FIX_FIELDS.lostOn);
          assert.match(got.message, new RegExp(c.want.replace(/[()]/g, '\\$&')));
        }
        return;
      }
      assert.ok(got.ok);
      if (!got.ok) return;
      assert.equal(got.events.length, c.want.length);
      c.want.forEach((w, i) => {
        const e = got.events[i];
        assert.equal(e?.kind, 'correct');
        assert.equal(e?.correctsId, w.corrects);
        assert.equal(e?.workplaceId, 7);
        assert.equal(e?.dedupeKey, `dispute:42:${w.corrects}`);
        assert.equal(e?.personHash, 'h');
        for (const [k, v] of Object.entries(w.changed)) assert.equal(e?.[k as keyof typeof e], v, k);
      });
    });
});

describe('parseRecordFix', () => {
  const today = '2026-12-02';
  it('keeps every field left empty as reported', () =>
    assert.deepEqual(parseRecordFix({}, today), { ok: true, value: NO_FIX }));
  it('reads the fields typed', () =>
    assert.deepEqual(
      parseRecordFix(
        { fixAcquiredOn: '2023-02-01', fixLostOn: '2026-11-16', fixLoss: '23|23-1', fixMonthlyWage: '3,000,000' },
        today,
      ),
      {
        ok: true,
        value: {
          acquiredOn: '2023-02-01',
          lostOn: '2026-11-16',
          lossCode: '23',
          lossSubCode: '23-1',
          monthlyWage: 3e6,
        },
      },
    ));
  const bad: [string, Record<string, string>, string, RegExp][] = [
    ['a date in another form', { fixLostOn: '16/11/2026' }, FIX_FIELDS.lostOn, /2026-03-02 형식/],
    ['a date after today', { fixAcquiredOn: '2027-01-01' }, FIX_FIELDS.acquiredOn, /오늘\(2026-12-02\)보다 늦습니다/],
    ['a 상실사유 not in the table', { fixLoss: '99|99-9' }, FIX_FIELDS.loss, /./],
    ['a wage that is not a number', { fixMonthlyWage: '많음' }, FIX_FIELDS.monthlyWage, /숫자/],
  ];
  for (const [name, body, field, message] of bad)
    it(`refuses ${name}, in Korean, by field`, () => {
      const got = parseRecordFix(body, today);
      assert.equal(got.ok, false);
      if (!got.ok) assert.match(got.errors[field] ?? '', message);
    });
});
