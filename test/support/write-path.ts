/**
 * The write-path harness: the app over PostgreSQL through the fault proxy, and what a case of the
 * route table needs to build its own fixtures. A case is run twice on fresh fixtures of its own:
 *   control — the request, then the same request again with its key;
 *   faulted — the connection is cut right after the server's COMMIT of the command (the client never
 *             reads it: the failover layer retries), then the same request again with its key.
 * Both runs must change the database in exactly the same way (row counts of every table), answer the
 * same status, and answer the repeat as the first.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import type { Database } from '../../src/db/index.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { type AccountKind, createAccount, createEmployer } from '../../src/identity/accounts.ts';
import { demoIdpUsers, startDevIdp } from '../../src/identity/dev-idp.ts';
import { businoCheckDigit } from '../../src/identity/rules.ts';
import type { NewPosting } from '../../src/jobs/posting.ts';
import { insertPostings } from '../../src/jobs/store.ts';
import { createServices, type Services } from '../../src/services.ts';
import { openTestDatabase, type TestDatabase } from './db.ts';
import { FaultProxy, hostPortOf, viaProxy } from './fault-proxy.ts';
import { freePort } from './idp.ts';
import { makePosting } from './postings.ts';
import { WebClient } from './web.ts';

export const PASSWORD = 'Ilteo!2026test';

/** The one sign-in provider the harness's app is configured with: a real local OpenID Connect provider. */
export const PROVIDER = { id: 'pass', label: 'PASS' } as const;

export interface Kit {
  /** The database directly (not through the proxy): for fixtures and checks. */
  database: Database;
  app: FastifyInstance;
  /** Services over the direct database, for fixtures (a claim filed and approved, a resume …). */
  services: Services;
  /** A value no other run uses (for login IDs, names, numbers). */
  unique(prefix?: string): string;
  /** A client with its own address (rate limits count per address), not signed in. */
  anonymous(): WebClient;
  /** A new account of this kind, signed in through /login with its own client. */
  signedIn(
    kind: AccountKind,
    options?: { centreCode?: string },
  ): Promise<{ client: WebClient; id: number; loginId: string; companyId: number | null; busino: string | null }>;
  /** A new open posting (of the given company's 사업자등록번호, else a new company's). */
  posting(overrides?: Partial<NewPosting>): Promise<{ id: number; wantedAuthNo: string }>;
  /** A valid, unused 사업자등록번호. */
  busino(): string;
  /** The configured sign-in provider (a local `dev-idp`, oidc-provider, in this process) and its issuer. */
  provider: { id: string; label: string; issuer: string };
}

/** What a case sends: a form (with the client's CSRF token and the key) or a JSON API body. */
export interface WriteRequest {
  client: WebClient;
  url: string;
  form?: Record<string, string>;
  json?: unknown;
}

export interface WriteCase {
  /** Builds fresh fixtures for one run and the request to send. */
  prepare(kit: Kit): Promise<WriteRequest>;
  /**
   * Repeatable routes (sign-in, sign-out) write outside a command, in single statements: the answer of
   * the first such statement with this tag is cut instead of a command's COMMIT.
   */
  fault?: 'INSERT' | 'UPDATE';
  /** The status the request is answered with (default: 303). */
  status?: number;
  /**
   * What the repeat is answered, where it cannot be the first answer because the first took away the
   * access it needed (sign-out everywhere, sign-out): status, location and (JSON) body.
   */
  repeat?: (run: RunResult) => { status: number; location: string | null; body?: unknown };
}

export interface RunResult {
  first: LightMyRequestResponse;
  repeat: LightMyRequestResponse;
  delta: Record<string, number>;
  dropped: number;
}

export interface Harness {
  kit: Kit;
  proxy: FaultProxy;
  run(c: WriteCase, faulted: boolean): Promise<RunResult>;
  close(): Promise<void>;
}

let clientSerial = 0;
let uniqueSerial = 0;

