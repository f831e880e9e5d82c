import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/config/index.ts';
import { openDatabase } from '../../src/db/index.ts';
import { migrate } from '../../src/db/migrate.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/identity/demo.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { launchBrowser, screenshot, seriousViolations } from '../support/browser.ts';
import { seedClaimRecords } from '../support/claims.ts';
import { freshDatabaseConfig } from '../support/db.ts';

/** 10:00 in Seoul on a date. */
const seoul = (date: string) => new Date(`${date}T01:00:00Z`);

describe('구직급여 in the browser: apply, approve, 실업인정 with activities, payment', () => {
  let server: RunningServer;
  let browser: Browser;
  let remove: () => Promise<void>;
  let clock = seoul('2026-11-02');
  let claimUrl = '';

  const signIn = async (loginId: string): Promise<Page> => {
    const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.locator('#loginId').fill(loginId);
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '로그인', exact: true }).click();
    await page.waitForURL(`${server.url}/`);
    return page;
  };

  before(async () => {
    const fresh = await freshDatabaseConfig('pglite');
    remove = fresh.remove;
    const db = await openDatabase(fresh.config);
    await migrate(db);
    await seedDemoAccounts(db, () => {});
    // 정현우's 고용보험 records: 본인확인, 취득·상실 신고 and the 이직확인서 the claim is filed from.
    const [hyunwoo] = await db.query<{ id: number }>(
      sql`SELECT id::int AS id FROM accounts WHERE login_id = 'hyunwoo'`,
    );
    await seedClaimRecords(db, hyunwoo?.id as number);
    await db.close();
    server = await startServer(
      { ...loadConfig({ LOG_LEVEL: 'warn', PORT: '0' }), database: fresh.config },
      { now: () => clock },
    );
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await remove?.();
  });

  it('a claimant estimates, then applies; the form keeps what was typed after an error', async () => {
    const page = await signIn('hyunwoo');
    await page.goto(`${server.url}/benefits`);
    await page.getByRole('link', { name: /예상 수급액 계산/ }).click();
    await page.locator('#separationDate').fill('2026-10-30');
    await page.locator('#separationReason').selectOption('23');
    await page.locator('#insuredMonths').fill('40');
    await page.locator('#insuredUnitDays').fill('400');
    await page.locator('#averageDailyWage').fill('95000');
    await page.locator('#birthDate').fill('1985-05-20');
    await page.getByRole('button', { name: '계산하기' }).click();
    assert.match((await page.locator('.ilteo-estimate').textContent()) ?? '', /66,048원/);
    await page.getByRole('link', { name: '이 내용으로 수급자격 신청하기' }).click();
    await page.waitForURL(/\/benefits\/apply\?/);
    // The form is filled from the records (the typed figures are for an outage only): the same 평균임금.
    const main = (await page.locator('main').textContent()) ?? '';
    assert.match(main, /평균임금 \(1일\): 95,000원/, 'the 이직확인서 gives the 평균임금');
    assert.match(main, /\(주\)한빛물류 \(사업장관리번호 \d{11}\)의 이직확인서/, 'with where it came from');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'benefits-00-from-records-390');
    assert.deepEqual(await seriousViolations(page), []);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page
      .getByRole('group', { name: '1일 소정근로시간: 맞습니까?' })
      .getByLabel('다릅니다 (이의)')
      .check({ force: true });
    await page.getByText('다르다면 실제 내용 적기').nth(6).click();
    await page.locator('#dailyHoursStatement').fill('실제로는 하루 6시간 일했습니다');
    await page.getByRole('button', { name: '신청하기' }).click();
    assert.match((await page.locator('[role=alert]').first().textContent()) ?? '', /입력한 내용을 확인/);
    assert.equal(await page.locator('#dailyHoursStatement').inputValue(), '실제로는 하루 6시간 일했습니다');
    for (const group of await page.locator('fieldset:has(input[value=confirm])').all())
      if (!(await group.locator('input[value=dispute]').isChecked()))
        await group.locator('input[value=confirm]').check({ force: true });
    await page.locator('#centreCode').selectOption('seoul-gangnam');
    await page.getByRole('button', { name: '신청하기' }).click();
    await page.waitForURL(/\/benefits\/claims\/\d+\?filed=1/);
    claimUrl = page.url().replace(/\?.*$/, '');
    assert.match((await page.locator('main').textContent()) ?? '', /수급자격 신청을 접수했습니다/);
    await screenshot(page, 'benefits-01-filed');
    assert.deepEqual(await seriousViolations(page), []);
  });

  it('the counsellor of the centre approves with the first 실업인정일', async () => {
    const page = await signIn('counsel.gangnam');
    await page.goto(`${server.url}/centre/claims`);
    await page.getByRole('link', { name: '정현우' }).click();
    await page.locator('#firstDate').fill('2026-11-16');
    await page.getByRole('button', { name: '인정', exact: true }).click();
    await page.waitForLoadState('load');
    assert.match((await page.locator('h1').textContent()) ?? '', /수급자격 인정/);
    assert.match((await page.locator('main').textContent()) ?? '', /2026\.11\.16\.\(월\)/);
    await screenshot(page, 'benefits-02-approved');
    assert.deepEqual(await seriousViolations(page), []);
  });

  it('on the 실업인정일 the claimant files with an activity and the counsellor confirms a payment line', async () => {
    clock = seoul('2026-11-16');
    const claimant = await signIn('hyunwoo');
    await claimant.goto(claimUrl);
    await claimant.getByRole('link', { name: '1차 실업인정 신청하기' }).click();
    await claimant.locator('#kind0').selectOption('counselling');
    await claimant.locator('#date0').fill('2026-11-12');
    await claimant.locator('#organisation0').fill('서울강남고용센터');
    await claimant.getByRole('button', { name: '요건 확인' }).click();
    assert.match((await claimant.locator('main').textContent()) ?? '', /요건을 갖추었습니다/);
    assert.equal(await claimant.locator('#organisation0').inputValue(), '서울강남고용센터');
    await claimant.getByRole('button', { name: '신청하기' }).click();
    await claimant.waitForURL(/recognised=1/);
    assert.match((await claimant.locator('main').textContent()) ?? '', /1차 실업인정 신청을 접수했습니다/);

    const counsellor = await signIn('counsel.gangnam');
    await counsellor.goto(`${server.url}/centre/claims`);
    await counsellor.getByRole('link', { name: '정현우' }).click();
    await counsellor.getByRole('button', { name: '인정·지급' }).click();
    await counsellor.waitForLoadState('load');
    // 2026-11-02 … 11-16: 대기기간 11-02 … 11-08, paid 11-09 … 11-16.
    assert.match((await counsellor.locator('[role=status]').first().textContent()) ?? '', /8일 × 66,048원 = 528,384원/);

    await claimant.goto(claimUrl);
    const row = claimant.locator('tr', { hasText: '1차' });
    assert.match((await row.textContent()) ?? '', /인정 \(지급\).*8일.*528,384원/s);
    assert.match((await claimant.locator('main').textContent()) ?? '', /8일 \/ 172일/);
    await screenshot(claimant, 'benefits-03-paid');
    assert.deepEqual(await seriousViolations(claimant), []);
  });

  it('a 2차 불인정 asks first, without JavaScript, restating the effect; the claimant then sees the reason', {
    timeout: 180_000,
  }, async () => {
    clock = seoul('2026-12-14');
    const claimant = await signIn('hyunwoo');
    await claimant.goto(`${claimUrl}/recognitions/2`);
    await claimant.locator('#kind0').selectOption('application');
    await claimant.locator('#date0').fill('2026-12-01');
    await claimant.locator('#organisation0').fill('(주)다온로지스');
    await claimant.getByRole('button', { name: '신청하기' }).click();
    await claimant.waitForURL(/recognised=2/);

    /** Opens the 2차 불인정 form on the review page and asks, first without a reason, then with one. */
    const ask = async (page: Page, shot = false) => {
      await page.goto(`${claimUrl.replace('/benefits/', '/centre/')}`);
      await page.locator('summary', { hasText: '불인정' }).click();
      assert.equal(await page.locator('#rc2').inputValue(), '', 'no reason chosen to begin with');
      await page.getByRole('button', { name: '불인정 (확인 화면으로)' }).click();
      await page.waitForLoadState('load');
      assert.match((await page.locator('[role=alert]').first().textContent()) ?? '', /불인정 사유를 골라 주세요/);
      if (shot) await screenshot(page, 'benefits-04-reject-no-reason');
      await page.locator('#rc2').selectOption('N03');
      await page.locator('#rn2').fill('면접 확인서를 내지 않았습니다.');
      await page.getByRole('button', { name: '불인정 (확인 화면으로)' }).click();
      await page.waitForLoadState('load');
      const effect = (await page.locator('main').textContent())?.replace(/\s+/g, ' ') ?? '';
      assert.match(
        effect,
        /정현우 님의 2차 실업인정\(2026\.11\.17\.~12\.14\.\)을 불인정합니다\. 이 기간의 구직급여 28일분\(1,849,344원\)이 지급되지 않습니다\. 사유: 활동 증빙 확인 불가/,
      );
    };

    // Asking writes nothing: a look (with axe and at 390 px) first, in a browser with scripts on …
    const looking = await signIn('counsel.gangnam');
    await ask(looking, true);
    await screenshot(looking, 'benefits-04-reject-confirm');
    assert.deepEqual(await seriousViolations(looking), []);
    await looking.setViewportSize({ width: 390, height: 844 });
    await screenshot(looking, 'benefits-04-reject-confirm-390');
    assert.ok((await looking.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'fits 390 px');
    await looking.context().close();

    // … then for real in one that runs no script: <details> and two plain forms are all it takes.
    const context = await browser.newContext({
      locale: 'ko-KR',
      viewport: { width: 1280, height: 900 },
      javaScriptEnabled: false,
    });
    context.setDefaultTimeout(15_000);
    const counsellor = await context.newPage();
    await counsellor.goto(`${server.url}/login`);
    await counsellor.locator('#loginId').fill('counsel.gangnam');
    await counsellor.locator('#password').fill(DEMO_PASSWORD);
    await counsellor.getByRole('button', { name: '로그인', exact: true }).click();
    await counsellor.waitForURL(`${server.url}/`);
    await ask(counsellor);
    await counsellor.getByRole('button', { name: '불인정 확정' }).click();
    await counsellor.waitForLoadState('load');
    assert.match(
      (await counsellor.locator('[role=status]').first().textContent()) ?? '',
      /2차 실업인정을 불인정했습니다/,
    );
    await context.close();

    await claimant.goto(claimUrl);
    const row = claimant.locator('tr', { hasText: '2차' });
    assert.match(
      (await row.textContent()) ?? '',
      /불인정.*사유: 활동 증빙 확인 불가 — 면접 확인서를 내지 않았습니다\./s,
    );
    await screenshot(claimant, 'benefits-05-rejected-reason');
    assert.deepEqual(await seriousViolations(claimant), []);
    await claimant.getByRole('link', { name: '불인정' }).click();
    await claimant.waitForURL(/recognitions\/2$/);
    assert.match(
      (await claimant.locator('main').textContent()) ?? '',
      /불인정되었습니다\.\s*사유: 활동 증빙 확인 불가/,
    );
    assert.equal(await claimant.locator('#kind0').count(), 0, 'no form for a decided 차수');
    await screenshot(claimant, 'benefits-06-round-rejected');
    assert.deepEqual(await seriousViolations(claimant), []);
    await claimant.setViewportSize({ width: 390, height: 844 });
    await screenshot(claimant, 'benefits-06-round-rejected-390');
    assert.ok((await claimant.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'fits 390 px');
    await claimant.goto(claimUrl);
    await screenshot(claimant, 'benefits-05-rejected-reason-390');
  });
});
