/**
 * What the identity route groups (sign-in-routes.ts, signup-routes.ts, my-account-routes.ts) are given
 * and share: the services, the provider buttons and labels, and the cookies of a sign-in.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isSecure } from '../web/security.ts';
import { PASS_COOKIE, SESSION_COOKIE, sessionCookieOptions } from './access.ts';
import type { PasswordResetService } from './password-reset-service.ts';
import type { ProviderRegistry } from './providers.ts';
import type { IdentityService } from './service.ts';
import type { SessionPolicy } from './sessions.ts';
import type { ProviderButton } from './views.ts';

export interface IdentityRouteDeps {
  identity: IdentityService;
  passwordReset: PasswordResetService;
  providers: ProviderRegistry;
  policy: SessionPolicy;
  now: () => Date;
  publicUrl: string | null;
  /**
   * Where e-mailed links point: the configured public URL, else this server's own address — never the
   * request's Host, which someone asking for another person's reset link could point elsewhere.
   */
  mailOrigin: () => string;
}

/** The flow cookie of a sign-in at a provider (10 minutes). */
export const FLOW_COOKIE = 'ilteo_oidc';
/** A first-time provider user's pending 간편 가입 (30 minutes). */
export const SIGNUP_COOKIE = 'ilteo_signup';

export function identityContext(deps: IdentityRouteDeps) {
  const { providers } = deps;
  const origin = (request: FastifyRequest) => deps.publicUrl ?? `${request.protocol}://${request.host}`;
  return {
    ...deps,
    origin,
    redirectUri: (request: FastifyRequest, provider: string) =>
      `${origin(request)}/login/oidc/${encodeURIComponent(provider)}/callback`,
    buttons: (): ProviderButton[] =>
      providers.list().map(({ config, health }) => ({
        id: config.id,
        label: config.label,
        ...(config.colour ? { colour: config.colour } : {}),
        health,
      })),
    labelOf: (id: string) => providers.config(id)?.label ?? id,
    setSessionCookie: (request: FastifyRequest, reply: FastifyReply, token: string) => {
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(isSecure(request)));
    },
    shortCookie: (request: FastifyRequest, maxAgeSeconds: number) => ({
      ...sessionCookieOptions(isSecure(request)),
      maxAge: maxAgeSeconds,
    }),
    /** Ends this browser's sign-in: the session cookie and the signed pass beside it. */
    clearSignIn: (request: FastifyRequest, reply: FastifyReply) => {
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(isSecure(request)));
      reply.clearCookie(PASS_COOKIE, sessionCookieOptions(isSecure(request)));
    },
    clearCookie: (request: FastifyRequest, reply: FastifyReply, name: string) => {
      reply.clearCookie(name, sessionCookieOptions(isSecure(request)));
    },
    loginError: (reply: FastifyReply, error: string, provider: string) =>
      reply.redirect(`/login?error=${error}&provider=${encodeURIComponent(provider)}`, 303),
  };
}

export type IdentityContext = ReturnType<typeof identityContext>;
