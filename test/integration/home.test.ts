/**
 * The home page's counts per 시도 and per 직종 read as "경기 1,107건": a name, its count and its unit,
 * so one link's count never runs into the next link's name (issue 20, item 10).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SIDO } from '../../src/reference/regions.ts';
import { demoApp, WebClient } from '../support/web.ts';

describe('home page counts', () => {
  let demo: Awaited<ReturnType<typeof demoApp>>;
  before(async () => {
    demo = await demoApp('pglite', () => new Date('2026-12-04T01:00:00Z'));
  });
  after(async () => {
    await demo?.app.close();
    await demo?.t.cleanup();
  });

  it('labels each 시도 and 직종 link with its count and 건', async () => {
    const page = await new WebClient(demo.app).get('/');
    assert.equal(page.statusCode, 200);
    const regionLinks = [
      ...page.body.matchAll(/<a href="\/jobs\?region=\d+">([^<]+) <span class="ilteo-count">([^<]+)<\/span><\/a>/g),
    ];
    assert.equal(regionLinks.length, SIDO.length, 'one link per 시도');
    for (const [, name, count] of regionLinks) assert.match(count ?? '', /^[\d,]+건$/, `${name}: ${count}`);
    const occupationLinks = [
      ...page.body.matchAll(/<a href="\/jobs\?occupation=\d+">[^<]+ <span class="ilteo-count">([^<]+)<\/span>/g),
    ];
    assert.ok(occupationLinks.length > 5);
    for (const [, count] of occupationLinks) assert.match(count ?? '', /^[\d,]+건$/);
  });
});
