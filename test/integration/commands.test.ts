/**
 * The one write path (src/db/commands.ts) on both drivers, and on PostgreSQL through the fault proxy:
 * a command applies once whatever is repeated, a lost COMMIT answer is retried into the stored outcome,
 * an attempt past its deadline never applies later, and a write outside a command is refused.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import {
  atomically,
  CommandKeyConflictError,
  CommandOutcomeUnknownError,
  type Commands,
  commandAware,
  createCommands,
  inWriteHandler,
  WriteOutsideCommandError,
} from '../../src/db/commands.ts';
import { DatabaseUnavailableError } from '../../src/db/failover.ts';
import type { Database } from '../../src/db/index.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { allow } from '../../src/identity/access.ts';
import { audit } from '../../src/identity/audit.ts';
import { registerCommands, repeatable, writes } from '../../src/web/commands.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { FaultProxy, hostPortOf, viaProxy } from '../support/fault-proxy.ts';

const SECRET = 'test-secret-for-fingerprints';
class UserRefusal extends Error {}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A change with a visible effect: one audit row per application, marked with the key. */
const addRow = (database: Database, mark: string) =>
  audit(database, { actor: null, action: 'test.command', outcome: 'success', ip: '127.0.0.1', userAgent: mark });

const rowsMarked = async (database: Database, mark: string) => {
  const [row] = await database.read<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.command' AND user_agent = ${mark}`,
  );
  return row?.n ?? -1;
};

const request = (key: string, body: Record<string, string> = { x: '1' }) => ({
  actor: 'account:1',
  key,
  command: 'test.addRow',
  request: { method: 'POST', url: '/test', body },
});

for (const kind of DRIVERS) {
  describe(`commands on ${kind}`, () => {
    let t: TestDatabase;
    let database: Database;
    let commands: Commands;
    before(async () => {
      t = await openTestDatabase(kind);
      database = commandAware(t.database);
      commands = createCommands(t.database, { secret: SECRET });
    });
    after(async () => {
      await t?.cleanup();
    });

    it('applies a command once and answers a repeat with the stored outcome', async () => {
      const key = randomUUID();
      let runs = 0;
      const change = async () => {
        runs++;
        await addRow(database, key);
        return { redirect: `/done/${key}` };
      };
      const first = await commands.run(request(key), change);
      const again = await commands.run(request(key), change);
      assert.deepEqual(first, { outcome: { redirect: `/done/${key}` }, repeated: false });
      assert.deepEqual(again, { outcome: { redirect: `/done/${key}` }, repeated: true });
      assert.equal(runs, 1);
      assert.equal(await rowsMarked(database, key), 1);
    });

    it('answers sends of the same key at the same instant once', async () => {
      const key = randomUUID();
      const results = await Promise.all(
        [1, 2, 3, 4].map(() =>
          commands.run(request(key), async () => {
            await addRow(database, key);
            return { n: 1 };
          }),
        ),
      );
      assert.equal(results.filter((r) => !r.repeated).length, 1);
      assert.equal(await rowsMarked(database, key), 1);
    });

    it('refuses the same key with another request and changes nothing', async () => {
      const key = randomUUID();
      await commands.run(request(key, { x: '1' }), async () => {
        await addRow(database, key);
        return null;
      });
      await assert.rejects(
        commands.run(request(key, { x: '2' }), async () => {
          await addRow(database, key);
          return null;
        }),
        CommandKeyConflictError,
      );
      assert.equal(await rowsMarked(database, key), 1);
    });

    it('keeps nothing of a command that failed, so the same key can be tried again', async () => {
      const key = randomUUID();
      await assert.rejects(
        commands.run(request(key), async () => {
          await addRow(database, key);
          throw new Error('business rule refused');
        }),
        /business rule refused/,
      );
      assert.equal(await rowsMarked(database, key), 0);
      const retried = await commands.run(request(key), async () => {
        await addRow(database, key);
        return 'ok';
      });
      assert.equal(retried.repeated, false);
      assert.equal(await rowsMarked(database, key), 1);
    });

    it('puts nested transactions and reads of the services into the command', async () => {
      const key = randomUUID();
      const seen = await commands.run(request(key), async () => {
        await database.transaction(async (tx) => {
          await tx.query(
            sql`INSERT INTO audit_log (actor_id, action, outcome, ip, user_agent) VALUES (NULL, 'test.command', 'success', '', ${key})`,
          );
        });
        return rowsMarked(database, key);
      });
      assert.equal(seen.outcome, 1, 'a read inside the command sees its own write');
    });

    it('rolls back a nested transaction that failed, and keeps the rest of the command', async () => {
      const key = randomUUID();
      await commands.run(request(key), async () => {
        await addRow(database, key);
        await database
          .transaction(async () => {
            await addRow(database, key);
            throw new Error('the service gave up after writing');
          })
          .catch(() => {});
        return null;
      });
      assert.equal(await rowsMarked(database, key), 1);
    });

    it('refuses a write outside a command in a write handler, and lets reads through', async () => {
      const mark = randomUUID();
      await assert.rejects(
        inWriteHandler('POST /test', () => addRow(database, mark)),
        WriteOutsideCommandError,
      );
      assert.equal(await inWriteHandler('POST /test', () => rowsMarked(database, mark)), 0);
      const [row] = await inWriteHandler('POST /test', () => database.query<{ one: number }>(sql`SELECT 1 AS one`));
      assert.equal(row?.one, 1);
    });

    it('refuses to start with a write route that declares no command, and lists those that do', async () => {
      const app = Fastify();
      registerCommands(app, commands);
      app.post('/declared', writes(allow('public'), 'test.declared'), async () => ({ ok: true }));
      app.post('/sign-in', repeatable(allow('public'), 'a test of the declaration'), async () => ({ ok: true }));
      assert.throws(() => app.post('/undeclared', allow('public'), async () => ({ ok: true })), /declares no command/);
      await app.ready();
      assert.deepEqual(
        app.writeRoutes.map((r) => `${r.method} ${r.url}`),
        ['POST /declared', 'POST /sign-in'],
      );
      const refused = await app.inject({ method: 'POST', url: '/declared', payload: {} });
      assert.equal(refused.statusCode, 400, 'a write without a key never reaches its handler');
      assert.equal((refused.json() as { code: string }).code, 'IDEMPOTENCY_KEY_REQUIRED');
      await app.close();
    });

    it('writes a change outside a command and its audit row together, or neither', async () => {
      const key = randomUUID();
      await assert.rejects(
        atomically(database, async () => {
          await addRow(database, key);
          await addRow(database, key);
          throw new Error('the second half failed');
        }),
        /the second half failed/,
      );
      assert.equal(await rowsMarked(database, key), 0, 'nothing of a failed unit is kept');
      const n = await atomically(database, async () => {
        await addRow(database, key);
        await addRow(database, key);
        return 2;
      });
      assert.equal(n, 2);
      assert.equal(await rowsMarked(database, key), 2);
      // Inside a command it is the command's transaction: the command's failure takes it back too.
      const inner = randomUUID();
      await assert.rejects(
        commands.run(request(inner), async () => {
          await atomically(database, () => addRow(database, inner));
          throw new UserRefusal();
        }),
      );
      assert.equal(await rowsMarked(database, inner), 0);
    });

    it('forgets outcomes past the keeping window', async () => {
      const key = randomUUID();
      await commands.run(request(key), async () => null);
      assert.ok(await commands.lookup('account:1', key));
      await commands.purge(new Date(Date.now() + 31 * 86_400_000));
      assert.equal(await commands.lookup('account:1', key), undefined);
    });
  });
}

