/**
 * The whole 고용보험 chain in a real browser, three people in three browser contexts: the employer files
 * the 피보험자격 상실 신고 and then the 이직확인서 for a worker it reported as insured; the worker does
 * 본인확인 and applies for 구직급여 with every fact filled from those records (and says which are right);
 * the counsellor of the worker's centre sees the records beside the claim and approves it. axe on each
 * page, screenshots at 390×844. Only the 취득 신고 years before is put in beforehand, through the service.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { openDatabase } from '../../src/db/index.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createEmployer } from '../../src/identity/accounts.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/identity/demo.ts';
import { demoResidents } from '../../src/identity/dev-idp.ts';
import { businoCheckDigit } from '../../src/identity/rules.ts';
import { createInsuranceEmployerService } from '../../src/insurance/employer-service.ts';
import type { RunningServer } from '../../src/server.ts';
import { launchBrowser, screenshot, seriousViolations } from '../support/browser.ts';
import { freshDatabaseConfig } from '../support/db.ts';
import { startServerWithVerifier, type VerifyIdp } from '../support/verify-idp.ts';

const BUSINO = `214860937${businoCheckDigit('214860937')}`;
const NO = `${BUSINO}0`;
const clock = new Date('2026-12-02T01:00:00Z');
/** 윤도현, a demo person of the 부산 centre, as the 본인확인 provider knows him. */
const WORKER = demoResidents().find((p) => p.login === 'dohyun');

