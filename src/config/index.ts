import path from 'node:path';
import { z } from 'zod';

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
  ILTEO_TRUST_PROXY: z
    .enum(['true', 'false', '1', '0', ''])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});

export type DatabaseConfig = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface Config {
  host: string;
  port: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  database: DatabaseConfig;
  demoPostings: number;
  trustProxy: boolean;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`설정 오류 (configuration error):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
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
  };
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
