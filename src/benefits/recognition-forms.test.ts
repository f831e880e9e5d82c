import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ACTIVITY_ROWS,
  CLAIMANT_CHANGES,
  offeredActivities,
  parseChange,
  periodErrors,
  readActivities,
} from './recognition-forms.ts';

describe('재취업활동 rows (readActivities)', () => {
  const cases: { name: string; body: Record<string, string>; errors: string[]; activities: number }[] = [
    { name: 'nothing reported', body: {}, errors: [], activities: 0 },
    {
      name: 'one complete activity',
      body: { kind0: 'application', date0: '2026-11-20', organisation0: '(주)다온' },
      errors: [],
      activities: 1,
    },
    {
      name: 'an empty row between two complete ones is skipped',
      body: { kind0: 'interview', date0: '2026-11-20', kind2: 'training', date2: '2026-11-21' },
      errors: [],
      activities: 2,
    },
    {
      name: 'a kind that does not exist',
      body: { kind0: 'holiday', date0: '2026-11-20' },
      errors: ['kind0'],
      activities: 0,
    },
    {
      name: 'a date that is not one',
      body: { kind1: 'application', date1: '11월 20일' },
      errors: ['date1'],
      activities: 0,
    },
    { name: 'only a description', body: { description3: '면접 봄' }, errors: ['date3', 'kind3'], activities: 0 },
    {
      name: 'a prototype name as kind',
      body: { kind0: 'constructor', date0: '2026-11-20' },
      errors: ['kind0'],
      activities: 0,
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const r = readActivities(c.body);
      assert.equal(r.rows.length, ACTIVITY_ROWS);
      assert.deepEqual(Object.keys(r.errors).sort(), c.errors);
      assert.equal(r.activities.length, c.activities);
    });

  it('numbers the messages from 1 and keeps what was typed', () => {
    const r = readActivities({ kind1: 'holiday', date1: '2026-11-20', organisation1: '  (주)다온  ' });
    assert.match(r.errors.kind1 ?? '', /활동 2의 종류/);
    assert.equal(r.rows[1]?.kind, 'holiday');
    assert.equal(r.rows[1]?.organisation, '(주)다온');
  });

  it('masks a 주민등록번호 in the organisation and description', () => {
    const r = readActivities({ kind0: 'application', date0: '2026-11-20', description0: '850520-1234567' });
    assert.doesNotMatch(r.activities[0]?.description ?? '', /1234567/);
  });
});

describe('activities outside the period (periodErrors)', () => {
  const period = { periodStart: '2026-10-29', periodEnd: '2026-11-25' };
  const row = (date: string) => ({ kind: 'application', date, organisation: '', description: '' });
  const cases: [string, string[], string[]][] = [
    ['inside, both ends included', ['2026-10-29', '2026-11-25'], []],
    ['the day before the start', ['2026-10-28'], ['date0']],
    ['the day after the end, second row', ['2026-11-01', '2026-11-26'], ['date1']],
    ['not a date: left to readActivities', ['어제'], []],
  ];
  for (const [name, dates, errors] of cases)
    it(name, () => assert.deepEqual(Object.keys(periodErrors(dates.map(row), period)), errors));
});

describe('입사 지원 offered as activities (offeredActivities)', () => {
  it('dates each in Seoul and names it as an Ilteo application', () => {
    const rows = offeredActivities([
      { appliedAt: '2026-11-20T16:30:00Z', companyName: '(주)다온', title: '물류 사무원' },
    ]);
    assert.deepEqual(rows, [
      {
        kind: 'application',
        date: '2026-11-21',
        organisation: '(주)다온',
        description: '물류 사무원 (일터 입사 지원)',
      },
    ]);
  });
  it(`offers at most ${ACTIVITY_ROWS}`, () => {
    const many = Array.from({ length: 8 }, (_, i) => ({
      appliedAt: `2026-11-1${i}T01:00:00Z`,
      companyName: `회사 ${i}`,
      title: '지원',
    }));
    assert.equal(offeredActivities(many).length, ACTIVITY_ROWS);
  });
});

describe('실업인정일 변경 (parseChange)', () => {
  const good = { newDate: '2026-12-15', kind: 'illness', evidence: '진단서' };
  const cases: { name: string; body: Record<string, string>; errors: string[] }[] = [
    { name: 'a date and a reason', body: good, errors: [] },
    { name: 'no evidence: left to the rules (planMove)', body: { ...good, evidence: '' }, errors: [] },
    { name: 'not a date', body: { ...good, newDate: '12월 15일' }, errors: ['newDate'] },
    { name: 'no reason', body: { ...good, kind: '' }, errors: ['kind'] },
    { name: 'an outage is not the claimant’s to give', body: { ...good, kind: 'outage' }, errors: ['kind'] },
    { name: 'a prototype name', body: { ...good, kind: 'toString' }, errors: ['kind'] },
  ];
  for (const c of cases)
    it(c.name, () => {
      const r = parseChange(c.body);
      assert.deepEqual(Object.keys(r.errors).sort(), c.errors);
      assert.equal(r.value === null, c.errors.length > 0);
      assert.equal(r.form.newDate, c.body.newDate);
    });
  it('offers every reason but the outage', () => {
    assert.ok(!Object.hasOwn(CLAIMANT_CHANGES, 'outage'));
    assert.ok(Object.hasOwn(CLAIMANT_CHANGES, 'personal'));
  });
});
