/**
 * The composition root: builds the web application from a validated config and an open database.
 * Order: database (given) → services → security and access → routes. Nothing here opens
 * connections on import; background work (provider health checks, housekeeping) starts here
 * and stops when the app closes.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { adminRoutes } from './admin/routes.ts';
import { runOutageReschedules } from './benefits/outage-job.ts';
import { benefitsRoutes } from './benefits/routes.ts';
import { centreRoutes } from './centre/routes.ts';
import { type Config, trustProxyFunction } from './config/index.ts';
import { commandAware, createCommands } from './db/commands.ts';
import type { Database } from './db/index.ts';
import { companyRoutes } from './employer/company-routes.ts';
import { employerPostingRoutes } from './employer/posting-routes.ts';
import { employerRoutes } from './employer/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { homeRoutes } from './home/routes.ts';
import { passLifetimeMs, registerAccess } from './identity/access.ts';
import { listCentres } from './identity/accounts.ts';
import type { ProviderRegistry } from './identity/providers.ts';
import { RevocationList } from './identity/revocations.ts';
import { identityRoutes } from './identity/routes.ts';
import { maskForLog, maskPersonalNumbers } from './identity/rules.ts';
import { purgeExpired } from './identity/sessions.ts';
import { infoRoutes } from './info/routes.ts';
import { createCounter } from './intake/counter.ts';
import { counterRoutes } from './intake/counter-routes.ts';
import { operationsRoutes } from './intake/operations-routes.ts';
import { intakeRoutes } from './intake/routes.ts';
import { createIntake, type Intake } from './intake/service.ts';
import { jobsApiRoutes } from './jobs/api-routes.ts';
import { jobsRoutes } from './jobs/routes.ts';
import { deliverOutbox, holderId, runAlerts, spoolTransport } from './market/alerts.ts';
import { marketRoutes } from './market/routes.ts';
import { seekerRoutes } from './market/seeker-routes.ts';
import { talentRoutes } from './market/talent-routes.ts';
import { createServices } from './services.ts';
import { statusAdminRoutes } from './status/admin-routes.ts';
import { buildCatalogue } from './status/catalogue.ts';
import { currentSnapshot } from './status/current.ts';
import { createMetrics } from './status/metrics.ts';
import { statusRoutes } from './status/routes.ts';
import { StatusRunner } from './status/runner.ts';
import { incidentBanner } from './status/views.ts';
import { registerCommands } from './web/commands.ts';
import { clientErrorHandler, errorMain, frameworkErrors, registerErrorHandling } from './web/errors.ts';
import { registerStaticAssets } from './web/krds/static.ts';
import { renderPage } from './web/page.ts';
import { PageCache, registerPageCache, sendCached, warmPageCache } from './web/page-cache.ts';
import { isSecure, registerSecurity } from './web/security.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The status monitor runner (tests drive its passes directly). */
    statusRunner: StatusRunner;
    /** The sign-in providers and their health (tests check them directly). */
    providers: ProviderRegistry;
    /** The submission journal (tests replay it directly). */
    intake: Intake;
    /** Sessions ended and accounts disabled, as this server keeps them for outages (tests refresh it). */
    revocations: RevocationList;
  }
}

/** Request line and headers together (Node's default, stated): more is answered 431 in Korean. */
const MAX_HEADER_BYTES = 16 * 1024;

export interface AppDeps {
  config: Config;
  database: Database;
  /** Clock, injectable for tests. */
  now?: () => Date;
  /**
   * Given when the process started while no database node answered (src/server.ts): settles once the
   * database is reached and migrated. Until then the app serves from what it has on its own disk.
   */
  databaseReady?: Promise<void>;
  /** Started with --demo: seeded history is shown, and the pages that show it say it is demonstration data. */
  demo?: boolean;
}

/** A secret shared by every app process: from config, else generated once and kept in the database. */
async function sharedSecret(database: Database, name: string, configured: string | null): Promise<string> {
  if (configured) return configured;
  await database.query(
    sql`INSERT INTO app_secrets (name, value) VALUES (${name}, ${randomBytes(32).toString('base64url')})
        ON CONFLICT (name) DO NOTHING`,
  );
  const [row] = await database.query<{ value: string }>(sql`SELECT value FROM app_secrets WHERE name = ${name}`);
  if (!row) throw new Error(`secret ${name} missing after insert`);
  return row.value;
}

