/**
 * Pages as last rendered, for when no database node answers (issue 7: "pages that only read keep
 * working … from a cache where no node answers").
 *
 * - What is kept, per scope:
 *   - public: a public GET page (`config.access === 'public'`) answered 200 with HTML to someone not
 *     signed in, holding no form token. Pages people open are kept as they are served; the home page,
 *     the job search and the newest postings are also rendered every few minutes (`warmPageCache`), so
 *     the copies are there before anyone needs them.
 *   - a citizen's own (개인·기업 회원): the signed-in pages they open (my page, their claims, their
 *     applications), kept for them alone and served only to the same account (recognised by the pass
 *     cookie during the outage), for 24 hours. On disk they are sealed with AES-256-GCM under a key
 *     derived from the cookie secret. Staff pages (고용센터, 운영) are never kept.
 *   Pages that answer an outage themselves (`config.ownOutagePage`, e.g. the 실업인정 form) are not kept.
 * - Where: in memory and in one file per page under `dir` (written atomically, at most once a minute per
 *   page), so a process that starts during an outage serves what an earlier process rendered. Bounded
 *   per scope kind (oldest go first).
 * - How it is served: only while no node answers (or a read failed with DatabaseUnavailableError), with
 *   a notice saying when the page was saved, the current incident banner, and this request's CSP nonce
 *   in place of the one it was rendered with. A page never saved gets the outage page at once.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DatabaseUnavailableError } from '../db/failover.ts';
import { formatDateTime } from '../shared/dates.ts';
import { alert } from './components.ts';
import { type Html, html } from './html.ts';
import { BANNER_END, BANNER_START } from './layout.ts';
import { type Lang, langOf, pageLang } from './page.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers an outage itself (no saved copy is kept or served for it). */
    ownOutagePage?: boolean;
  }
}

interface Entry {
  url: string;
  /** 'public', or `a<account id>` for a citizen's own page. */
  scope: string;
  /** When it was rendered (ms). */
  at: number;
  /** The CSP nonce it was rendered with. */
  nonce: string;
  body: string;
}

/** How long a citizen's own page may be shown from its saved copy. */
const PERSONAL_HOURS = 24;

/** On disk: a public page as it is, a citizen's page sealed. */
interface Stored {
  url: string;
  scope: string;
  at: number;
  nonce: string;
  body?: string;
  sealed?: { iv: string; tag: string; data: string };
}

/** Paths never kept: they have their own outage answer (/status), or are not pages. */
const NOT_KEPT = /^\/(status|api|metrics|healthz|readyz|receipts|centre|admin|identity|login|logout)\b/;

export class PageCache {
  readonly #dir: string;
  readonly #max: { public: number; personal: number };
  readonly #key: Buffer | null;
  readonly #memory = new Map<string, Entry>();
  /** Files on disk per kind, oldest first (loaded at open). */
  readonly #onDisk = { public: new Map<string, number>(), personal: new Map<string, number>() };
  #writing = Promise.resolve();
  #pending = 0;

  constructor(options: { dir: string; maxEntries?: number; maxPersonal?: number; secret?: string }) {
    this.#dir = options.dir;
    this.#max = { public: options.maxEntries ?? 2_000, personal: options.maxPersonal ?? 5_000 };
    this.#key = options.secret ? Buffer.from(hkdfSync('sha256', options.secret, 'ilteo', 'saved pages', 32)) : null;
  }

  /** The file name of a page: `p-…` public, `a-…` a citizen's own. */
  static key(scope: string, url: string): string {
    const hash = createHash('sha256').update(`${scope} ${url}`).digest('hex').slice(0, 32);
    return `${scope === 'public' ? 'p' : 'a'}-${hash}`;
  }