export async function openHarness(now: () => Date): Promise<Harness> {
  const t: TestDatabase = await openTestDatabase('postgres');
  if (t.config.kind !== 'postgres') throw new Error('the write-path harness needs PostgreSQL');
  const proxy = new FaultProxy(hostPortOf(t.config.url));
  const port = await proxy.listen();
  const proxied = await openPostgres(viaProxy(t.config.url, port), {
    max: 6,
    retry: { deadlineMs: 8_000, baseDelayMs: 20, maxDelayMs: 300 },
  });
  // A real OpenID Connect provider on 127.0.0.1 (in this process: cheaper than a child process), so
  // linking a sign-in method starts a real flow; the app's callbacks (inject's origin) are registered.
  const clientSecret = `write-path-${randomBytes(8).toString('hex')}`;
  const idp = await startDevIdp({
    name: PROVIDER.id,
    label: PROVIDER.label,
    host: '127.0.0.1',
    port: await freePort(),
    clientId: 'ilteo',
    clientSecret,
    redirectUris: [
      `http://localhost/login/oidc/${PROVIDER.id}/callback`,
      `http://localhost:80/login/oidc/${PROVIDER.id}/callback`,
    ],
    users: demoIdpUsers(PROVIDER.id, PASSWORD),
  });
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    ILTEO_TRUST_PROXY: 'true',
    ILTEO_STATUS: 'off',
    ILTEO_ALERTS_SECONDS: '0',
    ILTEO_OIDC_PROVIDERS: JSON.stringify([
      { id: PROVIDER.id, label: PROVIDER.label, issuer: idp.issuer, clientId: 'ilteo', clientSecret },
    ]),
    ILTEO_PROVIDER_CHECK_SECONDS: '60',
  });
  const app = await buildApp({ config, database: proxied, now });
  const services = createServices({ config, database: t.database, now });
  const run = `${process.pid.toString(36)}${randomBytes(2).toString('hex')}`;
  const unique = (prefix = 'u') => `${prefix}${run}${(++uniqueSerial).toString(36)}`;
  const anonymous = () =>
    new WebClient(app, { 'x-forwarded-for': `10.9.${(++clientSerial >> 8) & 255}.${clientSerial & 255}` });
  const busino = () => {
    const first9 = String(100_000_000 + ((Number.parseInt(randomBytes(4).toString('hex'), 16) % 800_000_000) + 1));
    return `${first9}${businoCheckDigit(first9)}`;
  };

  const kit: Kit = {
    database: t.database,
    app,
    services,
    unique,
    anonymous,
    busino,
    provider: { ...PROVIDER, issuer: idp.issuer },
    async signedIn(kind, options = {}) {
      const loginId = unique(kind.slice(0, 3));
      let id: number;
      let companyId: number | null = null;
      let companyBusino: string | null = null;
      if (kind === 'employer') {
        companyBusino = busino();
        id = await createEmployer(t.database, {
          loginId,
          name: '이채용',
          email: `${loginId}@example.kr`,
          password: PASSWORD,
          busino: companyBusino,
          companyName: `(주)${loginId}`,
          industry: '그 외 기타 분류 안된 사업지원 서비스업',
        });
        const [row] = await t.database.query<{ companyId: number }>(
          sql`SELECT company_id::int AS "companyId" FROM accounts WHERE id = ${id}`,
        );
        companyId = row?.companyId ?? null;
      } else {
        id = await createAccount(t.database, {
          kind,
          loginId,
          name: kind === 'seeker' ? '김일터' : '박상담',
          email: `${loginId}@example.kr`,
          password: PASSWORD,
          centreCode: kind === 'operator' ? null : (options.centreCode ?? 'seoul-gangnam'),
        });
      }
      const client = anonymous();
      const signIn = await client.signIn(loginId, PASSWORD);
      if (signIn.statusCode !== 303) throw new Error(`sign-in of a new ${kind} answered ${signIn.statusCode}`);
      return { client, id, loginId, companyId, busino: companyBusino };
    },
    async posting(overrides = {}) {
      const wantedAuthNo = unique('K')
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, '');
      const busino = overrides.busino ?? kit.busino();
      await insertPostings(t.database, [makePosting({ wantedAuthNo, busino, closeDt: null, ...overrides })]);
      const [row] = await t.database.query<{ id: number }>(
        sql`SELECT id::int AS id FROM postings WHERE wanted_auth_no = ${wantedAuthNo}`,
      );
      if (!row) throw new Error('posting not inserted');
      return { id: row.id, wantedAuthNo };
    },
  };

  const counts = async (): Promise<Map<string, number>> => {
    const tables = await t.database.query<{ name: string }>(
      sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const parts = tables.map(
      (x) => sql`SELECT ${x.name}::text AS name, count(*)::int AS n FROM ${sql.identifier(x.name)}`,
    );
    const rows = await t.database.query<{ name: string; n: number }>(sql.join(parts, sql` UNION ALL `));
    return new Map(rows.map((r) => [r.name, r.n]));
  };

  const send = (request: WriteRequest, key: string) =>
    request.json !== undefined
      ? request.client.postJson(request.url, request.json, { key })
      : request.client.post(request.url, request.form ?? {}, { key });

  return {
    kit,
    proxy,
    async run(c, faulted) {
      const request = await c.prepare(kit);
      const key = randomUUID();
      const before = await counts();
      const dropped = proxy.dropped;
      if (faulted) {
        if (c.fault) proxy.dropAfterComplete(c.fault);
        else proxy.dropAfterCommit(/command_outcomes/);
      }
      const first = await send(request, key);
      proxy.disarm();
      const repeat = await send(request, key);
      const after = await counts();
      const delta: Record<string, number> = {};
      for (const [name, n] of after) if (n !== (before.get(name) ?? 0)) delta[name] = n - (before.get(name) ?? 0);
      return { first, repeat, delta, dropped: proxy.dropped - dropped };
    },
    async close() {
      await app.close();
      await idp.close();
      await proxied.close();
      await proxy.close();
      await t.cleanup();
    },
  };
}

/** A fresh idempotency-free form body helper: the fields as a person fills them (strings). */
export const form = (fields: Record<string, string | number | boolean>): Record<string, string> =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]));

export const keyFrom = (body: string) => /name="idempotencyKey" value="([^"]+)"/.exec(body)?.[1] ?? randomUUID();
