/**
 * The 본인확인 provider as Ilteo's client sees it: OpenID Connect through `openid-client`, the same
 * authorization code flow with PKCE, state and nonce as sign-in (src/identity/providers.ts), asking for
 * one more scope (`rrn`) whose claim arrives in the ID token from the token endpoint — server to server,
 * never in a URL or a page. In production the claim is a 본인확인기관's CI (docs/decisions/0010).
 */
import * as client from 'openid-client';
import type { ProviderConfig } from '../config/schemas.ts';
import { isProviderOutage } from '../identity/providers.ts';

/** The provider did not answer properly (network, timeout, 5xx, a bad discovery document). */
export class VerifierUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('identity verification provider unavailable', { cause });
    this.name = 'VerifierUnavailableError';
  }
}

export interface VerifierFlow {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** What a finished verification gives: the provider's subject and the person's number (not to be kept). */
export interface VerifiedPerson {
  subject: string;
  rrn: string | null;
}

export const VERIFY_SCOPE = 'openid rrn';

export function createVerifier(config: ProviderConfig | null, timeoutMs = 3_000) {
  let discovered: client.Configuration | null = null;
  const discover = async (fresh = false): Promise<client.Configuration> => {
    if (!config) throw new VerifierUnavailableError(new Error('no identity verification provider configured'));
    if (discovered && !fresh) return discovered;
    try {
      const insecure = new URL(config.issuer).protocol === 'http:';
      discovered = await client.discovery(new URL(config.issuer), config.clientId, config.clientSecret, undefined, {
        timeout: Math.ceil(timeoutMs / 1000),
        ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
      });
      return discovered;
    } catch (err) {
      throw new VerifierUnavailableError(err);
    }
  };
  return {
    /** The provider's id (kept in person_verifications.provider), null when none is configured. */
    id: config?.id ?? null,
    label: config?.label ?? '본인확인',

    /** Builds the authorization URL; the discovery document is fetched again, so a provider that is down is found here and not after sending the person there. */
    async begin(redirectUri: string): Promise<VerifierFlow> {
      const oidc = await discover(true);
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(oidc, {
        redirect_uri: redirectUri,
        scope: VERIFY_SCOPE,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url, state, nonce, codeVerifier };
    },

    /** Exchanges the code and validates the ID token; an outage is a VerifierUnavailableError. */
    async finish(
      callbackUrl: URL,
      checks: { state: string; nonce: string; codeVerifier: string },
    ): Promise<VerifiedPerson> {
      const oidc = await discover();
      try {
        const tokens = await client.authorizationCodeGrant(oidc, callbackUrl, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims) throw new Error('no ID token');
        return { subject: claims.sub, rrn: typeof claims.rrn === 'string' ? claims.rrn : null };
      } catch (err) {
        if (isProviderOutage(err)) {
          discovered = null;
          throw new VerifierUnavailableError(err);
        }
        throw err;
      }
    },
  };
}

export type Verifier = ReturnType<typeof createVerifier>;
