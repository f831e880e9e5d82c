/**
 * 내 고용보험 in a real browser, on the demo records (src/insurance/demo.ts): 김민준 verifies himself
 * through the local 본인확인 provider, sees his records, disputes one (피보험자격 확인 청구); the
 * counsellor sees his records beside his claim and decides the 청구; he sees the decision and its reason.
 * axe on each page, screenshots at 390×844.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { seedDemoClaims } from '../../src/benefits/demo.ts';
import { koreanCalendar } from '../../src/benefits/schedule.ts';
import { openDatabase } from '../../src/db/index.ts';
import { migrate } from '../../src/db/migrate.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/identity/demo.ts';
import { seedDemoInsurance } from '../../src/insurance/demo.ts';
import { seedDemoIfEmpty } from '../../src/jobs/seed-demo.ts';
import type { RunningServer } from '../../src/server.ts';
import { launchBrowser, screenshot, seriousViolations } from '../support/browser.ts';
import { freshDatabaseConfig } from '../support/db.ts';
import { startServerWithVerifier, type VerifyIdp } from '../support/verify-idp.ts';

const clock = new Date('2026-12-02T01:00:00Z');

describe('내 고용보험 in the browser: 본인확인, records, 확인 청구, the counsellor’s decision', () => {
  let server: RunningServer;
  let browser: Browser;
  let verify: VerifyIdp;
  let remove: () => Promise<void>;
  let person: Page;
  let counsellor: Page;
  let lostOnFixed = '';

  const signIn = async (loginId: string) => {
    const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.locator('#loginId').fill(loginId);
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '로그인', exact: true }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    return page;
  };
  const main = async (page: Page) => (await page.locator('main').textContent()) ?? '';

  before(async () => {
    const fresh = await freshDatabaseConfig('pglite');
    remove = fresh.remove;
    const db = await openDatabase(fresh.config);
    await migrate(db);
    await seedDemoIfEmpty(db, 20, () => {});
    await seedDemoAccounts(db, () => {});
    await seedDemoInsurance(db, () => {}, clock);
    await seedDemoClaims(db, koreanCalendar(), () => {}, clock);
    await db.close();
    ({ server, verify } = await startServerWithVerifier(fresh.config, clock, DEMO_PASSWORD));
    browser = await launchBrowser();
    person = await signIn('minjun');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await verify?.idp.close().catch(() => {});
    await remove?.();
  });

  it('asks for 본인확인, then shows the person’s records from the employer’s reports', async () => {
    await person.goto(`${server.url}/my/insurance`);
    assert.match(await main(person), /왜 본인확인을 하나요/);
    assert.deepEqual(await seriousViolations(person), []);
    await person.getByRole('link', { name: /본인확인하기/ }).click();
    await person.locator('#login').fill('minjun');
    await person.locator('#password').fill(DEMO_PASSWORD);
    await person.locator('button[type=submit]').click();
    await person.waitForURL(/\/my\/insurance\?verified=1/);
    const text = await main(person);
    assert.match(text, /본인확인을 마쳤습니다/);
    assert.match(text, /본사/);
    assert.match(text, /경영 악화에 따른 인원 감축 \(권고사직\)/);
    assert.match(text, /2,940,000원/);
    assert.doesNotMatch(text, /박서연|정현우/, 'only his own records');
    assert.deepEqual(await seriousViolations(person), []);
    await screenshot(person, 'insurance-person-01-records-390');
  });

  it('files a 확인 청구 on one record', async () => {
    await person
      .getByRole('link', { name: /확인 청구하기/ })
      .first()
      .click();
    assert.deepEqual(await seriousViolations(person), []);
    await person.locator('#reason').fill('실제 마지막 근무일은 하루 뒤였고, 권고사직 통보는 서면으로 받았습니다.');
    await screenshot(person, 'insurance-person-02-dispute-390');
    await person.getByRole('button', { name: '확인 청구하기' }).click();
    await person.waitForURL(/\/my\/insurance\?disputed=1/);
    assert.match(await main(person), /고용센터에서 확인하고 있습니다/);
    assert.deepEqual(await seriousViolations(person), []);
  });

  it('the counsellor sees the records beside the claim and decides the 청구', async () => {
    counsellor = await signIn('counsel.gangnam');
    await counsellor.goto(`${server.url}/centre/claims`);
    await counsellor.getByRole('link', { name: '김민준', exact: true }).click();
    const claim = await main(counsellor);
    assert.match(claim, /고용보험 기록 \(사업주 신고\)/);
    assert.match(claim, /이직확인서 \(최근\)/);
    assert.doesNotMatch(claim, /본인확인 전/);
    assert.deepEqual(await seriousViolations(counsellor), []);
    await counsellor.locator('section[aria-labelledby=records]').screenshot({
      path: 'artifacts/insurance-person-03-claim-records-390.png',
    });
    await counsellor.goto(`${server.url}/centre/disputes`);
    assert.deepEqual(await seriousViolations(counsellor), []);
    await counsellor.getByRole('link', { name: /김민준 님의 청구/ }).click();
    assert.deepEqual(await seriousViolations(counsellor), []);
    // KRDS draws the radio over its label: the label is what a person clicks.
    await counsellor.locator('label', { hasText: '인정 — 청구인의 말이 맞습니다' }).click();
    await counsellor.locator('#decisionReason').fill('출근부로 하루 더 근무한 것을 확인해 상실일을 바로잡았습니다.');
    // The record as it should be: filled with what is reported, the 상실일 one day later.
    const reported = await counsellor.locator('#fixLostOn').inputValue();
    lostOnFixed = new Date(Date.parse(`${reported}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await counsellor.locator('#fixLostOn').fill(lostOnFixed);
    assert.deepEqual(await seriousViolations(counsellor), []);
    await screenshot(counsellor, 'insurance-person-04-decide-390');
    await counsellor.getByRole('button', { name: '결정 저장' }).click();
    // It cannot be undone: restated, then kept only when confirmed.
    assert.match(await main(counsellor), /청구를 인정합니다/);
    assert.deepEqual(await seriousViolations(counsellor), []);
    await counsellor.getByRole('button', { name: '인정하고 기록 정정' }).click();
    await counsellor.waitForURL(/\/centre\/disputes\?decided=\d+/);
    assert.deepEqual(await seriousViolations(counsellor), []);
  });

  it('the person sees the decision with its reason and the record corrected; the employer sees the 정정', async () => {
    await person.goto(`${server.url}/my/insurance`);
    const text = await main(person);
    assert.match(text, /인정 이유/);
    assert.match(text, /상실일을 바로잡았습니다/);
    assert.match(text, new RegExp(lostOnFixed.replaceAll('-', '.')), 'the 상실일 as corrected');
    assert.match(text, /고용센터가 피보험자격 확인 청구를 인정해 고친 기록입니다/);
    assert.deepEqual(await seriousViolations(person), []);
    await screenshot(person, 'insurance-person-05-decision-390');
    const employer = await signIn('employer');
    await employer.goto(`${server.url}/employer/insurance`);
    await employer.getByRole('link', { name: /본사/ }).first().click();
    assert.match(await main(employer), /고용센터 직권 정정/);
    assert.deepEqual(await seriousViolations(employer), []);
  });
});
