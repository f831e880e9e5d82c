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
      cache.put('/a', 'A', 'n', 1_000);
      cache.put('/b', 'B', 'n', 2_000);
      cache.put('/c', 'C', 'n', 3_000);
      await cache.flush();
      const next = new PageCache({ dir, maxEntries: 2 });
      await next.open();
      assert.equal(next.size, 2);
      assert.equal(await next.get('/a'), undefined);
      assert.equal((await next.get('/c'))?.body, 'C');
      assert.equal((await next.get('/b'))?.at, 2_000);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
  it('saves a page served again within a minute once', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ilteo-pages-'));
    try {
      const cache = new PageCache({ dir });
      await cache.open();
      cache.put('/jobs', 'first', 'n', 10_000);
      cache.put('/jobs', 'again', 'n', 40_000);
      cache.put('/jobs', 'later', 'n', 80_000);
      await cache.flush();
      assert.equal((await cache.get('/jobs'))?.body, 'later');
      assert.equal((await fs.readdir(dir)).length, 1);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
