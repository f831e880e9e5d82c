/** The status feeds (RSS, Atom, JSON Feed) of incident updates, from the snapshot. */
import { Feed } from 'feed';
import { escapeHtml } from '../web/html.ts';
import type { Snapshot } from './snapshot.ts';
import { UPDATE_LABELS } from './store.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * An operator's words (an incident's title, an update) as HTML that shows exactly those words: the
 * `feed` package puts titles and bodies into `type="html"` (Atom) and CDATA that readers take as HTML
 * (RSS, JSON Feed's content_html), so `<script>` or `&` must arrive escaped — as text, never markup.
 * Characters XML does not allow are dropped; line breaks stay line breaks.
 */
export function feedText(text: string): string {
  return escapeHtml(text.replace(XML_FORBIDDEN, '')).replace(/\r?\n/g, '<br>');
}

/**
 * The feed of incident updates. `format` 'xml' (Atom, RSS: titles are HTML there) or 'json' (JSON
 * Feed: `title` and `summary` are plain text, `content_html` is HTML).
 */
export function buildFeed(snapshot: Snapshot, base: string, format: 'xml' | 'json' = 'xml'): Feed {
  const feed = new Feed({
    id: `${base}/status`,
    title: '일터 서비스 상태',
    description: '일터(채용정보·실업급여·로그인·고용센터 업무)의 장애와 점검 소식',
    link: `${base}/status`,
    language: 'ko',
    updated: new Date(snapshot.incidents[0]?.updates.at(-1)?.createdAt ?? snapshot.generatedAt),
    feedLinks: { rss: `${base}/status/feed.rss`, atom: `${base}/status/feed.atom`, json: `${base}/status/feed.json` },
    copyright: '일터',
    generator: 'Ilteo',
  });
  const items = snapshot.incidents
    .filter((i) => i.id > 0)
    .flatMap((i) => i.updates.map((u) => ({ i, u })))
    .sort((a, b) => b.u.createdAt.localeCompare(a.u.createdAt) || b.u.id - a.u.id)
    .slice(0, 200);
  const text = format === 'xml' ? feedText : (t: string) => t;
  for (const { i, u } of items) {
    feed.addItem({
      // Stable per update: the same update keeps its ID across snapshots and processes.
      id: `${base}/status/incidents/${i.id}#update-${u.id}`,
      guid: `ilteo-incident-${i.id}-update-${u.id}`,
      title: text(`[${UPDATE_LABELS[u.status].ko}] ${i.title}`),
      link: `${base}/status/incidents/${i.id}`,
      date: new Date(u.createdAt),
      description: text(u.body),
      content: feedText(u.body),
    });
  }
  return feed;
}
