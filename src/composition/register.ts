/** Every feature's routes, each given the services it needs and nothing else (src/app.ts). */
import type { FastifyInstance } from 'fastify';
import { adminRoutes } from '../admin/routes.ts';
import { benefitsRoutes } from '../benefits/routes.ts';
import { centreRoutes } from '../centre/routes.ts';
import type { Config } from '../config/index.ts';
import type { Database } from '../db/index.ts';
import { companyRoutes } from '../employer/company-routes.ts';
import { employerPostingRoutes } from '../employer/posting-routes.ts';
import { employerRoutes } from '../employer/routes.ts';
import { healthRoutes } from '../health/routes.ts';
import { createHealthService } from '../health/service.ts';
import { homeRoutes } from '../home/routes.ts';
import { identityRoutes } from '../identity/routes.ts';
import { infoRoutes } from '../info/routes.ts';
import { certificateDeskRoutes } from '../insurance/certificate-desk-routes.ts';
import { certificateRoutes } from '../insurance/certificate-routes.ts';
import { insuranceEmployerRoutes } from '../insurance/employer-routes.ts';
import { insurancePersonRoutes } from '../insurance/person-routes.ts';
import { reportRoutes as insuranceReportRoutes } from '../insurance/report-routes.ts';
import { counterRoutes } from '../intake/counter-routes.ts';
import { operationsRoutes } from '../intake/operations-routes.ts';
import { createOperationsService } from '../intake/operations-service.ts';
import { intakeRoutes } from '../intake/routes.ts';
import type { Intake } from '../intake/service.ts';
import { jobsApiRoutes } from '../jobs/api-routes.ts';
import { jobsRoutes } from '../jobs/routes.ts';
import { marketRoutes } from '../market/routes.ts';
import { seekerRoutes } from '../market/seeker-routes.ts';
import { talentRoutes } from '../market/talent-routes.ts';
import type { Services } from '../services.ts';
import { statusAdminRoutes } from '../status/admin-routes.ts';
import type { StatusMetrics } from '../status/metrics.ts';
import type { StatusRouteDeps } from '../status/routes.ts';
import { statusRoutes } from '../status/routes.ts';
import type { PageCache } from '../web/page-cache.ts';

export interface RouteContext {
  config: Config;
  /** The command-aware database, for the services built here (health, operations). */
  database: Database;
  services: Services;
  intake: Intake;
  status: StatusRouteDeps;
  metrics: StatusMetrics;
  pageCache: PageCache;
  databaseDown: () => boolean;
  startedAt: Date;
}

export function registerRoutes(app: FastifyInstance, cx: RouteContext): void {
  const { config, services, intake, databaseDown } = cx;
  healthRoutes(app, {
    health: createHealthService(cx.database),
    startedAt: cx.startedAt,
    metricsToken: config.metricsToken,
  });
  homeRoutes(app, services);
  infoRoutes(app, { info: services.info });
  jobsRoutes(app, services);
  jobsApiRoutes(app, services);
  identityRoutes(app, {
    identity: services.identity,
    passwordReset: services.passwordReset,
    providers: services.providers,
    policy: services.policy,
    now: services.now,
    publicUrl: config.publicUrl,
    mailOrigin: () => {
      if (config.publicUrl) return config.publicUrl;
      const address = app.server.address();
      const port = address && typeof address === 'object' ? address.port : config.port;
      return `http://${config.host}:${port}`;
    },
  });
  adminRoutes(app, { admin: services.admin, providers: services.providers });
  centreRoutes(app, { centre: services.centre });
  benefitsRoutes(app, { benefits: services.benefits, intake, databaseDown });
  intakeRoutes(app, { intake });
  const operations = createOperationsService({
    database: cx.database,
    intake,
    now: services.now,
    pageCache: cx.pageCache,
  });
  operationsRoutes(app, { operations });
  cx.metrics.registerSavedPages(() => cx.pageCache.counts());
  cx.metrics.registerOperations(cx.database);
  counterRoutes(app, { counter: services.counter, now: services.now });
  marketRoutes(app, { applications: services.applications, intake, databaseDown });
  seekerRoutes(app, { seeker: services.seeker });
  talentRoutes(app, { talent: services.talent });
  employerRoutes(app, { employer: services.employer });
  employerPostingRoutes(app, { employer: services.employer, postings: services.employerPostings });
  companyRoutes(app, { company: services.company });
  insuranceEmployerRoutes(app, { insurance: services.insuranceEmployer });
  certificateRoutes(app, { certificates: services.insuranceCertificates });
  certificateDeskRoutes(app, { certificates: services.insuranceCertificates });
  insuranceReportRoutes(app, { insurance: services.insuranceEmployer });
  insurancePersonRoutes(app, { person: services.insuredPerson, publicUrl: config.publicUrl });
  statusRoutes(app, cx.status);
  statusAdminRoutes(app, cx.status);
}
