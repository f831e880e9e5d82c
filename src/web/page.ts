import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Html, html } from './html.ts';
import { staticUrl } from './krds/static.ts';
import { layout, type SignedInUser } from './layout.ts';
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

/** The page language: `?lang=en` switches the site chrome to English; Korean is the default. */
export function langOf(request: FastifyRequest): Lang {
  const q = request.query as Record<string, unknown> | undefined;
  return q && q.lang === 'en' ? 'en' : 'ko';
}

/** Renders a full KRDS page for this request (CSP nonce, current path for the menu, language). */
export function renderPage(request: FastifyRequest, options: PageOptions, reply?: FastifyReply): Html {
  const user = userOf(request, reply);
  const banner = request.server.hasDecorator('statusBanner') ? request.server.statusBanner(langOf(request)) : null;
  const nonce = (reply as (FastifyReply & { cspNonce?: { script: string } }) | undefined)?.cspNonce?.script;
  return layout({
    title: options.title,
    lang: langOf(request),
    main: options.main,
    currentPath: request.url.split('?')[0] ?? '/',
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
