/**
 * The employer's 이직확인서 in a real browser, without JavaScript of ours: from the 상실 신고 on the
 * 사업장 page to the form filled from it, an error shown with the input kept, the filing with its
 * 평균임금, and the 요청·알림 page — axe on each page, screenshots at 390×844.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/config/index.ts';
import { openDatabase } from '../../src/db/index.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createEmployer } from '../../src/identity/accounts.ts';
import { businoCheckDigit } from '../../src/identity/rules.ts';
import { createInsuranceEmployerService } from '../../src/insurance/employer-service.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { launchBrowser, screenshot, seriousViolations } from '../support/browser.ts';
import { freshDatabaseConfig } from '../support/db.ts';

const PASSWORD = 'Ilteo!2026test';
const BUSINO = `123456789${businoCheckDigit('123456789')}`;
const NO = `${BUSINO}0`;
const clock = new Date('2026-12-02T01:00:00Z');

describe('이직확인서 in the browser: the employer files one for a 상실 신고', () => {
  let server: RunningServer;
  let browser: Browser;
  let remove: () => Promise<void>;
  let page: Page;

  before(async () => {
    const fresh = await freshDatabaseConfig('pglite');
    remove = fresh.remove;
    const db = await openDatabase(fresh.config);
    await migrate(db);
    const id = await createEmployer(db, {
      loginId: 'hanbit',
      name: '이채용',
      email: 'hanbit@example.kr',
      password: PASSWORD,
      busino: BUSINO,
      companyName: '(주)한빛물류',
      industry: '일반 창고업',
    });
    const [account] = await db.query<{ companyId: number }>(
      sql`SELECT company_id::int AS "companyId" FROM accounts WHERE id = ${id}`,
    );
    const insurance = createInsuranceEmployerService({ database: db, now: () => clock });
    const actor = { id, kind: 'employer' as const, ip: '127.0.0.1', userAgent: 'test' };
    const me = { id, companyId: account?.companyId ?? null };
    await insurance.registerWorkplace(actor, me, {
      managementNo: NO,
      name: '한빛물류 이천센터',
      address: '경기도 이천시',
    });
    await insurance.fileAcquire(actor, me, NO, '9001011234568', {
      personName: '김민준',
      acquiredOn: '2023-03-06',
      monthlyWage: 2_750_000,
      dailyHours: 8,
      occupationCd: '026',
    });
    const [worker] = (await insurance.workplacePage(me, NO)).insured;
    await insurance.fileLose(actor, me, NO, String(worker?.reportId), {
      lostOn: '2026-11-01',
      lossCode: '23',
      lossSubCode: '23-1',
      lossReason: '물동량 감소에 따른 인원 감축으로 권고사직',
      monthlyWage: 2_750_000,
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

  it('opens the form from the 상실 신고, filled from it', async () => {
    await page.goto(`${server.url}/employer/insurance/workplaces/${NO}`);
    await page.getByRole('link', { name: '이직확인서 작성 (김민준)' }).click();
    await page.waitForURL(/\/certificate$/);
    const main = (await page.locator('main').textContent()) ?? '';
    assert.match(main, /김민준 \(900101-1\*{6}\)/);
    assert.match(main, /2026\.10\.31\./);
    assert.equal(await page.locator('#loss').inputValue(), '23|23-1');
    assert.equal(await page.locator('#dailyHours').inputValue(), '8');
    assert.equal(await page.locator('#days-0').inputValue(), '31');
    assert.equal(await page.locator('#base-2026-02').inputValue(), '28');
    assert.equal(await page.locator('#rrn').count(), 0);
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'certificate-01-form-390');
  });

  it('shows an error with the input kept, then files it with its 평균임금', async () => {
    await page.locator('#wage-0').fill('2,750,000');
    await page.locator('#wage-1').fill('2,750,000');
    await page.locator('#base-2026-10').fill('32');
    await page.getByRole('button', { name: '이직확인서 제출' }).click();
    let main = (await page.locator('main').textContent()) ?? '';
    assert.match(main, /입력한 내용을 확인해 주세요/);
    assert.match(main, /지급한 임금 총액을 원 단위로/);
    assert.equal(await page.locator('#wage-1').inputValue(), '2,750,000');
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'certificate-02-error-390');
    await page.locator('#wage-2').fill('3000000');
    await page.locator('#base-2026-10').fill('31');
    await page.getByRole('button', { name: '이직확인서 제출' }).click();
    await page.waitForURL(/\/certificates\/\d+\?filed=1$/);
    main = (await page.locator('main').textContent()) ?? '';
    assert.match(main, /이직확인서를 제출했습니다/);
    assert.match(main, /92,391\.3원/);
    assert.match(main, /23-1 /);
    assert.doesNotMatch(await page.content(), /1234568/);
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'certificate-03-filed-390');
  });

  it('lists the filing on the 요청·알림 page', async () => {
    await page.goto(`${server.url}/employer/insurance`);
    await page.getByRole('link', { name: '이직확인서 요청·알림' }).click();
    await page.waitForURL(/\/employer\/insurance\/certificates$/);
    const main = (await page.locator('main').textContent()) ?? '';
    assert.match(main, /처리할 이직확인서 요청이 없습니다/);
    assert.match(main, /92,391\.3원/);
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'certificate-04-requests-390');
  });
});
