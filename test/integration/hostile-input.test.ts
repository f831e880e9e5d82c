/**
 * Hostile input on every route (issue 20, item 15): the whole route table, as each kind of person who
 * may use a route, with every path parameter, query parameter and form field filled with arbitrary
 * strings — NUL and other control characters, lone surrogates, very long strings, `__proto__` and
 * the other names every object has, stray `%`, raw percent escapes that do not decode — is never
 * answered with a 5xx, a stack trace or an English framework error.
 *
 * The route table is read as the app registers it (Fastify's `fastify.initialization` diagnostics
 * channel gives the instance before any route, so an onRoute hook sees them all, with their access).
 * Real parameter values and the forms come from crawling the pages as each kind of person; forms are
 * posted as a browser would, with the page's CSRF token and idempotency key (WebClient). PGlite, demo
 * data (postings, accounts, claims, applications, status history).
 */
import assert from 'node:assert/strict';
import diagnostics from 'node:diagnostics_channel';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse, RouteOptions } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { seedDemoClaims } from '../../src/benefits/demo.ts';
import { koreanCalendar } from '../../src/benefits/schedule.ts';
import { loadConfig } from '../../src/config/index.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/identity/demo.ts';
import { seedDemoIfEmpty } from '../../src/jobs/seed-demo.ts';
import { seedDemoApplications } from '../../src/market/demo.ts';
import { buildCatalogue } from '../../src/status/catalogue.ts';
import { seedDemoStatus } from '../../src/status/demo.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { WebClient } from '../support/web.ts';

type Kind = 'anonymous' | 'seeker' | 'employer' | 'counsellor' | 'operator';
const LOGIN: Record<Exclude<Kind, 'anonymous'>, string> = {
  seeker: 'minjun',
  employer: 'employer',
  counsellor: 'counsel.gangnam',
  operator: 'admin',
};
const SIGNED_IN_KINDS = Object.keys(LOGIN) as Exclude<Kind, 'anonymous'>[];

interface Route {
  method: string;
  url: string;
  access: unknown;
  params: string[];
  keys: string[];
  pattern: RegExp;
}

interface Field {
  name: string;
  value: string;
}

interface Form {
  kind: Kind;
  action: string;
  method: 'get' | 'post';
  fields: Field[];
}

/** Strings no form would send, and some every object already has a key for. */
const NASTY = [
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u001b[31m',
  '\u0007\b\u000b\u000c',
  '\t\r\n',
  '__proto__',
  'constructor',
  'prototype',
  'valueOf',
  'hasOwnProperty',
  'toString',
  '%',
  '%00',
  '%zz',
  '%E0%A4%A',
  '\\',
  '\\\\evil.example',
  '//evil.example',
  '/\t/evil.example',
  '/..//evil.example',
  'https://evil.example/',
  'javascript:alert(1)',
  '<script>alert(1)</script>',
  '&amp;&lt;',
  "' OR 1=1 --",
  '"',
  '-1',
  '0',
  '1.5',
  '1e309',
  '99999999999999999999999',
  '9223372036854775808',
  '2147483648',
  '0x10',
  '1e3',
  ' 1',
  'NaN',
  'Infinity',
  ' ',
  '',
  '\uFEFF',
  '\uFFFF',
  '\uD800',
  '\uDFFF',
  '\u2028\u2029',
  '🙂',
  '가'.repeat(3000),
  'x'.repeat(70_000),
  '2026-02-30',
  '9999-12-31',
  'null',
  'undefined',
  '[object Object]',
];

/** Raw (not percent-encoded) path segments and query strings that do not decode, or decode oddly. */
const RAW_SEGMENTS = ['%', '%zz', '%00', '%C0%AF', '%E0%A4%A', '..%2F..%2F', '%2e%2e', 'a'.repeat(300), '%F0%9F%99'];
/** Numbers a route's own validation must catch before the database does (bigint range, NaN, floats). */
const NUMERIC_EDGES = [
  '0',
  '-1',
  '1.5',
  '1e3',
  '0x10',
  '2147483648',
  '9223372036854775808',
  '99999999999999999999',
  'NaN',
];
const RAW_QUERIES = [
  '?%',
  '?%zz=1',
  '?a=%',
  '?%00=%00',
  '?next=%2F%09%2Fevil.example',
  '?__proto__[x]=1',
  '?a[b]=1&a=2',
];

const hostile = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 2,
    arbitrary: fc.string({
      unit: fc.constantFrom(
        '\u0000',
        '\u0001',
        '\u001f',
        '\u007f',
        '\t',
        '\n',
        'a',
        '1',
        '가',
        '%',
        '/',
        '\\',
        '<',
        '&',
        '.',
      ),
      maxLength: 20,
    }),
  },
  { weight: 1, arbitrary: fc.string({ minLength: 1000, maxLength: 3000 }) },
);

