import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WritePause } from '../db/write-pauses.ts';
import { buildCatalogue } from './catalogue.ts';
import type { IncidentEvent, OpenIncident } from './model.ts';
import { initialState } from './monitor.ts';
import {
  applyEvents,
  type HeldMonitor,
  localComponents,
  mayRecord,
  monitorState,
  pauseFate,
  pauseRecord,
  policyFor,
  replayHistory,
  trackChanges,
  unconfirmed,
} from './runner-rules.ts';
import type { Tracked } from './runner-types.ts';

const catalogue = buildCatalogue([{ id: 'kakao', label: '카카오' }], []);
const dbServices = catalogue.services.filter((s) => s.deps.some((d) => d.component === 'database')).map((s) => s.id);

describe('policyFor', () => {
  const policies = {
    policy: { failuresToDown: 3, window: 5, successesToUp: 2 },
    databasePolicy: { failuresToDown: 2, window: 2, successesToUp: 2 },
    providerPolicy: { failuresToDown: 2, window: 3, successesToUp: 2 },
  };
  for (const [monitor, expected] of [
    ['db:primary', policies.databasePolicy],
    ['db:node:127.0.0.1:5432', policies.databasePolicy],
    ['idp:kakao', policies.providerPolicy],
    ['app', policies.policy],
    ['ext:homepage', policies.policy],
  ] as const)
    it(`${monitor} is confirmed by its own policy`, () => assert.deepEqual(policyFor(monitor, policies), expected));
  it('falls back to the common policy', () =>
    assert.deepEqual(policyFor('db:primary', { policy: policies.policy }), policies.policy));
});

describe('applyEvents', () => {
  const open: OpenIncident[] = [
    { key: 'a', component: 'database', impact: 'partial' },
    { key: 'b', component: 'idp:kakao', impact: 'major' },
  ];
  const cases: { name: string; events: IncidentEvent[]; expected: OpenIncident[] }[] = [
    {
      name: 'an escalation changes only its own incident',
      events: [{ type: 'escalate', key: 'a', impact: 'major', title: '', cause: '', services: [], at: 1 }],
      expected: [
        { key: 'a', component: 'database', impact: 'major' },
        { key: 'b', component: 'idp:kakao', impact: 'major' },
      ],
    },
    {
      name: 'a close removes its incident',
      events: [{ type: 'close', key: 'b', at: 1 }],
      expected: [{ key: 'a', component: 'database', impact: 'partial' }],
    },
    {
      name: 'an open adds one',
      events: [
        { type: 'open', key: 'c', component: 'backlog', impact: 'degraded', title: '', cause: '', services: [], at: 1 },
      ],
      expected: [...open, { key: 'c', component: 'backlog', impact: 'degraded' }],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      assert.deepEqual(applyEvents(open, c.events), c.expected);
      assert.equal(open.length, 2, 'the list given is left as it was');
    });
});

describe('replayHistory', () => {
  const history = [
    { subject: 'component:database', state: 'major' as const, at: 1_000, detail: '주 서버 응답 없음' },
    { subject: 'monitor:db:primary', state: 'major' as const, at: 1_000, detail: '' },
    { subject: 'component:database', state: 'operational' as const, at: 5_000, detail: '' },
  ];
  it('writes the transitions after the last recorded observation, with the services they imply', () => {
    const r = replayHistory(history, [], catalogue, 0);
    assert.equal(r.transitions.filter((t) => t.subject.startsWith('component:')).length, 2);
    assert.equal(r.transitions.filter((t) => t.subject.startsWith('service:')).length, 2 * dbServices.length);
  });
  it('opens an incident at the fault and closes it at the recovery, leaving none open', () => {
    const r = replayHistory(history, [], catalogue, 0);
    assert.deepEqual(
      r.events.map((e) => [e.type, e.at]),
      [
        ['open', 1_000],
        ['close', 5_000],
      ],
    );
    assert.deepEqual(r.open, []);
  });
  it('skips what the previous leader already observed', () => {
    const r = replayHistory(history, [], catalogue, 1_000);
    assert.deepEqual(
      r.transitions.filter((t) => t.subject === 'component:database').map((t) => t.at),
      [5_000],
    );
    assert.deepEqual(r.events, []);
  });
  it('keeps incidents of other components open', () => {
    const other: OpenIncident = { key: 'idp', component: 'idp:kakao', impact: 'major' };
    assert.deepEqual(replayHistory(history, [other], catalogue, 0).open, [other]);
  });
});

