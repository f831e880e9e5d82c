import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson } from '../db/commands.ts';
import { KEY_FIELD, withFormKeys } from './commands.ts';

const KEY = /name="idempotencyKey" value="([0-9a-f-]{36})"/g;
const keysOf = (page: string) => [...page.matchAll(KEY)].map((m) => m[1]);

describe('withFormKeys', () => {
  const cases: { name: string; page: string; posted?: { action: string; key: string }; keys: number; same?: string }[] =
    [
      { name: 'gives a POST form a key', page: '<form method="post" action="/a"><input name="x"></form>', keys: 1 },
      {
        name: 'gives each POST form its own key',
        page: '<form method="post" action="/a"></form><p>…</p><form method="post" action="/b"></form>',
        keys: 2,
      },
      { name: 'leaves GET forms alone', page: '<form method="get" action="/jobs"><input name="q"></form>', keys: 0 },
      { name: 'leaves a page without forms alone', page: '<main><p>안내</p></main>', keys: 0 },
      {
        name: 'keeps the key a form already carries',
        page: `<form method="post" action="/a"><input type="hidden" name="${KEY_FIELD}" value="kept-key-1234567890"></form>`,
        keys: 0,
      },
      {
        name: 'keeps the posted key for the form shown again with errors',
        page: '<form method="post" action="/my/saved-searches" class="x"><input name="name"></form>',
        posted: { action: '/my/saved-searches', key: '0b9a5c1e-7d2f-4f6a-9d57-1f0c2b3a4d5e' },
        keys: 1,
        same: '0b9a5c1e-7d2f-4f6a-9d57-1f0c2b3a4d5e',
      },
      {
        name: 'gives other forms on that page fresh keys',
        page: '<form method="post" action="/logout"></form>',
        posted: { action: '/my/saved-searches', key: '0b9a5c1e-7d2f-4f6a-9d57-1f0c2b3a4d5e' },
        keys: 1,
      },
    ];
  for (const c of cases) {
    it(c.name, () => {
      const out = withFormKeys(c.page, c.posted);
      const keys = keysOf(out);
      assert.equal(keys.length, c.keys);
      assert.equal(new Set(keys).size, keys.length, 'keys are unique');
      if (c.same) assert.deepEqual(keys, [c.same]);
      else if (c.posted) assert.ok(!keys.includes(c.posted.key));
      assert.equal(out.replace(KEY, '').replace(/<input type="hidden" >/g, ''), c.page.replace(KEY, ''));
    });
  }
  it('puts the key inside the form, right after its opening tag', () => {
    const out = withFormKeys('<form method="post" action="/a"><button>보내기</button></form>');
    assert.match(
      out,
      /^<form method="post" action="\/a"><input type="hidden" name="idempotencyKey" value="[^"]+"><button>/,
    );
  });
});

describe('canonicalJson', () => {
  const cases: { name: string; a: unknown; b: unknown; equal: boolean }[] = [
    { name: 'ignores the order of keys', a: { x: 1, y: [1, 2] }, b: { y: [1, 2], x: 1 }, equal: true },
    { name: 'keeps the order of arrays', a: [1, 2], b: [2, 1], equal: false },
    { name: 'sees nested differences', a: { body: { q: '물류' } }, b: { body: { q: '물류 ' } }, equal: false },
    { name: 'drops undefined members', a: { x: 1, y: undefined }, b: { x: 1 }, equal: true },
    { name: 'tells null from absent', a: { x: null }, b: {}, equal: false },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(canonicalJson(c.a) === canonicalJson(c.b), c.equal));
  }
});
