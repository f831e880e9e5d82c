/**
 * Public pages as last rendered, for when no database node answers (issue 7: "pages that only read keep
 * working … from a cache where no node answers").
 *
 * - What is kept: a public GET page (`config.access === 'public'`) answered 200 with HTML to someone not
 *   signed in, and holding no form token — so nothing personal is ever stored. Pages people open are
 *   kept as they are served; the home page, the job search and the newest postings are also rendered
 *   every few minutes (`warm`), so the cache is there before anyone needs it.
 * - Where: in memory and in one file per page under `dir` (written atomically), so a process that starts
 *   during an outage serves what an earlier process rendered. Bounded by `maxEntries` (oldest go first).
 * - How it is served: only while the database is down (or a read failed with DatabaseUnavailableError),
 *   with a notice saying when the page was saved, the current incident banner, and this request's CSP
 *   nonce in place of the one it was rendered with.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DatabaseUnavailableError } from '../db/failover.ts';
import { alert } from './components.ts';
import { type Html, html } from './html.ts';
import { BANNER_END, BANNER_START } from './layout.ts';
import { type Lang, langOf } from './page.ts';

interface Entry {
  url: string;
  /** When it was rendered (ms). */
  at: number;
  /** The CSP nonce it was rendered with. */
  nonce: string;
  body: string;
}

/** Paths never kept: they have their own outage answer (/status), or are not pages. */
const NOT_KEPT = /^\/(status|api|metrics|healthz|readyz|receipts|centre|admin|identity|login|logout)\b/;

export class PageCache {
  readonly #dir: string;
  readonly #maxEntries: number;
  readonly #memory = new Map<string, Entry>();
  /** Keys on disk, oldest first (loaded at open). */
  readonly #onDisk = new Map<string, number>();
  #writing = Promise.resolve();
  #pending = 0;

  constructor(options: { dir: string; maxEntries?: number }) {
    this.#dir = options.dir;
    this.#maxEntries = options.maxEntries ?? 2_000;
  }

  static key(url: string): string {
    return createHash('sha256').update(url).digest('hex').slice(0, 32);
  }

