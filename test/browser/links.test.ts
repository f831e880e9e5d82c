/**
 * No link leads nowhere, and no page is wider than a phone (issue 20 items 1 and 8).
 *
 * The demo server (`serve --demo`: postings, the demo accounts, claims, applications, 90 days of
 * status history) is crawled from `/` by plain GET requests — as the public and signed in as each
 * kind of account (개인, 기업, 상담원, 운영자) — following every same-origin `a[href]` breadth-first.
 * Every (page → link) answering 404 or 5xx is listed and fails the test. The crawl is bounded: a few
 * pages per route pattern (the path with its id-like segments as `:id`, plus the names of its query
 * parameters), so `/jobs?page=…` or `/jobs/:id` are sampled, not walked; links that sign out are skipped.
 *
 * Then one page of each route pattern reached (as the role that reached it) is opened in Chromium at
 * 390 × 844, and the test fails when the document is wider than the viewport, naming the elements
 * that stick out. The 안내 pages (/centers, /terms, /privacy) and /status are also screenshotted at
 * that size (artifacts/mobile-*.png), checked with axe-core, and the centre search is used without
 * JavaScript.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { loadConfig } from '../../src/config/index.ts';
import { DEMO_PASSWORD } from '../../src/identity/demo.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { launchBrowser, screenshot, seriousViolations } from '../support/browser.ts';
import { freshDatabaseConfig } from '../support/db.ts';
import { HttpClient } from '../support/http.ts';

const PHONE = { width: 390, height: 844 };
/** Pages fetched per route pattern and role. */
const PER_PATTERN = 3;
/** Pages fetched per role at most (a bound, not a target: the crawl ends when nothing new is linked). */
const PER_ROLE = 600;
/** Requests in flight per role. */
const PARALLEL = 4;

const ROLES = [
  { role: 'public', login: null },
  { role: 'seeker', login: 'minjun' },
  { role: 'employer', login: 'employer' },
  { role: 'counsellor', login: 'counsel.gangnam' },
  { role: 'operator', login: 'admin' },
] as const;
type Role = (typeof ROLES)[number]['role'];

/** Links a crawler must not follow even though GET changes nothing: signing out. */
const SKIP = /^\/(logout|signout|sign-out)(\/|$)/;

interface Visit {
  url: string;
  status: number;
  from: string;
  html: boolean;
}

interface Crawl {
  role: Role;
  visits: Visit[];
  client: HttpClient;
}

/** `/jobs/K123?b=2&a=1` → `/jobs/:id?a&b`: segments with a digit are ids; query values do not count. */
function patternOf(url: URL): string {
  const path = url.pathname
    .split('/')
    .map((s) => (/\d/.test(s) ? ':id' : s))
    .join('/');
  const keys = [...new Set(url.searchParams.keys())].sort();
  return keys.length ? `${path}?${keys.join('&')}` : path;
}

/** Path and query with the parameters in a stable order, no fragment. */
function keyOf(url: URL): string {
  const params = [...url.searchParams].sort(([a, x], [b, y]) => a.localeCompare(b) || x.localeCompare(y));
  const query = new URLSearchParams(params).toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

function decodeEntities(href: string): string {
  return href
    .replaceAll('&amp;', '&')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>');
}

/** Same-origin links of a page, resolved against it. */
function linksOf(body: string, page: URL): URL[] {
  const out: URL[] = [];
  for (const m of body.matchAll(/<a\b[^>]*?\shref="([^"]*)"/gi)) {
    const href = decodeEntities(m[1] ?? '').trim();
    if (href === '' || href.startsWith('#') || /^(mailto|tel|javascript|data|sms):/i.test(href)) continue;
    let url: URL;
    try {
      url = new URL(href, page);
    } catch {
      continue;
    }
    if (url.origin !== page.origin) continue;
    url.hash = '';
    out.push(url);
  }
  return out;
}

