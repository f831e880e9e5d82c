import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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

const STATUS_MESSAGES: Record<number, string> = {
  400: '요청을 처리할 수 없습니다. 입력한 내용을 확인해 주세요.',
  404: '요청하신 페이지를 찾을 수 없습니다.',
  405: '허용되지 않는 요청 방식입니다.',
  413: '보낸 내용이 너무 큽니다.',
  415: '지원하지 않는 형식의 요청입니다.',
  429: '요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.',
  500: '일시적인 오류로 요청을 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.',
  503: '서비스를 일시적으로 사용할 수 없습니다. 잠시 후 다시 시도해 주세요.',
};

export function statusMessage(status: number): string {
  return STATUS_MESSAGES[status] ?? STATUS_MESSAGES[status >= 500 ? 500 : 400] ?? '';
}

export function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || /application\/json/.test(request.headers.accept ?? '');
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
  const send = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    code: string,
    message: string,
    fields?: Record<string, string>,
  ) => {
    reply.status(status);
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
      return send(request, reply, 503, 'DATABASE_UNAVAILABLE', error.message);
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
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ err: { message: error.message, code: error.code } }, 'bad request');
    return send(
      request,
      reply,
      status,
      error.code ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST'),
      statusMessage(status),
    );
  });

  app.setNotFoundHandler((request, reply) => send(request, reply, 404, 'NOT_FOUND', statusMessage(404)));
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
