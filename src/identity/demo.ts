/**
 * Demo sign-in: accounts for every role (listed in the README) and two local OpenID Connect
 * providers (카카오, 네이버 — `ilteo dev-idp` child processes on 127.0.0.1), so `npm start` shows
 * every way to sign in, and killing one provider's process shows the outage handling.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { createAccount } from './accounts.ts';
import type { ProviderConfig } from './providers.ts';

/** The password of every demo account and of the demo providers' users. Demo data only. */
export const DEMO_PASSWORD = 'ilteo-demo-2026';

export const DEMO_PROVIDERS = [
  { id: 'kakao', label: '카카오', colour: '#fee500', sub: 'kakao-3901', portOffset: 11 },
  { id: 'naver', label: '네이버', colour: '#03c75a', sub: 'naver-7701', portOffset: 12 },
] as const;

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));

export interface DevIdpProcess {
  provider: ProviderConfig;
  child: ChildProcess;
}

/**
 * Starts one `ilteo dev-idp` child process and waits until it listens. The redirect URIs are the
 * callbacks of the Ilteo instance(s) that will use it.
 */
export async function spawnDevIdp(opts: {
  id: string;
  label: string;
  colour?: string;
  host: string;
  port: number;
  redirectUris: string[];
  password?: string;
  /** The 본인확인 provider (dev-idp's demoVerification): the `rrn` scope with the demo people's numbers. */
  verify?: boolean;
}): Promise<DevIdpProcess> {
  const clientSecret = `dev-secret-${opts.id}`;
  const args = [
    CLI,
    'dev-idp',
    '--name',
    opts.id,
    '--label',
    opts.label,
    '--host',
    opts.host,
    '--port',
    String(opts.port),
    '--client-secret',
    clientSecret,
    '--password',
    opts.password ?? DEMO_PASSWORD,
    ...(opts.colour ? ['--colour', opts.colour] : []),
    ...(opts.verify ? ['--verify'] : []),
    ...opts.redirectUris.flatMap((uri) => ['--redirect-uri', uri]),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev-idp ${opts.id} did not start within 15 s`)), 15_000);
    const lines = createInterface({ input: child.stdout as NonNullable<typeof child.stdout> });
    lines.on('line', (line) => {
      const match = /^ready (\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dev-idp ${opts.id} exited with ${code}`));
    });
  });
  return {
    child,
    provider: {
      id: opts.id,
      label: opts.label,
      issuer,
      clientId: 'ilteo',
      clientSecret,
      ...(opts.colour ? { colour: opts.colour } : {}),
    },
  };
}

/** The two demo providers for an Ilteo reachable at `origin`, on its port + 11 and + 12. */
export async function startDemoIdps(host: string, port: number, origins: string[]): Promise<DevIdpProcess[]> {
  return Promise.all(
    DEMO_PROVIDERS.map((p) =>
      spawnDevIdp({
        id: p.id,
        label: p.label,
        colour: p.colour,
        host,
        port: port + p.portOffset,
        redirectUris: origins.map((o) => `${o}/login/oidc/${p.id}/callback`),
      }),
    ),
  );
}

/** The demo 본인확인 provider for an Ilteo reachable at `origins`, on its port + 13. */
export function startDemoVerifier(host: string, port: number, origins: string[]): Promise<DevIdpProcess> {
  return spawnDevIdp({
    id: 'verify',
    label: '본인확인',
    host,
    port: port + 13,
    redirectUris: origins.map((o) => `${o}/my/insurance/verify/callback`),
    verify: true,
  });
}

export function stopIdps(idps: readonly DevIdpProcess[]): void {
  for (const idp of idps) if (idp.child.exitCode === null) idp.child.kill('SIGTERM');
}

interface DemoAccount {
  kind: 'seeker' | 'employer' | 'counsellor' | 'operator';
  loginId: string;
  name: string;
  email: string;
  centreCode?: string;
}

const SEEKERS: DemoAccount[] = [
  { kind: 'seeker', loginId: 'minjun', name: '김민준', email: 'minjun@example.kr', centreCode: 'seoul-gangnam' },
  { kind: 'seeker', loginId: 'jiwoo', name: '최지우', email: 'jiwoo@example.kr', centreCode: 'seoul-gangnam' },
  { kind: 'seeker', loginId: 'hyunwoo', name: '정현우', email: 'hyunwoo@example.kr', centreCode: 'seoul-gangnam' },
  { kind: 'seeker', loginId: 'sua', name: '한수아', email: 'sua@example.kr', centreCode: 'busan' },
  { kind: 'seeker', loginId: 'dohyun', name: '윤도현', email: 'dohyun@example.kr', centreCode: 'busan' },
];

const STAFF: DemoAccount[] = [
  {
    kind: 'counsellor',
    loginId: 'counsel.gangnam',
    name: '오은정',
    email: 'ej.oh@ilteo.example',
    centreCode: 'seoul-gangnam',
  },
  { kind: 'counsellor', loginId: 'counsel.busan', name: '강태호', email: 'th.kang@ilteo.example', centreCode: 'busan' },
  { kind: 'operator', loginId: 'admin', name: '서지원', email: 'ops@ilteo.example' },
];

/** Demo accounts for every role, once (when no account exists yet). */
export async function seedDemoAccounts(database: Database, log: (msg: string) => void): Promise<void> {
  const [existing] = await database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM accounts`);
  if ((existing?.n ?? 0) > 0) return;
  for (const a of [...SEEKERS, ...STAFF]) {
    await createAccount(database, { ...a, password: DEMO_PASSWORD, centreCode: a.centreCode ?? null });
  }
  // The demo employer takes over the company with the most postings.
  const [company] = await database.query<{ id: number }>(
    sql`SELECT company_id::int AS id FROM postings GROUP BY company_id ORDER BY count(*) DESC, company_id LIMIT 1`,
  );
  if (company) {
    await createAccount(database, {
      kind: 'employer',
      loginId: 'employer',
      name: '이채용',
      email: 'hr@company.example',
      password: DEMO_PASSWORD,
      companyId: company.id,
    });
  }
  // 김민준 signs in with 카카오 and 네이버 too.
  for (const p of DEMO_PROVIDERS) {
    await database.query(
      sql`INSERT INTO account_identities (provider, subject, account_id)
          SELECT ${p.id}, ${p.sub}, id FROM accounts WHERE login_id = 'minjun' ON CONFLICT DO NOTHING`,
    );
  }
  log(`데모 계정을 만들었습니다 (비밀번호 ${DEMO_PASSWORD}): minjun, employer, counsel.gangnam, admin 등`);
}
