/**
 * Demo status history (`npm start` on an empty database): 90 days of state intervals with the kinds of
 * incidents the page exists for — the morning one database node stopped (이중화 상실, nobody else
 * noticed) and 카카오 login failed for over an hour the same morning, a short full database outage with
 * a published postmortem and corrective actions (one overdue), a slow mail queue, a maintenance window,
 * and maintenance announced for next week. Produced by the same model, store and roll-ups as the live
 * monitors, from component changes in time order.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { addDays, seoulToday } from '../shared/dates.ts';
import type { Catalogue } from './catalogue.ts';
import {
  type ComponentView,
  diffIncidents,
  type IncidentEvent,
  type LiveState,
  type OpenIncident,
  rootCauses,
  serviceStates,
} from './model.ts';
import { applyEvents } from './runner-rules.ts';
import { applyIncidentEvent, recordTransitions, rollup, type Transition } from './store.ts';

interface Change {
  at: number;
  component: string;
  state: LiveState;
  cause: string;
}

/** Seoul wall-clock time `hh:mm` on the day `daysAgo` before today. */
function seoul(now: Date, daysAgo: number, hhmm: string): number {
  return Date.parse(`${addDays(seoulToday(now), -daysAgo)}T${hhmm}:00+09:00`);
}

export async function seedDemoStatus(
  database: Database,
  catalogue: Catalogue,
  now: Date,
  log: (msg: string) => void,
): Promise<void> {
  const [existing] = await database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM status_intervals`);
  if ((existing?.n ?? 0) > 0) return;
  const { transitions, events, subjects } = simulate(
    catalogue,
    seoul(now, 90, '00:00'),
    demoChanges(now, (id) => catalogue.components.some((c) => c.id === id)),
  );
  await recordTransitions(database, transitions);
  for (const e of events) await applyIncidentEvent(database, e, catalogue.names);
  const incidents = await seedUpdates(database, now);
  await database.query(
    sql`INSERT INTO maintenance_windows (title, description, components, starts_at, ends_at, idempotency_key)
        VALUES ('데이터베이스 정기 점검', '점검 중에도 채용정보 검색은 이용할 수 있으며, 신청은 점검이 끝난 뒤 처리됩니다.',
                ARRAY['database']::text[], ${at(seoul(now, -5, '02:00'))}, ${at(seoul(now, -5, '04:00'))}, 'demo-maintenance-next')
        ON CONFLICT (idempotency_key) DO NOTHING`,
  );
  await rollup(database, subjects, now);
  log(`데모 서비스 상태 기록을 만들었습니다: 최근 90일, 장애 ${incidents}건 (사후 분석 1건)`);
}

const at = (ms: number) => new Date(ms).toISOString();

/** The component changes of the demo's 90 days, in time order. */
function demoChanges(now: Date, has: (component: string) => boolean): Change[] {
  return (
    [
      // 70 days ago: announced database maintenance at night.
      { at: seoul(now, 70, '02:00'), component: 'database', state: 'maintenance', cause: '' },
      { at: seoul(now, 70, '03:40'), component: 'database', state: 'operational', cause: '' },
      // 47 days ago: the mail queue fell behind for 35 minutes.
      {
        at: seoul(now, 47, '14:00'),
        component: 'jobs-worker',
        state: 'degraded',
        cause: '발송 대기 1,240건, 가장 오래된 것 18분',
      },
      { at: seoul(now, 47, '14:35'), component: 'jobs-worker', state: 'operational', cause: '' },
      // 23 days ago: one of two database nodes stopped at 09:15 (the service went on), and 카카오 failed.
      {
        at: seoul(now, 23, '09:15'),
        component: 'database',
        state: 'redundancy-lost',
        cause: 'DB 노드 2 (db-b) 응답 없음 (디스크 컨트롤러 장애)',
      },
      ...(has('idp:kakao')
        ? [
            {
              at: seoul(now, 23, '09:41'),
              component: 'idp:kakao',
              state: 'major' as const,
              cause: '카카오 로그인 서버 응답 이상 (토큰 엔드포인트 503)',
            },
            { at: seoul(now, 23, '10:53'), component: 'idp:kakao', state: 'operational' as const, cause: '' },
          ]
        : []),
      { at: seoul(now, 23, '11:57'), component: 'database', state: 'operational', cause: '' },
      // 8 days ago: a 7-minute full database outage at night (failover blocked by a full WAL disk).
      {
        at: seoul(now, 8, '03:12'),
        component: 'database',
        state: 'major',
        cause: '쓰기를 받을 주 DB 서버가 없음 (대기 서버 WAL 디스크 가득 참)',
      },
      { at: seoul(now, 8, '03:19'), component: 'database', state: 'operational', cause: '' },
    ] as Change[]
  ).sort((a, b) => a.at - b.at);
}

/** The changes through the same model as the live monitors: the transitions and incident events to write. */
function simulate(
  catalogue: Catalogue,
  start: number,
  changes: readonly Change[],
): { transitions: Transition[]; events: IncidentEvent[]; subjects: string[] } {
  const state = new Map<string, ComponentView>(
    catalogue.components.map((c) => [c.id, { id: c.id, state: 'operational', cause: '' }]),
  );
  const recorded = new Map<string, LiveState>();
  const transitions: Transition[] = [];
  const since = new Map<string, { since: number; badSince: number }>();
  let open: OpenIncident[] = [];
  const events: IncidentEvent[] = [];
  const record = (subject: string, s: LiveState, at: number, detail: string) => {
    if (recorded.get(subject) === s) return;
    recorded.set(subject, s);
    transitions.push({ subject, state: s, at, detail });
  };
  const apply = (at: number) => {
    const components = [...state.values()];
    const maintenance = new Set(components.filter((c) => c.state === 'maintenance').map((c) => c.id));
    for (const c of components) record(`component:${c.id}`, c.state, at, c.cause);
    for (const s of serviceStates(catalogue.services, components, maintenance))
      record(`service:${s.id}`, s.state, at, '');
    const diff = diffIncidents(
      open,
      rootCauses(catalogue.components, catalogue.services, components),
      catalogue.names,
      (c) => since.get(c) ?? { since: at, badSince: at },
    );
    events.push(...diff);
    open = applyEvents(open, diff);
  };
  apply(start);
  for (const c of changes) {
    const prev = state.get(c.component);
    const prevSince = since.get(c.component);
    since.set(c.component, {
      since: c.at,
      badSince: c.state === 'operational' ? c.at : prev?.state !== 'operational' ? (prevSince?.badSince ?? c.at) : c.at,
    });
    state.set(c.component, { id: c.component, state: c.state, cause: c.cause });
    apply(c.at);
  }
  return { transitions, events, subjects: [...recorded.keys()] };
}

/** Operators' updates, and the postmortem with its corrective actions for the full outage; returns the incidents. */
async function seedUpdates(database: Database, now: Date): Promise<number> {
  const incidents = await database.query<{ id: number; component: string; startedAt: string }>(
    sql`SELECT id::int AS id, component, started_at::text AS "startedAt" FROM incidents ORDER BY started_at`,
  );
  const update = async (id: number, status: string, body: string, when: number, key: string) =>
    database.query(
      sql`INSERT INTO incident_updates (incident_id, status, body, dedupe_key, created_at)
          VALUES (${id}, ${status}, ${body}, ${`demo:${key}`}, ${at(when)}) ON CONFLICT (dedupe_key) DO NOTHING`,
    );
  const redundancy = incidents.find(
    (i) => i.component === 'database' && Date.parse(i.startedAt) === seoul(now, 23, '09:15'),
  );
  if (redundancy) {
    await update(
      redundancy.id,
      'identified',
      'DB 서버 2대 중 1대의 디스크 컨트롤러 장애를 확인했습니다. 나머지 1대가 모든 요청을 처리하고 있어 서비스 이용에는 문제가 없습니다. 교체 부품을 요청했습니다.',
      seoul(now, 23, '09:32'),
      'r1',
    );
    await update(
      redundancy.id,
      'monitoring',
      '컨트롤러를 교체하고 대기 서버가 복제를 따라잡는 중입니다.',
      seoul(now, 23, '11:20'),
      'r2',
    );
  }
  const kakao = incidents.find((i) => i.component === 'idp:kakao');
  if (kakao) {
    await update(
      kakao.id,
      'identified',
      '카카오 로그인 서버가 응답하지 않습니다(외부 기관 장애). 네이버 로그인이나 아이디·비밀번호로 로그인해 주세요.',
      seoul(now, 23, '09:50'),
      'k1',
    );
  }
  const full = incidents.find((i) => i.component === 'database' && Date.parse(i.startedAt) === seoul(now, 8, '03:12'));
  if (full) {
    await update(
      full.id,
      'identified',
      '주 DB 서버 장애 후 대기 서버로 전환되지 못했습니다. 대기 서버의 WAL 디스크가 가득 찼습니다. 공간을 확보하고 있습니다.',
      seoul(now, 8, '03:15'),
      'f1',
    );
    await seedPostmortem(database, full.id, now);
  }
  return incidents.length;
}

/** The full outage's published postmortem and its corrective actions (one overdue). */
async function seedPostmortem(database: Database, id: number, now: Date): Promise<void> {
  await database.query(
    sql`INSERT INTO postmortems (incident_id, summary, root_cause, impact, published_at, updated_at)
        VALUES (${id},
          ${'새벽 3시 12분부터 7분 동안 모든 서비스가 중단되었습니다. 주 DB 서버의 전원 장애 뒤 대기 서버가 주 서버로 전환되어야 했으나, 대기 서버의 WAL 디스크가 가득 차 전환이 막혔습니다.'},
          ${'대기 서버의 WAL 보관 디스크 사용률 경보가 없었고, 오래된 WAL을 지우는 작업이 3주 전 설정 변경 뒤로 돌지 않았습니다. 전환이 막히자 쓰기를 받을 서버가 없었습니다.'},
          ${'- 로그인 시도 312건 중 실패 41건\n- 이 기간에 실업인정일이 있던 건 0건 (새벽 시간)\n- 장애로 실업인정일이 변경된 건 0건'},
          ${at(seoul(now, 6, '10:00'))}, ${at(seoul(now, 6, '10:00'))})
        ON CONFLICT (incident_id) DO NOTHING`,
  );
  const actions: [string, string, string, string, string][] = [
    [
      'WAL 디스크 사용률 80% 경보 추가',
      '운영팀',
      addDays(seoulToday(now), -3),
      'done',
      '경보를 시험 발생시켜 당직 호출 확인 (11월 27일)',
    ],
    ['WAL 정리 작업을 감시 대상에 추가', '데이터베이스팀', addDays(seoulToday(now), -1), 'in-progress', ''],
    ['분기마다 전환 훈련 (대기 서버 디스크 가득 참 포함)', '인프라팀', addDays(seoulToday(now), 30), 'open', ''],
  ];
  for (const [title, owner, due, status, verification] of actions) {
    await database.query(
      sql`INSERT INTO corrective_actions (incident_id, title, owner, due_date, status, verification, idempotency_key, done_at)
          VALUES (${id}, ${title}, ${owner}, ${due}, ${status}, ${verification}, ${`demo-action-${title}`},
                  ${status === 'done' ? at(seoul(now, 3, '15:00')) : null})
          ON CONFLICT (idempotency_key) DO NOTHING`,
    );
  }
}
