import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadConfig } from '../../src/config/index.ts';
import { openDatabase } from '../../src/db/index.ts';
import { migrate } from '../../src/db/migrate.ts';
import { DEMO_PASSWORD, type DevIdpProcess, seedDemoAccounts } from '../../src/identity/demo.ts';
import { seedPostings } from '../../src/jobs/seed-demo.ts';
import { waitFor } from '../../src/ops/wait.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { launchBrowser, screenshot, seriousViolations } from '../support/browser.ts';
import { freshDatabaseConfig } from '../support/db.ts';
import { killIdp, planIdps, startIdps } from '../support/idp.ts';

describe('signing in with a password and with two OpenID Connect providers, one of which fails', () => {
  let server: RunningServer;
  let browser: Browser;
  let idps: DevIdpProcess[] = [];
  let remove: () => Promise<void>;
  const contexts: BrowserContext[] = [];

  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    return context.newPage();
  };
  const idp = (id: string) => {
    const found = idps.find((i) => i.provider.id === id);
    if (!found) throw new Error(`no provider ${id}`);
    return found;
  };
  /** Signs in at the provider's own login page (a different origin: the dev-idp process). */
  const providerLogin = async (page: Page, login: string) => {
    await page.locator('#login').waitFor();
    await page.fill('#login', login);
    await page.fill('#password', DEMO_PASSWORD);
    await page.click('button[type=submit]');
  };

  before(async () => {
    const fresh = await freshDatabaseConfig('pglite');
    remove = fresh.remove;
    const db = await openDatabase(fresh.config);
    await migrate(db);
    await seedPostings(db, { count: 200 });
    await seedDemoAccounts(db, () => {});
    await db.close();
    const planned = await planIdps();
    const base = loadConfig({ LOG_LEVEL: 'warn', PORT: '0', ILTEO_PROVIDER_CHECK_SECONDS: '0.5' });
    const config = {
      ...base,
      database: fresh.config,
      auth: { ...base.auth, providers: planned.map((p) => p.config) },
    };
    server = await startServer(config);
    idps = await startIdps(planned, server.url);
    // The app checked the providers before they were started: wait until it has seen them up.
    await waitFor(
      'sign-in providers up',
      async () => {
        const health = (await (await fetch(`${server.url}/api/v1/sign-in/providers`)).json()) as {
          providers: { state: string }[];
        };
        return health.providers.every((p) => p.state === 'up');
      },
      20_000,
    );
    browser = await launchBrowser();
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    for (const i of idps) await killIdp(i);
    await server?.close();
    await remove?.();
  });

  let kakaoSession: Page;

  it('signs in with ID and password', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/my`);
    await page.waitForURL(/\/login\?next=%2Fmy/);
    await page.locator('#loginId').fill('minjun');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '로그인', exact: true }).click();
    await page.waitForURL(/\/my$/);
    assert.equal(await page.locator('h1').textContent(), '내 정보');
    assert.match((await page.locator('.ilteo-user').textContent()) ?? '', /김민준 님/);
    await page.getByRole('button', { name: '로그아웃' }).first().click();
    await page.waitForURL(/\/login\?signedOut=1/);
    assert.match((await page.locator('main').textContent()) ?? '', /로그아웃했습니다/);
  });

  it('signs in with 카카오 (a linked account) and with 네이버', async () => {
    kakaoSession = await newPage();
    await kakaoSession.goto(`${server.url}/login`);
    await kakaoSession.getByRole('link', { name: '카카오로 로그인' }).click();
    assert.ok(kakaoSession.url().startsWith(idp('kakao').provider.issuer), kakaoSession.url());
    await screenshot(kakaoSession, 'signin-01-kakao-provider');
    await providerLogin(kakaoSession, 'minjun');
    await kakaoSession.waitForURL(`${server.url}/`);
    assert.match((await kakaoSession.locator('.ilteo-user').textContent()) ?? '', /김민준 님/);

    const naver = await newPage();
    await naver.goto(`${server.url}/login?next=%2Fjobs`);
    await naver.getByRole('link', { name: '네이버로 로그인' }).click();
    await providerLogin(naver, 'minjun');
    await naver.waitForURL(`${server.url}/jobs`);
    assert.match((await naver.locator('.ilteo-user').textContent()) ?? '', /김민준 님/);
  });

  it('signs up a first-time provider user, who then links a second provider', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('link', { name: '네이버로 로그인' }).click();
    await providerLogin(page, 'jiho');
    await page.waitForURL(/\/signup\/external$/);
    assert.equal(await page.getByLabel('이름').inputValue(), '박지호');
    await page.getByRole('button', { name: '가입하고 로그인' }).click();
    assert.match((await page.locator('main').textContent()) ?? '', /동의해 주세요/);
    assert.equal(await page.getByLabel('이름').inputValue(), '박지호', 'what was filled in stays');
    await page.locator('label[for="terms"]').click();
    await page.getByRole('button', { name: '가입하고 로그인' }).click();
    await page.waitForURL(/\/my\?welcome=1$/);
    await page.locator('tr', { hasText: '카카오' }).getByRole('button', { name: '연결하기' }).click();
    await providerLogin(page, 'jiho');
    await page.waitForURL(/\/my\?linked=kakao$/);
    assert.match((await page.locator('main').textContent()) ?? '', /카카오 계정을 연결했습니다/);
    assert.equal(await page.locator('tr', { hasText: '네이버' }).getByRole('button', { name: '연결 해제' }).count(), 1);
    await screenshot(page, 'signin-02-my-linked');
    assert.deepEqual(await seriousViolations(page), []);
  });

  it('marks 카카오 unavailable within seconds when its server stops; 네이버, passwords and open sessions keep working', async () => {
    await killIdp(idp('kakao'));
    const page = await newPage();
    const deadline = Date.now() + 10_000;
    let marked = false;
    while (!marked && Date.now() < deadline) {
      await page.goto(`${server.url}/login`);
      marked = (await page.locator('.ilteo-provider--down', { hasText: '카카오' }).count()) === 1;
      if (!marked) await page.waitForTimeout(300);
    }
    assert.ok(marked, '카카오 shown as unavailable within 10 s');
    assert.match((await page.locator('.ilteo-provider--down').textContent()) ?? '', /일시적으로 사용할 수 없음/);
    assert.equal(await page.getByRole('link', { name: '카카오로 로그인' }).count(), 0);
    await screenshot(page, 'signin-03-kakao-down');
    assert.deepEqual(await seriousViolations(page), []);

    // Someone who types the old link is sent back with the alternatives.
    await page.goto(`${server.url}/login/oidc/kakao`);
    await page.waitForURL(/error=unavailable/);
    assert.match(
      (await page.locator('[role=alert]').first().textContent()) ?? '',
      /카카오 로그인을 일시적으로 사용할 수 없습니다/,
    );

    // 네이버 still signs people in.
    await page.getByRole('link', { name: '네이버로 로그인' }).click();
    await providerLogin(page, 'seoyeon');
    await page.waitForURL(/\/signup\/external$/);

    // A password still signs people in.
    const password = await newPage();
    await password.goto(`${server.url}/login`);
    await password.locator('#loginId').fill('jiwoo');
    await password.locator('#password').fill(DEMO_PASSWORD);
    await password.getByRole('button', { name: '로그인', exact: true }).click();
    await password.waitForURL(`${server.url}/`);

    // The person who signed in with 카카오 earlier stays signed in.
    await kakaoSession.goto(`${server.url}/my`);
    assert.equal(await kakaoSession.locator('h1').textContent(), '내 정보');
    assert.match((await kakaoSession.locator('.ilteo-user').textContent()) ?? '', /김민준 님/);

    // The provider's health is public for the status page.
    const health = (await (await fetch(`${server.url}/api/v1/sign-in/providers`)).json()) as {
      providers: { id: string; state: string }[];
    };
    assert.deepEqual(
      health.providers.map((p) => [p.id, p.state]),
      [
        ['kakao', 'down'],
        ['naver', 'up'],
      ],
    );
  });

  it('a sign-in that fails mid-flow returns to the sign-in page with a Korean explanation', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('link', { name: '네이버로 로그인' }).click();
    // The provider dies after the person signed in there, between sending them back with a code
    // and Ilteo exchanging that code at its token endpoint. (Redirects cannot be intercepted, so the
    // provider's answer to the login form becomes a page that moves on by itself.)
    const issuer = idp('naver').provider.issuer;
    await page.route(`${issuer}/interaction/**`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const response = await route.fetch({ maxRedirects: 0 });
      const location = response.headers().location;
      if (!location) return route.fulfill({ response });
      const { location: _drop, ...headers } = response.headers();
      return route.fulfill({
        status: 200,
        headers: { ...headers, 'content-type': 'text/html; charset=utf-8' },
        body: `<meta http-equiv="refresh" content="0;url=${new URL(location, issuer).href}">`,
      });
    });
    await page.route(`${issuer}/auth/**`, async (route) => {
      const response = await route.fetch({ maxRedirects: 0 });
      if (/\/login\/oidc\/naver\/callback/.test(response.headers().location ?? '')) await killIdp(idp('naver'));
      await route.fulfill({ response });
    });
    await providerLogin(page, 'minjun');
    await page.waitForURL(/\/login\?error=/);
    assert.match(page.url(), /\/login\?error=provider_down&provider=naver/);
    const message = (await page.locator('[role=alert]').first().textContent()) ?? '';
    assert.match(message, /네이버 로그인 서버가 응답하지 않아/);
    assert.doesNotMatch((await page.content()) ?? '', /TypeError|stack|ECONNREFUSED/);
    await screenshot(page, 'signin-04-mid-flow-failure');
    await page.locator('#loginId').fill('minjun');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '로그인', exact: true }).click();
    await page.waitForURL(`${server.url}/`);
  });
});
