import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { type DemoBrowser, demoServerAndBrowser, screenshot, seriousViolations } from '../support/browser.ts';

describe('비밀번호 찾기 in a browser', () => {
  let demo: DemoBrowser;
  let server: DemoBrowser['server'];
  let page: Page;

  before(async () => {
    demo = await demoServerAndBrowser();
    ({ server, page } = demo);
  });
  after(async () => {
    await demo?.close();
  });

  it('from the sign-in page to an e-mailed link, a new password, and signing in with it', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByRole('link', { name: '비밀번호를 잊으셨나요?' }).click();
    await page.waitForURL(/\/password\/forgot$/);
    await screenshot(page, 'password-reset-01-forgot');
    assert.deepEqual(await seriousViolations(page), []);
    await page.locator('#loginId').fill('jiwoo');
    await page.getByRole('button', { name: '재설정 안내 받기' }).click();
    await page.getByText('가입하신 이메일이 있으면 비밀번호 재설정 안내를 보냈습니다.').waitFor();
    await screenshot(page, 'password-reset-02-sent');
    assert.deepEqual(await seriousViolations(page), []);

    const [mail] = await server.database.query<{ body: string }>(
      sql`SELECT body FROM email_outbox WHERE to_address = 'jiwoo@example.kr' ORDER BY id DESC LIMIT 1`,
    );
    const link = /http\S+\/password\/reset\?token=\S+/.exec(mail?.body ?? '')?.[0];
    assert.ok(link, 'the e-mail holds the link');
    await page.goto(link);
    await page.locator('#newPassword').fill('Hanbit-sky-2026');
    await page.locator('#newPasswordConfirm').fill('Hanbit-sky-2027');
    await page.getByRole('button', { name: '비밀번호 저장' }).click();
    await page.locator('#newPasswordConfirm-error').waitFor();
    await screenshot(page, 'password-reset-03-reset-error');
    assert.deepEqual(await seriousViolations(page), []);
    await page.locator('#newPassword').fill('Hanbit-sky-2026');
    await page.locator('#newPasswordConfirm').fill('Hanbit-sky-2026');
    await page.getByRole('button', { name: '비밀번호 저장' }).click();
    await page.waitForURL(/\/login\?reset=1$/);
    await page.getByText('비밀번호를 바꿨습니다.').waitFor();
    await screenshot(page, 'password-reset-04-done');

    await page.locator('#loginId').fill('jiwoo');
    await page.locator('#password').fill('Hanbit-sky-2026');
    await page.getByRole('button', { name: '로그인', exact: true }).click();
    await page.waitForURL(/\/$|\/my/);

    await page.goto(link);
    await page.getByText('이 링크는 이미 사용되었습니다.').waitFor();
    await screenshot(page, 'password-reset-05-used');
    assert.deepEqual(await seriousViolations(page), []);
  });
});
