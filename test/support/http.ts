/**
 * A browser-like client over real HTTP (fetch): a cookie jar and the CSRF field from the last page seen,
 * like WebClient (web.ts) but through a real server, HAProxy and all — for the chaos suite and the benchmarks.
 */
import { randomUUID } from 'node:crypto';
import { csrfFrom, formKeyFor, formKeysFrom } from './web.ts';

export interface HttpResponse {
  status: number;
  body: string;
  location: string | null;
  /** The app's error code (ilteo-error-code header), e.g. DATABASE_UNAVAILABLE or OUTCOME_UNKNOWN. */
  code: string | null;
}

export class HttpClient {
  readonly cookies = new Map<string, string>();
  lastCsrf: string | undefined;
  /** The last page's POST forms: action → idempotency key. */
  formKeys = new Map<string, string>();
  readonly #base: string;

  constructor(base: string) {
    this.#base = base;
  }

  async #send(
    method: string,
    path: string,
    body?: URLSearchParams | { json: unknown },
    key?: string | null,
  ): Promise<HttpResponse> {
    const json = body !== undefined && !(body instanceof URLSearchParams);
    const response = await fetch(`${this.#base}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' } : {}),
        ...(json ? { accept: 'application/json' } : {}),
        ...(key ? { 'idempotency-key': key } : {}),
      },
      ...(body ? { body: json ? JSON.stringify(body.json) : body.toString() } : {}),
      signal: AbortSignal.timeout(90_000),
    });
    for (const c of response.headers.getSetCookie()) {
      const [pair = '', ...attrs] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    const token = csrfFrom(text);
    if (token) this.lastCsrf = token;
    if (/^text\/html/.test(response.headers.get('content-type') ?? '')) this.formKeys = formKeysFrom(text);
    return {
      status: response.status,
      body: text,
      location: response.headers.get('location'),
      code: response.headers.get('ilteo-error-code'),
    };
  }

  /** The same person (cookies, last form token) talking to another address: one app process directly. */
  via(base: string): HttpClient {
    const other = new HttpClient(base);
    for (const [k, v] of this.cookies) other.cookies.set(k, v);
    other.lastCsrf = this.lastCsrf;
    other.formKeys = new Map(this.formKeys);
    return other;
  }

  get(path: string): Promise<HttpResponse> {
    return this.#send('GET', path);
  }

  /** Posts a form with the last page's CSRF token and the form's idempotency key (see formKeyFor). */
  post(path: string, form: Record<string, string>, options: { key?: string | null } = {}): Promise<HttpResponse> {
    const body = new URLSearchParams(form);
    if (this.lastCsrf && !body.has('_csrf')) body.set('_csrf', this.lastCsrf);
    const key = formKeyFor(path, this.formKeys, options.key);
    if (key !== null && !body.has('idempotencyKey')) body.set('idempotencyKey', key);
    // A browser leaves the page once its form was answered: the next post is a new form.
    this.formKeys.delete(path.split('?')[0] ?? path);
    return this.#send('POST', path, body);
  }

  /**
   * A JSON API call, as the browser's fetch sends it (same-origin cookies, no CSRF field), with an
   * Idempotency-Key header: a new one unless given (null: none).
   */
  postJson(path: string, json: unknown, options: { key?: string | null } = {}): Promise<HttpResponse> {
    return this.#send('POST', path, { json }, options.key === undefined ? randomUUID() : options.key);
  }

  async signIn(loginId: string, password: string): Promise<HttpResponse> {
    await this.get('/login');
    return this.post('/login', { loginId, password, next: '/my' });
  }
}
