import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { activityDateError, checkActivities, requirementFor } from './activities.ts';

const plain = { age: 35, disabled: false, repeatClaimant: false };

describe('재취업활동 required per 4-week period', () => {
  const cases: [string, number, typeof plain, number, number][] = [
    ['1차', 1, plain, 0, 0],
    ['2차', 2, plain, 1, 0],
    ['4차', 4, plain, 1, 0],
    ['5차', 5, plain, 2, 1],
    ['9차', 9, plain, 2, 1],
    ['5차, 60세 이상', 5, { ...plain, age: 61 }, 1, 0],
    ['5차, 장애인', 5, { ...plain, disabled: true }, 1, 0],
    ['2차, 반복수급자', 2, { ...plain, repeatClaimant: true }, 2, 1],
  ];
  for (const [name, seq, profile, activities, jobSearch] of cases)
    it(`${name}: ${activities}회 (구직활동 ${jobSearch}회)`, () => {
      const r = requirementFor(seq, profile);
      assert.equal(r.activities, activities);
      assert.equal(r.jobSearch, jobSearch);
    });
  it('a 2-week cycle needs half, at least one', () => {
    assert.deepEqual([requirementFor(5, plain, 14).activities, requirementFor(5, plain, 14).jobSearch], [1, 1]);
    assert.equal(requirementFor(2, plain, 7).activities, 1);
  });
});

describe('checking a period', () => {
  const period = { periodStart: '2026-12-09', periodEnd: '2027-01-05', cycleDays: 28, profile: plain };
  it('says exactly what is missing', () => {
    const r = checkActivities({ ...period, seq: 5, activities: [{ kind: 'lecture', date: '2026-12-10' }] });
    assert.equal(r.met, false);
    assert.deepEqual(r.missing, [
      '재취업활동이 1회 더 필요합니다 (인정된 활동 1회 / 필요 2회).',
      '그중 입사 지원이나 면접이 1회 더 필요합니다.',
    ]);
  });
  it('counts activities inside the period and within per-claim caps only', () => {
    const r = checkActivities({
      ...period,
      seq: 5,
      activities: [
        { kind: 'application', date: '2026-12-20' },
        { kind: 'psychTest', date: '2026-12-21' },
        { kind: 'interview', date: '2026-12-01' },
      ],
      usedBefore: { psychTest: 1 },
    });
    assert.equal(r.met, false);
    assert.equal(r.counted.length, 1);
    assert.deepEqual(
      r.excluded.map((e) => [e.reason, e.why]),
      [
        ['outside', '활동일은 인정 기간(2026.12.09.~2027.01.05.) 안이어야 합니다.'],
        ['cap', '직업심리검사는 수급 기간 중 1회까지만 인정됩니다.'],
      ],
    );
    assert.equal(r.missing[0], '활동일은 인정 기간(2026.12.09.~2027.01.05.) 안이어야 합니다.');
    const ok = checkActivities({
      ...period,
      seq: 5,
      activities: [
        { kind: 'application', date: '2026-12-20' },
        { kind: 'training', date: '2026-12-22' },
      ],
    });
    assert.equal(ok.met, true);
    assert.deepEqual(ok.missing, []);
  });
});

describe('an activity must lie in the period being recognised', () => {
  // The period of the report that found it: 2026.12.02.–12.04. (a moved 실업인정일).
  const period = { periodStart: '2026-12-02', periodEnd: '2026-12-04' };
  const message = '활동일은 인정 기간(2026.12.02.~2026.12.04.) 안이어야 합니다.';
  const cases: [string, string, string | null][] = [
    ['the day before the period', '2026-12-01', message],
    ['the first day', '2026-12-02', null],
    ['a day inside', '2026-12-03', null],
    ['the last day', '2026-12-04', null],
    ['the day after the period', '2026-12-05', message],
    ['months later (2027-05-05, as reported)', '2027-05-05', message],
    ['a year earlier', '2025-12-03', message],
  ];
  for (const [name, date, expected] of cases)
    it(`${name}: ${date} → ${expected ?? 'accepted'}`, () => {
      assert.equal(activityDateError(date, period), expected);
    });

  it('one activity outside makes the period not met, even when the others meet it', () => {
    const base = { ...period, cycleDays: 28, profile: plain };
    const inside = { kind: 'application' as const, date: '2026-12-03' };
    assert.equal(checkActivities({ ...base, seq: 2, activities: [inside] }).met, true);
    const r = checkActivities({ ...base, seq: 2, activities: [inside, { kind: 'interview', date: '2027-05-05' }] });
    assert.equal(r.met, false);
    assert.deepEqual(r.missing, [message]);
    assert.deepEqual(r.counted, [inside]);
    // 1차 needs no activity, but a reported one must still be in the period.
    const first = checkActivities({ ...base, seq: 1, activities: [{ kind: 'counselling', date: '2027-05-05' }] });
    assert.equal(first.met, false);
    assert.deepEqual(first.missing, [message]);
  });
});
