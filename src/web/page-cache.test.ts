import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { html } from './html.ts';
import { BANNER_END, BANNER_START } from './layout.ts';
import { PageCache, stalePage } from './page-cache.ts';

describe('stalePage', () => {
  const entry = {
    url: '/jobs',
    scope: 'public',
    at: 0,
    nonce: 'old1',
    body: `<head><script nonce="old1"></script></head><body>${BANNER_START}<div class="ilteo-banner">그때의 배너</div>${BANNER_END}<main>본문</main><script nonce="old1"></script></body>`,
  };
  const cases = [
    {
      name: 'puts this response nonce on every script',
      nonce: 'new2',
      want: /nonce="new2"[\s\S]*nonce="new2"/,
      not: /old1/,
    },
    { name: 'replaces the banner of then with the banners of now', nonce: 'n', want: /지금 배너/, not: /그때의 배너/ },
    { name: 'keeps the page itself', nonce: 'n', want: /<main>본문<\/main>/, not: /^$/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const out = stalePage(entry, c.nonce, html`<p>지금 배너</p>`);
      assert.match(out, c.want);
      assert.doesNotMatch(out, c.not);
    });
  }
  it('leaves a page without the banner slot as it was (but for the nonce)', () => {
    assert.equal(stalePage({ ...entry, body: '<p nonce="old1">x</p>' }, 'z', html`b`), '<p nonce="z">x</p>');
  });
});

describe('PageCache', () => {
  it('keeps pages on disk for the next process, at most maxEntries (oldest go first)', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ilteo-pages-'));
    try {
      const cache = new PageCache({ dir, maxEntries: 2 });
      await cache.open();
      cache.put('public', '/a', 'A', 'n', 1_000);
      cache.put('public', '/b', 'B', 'n', 2_000);
      cache.put('public', '/c', 'C', 'n', 3_000);
      await cache.flush();
      const next = new PageCache({ dir, maxEntries: 2 });
      await next.open();
      assert.equal(next.size, 2);
      assert.equal(await next.get('public', '/a', 0), undefined);
      assert.equal((await next.get('public', '/c', 0))?.body, 'C');
      assert.equal((await next.get('public', '/b', 0))?.at, 2_000);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
  it('saves a page served again within a minute once', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ilteo-pages-'));
    try {
      const cache = new PageCache({ dir });
      await cache.open();
      cache.put('public', '/jobs', 'first', 'n', 10_000);
      cache.put('public', '/jobs', 'again', 'n', 40_000);
      cache.put('public', '/jobs', 'later', 'n', 80_000);
      await cache.flush();
      assert.equal((await cache.get('public', '/jobs', 80_000))?.body, 'later');
      assert.equal((await fs.readdir(dir)).length, 1);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
  it("keeps a citizen's own page sealed on disk, for that account only, for 24 hours", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ilteo-pages-'));
    try {
      const cache = new PageCache({ dir, secret: 's3cret' });
      await cache.open();
      const at = Date.parse('2026-11-30T00:00:00Z');
      cache.put('a7', '/benefits/claims/3', '<p>김민준 님의 2차 실업인정일</p>', 'n', at);
      await cache.flush();
      const [file] = await fs.readdir(dir);
      assert.match(file ?? '', /^a-/);
      const onDisk = await fs.readFile(path.join(dir, file ?? ''), 'utf8');
      assert.doesNotMatch(onDisk, /김민준|실업인정/, 'sealed');
      const next = new PageCache({ dir, secret: 's3cret' });
      await next.open();
      const cases = [
        { scope: 'a7', now: at + 3_600_000, want: '<p>김민준 님의 2차 실업인정일</p>' },
        { scope: 'a8', now: at + 3_600_000, want: undefined },
        { scope: 'public', now: at + 3_600_000, want: undefined },
        { scope: 'a7', now: at + 25 * 3_600_000, want: undefined },
      ];
      for (const c of cases)
        assert.equal((await next.get(c.scope, '/benefits/claims/3', c.now))?.body, c.want, JSON.stringify(c));
      const otherSecret = new PageCache({ dir, secret: 'another' });
      await otherSecret.open();
      assert.equal(await otherSecret.get('a7', '/benefits/claims/3', at), undefined);
      const noSecret = new PageCache({ dir: path.join(dir, 'no-secret') });
      await noSecret.open();
      noSecret.put('a7', '/my', 'x', 'n', at);
      assert.equal(await noSecret.get('a7', '/my', at), undefined, 'without a secret nothing personal is kept');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