describe('pauseRecord', () => {
  const pause = { startedAt: Date.UTC(2026, 0, 5, 0, 15), endedAt: Date.UTC(2026, 0, 5, 0, 15, 8), failures: 4 };
  it('names a primary change when the primary after differs from the one before', () => {
    const r = pauseRecord(
      { ...pause, kinds: ['read-only'] },
      [
        { at: 0, address: '127.0.0.1:5433' },
        { at: pause.startedAt + 5_000, address: '127.0.0.1:5434' },
      ],
      'app-1',
      catalogue.services,
    );
    assert.equal(r.kind, '주 DB 전환');
    assert.equal(r.cause, '주 DB 전환 (127.0.0.1:5433 → 127.0.0.1:5434): 대기 서버가 쓰기를 거부, 쓰기 재시도 4회');
    assert.equal(r.key, 'write-pause@app-1@2026-01-05T00:15:00.000Z');
    assert.deepEqual(r.services, dbServices);
  });
  it('names a lost connection when the same primary came back', () => {
    const r = pauseRecord({ ...pause, kinds: ['connection'] }, [{ at: 0, address: '127.0.0.1:5433' }], 'app-1', []);
    assert.equal(r.kind, '주 DB 연결 끊김');
    assert.match(r.cause, /^주 DB 연결 끊김 \(127\.0\.0\.1:5433, 같은 서버로 복구\): 주 서버 연결 끊김/);
  });
  it('says a write waited for the new primary when no attempt failed', () => {
    const r = pauseRecord(
      { ...pause, failures: 0, kinds: [] },
      [
        { at: 0, address: '127.0.0.1:5433' },
        { at: pause.endedAt + 1_000, address: '127.0.0.1:5434' },
      ],
      'app-1',
      [],
    );
    assert.equal(r.cause, '주 DB 전환 (127.0.0.1:5433 → 127.0.0.1:5434): 쓰기 요청이 새 주 서버를 기다림');
  });
});

describe('pauseFate', () => {
  const start = 100_000;
  const waited: WritePause = { startedAt: start, endedAt: start + 7_000, failures: 0, kinds: [] };
  const failed: WritePause = { ...waited, failures: 1, kinds: ['connection'] };
  const a = { at: 0, address: 'a:5432' };
  const cases: [string, WritePause, { at: number; address: string }[], number, 'record' | 'wait' | 'drop'][] = [
    ['a pause with failed attempts is recorded', failed, [a], start + 7_000, 'record'],
    [
      'a waited write across a primary change is recorded',
      waited,
      [a, { at: start + 8_000, address: 'b:5432' }],
      start + 8_000,
      'record',
    ],
    ['a waited write with no change seen yet waits', waited, [a], start + 9_000, 'wait'],
    ['a waited write with no change after the grace is dropped (a slow query)', waited, [a], start + 18_000, 'drop'],
    [
      'a change long after the write is not what it waited for',
      waited,
      [a, { at: start + 30_000, address: 'b:5432' }],
      start + 30_000,
      'drop',
    ],
    [
      'with no primary known before it, a waited write is dropped',
      waited,
      [{ at: start + 8_000, address: 'b:5432' }],
      start + 8_000,
      'drop',
    ],
  ];
  for (const [name, p, primaries, now, want] of cases) it(name, () => assert.equal(pauseFate(p, primaries, now), want));
});

const held = (monitor: string, component: string, confirmed: 'up' | 'down' | 'unknown', ok = true): HeldMonitor => ({
  state: { ...initialState(), confirmed, since: confirmed === 'unknown' ? null : 2_000 },
  last: {
    monitor,
    component,
    name: monitor,
    downState: 'major',
    ok,
    slow: false,
    detail: ok ? '정상' : '실패',
    latencyMs: 3,
  },
  failure: '',
});

