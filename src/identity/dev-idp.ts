/**
 * A real OpenID Connect provider for development, demos and tests (`ilteo dev-idp`), built on
 * `oidc-provider`: discovery, JWKS, authorization code + PKCE, ID tokens. It stands in for 카카오,
 * 네이버 or PASS on 127.0.0.1 with a handful of its own users, so the sign-in code under test is
 * the production code talking HTTP to a real server, not a mock. Its login page is a plain form
 * in Korean; consent is implied for the registered client (a first-party demo).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import Provider, { type Configuration } from 'oidc-provider';
import { escapeHtml } from '../web/html.ts';

export interface DevIdpUser {
  login: string;
  password: string;
  sub: string;
  name: string;
  email: string;
}

export interface DevIdpOptions {
  /** Short name, used for cookie names and the page title (kakao, naver, pass …). */
  name: string;
  label: string;
  host: string;
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  users: DevIdpUser[];
  /** Brand colour of the login button. */
  colour?: string;
  /**
   * A 본인확인 provider (demoVerification): one more scope whose claims (per user's sub) go into the ID
   * token and userinfo, which the client reads over the back channel only.
   */
  verification?: DevIdpVerification;
}

export interface DevIdpVerification {
  scope: string;
  /** sub → the scope's claims for that user. */
  claims: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface RunningDevIdp {
  issuer: string;
  close(): Promise<void>;
}

/** Demo users of the local providers; the `minjun` users are linked to the demo 개인회원 in Ilteo. */
export function demoIdpUsers(name: string, password: string): DevIdpUser[] {
  const prefix = name === 'kakao' ? 'kakao-39' : name === 'naver' ? 'naver-77' : `${name}-10`;
  return [
    { login: 'minjun', password, sub: `${prefix}01`, name: '김민준', email: `minjun@${name}.example` },
    { login: 'seoyeon', password, sub: `${prefix}02`, name: '이서연', email: `seoyeon@${name}.example` },
    { login: 'jiho', password, sub: `${prefix}03`, name: '박지호', email: `jiho@${name}.example` },
  ];
}

/**
 * The demo people of the local 본인확인 provider: each demo 개인회원's login, name and an invented
 * 주민등록번호 (valid in form, issued to nobody). The demo employers' reports name the same numbers, so a
 * demo person who verifies sees their records. Demo data only.
 */
export function demoResidents(): readonly { login: string; name: string; rrn: string }[] {
  return [
    { login: 'minjun', name: '김민준', rrn: '9103151000017' },
    { login: 'jiwoo', name: '최지우', rrn: '9507222000028' },
    { login: 'hyunwoo', name: '정현우', rrn: '8811301000039' },
    { login: 'sua', name: '한수아', rrn: '0204184000041' },
    { login: 'dohyun', name: '윤도현', rrn: '8602091000052' },
  ];
}

/** The demo 본인확인 provider's users (sub `verify-<login>`) and the `rrn` scope with their numbers. */
export function demoVerification(password: string): { users: DevIdpUser[]; verification: DevIdpVerification } {
  const people = demoResidents();
  return {
    users: people.map((p) => ({
      login: p.login,
      password,
      sub: `verify-${p.login}`,
      name: p.name,
      email: `${p.login}@verify.example`,
    })),
    verification: {
      scope: 'rrn',
      claims: Object.fromEntries(people.map((p) => [`verify-${p.login}`, { rrn: p.rrn }])),
    },
  };
}

function signingKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };
}