async function crawl(base: string, role: Role, client: HttpClient): Promise<Crawl> {
  const origin = new URL(base);
  const seen = new Set<string>();
  const perPattern = new Map<string, number>();
  const queue: { url: URL; from: string }[] = [];
  const visits: Visit[] = [];
  const offer = (url: URL, from: string) => {
    if (SKIP.test(url.pathname)) return;
    const key = keyOf(url);
    if (seen.has(key)) return;
    const pattern = patternOf(url);
    const n = perPattern.get(pattern) ?? 0;
    if (n >= PER_PATTERN) return;
    seen.add(key);
    perPattern.set(pattern, n + 1);
    queue.push({ url, from });
  };
  offer(new URL('/', origin), '(start)');
  const work = async () => {
    for (;;) {
      const next = queue.shift();
      if (!next || visits.length >= PER_ROLE) return;
      const path = keyOf(next.url);
      const response = await client.get(path);
      const html = response.status === 200 && /<html[\s>]/i.test(response.body.slice(0, 500));
      visits.push({ url: path, status: response.status, from: next.from, html });
      if (response.status >= 300 && response.status < 400 && response.location) {
        const target = new URL(response.location, next.url);
        if (target.origin === origin.origin) offer(target, `${next.from} → ${path}`);
      }
      if (html) for (const link of linksOf(response.body, next.url)) offer(link, path);
    }
  };
  // Breadth-first with a few requests in flight: a worker that finds the queue empty waits for the others.
  for (;;) {
    await Promise.all(Array.from({ length: PARALLEL }, work));
    if (queue.length === 0 || visits.length >= PER_ROLE) break;
  }
  return { role, visits, client };
}

