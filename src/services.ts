/**
 * The services, built once by the composition root (src/app.ts) from the validated config and the
 * open database, and typed from what is built (as hmpps-template-typescript's server/services/index.ts).
 * Route modules import the `Services` type from here, never from src/app.ts.
 */
import { koreanCalendar } from './benefits/schedule.ts';
import { createBenefitsService } from './benefits/service.ts';
import type { Config } from './config/index.ts';
import type { Database } from './db/index.ts';
import { ProviderRegistry } from './identity/providers.ts';
import { createIdentityService } from './identity/service.ts';
import { createJobsService } from './jobs/service.ts';
import { createMarketStore } from './market/store.ts';
import { createTalentService } from './market/talent-service.ts';

export interface ServiceDeps {
  config: Config;
  database: Database;
  /** Clock, injectable for tests. */
  now?: () => Date;
}

export function createServices(deps: ServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const providers = new ProviderRegistry(deps.config.auth.providers, {
    checkIntervalMs: deps.config.auth.providerCheckMs,
    // A provider that hangs is found within one check: 2 s is long for a discovery document.
    timeoutMs: Math.min(2000, Math.max(1000, deps.config.auth.providerCheckMs)),
    now,
  });
  const policy = {
    idleMinutes: deps.config.auth.sessionIdleMinutes,
    absoluteHours: deps.config.auth.sessionAbsoluteHours,
  };
  const jobs = createJobsService(deps.database, now);
  const market = createMarketStore(deps.database);
  return {
    now,
    policy,
    providers,
    jobs,
    benefits: createBenefitsService({ database: deps.database, calendar: koreanCalendar(), now }),
    market,
    talent: createTalentService({ database: deps.database, market, today: () => jobs.today() }),
    identity: createIdentityService({ database: deps.database, providers, policy, now }),
  };
}
export type Services = ReturnType<typeof createServices>;