function page(options: DevIdpOptions, body: string): string {
  const colour = options.colour ?? '#256ef4';
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.label)} 로그인 (개발용)</title>
<style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem;color:#1e2124}
h1{font-size:1.4rem}label{display:block;margin-top:1rem;font-weight:600}input{width:100%;padding:.6rem;font-size:1rem;box-sizing:border-box;margin-top:.3rem}
button{margin-top:1.4rem;width:100%;padding:.8rem;font-size:1rem;font-weight:700;border:0;border-radius:6px;background:${colour};color:#111}
.note{background:#f4f5f6;padding:.8rem;border-radius:6px;font-size:.9rem}.error{color:#bd2c0f;font-weight:600}</style></head>
<body>${body}</body></html>`;
}

function loginForm(options: DevIdpOptions, uid: string, error: string | null, login = ''): string {
  return page(
    options,
    `<h1>${escapeHtml(options.label)} 계정으로 로그인</h1>
<p class="note">개발·시연용 로그인 서버입니다 (${escapeHtml(options.name)}, oidc-provider). 시연 계정: ${options.users
      .map((u) => `<code>${escapeHtml(u.login)}</code>`)
      .join(', ')}</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="login">아이디</label><input id="login" name="login" autocomplete="username" required value="${escapeHtml(login)}">
<label for="password">비밀번호</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">로그인</button>
</form>`,
  );
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 10_000) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** The provider's settings: one first-party client, PKCE, the demo users, consent implied. */
function devIdpConfiguration(options: DevIdpOptions): Configuration {
  const users = new Map(options.users.map((u) => [u.sub, u]));
  const extra = options.verification;
  return {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [signingKey()] },
    cookies: {
      keys: [randomBytes(32).toString('hex')],
      names: {
        session: `${options.name}_session`,
        interaction: `${options.name}_interaction`,
        resume: `${options.name}_interaction_resume`,
      },
    },
    scopes: ['openid', 'profile', 'email', ...(extra ? [extra.scope] : [])],
    claims: {
      openid: ['sub'],
      profile: ['name'],
      email: ['email', 'email_verified'],
      ...(extra ? { [extra.scope]: Object.keys(Object.values(extra.claims)[0] ?? {}) } : {}),
    },
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const user = users.get(sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, name: user.name, email: user.email, email_verified: true, ...extra?.claims[sub] }),
      };
    },
    // Consent is implied for the one registered (first-party) client.
    loadExistingGrant: async (ctx) => {
      const session = ctx.oidc.session;
      const client = ctx.oidc.client;
      if (!session?.accountId || !client) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(grantedScopes(options));
      await grant.save();
      session.grantIdFor(client.clientId, grant.jti);
      return grant;
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page(
        options,
        `<h1>로그인 오류</h1><p class="error">${escapeHtml(String(out.error))}: ${escapeHtml(String(out.error_description ?? ''))}</p>`,
      );
    },
  };
}

function grantedScopes(options: DevIdpOptions): string {
  return `openid profile email${options.verification ? ` ${options.verification.scope}` : ''}`;
}

/** The login page (and the implied consent) of one interaction. */
async function interaction(
  provider: Provider,
  options: DevIdpOptions,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  uid: string,
  action?: string,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('interaction mismatch');
  if (req.method === 'POST' && action === 'login') {
    const form = await readForm(req);
    const login = form.get('login') ?? '';
    const user = options.users.find((u) => u.login === login && u.password === form.get('password'));
    if (!user) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(loginForm(options, uid, '아이디 또는 비밀번호가 올바르지 않습니다.', login));
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.sub } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  if (details.prompt.name === 'login') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(loginForm(options, uid, null));
    return;
  }
  // Only a consent prompt is left; loadExistingGrant grants it, so finish straight away.
  const grant = new provider.Grant({
    accountId: details.session?.accountId,
    clientId: details.params.client_id as string,
  });
  grant.addOIDCScope(grantedScopes(options));
  await provider.interactionFinished(
    req,
    res,
    { consent: { grantId: await grant.save() } },
    { mergeWithLastSubmission: true },
  );
}

export async function startDevIdp(options: DevIdpOptions): Promise<RunningDevIdp> {
  const issuer = `http://${options.host}:${options.port}`;
  const provider = new Provider(issuer, devIdpConfiguration(options));
  const oidc = provider.callback();

  const server = http.createServer((req, res) => {
    const match = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login))?$/.exec((req.url ?? '').split('?')[0] ?? '');
    if (!match) {
      oidc(req, res);
      return;
    }
    interaction(provider, options, req, res, match[1] as string, match[2]).catch((err: unknown) => {
      res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        page(
          options,
          `<h1>로그인을 계속할 수 없습니다</h1><p class="error">${escapeHtml(String((err as Error).message ?? err))}</p>`,
        ),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
