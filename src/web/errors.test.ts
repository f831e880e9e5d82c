import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientErrorResponse, describeError } from './errors.ts';

const bodyOf = (response: string) => response.slice(response.indexOf('\r\n\r\n') + 4);

describe('clientErrorResponse (what Node refuses before Fastify)', () => {
  it('answers headers over the limit with 431 and a Korean page', () => {
    const r = clientErrorResponse({ code: 'HPE_HEADER_OVERFLOW', rawPacket: Buffer.from('GET /jobs HTTP/1.1\r\n') });
    assert.match(r, /^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    assert.match(r, /\r\nContent-Type: text\/html; charset=utf-8\r\n/);
    assert.match(r, /\r\nConnection: close\r\n/);
    assert.match(bodyOf(r), /<html lang='ko'>/);
    assert.match(bodyOf(r), /쿠키를 지운 뒤 다시 시도해 주세요/);
  });
  it('answers an API request in Korean JSON', () => {
    const r = clientErrorResponse({ code: 'HPE_HEADER_OVERFLOW', rawPacket: Buffer.from('POST /api/v1/x HTTP/1.1') });
    const json = JSON.parse(bodyOf(r));
    assert.equal(json.error.status, 431);
    assert.equal(json.error.code, 'HEADERS_TOO_LARGE');
    assert.match(json.error.message, /[가-힣]/);
  });
  it('answers a malformed request (a NUL in a cookie) with 400, a timeout with 408', () => {
    assert.match(clientErrorResponse({ code: 'HPE_INVALID_HEADER_TOKEN' }), /^HTTP\/1\.1 400 /);
    assert.match(clientErrorResponse({ code: 'ERR_HTTP_REQUEST_TIMEOUT' }), /^HTTP\/1\.1 408 /);
  });
  it('says in Content-Length exactly how long the Korean body is (bytes, not characters)', () => {
    const r = clientErrorResponse({ code: 'HPE_INVALID_METHOD' });
    const length = Number(/\r\nContent-Length: (\d+)\r\n/.exec(r)?.[1]);
    assert.equal(length, Buffer.byteLength(bodyOf(r)));
  });
  it('never repeats what was sent', () => {
    const r = clientErrorResponse({ code: 'HPE_HEADER_OVERFLOW', rawPacket: Buffer.from('GET /<script>x HTTP/1.1') });
    assert.doesNotMatch(r, /script/);
  });
});

describe('describeError (errors that are not ours)', () => {
  const cases: { code?: string; statusCode?: number; want: [number, string] }[] = [
    { code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400, want: [400, 'BAD_JSON'] },
    { code: 'FST_ERR_CTP_EMPTY_JSON_BODY', statusCode: 400, want: [400, 'BAD_JSON'] },
    { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415, want: [415, 'UNSUPPORTED_MEDIA_TYPE'] },
    { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413, want: [413, 'BODY_TOO_LARGE'] },
    { code: 'FST_ERR_BAD_URL', statusCode: 400, want: [400, 'BAD_URL'] },
    { code: 'FST_ERR_MAX_PARAM_LENGTH', want: [414, 'URL_TOO_LONG'] },
    { code: 'FST_ERR_SOMETHING_NEW', statusCode: 400, want: [400, 'BAD_REQUEST'] },
    { code: 'ERR_SOMETHING', statusCode: 404, want: [404, 'NOT_FOUND'] },
    { code: '__proto__', statusCode: 418, want: [418, 'BAD_REQUEST'] },
    { code: 'toString', want: [500, 'INTERNAL'] },
    { statusCode: 302, want: [500, 'INTERNAL'] },
    { want: [500, 'INTERNAL'] },
  ];
  for (const c of cases)
    it(`${c.code ?? 'no code'} ${c.statusCode ?? ''} → ${c.want.join(' ')}, in Korean`, () => {
      const d = describeError(c);
      assert.deepEqual([d.status, d.code], c.want);
      assert.match(d.message, /[가-힣]/);
    });
});
