import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outageReason, type RecognitionState, rescheduleAfterOutage } from './outage.ts';
import { koreanCalendar } from './schedule.ts';

const calendar = koreanCalendar();
const kst = (s: string) => Date.parse(`${s}+09:00`);
const periods = (dates: string[], status: string[] = []): RecognitionState[] =>
  dates.map((date, i) => ({
    seq: i + 1,
    date,
    periodStart: i === 0 ? '2026-10-01' : (dates[i - 1] ?? ''),
    periodEnd: date,
    status: status[i] ?? 'scheduled',
  }));
const opts = { calendar, benefitPeriodEnd: '2027-06-30' };

describe('실업인정일 after an outage', () => {
  const cases: [string, { from: string; to: string }, string[], string[], [number, string, string][]][] = [
    // The morning of the report: 09:15–11:57 on the claimant's date → the next business day.
    [
      'outage on the date itself (수)',
      { from: '2026-11-25T09:15', to: '2026-11-25T11:57' },
      ['2026-11-25', '2026-12-23'],
      [],
      [[1, '2026-11-25', '2026-11-26']],
    ],
    [
      'outage on a Friday date → Monday',
      { from: '2026-11-27T09:00', to: '2026-11-27T10:00' },
      ['2026-11-27', '2026-12-25'],
      [],
      [[1, '2026-11-27', '2026-11-30']],
    ],
    [
      'before 기독탄신일 and the weekend → Monday 12-28',
      { from: '2026-12-24T14:00', to: '2026-12-24T15:00' },
      ['2026-12-24', '2027-01-21'],
      [],
      [[1, '2026-12-24', '2026-12-28']],
    ],
    [
      'ended days before the date: nothing moves',
      { from: '2026-11-20T09:00', to: '2026-11-20T12:00' },
      ['2026-11-25'],
      [],
      [],
    ],
    [
      'already filed before it: nothing moves',
      { from: '2026-11-25T09:15', to: '2026-11-25T11:57' },
      ['2026-11-25'],
      ['filed'],
      [],
    ],
    [
      'past dates are not touched; only those inside the outage',
      { from: '2026-11-24T23:00', to: '2026-11-25T01:00' },
      ['2026-10-28', '2026-11-25'],
      ['confirmed'],
      [[2, '2026-11-25', '2026-11-26']],
    ],
    [
      'an outage over two days moves dates on both to the day after',
      { from: '2026-11-24T20:00', to: '2026-11-25T10:00' },
      ['2026-11-24', '2026-12-22'],
      [],
      [[1, '2026-11-24', '2026-11-26']],
    ],
  ];
  for (const [name, outage, dates, status, expected] of cases) {
    it(name, () => {
      const got = rescheduleAfterOutage(periods(dates, status), { from: kst(outage.from), to: kst(outage.to) }, opts);
      assert.deepEqual(
        got.map((d) => [d.seq, d.from, d.ok ? d.to : `! ${d.reason}`]),
        expected,
      );
    });
  }
  it('the next period starts the day after the new date', () => {
    const [d] = rescheduleAfterOutage(
      periods(['2026-11-25', '2026-12-23']),
      { from: kst('2026-11-25T09:15'), to: kst('2026-11-25T11:57') },
      opts,
    );
    assert.ok(d?.ok);
    assert.equal(d.periods[1]?.periodStart, '2026-11-27');
  });
  it('when the next 실업인정일 is in the way, it says so for a counsellor', () => {
    const [d] = rescheduleAfterOutage(
      periods(['2026-11-25', '2026-11-26']),
      { from: kst('2026-11-25T09:15'), to: kst('2026-11-25T11:57') },
      opts,
    );
    assert.equal(d?.ok, false);
    assert.ok(d && !d.ok && /2차 실업인정일/.test(d.reason));
  });
});

describe('why a 실업인정일 moved', () => {
  const cases: [string, Parameters<typeof outageReason>[0], RegExp][] = [
    [
      'an incident',
      {
        source: { kind: 'incident', id: 1 },
        title: '고용보험 시스템 접속 장애',
        from: kst('2026-11-25T09:15'),
        to: kst('2026-11-25T11:57'),
      },
      /^전산 장애\(고용보험 시스템 접속 장애, 2026-11-25 09:15~11:57\)로 실업인정일을 옮겼습니다\. 불이익이 없고/,
    ],
    [
      "a centre's counter, over midnight",
      {
        source: { kind: 'counter', id: 2, centreCode: 'seoul-gangnam' },
        title: '서울강남고용센터 창구 전산 중단',
        from: kst('2026-11-24T20:00'),
        to: kst('2026-11-25T10:00'),
      },
      /^서울강남고용센터 창구 전산 중단 \(2026-11-24 20:00~2026-11-25 10:00\)으로 실업인정일을 옮겼습니다\./,
    ],
  ];
  for (const [name, outage, expected] of cases) it(name, () => assert.match(outageReason(outage), expected));
});
