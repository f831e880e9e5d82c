/**
 * What a request may carry as text. A NUL byte (`%00`) cannot be stored in PostgreSQL text at all —
 * the statement fails, and the person got a 500 — and the other C0 control characters have no place
 * in a form field, a search or an address either (in XML feeds they are not even allowed). So they are
 * refused before any handler runs, in the query string, the path parameters and form or JSON bodies
 * (values and names), with one Korean 400. Tab, line feed and carriage return are text (a 자기소개 in
 * a text area has lines) and pass.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UserError } from './errors.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

export const CONTROL_CHARACTER_MESSAGE =
  '입력값에 사용할 수 없는 문자(제어 문자)가 있습니다. 해당 문자를 지운 뒤 다시 보내 주세요.';

/**
 * Where in `value` a control character is (a dotted path of field names, '' for the value itself), or
 * null when there is none. Looks at strings, and at the names and values of arrays and plain objects,
 * however deeply nested (without recursion: a JSON body of nested arrays cannot exhaust the stack).
 */
export function controlCharacterAt(value: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const v = item.value;
    if (typeof v === 'string') {
      if (CONTROL.test(v)) return item.path;
      continue;
    }
    if (v === null || typeof v !== 'object' || Buffer.isBuffer(v)) continue;
    const entries: [string, unknown][] = Array.isArray(v)
      ? v.map((inner, i) => [String(i), inner])
      : Object.keys(v).map((key) => [key, (v as Record<string, unknown>)[key]]);
    for (const [key, inner] of entries) {
      const path = item.path === '' ? key : `${item.path}.${key}`;
      if (CONTROL.test(key)) return item.path;
      stack.push({ value: inner, path });
    }
  }
  return null;
}

/** A field name fit to be echoed back in a JSON error (printable, short). */
const SHOWABLE = /^[A-Za-z0-9_.[\]-]{1,100}$/;

/** preValidation hook: a Korean 400 for a request carrying a control character anywhere it is read. */
export function refuseControlCharacters(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: (err?: Error) => void,
): void {
  for (const source of [request.query, request.params, request.body]) {
    const at = controlCharacterAt(source);
    if (at === null) continue;
    const fields = SHOWABLE.test(at) ? Object.fromEntries([[at, CONTROL_CHARACTER_MESSAGE]]) : undefined;
    request.log.info({ field: SHOWABLE.test(at) ? at : '(unprintable)' }, 'control character refused');
    done(new UserError(400, 'CONTROL_CHARACTER', CONTROL_CHARACTER_MESSAGE, fields));
    return;
  }
  done();
}