describe('monitorState and unconfirmed', () => {
  it('a monitor confirmed down takes its down state, a slow one is 성능 저하', () => {
    const base = { id: 'x', component: 'c', downState: 'redundancy-lost' as const, detail: '' };
    assert.equal(monitorState({ ...base, confirmed: 'down', slow: false }), 'redundancy-lost');
    assert.equal(monitorState({ ...base, confirmed: 'up', slow: true }), 'degraded');
    assert.equal(monitorState({ ...base, confirmed: 'unknown', slow: false }), 'operational');
  });
  it('an unconfirmed monitor silences its component and the services on it', () => {
    const views = [
      {
        id: 'db:primary',
        component: 'database',
        confirmed: 'unknown' as const,
        downState: 'major' as const,
        slow: false,
        detail: '',
      },
    ];
    const u = unconfirmed(views, catalogue.services);
    assert.deepEqual([...u.components], ['database']);
    assert.ok(u.subjects.has('monitor:db:primary'));
    assert.ok(u.subjects.has('component:database'));
    for (const id of dbServices) assert.ok(u.subjects.has(`service:${id}`));
  });
});

describe('trackChanges', () => {
  it('dates a change when its monitor confirmed it and a service when its component changed', () => {
    const tracked = new Map<string, Tracked>();
    const since = new Map([
      ['monitor:db:primary', 2_000],
      ['component:database', 2_000],
    ]);
    const service = dbServices[0] ?? '';
    const changes = trackChanges(
      tracked,
      [
        { subject: 'monitor:db:primary', state: 'major', detail: 'database|실패' },
        { subject: 'component:database', state: 'major', detail: '실패' },
        { subject: `service:${service}`, state: 'major', detail: '' },
      ],
      9_000,
      since,
      catalogue.services,
    );
    assert.deepEqual(
      changes.map((c) => c.at),
      [2_000, 2_000, 2_000],
    );
    assert.equal(tracked.get('component:database')?.badSince, 2_000);
    // The same state again is no change.
    assert.deepEqual(
      trackChanges(tracked, [{ subject: 'component:database', state: 'major', detail: '' }], 10_000, since, []),
      [],
    );
  });
});

describe('localComponents', () => {
  it('lists the database and the providers this process tracks, confirmed once every monitor of it is', () => {
    const tracked = new Map<string, Tracked>([
      ['component:database', { state: 'operational', since: 1, badSince: 1, detail: '' }],
      ['component:idp:kakao', { state: 'major', since: 1, badSince: 1, detail: '' }],
    ]);
    const local = localComponents(catalogue.components, tracked, [
      held('db:primary', 'database', 'up'),
      held('idp:kakao', 'idp:kakao', 'unknown'),
    ]);
    assert.deepEqual(
      local.map((c) => [c.id, c.confirmed]),
      [
        ['database', true],
        ['idp:kakao', false],
      ],
    );
  });
});

describe('mayRecord', () => {
  const cases: { name: string; monitors: HeldMonitor[]; want: boolean }[] = [
    { name: 'nothing held yet', monitors: [], want: true },
    {
      name: 'the database and a provider confirmed',
      monitors: [held('db:primary', 'database', 'up'), held('idp:kakao', 'idp:kakao', 'down')],
      want: true,
    },
    {
      name: 'just started: the database not confirmed yet',
      monitors: [held('db:primary', 'database', 'unknown'), held('idp:kakao', 'idp:kakao', 'up')],
      want: false,
    },
    {
      name: 'a provider not confirmed yet',
      monitors: [held('db:primary', 'database', 'up'), held('idp:naver', 'idp:naver', 'unknown')],
      want: false,
    },
    {
      name: 'a new leader: its heartbeat monitors not confirmed yet hold nothing up',
      monitors: [
        held('db:primary', 'database', 'up'),
        held('idp:kakao', 'idp:kakao', 'down'),
        held('app:one', 'app', 'unknown'),
        held('backlog', 'mail', 'unknown'),
      ],
      want: true,
    },
    {
      name: 'a custom monitor never holds anything up',
      monitors: [held('db:primary', 'database', 'up'), held('ext:site', 'ext', 'unknown')],
      want: true,
    },
  ];
  for (const c of cases) it(c.name, () => assert.equal(mayRecord(c.monitors), c.want));
});
