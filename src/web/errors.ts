import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CommandOutcomeUnknownError } from '../db/commands.ts';
import { DatabaseUnavailableError } from '../db/failover.ts';
import { type Html, html } from './html.ts';

/** An error whose message is safe and meant for the user (Korean), with an HTTP status. */
export class UserError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly fields?: Record<string, string>;
  constructor(statusCode: number, code: string, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'UserError';
    this.statusCode = statusCode;
    this.code = code;
    if (fields) this.fields = fields;
  }
}

const STATUS_MESSAGES = new Map<number, string>([
  [400, '요청을 처리할 수 없습니다. 입력한 내용을 확인해 주세요.'],
  [404, '요청하신 페이지를 찾을 수 없습니다.'],
  [405, '허용되지 않는 요청 방식입니다.'],
  [408, '요청을 받는 데 시간이 너무 오래 걸려 중단했습니다. 다시 시도해 주세요.'],
  [413, '보낸 내용이 너무 큽니다. 1MB 이하로 줄여 다시 보내 주세요.'],
  [414, '주소가 너무 깁니다. 주소를 확인해 주세요.'],
  [415, '지원하지 않는 형식의 요청입니다.'],
  [429, '요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.'],
  [431, '요청 머리글(쿠키 등)이 너무 큽니다. 이 사이트의 쿠키를 지운 뒤 다시 시도해 주세요.'],
  [500, '일시적인 오류로 요청을 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.'],
  [503, '서비스를 일시적으로 사용할 수 없습니다. 잠시 후 다시 시도해 주세요.'],
]);

export function statusMessage(status: number): string {
  return STATUS_MESSAGES.get(status) ?? STATUS_MESSAGES.get(status >= 500 ? 500 : 400) ?? '';
}

/** The codes programs read (JSON `code`, the ilteo-error-code header) for a status with no own code. */
const STATUS_CODES = new Map<number, string>([
  [400, 'BAD_REQUEST'],
  [404, 'NOT_FOUND'],
  [405, 'METHOD_NOT_ALLOWED'],
  [408, 'REQUEST_TIMEOUT'],
  [413, 'BODY_TOO_LARGE'],
  [414, 'URL_TOO_LONG'],
  [415, 'UNSUPPORTED_MEDIA_TYPE'],
  [429, 'RATE_LIMITED'],
  [431, 'HEADERS_TOO_LARGE'],
]);

/**
 * Fastify's own errors (a body it could not parse, a bad address), in Korean and with codes of ours:
 * its messages are English and some echo the path back.
 */
const FRAMEWORK_ERRORS = new Map<string, { status: number; code: string; message: string }>([
  [
    'FST_ERR_CTP_INVALID_JSON_BODY',
    { status: 400, code: 'BAD_JSON', message: '보낸 JSON의 형식이 올바르지 않습니다.' },
  ],
  ['FST_ERR_CTP_EMPTY_JSON_BODY', { status: 400, code: 'BAD_JSON', message: '보낸 JSON 본문이 비어 있습니다.' }],
  [
    'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    {
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message:
        '지원하지 않는 형식의 요청입니다. 양식(application/x-www-form-urlencoded)이나 JSON(application/json)으로 보내 주세요.',
    },
  ],
  ['FST_ERR_CTP_BODY_TOO_LARGE', { status: 413, code: 'BODY_TOO_LARGE', message: statusMessage(413) }],
  [
    'FST_ERR_CTP_INVALID_CONTENT_LENGTH',
    { status: 400, code: 'BAD_CONTENT_LENGTH', message: '요청 본문의 길이(Content-Length)가 실제 내용과 다릅니다.' },
  ],
  ['FST_ERR_BAD_URL', { status: 400, code: 'BAD_URL', message: '주소가 올바르지 않습니다. 주소를 확인해 주세요.' }],
  ['FST_ERR_MAX_PARAM_LENGTH', { status: 414, code: 'URL_TOO_LONG', message: statusMessage(414) }],
]);

