import path from 'node:path';
import { z } from 'zod';
import type { ProviderConfig } from '../identity/providers.ts';
import { type CustomMonitor, CustomMonitorSchema } from '../status/catalogue.ts';
import type { MonitorPolicy } from '../status/monitor.ts';

/**
 * Configuration is read from the environment once, validated, and passed down as a typed object.
 * Nothing else in the code reads process.env.
 */
const EnvSchema = z.object({
  HOST: z.string().min(1, 'HOST는 비어 있을 수 없습니다.').default('127.0.0.1'),
  PORT: z.coerce
    .number({ message: 'PORT는 숫자여야 합니다.' })
    .int('PORT는 정수여야 합니다.')
    .min(0, 'PORT는 0 이상이어야 합니다.')
    .max(65535, 'PORT는 65535 이하여야 합니다.')
    .default(3000),
  ILTEO_DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || /^postgres(ql)?:\/\//.test(v), {
      message: 'DATABASE_URL은 postgres:// 또는 postgresql:// 로 시작해야 합니다.',
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ILTEO_DEMO_POSTINGS: z.coerce.number().int().min(0).max(1_000_000).default(5000),
  ILTEO_PUBLIC_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || /^https?:\/\/[^/]+$/.test(v), {
      message: 'ILTEO_PUBLIC_URL은 https://ilteo.example.kr 처럼 경로 없는 주소여야 합니다.',
    }),
  ILTEO_OIDC_PROVIDERS: z.string().optional(),
  ILTEO_PROVIDER_CHECK_SECONDS: z.coerce.number().min(0.2).max(300).default(5),
  ILTEO_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  ILTEO_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  ILTEO_COOKIE_SECRET: z.string().min(32, 'ILTEO_COOKIE_SECRET은 32자 이상이어야 합니다.').optional(),
  ILTEO_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(1200),
  ILTEO_ALERTS_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  ILTEO_MAIL_SPOOL: z.string().min(1).optional(),
  ILTEO_DEV_IDPS: z.enum(['on', 'off']).default('on'),
  ILTEO_STATUS: z.enum(['on', 'off']).default('on'),
  ILTEO_STATUS_CHECK_SECONDS: z.coerce.number().min(0.2).max(600).default(10),
  ILTEO_STATUS_REFRESH_SECONDS: z.coerce.number().min(0.2).max(600).default(5),
  ILTEO_STATUS_CONFIRM: z
    .string()
    .regex(
      /^\d{1,2}\/\d{1,2}\/\d{1,2}$/,
      'ILTEO_STATUS_CONFIRM은 "3/5/2"(실패 k / 최근 n / 복구 연속 성공) 형식이어야 합니다.',
    )
    .default('3/5/2'),
  ILTEO_STATUS_SNAPSHOT: z.string().min(1).optional(),
  ILTEO_STATUS_MONITORS: z.string().optional(),
  ILTEO_JOURNAL_DIR: z.string().min(1).optional(),
  ILTEO_PAGE_CACHE_DIR: z.string().min(1).optional(),
  ILTEO_TRUST_PROXY: z
    .enum(['true', 'false', '1', '0', ''])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});

const ProviderSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/, 'id는 영문 소문자·숫자·하이픈이어야 합니다.'),
  label: z.string().min(1),
  issuer: z.url({ message: 'issuer는 URL이어야 합니다.' }),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
});
const ProvidersSchema = z.array(ProviderSchema).refine((list) => new Set(list.map((p) => p.id)).size === list.length, {
  message: '로그인 제공자 id가 겹칩니다.',
});