/**
 * The cookie secret. Kept on this server's disk too (beside its journal), so a process that starts
 * while no database answers can still read the signed cookies and pass of people already signed in.
 */
async function cookieSecret(deps: AppDeps, log: FastifyInstance['log']): Promise<string> {
  const file = path.join(deps.config.journalDir, 'cookie-secret');
  if (deps.databaseReady === undefined) {
    const secret = await sharedSecret(deps.database, 'cookie', deps.config.auth.cookieSecret);
    if (!deps.config.auth.cookieSecret) {
      const saved = await fs.readFile(file, 'utf8').catch(() => null);
      if (saved !== secret) {
        await fs.mkdir(deps.config.journalDir, { recursive: true });
        await fs.writeFile(`${file}.tmp`, secret, { mode: 0o600 });
        await fs.rename(`${file}.tmp`, file);
      }
    }
    return secret;
  }
  if (deps.config.auth.cookieSecret) return deps.config.auth.cookieSecret;
  const saved = await fs.readFile(file, 'utf8').catch(() => null);
  if (saved) return saved;
  log.warn(
    '쿠키 비밀값이 이 서버에 없고 데이터베이스도 응답하지 않아 임시 값을 씁니다: 로그인한 분은 복구 후 다시 로그인해야 합니다.',
  );
  return randomBytes(32).toString('base64url');
}

