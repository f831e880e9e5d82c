#!/usr/bin/env node
/**
 * ilteo — command-line entry.
 *   ilteo serve [--demo]                       run the web service (--demo: seed demo data on first run)
 *   ilteo migrate                              apply database migrations and exit
 *   ilteo seed --postings N [--seed S] [--reset]   generate N realistic job postings
 *   ilteo create-db                            create the DATABASE_URL database with a Hangul-aware locale
 *   ilteo ha up | down | status | kill          the local two-node Patroni cluster (src/ops/cluster.ts)
 *   ilteo create-operator --login ID --name 이름 --email E   the first operator (password on stdin)
 *   ilteo dev-idp --name kakao --port N --redirect-uri URI   a local OpenID Connect provider
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seedDemoClaims } from './benefits/demo.ts';
import { koreanCalendar } from './benefits/schedule.ts';
import { assertNodeVersion, type Config, ConfigError, loadConfig } from './config/index.ts';
import { createDatabase } from './db/admin.ts';
import { type Database, openDatabase } from './db/index.ts';
import { migrate } from './db/migrate.ts';
import { createAccount } from './identity/accounts.ts';
import { audit } from './identity/audit.ts';
import {
  DEMO_PASSWORD,
  type DevIdpProcess,
  seedDemoAccounts,
  startDemoIdps,
  startDemoVerifier,
  stopIdps,
} from './identity/demo.ts';
import { demoIdpUsers, demoVerification, startDevIdp } from './identity/dev-idp.ts';
import { emailError, loginIdError, nameError, normalizeLoginId, passwordError } from './identity/rules.ts';
import { seedDemoInsurance } from './insurance/demo.ts';
import { seedDemoIfEmpty, seedPostings } from './jobs/seed-demo.ts';
import { seedDemoApplications } from './market/demo.ts';
import * as cluster from './ops/cluster.ts';
import { startFleet } from './ops/fleet.ts';
import { handleSignals, startServer } from './server.ts';
import { UserError } from './web/errors.ts';

const USAGE = `사용법 (usage): ilteo <명령>

  serve [--demo] [--ha]                     웹 서비스를 실행합니다 (--demo: 처음 실행 시 데모 데이터 생성,
                                            --ha: 로컬 이중화 클러스터 위에서 앱 2개 + HAProxy로 실행)
  migrate                                   데이터베이스 스키마를 최신으로 만듭니다
  seed --postings N [--seed S] [--reset]    채용공고 N건(1,000~1,000,000)을 생성합니다
  create-db                                 DATABASE_URL의 데이터베이스를 한글 검색용 로캘(C.UTF-8)로 만듭니다
  ha up | down | status | kill              로컬 이중화 클러스터(Patroni + PostgreSQL 2대 + etcd)를 올리고 내립니다
  create-operator --login ID --name 이름 --email 메일
                                            운영자 계정을 만듭니다 (비밀번호는 표준 입력으로 받음)
  dev-idp --name kakao --port N --redirect-uri URI [--label 카카오]
                                            개발·시연용 OpenID Connect 로그인 서버를 실행합니다

환경 변수: HOST, PORT (기본 127.0.0.1:3000), ILTEO_DATA_DIR (내장 DB 디렉터리, 기본 ./data/pglite),
          DATABASE_URL (PostgreSQL; 지정하면 내장 DB를 쓰지 않음), LOG_LEVEL, ILTEO_DEMO_POSTINGS,
          ILTEO_OIDC_PROVIDERS (간편 로그인 제공자 JSON), ILTEO_PUBLIC_URL, ILTEO_DEV_IDPS (on|off)`;

async function main(argv: string[]): Promise<number> {
  assertNodeVersion();
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'ha') return haCommand(rest);
  if (command === 'dev-idp') return devIdpCommand(rest);
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serveCommand(config, rest);
    case 'migrate':
      return withDatabase(config, async () => {
        console.log('데이터베이스 스키마가 최신입니다.');
        return 0;
      });
    case 'seed':
      return seedCommand(config, rest);
    case 'create-operator':
      return createOperatorCommand(config, rest);
    case 'create-db': {
      if (config.database.kind !== 'postgres') {
        console.error('create-db 는 DATABASE_URL 이 설정되어 있을 때만 씁니다.');
        return 2;
      }
      const created = await createDatabase(config.database.url);
      console.log(created ? '데이터베이스를 만들었습니다.' : '데이터베이스가 이미 있습니다.');
      return 0;
    }
    default:
      console.error(`알 수 없는 명령입니다: ${command}\n\n${USAGE}`);
      return 2;
  }
}

/** Opens the configured database, brings its schema up to date, runs `fn`, and closes it. */
async function withDatabase(config: Config, fn: (database: Database) => Promise<number>): Promise<number> {
  const database = await openDatabase(config.database);
  try {
    await migrate(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function serveCommand(given: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { demo: { type: 'boolean', default: false }, ha: { type: 'boolean', default: false } },
  });
  const idps = values.demo ? await demoProviders(given) : [];
  const verifier = idps.find((i) => i.provider.id === 'verify')?.provider ?? given.auth.verifier;
  const signIn = idps.filter((i) => i.provider.id !== 'verify').map((i) => i.provider);
  const config = idps.length > 0 ? { ...given, auth: { ...given.auth, providers: signIn, verifier } } : given;
  if (values.ha) return serveOnCluster(config, values.demo, idps);
  const server = await startServer(config, { demo: values.demo });
  handleSignals(server);
  const where = config.database.kind === 'pglite' ? `내장 데이터베이스 ${config.database.dataDir}` : 'PostgreSQL';
  console.log(`일터가 ${server.url} 에서 실행 중입니다 (${where}). 종료: Ctrl+C`);
  return -1;
}

async function seedCommand(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      postings: { type: 'string', default: '5000' },
      seed: { type: 'string' },
      reset: { type: 'boolean', default: false },
    },
  });
  const count = Number(values.postings);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
    console.error('--postings 는 1에서 1,000,000 사이의 정수여야 합니다.');
    return 2;
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) {
    console.error('--seed 는 정수여야 합니다.');
    return 2;
  }
  return withDatabase(config, async (database) => {
    await seedPostings(database, {
      count,
      reset: values.reset,
      log: console.log,
      ...(seed === undefined ? {} : { seed }),
    });
    return 0;
  });
}

