/**
 * A browser-like client over real HTTP (fetch): a cookie jar and the CSRF field from the last page seen,
 * like WebClient (web.ts) but through a real server, HAProxy and all — for the chaos suite and the benchmarks.
 */
import { csrfFrom } from './web.ts';

export interface HttpResponse {
  status: number;
  body: string;
  location: string | null;
}

export class HttpClient {
  readonly cookies = new Map<string, string>();
  lastCsrf: string | undefined;
  readonly #base: string;

  constructor(base: string) {
    this.#base = base;
  }

  async #send(method: string, path: string, body?: URLSearchParams | { json: unknown }): Promise<HttpResponse> {
    const json = body !== undefined && !(body instanceof URLSearchParams);
    const response = await fetch(`${this.#base}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' } : {}),
        ...(json ? { accept: 'application/json' } : {}),
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
    return { status: response.status, body: text, location: response.headers.get('location') };
  }

  /** The same person (cookies, last form token) talking to another address: one app process directly. */
  via(base: string): HttpClient {
    const other = new HttpClient(base);
    for (const [k, v] of this.cookies) other.cookies.set(k, v);
    other.lastCsrf = this.lastCsrf;
    return other;
  }

  get(path: string): Promise<HttpResponse> {
    return this.#send('GET', path);
  }

  post(path: string, form: Record<string, string>): Promise<HttpResponse> {
    const body = new URLSearchParams(form);
    if (this.lastCsrf && !body.has('_csrf')) body.set('_csrf', this.lastCsrf);
    return this.#send('POST', path, body);
  }

  /** A JSON API call, as the browser's fetch sends it (same-origin cookies, no CSRF field). */
  postJson(path: string, json: unknown): Promise<HttpResponse> {
    return this.#send('POST', path, { json });
  }

  async signIn(loginId: string, password: string): Promise<HttpResponse> {
    await this.get('/login');
    return this.post('/login', { loginId, password, next: '/my' });
  }
}