/** Query and form names tried on every route, besides those its forms have. */
const GENERIC_NAMES = [
  'next',
  'back',
  'returnTo',
  'error',
  'provider',
  'lang',
  'page',
  'q',
  'id',
  'status',
  'linked',
  'linkError',
  '__proto__',
  'constructor',
  'a\u0000b',
];

const decodeEntities = (s: string) =>
  s
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

const attrOf = (tag: string, name: string) => {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m?.[1] === undefined ? undefined : decodeEntities(m[1]);
};

function formsOf(kind: Kind, body: string): Form[] {
  const forms: Form[] = [];
  for (const m of body.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = m[1] ?? '';
    const inner = m[2] ?? '';
    const action = attrOf(attrs, 'action');
    if (!action?.startsWith('/')) continue;
    const method = (attrOf(attrs, 'method') ?? 'get').toLowerCase() === 'post' ? 'post' : 'get';
    const fields: Field[] = [];
    for (const tag of inner.matchAll(/<(input|button)\b[^>]*>/gi)) {
      const name = attrOf(tag[0], 'name');
      if (name && !fields.some((f) => f.name === name)) fields.push({ name, value: attrOf(tag[0], 'value') ?? '' });
    }
    for (const tag of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
      const name = attrOf(tag[1] ?? '', 'name');
      if (name) fields.push({ name, value: decodeEntities(tag[2] ?? '') });
    }
    for (const tag of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
      const name = attrOf(tag[1] ?? '', 'name');
      const first = /<option\b[^>]*value="([^"]*)"/.exec(tag[2] ?? '')?.[1];
      if (name) fields.push({ name, value: decodeEntities(first ?? '') });
    }
    forms.push({ kind, action, method, fields });
  }
  return forms;
}

const linksOf = (body: string) =>
  [...body.matchAll(/href="(\/[^"]*)"/g)]
    .map((m) => decodeEntities(m[1] ?? '').split('#')[0] ?? '')
    .filter((href) => href !== '' && !href.startsWith('//') && !/^\/(static|krds)\//.test(href));

/** The route a concrete path belongs to, and its parameter values. */
function match(routes: readonly Route[], method: string, url: string): { route: Route; values: string[] } | null {
  const pathname = url.split('?')[0] ?? url;
  for (const route of routes) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(pathname);
    if (m) return { route, values: m.slice(1) };
  }
  return null;
}

/**
 * A route's pattern, its parameters, and for each parameter the key its seen values are kept under: the
 * path up to it, so `/centre/claims/:id/approve` (a POST) is tried with the ids seen on `/centre/claims/:id`.
 */
