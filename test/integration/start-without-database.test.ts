/**
 * An app process that starts while no database node answers (issue 7): it starts anyway, serves the
 * public pages an earlier process saved (with a notice), the status page and /healthz, says not ready
 * on /readyz, and connects and migrates by itself once the database is there. On real PostgreSQL: the
 * database is dropped between the two starts, then created again.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../src/config/index.ts';
import { createDatabase, dropDatabase } from '../../src/db/admin.ts';
import { openDatabase } from '../../src/db/index.ts';
import { insertPostings } from '../../src/jobs/store.ts';
import { waitFor } from '../../src/ops/wait.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { SERVER_URL, withDbName } from '../support/db.ts';
import { makePosting } from '../support/postings.ts';

describe('starting with no database (PostgreSQL)', () => {
  const name = `ilteo_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = withDbName(SERVER_URL, name);
  let dir = '';
  let server: RunningServer | undefined;
  const config = () => ({
    ...loadConfig({
      LOG_LEVEL: 'silent',
      PORT: '0',
      DATABASE_URL: url,
      ILTEO_ALERTS_SECONDS: '0',
      ILTEO_STATUS_CHECK_SECONDS: '1',
      ILTEO_STATUS_REFRESH_SECONDS: '1',
      ILTEO_JOURNAL_DIR: path.join(dir, 'journal'),
      ILTEO_PAGE_CACHE_DIR: path.join(dir, 'pages'),
      ILTEO_STATUS_SNAPSHOT: path.join(dir, 'status.json'),
    }),
  });
  const get = async (p: string) => {
    const r = await fetch(`${server?.url}${p}`);
    return { status: r.status, served: r.headers.get('x-ilteo-served-from'), body: await r.text() };
  };

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ilteo-nodb-'));
    await createDatabase(url);
  });
  after(async () => {
    await server?.close().catch(() => {});
    await dropDatabase(SERVER_URL, name).catch(() => {});
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('a process with the database saves the public pages it serves', async () => {
    server = await startServer(config());
    await insertPostings(server.database, [
      makePosting({
        wantedAuthNo: 'KNODB00001',
        title: '항만 물류 사무원',
        regDt: '2026-11-20',
        closeDt: '2027-01-31',
      }),
    ]);
    const jobs = await get('/jobs');
    assert.equal(jobs.status, 200);
    assert.equal(jobs.served, null, 'served live');
    assert.match(jobs.body, /항만 물류 사무원/);
    assert.equal((await get('/jobs/KNODB00001')).status, 200);
    await server.close();
    server = undefined;
    const secret = await fs.stat(path.join(dir, 'journal', 'cookie-secret'));
    assert.equal(secret.mode & 0o777, 0o600, 'the cookie secret is kept on this server, readable by it only');
    assert.ok((await fs.readdir(path.join(dir, 'pages'))).length >= 2);
  });

  it('with no database, the next process starts, serves the saved pages with a notice, and is not ready', async () => {
    await dropDatabase(SERVER_URL, name);
    server = await startServer(config());
    assert.equal((await get('/healthz')).status, 200);
    assert.equal((await get('/readyz')).status, 503);
    const jobs = await get('/jobs');
    assert.equal(jobs.status, 200);
    assert.equal(jobs.served, 'cache');
    assert.match(jobs.body, /저장해 둔 화면을 보여 드립니다/);
    assert.match(jobs.body, /항만 물류 사무원/);
    const detail = await get('/jobs/KNODB00001');
    assert.equal(detail.served, 'cache');
    assert.match(detail.body, /항만 물류 사무원/);
    const unseen = await get('/jobs?q=%EC%9A%A9%EC%A0%91');
    assert.equal(unseen.status, 503, 'a page never saved: the outage page');
    assert.match(unseen.body, /데이터베이스/);
    assert.equal((await get('/status')).status, 200);
  });

  it('connects and migrates by itself once the database is there', async () => {
    await createDatabase(url);
    await waitFor('ready', async () => (await get('/readyz')).status === 200, 60_000);
    await waitFor('pages served live again', async () => (await get('/jobs')).served === null, 30_000);
    const live = await get('/jobs');
    assert.doesNotMatch(live.body, /항만 물류 사무원/, 'the new database is empty: the page is live');
    const db = await openDatabase({ kind: 'postgres', url });
    try {
      const rows = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM accounts`);
      assert.equal(rows[0]?.n, 0, 'migrated (the accounts table exists)');
    } finally {
      await db.close();
    }
  });
});