describe('the 고용보험 chain in the browser: 상실 신고 and 이직확인서 → 본인확인 and 수급자격 신청 → 인정', () => {
  let server: RunningServer;
  let browser: Browser;
  let verify: VerifyIdp;
  let remove: () => Promise<void>;

  const signIn = async (loginId: string, password = DEMO_PASSWORD) => {
    const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.locator('#loginId').fill(loginId);
    await page.locator('#password').fill(password);
    await page.getByRole('button', { name: '로그인', exact: true }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    return page;
  };
  const main = async (page: Page) => (await page.locator('main').textContent())?.replace(/\s+/g, ' ') ?? '';

  before(async () => {
    assert.ok(WORKER);
    const fresh = await freshDatabaseConfig('pglite');
    remove = fresh.remove;
    const db = await openDatabase(fresh.config);
    await migrate(db);
    await seedDemoAccounts(db, () => {});
    const id = await createEmployer(db, {
      loginId: 'haedong',
      name: '박인사',
      email: 'hr@haedong.example',
      password: DEMO_PASSWORD,
      busino: BUSINO,
      companyName: '(주)해동정밀',
      industry: '금속 가공업',
    });
    const [account] = await db.query<{ companyId: number }>(
      sql`SELECT company_id::int AS "companyId" FROM accounts WHERE id = ${id}`,
    );
    const insurance = createInsuranceEmployerService({ database: db, now: () => new Date('2023-04-10T01:00:00Z') });
    const actor = { id, kind: 'employer' as const, ip: '127.0.0.1', userAgent: 'test' };
    const me = { id, companyId: account?.companyId ?? null };
    await insurance.registerWorkplace(actor, me, {
      managementNo: NO,
      name: '해동정밀 녹산공장',
      address: '부산광역시 강서구',
    });
    await insurance.fileAcquire(actor, me, NO, WORKER.rrn, {
      personName: WORKER.name,
      acquiredOn: '2023-04-03',
      monthlyWage: 3_100_000,
      dailyHours: 8,
      occupationCd: '026',
    });
    await db.close();
    ({ server, verify } = await startServerWithVerifier(fresh.config, clock, DEMO_PASSWORD));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await verify?.idp.close().catch(() => {});
    await remove?.();
  });

  it('the employer files the 상실 신고, then the 이직확인서 from it', async () => {
    const page = await signIn('haedong');
    await page.goto(`${server.url}/employer/insurance/workplaces/${NO}`);
    await page.getByRole('link', { name: '상실 신고', exact: true }).click();
    await page.locator('#worker').selectOption({ label: '윤도현 (860209-1******, 취득 2023-04-03)' });
    await page.locator('#lostOn').fill('2026-11-21');
    await page.locator('#loss').selectOption('23|23-1');
    await page.locator('#lossReason').fill('수주 감소로 생산라인 1개를 닫으며 권고사직');
    await page.locator('#monthlyWage').fill('3,100,000');
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByRole('button', { name: '상실 신고' }).click();
    await page.waitForURL(/notice=lose/);
    assert.match(await main(page), /생산라인 1개를 닫으며/);
    await page.getByRole('link', { name: '이직확인서 작성 (윤도현)' }).click();
    await page.waitForURL(/\/certificate$/);
    assert.match(await main(page), /2026\.11\.20\./, '이직일: the day before the 상실일');
    for (const i of [0, 1, 2]) await page.locator(`#wage-${i}`).fill('3,100,000');
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'chain-01-certificate-390');
    await page.getByRole('button', { name: '이직확인서 제출' }).click();
    await page.waitForURL(/\/certificates\/\d+\?filed=1$/);
    assert.match(await main(page), /이직확인서를 제출했습니다/);
    assert.doesNotMatch(await page.content(), new RegExp(WORKER?.rrn.slice(7) ?? 'x'), 'no 주민등록번호 in clear');
    assert.deepEqual(await seriousViolations(page), []);
  });

  it('the worker does 본인확인 and applies with the facts from the records', async () => {
    const page = await signIn('dohyun');
    await page.goto(`${server.url}/benefits/apply`);
    assert.match(await main(page), /먼저 본인확인을 해 주세요/);
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByRole('link', { name: '본인확인 하기' }).click();
    await page.locator('#login').fill('dohyun');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.locator('button[type=submit]').click();
    await page.waitForURL((u) => u.pathname === '/benefits/apply');
    const form = await main(page);
    assert.match(form, /해동정밀 녹산공장/);
    assert.match(form, /이직일 \(마지막으로 일한 날\): 2026-11-20/, '이직일 from the records');
    assert.match(form, /이직사유: 23-1 /, '이직사유 from the 이직확인서');
    assert.match(form, /피보험단위기간: 549일/, 'counted from the 보수 지급 기초일수');
    assert.match(form, /이직확인서/, 'each fact says where it came from');
    assert.equal(await page.locator('#insuredUnitDays').count(), 0, 'nothing to type about the records');
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'chain-02-apply-from-records-390');
    for (const group of await page.locator('fieldset:has(input[value=confirm])').all())
      await group.locator('input[value=confirm]').check({ force: true });
    await page.locator('#centreCode').selectOption('busan');
    await page.getByRole('button', { name: '신청하기' }).click();
    await page.waitForURL((u) => !u.pathname.endsWith('/apply'));
    assert.match(await main(page), /수급자격 신청을 접수했습니다/);
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'chain-03-applied-390');
  });

  it('the counsellor sees the records beside the claim and approves it', async () => {
    const page = await signIn('counsel.busan');
    await page.goto(`${server.url}/centre/claims`);
    await page.getByRole('link', { name: '윤도현', exact: true }).click();
    const claim = await main(page);
    assert.match(claim, /고용보험 기록 \(사업주 신고\)/);
    assert.match(claim, /해동정밀 녹산공장/);
    assert.doesNotMatch(
      claim,
      /이직사유(가| 코드가) 다릅니다|부정수급 의심/,
      'the employer’s 상실사유 and the claim agree',
    );
    assert.deepEqual(await seriousViolations(page), []);
    await page.locator('#firstDate').fill('2026-12-16');
    await page.getByRole('button', { name: '인정', exact: true }).click();
    await page.waitForURL(/\/centre\/claims\/\d+/);
    assert.match((await page.locator('h1').textContent()) ?? '', /수급자격 인정/);
    assert.match(await main(page), /2026\.12\.16\.\(수\)/);
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'chain-04-approved-390');
  });
});
