import { BlockList, isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { type CustomMonitor, CustomMonitorSchema, type MonitorPolicy, type ProviderConfig } from './schemas.ts';

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
  /** The 본인확인 provider (one OpenID Connect provider as JSON, like an ILTEO_OIDC_PROVIDERS entry). */
  ILTEO_VERIFY_PROVIDER: z.string().optional(),
  ILTEO_PROVIDER_CHECK_SECONDS: z.coerce.number().min(0.2).max(300).default(4),
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
  // The database is checked on its own, faster: a node that is gone refuses the connection at once, so
  // two failed checks in a row are conclusive (docs/decisions/0006-status.md, issue 21).
  ILTEO_STATUS_DB_CHECK_SECONDS: z.coerce.number().min(0.2).max(600).default(2),
  ILTEO_STATUS_DB_CONFIRM: z
    .string()
    .regex(
      /^\d{1,2}\/\d{1,2}\/\d{1,2}$/,
      'ILTEO_STATUS_DB_CONFIRM은 "2/2/2"(실패 k / 최근 n / 복구 연속 성공) 형식이어야 합니다.',
    )
    .default('2/2/2'),
  // Each provider result as it comes, the registry looking again 1 s after a changed one: 2 of 3.
  ILTEO_STATUS_PROVIDER_CONFIRM: z
    .string()
    .regex(
      /^\d{1,2}\/\d{1,2}\/\d{1,2}$/,
      'ILTEO_STATUS_PROVIDER_CONFIRM은 "2/3/2"(실패 k / 최근 n / 복구 연속 성공) 형식이어야 합니다.',
    )
    .default('2/3/2'),
  ILTEO_STATUS_SNAPSHOT: z.string().min(1).optional(),
  ILTEO_STATUS_MONITORS: z.string().optional(),
  ILTEO_JOURNAL_DIR: z.string().min(1).optional(),
  ILTEO_PAGE_CACHE_DIR: z.string().min(1).optional(),
  ILTEO_TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const addresses = parseTrustProxy(v);
      if (addresses === undefined)
        ctx.addIssue({
          code: 'custom',
          message:
            'ILTEO_TRUST_PROXY는 앞단 프록시의 주소 목록(127.0.0.1,10.0.0.0/8 처럼 쉼표로 구분)이거나 true(이 서버의 프록시: 127.0.0.0/8, ::1)여야 합니다. 프록시가 없으면 비워 두거나 false로 두세요.',
        });
      return addresses ?? [];
    }),
  ILTEO_TRUST_PROXY_HOPS: z.coerce
    .number({ message: 'ILTEO_TRUST_PROXY_HOPS는 숫자여야 합니다.' })
    .int('ILTEO_TRUST_PROXY_HOPS는 정수여야 합니다.')
    .min(1, 'ILTEO_TRUST_PROXY_HOPS는 1 이상이어야 합니다.')
    .max(5, 'ILTEO_TRUST_PROXY_HOPS는 5 이하여야 합니다.')
    .default(1),
  ILTEO_METRICS_TOKEN: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || /^[\x21-\x7e]{32,200}$/.test(v), {
      message: 'ILTEO_METRICS_TOKEN은 공백 없는 영문·숫자·기호 32자 이상이어야 합니다.',
    }),
});

/** What `ILTEO_TRUST_PROXY=true` means: a proxy on this machine (HAProxy in front of the app processes). */
export const LOOPBACK_PROXIES: readonly string[] = ['127.0.0.0/8', '::1'];

/**
 * The proxies whose X-Forwarded-For is believed: [] for none (unset, '', false, 0), the loopback
 * addresses for `true` (or 1), else the comma-separated addresses or CIDR ranges. undefined: not one
 * of these.
 */
