/**
 * The identity service the route files are given: password sign-in (sign-in-service.ts), OpenID
 * Connect sign-in, linking and sign-up (oidc-service.ts), 회원가입 (signup-service.ts), and 내 정보 with
 * 로그아웃 (account-service.ts). HTTP details (cookies, redirects, pages) stay in the route files.
 */
import { createAccountService } from './account-service.ts';
import { createExternalSignUp, createOidcSignIn } from './oidc-service.ts';
import { createPasswordSignIn, type IdentityDeps, sessionStarter } from './sign-in-service.ts';
import { createSignUpService } from './signup-service.ts';

export type { CallbackResult, PendingSignUp } from './oidc-service.ts';
export type { FlowPurpose } from './oidc-store.ts';
export { safeReturnTo } from './sign-in-forms.ts';
export type { ClientInfo, PasswordSignIn } from './sign-in-service.ts';

export function createIdentityService(deps: IdentityDeps) {
  const startSession = sessionStarter(deps);
  return {
    ...createPasswordSignIn(deps, startSession),
    ...createOidcSignIn(deps, startSession),
    ...createExternalSignUp(deps, startSession),
    ...createSignUpService(deps, startSession),
    ...createAccountService(deps),
    startSession,
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