async function createOperatorCommand(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { login: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' } },
  });
  const password = (await readStdin()).trim();
  const problems = [
    loginIdError(values.login ?? ''),
    nameError(values.name ?? ''),
    emailError(values.email ?? '', true),
    passwordError(password, values.login ?? ''),
  ].filter((p): p is string => p !== null);
  if (problems.length > 0) {
    console.error(
      `${problems.join('\n')}\n\n사용법: echo '비밀번호' | ilteo create-operator --login ID --name 이름 --email 메일`,
    );
    return 2;
  }
  const loginId = normalizeLoginId(values.login ?? '');
  return withDatabase(config, async (database) => {
    try {
      const id = await createAccount(database, {
        kind: 'operator',
        loginId,
        password,
        name: (values.name ?? '').trim(),
        email: (values.email ?? '').trim(),
      });
      await audit(database, {
        actor: null,
        action: 'account.create',
        outcome: 'success',
        target: { type: 'account', id },
        ip: 'cli',
        userAgent: `ilteo create-operator (${process.env.USER ?? 'unknown user'})`,
        details: { kind: 'operator', loginId },
      });
      console.log(`운영자 계정을 만들었습니다: ${loginId}`);
      return 0;
    } catch (err) {
      if (err instanceof UserError) {
        console.error(err.message);
        return 1;
      }
      throw err;
    }
  });
}

/**
 * `serve --ha`: the local two-node cluster (started or reused), migrations and demo data applied once,
 * then two app processes behind HAProxy on HOST:PORT (the processes on PORT+1 and PORT+2). A process
 * that dies is started again. Ctrl+C stops the processes and HAProxy; `ilteo ha down` stops the cluster.
 */
async function serveOnCluster(config: Config, demo: boolean, idps: DevIdpProcess[]): Promise<number> {
  await cluster.up(cluster.DEFAULT_LAYOUT, (m) => console.log(m));
  const url = cluster.clusterUrl();
  await createDatabase(url);
  const database = await cluster.openCreatedDatabase(url, 'ilteo-setup');
  try {
    await migrate(database);
    if (demo) {
      await seedDemoIfEmpty(database, config.demoPostings, (m) => console.log(m));
      await seedDemoAccounts(database, (m) => console.log(m));
      await seedDemoInsurance(database, (m) => console.log(m));
      await seedDemoClaims(database, koreanCalendar(), (m) => console.log(m));
      await seedDemoApplications(database, (m) => console.log(m));
    }
  } finally {
    await database.close();
  }
  const fleet = await startFleet({
    dir: path.join(cluster.DEFAULT_LAYOUT.dir, 'fleet'),
    databaseUrl: url,
    port: config.port,
    appPorts: [config.port + 1, config.port + 2],
    logLevel: config.logLevel,
    restartOnExit: true,
    env: {
      ILTEO_PUBLIC_URL: `http://${config.host}:${config.port}`,
      ...(config.auth.providers.length > 0 ? { ILTEO_OIDC_PROVIDERS: JSON.stringify(config.auth.providers) } : {}),
      ...(config.auth.verifier ? { ILTEO_VERIFY_PROVIDER: JSON.stringify(config.auth.verifier) } : {}),
    },
  });
  process.once('exit', () => stopIdps(idps));
  const stop = () => {
    fleet.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`이중화 클러스터: DATABASE_URL=${url}`);
  console.log(`일터가 ${fleet.url} 에서 실행 중입니다 (HAProxy → 앱 프로세스 2개, PostgreSQL 2대). 종료: Ctrl+C`);
  return -1;
}

