/**
 * The employer's 고용보험 신고 in a real browser, without JavaScript of ours: register the 사업장, file a
 * 취득 신고 (after an error that asks for the 주민등록번호 again), then its 상실 신고 — axe on each page,
 * and screenshots at 390×844.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/config/index.ts';
import { openDatabase } from '../../src/db/index.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createEmployer } from '../../src/identity/accounts.ts';
import { businoCheckDigit } from '../../src/identity/rules.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { launchBrowser, screenshot, seriousViolations } from '../support/browser.ts';
import { freshDatabaseConfig } from '../support/db.ts';

const PASSWORD = 'Ilteo!2026test';
const BUSINO = `123456789${businoCheckDigit('123456789')}`;
const clock = new Date('2026-12-02T01:00:00Z');

describe('고용보험 신고 in the browser: 사업장, 취득, 상실', () => {
  let server: RunningServer;
  let browser: Browser;
  let remove: () => Promise<void>;
  let page: Page;

  before(async () => {
    const fresh = await freshDatabaseConfig('pglite');
    remove = fresh.remove;
    const db = await openDatabase(fresh.config);
    await migrate(db);
    await createEmployer(db, {
      loginId: 'hanbit',
      name: '이채용',
      email: 'hanbit@example.kr',
      password: PASSWORD,
      busino: BUSINO,
      companyName: '(주)한빛물류',
      industry: '일반 창고업',
    });
    await db.close();
    server = await startServer(
      { ...loadConfig({ LOG_LEVEL: 'warn', PORT: '0' }), database: fresh.config },
      { now: () => clock },
    );
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 390, height: 844 } });
    page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.locator('#loginId').fill('hanbit');
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: '로그인', exact: true }).click();
    await page.waitForURL(/\/employer|\/$/);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await remove?.();
  });

  it('registers the 사업장 from the employer’s first page', async () => {
    await page.goto(`${server.url}/employer`);
    await page.getByRole('link', { name: '고용보험 신고' }).click();
    await page.waitForURL(/\/employer\/insurance$/);
    assert.deepEqual(await seriousViolations(page), []);
    await page.locator('#managementNo').fill(`${BUSINO}0`);
    await page.locator('#name').fill('한빛물류 이천센터');
    await page.locator('#address').fill('경기도 이천시 마장면');
    await page.getByRole('button', { name: '사업장 등록' }).click();
    await page.waitForURL(/\/employer\/insurance\/workplaces\/\d{11}\?notice=registered/);
    assert.match((await page.locator('main').textContent()) ?? '', /사업장을 등록했습니다/);
    assert.deepEqual(await seriousViolations(page), []);
  });

  it('files a 취득 신고: after an error the 주민등록번호 is asked again, not shown', async () => {
    await page.getByRole('link', { name: '취득 신고', exact: true }).click();
    await page.locator('#personName').fill('김민준');
    await page.locator('#rrn').fill('900101-1234568');
    await page.locator('#acquiredOn').fill('2026-10-05');
    await page.locator('#monthlyWage').fill('2,500,000');
    await page.locator('#dailyHours').fill('12');
    await page.locator('#occupationCd').selectOption('026');
    await page.getByRole('button', { name: '취득 신고' }).click();
    const main = (await page.locator('main').textContent()) ?? '';
    assert.match(main, /0\.5부터 8까지/);
    assert.match(main, /다시 보여 드리지 않습니다/);
    assert.equal(await page.locator('#rrn').inputValue(), '');
    assert.equal(await page.locator('#personName').inputValue(), '김민준');
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'insurance-01-acquire-error-390');
    await page.locator('#rrn').fill('900101-1234568');
    await page.locator('#dailyHours').fill('8');
    await page.getByRole('button', { name: '취득 신고' }).click();
    await page.waitForURL(/notice=acquire/);
    const after = (await page.locator('main').textContent()) ?? '';
    assert.match(after, /900101-1\*{6}/);
    assert.match(after, /기한 지남/, '2026-10-05 was due on 2026-11-16 (the 15th a Sunday)');
    assert.doesNotMatch(await page.content(), /1234568/);
    assert.deepEqual(await seriousViolations(page), []);
  });

  it('files the 상실 신고 of that worker', async () => {
    await page.getByRole('link', { name: '상실 신고', exact: true }).click();
    assert.deepEqual(await seriousViolations(page), []);
    await page.locator('#worker').selectOption({ label: '김민준 (900101-1******, 취득 2026-10-05)' });
    await page.locator('#lostOn').fill('2026-12-01');
    await page.locator('#loss').selectOption('26|26-1');
    await page.locator('#lossReason').fill('계약기간(1년) 만료, 재계약 제의 없음');
    await page.locator('#monthlyWage').fill('2500000');
    await screenshot(page, 'insurance-02-lose-form-390');
    await page.getByRole('button', { name: '상실 신고' }).click();
    await page.waitForURL(/notice=lose/);
    const main = (await page.locator('main').textContent()) ?? '';
    assert.match(main, /지금 피보험자가 없습니다/);
    assert.match(main, /계약기간\(1년\) 만료/);
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'insurance-03-workplace-390');
  });
});
