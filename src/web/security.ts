/**
 * Web security shared by every feature: signed cookies, CSRF tokens on every state-changing form
 * (@fastify/csrf-protection, secret in a signed HttpOnly cookie), request rate limits
 * (@fastify/rate-limit), and JSON-only writes to /api/ (a cross-site form cannot send
 * application/json, and there is no CORS, so API writes need no CSRF token).
 * Helmet and the Content-Security-Policy with nonces are registered in the composition root.
 */
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { UserError } from './errors.ts';
import { type Html, html } from './html.ts';

export interface SecurityOptions {
  cookieSecret: string;
  /** Requests per minute per client IP over the whole site; 0 turns the global limit off. */
  rateLimitPerMinute: number;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const CSRF_FIELD = '_csrf';

export async function registerSecurity(app: FastifyInstance, options: SecurityOptions): Promise<void> {
  await app.register(cookie, { secret: options.cookieSecret, hook: 'onRequest' });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'ilteo_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', signed: true },
    csrfOpts: { validity: 12 * 3_600_000 },
    getToken: (request: FastifyRequest) => {
      const body = request.body as Record<string, unknown> | undefined;
      const token = body?.[CSRF_FIELD] ?? request.headers['x-csrf-token'];
      return typeof token === 'string' ? token : '';
    },
  });
  await app.register(rateLimit, {
    global: options.rateLimitPerMinute > 0,
    max: options.rateLimitPerMinute > 0 ? options.rateLimitPerMinute : 1_000_000,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) =>
      new UserError(
        429,
        'RATE_LIMITED',
        `요청이 너무 많습니다. ${Math.ceil(context.ttl / 1000)}초 후 다시 시도해 주세요.`,
      ),
  });

  app.addHook('preHandler', (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    if (!UNSAFE.has(request.method) || request.routeOptions.config?.access === undefined) return done();
    if (request.url.startsWith('/api/')) {
      if (!/^application\/json\b/i.test(request.headers['content-type'] ?? ''))
        return done(new UserError(415, 'JSON_REQUIRED', 'API 요청은 Content-Type: application/json 으로 보내 주세요.'));
      return done();
    }
    app.csrfProtection(request, reply, done);
  });
}

/** The CSRF token for a form on this page (sets the secret cookie when there is none yet). */
export function csrfToken(reply: FastifyReply): string {
  return reply.generateCsrf({ secure: isSecure(reply.request) });
}

/** Cookies are Secure when the request came over TLS (directly, or through a trusted proxy). */
export function isSecure(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

export function csrfField(token: string): Html {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`;
}
