import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { controlCharacterAt } from './input.ts';

describe('controlCharacterAt', () => {
  const cases: { name: string; value: unknown; want: string | null }[] = [
    { name: 'plain text passes', value: '김민준 물류 관리', want: null },
    { name: 'tab, line feed and carriage return are text', value: '첫 줄\r\n둘째\t줄', want: null },
    { name: 'DEL and other non-C0 characters pass', value: '\u007f\u0085\u2028\uFEFF', want: null },
    { name: 'a NUL in a string', value: 'a\u0000b', want: '' },
    { name: 'an ESC', value: '\u001b[31m', want: '' },
    { name: 'a vertical tab', value: '\u000b', want: '' },
    { name: 'a form field', value: { loginId: 'a', title: 'x\u0000' }, want: 'title' },
    { name: 'a field name', value: { 'a\u0001': 'x' }, want: '' },
    { name: 'a repeated field (array)', value: { services: ['jobs', 'x\u0002'] }, want: 'services.1' },
    { name: 'nested JSON', value: { entries: [{ detail: { text: '\u0000' } }] }, want: 'entries.0.detail.text' },
    { name: 'numbers, booleans and null pass', value: { n: 1, b: true, z: null }, want: null },
    { name: 'nothing (no body) passes', value: undefined, want: null },
  ];
  for (const c of cases) it(c.name, () => assert.equal(controlCharacterAt(c.value), c.want));

  it('reaches any depth without exhausting the stack', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    assert.notEqual(controlCharacterAt(deep), null);
  });

  it('looks at own names only (a query object without a prototype, __proto__ as a name)', () => {
    const query = Object.assign(Object.create(null), { q: 'x' });
    assert.equal(controlCharacterAt(query), null);
    assert.equal(controlCharacterAt(JSON.parse('{"__proto__": "\\u0000"}')), '__proto__');
  });
});
