import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mayReadDetails, rateLimitKey, safeLocalPath } from './security.ts';

describe('rateLimitKey', () => {
  const cases: { name: string; ip: string | undefined; want: string }[] = [
    { name: 'an IPv4 address as it is', ip: '203.0.113.7', want: '203.0.113.7' },
    { name: 'an IPv4-mapped IPv6 address as IPv4', ip: '::ffff:203.0.113.7', want: '203.0.113.7' },
    { name: 'an IPv6 address grouped by its /64', ip: '2001:db8:0:12ff:1:2:3:4', want: '2001:db8:0:12ff::' },
    { name: 'a request whose socket is gone (no address) without throwing', ip: undefined, want: 'no-address' },
    { name: 'an empty address like a missing one', ip: '', want: 'no-address' },
  ];
  for (const c of cases) it(c.name, () => assert.equal(rateLimitKey({ ip: c.ip as string }), c.want));
});

describe('safeLocalPath', () => {
  const FALLBACK = '/fallback';
  const cases: { name: string; value: unknown; want: string }[] = [
    { name: 'a path of ours as it is', value: '/my/resumes', want: '/my/resumes' },
    { name: 'a query and a fragment kept', value: '/jobs?q=a&page=2#r', want: '/jobs?q=a&page=2#r' },
    {
      name: 'non-ASCII percent-encoded (fit for a Location header)',
      value: '/jobs?q=개발',
      want: '/jobs?q=%EA%B0%9C%EB%B0%9C',
    },
    { name: 'a space encoded', value: '/a b', want: '/a%20b' },
    { name: 'dot segments resolved', value: '/a/../my', want: '/my' },
    {
      name: 'a percent-encoded tab stays encoded (same origin)',
      value: '/%09/evil.example',
      want: '/%09/evil.example',
    },
    { name: 'an encoded slash stays encoded (same origin)', value: '/%2F/evil.example', want: '/%2F/evil.example' },
    { name: 'a tab (a browser drops it: //evil.example)', value: '/\t/evil.example', want: FALLBACK },
    { name: 'a line feed', value: '/\n/evil.example', want: FALLBACK },
    { name: 'a carriage return', value: '/\r/evil.example', want: FALLBACK },
    { name: 'a NUL', value: '/\u0000/evil.example', want: FALLBACK },
    { name: 'DEL', value: '/\u007f', want: FALLBACK },
    { name: 'a backslash (read as a slash)', value: '/\\evil.example', want: FALLBACK },
    { name: 'two backslashes', value: '\\\\evil.example', want: FALLBACK },
    { name: 'a protocol-relative address', value: '//evil.example', want: FALLBACK },
    { name: 'three slashes', value: '///evil.example', want: FALLBACK },
    { name: 'dot segments that resolve to //', value: '/..//evil.example', want: FALLBACK },
    { name: 'a dot segment that resolves to //', value: '/.//evil.example', want: FALLBACK },
    { name: 'an absolute URL', value: 'https://evil.example/', want: FALLBACK },
    { name: 'a scheme', value: 'javascript:alert(1)', want: FALLBACK },
    { name: 'a relative path', value: 'my', want: FALLBACK },
    { name: 'a leading space', value: ' /my', want: FALLBACK },
    { name: 'empty', value: '', want: FALLBACK },
    { name: 'not a string', value: ['/my'], want: FALLBACK },
    { name: 'undefined', value: undefined, want: FALLBACK },
    { name: 'too long', value: `/${'a'.repeat(2100)}`, want: FALLBACK },
  ];
  for (const c of cases) it(c.name, () => assert.equal(safeLocalPath(c.value, FALLBACK), c.want));

  it('never answers anything a browser would take to another origin', () => {
    for (const c of cases) {
      const path = safeLocalPath(c.value, FALLBACK);
      // As a browser reads a Location: tabs and newlines removed, backslashes as slashes.
      const read = path.replace(/[\t\n\r]/g, '').replaceAll('\\', '/');
      assert.equal(new URL(read, 'https://ilteo.example').origin, 'https://ilteo.example', JSON.stringify(c.value));
    }
  });
});

describe('mayReadDetails', () => {
  const TOKEN = 'a-metrics-token-of-at-least-32-characters';
  const request = (authorization?: string, kind?: string) => ({
    headers: authorization === undefined ? {} : { authorization },
    identity: kind ? { account: { kind } } : null,
  });
  it('lets an operator signed in read them, with or without a token configured', () => {
    assert.equal(mayReadDetails(request(undefined, 'operator'), null), true);
    assert.equal(mayReadDetails(request(undefined, 'operator'), TOKEN), true);
  });
  it('lets a program with the token read them', () => {
    assert.equal(mayReadDetails(request(`Bearer ${TOKEN}`), TOKEN), true);
    assert.equal(mayReadDetails(request(`bearer ${TOKEN}`), TOKEN), true);
  });
  it('refuses anyone else', () => {
    assert.equal(mayReadDetails(request(), TOKEN), false);
    assert.equal(mayReadDetails(request(undefined, 'seeker'), TOKEN), false);
    assert.equal(mayReadDetails(request(undefined, 'counsellor'), TOKEN), false);
    assert.equal(mayReadDetails(request(`Bearer ${TOKEN}x`), TOKEN), false);
    assert.equal(mayReadDetails(request(`Bearer ${TOKEN.slice(1)}`), TOKEN), false);
    assert.equal(mayReadDetails(request(TOKEN), TOKEN), false);
    assert.equal(mayReadDetails(request('Bearer '), TOKEN), false);
    // No token configured: no bearer token opens them, not even an empty one.
    assert.equal(mayReadDetails(request('Bearer '), null), false);
    assert.equal(mayReadDetails(request(`Bearer ${TOKEN}`), null), false);
  });
});
