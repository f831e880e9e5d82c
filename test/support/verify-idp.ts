/**
 * The demo 본인확인 provider for tests (a real oidc-provider in this process, dev-idp's demoVerification),
 * and a person going through it: from Ilteo's redirect to the provider's login form and back to the
 * callback URL, following the provider's redirects with its cookies as a browser would.
 */
import { randomBytes } from 'node:crypto';
import { type DatabaseConfig, loadConfig } from '../../src/config/index.ts';
import { demoVerification, type RunningDevIdp, startDevIdp } from '../../src/identity/dev-idp.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { freePort } from './idp.ts';

export interface VerifyIdp {
  idp: RunningDevIdp;
  port: number;
  /** ILTEO_VERIFY_PROVIDER for the app's config. */
  env: string;
  restart(): Promise<void>;
}

export async function startVerifyIdp(password: string, origins = ['http://localhost', 'http://localhost:80']) {
  const port = await freePort();
  const clientSecret = `verify-${randomBytes(8).toString('hex')}`;
  const start = () =>
    startDevIdp({
      name: 'verify',
      label: '본인확인',
      host: '127.0.0.1',
      port,
      clientId: 'ilteo',
      clientSecret,
      redirectUris: origins.map((o) => `${o}/my/insurance/verify/callback`),
      ...demoVerification(password),
    });
  const v: VerifyIdp = {
    idp: await start(),
    port,
    env: JSON.stringify({
      id: 'verify',
      label: '본인확인',
      issuer: `http://127.0.0.1:${port}`,
      clientId: 'ilteo',
      clientSecret,
    }),
    async restart() {
      v.idp = await start();
    },
  };
  return v;
}

/** Signs in at the provider from its authorization URL; returns the app callback URL it sends back to. */
export async function loginAtProvider(authorizationUrl: string, login: string, password: string): Promise<URL> {
  const jar = new Map<string, string>();
  const send = async (url: URL, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, x]) => `${k}=${x}`).join('; '),
      },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = (pair ?? '').indexOf('=');
      if (at > 0) jar.set((pair as string).slice(0, at), (pair as string).slice(at + 1));
    }
    return res;
  };
  let url = new URL(authorizationUrl);
  const issuer = url.origin;
  for (let step = 0; step < 12; step++) {
    const res = await send(url);
    const location = res.headers.get('location');
    if (res.status === 200 && /\/interaction\/[^/]+$/.test(url.pathname)) {
      await res.text();
      const posted = await send(new URL(`${url.pathname}/login`, issuer), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ login, password }).toString(),
      });
      const next = posted.headers.get('location');
      if (!next) throw new Error(`provider login answered ${posted.status}: ${(await posted.text()).slice(0, 200)}`);
      url = new URL(next, issuer);
      continue;
    }
    if (!location) throw new Error(`provider answered ${res.status} at ${url.pathname}`);
    await res.arrayBuffer();
    const next = new URL(location, issuer);
    if (next.origin !== issuer) return next;
    url = next;
  }
  throw new Error('provider did not send the person back');
}

/**
 * An Ilteo server on a free port with the demo 본인확인 provider beside it (its callback registered for
 * that port), on `database`, at a fixed clock; for the browser tests of 내 고용보험 and the claim chain.
 */
export async function startServerWithVerifier(
  database: DatabaseConfig,
  clock: Date,
  password: string,
): Promise<{ server: RunningServer; verify: VerifyIdp }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const verify = await startVerifyIdp(password, [origin]);
  const config = loadConfig({
    LOG_LEVEL: 'warn',
    PORT: String(port),
    ILTEO_PUBLIC_URL: origin,
    ILTEO_VERIFY_PROVIDER: verify.env,
  });
  const server = await startServer({ ...config, database }, { now: () => clock });
  return { server, verify };
}
