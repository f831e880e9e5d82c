import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addTotals,
  type Interval,
  percentOf,
  totals,
  uptime,
  type WritePause,
  withWritePauses,
  worstState,
  ZERO_TOTALS,
} from './uptime.ts';

const H = 3_600_000;
const day = (parts: [Interval['state'], number][]): Interval[] => {
  let t = 0;
  return parts.map(([state, hours]) => {
    const i = { state, from: t, to: t + hours * H };
    t += hours * H;
    return i;
  });
};

describe('uptime arithmetic (hand-computed cases)', () => {
  const cases: [string, [Interval['state'], number][], number | null, number][] = [
    ['all day up', [['operational', 24]], 100, 0],
    [
      '2 h 42 min down (09:15–11:57)',
      [
        ['operational', 9.25],
        ['major', 2.7],
        ['operational', 12.05],
      ],
      88.75,
      0,
    ],
    [
      '4 h partial = 2 h down',
      [
        ['operational', 20],
        ['partial', 4],
      ],
      91.667,
      0,
    ],
    [
      'degraded and redundancy lost count as up',
      [
        ['degraded', 12],
        ['redundancy-lost', 12],
      ],
      100,
      0,
    ],
    [
      'maintenance is left out: 1 h down of 20 h counted',
      [
        ['maintenance', 4],
        ['operational', 19],
        ['major', 1],
      ],
      95,
      0,
    ],
    [
      'no data is neither up nor down',
      [
        ['nodata', 6],
        ['operational', 18],
      ],
      100,
      6 * H,
    ],
    ['uncovered time is no data', [['operational', 12]], 100, 12 * H],
    ['only maintenance: no figure', [['maintenance', 24]], null, 0],
  ];
  for (const [name, parts, percent, noData] of cases)
    it(name, () => {
      const u = uptime(day(parts), 0, 24 * H);
      assert.equal(u.percent, percent);
      assert.equal(u.noDataMs, noData);
    });
  it('clips intervals to the window', () => {
    const u = uptime([{ state: 'major', from: -H, to: H }], 0, 2 * H);
    assert.equal(u.downMs, H);
    assert.equal(u.noDataMs, H);
    assert.equal(u.percent, 0);
  });
  it('a bar shows the worst state of its day, and 자료 없음 only when nothing else', () => {
    assert.equal(
      worstState(
        day([
          ['operational', 20],
          ['partial', 1],
          ['major', 1],
          ['operational', 2],
        ]),
        0,
        24 * H,
      ),
      'major',
    );
    assert.equal(
      worstState(
        day([
          ['operational', 23],
          ['redundancy-lost', 1],
        ]),
        0,
        24 * H,
      ),
      'redundancy-lost',
    );
    assert.equal(worstState([], 0, 24 * H), 'nodata');
  });
});

describe('roll-up totals', () => {
  it('splits a day with a partial outage, maintenance and a gap, and gives the same percent as uptime()', () => {
    const day: Interval[] = [
      { state: 'operational', from: 0, to: 10 * H },
      { state: 'partial', from: 10 * H, to: 12 * H },
      { state: 'maintenance', from: 12 * H, to: 14 * H },
      { state: 'major', from: 14 * H, to: 15 * H },
      { state: 'redundancy-lost', from: 15 * H, to: 20 * H },
    ];
    const t = totals(day, 0, 24 * H);
    assert.deepEqual(t, { upMs: 15 * H, partialMs: 2 * H, downMs: 1 * H, maintenanceMs: 2 * H, noDataMs: 4 * H });
    // (15 + 1) / 18 = 88.889 %
    assert.equal(percentOf(t), 88.889);
    assert.equal(percentOf(t), uptime(day, 0, 24 * H).percent);
  });
  it('adds buckets: two days, one all down, one all up = 50 %', () => {
    const a = totals([{ state: 'major', from: 0, to: 24 * H }], 0, 24 * H);
    const b = totals([{ state: 'operational', from: 24 * H, to: 48 * H }], 24 * H, 48 * H);
    assert.equal(percentOf(addTotals(a, b)), 50);
    assert.equal(percentOf(ZERO_TOTALS), null);
  });
});

describe('write pauses in the figures (issue 21)', () => {
  const S = 1000;
  const cases: [string, Interval[], WritePause[], Interval[]][] = [
    [
      'no pause: unchanged',
      [{ state: 'operational', from: 0, to: 100 * S }],
      [],
      [{ state: 'operational', from: 0, to: 100 * S }],
    ],
    [
      'an 8.4 s pause inside 정상 is 8.4 s of 부분 장애',
      [{ state: 'operational', from: 0, to: 100 * S }],
      [{ from: 10 * S, to: 18.4 * S }],
      [
        { state: 'operational', from: 0, to: 10 * S },
        { state: 'partial', from: 10 * S, to: 18.4 * S },
        { state: 'operational', from: 18.4 * S, to: 100 * S },
      ],
    ],
    [
      'a pause across 정상 → 이중화 상실 cuts both; overlapping pauses count once',
      [
        { state: 'operational', from: 0, to: 12 * S },
        { state: 'redundancy-lost', from: 12 * S, to: 60 * S },
      ],
      [
        { from: 10 * S, to: 15 * S },
        { from: 14 * S, to: 18 * S },
      ],
      [
        { state: 'operational', from: 0, to: 10 * S },
        { state: 'partial', from: 10 * S, to: 12 * S },
        { state: 'partial', from: 12 * S, to: 18 * S },
        { state: 'redundancy-lost', from: 18 * S, to: 60 * S },
      ],
    ],
    [
      '전체 장애, maintenance and 자료 없음 keep their state',
      [
        { state: 'major', from: 0, to: 10 * S },
        { state: 'maintenance', from: 10 * S, to: 20 * S },
        { state: 'nodata', from: 20 * S, to: 30 * S },
      ],
      [{ from: 0, to: 30 * S }],
      [
        { state: 'major', from: 0, to: 10 * S },
        { state: 'maintenance', from: 10 * S, to: 20 * S },
        { state: 'nodata', from: 20 * S, to: 30 * S },
      ],
    ],
  ];
  for (const [name, intervals, pauses, want] of cases) {
    it(name, () => assert.deepEqual(withWritePauses(intervals, pauses), want));
  }

  it('a day with one 8.4 s pause: (86,400 − 4.2) ÷ 86,400 by the formula (½ × 부분 장애)', () => {
    const t = totals(
      withWritePauses([{ state: 'operational', from: 0, to: 24 * H }], [{ from: H, to: H + 8400 }]),
      0,
      24 * H,
    );
    assert.equal(t.partialMs, 8400);
    assert.equal(percentOf(t), Math.round(((86_400_000 - 4200) / 86_400_000) * 100_000) / 1000);
    assert.equal(percentOf(t), 99.995);
  });
});