/** Status, code and Korean message for an error that is not ours (a framework's, a plugin's, a bug). */
export function describeError(error: { statusCode?: unknown; code?: unknown }): {
  status: number;
  code: string;
  message: string;
} {
  const known = typeof error.code === 'string' ? FRAMEWORK_ERRORS.get(error.code) : undefined;
  if (known) return known;
  const given = typeof error.statusCode === 'number' ? error.statusCode : 500;
  const status = given >= 400 && given <= 599 ? given : 500;
  return {
    status,
    code: status >= 500 ? 'INTERNAL' : (STATUS_CODES.get(status) ?? 'BAD_REQUEST'),
    message: statusMessage(status),
  };
}

export function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || /application\/json/.test(request.headers.accept ?? '');
}

type Send = (
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string>,
) => FastifyReply;

/** Each app's way of answering an error, for the framework's errors raised before any route (below). */
const responders = new WeakMap<object, Send>();

/** Requests whose path is not repeated on their page (a path the router refused: too long, undecodable). */
const pathNotShown = new WeakSet<object>();

/** The path a page shows for this request (menu state, the language link): '/' when it must not be repeated. */
export function shownPath(request: Pick<FastifyRequest, 'url'>): string {
  return pathNotShown.has(request) ? '/' : (request.url.split('?')[0] ?? '/');
}

export type ErrorPageRenderer = (
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  title: string,
  message: string,
) => Html;

/**
 * One error handler for the whole app: users get a Korean message and the right status, never a
 * stack trace; operators get the error in the log with the request id.
 */
export function registerErrorHandling(
  app: FastifyInstance,
  renderPage: ErrorPageRenderer,
  options: {
    /** A read with no database to answer it: a saved copy of the page, if there is one (true when sent). */
    savedCopy?: (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>;
  } = {},
): void {
  const send: Send = (request, reply, status, code, message, fields) => {
    reply.status(status);
    // The code for programs (the counter's script, load clients) also on HTML answers.
    reply.header('ilteo-error-code', code);
    if (wantsJson(request)) {
      return reply.send({ error: { status, code, message, ...(fields ? { fields } : {}), requestId: request.id } });
    }
    const title =
      status === 404 ? '페이지를 찾을 수 없습니다' : status >= 500 ? '일시적인 오류' : '요청을 처리할 수 없습니다';
    return reply.type('text/html; charset=utf-8').send(renderPage(request, reply, status, title, message).toString());
  };

  app.setErrorHandler(async (error: FastifyError | UserError, request, reply) => {
    if (error instanceof UserError)
      return send(request, reply, error.statusCode, error.code, error.message, error.fields);
    if (error instanceof DatabaseUnavailableError) {
      // No database (primary) within the retry deadline: a saved copy of a public page, else say so,
      // and when to try again.
      request.log.warn({ err: error.cause ?? error, kind: error.kind }, 'database unavailable');
      if (options.savedCopy && (await options.savedCopy(request, reply))) return reply;
      reply.header('retry-after', String(error.retryAfterSeconds));
      // Not written — except when the COMMIT was on the wire at the deadline: then it is not known,
      // and the same request again (same key) is answered once.
      const code = error instanceof CommandOutcomeUnknownError ? 'OUTCOME_UNKNOWN' : 'DATABASE_UNAVAILABLE';
      return send(request, reply, 503, code, error.message);
    }
    if (typeof error.code === 'string' && error.code.startsWith('FST_CSRF_')) {
      request.log.info({ code: error.code }, 'CSRF check failed');
      return send(
        request,
        reply,
        403,
        'CSRF',
        '보안 확인 값이 없거나 만료되었습니다. 이전 페이지로 돌아가 새로 고친 뒤 다시 보내 주세요. 입력하신 내용은 이전 페이지에 남아 있습니다.',
      );
    }
    const { status, code, message } = describeError(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ err: { message: error.message, code: error.code } }, 'bad request');
    return send(request, reply, status, code, message);
  });

  app.setNotFoundHandler((request, reply) => send(request, reply, 404, 'NOT_FOUND', statusMessage(404)));
  responders.set(app, send);
}

