import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCounterOutage, parseQueueReport, parseSubmission } from './counter-forms.ts';

const now = new Date('2026-11-25T06:00:00Z');
const kst = (s: string) => new Date(`${s}+09:00`).toISOString();
const KEY = 'k0123456789abcdef';
const PC = 'pc0123456789abcdef';

describe("a counter's offline window", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['kept as reported', { from: kst('2026-11-25T09:10'), to: kst('2026-11-25T10:40') }, '09:10~10:40 recorded'],
    ['a blip under 5 minutes', { from: kst('2026-11-25T09:10'), to: kst('2026-11-25T09:14') }, '09:10~09:14 blip'],
    [
      'exactly 5 minutes is kept',
      { from: kst('2026-11-25T09:10'), to: kst('2026-11-25T09:15') },
      '09:10~09:15 recorded',
    ],
    [
      'a clock up to 5 minutes fast: ends now',
      { from: kst('2026-11-25T14:00'), to: kst('2026-11-25T15:04') },
      '14:00~15:00 recorded',
    ],
    [
      'longer than 7 days keeps the last 7',
      { from: kst('2026-11-12T09:00'), to: kst('2026-11-25T09:00') },
      '09:00~09:00 recorded clamped 2026-11-18',
    ],
    [
      'no key',
      { key: '', from: kst('2026-11-25T09:10'), to: kst('2026-11-25T10:40') },
      '400 오프라인 기록 키가 올바르지 않습니다.',
    ],
    [
      'no counter',
      { counterId: 'a b', from: kst('2026-11-25T09:10'), to: kst('2026-11-25T10:40') },
      '400 창구 PC 식별자가 올바르지 않습니다.',
    ],
    ['no end', { from: kst('2026-11-25T09:10') }, '400 연결이 끊긴 시각과 다시 연결된 시각을 모두 보내야 합니다.'],
    [
      'ends before it starts',
      { from: kst('2026-11-25T10:40'), to: kst('2026-11-25T09:10') },
      '422 연결이 끊긴 시각이 다시 연결된 시각보다 앞서야 합니다.',
    ],
    [
      'ends in the future',
      { from: kst('2026-11-25T14:00'), to: kst('2026-11-25T15:10') },
      '422 다시 연결된 시각이 앞으로의 시각입니다. 창구 PC의 시계를 확인해 주세요.',
    ],
    [
      'ended over 14 days ago',
      { from: kst('2026-11-01T09:00'), to: kst('2026-11-01T10:00') },
      '422 14일이 지난 오프라인 기록은 받을 수 없습니다.',
    ],
  ];
  const hhmm = (d: Date) => new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(11, 16);
  for (const [name, body, expected] of cases) {
    it(name, () => {
      const r = parseCounterOutage({ key: KEY, counterId: PC, ...body }, now);
      const got = r.ok
        ? `${hhmm(r.value.from)}~${hhmm(r.value.to)} ${r.blip ? 'blip' : 'recorded'}${r.value.reportedFrom ? ` clamped ${new Date(r.value.from.getTime() + 9 * 3_600_000).toISOString().slice(0, 10)}` : ''}`
        : `${r.status} ${r.error}`;
      assert.equal(got, expected);
    });
  }
});

describe("a form from the counter's queue (parseSubmission)", () => {
  const good = {
    key: KEY,
    kind: 'claim',
    takenAt: kst('2026-11-25T09:10'),
    counsellorId: '7',
    citizen: ' kim ',
    payload: { a: 1 },
  };
  const cases: [string, Record<string, unknown>, string][] = [
    ['taken this morning', {}, 'ok claim 7 kim'],
    ['no key', { key: 'short' }, '접수 키가 올바르지 않습니다.'],
    ['an unknown kind', { kind: 'complaint' }, '접수 종류를 알 수 없습니다.'],
    ['no time', { takenAt: 'yesterday' }, '접수 시각이 없습니다.'],
    ['a clock up to 5 minutes fast is taken', { takenAt: kst('2026-11-25T15:04') }, 'ok claim 7 kim'],
    [
      'taken in the future',
      { takenAt: kst('2026-11-25T15:06') },
      '접수 시각이 앞으로의 시각입니다. 창구 PC의 시계를 확인해 주세요.',
    ],
    [
      'taken over 14 days ago',
      { takenAt: kst('2026-11-10T09:00') },
      '14일이 지난 창구 접수는 받을 수 없습니다. 고용센터 담당자에게 문의해 주세요.',
    ],
    ['no citizen', { citizen: '  ' }, '대상자(개인회원 아이디)를 적어 주세요.'],
  ];
  for (const [name, body, expected] of cases)
    it(name, () => {
      const r = parseSubmission({ ...good, ...body }, now);
      assert.equal(r.ok ? `ok ${r.value.kind} ${r.value.counsellorId} ${r.value.citizen}` : r.error, expected);
    });

  it('keeps the payload and the time as ISO; a payload that is not an object is empty', () => {
    const r = parseSubmission(good, now);
    assert.ok(r.ok);
    assert.deepEqual(r.value.payload, { a: 1 });
    assert.equal(r.value.takenAt, '2026-11-25T00:10:00.000Z');
    const bare = parseSubmission({ ...good, payload: 'x' }, now);
    assert.deepEqual(bare.ok && bare.value.payload, {});
  });
});

describe("a counter's queue report (parseQueueReport)", () => {
  const cases: [string, unknown, { waiting: number; review: number; oldestTakenAt: string | null }][] = [
    [
      'counts and the oldest',
      { waiting: 3, review: '1', oldestTakenAt: '2026-11-25T00:10:00Z' },
      { waiting: 3, review: 1, oldestTakenAt: '2026-11-25T00:10:00Z' },
    ],
    ['nothing sent', undefined, { waiting: 0, review: 0, oldestTakenAt: null }],
    [
      'negative or fractional counts are 0',
      { waiting: -2, review: 1.5 },
      { waiting: 0, review: 0, oldestTakenAt: null },
    ],
    ['counts cut to a million', { waiting: 5_000_000 }, { waiting: 1_000_000, review: 0, oldestTakenAt: null }],
    ['an oldest time that is not one', { oldestTakenAt: 'soon' }, { waiting: 0, review: 0, oldestTakenAt: null }],
  ];
  for (const [name, body, expected] of cases)
    it(name, () => {
      assert.deepEqual(parseQueueReport(body), expected);
    });
});
