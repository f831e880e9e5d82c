/**
 * Routes of the identity feature: 로그인 (password, OpenID Connect providers) and 로그아웃
 * (sign-in-routes.ts), 회원가입 (signup-routes.ts), 비밀번호 찾기 (password-reset-routes.ts), 내 정보
 * (sign-in methods, password, active sessions; my-account-routes.ts), and provider health for the
 * status page. They are given services only (route-context.ts).
 */
import type { FastifyInstance } from 'fastify';
import { allow } from './access.ts';
import { myAccountRoutes } from './my-account-routes.ts';
import { passwordResetRoutes } from './password-reset-routes.ts';
import type { ProviderRegistry } from './providers.ts';
import { type IdentityRouteDeps, identityContext } from './route-context.ts';
import { signInRoutes } from './sign-in-routes.ts';
import { signupRoutes } from './signup-routes.ts';

export type { IdentityRouteDeps } from './route-context.ts';

export function identityRoutes(app: FastifyInstance, deps: IdentityRouteDeps): void {
  const cx = identityContext(deps);
  signInRoutes(app, cx);
  passwordResetRoutes(app, { passwordReset: deps.passwordReset, origin: deps.mailOrigin });
  signupRoutes(app, cx);
  myAccountRoutes(app, cx);
  providerHealthRoutes(app, deps.providers);
}

/** Provider health, for the status page and operators. */
function providerHealthRoutes(app: FastifyInstance, providers: ProviderRegistry): void {
  app.get('/api/v1/sign-in/providers', allow('public'), async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return {
      providers: providers.health().map((h) => ({
        id: h.id,
        label: h.label,
        state: h.state,
        since: h.since,
        checkedAt: h.checkedAt,
        latencyMs: h.latencyMs,
        checks: h.checks,
      })),
      passwordSignIn: 'up',
    };
  });
}
