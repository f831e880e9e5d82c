/**
 * The journal path of the write path: whether a write goes into the submission journal instead of the
 * database, and the 202 answer when it did. Used by every feature whose routes declare `journal: true`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OFFLINE_METHOD } from '../identity/access.ts';
import { commandOf } from '../web/commands.ts';
import { sendPage } from '../web/page.ts';
import { receivedPage } from './views.ts';

const SAFE = new Set(['GET', 'HEAD']);

/**
 * Whether this write goes into the journal without trying the database: this process knows no primary
 * answers, or the citizen is known only by the pass cookie (sessions cannot be looked up). Only a route
 * that declares `journal: true` (writes(..., { journal: true })) may use the journal: for any other write
 * this is false. A page (GET) asks it to show the form meant for the journal.
 */
export function journalFirst(request: FastifyRequest, databaseDown: (() => boolean) | undefined): boolean {
  if (!SAFE.has(request.method) && commandOf(request)?.journal !== true) return false;
  return databaseDown?.() === true || request.identity?.method === OFFLINE_METHOD;
}

/**
 * Answers a submission taken into the journal: 202 and the 접수되었습니다 page. Only for a route that
 * declares `journal: true`; any other is a programming error.
 */
export function sendReceived(
  request: FastifyRequest,
  reply: FastifyReply,
  page: {
    title?: string;
    breadcrumbs: { label: string; href?: string }[];
    heading: string;
    what: string;
    again: string;
  },
  taken: { receipt: string; at: string },
) {
  if (commandOf(request)?.journal !== true)
    throw new Error(`route ${request.method} ${request.routeOptions.url} does not declare journal: true`);
  reply.status(202);
  const { title, breadcrumbs, ...text } = page;
  return sendPage(request, reply, {
    title: title ?? '접수되었습니다',
    breadcrumbs,
    main: receivedPage({ ...text, ...taken }),
  });
}