function patternOf(url: string): { pattern: RegExp; params: string[]; keys: string[] } {
  const params: string[] = [];
  const keys: string[] = [];
  let sofar = '';
  const source = url
    .split(/(:[A-Za-z]+|\*)/)
    .map((part) => {
      sofar += part;
      if (part === '*') {
        params.push('*');
        keys.push(sofar);
        return '(.*)';
      }
      if (part.startsWith(':')) {
        params.push(part.slice(1));
        keys.push(sofar);
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { pattern: new RegExp(`^${source}/?$`), params, keys };
}

/** Who may use a route: the kinds of person to try it as. */
function kindsFor(access: unknown): Kind[] {
  if (access === 'public') return ['anonymous', ...SIGNED_IN_KINDS];
  if (access === 'signed-in') return SIGNED_IN_KINDS;
  if (Array.isArray(access)) return SIGNED_IN_KINDS.filter((k) => access.includes(k));
  return ['anonymous'];
}

/** Forms whose own values would sign the test's people out or lock them out: never sent as they are. */
const DESTRUCTIVE = /^\/(logout|my\/sessions\/|my\/password|admin\/accounts\/[^/]+\/(status|password))/;

/** More runs per route and form (HOSTILE_RUNS=10 for a long search); the default keeps the suite quick. */
const RUNS = Math.max(1, Number(process.env.HOSTILE_RUNS ?? 1));

describe('hostile input on every route (PGlite)', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let tmp: string;
  const routes: Route[] = [];
  /** Parameter values seen on pages (in links and form actions), by the parameter's key (patternOf). */
  const seenValues = new Map<string, Set<string>>();
  const remember = (found: { route: Route; values: string[] } | null) => {
    if (!found) return;
    found.route.keys.forEach((key, i) => {
      const v = found.values[i];
      if (v === undefined) return;
      const set = seenValues.get(key) ?? new Set<string>();
      set.add(v);
      seenValues.set(key, set);
    });
  };
  const forms: Form[] = [];
  const getNames = new Map<string, Set<string>>();
  const clients = new Map<Kind, WebClient>();
  let ipSerial = 0;
  const nextIp = () => `10.77.${Math.floor(++ipSerial / 250) % 250}.${ipSerial % 250}`;

  const signedIn = async (kind: Exclude<Kind, 'anonymous'>) => {
    const client = new WebClient(app, { 'x-forwarded-for': nextIp() });
    const res = await client.signIn(LOGIN[kind], DEMO_PASSWORD);
    assert.equal(res.statusCode, 303, `${kind} signs in`);
    clients.set(kind, client);
    return client;
  };
  /** The client for a kind; a fresh anonymous one each time (rate limits count per address). */
  const clientFor = async (kind: Kind): Promise<WebClient> => {
    if (kind === 'anonymous') {
      const c = new WebClient(app, { 'x-forwarded-for': nextIp() });
      await c.get('/login'); // a CSRF secret and token, as a person who opened a page has
      return c;
    }
    const c = clients.get(kind);
    if (c?.cookies.has('ilteo_session')) return c;
    return signedIn(kind);
  };

  before(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'ilteo-hostile-'));
    t = await openTestDatabase('pglite');
    await seedDemoIfEmpty(t.database, 30, () => {});
    await seedDemoAccounts(t.database, () => {});
    await seedDemoClaims(t.database, koreanCalendar(), () => {});
    await seedDemoApplications(t.database, () => {});
    await seedDemoStatus(t.database, buildCatalogue([], []), new Date(), () => {});
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      ILTEO_TRUST_PROXY: 'true',
      ILTEO_STATUS: 'off',
      ILTEO_ALERTS_SECONDS: '0',
      ILTEO_RATE_LIMIT_PER_MINUTE: '0',
      ILTEO_JOURNAL_DIR: path.join(tmp, 'journal'),
      ILTEO_PAGE_CACHE_DIR: path.join(tmp, 'pages'),
      ILTEO_MAIL_SPOOL: path.join(tmp, 'mail'),
    });
    const onInit = (message: unknown) => {
      const { fastify } = message as { fastify: FastifyInstance };
      fastify.addHook('onRoute', (route: RouteOptions) => {
        const methods = Array.isArray(route.method) ? route.method : [route.method];
        for (const method of methods) {
          if (method !== 'GET' && method !== 'POST') continue;
          if (/^\/(static|krds)\//.test(route.url)) continue;
          routes.push({ method, url: route.url, access: route.config?.access, ...patternOf(route.url) });
        }
      });
    };
    diagnostics.subscribe('fastify.initialization', onInit);
    try {
      app = await buildApp({ config, database: t.database });
    } finally {
      diagnostics.unsubscribe('fastify.initialization', onInit);
    }
    await app.ready();
    assert.ok(routes.length > 80, `the route table was read (${routes.length} routes)`);
    // Static routes before parametric ones, as the router matches them.
    routes.sort((a, b) => a.params.length - b.params.length);

    // Crawl each kind's pages: real parameter values and the forms.
    const starts: Record<Kind, string[]> = {
      anonymous: ['/', '/jobs', '/benefits', '/status', '/login', '/signup', '/password/forgot', '/api/docs'],
      seeker: ['/my', '/my/resumes', '/my/applications', '/my/saved', '/my/job-seeking', '/benefits', '/jobs'],
      employer: ['/employer', '/employer/postings/new', '/employer/company', '/employer/talent'],
      counsellor: ['/centre', '/centre/claims', '/centre/counter'],
      operator: ['/admin', '/admin/accounts', '/admin/accounts/new', '/admin/audit', '/admin/status'],
    };
    for (const kind of ['anonymous', ...SIGNED_IN_KINDS] as Kind[]) {
      const client = await clientFor(kind);
      const queue = [...starts[kind]];
      const visited = new Set<string>();
      const perRoute = new Map<string, number>();
      while (queue.length > 0 && visited.size < 70) {
        const url = queue.shift() as string;
        if (visited.has(url)) continue;
        const found = match(routes, 'GET', url);
        if (!found) continue;
        const key = `${found.route.url}`;
        if ((perRoute.get(key) ?? 0) >= 3) continue;
        perRoute.set(key, (perRoute.get(key) ?? 0) + 1);
        visited.add(url);
        const res = await client.get(url);
        assert.ok(res.statusCode < 500, `crawl ${kind} GET ${url}: ${res.statusCode}`);
        remember(found);
        if (!/^text\/html/.test(String(res.headers['content-type'] ?? ''))) continue;
        for (const form of formsOf(kind, res.body)) {
          if (form.method === 'post') {
            forms.push(form);
            remember(match(routes, 'POST', form.action));
          } else {
            const target = match(routes, 'GET', form.action)?.route.url;
            if (target) {
              const names = getNames.get(target) ?? new Set<string>();
              for (const f of form.fields) names.add(f.name);
              getNames.set(target, names);
            }
          }
        }
        for (const href of linksOf(res.body)) if (!visited.has(href)) queue.push(href);
      }
    }
    assert.ok(forms.length > 20, `forms were found (${forms.length})`);
    if (process.env.HOSTILE_VERBOSE)
      console.log(routes.length, 'routes;', forms.length, 'forms;', [...seenValues.keys()].join(' '));
  });

  after(async () => {
    await app?.close();
    await t?.cleanup();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  /** What every answer must be: not a 5xx, no stack trace, no English framework error. */
  const check = (res: LightMyRequestResponse, what: string) => {
    assert.ok(res.statusCode < 500, `${what} → ${res.statusCode}\n${res.body.slice(0, 400)}`);
    assert.doesNotMatch(res.body, /FST_ERR|Internal Server Error|"statusCode":|\bat [^\n]+\.ts:\d+/, what);
    if (res.statusCode >= 400 && /json/.test(String(res.headers['content-type'] ?? ''))) {
      const message = (res.json() as { error?: { message?: string } }).error?.message ?? '';
      assert.match(message, /[가-힣]/, `${what}: a Korean message (${message})`);
    }
  };

  const send = async (
    client: WebClient,
    method: string,
    url: string,
    body: Record<string, string> | null,
    json: unknown,
  ): Promise<LightMyRequestResponse> => {
    if (method === 'GET') return client.get(url);
    if (json !== undefined) return client.postJson(url, json);
    return client.post(url, body ?? {});
  };

  /** A parameter: a value seen on a page, or hostile — percent-encoded, or raw. */
  const paramValue = (route: Route, i: number) => {
    const seen = [...(seenValues.get(route.keys[i] ?? '') ?? [])];
    return fc.oneof(
      ...(seen.length > 0 ? [fc.constantFrom(...seen)] : []),
      hostile.map((v) => encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, '\uFFFD')).slice(0, 400) || 'x'),
      fc.constantFrom(...RAW_SEGMENTS),
      fc.constantFrom(...NUMERIC_EDGES),
    );
  };

  const queryOf = (names: readonly string[]) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...names), hostile, { maxKeys: 4 }).map(toQuery) },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERIES) },
    );
  const toQuery = (q: Record<string, string>) => {
    const s = new URLSearchParams(Object.entries(q)).toString();
    return s ? `?${s}` : '';
  };

  /** Runs a property; a failure (shrunk) is collected, so one run names every route that fails. */
  const failures: string[] = [];
  const holds = async (
    name: string,
    property: fc.IAsyncProperty<never> | fc.IAsyncPropertyWithHooks<never>,
    numRuns: number,
  ) => {
    const out = await fc.check(property, { numRuns, endOnFailure: true });
    if (out.failed) {
      const error = out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance);
      failures.push(`${name} (seed ${out.seed}): ${error.slice(0, 300)}`);
    }
  };

  it('answers every route, as everyone who may use it, without a 5xx', async () => {
    failures.length = 0;
    for (const route of routes) {
      const kinds = kindsFor(route.access);
      const formNames = [
        ...new Set(
          forms
            .filter((f) => match(routes, 'POST', f.action)?.route === route)
            .flatMap((f) => f.fields.map((x) => x.name)),
        ),
      ];
      const names = [...new Set([...GENERIC_NAMES, ...(getNames.get(route.url) ?? []), ...formNames])];
      const api = route.url.startsWith('/api/');
      await holds(
        `${route.method} ${route.url}`,
        fc.asyncProperty(
          fc.constantFrom(...kinds),
          fc.tuple(...route.params.map((_, i) => paramValue(route, i))),
          queryOf(names),
          fc.dictionary(fc.oneof(fc.constantFrom(...names), hostile), hostile, { maxKeys: 6 }),
          fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(fc.oneof(fc.constantFrom(...names), hostile), hostile)),
          async (kind, values, query, form, json) => {
            let url = route.url;
            route.params.forEach((p, i) => {
              url = url.replace(p === '*' ? '*' : `:${p}`, values[i] ?? 'x');
            });
            url += route.method === 'GET' ? query : '';
            const client = await clientFor(kind);
            const res = await send(client, route.method, url, form, api && route.method === 'POST' ? json : undefined);
            check(res, `${kind} ${route.method} ${url}`);
          },
        ) as never,
        (route.method === 'POST' ? 6 : 5) * RUNS,
      );
    }
    assert.deepEqual(failures, []);
  });

  it('answers each path parameter, alone odd and the others real, as everyone who may use the route, without a 5xx', async () => {
    // Random runs seldom pair a real claim with an odd recognition number: this goes through them all.
    const odd = [...NUMERIC_EDGES, 'abc', '%zz', '%00', '__proto__', 'a'.repeat(300), encodeURIComponent('가/나')];
    const problems: string[] = [];
    for (const route of routes) {
      const real = route.keys.map((key) => [...(seenValues.get(key) ?? [])][0] ?? '1');
      for (let i = 0; i < route.params.length; i++) {
        for (const value of odd) {
          let url = route.url;
          route.params.forEach((p, j) => {
            url = url.replace(p === '*' ? '*' : `:${p}`, j === i ? value : (real[j] as string));
          });
          for (const kind of kindsFor(route.access)) {
            const client = await clientFor(kind);
            const res = await send(
              client,
              route.method,
              url,
              { note: '메모', workedDays: '1' },
              route.url.startsWith('/api/') && route.method === 'POST' ? {} : undefined,
            );
            try {
              check(res, `${kind} ${route.method} ${url}`);
            } catch (err) {
              problems.push((err as Error).message.slice(0, 300));
            }
          }
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('answers every form on every page, each field its own value or a hostile one, without a 5xx', async () => {
    // One form per action and kind: the same form on many pages adds nothing.
    const unique = new Map<string, Form>();
    for (const f of forms) unique.set(`${f.kind} ${f.action}`, f);
    failures.length = 0;
    for (const form of unique.values()) {
      const destructive = DESTRUCTIVE.test(form.action);
      const fieldArb = fc.tuple(
        ...form.fields.map((f) =>
          f.name === '_csrf' || f.name === 'idempotencyKey'
            ? fc.constant<string | null>(null)
            : destructive
              ? hostile
              : fc.oneof(fc.constant(f.value), hostile),
        ),
      );
      await holds(
        `${form.kind} POST ${form.action}`,
        fc.asyncProperty(fieldArb, async (values) => {
          const body: Record<string, string> = {};
          form.fields.forEach((f, i) => {
            const v = values[i];
            if (typeof v === 'string') body[f.name] = v;
          });
          // The client's CSRF token is from a page it saw; the key a new one, as for a form just rendered.
          const client = await clientFor(form.kind);
          const res = await client.post(form.action, body);
          check(res, `${form.kind} POST ${form.action} ${JSON.stringify(body).slice(0, 300)}`);
        }) as never,
        6 * RUNS,
      );
    }
    assert.deepEqual(failures, []);
  });
});
