/**
 * The composition root: builds the web application from a validated config and an open database.
 * Order: database (given) → services (src/services.ts) → status runner → security and access → routes
 * (src/composition/register.ts) → background work (src/composition/background.ts). Nothing here opens
 * connections on import; background work starts here and stops when the app closes.
 */
import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { startBackground } from './composition/background.ts';
import { createFastify, registerPlugins } from './composition/fastify.ts';
import { registerRoutes } from './composition/register.ts';
import { cookieSecret } from './composition/secrets.ts';
import { createStatus, type StatusParts } from './composition/status.ts';
import type { Config } from './config/index.ts';
import { type Commands, commandAware, createCommands } from './db/commands.ts';
import type { Database } from './db/index.ts';
import { registerAccess } from './identity/access.ts';
import type { ProviderRegistry } from './identity/providers.ts';
import { RevocationList } from './identity/revocations.ts';
import { createIntakeService, type Intake } from './intake/service.ts';
import { createServices, type Services } from './services.ts';
import { currentSnapshot } from './status/current.ts';
import { createMetrics } from './status/metrics.ts';
import type { StatusRunner } from './status/runner.ts';
import { incidentBanner } from './status/views.ts';
import { registerCommands } from './web/commands.ts';
import { errorMain, registerErrorHandling } from './web/errors.ts';
import { registerStaticAssets } from './web/krds/static.ts';
import { renderPage } from './web/page.ts';
import { PageCache, registerPageCache, sendCached } from './web/page-cache.ts';
import { isSecure } from './web/security.ts';

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

export async function buildApp(given: AppDeps): Promise<FastifyInstance> {
  // Every feature gets the command-aware handle: inside a command its statements join the command's
  // transaction; in a write handler outside one, writes are refused (src/db/commands.ts).
  // `health.down` is set once the status runner exists: while it knows no database node answers,
  // calls give up in seconds.
  const health: { down?: () => boolean } = {};
  const deps: AppDeps = { ...given, database: commandAware(given.database, health) };
  const { config, database } = deps;
  const app = createFastify(config);
  const services = createServices(deps);
  const metrics = createMetrics();
  let intakeRef: Intake | undefined;
  const status = createStatus({
    ...deps,
    services,
    metrics,
    log: app.log,
    journalPending: () => intakeRef?.pendingCount() ?? 0,
  });
  const { databaseDown, readsDown } = status;
  // Calls give up in seconds only when no node answers at all. With a standby still answering (a
  // failover under way) a write waits for the new primary: losing one node must cost nobody a request.
  health.down = readsDown;
  const secret = await cookieSecret(deps, app.log);
  const commands = createCommands(given.database, { secret });
  const pageCache = new PageCache({ dir: config.pageCacheDir, secret });
  await pageCache.open();
  const pageCacheDeps = { cache: pageCache, readsDown, now: services.now };
  const intake = await openIntake(app, deps, services);
  intakeRef = intake;
  metrics.registerIntake(intake);
  app.decorate('statusRunner', status.runner);
  app.decorate('providers', services.providers);
  app.decorate('statusBanner', (lang: 'ko' | 'en') =>
    incidentBanner(currentSnapshot(status.routeDeps).snapshot, lang, services.now()),
  );
  const revocations = await registerGates(app, { ...deps, services, commands, secret, pageCacheDeps, status });
  registerRoutes(app, {
    config,
    database,
    services,
    intake,
    status: status.routeDeps,
    metrics,
    pageCache,
    databaseDown,
    startedAt: new Date(),
  });

  services.providers.start();
  if (config.status.enabled) await status.runner.start({ waitForDatabase: deps.databaseReady === undefined });
  const stopBackground = startBackground({
    app,
    config,
    database,
    databaseReady: deps.databaseReady,
    services,
    intake,
    commands,
    revocations,
    pageCache,
    metrics,
    databaseDown,
  });
  app.addHook('onClose', async () => {
    services.providers.stop();
    await status.runner.stop();
    stopBackground();
    await intake.close();
    await pageCache.flush();
  });
  return app;
}

/**
 * The gates every request passes, in order (docs/ARCHITECTURE.md): security plugins, the command
 * mechanism, access (sessions, or a citizen's signed pass while no node answers), static files, the
 * error handler (a saved copy of the page while reads are down) and the page cache.
 */
async function registerGates(
  app: FastifyInstance,
  cx: AppDeps & {
    services: Services;
    commands: Commands;
    secret: string;
    pageCacheDeps: Parameters<typeof registerPageCache>[1];
    status: StatusParts;
  },
): Promise<RevocationList> {
  const { config, database, services, secret, pageCacheDeps } = cx;
  const { databaseDown, readsDown } = cx.status;
  await registerPlugins(app, config, secret);
  registerCommands(app, cx.commands, { databaseDown: readsDown });
  const revocations = new RevocationList(config.journalDir);
  await revocations.open();
  app.decorate('revocations', revocations);
  registerAccess(app, {
    revocations,
    noNodeAnswers: readsDown,
    database,
    policy: services.policy,
    now: services.now,
    secureCookies: isSecure,
    databaseDown,
  });
  await registerStaticAssets(app);
  registerErrorHandling(
    app,
    (request, reply, code, title, message) =>
      renderPage(request, { title, main: errorMain(code, title, message, request.id) }, reply),
    { savedCopy: (request, reply) => sendCached(pageCacheDeps, request, reply) },
  );
  registerPageCache(app, pageCacheDeps);
  return revocations;
}

/** The submission journal on this server's disk (src/intake/service.ts), opened and decorated on the app. */
async function openIntake(app: FastifyInstance, deps: AppDeps, services: Services): Promise<Intake> {
  const { config, database } = deps;
  const intake = createIntakeService({
    database,
    benefits: services.benefits,
    market: services.marketStore,
    findPosting: (wantedAuthNo: string) => services.jobs.find(wantedAuthNo),
    journalDir: config.journalDir,
    instance: `${hostname()}:${config.port}`,
    now: services.now,
    log: app.log,
  });
  await intake.open();
  app.decorate('intake', intake);
  return intake;
}
