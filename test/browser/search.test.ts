import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/config/index.ts';
import { openDatabase } from '../../src/db/index.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seedPostings } from '../../src/jobs/seed-demo.ts';
import { insertPostings } from '../../src/jobs/store.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { seoulToday } from '../../src/shared/dates.ts';
import { launchBrowser, screenshot, seriousViolations } from '../support/browser.ts';
import { freshDatabaseConfig } from '../support/db.ts';
import { makePosting } from '../support/postings.ts';

describe('a citizen searches for a job in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let remove: () => Promise<void>;
  const consoleErrors: string[] = [];
  const failedRequests: string[] = [];

  before(async () => {
    const fresh = await freshDatabaseConfig('pglite');
    remove = fresh.remove;
    const today = seoulToday();
    const db = await openDatabase(fresh.config);
    await migrate(db);
    await seedPostings(db, { count: 1500, today });
    await insertPostings(db, [
      makePosting({
        wantedAuthNo: 'KBROWSER01',
        title: '물류센터 상하차 주간 근무자 모집',
        company: '(주)브라우저물류',
        busino: '2208154321',
        regionCd: '41461',
        regDt: today,
        closeDt: null,
      }),
    ]);
    await db.close();
    const config = { ...loadConfig({ LOG_LEVEL: 'warn', PORT: '0' }), database: fresh.config };
    server = await startServer(config);
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) failedRequests.push(`${r.status()} ${r.url()}`);
    });
    // A request the browser aborted because the page navigated on (e.g. the favicon) is not a missing asset.
    page.on('requestfailed', (r) => {
      if (r.failure()?.errorText !== 'net::ERR_ABORTED')
        failedRequests.push(`failed ${r.url()} ${r.failure()?.errorText}`);
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await remove?.();
  });

  it('types a keyword on the home page, picks a region, and opens a posting', async () => {
    await page.goto(server.url);
    await assert.doesNotReject(page.getByText('이 누리집은 대한민국 공식 전자정부 누리집입니다.').waitFor());
    await screenshot(page, '01-home');

    await page.getByLabel('어떤 일을 찾으세요?').fill('물류');
    await page.getByRole('button', { name: '채용정보 검색' }).click();
    await page.waitForURL(/\/jobs\?/);
    assert.match(((await page.locator('#results-heading').textContent()) ?? '').trim(), /검색결과/);
    assert.ok((await page.locator('.ilteo-result').count()) > 0, 'results for 물류');

    await page.locator('#region > summary').click();
    await page.locator('#region details', { hasText: '경기' }).first().locator('summary').click();
    await page.locator('label[for="region-41000"]').click();
    assert.ok(await page.locator('#region-41000').isChecked());
    await page.getByRole('button', { name: '조건으로 검색' }).click();
    await page.waitForURL(/region=41000/);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('q'), '물류');
    assert.equal(url.searchParams.get('region'), '41000');
    const first = page.locator('.ilteo-result').first();
    assert.match(((await first.textContent()) ?? '').trim(), /경기/);
    assert.ok((await page.locator('.ilteo-result mark').count()) > 0, 'matches are highlighted');
    await screenshot(page, '02-results-물류-경기');

    const title = ((await first.locator('.ilteo-result__title a').textContent()) ?? '').trim();
    await first.locator('.ilteo-result__title a').click();
    await page.waitForURL(/\/jobs\/K/);
    assert.equal(((await page.locator('h1').textContent()) ?? '').trim(), title);
    assert.ok(await page.getByRole('heading', { name: '직무내용' }).isVisible());
    await screenshot(page, '03-detail');

    await page.getByRole('link', { name: '검색 결과로 돌아가기' }).click();
    await page.waitForURL(/region=41000/);
  });

  it('a bookmarked search URL shows the same results', async () => {
    await page.goto(`${server.url}/jobs?q=${encodeURIComponent('ㅁㄹㅅㅌ')}`);
    assert.ok((await page.locator('.ilteo-result').count()) > 0, '초성 search finds 물류센터');
    assert.equal(await page.getByLabel('검색어', { exact: true }).inputValue(), 'ㅁㄹㅅㅌ');
  });

  it('suggests words while typing, by keyboard, and corrects a typo', async () => {
    await page.goto(`${server.url}/jobs`);
    const box = page.getByRole('combobox', { name: '검색어' });
    assert.equal(await box.getAttribute('aria-expanded'), 'false');
    await box.pressSequentially('요야', { delay: 40 });
    const options = page.locator('#q-suggestions [role="option"]');
    await options.first().waitFor();
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    assert.equal(await box.inputValue(), '요야', 'nothing is chosen before the user moves to it');
    assert.ok(
      (await options.allTextContents()).some((t) => t.startsWith('요양보호사')),
      'a half-typed syllable finds 요양보호사',
    );
    assert.match((await page.locator('#q-suggestions + [role="status"]').textContent()) ?? '', /추천 검색어 \d+개/);
    await screenshot(page, '05-suggestions');
    const axe = consoleErrors.length;
    assert.deepEqual(await seriousViolations(page), [], 'the open list passes axe');
    consoleErrors.splice(axe);
    await page.keyboard.press('ArrowDown');
    const chosen = await box.inputValue();
    assert.equal(await box.getAttribute('aria-activedescendant'), 'q-suggestion-0');
    assert.equal(await options.first().getAttribute('aria-selected'), 'true');
    await page.keyboard.press('Escape');
    assert.equal(await box.inputValue(), '요야', 'Esc puts back what was typed');
    assert.equal(await box.getAttribute('aria-expanded'), 'false');
    await box.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/jobs\?/);
    assert.equal(new URL(page.url()).searchParams.get('q'), chosen);

    await page.goto(`${server.url}/jobs?q=${encodeURIComponent('요양보효사')}`);
    const hint = page.locator('.ilteo-did-you-mean');
    assert.match((await hint.textContent()) ?? '', /혹시 ‘요양보호사’를 찾으셨나요\?/);
    await hint.getByRole('link').click();
    await page.waitForURL(/\/jobs\?/);
    assert.equal(new URL(page.url()).searchParams.get('q'), '요양보호사');
    assert.ok((await page.locator('.ilteo-result').count()) > 0);
  });

  it('pages have no serious or critical accessibility violations (axe-core)', async () => {
    // axe-core injects its own <style>, which our CSP (rightly) blocks: those messages are not the site's.
    const before = consoleErrors.length;
    try {
      for (const path of [
        '/',
        `/jobs?q=${encodeURIComponent('물류')}&region=41000`,
        '/jobs/KBROWSER01',
        '/jobs?region=99999',
        `/jobs?q=${encodeURIComponent('경리')}&region=11000&career=N`,
      ]) {
        await page.goto(`${server.url}${path}`);
        const violations = await seriousViolations(page);
        assert.deepEqual(violations, [], `${path}: ${JSON.stringify(violations, null, 1)}`);
      }
    } finally {
      consoleErrors.splice(before);
    }
  });

  it('works on a phone-sized screen', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/jobs?q=${encodeURIComponent('물류')}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no horizontal scroll (overflow ${overflow}px)`);
    await screenshot(page, '04-results-mobile');
  });

  it('loaded every asset and logged no script errors', () => {
    assert.deepEqual(
      failedRequests.filter((r) => !r.includes('/jobs?region=99999')),
      [],
    );
    assert.deepEqual(
      consoleErrors.filter((e) => !/status of 400/.test(e)),
      [],
    );
  });
});