/**
 * Fastify's `frameworkErrors`: a path it cannot decode (`/%zz`, FST_ERR_BAD_URL) or a path parameter
 * over the length limit (FST_ERR_MAX_PARAM_LENGTH, 414) is refused before any route or hook — by
 * default in English JSON that repeats the path. Here: the app's own Korean error page or JSON.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const { status, code, message } = describeError(error);
  request.log.info({ code: error.code }, 'request refused by the router');
  reply.header('cache-control', 'no-store');
  reply.header('x-content-type-options', 'nosniff');
  pathNotShown.add(request);
  const send = responders.get(request.server);
  if (send) {
    send(request, reply, status, code, message);
    return;
  }
  reply.status(status).send({ error: { status, code, message, requestId: request.id } });
}

/**
 * A Korean error page with no layout (nothing of the request is known, or it is not ours to render: the
 * HTTP parser's refusals, HAProxy's own answers). The message is one of ours, never the request's.
 */
export function plainErrorPage(status: number, message: string): string {
  const title = status >= 500 ? '일시적인 오류' : '요청을 처리할 수 없습니다';
  return (
    `<!doctype html><html lang='ko'><head><meta charset='utf-8'><title>${title} | 일터</title></head>` +
    `<body><h1>${title}</h1><p>${message}</p><p>오류 코드 ${status}</p><p><a href='/'>홈으로</a> · ` +
    `<a href='/status'>서비스 상태 보기</a></p></body></html>\n`
  );
}

const REASONS = new Map<number, string>([
  [400, 'Bad Request'],
  [408, 'Request Timeout'],
  [431, 'Request Header Fields Too Large'],
]);

/** What `clientErrorHandler` writes for one error of Node's HTTP parser: the raw HTTP response. */
export function clientErrorResponse(error: { code?: string; rawPacket?: unknown }): string {
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const code = STATUS_CODES.get(status) ?? 'BAD_REQUEST';
  const message =
    status === 400
      ? '요청 형식이 올바르지 않아 처리할 수 없습니다. 주소와 쿠키를 확인해 주세요.'
      : statusMessage(status);
  // The request was never parsed: only its first bytes say whether a program asked the API.
  const first = Buffer.isBuffer(error.rawPacket) ? error.rawPacket.subarray(0, 32).toString('latin1') : '';
  const api = /^[A-Z]{3,10} \/api\//.test(first);
  const body = api ? JSON.stringify({ error: { status, code, message } }) : plainErrorPage(status, message);
  return [
    `HTTP/1.1 ${status} ${REASONS.get(status) ?? 'Bad Request'}`,
    `Content-Type: ${api ? 'application/json' : 'text/html'}; charset=utf-8`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    `Ilteo-Error-Code: ${code}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses before Fastify sees a request — headers
 * over `maxHeaderSize` (431), a NUL or other forbidden byte in a header or cookie, a malformed request
 * line (400), a request that took too long to arrive (408). By default that answer is English JSON;
 * here it is a small Korean page (or Korean JSON for /api/), and the connection is closed.
 */
export function clientErrorHandler(
  this: FastifyInstance | undefined,
  error: Error & { code?: string; rawPacket?: unknown },
  socket: Duplex,
): void {
  // A connection reset: nobody is there to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  this?.log.debug({ code: error.code }, 'client error');
  if (socket.writable) {
    socket.end(clientErrorResponse(error));
    setTimeout(() => socket.destroy(), 1_000).unref();
  } else socket.destroy();
}

export function errorMain(status: number, title: string, message: string, requestId: string): Html {
  return html`<div class="ilteo-error">
  <h1 class="heading-xlarge">${title}</h1>
  <p class="ilteo-error__message">${message}</p>
  <p class="ilteo-error__meta">오류 코드 ${status} · 요청 번호 <code>${requestId}</code></p>
  <ul class="ilteo-error__links">
    <li><a href="/">홈으로</a></li>
    <li><a href="/jobs">채용정보 검색</a></li>
    <li><a href="/status">서비스 상태 보기</a></li>
  </ul>
</div>`;
}
