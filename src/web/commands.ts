/**
 * The one write path, on the web side (the mechanism itself is src/db/commands.ts):
 * - every POST/PUT/PATCH/DELETE route declares its command — `config.command = { name, journal? }` — or,
 *   for sign-in and sign-out only, that it is safe to repeat and why (`{ repeatable: reason }`);
 *   registering a route without either fails at start-up, like a route without `config.access`;
 * - such a request carries an idempotency key: the hidden form field `idempotencyKey` (put into every
 *   POST form of every HTML page here, so no form can forget it, and kept when the form comes back
 *   with errors) or, for JSON API writes, the `Idempotency-Key` header; without one it is refused (400);
 * - the handler runs in a write-handler scope (writes outside a command are refused) and applies its
 *   change with `request.command(change)`, which returns the stored outcome for a repeat.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import {
  CommandKeyConflictError,
  type CommandResult,
  type Commands,
  inWriteHandler,
  type Json,
  KNOWN_DOWN_DEADLINE_MS,
} from '../db/commands.ts';
import { UserError } from './errors.ts';
import { IDEMPOTENCY_KEY } from './forms.ts';
import { CSRF_FIELD } from './security.ts';

export const KEY_FIELD = 'idempotencyKey';
export const KEY_HEADER = 'idempotency-key';

export type CommandDeclaration =
  | {
      /** Feature-qualified name, e.g. 'market.saveSearch'. */
      name: string;
      /** May go into the app server's journal during a full outage (src/intake). */
      journal?: boolean;
    }
  | {
      /** Why a repeat of this request is harmless (sign-in, sign-out). */
      repeatable: string;
    };

/** One row of the route table's writes, as registered. */
export interface WriteRoute {
  method: string;
  url: string;
  command: CommandDeclaration;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every state-changing route and its declared command, in registration order. */
    writeRoutes: WriteRoute[];
  }
  interface FastifyContextConfig {
    command?: CommandDeclaration;
  }
  interface FastifyRequest {
    /**
     * Applies `change` as this route's command: one transaction with its audit rows and its stored
     * outcome; a repeat with the same key returns the stored outcome and changes nothing.
     */
    command<T extends Json>(change: () => Promise<T>): Promise<CommandResult<T>>;
    /** Set once this request's command has been applied (forms rendered after it get fresh keys). */
    commandApplied: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const methodsOf = (route: RouteOptions): string[] => (Array.isArray(route.method) ? route.method : [route.method]);

/** Route options for a write: `app.post('/x', writes(SEEKER, 'market.saveSearch'), handler)`. */
export function writes<C extends { config: object }>(
  access: C,
  name: string,
  options: { journal?: boolean } = {},
): C & { config: C['config'] & { command: CommandDeclaration } } {
  return { ...access, config: { ...access.config, command: { name, ...options } } };
}

/** Route options for sign-in and sign-out: safe to repeat, with the reason. */
export function repeatable<C extends { config: object }>(
  access: C,
  reason: string,
): C & { config: C['config'] & { command: CommandDeclaration } } {
  return { ...access, config: { ...access.config, command: { repeatable: reason } } };
}

/** The declared command of this request's route, if it has a name (not a repeatable one). */
export function commandOf(request: FastifyRequest): { name: string; journal: boolean } | undefined {
  const declared = request.routeOptions.config?.command;
  if (!declared || !('name' in declared)) return undefined;
  return { name: declared.name, journal: declared.journal === true };
}

/** The idempotency key this request carries ('' when none or malformed). */
export function keyOf(request: FastifyRequest): string {
  const header = request.headers[KEY_HEADER];
  const fromHeader = typeof header === 'string' ? header : '';
  const body = request.body as Record<string, unknown> | undefined;
  const fromBody = !request.url.startsWith('/api/') && typeof body?.[KEY_FIELD] === 'string' ? body[KEY_FIELD] : '';
  const key = fromHeader || String(fromBody);
  return IDEMPOTENCY_KEY.test(key) ? key : '';
}

/**
 * Who a command belongs to: the signed-in account, else the public. A public route's commands (sign-up,
 * 비밀번호 찾기, reports) are always the public's: the repeat of a sign-up comes from a browser that the
 * first answer signed in, and must find the same stored outcome.
 */
export function actorOf(request: FastifyRequest): string {
  if (request.routeOptions.config?.access === 'public') return 'public';
  const account = request.identity?.account;
  return account ? `account:${account.id}` : 'public';
}

/** The request as its fingerprint sees it: method, path and body, without the key and CSRF token. */
function requestOf(request: FastifyRequest): Json {
  const body = request.body;
  let content: Json = null;
  if (body && typeof body === 'object' && !Buffer.isBuffer(body)) {
    const { [KEY_FIELD]: _key, [CSRF_FIELD]: _csrf, ...rest } = body as Record<string, Json>;
    content = rest;
  } else if (typeof body === 'string') content = body;
  return { method: request.method, url: request.url, body: content };
}

export function registerCommands(
  app: FastifyInstance,
  commands: Commands,
  options: { databaseDown?: () => boolean } = {},
): void {
  const table: WriteRoute[] = [];
  app.decorate('writeRoutes', table);
  app.decorateRequest('commandApplied', false);
  app.decorateRequest('command', async function command<
    T extends Json,
  >(this: FastifyRequest, change: () => Promise<T>) {
    const declared = commandOf(this);
    if (!declared) throw new Error(`route ${this.method} ${this.routeOptions.url} declares no command`);
    const key = keyOf(this);
    if (!key) throw missingKey(this);
    try {
      // With no primary known, a command is answered in seconds (503 with Retry-After: not written),
      // not after the full retry deadline; a journal command never gets here then (journalFirst).
      const result = await commands.run(
        { actor: actorOf(this), key, command: declared.name, request: requestOf(this) },
        change,
        options.databaseDown?.() ? { deadlineMs: KNOWN_DOWN_DEADLINE_MS } : undefined,
      );
      this.commandApplied = true;
      return result;
    } catch (err) {
      if (err instanceof CommandKeyConflictError) throw new UserError(422, 'IDEMPOTENCY_KEY_REUSED', err.message);
      throw err;
    }
  });

  app.addHook('onRoute', (route) => {
    if (!methodsOf(route).some((m) => UNSAFE.has(m)) || route.config?.access === undefined) return;
    const declared = route.config.command;
    if (!declared)
      throw new Error(
        `route ${String(route.method)} ${route.url} changes state but declares no command (config.command)`,
      );
    for (const method of methodsOf(route).filter((m) => UNSAFE.has(m)))
      table.push({ method, url: route.url, command: declared });
    if ('repeatable' in declared) return;
    const handler = route.handler;
    const where = `${String(route.method)} ${route.url}`;
    route.handler = function writeHandler(this: FastifyInstance, request, reply) {
      return inWriteHandler(where, () => handler.call(this, request, reply));
    };
  });

  // After the CSRF check (registered earlier): a write without a key changes nothing.
  app.addHook('preHandler', async (request) => {
    if (!UNSAFE.has(request.method) || !commandOf(request)) return;
    if (!keyOf(request)) throw missingKey(request);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' || !/^text\/html/.test(String(reply.getHeader('content-type') ?? '')))
      return payload;
    return withFormKeys(payload, postedKeyFor(request));
  });
}

function missingKey(request: FastifyRequest): UserError {
  return request.url.startsWith('/api/')
    ? new UserError(
        400,
        'IDEMPOTENCY_KEY_REQUIRED',
        'Idempotency-Key 헤더가 필요합니다(16~100자의 영문, 숫자, -, _). 같은 요청을 다시 보낼 때는 같은 값을 쓰세요.',
      )
    : new UserError(
        400,
        'IDEMPOTENCY_KEY_REQUIRED',
        '요청 확인 값이 없어 처리하지 않았습니다. 화면을 새로고침한 뒤 다시 시도해 주세요. 입력하신 내용은 이전 화면에 남아 있습니다.',
      );
}

/**
 * The key a form re-rendered for this request should keep: the one it was posted with, while that
 * post has not been applied (the form came back with errors). Once applied, forms get fresh keys.
 */
function postedKeyFor(request: FastifyRequest): { action: string; key: string } | undefined {
  if (!UNSAFE.has(request.method) || request.commandApplied) return undefined;
  const key = keyOf(request);
  return key ? { action: request.url.split('?')[0] ?? '', key } : undefined;
}

const POST_METHOD = /\bmethod\s*=\s*"post"/i;
const ACTION = /\baction\s*=\s*"([^"]*)"/i;

