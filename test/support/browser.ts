import fs from 'node:fs/promises';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config/index.ts';
import { openDatabase } from '../../src/db/index.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seedDemoAccounts } from '../../src/identity/demo.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { freshDatabaseConfig } from './db.ts';

export const ARTIFACTS = path.resolve('artifacts');

/** Debian's Chromium, headless, with background networking off (this machine has no internet). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await fs.mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.x A/AA rules) in the page and returns serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const source = await fs.readFile(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export interface DemoBrowser {
  server: RunningServer;
  browser: Browser;
  /** One Korean-locale page, 1280 × 900. */
  page: Page;
  close(): Promise<void>;
}

/** The app on a fresh PGlite database with the demo accounts, a browser, and a page in it. */
export async function demoServerAndBrowser(): Promise<DemoBrowser> {
  const fresh = await freshDatabaseConfig('pglite');
  const db = await openDatabase(fresh.config);
  await migrate(db);
  await seedDemoAccounts(db, () => {});
  await db.close();
  const server = await startServer({ ...loadConfig({ LOG_LEVEL: 'warn', PORT: '0' }), database: fresh.config });
  const browser = await launchBrowser();
  const page = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } })).newPage();
  return {
    server,
    browser,
    page,
    async close() {
      await browser.close();
      await server.close();
      await fresh.remove();
    },
  };
}
