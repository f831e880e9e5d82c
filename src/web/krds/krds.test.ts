import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { checkboxGroup, pageWindow, pagination, select, table, textInput } from '../components.ts';
import { KRDS_VERSION, krdsUrl, PUBLIC_DIR, registerStaticAssets, staticUrl } from './static.ts';

describe('static assets', () => {
  let app: FastifyInstance;
  before(async () => {
    app = Fastify();
    await registerStaticAssets(app);
    await app.ready();
  });
  after(() => app.close());

  const get = (url: string) => app.inject({ method: 'GET', url });

  it('serves the KRDS CSS, versioned and immutable', async () => {
    const res = await get(krdsUrl('css/component/output.css'));
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/css/);
    assert.match(String(res.headers['cache-control']), /max-age=31536000, immutable/);
    assert.ok(krdsUrl('x').startsWith(`/krds/${KRDS_VERSION}/`));
  });

  it('resolves every url() and @import in the KRDS CSS to a served file', async () => {
    const css = (await get(krdsUrl('css/component/output.css'))).body;
    const refs = new Set([...css.matchAll(/url\(([^)'"]+)\)|@import "([^"]+)"/g)].map((m) => (m[1] ?? m[2]) as string));
    assert.ok(refs.size > 50, `expected many icon references, got ${refs.size}`);
    for (const ref of refs) {
      assert.doesNotMatch(ref, /^https?:/, 'no remote URLs');
      const url = new URL(ref, `http://x${krdsUrl('css/component/output.css')}`).pathname;
      assert.equal((await get(url)).statusCode, 200, url);
    }
  });

  it('resolves every url() in our CSS, including the Pretendard GOV fonts', async () => {
    const css = readFileSync(join(PUBLIC_DIR, 'css/ilteo.css'), 'utf8');
    const urls = [...css.matchAll(/url\("([^"]+)"\)/g)].map((m) => m[1] as string);
    assert.ok(urls.some((u) => u.endsWith('PretendardGOV-Regular.subset.woff2')));
    for (const url of urls) {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
      assert.match(String(res.headers['cache-control']), /max-age=31536000/);
    }
  });

  it('serves only the files the pages need', async () => {
    for (const path of [
      'css/component/component.css',
      'css/component/output.css.map',
      'cdn/krds.min.css',
      'js/component/ui-script_bak.js',
      'scss/common/_reset.scss',
      '../package.json',
    ]) {
      assert.equal((await get(krdsUrl(path))).statusCode, 404, path);
    }
    assert.equal((await get('/krds/fonts/PretendardGOV-Regular.subset.woff')).statusCode, 404);
    assert.equal((await get(krdsUrl('js/component/ui-script.js'))).statusCode, 200);
  });

  it('caches our files as immutable only with a content-hash query', async () => {
    const url = staticUrl('css/ilteo.css');
    assert.match(url, /^\/static\/css\/ilteo\.css\?v=[0-9a-f]{10}$/);
    assert.match(String((await get(url)).headers['cache-control']), /immutable/);
    const plain = await get('/static/css/ilteo.css');
    assert.equal(plain.statusCode, 200);
    assert.doesNotMatch(String(plain.headers['cache-control']), /immutable/);
  });
});

describe('components', () => {
  it('windows long page ranges with gaps', () => {
    assert.deepEqual(pageWindow(1, 1), [1]);
    assert.deepEqual(pageWindow(10, 20), [1, null, 8, 9, 10, 11, 12, null, 20]);
    assert.deepEqual(pageWindow(1, 20), [1, 2, 3, 4, 5, null, 20]);
    assert.deepEqual(pageWindow(20, 20), [1, null, 16, 17, 18, 19, 20]);
  });

  it('renders pagination as links, nothing for one page', () => {
    assert.equal(pagination({ page: 1, totalPages: 1, hrefFor: (p) => `?page=${p}` }).toString(), '');
    const out = pagination({ page: 1, totalPages: 3, hrefFor: (p) => `/jobs?q=a&page=${p}` }).toString();
    assert.match(out, /<nav class="krds-pagination" aria-label="페이지 탐색">/);
    assert.match(out, /<span class="page-navi prev disabled" aria-hidden="true">이전<\/span>/);
    assert.match(out, /<a class="page-link active" href="\/jobs\?q=a&amp;page=1" aria-current="page">/);
    assert.match(out, /<a class="page-navi next" href="\/jobs\?q=a&amp;page=2" aria-label="다음 페이지">다음<\/a>/);
  });

  it('associates labels, hints and errors with inputs', () => {
    const input = textInput({ id: 'q', name: 'q', label: '검색어', hint: '도움말', error: '오류' }).toString();
    assert.match(input, /<label for="q">검색어<\/label>/);
    assert.match(input, /aria-invalid="true" aria-describedby="q-error q-hint"/);
    assert.match(input, /<p class="form-hint-invalid" id="q-error">오류<\/p>/);
    const sel = select({
      id: 's',
      name: 's',
      label: '정렬',
      value: 'b',
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
      ],
    });
    assert.match(sel.toString(), /<option value="b" selected>B<\/option>/);
  });

  it('collapses long checkbox groups into a native disclosure with a legend', () => {
    const options = Array.from({ length: 10 }, (_, i) => ({ value: String(i), label: `지역${i}`, checked: i === 2 }));
    const out = checkboxGroup({ name: 'region', legend: '근무지역', options }).toString();
    assert.match(out, /^<details class="ilteo-details" open>/);
    assert.match(out, /<legend>근무지역<\/legend>/);
    assert.match(
      out,
      /<input type="checkbox" name="region" id="region-3" value="2" checked>\s*<label for="region-3">지역2<\/label>/,
    );
    const short = checkboxGroup({ name: 't', legend: '고용형태', options: options.slice(0, 3) }).toString();
    assert.match(
      short,
      /^<fieldset class="fieldset ilteo-fieldset">\s*<legend class="ilteo-legend">고용형태<\/legend>/,
    );
  });

  it('escapes table cells and names the scroll region by the caption', () => {
    const out = table({ caption: '표 "설명"', columns: [{ header: '이름' }], rows: [['<b>x</b>']] }).toString();
    assert.match(out, /role="region" tabindex="0" aria-label="표 &quot;설명&quot;"/);
    assert.match(out, /<td>&lt;b&gt;x&lt;\/b&gt;<\/td>/);
  });
});
