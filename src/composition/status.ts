/** The status runner, what the status pages are given, and what "the database is down" means here (src/app.ts). */
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config/index.ts';
import type { Database } from '../db/index.ts';
import type { Services } from '../services.ts';
import { createStatusAdminService } from '../status/admin-service.ts';
import { buildCatalogue } from '../status/catalogue.ts';
import type { StatusMetrics } from '../status/metrics.ts';
import { monthlyReport } from '../status/report-store.ts';
import type { StatusRouteDeps } from '../status/routes.ts';
import { StatusRunner } from '../status/runner.ts';

export interface StatusParts {
  runner: StatusRunner;
  routeDeps: StatusRouteDeps;
  /** This process knows no primary takes writes (or has not reached the database yet). */
  databaseDown: () => boolean;
  /** No node answers at all (a standby that still answers serves reads): pages come from saved copies. */
  readsDown: () => boolean;
}

export function createStatus(deps: {
  config: Config;
  database: Database;
  databaseReady?: Promise<void> | undefined;
  demo?: boolean | undefined;
  services: Services;
  metrics: StatusMetrics;
  log: FastifyBaseLogger;
  journalPending: () => number;
}): StatusParts {
  const { config, database, services, metrics } = deps;
  const catalogue = buildCatalogue(config.auth.providers, config.status.monitors);
  const runner = new StatusRunner(
    {
      instance: `${hostname()}:${config.port}`,
      database,
      catalogue,
      providers: services.providers,
      now: services.now,
      log: deps.log,
      metrics,
      journalPending: deps.journalPending,
    },
    { ...config.status, custom: config.status.monitors },
  );
  const routeDeps: StatusRouteDeps = {
    desk: createStatusAdminService({ database, now: services.now }),
    monthlyReport: (month: string) => monthlyReport(database, catalogue, month),
    runner,
    catalogue,
    metrics,
    now: services.now,
    publicUrl: config.publicUrl,
    demo: deps.demo === true,
    metricsToken: config.metricsToken,
  };
  let databaseReached = deps.databaseReady === undefined;
  deps.databaseReady?.then(
    () => {
      databaseReached = true;
    },
    () => {},
  );
  const databaseDown = () =>
    !databaseReached || runner.view().local.find((c) => c.id === 'database')?.tracked.state === 'major';
  const readsDown = () => !databaseReached || (databaseDown() && runner.noNodeAnswers());
  return { runner, routeDeps, databaseDown, readsDown };
}
