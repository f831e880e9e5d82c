import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { koreanCalendar, moveRecognitionDate, nextBusinessDay, payableDays, recognitionSchedule } from './schedule.ts';

const calendar = koreanCalendar();

describe('실업인정일 never fall on a weekend or public holiday', () => {
  const cases: [string, string, string][] = [
    ['2026-11-25', '2026-11-25', '평일 그대로'],
    ['2026-11-28', '2026-11-30', '토요일 → 월요일'],
    ['2026-09-24', '2026-09-28', '추석 연휴와 일요일'],
    ['2026-02-28', '2026-03-03', '토요일, 3ㆍ1절(일), 대체공휴일(3ㆍ1절)'],
    ['2026-05-25', '2026-05-26', '대체공휴일(부처님 오신 날)'],
    ['2026-10-03', '2026-10-06', '개천절(토), 일요일, 대체공휴일(개천절)'],
    ['2026-06-03', '2026-06-04', '전국동시지방선거'],
    ['2026-12-25', '2026-12-28', '기독탄신일(금)과 주말'],
  ];
  for (const [date, expected, what] of cases)
    it(`${date} → ${expected} (${what})`, () => assert.equal(nextBusinessDay(date, calendar).date, expected));

  it('names what it skipped', () => {
    const moved = nextBusinessDay('2026-09-24', calendar);
    assert.deepEqual(
      moved.skipped.map((s) => s.why),
      ['추석 전날', '추석', '추석 다음 날', '일요일'],
    );
  });
});

describe('recognition schedule', () => {
  it('every 4 weeks from the first date; moves do not accumulate', () => {
    const s = recognitionSchedule({ firstDate: '2026-08-31', cycleDays: 28, until: '2027-01-31', calendar });
    assert.deepEqual(
      s.map((r) => [r.seq, r.nominal, r.date]),
      [
        [1, '2026-08-31', '2026-08-31'],
        [2, '2026-09-28', '2026-09-28'],
        [3, '2026-10-26', '2026-10-26'],
        [4, '2026-11-23', '2026-11-23'],
        [5, '2026-12-21', '2026-12-21'],
        [6, '2027-01-18', '2027-01-18'],
      ],
    );
    const shifted = recognitionSchedule({ firstDate: '2026-09-24', cycleDays: 28, until: '2026-11-30', calendar });
    assert.deepEqual(
      shifted.map((r) => r.date),
      ['2026-09-28', '2026-10-22', '2026-11-19'],
    );
    assert.match(shifted[0]?.movedBecause ?? '', /추석/);
  });
  it('refuses cycles outside 1–4 weeks', () => {
    assert.throws(
      () => recognitionSchedule({ firstDate: '2026-09-01', cycleDays: 35, until: '2027-01-01', calendar }),
      /1주에서 4주/,
    );
  });
  it('flags dates beyond the published holiday data', () => {
    const s = recognitionSchedule({ firstDate: '2027-12-20', cycleDays: 28, until: '2028-02-01', calendar });
    assert.equal(s[0]?.holidayDataMissing, false);
    assert.equal(s[1]?.holidayDataMissing, true);
  });
});

describe('days paid for a recognition period', () => {
  const base = { firstPayableDay: '2026-12-02', benefitPeriodEnd: '2027-10-31', remainingDays: 150 };
  const cases: [string, string, number, number][] = [
    ['2026-11-25', '2026-12-08', 150, 7], // 대기기간 (11-25..12-01) unpaid
    ['2026-12-09', '2027-01-05', 150, 28],
    ['2026-12-09', '2027-01-05', 10, 10], // only what remains
    ['2027-10-20', '2027-11-16', 150, 12], // the 수급기간 ends 10-31
    ['2027-11-01', '2027-11-28', 150, 0],
    ['2026-11-25', '2026-11-30', 150, 0],
  ];
  for (const [start, end, remaining, expected] of cases)
    it(`${start}~${end}, ${remaining}일 남음 → ${expected}일`, () =>
      assert.equal(payableDays({ ...base, periodStart: start, periodEnd: end, remainingDays: remaining }), expected));
});

describe('moving a 실업인정일', () => {
  const periods = [
    { seq: 1, date: '2026-11-16', periodStart: '2026-11-02', periodEnd: '2026-11-16' },
    { seq: 2, date: '2026-12-14', periodStart: '2026-11-17', periodEnd: '2026-12-14' },
    { seq: 3, date: '2027-01-11', periodStart: '2026-12-15', periodEnd: '2027-01-11' },
  ];
  const opts = { calendar, benefitPeriodEnd: '2027-10-30' };
  it('moves the date and the edges of this and the next period', () => {
    const r = moveRecognitionDate(periods, 2, '2026-12-15', opts);
    assert.ok(r.ok);
    assert.deepEqual(r.periods[1], { seq: 2, date: '2026-12-15', periodStart: '2026-11-17', periodEnd: '2026-12-15' });
    assert.equal(r.periods[2]?.periodStart, '2026-12-16');
    assert.deepEqual(r.periods[0], periods[0]);
  });
  const refused: [number, string, RegExp][] = [
    [2, '2026-12-19', /2026\.12\.19\.\(토\)는 주말이나 공휴일/],
    [2, '2026-12-25', /주말이나 공휴일/],
    [2, '2026-11-16', /1차 실업인정일인 2026\.11\.16\.\(월\) 뒤의 날/],
    [2, '2027-01-11', /3차 실업인정일인 2027\.01\.11\.\(월\) 전의 날/],
    [3, '2027-11-01', /수급기간 끝/],
    [4, '2027-02-08', /4차 실업인정이 없습니다/],
  ];
  for (const [seq, date, message] of refused)
    it(`${seq}차 → ${date} is refused`, () => {
      const r = moveRecognitionDate(periods, seq, date, opts);
      assert.ok(!r.ok);
      assert.match(r.error, message);
    });
});
