/**
 * A browser-like client over fastify's inject(): keeps cookies between requests (honouring
 * clearCookie), and fills the CSRF field from the last page it saw, like a person submitting
 * the form on that page.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { seedDemoAccounts } from '../../src/identity/demo.ts';
import { createServices } from '../../src/services.ts';
import { type DriverKind, openTestDatabase } from './db.ts';

/**
 * A fresh database with the demo accounts and the app over it on a test clock (behind a trusted proxy,
 * no status runner, no alerts), with its benefits service for what a test does directly.
 */
export async function demoApp(kind: DriverKind, now: () => Date) {
  const t = await openTestDatabase(kind);
  await seedDemoAccounts(t.database, () => {});
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    ILTEO_TRUST_PROXY: 'true',
    ILTEO_STATUS: 'off',
    ILTEO_ALERTS_SECONDS: '0',
  });
  const app = await buildApp({ config, database: t.database, now });
  return { t, app, benefits: createServices({ config, database: t.database, now }).benefits };
}

export function csrfFrom(body: string): string | undefined {
  return /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
}

/** Each POST form's action (path) → the idempotency key the page gave it, as a browser would send it. */
export function formKeysFrom(body: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const m of body.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const action = /\baction="([^"]*)"/.exec(m[1] ?? '')?.[1]?.split('?')[0];
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(m[2] ?? '')?.[1];
    if (action && key) keys.set(action.replaceAll('&amp;', '&'), key);
  }
  return keys;
}

/**
 * The key a form post carries: given (null: none, to test a refusal), else the key of the form with
 * this action on the last page seen, else a new one — as if the form had just been rendered.
 */
export function formKeyFor(url: string, seen: Map<string, string>, given?: string | null): string | null {
  if (given !== undefined) return given;
  return seen.get(url.split('?')[0] ?? url) ?? randomUUID();
}

export class WebClient {
  readonly cookies = new Map<string, string>();
  lastCsrf: string | undefined;
  /** The last page's POST forms: action → idempotency key. */
  formKeys = new Map<string, string>();
  readonly #app: FastifyInstance;
  readonly #headers: Record<string, string>;

  constructor(app: FastifyInstance, headers: Record<string, string> = {}) {
    this.#app = app;
    this.#headers = headers;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  #remember(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() < Date.now());
      if (expired || c.value === '') this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = csrfFrom(response.body);
    if (token) this.lastCsrf = token;
    if (/^text\/html/.test(String(response.headers['content-type'] ?? ''))) this.formKeys = formKeysFrom(response.body);
    return response;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.#remember(
      await this.#app.inject({
        method: 'GET',
        url,
        headers: { ...this.#headers, cookie: this.cookieHeader(), ...headers },
      }),
    );
  }

  /**
   * Posts a form; the CSRF token of the last page seen is added unless `_csrf` is given (null: none),
   * and its idempotency key (see formKeyFor) unless the form has one.
   */
  async post(url: string, form: Record<string, string>, options: { csrf?: string | null; key?: string | null } = {}) {
    const body = new URLSearchParams(form);
    const csrf = options.csrf === undefined ? this.lastCsrf : options.csrf;
    if (csrf !== null && csrf !== undefined && !body.has('_csrf')) body.set('_csrf', csrf);
    const key = formKeyFor(url, this.formKeys, options.key);
    if (key !== null && !body.has('idempotencyKey')) body.set('idempotencyKey', key);
    // A browser leaves the page once its form was answered: the next post is a new form.
    this.formKeys.delete(url.split('?')[0] ?? url);
    return this.#remember(
      await this.#app.inject({
        method: 'POST',
        url,
        headers: { ...this.#headers, cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
      }),
    );
  }

  /** Posts JSON, as the counter's script does, with an Idempotency-Key (a new one unless given; null: none). */
  async postJson(url: string, body: unknown, options: { key?: string | null } = {}) {
    const key = options.key === undefined ? randomUUID() : options.key;
    return this.#remember(
      await this.#app.inject({
        method: 'POST',
        url,
        headers: {
          ...this.#headers,
          cookie: this.cookieHeader(),
          'content-type': 'application/json',
          ...(key !== null ? { 'idempotency-key': key } : {}),
        },
        payload: JSON.stringify(body),
      }),
    );
  }

  /** Signs in with a password through the sign-in page; returns the POST's response. */
  async signIn(loginId: string, password: string) {
    await this.get('/login');
    return this.post('/login', { loginId, password, next: '/my' });
  }
}
