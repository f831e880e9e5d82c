/**
 * External OpenID Connect providers (카카오, 네이버, PASS …) through `openid-client`: authorization
 * code flow with PKCE, state and nonce. Each provider's health — discovery document, JWKS, token
 * endpoint, latency — is checked in the background, and again at once when a sign-in through it
 * fails. The sign-in page reads the last known health and never waits on a provider.
 *
 * A provider is marked down on the first failed check (so people are pointed elsewhere within
 * seconds) and up again on the first successful one. A result that differs from the one before is
 * checked again after about a second, so the public status page (which confirms with two results of
 * three, docs/decisions/0006-status.md) knows within one check interval whether it was a blip.
 */
import * as client from 'openid-client';
import type { ProviderConfig } from '../config/schemas.ts';

export type { ProviderConfig } from '../config/schemas.ts';

export type ProviderState = 'up' | 'down' | 'unknown';

export interface ProviderHealth {
  id: string;
  label: string;
  state: ProviderState;
  /** When the state last changed (ISO), null before the first check. */
  since: string | null;
  checkedAt: string | null;
  latencyMs: number | null;
  /** What failed, for operators (never shown to citizens verbatim). */
  error: string | null;
  checks: { discovery: boolean; jwks: boolean; token: boolean };
  /** How many results there have been (checks and failed sign-ins): each is one observation. */
  observations: number;
}

export interface RegistryOptions {
  checkIntervalMs: number;
  timeoutMs: number;
  /** The second look after a changed result (default 1 s). */
  confirmAfterMs?: number;
  log?: (level: 'info' | 'warn', msg: string, data?: Record<string, unknown>) => void;
  now?: () => Date;
}

/** One result, numbered: the status runner takes in each one once, however often it looks. */
export interface ProviderObservation {
  n: number;
  at: number;
  ok: boolean;
  error: string | null;
  latencyMs: number;
}

interface Entry {
  config: ProviderConfig;
  health: ProviderHealth;
  /** The last few results, oldest first. */
  history: ProviderObservation[];
  oidc: client.Configuration | null;
  running: Promise<void> | null;
  next: Promise<void> | null;
}

export class ProviderUnavailableError extends Error {
  readonly providerId: string;
  constructor(providerId: string, cause?: unknown) {
    super(`provider ${providerId} unavailable`, { cause });
    this.name = 'ProviderUnavailableError';
    this.providerId = providerId;
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: unknown }).cause;
    return cause instanceof Error ? `${err.message} (${cause.message})` : err.message;
  }
  return String(err);
}

