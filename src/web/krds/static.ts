/**
 * Static assets: the KRDS (Korea Design System) resources shipped in the `krds-uiux` package, served
 * under `/krds/`, and our own files in `public/`, served under `/static/`.
 *
 * - KRDS CSS, icons and script are served under a versioned prefix (`/krds/<version>/…`) and are
 *   `immutable`: a package upgrade changes every URL. The split CSS (`css/component/output.css`,
 *   which `@import`s `css/token/krds_tokens.css`) is used rather than the CDN bundle, because the
 *   bundle points ~350 icon URLs at krds.go.kr; the split file points at `../../img/component/icon/`,
 *   i.e. files served here. (`css/component/component.css` is NOT usable: its icon URLs point at a
 *   non-existent `img/img/` directory.)
 * - The Pretendard GOV fonts and the KRDS icons are also served unversioned (`/krds/fonts/…`,
 *   `/krds/img/component/icon/…`) with a long, but not immutable, cache lifetime, because our
 *   `public/css/ilteo.css` refers to them by fixed URLs.
 * - Files in `public/` are linked with `?v=<content hash>` (see {@link staticUrl}); such requests are
 *   cached as immutable, any other request briefly.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const KRDS_PACKAGE_JSON = fileURLToPath(import.meta.resolve('krds-uiux/package.json'));
/** `node_modules/krds-uiux/resources`, wherever the package manager put it. */
const KRDS_RESOURCES = join(dirname(KRDS_PACKAGE_JSON), 'resources');
/** Version of the installed krds-uiux package, part of every versioned KRDS URL. */
export const KRDS_VERSION: string = (JSON.parse(readFileSync(KRDS_PACKAGE_JSON, 'utf8')) as { version: string })
  .version;

/** Our own static files (`/work/main/public`), relative to this module: src/web/krds → ../../../public. */
export const PUBLIC_DIR = fileURLToPath(new URL('../../../public/', import.meta.url));

const KRDS_PREFIX = `/krds/${KRDS_VERSION}/`;
const UNVERSIONED_PREFIX = '/krds/';
const STATIC_PREFIX = '/static/';
/** Every URL prefix served from files (public, no session: see src/identity/access.ts). */
export const STATIC_ROUTE_PREFIXES = ['/krds/', STATIC_PREFIX] as const;

const ONE_YEAR = 31_536_000;
const IMMUTABLE = `public, max-age=${ONE_YEAR}, immutable`;
const LONG = `public, max-age=${ONE_YEAR}`;
const SHORT = 'public, max-age=300';

/**
 * The KRDS files our pages need, relative to `resources/`. Everything else in the package
 * (SCSS, source maps, the CDN bundle with its remote URLs, swiper, `ui-script_bak.js`) is not served.
 */
const KRDS_ALLOWED: readonly RegExp[] = [
  /^\/css\/component\/output\.css$/,
  /^\/css\/token\/krds_tokens\.css$/,
  /^\/img\/component\/icon\/[a-z0-9_]+\.svg$/,
  /^\/js\/component\/ui-script\.js$/,
];
/** Served without the version (referenced from ilteo.css). */
const UNVERSIONED_ALLOWED: readonly RegExp[] = [
  /^\/fonts\/PretendardGOV-(Regular|Medium|Bold)\.subset\.woff2$/,
  /^\/img\/component\/icon\/[a-z0-9_]+\.svg$/,
];

/** URL of a KRDS resource, e.g. `krdsUrl('css/component/output.css')` → `/krds/1.1.0/css/component/output.css`. */
export function krdsUrl(path: string): string {
  return KRDS_PREFIX + path.replace(/^\/+/, '');
}

/** URL of a Pretendard GOV font file, e.g. `fontUrl('PretendardGOV-Regular.subset.woff2')`. */
export function fontUrl(file: string): string {
  return `${UNVERSIONED_PREFIX}fonts/${file}`;
}

const hashes = new Map<string, string>();

/**
 * URL of a file in `public/` with a content-hash query (`/static/css/ilteo.css?v=1a2b3c4d`), so it can be
 * cached as immutable. The hash is computed once per process; a missing file gets no query.
 */
export function staticUrl(path: string): string {
  const clean = path.replace(/^\/+/, '');
  let hash = hashes.get(clean);
  if (hash === undefined) {
    try {
      hash = createHash('sha256')
        .update(readFileSync(join(PUBLIC_DIR, clean)))
        .digest('hex')
        .slice(0, 10);
    } catch {
      hash = '';
    }
    hashes.set(clean, hash);
  }
  return STATIC_PREFIX + clean + (hash ? `?v=${hash}` : '');
}

export async function registerStaticAssets(app: FastifyInstance): Promise<void> {
  // KRDS CSS / icons / script: versioned, immutable.
  await app.register(fastifyStatic, {
    root: KRDS_RESOURCES,
    prefix: KRDS_PREFIX,
    decorateReply: false,
    index: false,
    dotfiles: 'deny',
    cacheControl: false,
    allowedPath: (pathName) => KRDS_ALLOWED.some((re) => re.test(pathName)),
    setHeaders: (reply) => {
      reply.header('cache-control', IMMUTABLE);
      reply.header('x-content-type-options', 'nosniff');
    },
  });

  // Pretendard GOV web fonts (woff2 only: every browser we support reads it) and icons, unversioned.
  await app.register(fastifyStatic, {
    root: KRDS_RESOURCES,
    prefix: UNVERSIONED_PREFIX,
    decorateReply: false,
    index: false,
    dotfiles: 'deny',
    cacheControl: false,
    allowedPath: (pathName) => UNVERSIONED_ALLOWED.some((re) => re.test(pathName)),
    setHeaders: (reply) => {
      reply.header('cache-control', LONG);
      reply.header('x-content-type-options', 'nosniff');
    },
  });

  // Our own CSS and images.
  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: STATIC_PREFIX,
    decorateReply: false,
    index: false,
    dotfiles: 'deny',
    cacheControl: false,
    setHeaders: (reply) => {
      const query = reply.request.query as Record<string, unknown> | undefined;
      reply.header('cache-control', typeof query?.v === 'string' && query.v !== '' ? IMMUTABLE : SHORT);
      reply.header('x-content-type-options', 'nosniff');
    },
  });
}
