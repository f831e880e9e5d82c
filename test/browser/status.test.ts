/**
 * The status page as people see it, with the demo's 90 days of history: Korean and English, the 90-day
 * bars with their table view (works without JavaScript), the register, an incident with its published
 * postmortem, and the operator's desk — screenshots and axe-core (WCAG 2.x A/AA) on each.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/config/index.ts';
import { openDatabase } from '../../src/db/index.ts';
import { migrate } from '../../src/db/migrate.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/identity/demo.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { buildCatalogue } from '../../src/status/catalogue.ts';
import { seedDemoStatus } from '../../src/status/demo.ts';
import { launchBrowser, screenshot, seriousViolations } from '../support/browser.ts';
import { freshDatabaseConfig } from '../support/db.ts';

describe('the status page in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let remove: () => Promise<void>;
  let page: Page;

  before(async () => {
    const fresh = await freshDatabaseConfig('pglite');
    remove = fresh.remove;
    const db = await openDatabase(fresh.config);
    await migrate(db);
    await seedDemoAccounts(db, () => {});
    const providers = [
      { id: 'kakao', label: '카카오' },
      { id: 'naver', label: '네이버' },
    ];
    await seedDemoStatus(db, buildCatalogue(providers, []), new Date(), () => {});
    await db.close();
    server = await startServer({
      ...loadConfig({ LOG_LEVEL: 'warn', PORT: '0', ILTEO_STATUS_REFRESH_SECONDS: '1' }),
      database: fresh.config,
    });
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } })).newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await remove?.();
  });

  it('shows each service with 90-day bars, the formula, and the register with causes', async () => {
    await page.goto(`${server.url}/status`);
    assert.equal(await page.locator('[data-service]').count(), 4);
    assert.equal(await page.locator('[data-service="jobs"] .ilteo-status-bar').count(), 90);
    // The day one database node stopped: 이중화 상실 on its bar, in colour and in the table.
    await page.locator('[data-service="jobs"] details.ilteo-status-days summary').click();
    assert.ok(await page.locator('[data-service="jobs"] table').getByText('이중화 상실').first().isVisible());
    assert.ok(await page.getByText('가용률 = (정상 + 성능 저하 + 이중화 상실 + ½ × 부분 장애)').isVisible());
    const register = page.locator('#outage-register');
    assert.ok(await register.getByText('카카오 로그인 서버 응답 이상').isVisible());
    assert.ok(await register.getByText('2시간 42분').isVisible(), '09:15–11:57');
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'status-demo');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'status-demo-mobile');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('in English', async () => {
    await page.goto(`${server.url}/status?lang=en`);
    assert.ok(await page.getByRole('heading', { name: 'Service status', level: 1 }).isVisible());
    assert.ok(await page.getByText('Uptime = (operational + degraded + redundancy lost').isVisible());
    assert.ok(await page.getByRole('columnheader', { name: 'Recovered' }).isVisible());
    assert.deepEqual(await seriousViolations(page), []);
  });

  it('an incident with its published postmortem and an overdue corrective action', async () => {
    await page.goto(`${server.url}/status`);
    await page
      .locator('#outage-register')
      .getByRole('link', { name: /데이터베이스 전체 장애/ })
      .click();
    assert.ok(await page.getByRole('heading', { name: '사후 분석 보고서' }).isVisible());
    assert.ok(await page.getByText('기한 지남').isVisible());
    assert.ok(await page.getByText('원인 파악').first().isVisible());
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'status-postmortem');
  });

  it("the operator's desk lists incidents, maintenance and the overdue action", async () => {
    await page.goto(`${server.url}/login?next=%2Fadmin%2Fstatus`);
    await page.locator('#loginId').fill('admin');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '로그인', exact: true }).click();
    await page.waitForURL(/\/admin\/status$/);
    assert.ok(await page.getByText('기한이 지난 재발 방지 조치 1건').isVisible());
    assert.ok(await page.getByText('데이터베이스 정기 점검').isVisible());
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'status-admin');
  });
});