export type DatabaseConfig = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface Config {
  host: string;
  port: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  database: DatabaseConfig;
  demoPostings: number;
  trustProxy: boolean;
  /** Requests per minute per client IP (0 = no site-wide limit; sign-in keeps its own limits). */
  rateLimitPerMinute: number;
  /** How often the alert job and the e-mail outbox run (seconds; 0 = never, e.g. in tests). */
  alertsSeconds: number;
  /** Directory the outbox writes e-mails to (RFC 5322 .eml files), until an SMTP relay replaces it. */
  mailSpool: string;
  /** Base URL people reach the service at; when absent, taken from each request's Host. */
  publicUrl: string | null;
  /** This app server's submission journal (one directory per process; fsync'd files). */
  journalDir: string;
  /** Public pages as last rendered, served when no database node answers (one directory per process). */
  pageCacheDir: string;
  status: {
    /** Run the monitors and the snapshot (off only for tools that build the app without serving). */
    enabled: boolean;
    checkIntervalMs: number;
    snapshotIntervalMs: number;
    policy: MonitorPolicy;
    /** Last-known status snapshot on disk, served when no database node answers. */
    snapshotFile: string;
    monitors: CustomMonitor[];
  };
  auth: {
    providers: ProviderConfig[];
    providerCheckMs: number;
    sessionIdleMinutes: number;
    sessionAbsoluteHours: number;
    /** Cookie-signing secret; when absent, one is generated once and kept in the database. */
    cookieSecret: string | null;
    /** With --demo and no providers configured, start local OIDC providers (ilteo dev-idp). */
    devIdps: boolean;
  };
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`설정 오류 (configuration error):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** A JSON array in an environment variable, validated; [] when unset or blank. */
function jsonList<T>(raw: string | undefined, name: string, schema: z.ZodType<T[]>): T[] {
  if (!raw || raw.trim() === '') return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConfigError([`${name}: JSON 배열이어야 합니다.`]);
  }
  const list = schema.safeParse(json);
  if (!list.success) throw new ConfigError(list.error.issues.map((i) => `${name}.${i.path.join('.')}: ${i.message}`));
  return list.data;
}

export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const providers = jsonList(e.ILTEO_OIDC_PROVIDERS, 'ILTEO_OIDC_PROVIDERS', ProvidersSchema).map((p) => ({
    ...p,
    issuer: p.issuer.replace(/\/$/, ''),
  }));
  const monitors: CustomMonitor[] = jsonList(
    e.ILTEO_STATUS_MONITORS,
    'ILTEO_STATUS_MONITORS',
    z.array(CustomMonitorSchema),
  );
  if (new Set(monitors.map((m) => m.id)).size !== monitors.length)
    throw new ConfigError(['ILTEO_STATUS_MONITORS: 모니터 id가 겹칩니다.']);
  const [failuresToDown, window, successesToUp] = e.ILTEO_STATUS_CONFIRM.split('/').map(Number) as [
    number,
    number,
    number,
  ];
  if (failuresToDown < 1 || failuresToDown > window || successesToUp < 1)
    throw new ConfigError(['ILTEO_STATUS_CONFIRM: 1 ≤ k ≤ n 이고 복구 연속 성공은 1 이상이어야 합니다.']);
  const database: DatabaseConfig =
    e.DATABASE_URL && e.DATABASE_URL.length > 0
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.resolve(cwd, e.ILTEO_DATA_DIR ?? 'data/pglite') };
  return {
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    database,
    demoPostings: e.ILTEO_DEMO_POSTINGS,
    trustProxy: e.ILTEO_TRUST_PROXY,
    rateLimitPerMinute: e.ILTEO_RATE_LIMIT_PER_MINUTE,
    alertsSeconds: e.ILTEO_ALERTS_SECONDS,
    mailSpool: path.resolve(cwd, e.ILTEO_MAIL_SPOOL ?? 'data/mail-spool'),
    publicUrl: e.ILTEO_PUBLIC_URL && e.ILTEO_PUBLIC_URL !== '' ? e.ILTEO_PUBLIC_URL : null,
    journalDir: e.ILTEO_JOURNAL_DIR
      ? path.resolve(cwd, e.ILTEO_JOURNAL_DIR)
      : database.kind === 'pglite'
        ? `${database.dataDir}.journal`
        : path.resolve(cwd, 'data', 'journal', `${databaseName(database.url)}-${e.PORT}`),
    pageCacheDir: e.ILTEO_PAGE_CACHE_DIR
      ? path.resolve(cwd, e.ILTEO_PAGE_CACHE_DIR)
      : database.kind === 'pglite'
        ? `${database.dataDir}.pages`
        : path.resolve(cwd, 'data', 'pages', `${databaseName(database.url)}-${e.PORT}`),
    status: {
      enabled: e.ILTEO_STATUS === 'on',
      checkIntervalMs: Math.round(e.ILTEO_STATUS_CHECK_SECONDS * 1000),
      snapshotIntervalMs: Math.round(e.ILTEO_STATUS_REFRESH_SECONDS * 1000),
      policy: { failuresToDown, window, successesToUp },
      snapshotFile: e.ILTEO_STATUS_SNAPSHOT
        ? path.resolve(cwd, e.ILTEO_STATUS_SNAPSHOT)
        : database.kind === 'pglite'
          ? `${database.dataDir}.status.json`
          : path.resolve(cwd, 'data', `status-${databaseName(database.url)}.json`),
      monitors,
    },
    auth: {
      providers,
      providerCheckMs: Math.round(e.ILTEO_PROVIDER_CHECK_SECONDS * 1000),
      sessionIdleMinutes: e.ILTEO_SESSION_IDLE_MINUTES,
      sessionAbsoluteHours: e.ILTEO_SESSION_ABSOLUTE_HOURS,
      cookieSecret: e.ILTEO_COOKIE_SECRET ?? null,
      devIdps: e.ILTEO_DEV_IDPS === 'on',
    },
  };
}

function databaseName(url: string): string {
  try {
    return (
      new URL(url.replace(/^postgres(ql)?:\/\/[^/]*/, 'postgres://h')).pathname
        .slice(1)
        .replace(/[^A-Za-z0-9_-]/g, '') || 'postgres'
    );
  } catch {
    return 'postgres';
  }
}

/** Node 24 LTS is required; `npm ci --ignore-scripts` silently falls back to the machine's Node 20. */
export function assertNodeVersion(version = process.versions.node): void {
  const major = Number(version.split('.')[0]);
  if (major !== 24) {
    throw new Error(
      `일터는 Node.js 24가 필요합니다. 현재 버전: ${version} (${process.execPath}).\n` +
        'npm 스크립트(npm start / npm test)로 실행하세요. `npm ci --ignore-scripts`로 설치했다면 `npm ci`로 다시 설치하세요.',
    );
  }
}