/** True for errors that mean the provider did not answer properly: network, timeout, 5xx. */
export function isProviderOutage(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    if (e instanceof client.ResponseBodyError) return e.status >= 500;
    if (e instanceof TypeError && /fetch failed/i.test(e.message)) return true;
    if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|UND_ERR_|EHOSTUNREACH)/.test(code))
      return true;
    if (code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || code === 'OAUTH_RESPONSE_IS_NOT_JSON') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export interface StartedFlow {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface SignedInIdentity {
  subject: string;
  name: string | null;
  email: string | null;
}

export class ProviderRegistry {
  readonly #entries = new Map<string, Entry>();
  readonly #options: RegistryOptions;
  #timer: NodeJS.Timeout | null = null;
  readonly #rechecks = new Set<NodeJS.Timeout>();
  readonly #listeners = new Set<() => void>();

  constructor(configs: readonly ProviderConfig[], options: RegistryOptions) {
    this.#options = options;
    for (const config of configs) {
      this.#entries.set(config.id, {
        config,
        oidc: null,
        history: [],
        running: null,
        next: null,
        health: {
          id: config.id,
          label: config.label,
          state: 'unknown',
          since: null,
          checkedAt: null,
          latencyMs: null,
          error: null,
          checks: { discovery: false, jwks: false, token: false },
          observations: 0,
        },
      });
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  config(id: string): ProviderConfig | undefined {
    return this.#entries.get(id)?.config;
  }

  list(): { config: ProviderConfig; health: ProviderHealth }[] {
    return [...this.#entries.values()].map((e) => ({ config: e.config, health: { ...e.health } }));
  }

  health(): ProviderHealth[] {
    return this.list().map((p) => p.health);
  }

  /** Checks every provider now, then every checkIntervalMs (jittered ±20 %). */
  start(): void {
    if (this.#timer || this.#entries.size === 0) return;
    const schedule = () => {
      const jitter = this.#options.checkIntervalMs * (0.8 + Math.random() * 0.4);
      this.#timer = setTimeout(() => {
        void this.checkAll().finally(schedule);
      }, jitter);
      this.#timer.unref();
    };
    void this.checkAll().finally(schedule);
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    for (const t of this.#rechecks) clearTimeout(t);
    this.#rechecks.clear();
  }

  /** The results of provider `id` numbered after `seen`, oldest first (at most the last 8). */
  observationsAfter(id: string, seen: number): ProviderObservation[] {
    return (this.#entries.get(id)?.history ?? []).filter((o) => o.n > seen).map((o) => ({ ...o }));
  }

  /** Calls `listener` after every new result (the status runner takes it in at once). */
  onResult(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async checkAll(): Promise<void> {
    await Promise.all([...this.#entries.keys()].map((id) => this.check(id)));
  }

  /**
   * A health check that starts now or later, never earlier: while one runs, callers share a
   * single follow-up check (a check begun before a provider came back must not answer for after).
   */
  check(id: string): Promise<void> {
    const entry = this.#entries.get(id);
    if (!entry) return Promise.resolve();
    if (entry.running) {
      entry.next ??= entry.running.then(() => {
        entry.next = null;
        return this.check(id);
      });
      return entry.next;
    }
    entry.running = this.#check(entry).finally(() => {
      entry.running = null;
    });
    return entry.running;
  }

  async #check(entry: Entry): Promise<void> {
    const now = this.#options.now ?? (() => new Date());
    const started = performance.now();
    const checks = { discovery: false, jwks: false, token: false };
    const signal = () => AbortSignal.timeout(this.#options.timeoutMs);
    try {
      const oidc = await this.#discover(entry.config);
      checks.discovery = true;
      const meta = oidc.serverMetadata();
      if (!meta.jwks_uri || !meta.token_endpoint) throw new Error('discovery lacks jwks_uri or token_endpoint');
      const jwks = await fetch(meta.jwks_uri, { signal: signal() });
      const body = (await jwks.json()) as { keys?: unknown[] };
      if (!jwks.ok || !Array.isArray(body.keys) || body.keys.length === 0)
        throw new Error(`JWKS answered ${jwks.status}`);
      checks.jwks = true;
      // The token endpoint must answer a (deliberately invalid) request with an OAuth error.
      const token = await fetch(meta.token_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=authorization_code&code=health-check',
        signal: signal(),
      });
      await token.arrayBuffer();
      if (token.status >= 500) throw new Error(`token endpoint answered ${token.status}`);
      checks.token = true;
      entry.oidc = oidc;
      this.#set(entry, 'up', null, checks, Math.round(performance.now() - started), now());
    } catch (err) {
      this.#set(entry, 'down', describe(err), checks, Math.round(performance.now() - started), now());
    }
  }

  #discover(config: ProviderConfig): Promise<client.Configuration> {
    const insecure = new URL(config.issuer).protocol === 'http:';
    return client.discovery(new URL(config.issuer), config.clientId, config.clientSecret, undefined, {
      timeout: Math.ceil(this.#options.timeoutMs / 1000),
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
    });
  }

  #set(
    entry: Entry,
    state: ProviderState,
    error: string | null,
    checks: ProviderHealth['checks'],
    latencyMs: number,
    at: Date,
  ): void {
    const previous = entry.health.state;
    entry.health = {
      ...entry.health,
      state,
      error,
      checks,
      latencyMs,
      checkedAt: at.toISOString(),
      since: previous === state && entry.health.since ? entry.health.since : at.toISOString(),
      observations: entry.health.observations + 1,
    };
    entry.history.push({ n: entry.health.observations, at: at.getTime(), ok: state === 'up', error, latencyMs });
    if (entry.history.length > 8) entry.history.shift();
    if (previous !== state) {
      // A second look soon: one result that differs may be a blip, two in a row are not.
      const recheck = setTimeout(() => {
        this.#rechecks.delete(recheck);
        void this.check(entry.config.id);
      }, this.#options.confirmAfterMs ?? 1_000);
      recheck.unref();
      this.#rechecks.add(recheck);
      this.#options.log?.(state === 'up' ? 'info' : 'warn', `sign-in provider ${entry.config.id} is ${state}`, {
        provider: entry.config.id,
        error,
      });
    }
    for (const listener of this.#listeners) listener();
  }

  /** Marks a provider down after a failed sign-in and re-checks it at once. */
  reportFailure(id: string, err: unknown): void {
    const entry = this.#entries.get(id);
    if (!entry) return;
    this.#set(
      entry,
      'down',
      describe(err),
      entry.health.checks,
      entry.health.latencyMs ?? 0,
      (this.#options.now ?? (() => new Date()))(),
    );
    void this.check(id);
  }

  isAvailable(id: string): boolean {
    const entry = this.#entries.get(id);
    return entry !== undefined && entry.health.state !== 'down';
  }

  async #configuration(entry: Entry): Promise<client.Configuration> {
    if (entry.oidc) return entry.oidc;
    await this.check(entry.config.id);
    if (!entry.oidc || entry.health.state === 'down') throw new ProviderUnavailableError(entry.config.id);
    return entry.oidc;
  }

  /** Builds the authorization URL (code + PKCE S256, state, nonce). */
  async begin(id: string, redirectUri: string): Promise<StartedFlow> {
    const entry = this.#entries.get(id);
    if (!entry) throw new Error(`unknown provider ${id}`);
    if (entry.health.state === 'down') throw new ProviderUnavailableError(id);
    const oidc = await this.#configuration(entry);
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(oidc, {
      redirect_uri: redirectUri,
      scope: 'openid profile email',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, state, nonce, codeVerifier };
  }

  /**
   * Exchanges the code at the token endpoint and validates the ID token (issuer, audience,
   * signature, nonce, state, PKCE). Network failures mark the provider down.
   */
  async finish(
    id: string,
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<SignedInIdentity> {
    const entry = this.#entries.get(id);
    if (!entry) throw new Error(`unknown provider ${id}`);
    const oidc = await this.#configuration(entry);
    try {
      const tokens = await client.authorizationCodeGrant(oidc, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      return {
        subject: claims.sub,
        name: typeof claims.name === 'string' ? claims.name : null,
        email: typeof claims.email === 'string' ? claims.email : null,
      };
    } catch (err) {
      // An OAuth error answer (invalid_grant, a state or nonce mismatch …) is this person's flow
      // failing; no answer, a timeout or a 5xx is the provider failing.
      if (!isProviderOutage(err)) throw err;
      this.reportFailure(id, err);
      throw new ProviderUnavailableError(id, err);
    }
  }
}
