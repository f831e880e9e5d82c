import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/config/index.ts';
import { openDatabase } from '../../src/db/index.ts';
import { migrate } from '../../src/db/migrate.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/identity/demo.ts';
import { seedPostings } from '../../src/jobs/seed-demo.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { addDays, seoulToday } from '../../src/shared/dates.ts';
import { launchBrowser, screenshot, seriousViolations } from '../support/browser.ts';
import { freshDatabaseConfig } from '../support/db.ts';

describe('the job market in the browser: an employer posts, a new seeker applies, the employer moves them on', () => {
  let server: RunningServer;
  let browser: Browser;
  let remove: () => Promise<void>;
  let employer: Page;
  let seeker: Page;
  let postingUrl = '';

  const newPage = async () =>
    (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } })).newPage();

  before(async () => {
    const fresh = await freshDatabaseConfig('pglite');
    remove = fresh.remove;
    const db = await openDatabase(fresh.config);
    await migrate(db);
    await seedPostings(db, { count: 300 });
    await seedDemoAccounts(db, () => {});
    await db.close();
    server = await startServer({ ...loadConfig({ LOG_LEVEL: 'warn', PORT: '0' }), database: fresh.config });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await remove?.();
  });

  it('an employer registers a posting; the form explains the minimum wage', async () => {
    employer = await newPage();
    await employer.goto(`${server.url}/login?next=%2Femployer`);
    await employer.locator('#loginId').fill('employer');
    await employer.locator('#password').fill(DEMO_PASSWORD);
    await employer.getByRole('button', { name: '로그인', exact: true }).click();
    await employer.waitForURL(/\/employer$/);
    await employer.getByRole('link', { name: '새 채용공고 등록' }).click();
    await employer.locator('#title').fill('드론 정비 기술자 모집');
    await employer.locator('#jobsCd').selectOption('133');
    await employer.locator('#jobCont').fill('산업용 드론 점검과 정비를 맡습니다.');
    await employer.locator('#minSal').fill('2000000');
    await employer.locator('#regionCd').selectOption('11680');
    await employer.locator('#zipCd').fill('06164');
    await employer.locator('#basicAddr').fill('서울특별시 강남구 테헤란로 152');
    await employer.locator('#closeDt').fill(addDays(seoulToday(), 20));
    await employer.locator('#contactName').fill('인사담당 이채용');
    await employer.locator('#contactTelno').fill('02-1234-5678');
    await employer.getByRole('button', { name: '등록하기' }).click();
    assert.match((await employer.locator('#minSal-error').textContent()) ?? '', /최저임금/);
    assert.equal(await employer.locator('#title').inputValue(), '드론 정비 기술자 모집', 'what was typed stays');
    await employer.locator('#minSal').fill('3200000');
    await employer.getByRole('button', { name: '등록하기' }).click();
    await employer.waitForURL(/\/employer\/postings\/E\w+\?created=1/);
    postingUrl = employer.url().replace(/\?.*$/, '');
    await screenshot(employer, 'market-01-posted');
    assert.deepEqual(await seriousViolations(employer), []);
  });

  it('a new seeker signs up, writes a resume, finds the posting and applies', async () => {
    seeker = await newPage();
    await seeker.goto(`${server.url}/signup/seeker`);
    await seeker.locator('#loginId').fill('drone.kim');
    await seeker.locator('#password').fill('Drone!pilot2026');
    await seeker.locator('#passwordConfirm').fill('Drone!pilot2026');
    await seeker.locator('#name').fill('김하늘');
    await seeker.locator('label[for="terms"]').click();
    await seeker.getByRole('button', { name: '가입하기' }).click();
    await seeker.waitForURL(/\/my\?welcome=1/);
    await seeker.getByRole('link', { name: /이력서 관리/ }).click();
    await seeker.getByRole('link', { name: '새 이력서 쓰기' }).click();
    await seeker.locator('#title').fill('드론 정비 3년');
    await seeker.locator('#education').selectOption('04');
    await seeker.locator('#company0').fill('(주)하늘드론');
    await seeker.locator('#role0').fill('드론 정비');
    await seeker.locator('#from0').fill('2023-01');
    await seeker.locator('#introduction').fill('산업용 드론 200대 이상을 정비했습니다.');
    await seeker.getByRole('button', { name: '저장' }).click();
    await seeker.waitForURL(/\/my\/resumes\?saved=1/);

    await seeker.goto(`${server.url}/jobs?q=${encodeURIComponent('드론')}`);
    await seeker
      .getByRole('link', { name: /드론 정비 기술자 모집/ })
      .first()
      .click();
    await seeker.getByRole('link', { name: '이 공고에 지원하기' }).click();
    await seeker.getByRole('button', { name: '이 이력서로 지원' }).click();
    await seeker.waitForURL(/\/my\/applications\?applied=/);
    assert.match((await seeker.locator('tbody').textContent()) ?? '', /드론 정비 기술자 모집.*접수/s);
    await screenshot(seeker, 'market-02-applied');
    assert.deepEqual(await seriousViolations(seeker), []);
  });

  it('the employer opens the resume (열람); 한꺼번에 바꾸기 with nothing picked comes back on the page with the error; done, it says what changed', async () => {
    await employer.goto(postingUrl);
    assert.match((await employer.locator('main').textContent()) ?? '', /지원자 1명/);
    await employer.getByRole('link', { name: '김하늘' }).click();
    assert.match((await employer.locator('main').textContent()) ?? '', /산업용 드론 200대/);
    await seeker.reload();
    assert.match((await seeker.locator('tbody').textContent()) ?? '', /열람/);
    await employer.goto(postingUrl);
    await employer.getByRole('button', { name: '한꺼번에 바꾸기' }).click();
    const summary = employer.locator('[role="alert"]');
    assert.match(
      (await summary.textContent()) ?? '',
      /상태를 바꿀 지원자를 골라 주세요.*어떤 상태로 바꿀지 골라 주세요/s,
    );
    assert.equal(await employer.locator('#bulkStatus').getAttribute('aria-invalid'), 'true');
    assert.equal(await employer.locator('input[name="ids"]').first().getAttribute('aria-invalid'), 'true');
    assert.match((await employer.locator('main').textContent()) ?? '', /지원자 1명/, 'the page, not an error page');
    // The summary's link takes the keyboard to the field.
    await summary.getByRole('link', { name: /어떤 상태로/ }).click();
    assert.equal(await employer.evaluate(() => document.activeElement?.id), 'bulkStatus');
    await screenshot(employer, 'market-04-applicants-error');
    await employer.setViewportSize({ width: 390, height: 844 });
    await screenshot(employer, 'market-04-applicants-error-390');
    assert.deepEqual(await seriousViolations(employer), []);
    await employer.setViewportSize({ width: 1280, height: 900 });
    await employer.locator('input[name="ids"]').first().check({ force: true });
    await employer.locator('#bulkStatus').selectOption('passed');
    await employer.getByRole('button', { name: '한꺼번에 바꾸기' }).click();
    await employer.waitForURL(/moved=1&picked=1&to=passed/);
    assert.match(
      (await employer.locator('[role="status"]').first().textContent()) ?? '',
      /지원자 1명의 상태를 서류합격으로 바꿨습니다/,
    );
    assert.match((await employer.locator('tbody').textContent()) ?? '', /서류합격/);
    await screenshot(employer, 'market-05-applicants-moved');
    await employer.setViewportSize({ width: 390, height: 844 });
    await screenshot(employer, 'market-05-applicants-moved-390');
    assert.deepEqual(await seriousViolations(employer), []);
    await employer.setViewportSize({ width: 1280, height: 900 });
    await seeker.reload();
    assert.match((await seeker.locator('tbody').textContent()) ?? '', /서류합격/);
  });

  it('the employer moves the applicant to 면접 from the resume and closes the posting; the seeker sees each step', async () => {
    await employer.getByRole('link', { name: '김하늘' }).click();
    assert.match((await employer.locator('main').textContent()) ?? '', /산업용 드론 200대/);
    // An empty 다음 상태 comes back on the resume page, the select marked.
    await employer.getByRole('button', { name: '바꾸기' }).click();
    assert.match((await employer.locator('[role="alert"]').textContent()) ?? '', /다음 상태를/);
    assert.equal(await employer.locator('#status').getAttribute('aria-invalid'), 'true');
    assert.match((await employer.locator('main').textContent()) ?? '', /산업용 드론 200대/);
    await employer.locator('#status').selectOption('interview');
    await employer.getByRole('button', { name: '바꾸기' }).click();
    await employer.waitForURL(new RegExp(`^${postingUrl}\\?applicant=\\d+&moved=1`));
    assert.match(
      (await employer.locator('[role="status"]').first().textContent()) ?? '',
      /김하늘 님의 상태를 면접으로 바꿨습니다/,
    );
    assert.match((await employer.locator('tbody').textContent()) ?? '', /면접/);
    await employer.getByRole('button', { name: '마감하기' }).click();
    await employer.waitForURL(/status=closed/);
    await screenshot(employer, 'market-03-closed');
    await seeker.reload();
    assert.match((await seeker.locator('tbody').textContent()) ?? '', /면접/);
    await seeker.goto(postingUrl.replace('/employer/postings/', '/jobs/'));
    assert.match((await seeker.locator('main').textContent()) ?? '', /마감된 채용공고입니다/);
    assert.equal(await seeker.getByRole('link', { name: '이 공고에 지원하기' }).count(), 0);
  });
});