describe('commands on PostgreSQL through the fault proxy', () => {
  let t: TestDatabase;
  let proxy: FaultProxy;
  let proxied: Database;
  let database: Database;
  let commands: Commands;
  before(async () => {
    t = await openTestDatabase('postgres');
    if (t.config.kind !== 'postgres') throw new Error('postgres expected');
    proxy = new FaultProxy(hostPortOf(t.config.url));
    const port = await proxy.listen();
    proxied = await openPostgres(viaProxy(t.config.url, port), {
      max: 4,
      retry: { deadlineMs: 1_500, baseDelayMs: 20, maxDelayMs: 200 },
    });
    database = commandAware(proxied);
    commands = createCommands(proxied, { secret: SECRET });
  });
  after(async () => {
    await proxied?.close();
    await proxy?.close();
    await t?.cleanup();
  });

  it('retries a command whose COMMIT answer was lost into its stored outcome: applied once', async () => {
    const key = randomUUID();
    let runs = 0;
    proxy.dropAfterCommit();
    const result = await commands.run(request(key), async () => {
      runs++;
      await addRow(database, key);
      return { receipt: key.slice(0, 8) };
    });
    assert.equal(proxy.dropped, 1, 'the COMMIT answer was cut');
    assert.equal(runs, 1, 'the retry found the stored outcome instead of applying again');
    assert.deepEqual(result, { outcome: { receipt: key.slice(0, 8) }, repeated: true });
    assert.equal(await rowsMarked(t.database, key), 1);
  });

  it('writes an audit row outside a command once when its COMMIT answer is lost', async () => {
    const mark = randomUUID();
    proxy.dropAfterComplete('INSERT');
    const before = proxy.dropped;
    await addRow(proxied, mark);
    assert.equal(proxy.dropped, before + 1);
    assert.equal(await rowsMarked(t.database, mark), 1);
  });

  it('answers 503 for a command the database did not take in time, and never applies it later', async () => {
    const key = randomUUID();
    proxy.stall(3_000);
    await assert.rejects(
      commands.run(request(key), async () => {
        await addRow(database, key);
        return null;
      }),
      (err: unknown) => err instanceof DatabaseUnavailableError && !(err instanceof CommandOutcomeUnknownError),
    );
    await sleep(3_500); // the stalled attempt reaches the server now, and is fenced off
    assert.equal(await rowsMarked(t.database, key), 0);
    assert.equal(await commands.lookup('account:1', key), undefined);
  });

  it('answers with the outcome it finds when its COMMIT landed but no answer came before the deadline', async () => {
    const key = randomUUID();
    let runs = 0;
    // The COMMIT lands, its answer is lost, and nothing answers for longer than the 1.5 s deadline:
    // the retries run out, then the command looks for its own outcome and finds it.
    proxy.dropAfterCommit(/command_outcomes/, { thenStallMs: 2_000 });
    const result = await commands.run(request(key), async () => {
      runs++;
      await addRow(database, key);
      return { receipt: 'found' };
    });
    assert.equal(runs, 1);
    assert.deepEqual(result, { outcome: { receipt: 'found' }, repeated: false });
    assert.equal(await rowsMarked(t.database, key), 1);
  });

  it('says "not known" when the deadline passes with the COMMIT on the wire; a repeat answers once', async () => {
    const key = randomUUID();
    proxy.holdCommit(2_500);
    const change = async () => {
      await addRow(database, key);
      return { done: true };
    };
    await assert.rejects(commands.run(request(key), change), CommandOutcomeUnknownError);
    await sleep(3_000); // the held COMMIT lands
    assert.equal(await rowsMarked(t.database, key), 1);
    const again = await commands.run(request(key), change);
    assert.deepEqual(again, { outcome: { done: true }, repeated: true });
    assert.equal(await rowsMarked(t.database, key), 1);
  });
});
