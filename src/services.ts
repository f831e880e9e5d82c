/**
 * The services, built once by the composition root (src/app.ts) from the validated config and the
 * open database, and typed from what is built (as hmpps-template-typescript's server/services/index.ts).
 * Route modules import the `Services` type from here, never from src/app.ts.
 */
import { createAdminService } from './admin/service.ts';
import { koreanCalendar } from './benefits/schedule.ts';
import { createBenefitsService } from './benefits/service.ts';
import { createCentreService } from './centre/service.ts';
import type { Config } from './config/index.ts';
import type { Database } from './db/index.ts';
import { createCompanyService } from './employer/company-service.ts';
import { createPostingService } from './employer/posting-service.ts';
import { createEmployerService } from './employer/service.ts';
import { createPasswordResetService } from './identity/password-reset-service.ts';
import { ProviderRegistry } from './identity/providers.ts';
import { createIdentityService } from './identity/service.ts';
import { createInfoService } from './info/service.ts';
import { createCertificateService } from './insurance/certificate-service.ts';
import { createInsuranceEmployerService } from './insurance/employer-service.ts';
import { createPersonService } from './insurance/person-service.ts';
import { createVerifier } from './insurance/verify-provider.ts';
import { createCounterService } from './intake/counter.ts';
import { createJobsService } from './jobs/service.ts';
import { createApplicationService } from './market/application-service.ts';
import { createSeekerService } from './market/seeker-service.ts';
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
  const benefits = createBenefitsService({ database: deps.database, calendar: koreanCalendar(), now });
  const market = createMarketStore(deps.database);
  return {
    now,
    policy,
    providers,
    jobs,
    benefits,
    centre: createCentreService({ database: deps.database, benefits, market }),
    /** The job market's store (resumes, applications, saved postings): for the services and the jobs that need it, not for routes. */
    marketStore: market,
    talent: createTalentService({ database: deps.database, market, today: () => jobs.today() }),
    applications: createApplicationService({ database: deps.database, jobs, now }),
    seeker: createSeekerService({ database: deps.database, jobs }),
    employer: createEmployerService({ database: deps.database, market }),
    employerPostings: createPostingService({ database: deps.database, today: () => jobs.today() }),
    company: createCompanyService({ database: deps.database }),
    insuranceEmployer: createInsuranceEmployerService({ database: deps.database, now }),
    /** 이직확인서: the employer's filings, the requests of workers and counsellors, latestCertificate for claims. */
    insuranceCertificates: createCertificateService({ database: deps.database, now }),
    admin: createAdminService({ database: deps.database }),
    info: createInfoService({ database: deps.database }),
    counter: createCounterService({ database: deps.database, benefits, market, now }),
    identity: createIdentityService({ database: deps.database, providers, policy, now }),
    passwordReset: createPasswordResetService({ database: deps.database, now }),
    /** 내 고용보험: 본인확인, the person's 피보험자격 이력 and 확인 청구, the counsellors' 청구 desk. */
    insuredPerson: createPersonService({
      database: deps.database,
      verifier: createVerifier(deps.config.auth.verifier),
      now,
    }),
  };
}
export type Services = ReturnType<typeof createServices>;
