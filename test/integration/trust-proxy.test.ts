/**
 * Per-IP limits behind the proxy (issue 20, item 20): through a real HAProxy (the config src/ops/fleet.ts
 * generates, started here on 127.0.0.1), a client that forges X-Forwarded-For on every request is still
 * one client to the rate limit. And HAProxy hands the apps exactly one X-Forwarded-For entry, the
 * address it saw, whatever the client sent.
 *
 * The client connects from 127.0.0.2 (all of 127.0.0.0/8 is this machine), so its address is not the
 * proxy's own 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { haproxyConfig } from '../../src/ops/fleet.ts';
import { waitFor } from '../../src/ops/wait.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { freePort } from '../support/idp.ts';

const LIMIT = 5;

/** One GET from a chosen local address, with the headers given. */
function get(
  port: number,
  urlPath: string,
  headers: Record<string, string> = {},
  localAddress = '127.0.0.2',
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: urlPath, headers, localAddress, agent: false, timeout: 10_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer in 10 s')));
    req.on('error', reject);
    req.end();
  });
}

async function startHaproxy(dir: string, port: number, appPort: number): Promise<ChildProcess> {
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, 'haproxy.cfg');
  await fs.writeFile(file, haproxyConfig({ port, appPorts: [appPort], dir }));
  const child = spawn('haproxy', ['-db', '-f', file], { stdio: 'ignore' });
  await waitFor('haproxy', async () => (await get(port, '/healthz', {}, '127.0.0.1')).status === 200, 15_000, 100);
  return child;
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

describe('the client address behind HAProxy', () => {
  let tmp: string;
  let t: TestDatabase;
  let app: FastifyInstance;
  let echo: http.Server;
  let appProxy: ChildProcess | undefined;
  let echoProxy: ChildProcess | undefined;
  let appProxyPort: number;
  let echoProxyPort: number;
  let appPort: number;

  before(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'ilteo-proxy-'));
    t = await openTestDatabase('postgres');
    // The app as the fleet runs it (src/ops/fleet.ts: ILTEO_TRUST_PROXY=127.0.0.1), with a tiny limit.
    app = await buildApp({
      config: loadConfig({
        LOG_LEVEL: 'silent',
        ILTEO_TRUST_PROXY: '127.0.0.1',
        ILTEO_RATE_LIMIT_PER_MINUTE: String(LIMIT),
        ILTEO_STATUS: 'off',
        ILTEO_ALERTS_SECONDS: '0',
        ILTEO_JOURNAL_DIR: path.join(tmp, 'journal'),
        ILTEO_PAGE_CACHE_DIR: path.join(tmp, 'pages'),
      }),
      database: t.database,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    appPort = (app.server.address() as AddressInfo).port;
    // What HAProxy passes on, as a backend sees it.
    echo = http.createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          xff: req.headers['x-forwarded-for'] ?? null,
          host: req.headers['x-forwarded-host'] ?? null,
          proto: req.headers['x-forwarded-proto'] ?? null,
          forwarded: req.headers.forwarded ?? null,
        }),
      );
    });
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
    [appProxyPort, echoProxyPort] = [await freePort(), await freePort()];
    [appProxy, echoProxy] = await Promise.all([
      startHaproxy(path.join(tmp, 'app'), appProxyPort, appPort),
      startHaproxy(path.join(tmp, 'echo'), echoProxyPort, (echo.address() as AddressInfo).port),
    ]);
  });

  after(async () => {
    await Promise.all([stop(appProxy), stop(echoProxy)]);
    await new Promise((r) => echo?.close(r));
    await app?.close();
    await t?.cleanup();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  it('hands the apps one X-Forwarded-For entry, the address HAProxy saw, and drops the other forwarded headers', async () => {
    const res = await get(echoProxyPort, '/', {
      'x-forwarded-for': '203.0.113.66, 198.51.100.1',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
      forwarded: 'for=203.0.113.66',
    });
    assert.equal(res.status, 200);
    assert.deepEqual(JSON.parse(res.body), { xff: '127.0.0.2', host: null, proto: null, forwarded: null });
  });

  it('counts a client that forges a new X-Forwarded-For on every request as one client', async () => {
    const statuses: number[] = [];
    let refusal = '';
    for (let i = 1; i <= LIMIT + 3; i++) {
      const res = await get(appProxyPort, '/status.json', { 'x-forwarded-for': `203.0.113.${i}` });
      statuses.push(res.status);
      if (res.status === 429) refusal = res.body;
    }
    assert.deepEqual(statuses, [...Array(LIMIT).fill(200), 429, 429, 429]);
    assert.match(refusal, /요청이 너무 많습니다/);
  });

  it('believes no X-Forwarded-For from a client that reaches the app directly', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= LIMIT + 2; i++)
      statuses.push((await get(appPort, '/status.json', { 'x-forwarded-for': `198.51.100.${i}` }, '127.0.0.3')).status);
    assert.deepEqual(statuses, [...Array(LIMIT).fill(200), 429, 429]);
  });
});
