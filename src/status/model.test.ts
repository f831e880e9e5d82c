import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCatalogue } from './catalogue.ts';
import {
  type ComponentView,
  componentStates,
  diffIncidents,
  type MonitorView,
  type OpenIncident,
  rootCauses,
  serviceStates,
  worst,
} from './model.ts';

const catalogue = buildCatalogue(
  [
    { id: 'kakao', label: '카카오' },
    { id: 'naver', label: '네이버' },
  ],
  [],
);
const monitor = (
  id: string,
  component: string,
  confirmed: MonitorView['confirmed'],
  downState: MonitorView['downState'],
  slow = false,
): MonitorView => ({
  id,
  component,
  confirmed,
  downState,
  slow,
  detail: `${id} 실패`,
});
const view = (states: Record<string, ComponentView['state']>): ComponentView[] =>
  catalogue.components.map((c) => ({
    id: c.id,
    state: states[c.id] ?? 'operational',
    cause: states[c.id] ? `${c.id} 원인` : '',
  }));
const none = new Set<string>();

describe('component state from monitors', () => {
  const cases: [string, MonitorView[], ComponentView['state']][] = [
    [
      'all up',
      [monitor('db:node:a', 'database', 'up', 'redundancy-lost'), monitor('db:primary', 'database', 'up', 'major')],
      'operational',
    ],
    [
      'one node down, primary there: 이중화 상실',
      [monitor('db:node:a', 'database', 'down', 'redundancy-lost'), monitor('db:primary', 'database', 'up', 'major')],
      'redundancy-lost',
    ],
    [
      'no primary: 전체 장애 beats 이중화 상실',
      [monitor('db:node:a', 'database', 'down', 'redundancy-lost'), monitor('db:primary', 'database', 'down', 'major')],
      'major',
    ],
    ['not yet confirmed counts as up', [monitor('db:primary', 'database', 'unknown', 'major')], 'operational'],
    ['answered slowly: 성능 저하', [monitor('db:lag', 'database', 'up', 'degraded', true)], 'degraded'],
  ];
  for (const [name, monitors, expected] of cases) {
    it(name, () => {
      const db = componentStates(catalogue.components, monitors, none).find((c) => c.id === 'database');
      assert.equal(db?.state, expected);
      if (expected !== 'operational') assert.match(db?.cause ?? '', /실패/);
    });
  }
  it('announced maintenance overrides the monitors', () => {
    const db = componentStates(
      catalogue.components,
      [monitor('db:primary', 'database', 'down', 'major')],
      new Set(['database']),
    );
    assert.equal(db.find((c) => c.id === 'database')?.state, 'maintenance');
  });
});

describe('service state from components', () => {
  const cases: [string, Record<string, ComponentView['state']>, Record<string, string>][] = [
    [
      'database 이중화 상실 shows on every service',
      { database: 'redundancy-lost' },
      { jobs: 'redundancy-lost', benefits: 'redundancy-lost', login: 'redundancy-lost', centre: 'redundancy-lost' },
    ],
    [
      'database down: every service down',
      { database: 'major' },
      { jobs: 'major', benefits: 'major', login: 'major', centre: 'major' },
    ],
    [
      '카카오 down: 로그인 partly (other ways in), the rest fine',
      { 'idp:kakao': 'major' },
      { jobs: 'operational', benefits: 'operational', login: 'partial', centre: 'operational' },
    ],
    [
      'slow mail queue: 채용정보 degraded only',
      { 'jobs-worker': 'degraded' },
      { jobs: 'degraded', benefits: 'operational', login: 'operational', centre: 'operational' },
    ],
    [
      'worst wins: kakao down and db 이중화 상실',
      { 'idp:kakao': 'major', database: 'redundancy-lost' },
      { login: 'partial', jobs: 'redundancy-lost' },
    ],
  ];
  for (const [name, states, expected] of cases) {
    it(name, () => {
      const got = Object.fromEntries(serviceStates(catalogue.services, view(states), none).map((s) => [s.id, s.state]));
      for (const [id, state] of Object.entries(expected)) assert.equal(got[id], state, id);
    });
  }
  it('worst() orders 전체 장애 > 부분 장애 > 점검 중 > 성능 저하 > 이중화 상실 > 정상', () => {
    assert.equal(worst(['redundancy-lost', 'degraded']), 'degraded');
    assert.equal(worst(['maintenance', 'degraded']), 'maintenance');
    assert.equal(worst(['partial', 'maintenance']), 'partial');
    assert.equal(worst([]), 'operational');
  });
});

describe('root causes: one cause, one incident', () => {
  it('the app failing because the database is down is not a second cause', () => {
    const roots = rootCauses(
      catalogue.components,
      catalogue.services,
      view({ database: 'major', app: 'redundancy-lost', 'jobs-worker': 'degraded' }),
    );
    assert.deepEqual(
      roots.map((r) => r.component),
      ['database'],
    );
    assert.deepEqual(roots[0]?.services.sort(), ['benefits', 'centre', 'jobs', 'login']);
  });
  it('two independent causes are two incidents', () => {
    const roots = rootCauses(
      catalogue.components,
      catalogue.services,
      view({ database: 'redundancy-lost', 'idp:kakao': 'major' }),
    );
    assert.deepEqual(roots.map((r) => r.component).sort(), ['database', 'idp:kakao']);
    assert.deepEqual(roots.find((r) => r.component === 'idp:kakao')?.services, ['login']);
  });
  it('redundancy lost in the database does not hide an app process lost (the database still works)', () => {
    const roots = rootCauses(
      catalogue.components,
      catalogue.services,
      view({ database: 'redundancy-lost', app: 'redundancy-lost' }),
    );
    assert.deepEqual(roots.map((r) => r.component).sort(), ['app', 'database']);
  });
  it('maintenance is never a cause', () => {
    assert.deepEqual(rootCauses(catalogue.components, catalogue.services, view({ database: 'maintenance' })), []);
  });
});

describe('incident events', () => {
  const times = (since: number, badSince: number) => () => ({ since, badSince });
  const roots = (states: Record<string, ComponentView['state']>) =>
    rootCauses(catalogue.components, catalogue.services, view(states));
  it('opens from when the component left 정상, keyed by component and start', () => {
    const [e] = diffIncidents([], roots({ database: 'redundancy-lost' }), catalogue.names, times(2000, 1000));
    assert.equal(e?.type, 'open');
    assert.ok(e?.type === 'open' && e.at === 1000 && e.key === 'database@1970-01-01T00:00:01.000Z');
    assert.ok(e?.type === 'open' && e.title === '데이터베이스 이중화 상실');
  });
  it('escalates when worse, never lowers, closes at recovery', () => {
    const open: OpenIncident[] = [{ key: 'k', component: 'database', impact: 'redundancy-lost' }];
    const up = diffIncidents(open, roots({ database: 'major' }), catalogue.names, times(5000, 1000));
    assert.deepEqual(
      up.map((e) => [e.type, e.at]),
      [['escalate', 5000]],
    );
    const down = diffIncidents(
      [{ key: 'k', component: 'database', impact: 'major' }],
      roots({ database: 'redundancy-lost' }),
      catalogue.names,
      times(6000, 1000),
    );
    assert.deepEqual(down, []);
    const closed = diffIncidents(open, roots({}), catalogue.names, times(9000, 9000));
    assert.deepEqual(closed, [{ type: 'close', key: 'k', at: 9000 }]);
  });
});
