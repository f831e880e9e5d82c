/** The Fastify instance and its plugins, before any feature (src/app.ts). */
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { type Config, trustProxyFunction } from '../config/index.ts';
import { maskForLog, maskPersonalNumbers } from '../identity/rules.ts';
import { clientErrorHandler, frameworkErrors } from '../web/errors.ts';
import { registerSecurity } from '../web/security.ts';

/** Request line and headers together (Node's default, stated): more is answered 431 in Korean. */
const MAX_HEADER_BYTES = 16 * 1024;

export function createFastify(config: Config): FastifyInstance {
  return Fastify({
    logger: {
      level: config.logLevel,
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
    trustProxy: trustProxyFunction(config.trustProxy),
    // Korean answers, not Fastify's English ones, for what is refused before any route: a path that does
    // not decode or is too long (frameworkErrors), and what Node's HTTP parser refuses — headers over
    // maxHeaderSize, a NUL in a cookie (clientErrorHandler).
    frameworkErrors,
    clientErrorHandler,
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    logController: new LogController({
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
    requestIdHeader: 'x-request-id',
    bodyLimit: 1_048_576,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
}

/** Security headers (CSP with nonces), form bodies, signed cookies, CSRF and rate limits. */
export async function registerPlugins(app: FastifyInstance, config: Config, secret: string): Promise<void> {
  const providerOrigins = config.auth.providers.map((p) => new URL(p.issuer).origin);
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
  await registerSecurity(app, { cookieSecret: secret, rateLimitPerMinute: config.rateLimitPerMinute });
}