  async open(): Promise<void> {
    await fs.mkdir(this.#dir, { recursive: true });
    const files = (await fs.readdir(this.#dir)).filter((f) => f.endsWith('.json'));
    const stats = await Promise.all(
      files.map(async (f) => ({ key: f.slice(0, -5), mtime: (await fs.stat(path.join(this.#dir, f))).mtimeMs })),
    );
    for (const s of stats.sort((a, b) => a.mtime - b.mtime)) this.#onDisk.set(s.key, s.mtime);
  }

  get size(): number {
    return this.#onDisk.size;
  }

  /** Keeps a rendered page (memory now, disk in the background, one write at a time). */
  put(url: string, body: string, nonce: string, at: number): void {
    const key = PageCache.key(url);
    // A page served again and again is saved once a minute; under a burst the disk is not queued up.
    const held = this.#memory.get(key);
    if ((held && at - held.at < 60_000) || this.#pending >= 64) return;
    const entry: Entry = { url, at, nonce, body };
    this.#memory.delete(key);
    this.#memory.set(key, entry);
    if (this.#memory.size > Math.min(this.#maxEntries, 500)) {
      const oldest = this.#memory.keys().next().value;
      if (oldest !== undefined) this.#memory.delete(oldest);
    }
    this.#onDisk.delete(key);
    this.#onDisk.set(key, at);
    this.#pending++;
    this.#writing = this.#writing
      .then(() => this.#write(key, entry))
      .catch(() => {})
      .finally(() => {
        this.#pending--;
      });
  }

  async #write(key: string, entry: Entry): Promise<void> {
    const file = path.join(this.#dir, `${key}.json`);
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(entry));
    await fs.rename(tmp, file);
    while (this.#onDisk.size > this.#maxEntries) {
      const oldest = this.#onDisk.keys().next().value;
      if (oldest === undefined) break;
      this.#onDisk.delete(oldest);
      this.#memory.delete(oldest);
      await fs.rm(path.join(this.#dir, `${oldest}.json`), { force: true });
    }
  }

  async get(url: string): Promise<Entry | undefined> {
    const key = PageCache.key(url);
    const hit = this.#memory.get(key);
    if (hit) return hit;
    if (!this.#onDisk.has(key)) return undefined;
    try {
      const entry = JSON.parse(await fs.readFile(path.join(this.#dir, `${key}.json`), 'utf8')) as Entry;
      return entry.url === url ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  /** Waits for the disk writes queued so far (tests, shutdown). */
  flush(): Promise<void> {
    return this.#writing;
  }
}

function seoulTime(ms: number): string {
  return new Date(ms).toLocaleString('ko-KR', {
    timeZone: 'Asia/Seoul',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}

export function staleNotice(savedAt: number, lang: Lang): Html {
  return lang === 'en'
    ? alert({
        variant: 'warning',
        role: 'status',
        lang: 'en',
        title: `No database answers right now: this page is as it was at ${new Date(savedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
        body: 'It may be out of date. 실업인정 신청 and job applications are still taken and processed, as of when you sent them, once the database is back.',
      })
    : alert({
        variant: 'warning',
        role: 'status',
        title: `지금은 데이터베이스에 연결할 수 없어 ${seoulTime(savedAt)}에 저장해 둔 화면을 보여 드립니다.`,
        body: '최신 정보와 다를 수 있습니다. 실업인정 신청과 입사 지원은 계속 접수되며, 복구되면 보내신 시각 기준으로 처리됩니다.',
      });
}

/** A cached page for this request, with this request's nonce and the banners of now. */
export function stalePage(entry: Entry, nonce: string | undefined, banners: Html): string {
  let body = entry.body;
  if (nonce && entry.nonce) body = body.split(`nonce="${entry.nonce}"`).join(`nonce="${nonce}"`);
  const start = body.indexOf(BANNER_START);
  const end = body.indexOf(BANNER_END);
  if (start < 0 || end < start) return body;
  return `${body.slice(0, start + BANNER_START.length)}<div class="ilteo-banner">${banners.toString()}</div>${body.slice(end)}`;
}

export interface PageCacheDeps {
  cache: PageCache;
  /** True while this process knows no database takes reads or writes. */
  databaseDown: () => boolean;
  now: () => Date;
}

const nonceOf = (reply: FastifyReply) => (reply as FastifyReply & { cspNonce?: { script: string } }).cspNonce?.script;

function cacheable(request: FastifyRequest): boolean {
  return (
    request.method === 'GET' &&
    request.routeOptions.config?.access === 'public' &&
    !NOT_KEPT.test(request.url) &&
    request.headers['x-ilteo-no-cache'] === undefined
  );
}

/** Sends the cached copy of this page if there is one; false when there is none. */
export async function sendCached(deps: PageCacheDeps, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  if (!cacheable(request)) return false;
  const entry = await deps.cache.get(request.url);
  if (!entry) return false;
  const lang = langOf(request);
  const banner = request.server.hasDecorator('statusBanner') ? request.server.statusBanner(lang) : null;
  reply
    .status(200)
    .header('cache-control', 'no-store')
    .header('x-ilteo-served-from', 'cache')
    .type('text/html; charset=utf-8');
  await reply.send(
    stalePage(entry, nonceOf(reply), html`<div class="ilteo-stale">${staleNotice(entry.at, lang)}</div>${banner}`),
  );
  return true;
}

/** Keeps public pages as they are served, and answers from the cache while the database is down. */
export function registerPageCache(app: FastifyInstance, deps: PageCacheDeps): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (
      reply.statusCode === 200 &&
      typeof payload === 'string' &&
      !request.identity?.account &&
      cacheable(request) &&
      reply.getHeader('x-ilteo-served-from') === undefined &&
      /^text\/html/.test(String(reply.getHeader('content-type') ?? '')) &&
      !payload.includes('name="_csrf"')
    ) {
      deps.cache.put(request.url, payload, nonceOf(reply) ?? '', deps.now().getTime());
    }
    return payload;
  });
  app.addHook('preHandler', async (request, reply) => {
    if (!deps.databaseDown() || !cacheable(request)) return undefined;
    if (await sendCached(deps, request, reply)) return reply;
    // Never saved: the outage page now, rather than after the database's retry deadline.
    throw new DatabaseUnavailableError(
      '지금은 데이터베이스에 연결할 수 없고 이 화면은 저장된 사본도 없습니다. 잠시 후 다시 시도해 주세요.',
      'read',
    );
  });
}

/**
 * Renders the pages people are most likely to need in an outage (home, search, the benefits guide,
 * the newest postings), in both languages for the first pages, through the app itself.
 */
export async function warmPageCache(app: FastifyInstance, urls: readonly string[]): Promise<number> {
  let kept = 0;
  for (const url of urls) {
    const r = await app.inject({ method: 'GET', url });
    if (r.statusCode === 200) kept++;
  }
  return kept;
}
