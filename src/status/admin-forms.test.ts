import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  parseAction,
  parseActionUpdate,
  parseDeclare,
  parseMaintenance,
  parsePostmortem,
  parseUpdate,
} from './admin-forms.ts';

const KEY = 'k-1234567890abcdef';
const NOW = new Date('2026-11-30T03:00:00Z'); // 12:00 in Seoul
const SERVICES = ['jobs', 'benefits', 'login', 'centre'];
const errorsOf = (r: { errors: Record<string, string> }) => Object.keys(r.errors).sort();

describe('장애 직접 등록 (parseDeclare)', () => {
  const good = { idempotencyKey: KEY, services: ['benefits'], title: 'DB 장애', startedAt: '2026-11-30T09:15' };
  const cases: { name: string; body: Record<string, unknown>; errors: string[] }[] = [
    { name: 'a past start, no recovery yet', body: good, errors: [] },
    { name: 'with a recovery after the start', body: { ...good, resolvedAt: '2026-11-30 11:57' }, errors: [] },
    { name: 'no service', body: { ...good, services: [] }, errors: ['services'] },
    { name: 'a service the catalogue does not know', body: { ...good, services: 'mail' }, errors: ['services'] },
    { name: 'no title', body: { ...good, title: '  ' }, errors: ['title'] },
    { name: 'a start that is not a time', body: { ...good, startedAt: '어제 아침' }, errors: ['startedAt'] },
    { name: 'a start in the future', body: { ...good, startedAt: '2026-11-30T13:00' }, errors: ['startedAt'] },
    { name: '30 February', body: { ...good, startedAt: '2026-02-30T09:00' }, errors: ['startedAt'] },
    { name: 'a recovery before the start', body: { ...good, resolvedAt: '2026-11-30T09:00' }, errors: ['resolvedAt'] },
    { name: 'no idempotency key', body: { ...good, idempotencyKey: '' }, errors: [] },
  ];
  for (const c of cases)
    it(c.name, () => {
      const r = parseDeclare(c.body, SERVICES, NOW);
      if (c.name === 'no idempotency key') {
        assert.match(r.errors.services ?? '', /새로 고친 뒤/);
        assert.equal(r.value, null);
        return;
      }
      assert.deepEqual(errorsOf(r), c.errors);
      assert.equal(r.value === null, c.errors.length > 0);
    });

  it('times are Seoul time; the impact defaults to 전체 장애 and the first update to the title', () => {
    const r = parseDeclare({ ...good, resolvedAt: '2026-11-30T11:57', impact: 'nonsense' }, SERVICES, NOW);
    assert.deepEqual(r.value, {
      key: KEY,
      services: ['benefits'],
      title: 'DB 장애',
      impact: 'major',
      cause: '',
      startedAt: '2026-11-30T00:15:00.000Z',
      resolvedAt: '2026-11-30T02:57:00.000Z',
      body: 'DB 장애: 운영자가 등록한 장애입니다.',
    });
    assert.deepEqual(r.form.services, ['benefits'], 'what was typed is kept for the form');
  });
});

describe('점검 일정 (parseMaintenance)', () => {
  const good = {
    idempotencyKey: KEY,
    title: '정기 점검',
    components: ['database'],
    startsAt: '2026-12-05T02:00',
    endsAt: '2026-12-05T04:00',
  };
  const known = (id: string) => ['database', 'jobs'].includes(id);
  const cases: { name: string; body: Record<string, unknown>; errors: string[] }[] = [
    { name: 'a window to come', body: good, errors: [] },
    { name: 'no title', body: { ...good, title: '' }, errors: ['mtitle'] },
    { name: 'an unknown target only', body: { ...good, components: ['moon'] }, errors: ['mcomponents'] },
    { name: 'no start', body: { ...good, startsAt: '' }, errors: ['mstartsAt'] },
    { name: 'an end before the start', body: { ...good, endsAt: '2026-12-05T01:00' }, errors: ['mendsAt'] },
    {
      name: 'a window already over',
      body: { ...good, startsAt: '2026-11-29T02:00', endsAt: '2026-11-29T04:00' },
      errors: ['mendsAt'],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const r = parseMaintenance(c.body, known, NOW);
      assert.deepEqual(errorsOf(r), c.errors);
      assert.equal(r.value === null, c.errors.length > 0);
    });
});

describe('the incident desk forms', () => {
  it('an update needs a status and a text', () => {
    assert.deepEqual(parseUpdate({ idempotencyKey: KEY, status: 'monitoring', body: '복구 확인 중' }).value, {
      key: KEY,
      status: 'monitoring',
      body: '복구 확인 중',
    });
    assert.deepEqual(errorsOf(parseUpdate({ idempotencyKey: KEY, status: 'monitoring', body: '' })), ['body']);
    assert.match(parseUpdate({ idempotencyKey: KEY, status: 'closed', body: 'x' }).errors.body ?? '', /상태를 고르고/);
  });

  it('a postmortem needs a summary and a root cause; 게시 is a checkbox', () => {
    const r = parsePostmortem({ summary: '요약', rootCause: '원인', impact: '', publish: 'yes' });
    assert.equal(r.value?.publish, true);
    assert.deepEqual(errorsOf(parsePostmortem({ summary: '', rootCause: '' })), ['rootCause', 'summary']);
  });

  it('a corrective action needs what, who and a real date', () => {
    assert.deepEqual(
      parseAction({ idempotencyKey: KEY, title: '알림 추가', owner: '운영팀', dueDate: '2026-12-31' }).value,
      {
        key: KEY,
        title: '알림 추가',
        owner: '운영팀',
        dueDate: '2026-12-31',
      },
    );
    assert.deepEqual(errorsOf(parseAction({ idempotencyKey: KEY, title: '', owner: '', dueDate: '12월 말' })), [
      'atitle',
      'dueDate',
      'owner',
    ]);
  });

  it('완료 needs how it was verified', () => {
    assert.equal(parseActionUpdate({ status: 'done', verification: '' }), 'verification-required');
    assert.equal(parseActionUpdate({ status: 'finished' }), 'no-status');
    assert.deepEqual(parseActionUpdate({ status: 'done', verification: '재현 시험 통과' }), {
      status: 'done',
      verification: '재현 시험 통과',
    });
  });
});
