import type { FastifyReply, FastifyRequest } from 'fastify';
import { shownPath } from './errors.ts';
import { type Html, html } from './html.ts';
import { staticUrl } from './krds/static.ts';
import { isTranslated, layout, type SignedInUser } from './layout.ts';
import { csrfToken } from './security.ts';

const AREAS: Record<string, SignedInUser['area']> = {
  employer: { href: '/employer', ko: '기업 서비스', en: 'Employer services' },
  counsellor: { href: '/centre', ko: '고용센터 업무', en: 'Job centre desk' },
  operator: { href: '/admin', ko: '운영 관리', en: 'Operations' },
};

function userOf(request: FastifyRequest, reply: FastifyReply | undefined): SignedInUser | undefined {
  const account = request.identity?.account;
  if (!account || !reply) return undefined;
  const area = AREAS[account.kind];
  return { name: account.name, csrf: csrfToken(reply), ...(area ? { area } : {}) };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The incident banner for every page (set by the status feature); null when nothing is open. */
    statusBanner: (lang: Lang) => Html | null;
  }
}

export interface PageOptions {
  title: string;
  main: Html;
  breadcrumbs?: { label: string; href?: string }[];
  head?: Html;
}

export type Lang = 'ko' | 'en';

/**
 * The language asked for: `?lang=en` for English; Korean is the default. Only the translated pages
 * (layout's isTranslated: the service status pages) are rendered in it; see renderPage.
 */
export function langOf(request: FastifyRequest): Lang {
  const q = request.query as Record<string, unknown> | undefined;
  return q && q.lang === 'en' ? 'en' : 'ko';
}

/** The language a page is rendered in: English only where the page is translated. */
export function pageLang(request: FastifyRequest): Lang {
  return langOf(request) === 'en' && isTranslated(shownPath(request)) ? 'en' : 'ko';
}

/** On a Korean-only page asked for in English: says so, in English, and where English is. */
const KOREAN_ONLY = html`<p class="ilteo-lang-note" lang="en">This page is in Korean only. The <a href="/status?lang=en" hreflang="en">service status page</a> is in English.</p>`;

/** Renders a full KRDS page for this request (CSP nonce, current path for the menu, language). */
export function renderPage(request: FastifyRequest, options: PageOptions, reply?: FastifyReply): Html {
  const user = userOf(request, reply);
  const lang = pageLang(request);
  const banner = request.server.hasDecorator('statusBanner') ? request.server.statusBanner(lang) : null;
  const nonce = (reply as (FastifyReply & { cspNonce?: { script: string } }) | undefined)?.cspNonce?.script;
  const koreanOnly = lang === 'ko' && langOf(request) === 'en';
  return layout({
    title: options.title,
    lang,
    main: koreanOnly ? html`${KOREAN_ONLY}${options.main}` : options.main,
    currentPath: shownPath(request),
    ...(options.breadcrumbs ? { breadcrumbs: options.breadcrumbs } : {}),
    head: html`<link rel="stylesheet" href="${staticUrl('css/jobs.css')}">${options.head ?? ''}`,
    ...(nonce ? { nonce } : {}),
    ...(banner ? { banner } : {}),
    ...(user ? { user } : {}),
  });
}

/** Sends a rendered page as HTML. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, options: PageOptions): FastifyReply {
  return reply.type('text/html; charset=utf-8').send(renderPage(request, options, reply).toString());
}