/** With --demo and no providers configured: the two local providers (src/identity/demo.ts). */
async function demoProviders(config: Config): Promise<DevIdpProcess[]> {
  if (config.auth.providers.length > 0 || !config.auth.devIdps || config.port === 0) return [];
  const origins = [`http://${config.host}:${config.port}`];
  if (config.host === '127.0.0.1') origins.push(`http://localhost:${config.port}`);
  const idps = await startDemoIdps(config.host, config.port, origins);
  // The demo 본인확인 provider (내 고용보험) beside them, unless one is configured.
  if (!config.auth.verifier) idps.push(await startDemoVerifier(config.host, config.port, origins));
  process.once('exit', () => stopIdps(idps));
  for (const idp of idps)
    console.log(`간편 로그인 (개발용) ${idp.provider.label}: ${idp.provider.issuer} (pid ${idp.child.pid})`);
  return idps;
}

async function devIdpCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      label: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string' },
      'client-id': { type: 'string', default: 'ilteo' },
      'client-secret': { type: 'string' },
      'redirect-uri': { type: 'string', multiple: true },
      password: { type: 'string', default: DEMO_PASSWORD },
      colour: { type: 'string' },
      verify: { type: 'boolean', default: false },
    },
  });
  const name = values.name ?? '';
  const port = Number(values.port);
  if (!/^[a-z][a-z0-9-]{1,30}$/.test(name) || !Number.isInteger(port) || !values['redirect-uri']?.length) {
    console.error(
      '사용법: ilteo dev-idp --name kakao --port 3011 --redirect-uri http://127.0.0.1:3000/login/oidc/kakao/callback',
    );
    return 2;
  }
  const idp = await startDevIdp({
    name,
    label: values.label ?? name,
    host: values.host,
    port,
    clientId: values['client-id'],
    clientSecret: values['client-secret'] ?? `dev-secret-${name}`,
    redirectUris: values['redirect-uri'],
    ...(values.verify ? demoVerification(values.password) : { users: demoIdpUsers(name, values.password) }),
    ...(values.colour ? { colour: values.colour } : {}),
  });
  const stop = () => {
    void idp.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`ready ${idp.issuer}`);
  return -1;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('비밀번호: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (process.stdin.isTTY && chunk.toString().includes('\n')) break;
  }
  return Buffer.concat(chunks).toString('utf8').split('\n')[0] ?? '';
}

async function haCommand(args: string[]): Promise<number> {
  const [sub] = args;
  switch (sub) {
    case 'up': {
      const seconds = await cluster.up(cluster.DEFAULT_LAYOUT, (m) => console.log(m));
      const url = cluster.clusterUrl();
      await createDatabase(url);
      console.log(`이중화 클러스터가 준비되었습니다${seconds > 0 ? ` (${seconds.toFixed(1)}초)` : ''}.`);
      console.log(`DATABASE_URL=${url}`);
      return 0;
    }
    case 'down':
      await cluster.down();
      console.log('이중화 클러스터를 내렸습니다.');
      return 0;
    case 'kill':
      await cluster.killAll();
      console.log('이중화 클러스터를 강제로 내렸습니다.');
      return 0;
    case 'status': {
      for (const n of await cluster.clusterState()) {
        const role =
          n.role === 'primary' ? 'primary' : n.role === 'replica' ? (n.sync ? 'sync standby' : 'standby') : '응답 없음';
        console.log(`${n.name} 127.0.0.1:${n.port}  ${role}${n.lagBytes !== undefined ? `  lag ${n.lagBytes} B` : ''}`);
      }
      return (await cluster.isHealthy()) ? 0 : 1;
    }
    default:
      console.error('사용법: ilteo ha up | down | status | kill');
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof ConfigError) console.error(err.message);
    else if (err instanceof Error && ['DatabaseOpenError', 'LocaleError'].includes(err.name))
      console.error(err.message);
    else console.error(err);
    process.exit(1);
  },
);
