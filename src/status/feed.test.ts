import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildFeed } from './feed.ts';
import type { Snapshot } from './snapshot.ts';

const TITLE = '<script>alert(1)</script> 로그인 & 인증 ]]> 장애';
const BODY = '원인 <b>조사</b> 중 & 곧 알림\n둘째 줄';

const snapshot = {
  generatedAt: '2026-11-25T01:00:00.000Z',
  services: [],
  components: [],
  maintenance: [],
  incidents: [
    {
      id: 7,
      title: TITLE,
      component: 'manual',
      componentName: { ko: '운영자 등록', en: 'Declared' },
      services: ['login'],
      impact: 'major',
      cause: '',
      automatic: false,
      startedAt: '2026-11-25T00:00:00.000Z',
      resolvedAt: null,
      status: 'investigating',
      updates: [{ id: 3, status: 'investigating', body: BODY, createdAt: '2026-11-25T00:10:00.000Z' }],
      postmortem: null,
    },
  ],
} as unknown as Snapshot;

describe('status feeds carry an operator’s words as text', () => {
  const base = 'https://ilteo.example';
  for (const [name, render] of [
    ['Atom', () => buildFeed(snapshot, base, 'xml').atom1()],
    ['RSS', () => buildFeed(snapshot, base, 'xml').rss2()],
  ] as const) {
    it(`${name}: no markup of the title or the update reaches a reader as HTML`, () => {
      const xml = render();
      assert.doesNotMatch(xml, /<script>/);
      assert.doesNotMatch(xml, /<b>조사/);
      assert.match(xml, /&lt;script&gt;alert\(1\)&lt;\/script&gt; 로그인 &amp; 인증 \]\]&gt; 장애/);
      assert.match(xml, /원인 &lt;b&gt;조사&lt;\/b&gt; 중 &amp; 곧 알림<br>둘째 줄/);
      // The title's "]]>" does not end a CDATA section early.
      const cdata = [...xml.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((m) => m[1] ?? '');
      assert.ok(cdata.some((c) => c.includes('&lt;script&gt;')));
      for (const c of cdata) assert.doesNotMatch(c, /<(?!br>)/);
    });
  }
  it('JSON Feed: the title as plain text, the content as escaped HTML', () => {
    const json = JSON.parse(buildFeed(snapshot, base, 'json').json1());
    const item = json.items[0];
    assert.equal(item.title, `[조사 중] ${TITLE}`);
    assert.equal(item.summary, BODY);
    assert.equal(item.content_html, '원인 &lt;b&gt;조사&lt;/b&gt; 중 &amp; 곧 알림<br>둘째 줄');
  });
  it('drops characters XML does not allow', () => {
    const withControl = structuredClone(snapshot);
    (withControl.incidents[0] as { title: string }).title = 'a\u0001b\u0000c';
    assert.match(buildFeed(withControl, base, 'xml').atom1(), /abc/);
  });
});
