/**
 * The composition root: builds the web application from a validated config and an open database.
 * Order: database (given) → services → routes. Nothing here opens connections on import.
 */
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config/index.ts';
import type { Database } from './db/index.ts';
import { healthRoutes } from './health/routes.ts';
import { homeRoutes } from './home/routes.ts';
import { jobsApiRoutes } from './jobs/api.ts';
import { jobsRoutes } from './jobs/routes.ts';
import { createJobsService } from './jobs/service.ts';
import { errorMain, registerErrorHandling } from './web/errors.ts';
import { registerStaticAssets } from './web/krds/static.ts';
import { renderPage } from './web/page.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  /** Clock, injectable for tests. */
  now?: () => Date;
}

export function createServices(deps: AppDeps) {
  const now = deps.now ?? (() => new Date());
  return {
    jobs: createJobsService(deps.database, now),
  };
}
export type Services = ReturnType<typeof createServices>;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: deps.config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
    trustProxy: deps.config.trustProxy,
    disableRequestLogging: deps.config.logLevel !== 'debug' && deps.config.logLevel !== 'trace',
    requestIdHeader: 'x-request-id',
    maxParamLength: 200,
    bodyLimit: 1_048_576,
    routerOptions: { ignoreTrailingSlash: true },
  });
  const services = createServices(deps);
  const startedAt = new Date();

  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'"],
        // KRDS's ui-script sets style attributes (open/close animations); attributes cannot run script.
        styleSrcAttr: ["'unsafe-inline'"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: false,
  });
  await app.register(formbody);
  await registerStaticAssets(app);

  registerErrorHandling(app, (request, reply, status, title, message) =>
    renderPage(request, { title, main: errorMain(status, title, message, request.id) }, reply),
  );

  healthRoutes(app, { database: deps.database, startedAt });
  homeRoutes(app, services);
  jobsRoutes(app, services);
  jobsApiRoutes(app, services);
  return app;
}
