/**
 * Web security shared by every feature: signed cookies, CSRF tokens on every state-changing form
 * (@fastify/csrf-protection, secret in a signed HttpOnly cookie), request rate limits
 * (@fastify/rate-limit), JSON-only writes to /api/ (a cross-site form cannot send
 * application/json, and there is no CORS, so API writes need no CSRF token), no control characters
 * in what a request carries (input.ts), `Cache-Control: no-store` on everything personal, the one
 * check of a redirect target (`safeLocalPath`), and who may read operators' details (`mayReadDetails`).
 * Helmet and the Content-Security-Policy with nonces are registered in the composition root.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { UserError } from './errors.ts';
import { type Html, html } from './html.ts';
import { refuseControlCharacters } from './input.ts';

export interface SecurityOptions {
  cookieSecret: string;
  /** Requests per minute per client IP over the whole site; 0 turns the global limit off. */
  rateLimitPerMinute: number;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SAFE = new Set(['GET', 'HEAD']);

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
    keyGenerator: rateLimitKey,
    errorResponseBuilder: (_request, context) =>
      new UserError(
        429,
        'RATE_LIMITED',
        `요청이 너무 많습니다. ${Math.ceil(context.ttl / 1000)}초 후 다시 시도해 주세요.`,
      ),
  });

  // NUL and other control characters are refused before any handler sees them (input.ts).
  app.addHook('preValidation', refuseControlCharacters);

  // Nothing personal is kept by a browser's or a proxy's cache: every answer to someone signed in,
  // every answer to a write, and every answer that sets a cookie.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.identity || !SAFE.has(request.method) || reply.hasHeader('set-cookie'))
      reply.header('cache-control', 'no-store');
    done(null, payload);
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

/**
 * The client a rate limit counts: its address (IPv6 grouped per /64, as the plugin does). A request
 * whose socket is already gone (the client or HAProxy hung up, as at a failover) has no address:
 * the plugin's own key function threw a TypeError for it; such requests share one bucket instead.
 */
export function rateLimitKey(request: Pick<FastifyRequest, 'ip'>): string {
  const ip = request.ip as string | undefined;
  return typeof ip === 'string' && ip !== '' ? normalizeIP(ip) : 'no-address';
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

/** The origin a redirect target is resolved against: it never resolves to anything else if it is ours. */
const LOCAL_ORIGIN = 'http://ilteo.invalid';

/**
 * A path on this site to send someone to after sign-in or a form (`next`, `back`, `returnTo`), or
 * `fallback`. Only a same-origin path is taken: it must start with one `/`, hold no control character
 * (a browser drops a tab or newline, so `/\t/evil.example` is `//evil.example` to it) and no
 * backslash (read as `/`), and resolve against a fixed origin to that same origin. The answer is the
 * resolved path as the URL parser writes it (dot segments gone, non-ASCII percent-encoded, so it can
 * go into a Location header), and it is checked again: `/..//evil.example` resolves to `//evil.example`.
 */
export function safeLocalPath(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001F\u007F\\]/.test(value) || !value.startsWith('/') || value.startsWith('//')) return fallback;
  let url: URL;
  try {
    url = new URL(value, LOCAL_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== LOCAL_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith('/') || path.startsWith('//') || path.length > 2000) return fallback;
  return path;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * May this request read operators' details (database nodes and replication lag, /metrics)? An
 * operator signed in, or a program with the configured bearer token (ILTEO_METRICS_TOKEN, compared in
 * constant time). Everyone else gets an up/down answer.
 */
export function mayReadDetails(
  request: Pick<FastifyRequest, 'headers'> & { identity?: { account: { kind: string } } | null },
  token: string | null,
): boolean {
  if (request.identity?.account.kind === 'operator') return true;
  if (!token) return false;
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([\x21-\x7e]+)$/i.exec(header.trim()) : null;
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token));
}
