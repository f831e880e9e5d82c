/**
 * 창구 접수 offline (issue 7, part 1), in headless Chromium: the counsellor's browser goes offline
 * (Playwright setOffline), takes forms, reloads the page (the service worker serves it; the queue is in
 * IndexedDB), goes online, and the queue sends itself: each form applied once, with who took it and
 * when; one that conflicts with what happened meanwhile lands in 확인 필요; the same form sent again
 * is applied once. The counter remembers when it lost the server (through the reload) and reports the
 * window once it is back: recorded with the counsellor and the centre.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { koreanCalendar, nextBusinessDay } from '../../src/benefits/schedule.ts';
import { createBenefitsService } from '../../src/benefits/service.ts';
import { loadConfig } from '../../src/config/index.ts';
import { type Database, openDatabase } from '../../src/db/index.ts';
import { migrate } from '../../src/db/migrate.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/identity/demo.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { addDays, seoulToday } from '../../src/shared/dates.ts';
import { launchBrowser, screenshot, seriousViolations } from '../support/browser.ts';
import { approvedClaim } from '../support/claims.ts';
import { freshDatabaseConfig } from '../support/db.ts';
import { HttpClient } from '../support/http.ts';

describe('창구 접수 keeps working offline', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let remove: () => Promise<void>;
  let db: Database;
  const claims: Record<string, number> = {};
  const calendar = koreanCalendar();
  const today = seoulToday();

  /** The counter's IndexedDB 'meta' record `key` (the browser side of the offline window). */
  const offlineSince = () =>
    page.evaluate(
      () =>
        new Promise<string | null>((resolve) => {
          const r = indexedDB.open('ilteo-counter');
          r.onsuccess = () => {
            const get = r.result.transaction('meta').objectStore('meta').get('offlineSince');
            get.onsuccess = () => resolve((get.result as { value: string } | undefined)?.value ?? null);
          };
        }),
    );
  const rows = () =>
    page.$$eval('#counter-queue tr[data-key]', (trs) =>
      trs.map((tr) => ({ status: tr.getAttribute('data-status'), text: (tr as HTMLElement).innerText })),
    );

  before(async () => {
    const fresh = await freshDatabaseConfig('pglite');
    remove = fresh.remove;
    const setup = await openDatabase(fresh.config);
    await migrate(setup);
    await seedDemoAccounts(setup, () => {});
    const people = await setup.query<{ id: number; loginId: string }>(
      sql`SELECT id::int AS id, login_id AS "loginId" FROM accounts WHERE login_id IN ('minjun', 'jiwoo', 'counsel.gangnam')`,
    );
    const id = (login: string) => people.find((p) => p.loginId === login)?.id ?? 0;
    const benefits = createBenefitsService({ database: setup, calendar, now: () => new Date() });
    for (const login of ['minjun', 'jiwoo']) {
      claims[login] = await approvedClaim(benefits, {
        claimantId: id(login),
        counsellorId: id('counsel.gangnam'),
        today,
        firstDate: nextBusinessDay(today, calendar).date,
      });
    }
    await setup.close();
    server = await startServer({ ...loadConfig({ LOG_LEVEL: 'warn', PORT: '0' }), database: fresh.config });
    db = server.database;
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await remove?.();
  });

  it('opens online once: the service worker caches the screen and the reference data', async () => {
    await page.goto(`${server.url}/login?next=%2Fcentre%2Fcounter`);
    await page.locator('#loginId').fill('counsel.gangnam');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '로그인', exact: true }).click();
    await page.waitForURL(/\/centre\/counter$/);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    assert.equal(await page.evaluate(() => !!navigator.serviceWorker.controller), true);
    assert.deepEqual(await seriousViolations(page), []);
  });

  it('offline: takes four forms, keeps them through a reload', async () => {
    await context.setOffline(true);
    await page.locator('#jobseeking-citizen').fill('sua');
    await page.locator('#jobseeking-occupation0').selectOption('133');
    await page.locator('#jobseeking-region0').selectOption('11680');
    await page.locator('#jobseeking-wage').fill('300');
    await page.getByRole('button', { name: '구직신청 접수' }).click();

    await page.locator('#claim-citizen').fill('sua');
    await page.locator('#claim-company').fill('(주)대한정밀');
    await page.locator('#claim-separation').fill(addDays(today, -10));
    await page.locator('#claim-birth').fill('1990-03-15');
    await page.locator('#claim-months').fill('30');
    await page.locator('#claim-days').fill('300');
    await page.locator('#claim-reason').selectOption('23');
    await page.locator('#claim-wage').fill('90,000');
    await page.getByRole('button', { name: '수급자격 신청 접수' }).click();

    for (const login of ['minjun', 'jiwoo']) {
      await page.locator('#recognition-claim').fill('');
      await page.locator('#recognition-seq').fill('');
      await page.locator('#recognition-citizen').fill(login);
      await page.locator('#recognition-citizen').blur();
      await page.locator('#recognition-claim').fill(String(claims[login]));
      await page.locator('#recognition-seq').fill('1');
      await page.getByRole('button', { name: '실업인정 신청 접수' }).click();
    }
    await page.waitForFunction(() => document.querySelectorAll('#counter-queue tr[data-key]').length === 4);
    assert.match(await page.locator('#counter-network').innerText(), /연결되지 않았습니다/);
    const since = await offlineSince();
    assert.ok(since, 'the counter noted when it lost the server');
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('#counter-queue tr[data-key]').length === 4);
    assert.equal(await offlineSince(), since, 'kept through the reload');
    const kept = await rows();
    // Still in the queue after the reload (sending is retried while offline, then back to 대기).
    assert.ok(
      kept.every((r) => r.status === 'waiting' || r.status === 'sending'),
      JSON.stringify(kept),
    );
    await screenshot(page, 'counter-offline-queue');
  });

  it('online again: sent by itself, each applied once; the conflicting one lands in 확인 필요', async () => {
    // Meanwhile 최지우 filed her 1차 실업인정 herself, online: the counter's form for it conflicts.
    const jiwoo = new HttpClient(server.url);
    await jiwoo.signIn('jiwoo', DEMO_PASSWORD);
    const form = await jiwoo.get(`/benefits/claims/${claims.jiwoo}/recognitions/1`);
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const filed = await jiwoo.post(`/benefits/claims/${claims.jiwoo}/recognitions/1`, {
      action: 'submit',
      workedOrEarned: 'no',
      idempotencyKey: key,
    });
    assert.equal(filed.status, 303);

    // The counter has been offline for 10 minutes by now (the test took seconds: move its note back).
    const lostAt = new Date(Date.now() - 10 * 60_000).toISOString();
    await page.evaluate(
      (value) =>
        new Promise<void>((resolve) => {
          const r = indexedDB.open('ilteo-counter');
          r.onsuccess = () => {
            const t = r.result.transaction('meta', 'readwrite');
            t.objectStore('meta').put({ key: 'offlineSince', value });
            t.oncomplete = () => resolve();
          };
        }),
      lostAt,
    );
    await context.setOffline(false);
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('#counter-queue tr[data-key]')].every((tr) =>
          ['applied', 'review'].includes(tr.getAttribute('data-status') ?? ''),
        ),
      undefined,
      { timeout: 30_000 },
    );
    const final = await rows();
    assert.equal(final.filter((r) => r.status === 'applied').length, 3, JSON.stringify(final));
    const review = final.filter((r) => r.status === 'review');
    assert.equal(review.length, 1);
    assert.match(review[0]?.text ?? '', /jiwoo[\s\S]*이미 신청했습니다/);
    await screenshot(page, 'counter-synced');

    const [profile] = await db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM job_seeker_profiles p JOIN accounts a ON a.id = p.account_id WHERE a.login_id = 'sua'`,
    );
    assert.equal(profile?.n, 1);
    const [suaClaim] = await db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM benefit_claims c JOIN accounts a ON a.id = c.claimant_id WHERE a.login_id = 'sua'`,
    );
    assert.equal(suaClaim?.n, 1);
    const [minjun] = await db.query<{ status: string }>(
      sql`SELECT status FROM claim_recognitions WHERE claim_id = ${claims.minjun ?? 0} AND seq = 1`,
    );
    assert.equal(minjun?.status, 'filed');
    const submissions = await db.query<{ counsellor: string; takenAt: string; receivedAt: string; status: string }>(
      sql`SELECT a.login_id AS counsellor, s.taken_at::text AS "takenAt", s.received_at::text AS "receivedAt", s.status
            FROM counter_submissions s JOIN accounts a ON a.id = s.counsellor_id ORDER BY s.taken_at`,
    );
    assert.equal(submissions.length, 4);
    assert.ok(submissions.every((s) => s.counsellor === 'counsel.gangnam'));
    assert.ok(
      submissions.every((s) => Date.parse(s.takenAt) < Date.parse(s.receivedAt)),
      'taken when the form was filled, not when it synced',
    );

    // The offline window was reported once it was back, with who and where; nothing left to send.
    const outages = async () =>
      db.query<{ counsellor: string; centre: string; counterId: string; fromAt: string; toAt: string }>(
        sql`SELECT a.login_id AS counsellor, o.centre_code AS centre, o.counter_id AS "counterId",
                   o.from_at AS "fromAt", o.to_at AS "toAt"
              FROM counter_outages o JOIN accounts a ON a.id = o.counsellor_id`,
      );
    for (let i = 0; i < 50 && (await outages()).length === 0; i++) await page.waitForTimeout(200);
    const [outage, ...more] = await outages();
    assert.equal(more.length, 0, 'one window');
    assert.equal(outage?.counsellor, 'counsel.gangnam');
    assert.equal(outage?.centre, 'seoul-gangnam');
    assert.equal(new Date(outage?.fromAt ?? 0).toISOString(), lostAt);
    assert.ok(Date.now() - new Date(outage?.toAt ?? 0).getTime() < 60_000, 'closed when the server answered again');
    assert.equal(await offlineSince(), null);
    const left = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const r = indexedDB.open('ilteo-counter');
          r.onsuccess = () => {
            const count = r.result.transaction('outages').objectStore('outages').count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
    assert.equal(left, 0);
  });

  it('the same form sent twice is applied once', async () => {
    const again = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const r = indexedDB.open('ilteo-counter');
        r.onsuccess = () => resolve(r.result);
      });
      const items = await new Promise<Record<string, unknown>[]>((resolve) => {
        const r = db.transaction('queue').objectStore('queue').getAll();
        r.onsuccess = () => resolve(r.result as Record<string, unknown>[]);
      });
      const item = items.find((i) => i.kind === 'recognition' && i.citizen === 'minjun');
      const send = () =>
        fetch('/api/v1/counter/submissions', {
          method: 'POST',
          // As counter.js sends it: the item's own key is its Idempotency-Key.
          headers: { 'content-type': 'application/json', 'idempotency-key': String(item?.key) },
          body: JSON.stringify({
            key: item?.key,
            kind: item?.kind,
            takenAt: item?.takenAt,
            counsellorId: item?.counsellorId,
            citizen: item?.citizen,
            payload: item?.payload,
          }),
        }).then((r) => r.json());
      return Promise.all([send(), send()]);
    });
    assert.deepEqual(
      again.map((r: { status: string }) => r.status),
      ['applied', 'applied'],
    );
    const [filed] = await db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM benefit_ledger WHERE claim_id = ${claims.minjun ?? 0} AND event = 'recognition.filed'`,
    );
    assert.equal(filed?.n, 1);
  });

  it('확인 필요 stays until the counsellor marks it handled', async () => {
    await page.getByRole('button', { name: '확인 완료' }).first().click();
    await page.waitForFunction(() => !!document.querySelector('#counter-queue tr[data-status="resolved"]'));
    assert.deepEqual(await seriousViolations(page), []);
  });
});