export function parseTrustProxy(raw: string | undefined): string[] | undefined {
  const v = (raw ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return [];
  if (v === 'true' || v === '1') return [...LOOPBACK_PROXIES];
  const list = v.split(',').map((a) => a.trim());
  return list.every(isAddressOrRange) ? list : undefined;
}

function isAddressOrRange(value: string): boolean {
  const [address = '', prefix, ...rest] = value.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** The proxies in front of the app, as configured: nothing is believed when `addresses` is empty. */
export interface TrustProxy {
  /** The proxies' addresses or CIDR ranges. */
  addresses: string[];
  /** How many proxies stand in a row before the app (each must be one of `addresses`); usually 1. */
  hops: number;
}

/**
 * Fastify's `trustProxy` for a config: the address that connected, and up to `hops - 1` entries of
 * X-Forwarded-For before it, are taken as proxies only if they are one of the configured addresses; the
 * next entry is the client. So a client's own X-Forwarded-For entries are never believed — neither
 * with a proxy that appends to the header rather than replacing it, nor when it connects directly.
 * false when no proxy is configured (the socket's address is the client).
 */
export function trustProxyFunction(trust: TrustProxy): false | ((address: string, hop: number) => boolean) {
  if (trust.addresses.length === 0) return false;
  const list = new BlockList();
  for (const entry of trust.addresses) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return (address, hop) => {
    if (hop >= trust.hops || typeof address !== 'string') return false;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    const plain = mapped ?? address;
    const family = isIP(plain);
    return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
  };
}

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
  /** Which proxies' X-Forwarded-For is believed (see parseTrustProxy). */
  trustProxy: TrustProxy;
  /**
   * Bearer token that lets a program (Prometheus, a status check) read /metrics and /readyz/database in
   * full; without it (or an operator's session) they answer up/down only. null: operators only.
   */
  metricsToken: string | null;
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
    /** The database nodes are checked on their own, every this often, confirmed by `databasePolicy`. */
    databaseCheckIntervalMs: number;
    databasePolicy: MonitorPolicy;
    /** The sign-in providers: each result of the provider registry's checks, confirmed by this. */
    providerPolicy: MonitorPolicy;
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
    /** The 본인확인 provider (src/insurance/verify-provider.ts), null when none is configured. */
    verifier: ProviderConfig | null;
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

/** "k/n/r" → a monitor policy: down after k of the last n checks failed, up after r successes in a row. */
function confirmPolicy(value: string, name: string): MonitorPolicy {
  const [failuresToDown, window, successesToUp] = value.split('/').map(Number) as [number, number, number];
  if (failuresToDown < 1 || failuresToDown > window || successesToUp < 1)
    throw new ConfigError([`${name}: 1 ≤ k ≤ n 이고 복구 연속 성공은 1 이상이어야 합니다.`]);
  return { failuresToDown, window, successesToUp };
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
  const policy = confirmPolicy(e.ILTEO_STATUS_CONFIRM, 'ILTEO_STATUS_CONFIRM');
  const databasePolicy = confirmPolicy(e.ILTEO_STATUS_DB_CONFIRM, 'ILTEO_STATUS_DB_CONFIRM');
  const providerPolicy = confirmPolicy(e.ILTEO_STATUS_PROVIDER_CONFIRM, 'ILTEO_STATUS_PROVIDER_CONFIRM');
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
    trustProxy: { addresses: e.ILTEO_TRUST_PROXY, hops: e.ILTEO_TRUST_PROXY_HOPS },
    metricsToken: e.ILTEO_METRICS_TOKEN && e.ILTEO_METRICS_TOKEN !== '' ? e.ILTEO_METRICS_TOKEN : null,
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
      policy,
      databaseCheckIntervalMs: Math.round(e.ILTEO_STATUS_DB_CHECK_SECONDS * 1000),
      databasePolicy,
      providerPolicy,
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
      verifier:
        jsonList(
          e.ILTEO_VERIFY_PROVIDER ? `[${e.ILTEO_VERIFY_PROVIDER}]` : undefined,
          'ILTEO_VERIFY_PROVIDER',
          ProvidersSchema,
        ).map((p) => ({ ...p, issuer: p.issuer.replace(/\/$/, '') }))[0] ?? null,
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