export async function buildApp(given: AppDeps): Promise<FastifyInstance> {
  // Every feature gets the command-aware handle: inside a command its statements join the command's
  // transaction; in a write handler outside one, writes are refused (src/db/commands.ts).
  // `health.down` is set once the status runner exists: while it knows no database node answers,
  // calls give up in seconds.
  const health: { down?: () => boolean } = {};
  const deps: AppDeps = { ...given, database: commandAware(given.database, health) };
  const app = Fastify({
    logger: {
      level: deps.config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      // No 주민등록번호 reaches the logs in full, whatever a person typed where.
      formatters: { log: (record) => maskForLog(record) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((a) => (typeof a === 'string' ? maskPersonalNumbers(a) : a)) as Parameters<typeof method>,
          );
        },
      },
    },
    // Only the proxy hop(s) this deployment runs (a hop count or their addresses): the client's own
    // X-Forwarded-For entries are never taken as its address (per-IP limits, audit).
    trustProxy: trustProxyFunction(deps.config.trustProxy),
    // Korean answers, not Fastify's English ones, for what is refused before any route: a path that does
    // not decode or is too long (frameworkErrors), and what Node's HTTP parser refuses — headers over
    // maxHeaderSize, a NUL in a cookie (clientErrorHandler).
    frameworkErrors,
    clientErrorHandler,
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    logController: new LogController({
      disableRequestLogging: deps.config.logLevel !== 'debug' && deps.config.logLevel !== 'trace',
    }),
    requestIdHeader: 'x-request-id',
    bodyLimit: 1_048_576,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  const services = createServices(deps);
  const startedAt = new Date();
  const metrics = createMetrics();
  let intakeRef: Intake | undefined;
  const catalogue = buildCatalogue(deps.config.auth.providers, deps.config.status.monitors);
  const status = new StatusRunner(
    {
      instance: `${hostname()}:${deps.config.port}`,
      database: deps.database,
      catalogue,
      providers: services.providers,
      now: services.now,
      log: app.log,
      metrics,
      journalPending: () => intakeRef?.pendingCount() ?? 0,
    },
    { ...deps.config.status, custom: deps.config.status.monitors },
  );
  const statusDeps = {
    database: deps.database,
    runner: status,
    catalogue,
    metrics,
    now: services.now,
    publicUrl: deps.config.publicUrl,
    demo: deps.demo === true,
    metricsToken: deps.config.metricsToken,
  };
  let databaseReached = deps.databaseReady === undefined;
  deps.databaseReady?.then(
    () => {
      databaseReached = true;
    },
    () => {},
  );
  const databaseDown = () =>
    !databaseReached || status.view().local.find((c) => c.id === 'database')?.tracked.state === 'major';
  // No node answers at all (a standby that still answers serves reads): pages come from saved copies.
  const readsDown = () => !databaseReached || (databaseDown() && status.noNodeAnswers());
  // Calls give up in seconds only when no node answers at all. With a standby still answering (a
  // failover under way) a write waits for the new primary: losing one node must cost nobody a request.
  health.down = readsDown;
  const secret = await cookieSecret(deps, app.log);
  const commands = createCommands(given.database, { secret });
  const pageCache = new PageCache({ dir: deps.config.pageCacheDir, secret });
  await pageCache.open();
  const pageCacheDeps = { cache: pageCache, readsDown, now: services.now };
  const intake = createIntake({
    database: deps.database,
    benefits: services.benefits,
    market: services.market,
    findPosting: (wantedAuthNo: string) => services.jobs.find(wantedAuthNo),
    journalDir: deps.config.journalDir,
    instance: `${hostname()}:${deps.config.port}`,
    now: services.now,
    log: app.log,
  });
  await intake.open();
  intakeRef = intake;
  metrics.registerIntake(intake);
  app.decorate('intake', intake);
  app.decorate('statusRunner', status);
  app.decorate('providers', services.providers);
  app.decorate('statusBanner', (lang: 'ko' | 'en') =>
    incidentBanner(currentSnapshot(statusDeps).snapshot, lang, services.now()),
  );
  const providerOrigins = deps.config.auth.providers.map((p) => new URL(p.issuer).origin);

  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Our own script files (the counter's offline queue and its service worker); inline scripts
        // still need the per-request nonce.
        scriptSrc: ["'self'"],
        workerSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'"],
        // KRDS's ui-script sets style attributes (open/close animations); attributes cannot run script.
        styleSrcAttr: ["'unsafe-inline'"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        // Linking a sign-in provider is a form post answered by a redirect to the provider.
        formAction: ["'self'", ...providerOrigins],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: false,
  });
  await app.register(formbody);
  await registerSecurity(app, {
    cookieSecret: secret,
    rateLimitPerMinute: deps.config.rateLimitPerMinute,
  });
  registerCommands(app, commands, { databaseDown: readsDown });
  const revocations = new RevocationList(deps.config.journalDir);
  await revocations.open();
  app.decorate('revocations', revocations);
  registerAccess(app, {
    revocations,
    noNodeAnswers: readsDown,
    database: deps.database,
    policy: services.policy,
    now: services.now,
    secureCookies: isSecure,
    databaseDown,
  });
  await registerStaticAssets(app);

  registerErrorHandling(
    app,
    (request, reply, status, title, message) =>
      renderPage(request, { title, main: errorMain(status, title, message, request.id) }, reply),
    { savedCopy: (request, reply) => sendCached(pageCacheDeps, request, reply) },
  );
  registerPageCache(app, pageCacheDeps);

  healthRoutes(app, { database: deps.database, startedAt, metricsToken: deps.config.metricsToken });
  homeRoutes(app, services);
  infoRoutes(app, { database: deps.database });
  jobsRoutes(app, services);
  jobsApiRoutes(app, services);
  identityRoutes(app, {
    database: deps.database,
    identity: services.identity,
    providers: services.providers,
    policy: services.policy,
    now: services.now,
    publicUrl: deps.config.publicUrl,
    mailOrigin: () => {
      if (deps.config.publicUrl) return deps.config.publicUrl;
      const address = app.server.address();
      const port = address && typeof address === 'object' ? address.port : deps.config.port;
      return `http://${deps.config.host}:${port}`;
    },
  });
  adminRoutes(app, { database: deps.database, providers: services.providers });
  centreRoutes(app, { database: deps.database, benefits: services.benefits, market: services.market });
  benefitsRoutes(app, {
    database: deps.database,
    benefits: services.benefits,
    market: services.market,
    intake,
    databaseDown,
  });
  intakeRoutes(app, { intake });
  operationsRoutes(app, { database: deps.database, intake, now: services.now, savedPages: () => pageCache.counts() });
  metrics.registerSavedPages(() => pageCache.counts());
  metrics.registerOperations(deps.database);
  counterRoutes(app, {
    counter: createCounter({
      database: deps.database,
      benefits: services.benefits,
      market: services.market,
      now: services.now,
    }),
    database: deps.database,
    now: services.now,
  });
  marketRoutes(app, { database: deps.database, market: services.market, services, intake, databaseDown });
  seekerRoutes(app, { database: deps.database, market: services.market, services });
  talentRoutes(app, { talent: services.talent });
  employerRoutes(app, { database: deps.database, market: services.market });
  employerPostingRoutes(app, { database: deps.database, services });
  companyRoutes(app, { database: deps.database });
  statusRoutes(app, statusDeps);
  statusAdminRoutes(app, statusDeps);

  services.providers.start();
  if (deps.config.status.enabled) await status.start({ waitForDatabase: deps.databaseReady === undefined });
  // Public pages people need in an outage, rendered ahead of it: now (once the database answers) and
  // every 5 minutes.
  const warm = async () => {
    if (databaseDown()) return;
    // What a journaled 수급자격 신청 is checked against offline: the job centres, on this server's disk.
    await intake.remember('centres', await listCentres(deps.database));
    const latest = await services.jobs.latest(100);
    const kept = await warmPageCache(app, [
      '/',
      '/jobs',
      '/benefits',
      '/benefits/estimate',
      '/centers',
      '/jobs?page=2',
      '/jobs?page=3',
      ...latest.items.map((p) => `/jobs/${encodeURIComponent(p.wantedAuthNo)}`),
    ]);
    app.log.debug({ kept, cached: pageCache.size }, 'page cache warmed');
  };
  const warming = deps.config.status.enabled
    ? setInterval(
        () => void warm().catch((err: unknown) => app.log.warn({ err }, 'page cache warm-up failed')),
        300_000,
      )
    : null;
  warming?.unref();
  if (deps.config.status.enabled) {
    const first = setTimeout(() => void warm().catch(() => {}), 3_000);
    first.unref();
    deps.databaseReady?.then(
      () => warm().catch(() => {}),
      () => {},
    );
  }
  // Alerts and the e-mail outbox: every process runs the timer; a lease lets one do the work.
  const holder = holderId();
  const alerts =
    deps.config.alertsSeconds > 0
      ? setInterval(() => {
          const origin = deps.config.publicUrl ?? `http://${deps.config.host}:${deps.config.port}`;
          runAlerts(deps.database, services.market, {
            now: services.now(),
            today: services.jobs.today(),
            holder,
            publicUrl: origin,
          })
            .then(() => deliverOutbox(deps.database, spoolTransport(deps.config.mailSpool)))
            .catch((err: unknown) => app.log.warn({ err }, 'alerts failed'));
        }, deps.config.alertsSeconds * 1000)
      : null;
  alerts?.unref();
  // 실업인정일 after outages of the 실업급여 service: every minute, one process at a time (a lease).
  const reschedules = deps.config.status.enabled
    ? setInterval(() => {
        runOutageReschedules(deps.database, services.benefits, { holder, now: services.now() })
          .then((r) => {
            if (r.moved || r.review) app.log.warn(r, 'claimants rescheduled after an outage');
            metrics.outageReschedules.inc({ result: 'moved' }, r.moved);
            metrics.outageReschedules.inc({ result: 'review' }, r.review);
          })
          .catch((err: unknown) => app.log.warn({ err }, 'outage rescheduling failed'));
      }, 60_000)
    : null;
  reschedules?.unref();
  // The journal is applied as soon as a database takes writes again (every 2 s while it holds anything).
  const replay = setInterval(() => {
    if (intake.pendingCount() === 0 || databaseDown()) return;
    intake.replay().catch((err: unknown) => app.log.warn({ err }, 'journal replay failed'));
  }, 2_000);
  replay.unref();
  // What a pass cannot know (sessions ended, accounts disabled), kept on this server's disk for outages.
  const refreshRevocations = () => {
    if (databaseDown()) return;
    revocations
      .refresh(deps.database, services.now(), passLifetimeMs(services.policy))
      .catch((err: unknown) => app.log.warn({ err }, 'revocation list not refreshed'));
  };
  const revocationTimer = setInterval(refreshRevocations, 15_000);
  revocationTimer.unref();
  if (deps.databaseReady === undefined) refreshRevocations();
  else deps.databaseReady.then(refreshRevocations, () => {});
  const housekeeping = setInterval(() => {
    Promise.all([purgeExpired(deps.database, services.now()), commands.purge(services.now())]).catch((err: unknown) =>
      app.log.warn({ err }, 'housekeeping failed'),
    );
  }, 3_600_000);
  housekeeping.unref();
  app.addHook('onClose', async () => {
    services.providers.stop();
    await status.stop();
    clearInterval(housekeeping);
    clearInterval(revocationTimer);
    if (alerts) clearInterval(alerts);
    if (reschedules) clearInterval(reschedules);
    clearInterval(replay);
    if (warming) clearInterval(warming);
    await intake.close();
    await pageCache.flush();
  });
  return app;
}
