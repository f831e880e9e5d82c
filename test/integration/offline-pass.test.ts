/**
 * Signed-in requests when no database node answers (issue 19): the session lookup gives up within
 * LOOKUP_BOUND_MS instead of the write pool's 20 s deadline, and the signed pass recognises a citizen —
 * but not a session signed out before the outage, not a disabled account (the revocation list each
 * process keeps on its disk); counsellors and operators get no pass at all.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { DatabaseUnavailableError } from '../../src/db/failover.ts';
import type { Database } from '../../src/db/index.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { PASS_COOKIE, SESSION_COOKIE } from '../../src/identity/access.ts';
import { createAccount } from '../../src/identity/accounts.ts';
import { RevocationList } from '../../src/identity/revocations.ts';
import { findSession, LOOKUP_BOUND_MS } from '../../src/identity/sessions.ts';
import { waitFor } from '../../src/ops/wait.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { FaultProxy, hostPortOf, viaProxy } from '../support/fault-proxy.ts';
import { WebClient } from '../support/web.ts';

const PASSWORD = 'Ilteo!2026pass';

describe('signed-in requests with no database: bounded lookup, passes for citizens only, revocations', () => {
  let t: TestDatabase;
  let proxy: FaultProxy;
  let proxied: Database;
  let app: FastifyInstance;
  let journalDir: string;
  const people = new Map<string, WebClient>();
  before(async () => {
    t = await openTestDatabase('postgres');
    if (t.config.kind !== 'postgres') throw new Error('postgres expected');
    proxy = new FaultProxy(hostPortOf(t.config.url));
    proxied = await openPostgres(viaProxy(t.config.url, await proxy.listen()), { max: 4 });
    journalDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ilteo-pass-'));
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      ILTEO_TRUST_PROXY: 'true',
      ILTEO_ALERTS_SECONDS: '0',
      // The status monitor is how a process learns that no node answers: every second here.
      ILTEO_STATUS_CHECK_SECONDS: '1',
      ILTEO_STATUS_REFRESH_SECONDS: '1',
      ILTEO_STATUS_SNAPSHOT: path.join(journalDir, 'status.json'),
      ILTEO_JOURNAL_DIR: journalDir,
      ILTEO_PAGE_CACHE_DIR: path.join(journalDir, 'pages'),
    });
    app = await buildApp({ config, database: proxied });
    let n = 0;
    for (const [loginId, kind, name] of [
      ['passok', 'seeker', '김통과'],
      ['passout', 'seeker', '이로그아웃'],
      ['passoff', 'seeker', '박정지'],
      ['passstaff', 'counsellor', '최상담'],
    ] as const) {
      await createAccount(t.database, {
        kind,
        loginId,
        name,
        email: `${loginId}@example.kr`,
        password: PASSWORD,
        centreCode: 'seoul-gangnam',
      });
      const client = new WebClient(app, { 'x-forwarded-for': `10.8.0.${++n}` });
      assert.equal((await client.signIn(loginId, PASSWORD)).statusCode, 303);
      await client.get('/benefits/apply'); // the pass is issued with the first page after sign-in
      people.set(loginId, client);
    }
    // Signed out everywhere before the outage — but the browser still holds its old cookies.
    const out = people.get('passout');
    const kept = new Map(out?.cookies);
    await t.database.query(sql`UPDATE sessions SET revoked_at = now() WHERE account_id =
                                 (SELECT id FROM accounts WHERE login_id = 'passout')`);
    for (const [k, v] of kept) out?.cookies.set(k, v);
    await t.database.query(sql`UPDATE accounts SET status = 'disabled' WHERE login_id = 'passoff'`);
    await app.revocations.refresh(t.database, new Date(), 3_600_000);
  });
  after(async () => {
    await app?.close();
    await proxied?.close();
    await proxy?.close();
    await t?.cleanup();
    await fs.rm(journalDir, { recursive: true, force: true });
  });

  it('gives citizens a pass, and counsellors none', () => {
    assert.ok(people.get('passok')?.cookies.has(PASS_COOKIE));
    assert.ok(people.get('passstaff')?.cookies.has(SESSION_COOKIE));
    assert.ok(!people.get('passstaff')?.cookies.has(PASS_COOKIE));
  });

  it('gives up a session lookup within its bound when no node answers, whatever this process believes', async () => {
    const token = people.get('passok')?.cookies.get(SESSION_COOKIE) ?? '';
    proxy.stall(8_000);
    try {
      for (const primaryDown of [false, true]) {
        const started = performance.now();
        await assert.rejects(
          findSession(proxied, token, { idleMinutes: 30, absoluteHours: 12 }, new Date(), { primaryDown }),
          DatabaseUnavailableError,
        );
        const took = performance.now() - started;
        assert.ok(took < LOOKUP_BOUND_MS + 500, `took ${Math.round(took)} ms`);
      }
    } finally {
      proxy.cutAll();
    }
  });

  it('recognises a citizen by the pass when no node answers, within 5 s, and nobody else', async () => {
    proxy.stall(90_000);
    try {
      // Once this process's monitor has seen that no node answers, nobody waits for the database.
      await waitFor('the monitor sees no node answering', async () => app.statusRunner.noNodeAnswers(), 60_000);
      // The 수급자격 신청 form opens without a database (journaled), for a signed-in citizen.
      const seen = new Map<string, number>();
      for (const [loginId, name] of [
        ['passok', '김통과'],
        ['passout', '이로그아웃'],
        ['passoff', '박정지'],
        ['passstaff', '최상담'],
      ] as const) {
        const started = performance.now();
        const page = await people.get(loginId)?.get('/benefits/apply');
        const took = performance.now() - started;
        assert.ok(took < 5_000, `${loginId}: answered in ${Math.round(took)} ms`);
        seen.set(loginId, page?.statusCode ?? 0);
        if (page?.statusCode === 200) assert.ok(page.body.includes(name), `${loginId}: signed in as ${name}`);
        else assert.match(page?.body ?? '', /로그인 상태를 확인할 수 없어/, `${loginId}: "not now", not "sign in"`);
      }
      // A pass for a session signed out, or an account disabled, before the outage is refused; a
      // counsellor has none.
      assert.deepEqual(Object.fromEntries(seen), { passok: 200, passout: 503, passoff: 503, passstaff: 503 });
    } finally {
      proxy.cutAll();
    }
  });
});

describe('RevocationList', () => {
  it('keeps what it read on disk, for a process that starts during an outage', async () => {
    const t = await openTestDatabase('pglite');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ilteo-revocations-'));
    try {
      const id = await createAccount(t.database, {
        kind: 'seeker',
        loginId: 'revoked1',
        name: '정지됨',
        email: null,
        password: PASSWORD,
        centreCode: null,
      });
      await t.database.query(sql`UPDATE accounts SET status = 'disabled' WHERE id = ${id}`);
      await t.database.query(
        sql`INSERT INTO sessions (id_hash, account_id, method, created_at, last_seen_at, expires_at, ip, user_agent, revoked_at)
            VALUES (${'ab'.repeat(32)}, ${id}, 'password', now(), now(), now() + interval '1 hour', '', '', now())`,
      );
      const list = new RevocationList(dir);
      await list.refresh(t.database, new Date(), 3_600_000);
      const reopened = new RevocationList(dir);
      await reopened.open();
      for (const l of [list, reopened]) {
        assert.equal(l.refuses({ sid: 'ab'.repeat(8), id: 999_999 }), true, 'a signed-out session');
        assert.equal(l.refuses({ sid: 'cd'.repeat(8), id }), true, 'a disabled account');
        assert.equal(l.refuses({ sid: 'cd'.repeat(8), id: 999_999 }), false, 'anyone else');
      }
    } finally {
      await t.cleanup();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