/**
 * Puts an idempotency key into every POST form of a page that has none: a fresh one, or the posted
 * one for the form that was posted (same action) and is shown again with errors. Forms are found by
 * `<form` … `</form>` as our own views write them (lower case, not nested); a scan with indexOf, as a
 * lazy regex over a search page's 150 KB filter form costs a millisecond a page.
 */
export function withFormKeys(page: string, posted?: { action: string; key: string }): string {
  let out = '';
  let at = 0;
  for (let start = page.indexOf('<form', at); start >= 0; start = page.indexOf('<form', at)) {
    const tagEnd = page.indexOf('>', start);
    const close = tagEnd < 0 ? -1 : page.indexOf('</form>', tagEnd);
    if (close < 0) break;
    const attrs = page.slice(start + 5, tagEnd);
    out += page.slice(at, start);
    at = close + 7;
    const content = page.slice(tagEnd + 1, close);
    if (!/^\s/.test(attrs) && attrs !== '') out += page.slice(start, at);
    else if (!POST_METHOD.test(attrs) || content.includes(`name="${KEY_FIELD}"`)) out += page.slice(start, at);
    else {
      const action = ACTION.exec(attrs)?.[1]?.split('?')[0];
      const key = posted && action === posted.action ? posted.key : randomUUID();
      out += `<form${attrs}><input type="hidden" name="${KEY_FIELD}" value="${key}">${content}</form>`;
    }
  }
  return at === 0 ? page : out + page.slice(at);
}

/** The common outcomes: a redirect (303), or a status with a JSON body. */
export type ReplyOutcome = { redirect: string } | { status: number; body: Json };

export function sendOutcome(reply: FastifyReply, outcome: ReplyOutcome): FastifyReply {
  if ('redirect' in outcome) return reply.redirect(outcome.redirect, 303);
  return reply.status(outcome.status).send(outcome.body);
}