  async open(): Promise<void> {
    await fs.mkdir(this.#dir, { recursive: true, mode: 0o700 });
    const files = (await fs.readdir(this.#dir)).filter((f) => /^[pa]-[0-9a-f]{32}\.json$/.test(f));
    const stats = await Promise.all(
      files.map(async (f) => ({ key: f.slice(0, -5), mtime: (await fs.stat(path.join(this.#dir, f))).mtimeMs })),
    );
    for (const s of stats.sort((a, b) => a.mtime - b.mtime)) this.#kind(s.key).set(s.key, s.mtime);
  }

  #kind(key: string): Map<string, number> {
    return key.startsWith('p-') ? this.#onDisk.public : this.#onDisk.personal;
  }

  get size(): number {
    return this.#onDisk.public.size + this.#onDisk.personal.size;
  }

  /** Saved pages on disk by kind (operations view, /metrics). */
  counts(): { public: number; personal: number } {
    return { public: this.#onDisk.public.size, personal: this.#onDisk.personal.size };
  }

  /** Keeps a rendered page (memory now, disk in the background, one write at a time). */
  put(scope: string, url: string, body: string, nonce: string, at: number): void {
    const key = PageCache.key(scope, url);
    // A page served again and again is saved once a minute; under a burst the disk is not queued up.
    const held = this.#memory.get(key);
    if ((held && at - held.at < 60_000) || this.#pending >= 64) return;
    if (scope !== 'public' && !this.#key) return;
    const entry: Entry = { url, scope, at, nonce, body };
    this.#memory.delete(key);
    this.#memory.set(key, entry);
    if (this.#memory.size > 500) {
      const oldest = this.#memory.keys().next().value;
      if (oldest !== undefined) this.#memory.delete(oldest);
    }
    const kind = this.#kind(key);
    kind.delete(key);
    kind.set(key, at);
    this.#pending++;
    this.#writing = this.#writing
      .then(() => this.#write(key, entry))
      .catch(() => {})
      .finally(() => {
        this.#pending--;
      });
  }

  #seal(entry: Entry): Stored {
    const { body, ...rest } = entry;
    if (entry.scope === 'public' || !this.#key) return entry;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(`${entry.scope} ${entry.url}`));
    const data = Buffer.concat([cipher.update(body, 'utf8'), cipher.final()]);
    return {
      ...rest,
      sealed: { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') },
    };
  }

  #unseal(stored: Stored): Entry | undefined {
    if (stored.body !== undefined) return { ...stored, body: stored.body };
    if (!stored.sealed || !this.#key) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(stored.sealed.iv, 'base64'));
      decipher.setAAD(Buffer.from(`${stored.scope} ${stored.url}`));
      decipher.setAuthTag(Buffer.from(stored.sealed.tag, 'base64'));
      const body = Buffer.concat([decipher.update(Buffer.from(stored.sealed.data, 'base64')), decipher.final()]);
      const { sealed: _, ...rest } = stored;
      return { ...rest, body: body.toString('utf8') };
    } catch {
      return undefined; // another secret (or a damaged file): as if never saved
    }
  }

  async #write(key: string, entry: Entry): Promise<void> {
    const file = path.join(this.#dir, `${key}.json`);
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(this.#seal(entry)), { mode: 0o600 });
    await fs.rename(tmp, file);
    const kind = this.#kind(key);
    const max = key.startsWith('p-') ? this.#max.public : this.#max.personal;
    while (kind.size > max) {
      const oldest = kind.keys().next().value;
      if (oldest === undefined) break;
      kind.delete(oldest);
      this.#memory.delete(oldest);
      await fs.rm(path.join(this.#dir, `${oldest}.json`), { force: true });
    }
  }

  async get(scope: string, url: string, now: number): Promise<Entry | undefined> {
    const key = PageCache.key(scope, url);
    let entry = this.#memory.get(key);
    if (!entry && this.#kind(key).has(key)) {
      try {
        entry = this.#unseal(JSON.parse(await fs.readFile(path.join(this.#dir, `${key}.json`), 'utf8')) as Stored);
      } catch {
        entry = undefined;
      }
    }
    if (!entry || entry.url !== url || entry.scope !== scope) return undefined;
    if (scope !== 'public' && now - entry.at > PERSONAL_HOURS * 3_600_000) return undefined;
    return entry;
  }

  /** Waits for the disk writes queued so far (tests, shutdown). */
  flush(): Promise<void> {
    return this.#writing;
  }
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
        title: `지금은 데이터베이스에 연결할 수 없어 ${formatDateTime(new Date(savedAt))}에 저장해 둔 화면을 보여 드립니다.`,
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
  /** True while this process knows no database node answers (not even a standby to read from). */
  readsDown: () => boolean;
  now: () => Date;
}

const nonceOf = (reply: FastifyReply) => (reply as FastifyReply & { cspNonce?: { script: string } }).cspNonce?.script;

/** Whose saved copy this request may have: 'public', a citizen's own (`a<id>`), or none (null). */
function scopeOf(request: FastifyRequest): string | null {
  const config = request.routeOptions.config;
  if (request.method !== 'GET' || config?.access === undefined || config.ownOutagePage || NOT_KEPT.test(request.url))
    return null;
  if (config.access === 'public') return 'public';
  const account = request.identity?.account;
  return account && (account.kind === 'seeker' || account.kind === 'employer') ? `a${account.id}` : null;
}

/** Sends the saved copy of this page if there is one; false when there is none. */
export async function sendCached(deps: PageCacheDeps, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  const scope = scopeOf(request);
  if (!scope) return false;
  const entry = await deps.cache.get(scope, request.url, deps.now().getTime());
  if (!entry) return false;
  // The notice in the language asked for; the banner in the page's own (Korean on a Korean-only page).
  const lang = langOf(request);
  const banner = request.server.hasDecorator('statusBanner') ? request.server.statusBanner(pageLang(request)) : null;
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

/** Keeps pages as they are served, and answers from the saved copies while no database node answers. */
export function registerPageCache(app: FastifyInstance, deps: PageCacheDeps): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (
      reply.statusCode !== 200 ||
      typeof payload !== 'string' ||
      reply.getHeader('x-ilteo-served-from') !== undefined ||
      !/^text\/html/.test(String(reply.getHeader('content-type') ?? ''))
    )
      return payload;
    const scope = scopeOf(request);
    // A public page rendered for someone signed in carries their name: only the anonymous one is kept.
    const keep = scope === 'public' ? !request.identity?.account && !payload.includes('name="_csrf"') : scope !== null;
    if (scope && keep) deps.cache.put(scope, request.url, payload, nonceOf(reply) ?? '', deps.now().getTime());
    return payload;
  });
  app.addHook('preHandler', async (request, reply) => {
    if (!deps.readsDown() || !scopeOf(request)) return undefined;
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
