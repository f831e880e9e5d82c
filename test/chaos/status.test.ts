/**
 * The status page watching the real two-node Patroni cluster, seen in headless Chromium through
 * HAProxy and two app processes (monitor passes every second, 3-of-5 confirmation):
 *
 * 1. one database node stopped → every service shows 이중화 상실 within the detection time, the banner
 *    appears on every page; started again → the incident closes by itself, with the database as its
 *    cause and the right start, recovery and duration; the feed has its updates; the banner goes.
 * 2. both database nodes stopped → /status keeps answering (snapshot + each process's own view):
 *    전체 장애; started again → the outage is written to the register with the time it began.
 *
 * `npm run test:chaos` (also run by .ci/run). Starts the cluster when it is not running.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Database } from '../../src/db/index.ts';
import * as cluster from '../../src/ops/cluster.ts';
import { crashLines, type Fleet, startFleet } from '../../src/ops/fleet.ts';
import { waitFor } from '../../src/ops/wait.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { freshClusterDatabase } from '../support/chaos.ts';

const layout = cluster.DEFAULT_LAYOUT;
const DB = 'ilteo_status_chaos';
const URL_ = cluster.clusterUrl(layout, DB);
/** 3 failed passes 1 s apart + a node check's 2 s connect timeout + the 1 s snapshot, with slack. */
const DETECTION_MS = 20_000;

interface Incident {
  id: number;
  component: string;
  impact: string;
  cause: string;
  startedAt: string;
  resolvedAt: string | null;
  updates: { status: string }[];
}

