import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { html } from './html.ts';
import { layout } from './layout.ts';

const render = (opts: Partial<Parameters<typeof layout>[0]> = {}) =>
  layout({ title: '채용정보', lang: 'ko', main: html`<h1>채용정보</h1>`, currentPath: '/jobs', ...opts }).toString();

describe('layout', () => {
  it('is a whole Korean document with a viewport and the site name in the title', () => {
    const page = render();
    assert.match(page, /^<!doctype html>\n<html lang="ko">/);
    assert.match(page, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
    assert.match(page, /<title>채용정보 \| 일터<\/title>/);
  });

  it('shows the official-site masthead in Korean, and in English for lang=en', () => {
    assert.match(render(), /<span class="nuri-txt">이 누리집은 대한민국 공식 전자정부 누리집입니다\.<\/span>/);
    const en = render({ lang: 'en' });
    assert.match(en, /<html lang="en">/);
    assert.match(en, /This is an official Republic of Korea government website\./);
    assert.doesNotMatch(en, /공식 전자정부 누리집입니다/);
  });

  it('has a skip link to the main element as the first focusable element', () => {
    const page = render();
    const body = page.slice(page.indexOf('<body>'));
    const firstLink = /<a [^>]*href="([^"]+)"[^>]*>([^<]*)<\/a>/.exec(body);
    assert.equal(firstLink?.[1], '#main');
    assert.equal(firstLink?.[2], '본문 바로가기');
    assert.match(page, /<main id="main"[^>]*>\s*<h1>채용정보<\/h1>\s*<\/main>/);
    assert.match(render({ lang: 'en' }), /<a href="#main">Skip to main content<\/a>/);
  });

  it('renders breadcrumbs after 홈, the last one as the current page', () => {
    const page = render({ breadcrumbs: [{ label: '채용정보', href: '/jobs' }, { label: '공고 상세' }] });
    const nav = /<nav class="krds-breadcrumb-wrap" aria-label="현재 경로"[^>]*>([\s\S]*?)<\/nav>/.exec(page)?.[1] ?? '';
    const items = [...nav.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) => m[1]);
    assert.deepEqual(items, [
      '<a href="/" class="txt">홈</a>',
      '<a href="/jobs" class="txt">채용정보</a>',
      '<span class="txt" aria-current="page">공고 상세</span>',
    ]);
    assert.doesNotMatch(render(), /krds-breadcrumb-wrap/, 'no breadcrumb without items');
  });

  it('escapes the title, breadcrumb labels and hrefs', () => {
    const page = render({
      title: '<script>alert("x")</script> & 공고',
      breadcrumbs: [{ label: '<b>채용</b>', href: '/jobs?a=1&b="2"' }, { label: '<i>상세</i>' }],
    });
    assert.match(page, /<title>&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; 공고 \| 일터<\/title>/);
    assert.doesNotMatch(page, /<script>alert/);
    assert.match(page, /<a href="\/jobs\?a=1&amp;b=&quot;2&quot;" class="txt">&lt;b&gt;채용&lt;\/b&gt;<\/a>/);
    assert.match(page, /&lt;i&gt;상세&lt;\/i&gt;/);
  });

  it('marks the current main-menu item and keeps English links English', () => {
    const page = render({ currentPath: '/jobs/123' });
    assert.match(
      page,
      /<a href="\/jobs" class="gnb-main-trigger is-link active" data-trigger="gnb" aria-current="page">채용정보<\/a>/,
    );
    assert.match(page, /<a href="\/benefits" class="gnb-main-trigger is-link" data-trigger="gnb">실업급여<\/a>/);
    const en = render({ lang: 'en', currentPath: '/status' });
    assert.match(en, /<a href="\/status\?lang=en" class="gnb-main-trigger is-link active"[^>]*>Service status<\/a>/);
    assert.match(en, /<a href="\/status" [^>]*lang="ko"[^>]*>한국어<\/a>/);
    // Korean-only pages are linked as they are, without ?lang=en.
    assert.match(en, /<a href="\/centers" class="gnb-main-trigger is-link"[^>]*>Job centers<\/a>/);
  });

  it('offers English only on the pages that are translated (the status pages)', () => {
    assert.match(render({ currentPath: '/status' }), /<a href="\/status\?lang=en"[^>]*hreflang="en">English<\/a>/);
    assert.match(render({ currentPath: '/status/incidents/3' }), />English<\/a>/);
    for (const currentPath of ['/', '/jobs', '/jobs/K1', '/benefits', '/login', '/signup', '/centers'])
      assert.doesNotMatch(render({ currentPath }), /hreflang="en"|>English</, currentPath);
  });

  it('puts the CSP nonce on the script and the banner under the header', () => {
    const page = render({ nonce: 'abc123', banner: html`<p>점검 안내</p>` });
    assert.match(page, /<script src="\/krds\/[^"]+\/js\/component\/ui-script\.js" defer nonce="abc123"><\/script>/);
    assert.ok(page.indexOf('<div class="ilteo-banner"><p>점검 안내</p></div>') > page.indexOf('</header>'));
    assert.ok(page.indexOf('<div class="ilteo-banner">') < page.indexOf('<main'));
    assert.doesNotMatch(render(), /ilteo-banner|nonce=/);
  });
});
