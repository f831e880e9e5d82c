import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { insuredHistory, type PersonEvent, stintOf } from './person-history.ts';

let serial = 0;
const ev = (over: Partial<PersonEvent> & Pick<PersonEvent, 'kind'>): PersonEvent => ({
  id: ++serial,
  workplaceId: 1,
  workplaceName: '(주)한빛물류',
  managementNo: '12345678901',
  acquiredOn: null,
  lostOn: null,
  monthlyWage: null,
  lossCode: null,
  lossSubCode: null,
  lossReason: null,
  correctsId: null,
  ...over,
});

const brief = (events: PersonEvent[]) =>
  insuredHistory(events).map((s) => [s.workplaceId, s.acquiredOn, s.lostOn, s.monthlyWage, s.lossCode]);

describe('a person’s 피보험자격 이력 from the 신고 events', () => {
  it('pairs each 상실 with the 취득 open at its workplace, latest stint first', () => {
    const a1 = ev({ kind: 'acquire', acquiredOn: '2022-03-02', monthlyWage: 2_800_000 });
    const l1 = ev({ kind: 'lose', lostOn: '2024-06-30', lossCode: '11', lossSubCode: '11' });
    const a2 = ev({ kind: 'acquire', workplaceId: 2, acquiredOn: '2024-08-01', monthlyWage: 3_100_000 });
    assert.deepEqual(brief([a1, l1, a2]), [
      [2, '2024-08-01', null, 3_100_000, null],
      [1, '2022-03-02', '2024-06-30', 2_800_000, '11'],
    ]);
    assert.deepEqual(insuredHistory([a1, l1, a2])[1]?.reportIds, [a1.id, l1.id]);
  });

  it('reads a report with its latest 정정, and drops a cancelled one', () => {
    const a = ev({ kind: 'acquire', acquiredOn: '2023-01-02', monthlyWage: 2_000_000 });
    const c1 = ev({ kind: 'correct', correctsId: a.id, acquiredOn: '2023-01-09', monthlyWage: 2_100_000 });
    const c2 = ev({ kind: 'correct', correctsId: a.id, acquiredOn: '2023-01-09', monthlyWage: 2_200_000 });
    const l = ev({ kind: 'lose', lostOn: '2023-12-31', lossCode: '26' });
    const x = ev({ kind: 'cancel', correctsId: l.id });
    assert.deepEqual(brief([a, c1, c2, l, x]), [[1, '2023-01-09', null, 2_200_000, null]]);
    const gone = ev({ kind: 'cancel', correctsId: a.id });
    assert.deepEqual(brief([a, c1, l, gone]), [[1, null, '2023-12-31', null, '26']], 'a lone 상실 stands alone');
    const late = ev({ kind: 'correct', correctsId: a.id, acquiredOn: '2020-01-01' });
    assert.deepEqual(brief([a, gone, late]), [], 'a 정정 after a 취소 changes nothing');
  });

  it('finds the stint of a report, and none for a cancelled report', () => {
    const a = ev({ kind: 'acquire', acquiredOn: '2021-05-01' });
    const l = ev({ kind: 'lose', lostOn: '2021-09-30', lossCode: '23' });
    const stints = insuredHistory([a, l]);
    assert.equal(stintOf(stints, l.id)?.id, a.id);
    assert.equal(stintOf(insuredHistory([a, ev({ kind: 'cancel', correctsId: a.id })]), a.id), undefined);
  });

  it('marks a stint whose standing values are the 고용센터’s 직권 정정, not one corrected by the employer', () => {
    const a = ev({ kind: 'acquire', acquiredOn: '2022-01-03' });
    const l = ev({ kind: 'lose', lostOn: '2024-05-01', lossCode: '23' });
    const byEmployer = ev({ kind: 'correct', correctsId: l.id, lostOn: '2024-05-02', lossCode: '23' });
    assert.equal(insuredHistory([a, l, byEmployer])[0]?.correctedByOffice, false);
    const byOffice = ev({ kind: 'correct', correctsId: l.id, lostOn: '2024-05-16', lossCode: '23', byOffice: true });
    const [stint] = insuredHistory([a, l, byEmployer, byOffice]);
    assert.equal(stint?.correctedByOffice, true);
    assert.equal(stint?.lostOn, '2024-05-16');
  });
});