describe('the status page watches the database cluster', { timeout: 600_000 }, () => {
  let startedCluster = false;
  let database: Database;
  let fleet: Fleet;
  let browser: Browser;
  let page: Page;

  before(async () => {
    ({ database, startedCluster } = await freshClusterDatabase(layout, URL_, DB, 'ilteo-status-chaos'));
    fleet = await startFleet({
      dir: path.join(layout.dir, 'fleet-status'),
      databaseUrl: URL_,
      port: 23100,
      appPorts: [23101, 23102],
      logLevel: process.env.CHAOS_LOG_LEVEL ?? 'warn',
      env: {
        ILTEO_RATE_LIMIT_PER_MINUTE: '0',
        ILTEO_STATUS_CHECK_SECONDS: '1',
        ILTEO_STATUS_REFRESH_SECONDS: '1',
      },
    });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  after(async () => {
    await browser?.close();
    await fleet?.stop();
    const crashes = await crashLines(path.join(layout.dir, 'fleet-status'));
    if (crashes.length) console.log(`app processes wrote outside their logs:\n${crashes.join('\n')}`);
    // Keep the app logs for a failed run (the cluster directory goes with the cluster).
    await fs
      .cp(path.join(layout.dir, 'fleet-status'), path.resolve('artifacts/chaos-status-logs'), { recursive: true })
      .catch(() => {});
    await database?.close();
    if (startedCluster) await cluster.killAll(layout);
  });

  const serviceStates = async () => {
    await page.goto(`${fleet.url}/status`);
    return page.$$eval('[data-service] .ilteo-status-state', (els) => els.map((e) => e.getAttribute('data-state')));
  };
  const incidents = async () =>
    ((await (await fetch(`${fleet.url}/status.json`)).json()) as { incidents: Incident[] }).incidents;
  const bannerOn = async (url: string) => {
    await page.goto(url);
    return page.locator('[data-incident-banner]').count();
  };

  it('starts 정상', async () => {
    await waitFor('every service 정상', async () => (await serviceStates()).every((s) => s === 'operational'), 60_000);
    assert.equal(await bannerOn(`${fleet.url}/jobs`), 0);
  });

  it('one node stopped: 이중화 상실 within the detection time, banner on every page; back: the incident closes with its cause and duration', async () => {
    const primary = (await cluster.primaryIndex(layout)) as cluster.NodeIndex;
    const standby = (1 - primary) as cluster.NodeIndex;
    const stoppedAt = Date.now();
    await cluster.stopNode(layout, standby);
    await waitFor(
      'every service 이중화 상실',
      async () => (await serviceStates()).every((s) => s === 'redundancy-lost'),
      DETECTION_MS,
    );
    const detectedMs = Date.now() - stoppedAt;
    await screenshot(page, 'status-redundancy-lost');
    assert.ok(await page.getByText('이중화 상실').first().isVisible());
    // The other app process may serve /jobs with a snapshot a second older.
    await waitFor('the banner on the job search', async () => (await bannerOn(`${fleet.url}/jobs`)) === 1, 10_000);
    assert.match((await page.locator('[data-incident-banner]').textContent()) ?? '', /데이터베이스 이중화 상실/);
    await screenshot(page, 'status-banner-jobs');
    // Users lose nothing meanwhile: the search still answers.
    assert.equal((await fetch(`${fleet.url}/jobs`)).status, 200);

    const startedBack = Date.now();
    await cluster.startNode(layout, standby);
    await cluster.waitHealthy(layout, 120_000);
    let incident: Incident | undefined;
    await waitFor(
      'the incident closes by itself',
      async () => {
        incident = (await incidents()).find((i) => i.component === 'database' && i.impact === 'redundancy-lost');
        return !!incident?.resolvedAt;
      },
      90_000,
    );
    assert.ok(incident?.resolvedAt);
    const started = Date.parse(incident.startedAt);
    const resolved = Date.parse(incident.resolvedAt);
    assert.ok(started >= stoppedAt - 2_000 && started <= stoppedAt + DETECTION_MS, 'began when the node stopped');
    assert.ok(resolved >= startedBack, 'recovered after the node was started again');
    assert.ok(resolved - started >= startedBack - stoppedAt - DETECTION_MS, 'duration covers the stop');
    assert.match(incident.cause, /응답 없음|동기 복제/, `cause: ${incident.cause}`);
    assert.deepEqual(
      incident.updates.map((u) => u.status),
      ['investigating', 'resolved'],
    );
    console.log(
      `이중화 상실 detected in ${(detectedMs / 1000).toFixed(1)} s; incident lasted ${((resolved - started) / 1000).toFixed(1)} s`,
    );

    // Either process may answer, with a snapshot up to a second older than the one above.
    let titles: string[] = [];
    await waitFor(
      'the feed has both updates of the incident',
      async () => {
        const feed = (await (await fetch(`${fleet.url}/status/feed.json`)).json()) as {
          items: { id: string; title: string }[];
        };
        titles = feed.items
          .filter((i) => i.id.includes(`/status/incidents/${incident?.id}#`))
          .map((i) => i.title.slice(0, i.title.indexOf(']') + 1))
          .sort();
        return titles.length === 2;
      },
      10_000,
    );
    assert.deepEqual(titles, ['[조사 중]', '[해결]']);

    await waitFor(
      'every service 정상 again',
      async () => (await serviceStates()).every((s) => s === 'operational'),
      60_000,
    );
    assert.equal(await bannerOn(`${fleet.url}/jobs`), 0, 'the banner went');
    await page.goto(`${fleet.url}/status/incidents/${incident.id}`);
    await screenshot(page, 'status-incident-closed');
  });

  it('both nodes stopped: /status keeps answering with 전체 장애; back: the outage is in the register from when it began', async () => {
    const stoppedAt = Date.now();
    await Promise.all(cluster.NODES.map((i) => cluster.stopNode(layout, i)));
    await waitFor(
      '전체 장애 on the page without a database',
      async () => (await serviceStates()).every((s) => s === 'major'),
      DETECTION_MS + 10_000,
    );
    assert.match(await page.content(), /데이터베이스에 연결할 수 없어/);
    // Each process confirms it on its own; the leader must have, for the register to get it.
    await waitFor(
      'both app processes see 전체 장애',
      async () => {
        const views = await Promise.all(
          [23101, 23102].map(async (port) => {
            const s = (await (await fetch(`http://127.0.0.1:${port}/status.json`)).json()) as {
              components: { id: string; state: string }[];
            };
            return s.components.find((c) => c.id === 'database')?.state;
          }),
        );
        return views.every((v) => v === 'major');
      },
      DETECTION_MS,
    );
    await screenshot(page, 'status-no-database');
    // The search page was saved by each process (re-rendered every 5 minutes): served from the copy.
    const jobs = await fetch(`${fleet.url}/jobs`);
    assert.equal(jobs.status, 200, 'the saved search page');
    assert.equal(jobs.headers.get('x-ilteo-served-from'), 'cache');
    const saved = await jobs.text();
    assert.match(saved, /저장해 둔 화면을 보여 드립니다/);
    assert.match(saved, /data-incident-banner/, 'with the banner of now');
    const unsaved = await fetch(`${fleet.url}/jobs?q=${encodeURIComponent('저장된 적 없는 검색')}`);
    assert.equal(unsaved.status, 503, 'a page never saved says the database is down');
    assert.match(await unsaved.text(), /data-incident-banner/, 'with the banner');

    const startedBack = Date.now();
    for (const i of cluster.NODES) await cluster.startNode(layout, i);
    await cluster.waitHealthy(layout, 180_000);
    let incident: Incident | undefined;
    await waitFor(
      'the full outage is recorded and closed',
      async () => {
        incident = (await incidents()).find((i) => i.component === 'database' && i.impact === 'major' && i.id > 0);
        return !!incident?.resolvedAt;
      },
      120_000,
    );
    assert.ok(incident?.resolvedAt);
    const started = Date.parse(incident.startedAt);
    assert.ok(started <= startedBack, `began during the outage (${incident.startedAt}), not when it was written`);
    assert.ok(started >= stoppedAt - 2_000);
    await waitFor(
      'every service 정상 again',
      async () => (await serviceStates()).every((s) => s === 'operational'),
      90_000,
    );
  });
});