/** In the page: how wide the document is, and the innermost elements sticking out past the viewport. */
function measureOverflow(limit: number): { scrollWidth: number; widest: string[] } {
  const root = document.documentElement;
  const scrollWidth = root.scrollWidth;
  if (scrollWidth <= limit) return { scrollWidth, widest: [] };
  const outOfFlow = (cs: CSSStyleDeclaration) => cs.position === 'absolute' || cs.position === 'fixed';
  // Whether a scrolling (or clipping) box holds the element in: for an absolutely positioned element
  // (sr-only text, a caption) only one at or above its containing block does.
  const clipped = (el: Element) => {
    let escaping = outOfFlow(getComputedStyle(el));
    for (let p = el.parentElement; p && p !== document.body && p !== root; p = p.parentElement) {
      const cs = getComputedStyle(p);
      const containing = cs.position !== 'static' || cs.transform !== 'none';
      if ((!escaping || containing) && cs.overflowX !== 'visible') return true;
      if (escaping && containing) escaping = outOfFlow(cs);
    }
    return false;
  };
  const out = [...document.body.querySelectorAll('*')].filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.right > limit + 0.5 && !clipped(el);
  });
  const set = new Set(out);
  const describe = (el: Element) => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && e !== document.body && parts.length < 3; e = e.parentElement) {
      const cls = [...e.classList]
        .slice(0, 2)
        .map((c) => `.${c}`)
        .join('');
      parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${cls}`);
    }
    return parts.join(' > ');
  };
  const widest = out
    .filter((el) => ![...el.querySelectorAll('*')].some((d) => set.has(d)))
    .map((el) => ({ el, r: el.getBoundingClientRect() }))
    .sort((a, b) => b.r.right - a.r.right)
    .slice(0, 3)
    .map(({ el, r }) => `${describe(el)} (right ${Math.round(r.right)}px, width ${Math.round(r.width)}px)`);
  return { scrollWidth, widest };
}

describe('every link leads somewhere and every page fits a phone, as the public and as each role', () => {
  let server: RunningServer;
  let browser: Browser;
  let remove: () => Promise<void>;
  const crawls: Crawl[] = [];
  const contexts = new Map<Role, BrowserContext>();

  before(async () => {
    const fresh = await freshDatabaseConfig('postgres');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ilteo-links-'));
    remove = async () => {
      await fresh.remove();
      await fs.rm(dir, { recursive: true, force: true });
    };
    server = await startServer(
      {
        ...loadConfig({
          LOG_LEVEL: 'warn',
          PORT: '0',
          ILTEO_DEMO_POSTINGS: '400',
          ILTEO_RATE_LIMIT_PER_MINUTE: '0',
          ILTEO_ALERTS_SECONDS: '0',
          ILTEO_JOURNAL_DIR: path.join(dir, 'journal'),
          ILTEO_PAGE_CACHE_DIR: path.join(dir, 'pages'),
          ILTEO_STATUS_SNAPSHOT: path.join(dir, 'status.json'),
          ILTEO_MAIL_SPOOL: path.join(dir, 'mail'),
        }),
        database: fresh.config,
      },
      { demo: true },
    );
    browser = await launchBrowser();
  });
  after(async () => {
    for (const context of contexts.values()) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
    await remove?.();
  });

  it('crawls from / as each role: no link answers 404 or a server error', async (t) => {
    for (const { role, login } of ROLES) {
      const client = new HttpClient(server.url);
      if (login) {
        const signedIn = await client.signIn(login, DEMO_PASSWORD);
        assert.equal(signedIn.status, 303, `${role} ${login} signs in`);
      }
      crawls.push(await crawl(server.url, role, client));
    }
    const broken = crawls.flatMap((c) =>
      c.visits
        .filter((v) => v.status === 404 || v.status === 410 || v.status >= 500)
        .map((v) => `[${c.role}] ${v.from} → ${v.url}: ${v.status}`),
    );
    const pages = crawls.map((c) => `${c.role} ${c.visits.length}`).join(', ');
    t.diagnostic(`pages fetched: ${pages}`);
    const other = crawls.flatMap((c) =>
      c.visits
        .filter((v) => v.status >= 400 && v.status !== 404 && v.status !== 410 && v.status < 500)
        .map((v) => `[${c.role}] ${v.from} → ${v.url}: ${v.status}`),
    );
    if (other.length) t.diagnostic(`other refusals (not failures): ${other.join(', ')}`);
    assert.deepEqual(broken, [], `broken links (pages fetched: ${pages})`);
    // The crawl really went everywhere a person of each kind goes.
    const reached = (role: Role, path: string) =>
      crawls.find((c) => c.role === role)?.visits.some((v) => v.url === path && v.status === 200);
    for (const path of ['/centers', '/terms', '/privacy', '/status', '/jobs', '/benefits'])
      assert.ok(reached('public', path), `the public reaches ${path}`);
    assert.ok(reached('seeker', '/my/applications'), 'a seeker reaches 입사지원 현황');
    assert.ok(reached('employer', '/employer'), 'an employer reaches 기업 서비스');
    assert.ok(reached('counsellor', '/centre/claims'), 'a counsellor reaches 구직급여 심사');
    assert.ok(reached('operator', '/admin'), 'an operator reaches 운영 관리');
    for (const c of crawls) assert.ok(c.visits.length < PER_ROLE, `${c.role}: the crawl ended by itself`);
  });

  it('fits a 390 px wide phone: one page of every route pattern, as the role that reached it', async (t) => {
    assert.ok(crawls.length === ROLES.length, 'the crawl ran');
    const host = new URL(server.url).hostname;
    const pages: { role: Role; url: string }[] = [];
    const patterns = new Set<string>();
    for (const c of crawls) {
      const context = await browser.newContext({ locale: 'ko-KR', viewport: PHONE });
      await context.addCookies(
        [...c.client.cookies].map(([name, value]) => ({ name, value, domain: host, path: '/' })),
      );
      contexts.set(c.role, context);
      // Each role's home page in both languages (the header differs), then every pattern not seen
      // before; other pages once, in Korean (the English chrome is the same header and footer).
      for (const v of c.visits) {
        if (!v.html) continue;
        const url = new URL(v.url, server.url);
        const english = url.searchParams.get('lang') === 'en';
        url.searchParams.delete('lang');
        const pattern = patternOf(url);
        const key = pattern === '/' ? `${c.role} / ${english}` : pattern;
        if (patterns.has(key) || (english && pattern !== '/')) continue;
        patterns.add(key);
        pages.push({ role: c.role, url: v.url });
      }
    }
    t.diagnostic(`pages opened at 390 px: ${pages.length}`);
    const tooWide: string[] = [];
    for (const role of ROLES.map((r) => r.role)) {
      const context = contexts.get(role);
      if (!context) continue;
      const queue = pages.filter((x) => x.role === role);
      // Two tabs at a time.
      const tab = async () => {
        const page = await context.newPage();
        for (let p = queue.shift(); p; p = queue.shift()) {
          const response = await page.goto(`${server.url}${p.url}`, { waitUntil: 'load' });
          if (response?.status() !== 200) continue;
          const { scrollWidth, widest } = await page.evaluate(measureOverflow, PHONE.width);
          if (scrollWidth > PHONE.width) tooWide.push(`[${role}] ${p.url}: ${scrollWidth}px — ${widest.join('; ')}`);
        }
        await page.close();
      };
      await Promise.all([tab(), tab()]);
    }
    assert.ok(pages.length > 40, `a representative set of pages (${pages.length})`);
    assert.deepEqual(tooWide, [], 'pages wider than 390 px');
  });

  it('the 안내 pages and the status page at 390 × 844: screenshots, axe, nothing wider than the phone', async () => {
    const page = await (contexts.get('public') ?? (await browser.newContext({ viewport: PHONE }))).newPage();
    for (const [path, name] of [
      ['/centers', 'mobile-centers'],
      ['/terms', 'mobile-terms'],
      ['/privacy', 'mobile-privacy'],
      ['/status', 'mobile-status'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await screenshot(page, name);
      const { scrollWidth, widest } = await page.evaluate(measureOverflow, PHONE.width);
      assert.ok(scrollWidth <= PHONE.width, `${path} is ${scrollWidth}px wide: ${widest.join('; ')}`);
      assert.deepEqual(await seriousViolations(page), [], `${path} at 390 px`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const path of ['/centers', '/terms', '/privacy']) {
      await page.goto(`${server.url}${path}`);
      assert.deepEqual(await seriousViolations(page), [], `${path} at 1280 px`);
    }
    await page.goto(`${server.url}/centers`);
    await screenshot(page, 'desktop-centers');
    await page.close();
  });

  it('고용센터 찾기 works without JavaScript: every centre, then one 시도 and a 시군구 typed', async () => {
    const context = await browser.newContext({ locale: 'ko-KR', viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/centers`);
    assert.equal(await page.locator('.ilteo-centre').count(), 20);
    const gangnam = page.locator('#centre-seoul-gangnam');
    assert.ok(await gangnam.getByText('서울특별시 강남구 테헤란로 410').isVisible());
    assert.equal(await gangnam.getByRole('link', { name: '02-3468-4794' }).getAttribute('href'), 'tel:0234684794');
    assert.ok(await gangnam.getByText('평일 (월~금) 09:00~18:00').isVisible());
    assert.ok(
      await gangnam
        .getByText(/강남구/)
        .first()
        .isVisible(),
    );

    await page.locator('#sido').selectOption('26000');
    await page.locator('#q').fill('해운대');
    await page.getByRole('button', { name: '검색' }).click();
    await page.waitForURL(/\/centers\?sido=26000&q=/);
    assert.equal(await page.locator('.ilteo-centre').count(), 1);
    assert.ok(await page.getByRole('heading', { name: '부산고용센터', level: 3 }).isVisible());
    assert.ok(await page.getByRole('link', { name: '부산고용센터' }).isVisible(), 'the 관할 hint links to the centre');

    await page.goto(`${server.url}/centers?q=${encodeURIComponent('없는동네이름')}`);
    assert.equal(await page.locator('.ilteo-centre').count(), 0);
    assert.ok(await page.getByText('조건에 맞는 고용센터가 없습니다').isVisible());
    await context.close();
  });

  it('the terms and the privacy policy cite the law and are complete', async () => {
    const client = new HttpClient(server.url);
    const terms = (await client.get('/terms')).body;
    for (const heading of [
      '제1조(목적)',
      '제2조(정의)',
      '제4조(회원가입)',
      '제7조(서비스의 내용)',
      '제14조(책임의 제한)',
      '제15조(분쟁의 해결)',
    ])
      assert.ok(terms.includes(heading), `이용약관 ${heading}`);
    assert.match(terms, /2026년 12월 4일부터 시행합니다/);
    const privacy = (await client.get('/privacy')).body;
    assert.match(privacy, /「개인정보 보호법」 제30조 제1항/);
    for (const heading of [
      '개인정보의 처리 목적',
      '처리하는 개인정보의 항목',
      '개인정보의 처리 및 보유 기간',
      '개인정보의 제3자 제공',
      '개인정보 처리의 위탁',
      '개인정보의 파기 절차와 방법',
      '정보주체와 법정대리인의 권리·의무와 행사 방법',
      '개인정보를 자동으로 수집하는 장치의 설치·운영과 거부',
      '개인정보의 안전성 확보 조치',
      '개인정보 보호책임자',
      '권익침해 구제방법',
      '개인정보 처리방침의 변경',
    ])
      assert.ok(privacy.includes(heading), `개인정보처리방침: ${heading}`);
    for (const service of [
      '개인회원 가입과 관리',
      '구직신청과 취업 지원',
      '구직급여(실업급여)',
      '이력서, 입사지원, 인재정보',
    ])
      assert.ok(privacy.includes(service), `개인정보처리방침 covers ${service}`);
  });
});
