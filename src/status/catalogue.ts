/**
 * What the status page knows about: the public services, the components behind them and how they
 * depend on each other. Built from the config (sign-in providers, extra HTTP/TCP monitors).
 */
import type { CustomMonitor } from '../config/schemas.ts';
import type { ComponentDef, LiveState, Named, ServiceDef } from './model.ts';

export type { CustomMonitor } from '../config/schemas.ts';

export interface Catalogue {
  components: ComponentDef[];
  services: ServiceDef[];
  names: Map<string, Named>;
}

/** The state a built-in monitor puts its component in when it is confirmed down. */
export const DOWN_STATES: Record<string, LiveState> = {
  'db:node': 'redundancy-lost',
  'db:primary': 'major',
  'db:sync': 'redundancy-lost',
  'db:lag': 'degraded',
  app: 'redundancy-lost',
  idp: 'major',
  backlog: 'degraded',
};

export function buildCatalogue(
  providers: readonly { id: string; label: string }[],
  custom: readonly CustomMonitor[],
): Catalogue {
  const components: ComponentDef[] = [
    { id: 'database', name: { ko: '데이터베이스', en: 'Database' }, dependsOn: [], public: true },
    // Heartbeats and the job queue live in the database: when it fails they fail with it.
    { id: 'app', name: { ko: '웹 애플리케이션', en: 'Web application' }, dependsOn: ['database'], public: true },
    { id: 'jobs-worker', name: { ko: '알림 발송', en: 'Notifications' }, dependsOn: ['database', 'app'], public: true },
    ...providers.map((p) => ({
      id: `idp:${p.id}`,
      name: { ko: `${p.label} 로그인`, en: `${p.label} sign-in` },
      dependsOn: [],
      public: true,
    })),
  ];
  const known = new Set(components.map((c) => c.id));
  for (const m of custom) {
    const id = m.component ?? `ext:${m.id}`;
    if (known.has(id)) continue;
    known.add(id);
    components.push({
      id,
      name: { ko: m.component ?? m.name, en: m.component ?? m.name },
      dependsOn: [],
      public: false,
    });
  }
  const core = [
    { component: 'database', impact: 'hard' as const },
    { component: 'app', impact: 'hard' as const },
  ];
  const extra = (service: string) =>
    custom
      .filter((m) => m.service === service)
      .map((m) => ({ component: m.component ?? `ext:${m.id}`, impact: m.impact }));
  const services: ServiceDef[] = [
    {
      id: 'jobs',
      name: { ko: '채용정보', en: 'Job postings' },
      description: { ko: '채용정보 검색, 입사지원, 기업 서비스', en: 'Job search, applications, employers' },
      deps: [...core, { component: 'jobs-worker', impact: 'soft' }, ...extra('jobs')],
    },
    {
      id: 'benefits',
      name: { ko: '실업급여', en: 'Unemployment benefits' },
      description: { ko: '구직급여 신청, 실업인정', en: 'Benefit claims, unemployment recognition' },
      deps: [...core, ...extra('benefits')],
    },
    {
      id: 'login',
      name: { ko: '로그인', en: 'Sign-in' },
      description: { ko: '아이디·비밀번호 및 간편 로그인', en: 'Password and provider sign-in' },
      deps: [
        ...core,
        ...providers.map((p) => ({ component: `idp:${p.id}`, impact: 'soft' as const })),
        ...extra('login'),
      ],
    },
    {
      id: 'centre',
      name: { ko: '고용센터 업무', en: 'Job centre desk' },
      description: { ko: '상담원 수급자격 심사, 실업인정 확인', en: 'Counsellors: claims and recognition' },
      deps: [...core, ...extra('centre')],
    },
  ];
  const names = new Map<string, Named>([
    ...components.map((c) => [c.id, c.name] as const),
    ...services.map((s) => [s.id, s.name] as const),
  ]);
  return { components, services, names };
}
