import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UserError } from '../web/errors.ts';
import type { Recognition } from './model.ts';
import { planMove } from './move.ts';
import { koreanCalendar } from './schedule.ts';

const calendar = koreanCalendar();
const recognition = (r: Partial<Recognition> & Pick<Recognition, 'seq' | 'scheduledDate' | 'periodStart'>) =>
  ({
    id: r.seq,
    nominalDate: r.scheduledDate,
    movedBecause: null,
    periodEnd: r.scheduledDate,
    status: 'scheduled',
    filedAt: null,
    workedOrEarned: null,
    decisionNote: null,
    paidDays: null,
    amount: null,
    ...r,
  }) as Recognition;
// 2026-11-25 and 2026-12-23 are Wednesdays.
const rows = [
  recognition({ seq: 1, scheduledDate: '2026-11-25', periodStart: '2026-10-29' }),
  recognition({ seq: 2, scheduledDate: '2026-12-23', periodStart: '2026-11-26' }),
];
const plan = (o: {
  seq?: number;
  kind?: 'personal' | 'illness' | 'outage';
  newDate?: string;
  evidence?: string;
  actor?: 'seeker' | 'counsellor';
  today?: string;
  personalChangeUsed?: boolean;
  rows?: Recognition[];
}) =>
  planMove({
    actor: { kind: o.actor ?? 'seeker' },
    today: o.today ?? '2026-11-20',
    claim: { personalChangeUsed: o.personalChangeUsed ?? false, benefitPeriodEnd: '2027-10-31' },
    rows: o.rows ?? rows,
    seq: o.seq ?? 1,
    input: { newDate: o.newDate ?? '2026-11-26', kind: o.kind ?? 'personal', evidence: o.evidence ?? '' },
    calendar,
  });
const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    if (err instanceof UserError) return `${err.statusCode} ${err.code}`;
    throw err;
  }
  return 'allowed';
};

describe('실업인정일 변경 rules (planMove)', () => {
  const cases: [string, Parameters<typeof plan>[0], string][] = [
    ['personal, in advance', {}, 'allowed'],
    ['no such 차수', { seq: 9 }, '404 NOT_FOUND'],
    [
      'a 차수 filed already',
      { rows: [{ ...rows[0], status: 'filed' } as Recognition, rows[1] as Recognition] },
      '409 ALREADY_FILED',
    ],
    ['the claimant on the day itself', { today: '2026-11-25' }, '422 TOO_LATE'],
    [
      'a counsellor afterwards, on evidence',
      { actor: 'counsellor', today: '2026-11-27', kind: 'illness', evidence: '진단서' },
      'allowed',
    ],
    ['the personal change a second time', { personalChangeUsed: true }, '409 PERSONAL_CHANGE_USED'],
    ['illness without evidence', { kind: 'illness' }, '422 EVIDENCE_REQUIRED'],
    ['illness, evidence of spaces only', { kind: 'illness', evidence: '   ' }, '422 EVIDENCE_REQUIRED'],
    ['an outage needs no evidence', { kind: 'outage', actor: 'counsellor' }, 'allowed'],
    ['onto a Saturday', { newDate: '2026-11-28' }, '422 BAD_DATE'],
    ['onto the next 차수', { newDate: '2026-12-23' }, '422 BAD_DATE'],
  ];
  for (const [name, opts, expected] of cases)
    it(name, () =>
      assert.equal(
        refusal(() => plan(opts)),
        expected,
      ),
    );

  it('ends the moved 차수 on the new date and starts the next the day after', () => {
    const { target, periods } = plan({ newDate: '2026-11-27' });
    assert.equal(target.seq, 1);
    assert.deepEqual(
      periods.map((p) => [p.seq, p.date, p.periodStart, p.periodEnd]),
      [
        [1, '2026-11-27', '2026-10-29', '2026-11-27'],
        [2, '2026-12-23', '2026-11-28', '2026-12-23'],
      ],
    );
  });

  it('says which field is wrong', () => {
    assert.throws(
      () => plan({ kind: 'illness' }),
      (err: UserError) => err.fields?.evidence !== undefined,
    );
    assert.throws(
      () => plan({ newDate: '2026-11-28' }),
      (err: UserError) => err.fields?.newDate !== undefined,
    );
  });
});
