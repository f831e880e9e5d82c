import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/db/index.ts';
import { verifyPassword } from '../../src/identity/passwords.ts';
import { freshDatabaseConfig } from '../support/db.ts';

function run(args: string[], env: Record<string, string>, stdin: string) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ['src/cli.ts', ...args], {
      env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stdin.end(stdin);
    child.once('exit', (code) => resolve({ code, out }));
  });
}

describe('ilteo create-operator (the first operator)', () => {
  let dataDir: string;
  let remove: () => Promise<void>;
  before(async () => {
    const fresh = await freshDatabaseConfig('pglite');
    if (fresh.config.kind !== 'pglite') throw new Error('expected pglite');
    dataDir = fresh.config.dataDir;
    remove = fresh.remove;
  });
  after(async () => remove?.());

  it('refuses a weak password with the rules, in Korean', async () => {
    const r = await run(
      ['create-operator', '--login', 'chief', '--name', '홍길동', '--email', 'chief@ilteo.example'],
      { ILTEO_DATA_DIR: dataDir },
      'short\n',
    );
    assert.equal(r.code, 2);
    assert.match(r.out, /비밀번호 규칙/);
  });

  it('creates the operator with an argon2id password, audited', async () => {
    const r = await run(
      ['create-operator', '--login', 'Chief', '--name', '홍길동', '--email', 'chief@ilteo.example'],
      { ILTEO_DATA_DIR: dataDir },
      'Operator!2026x\n',
    );
    assert.equal(r.code, 0, r.out);
    const again = await run(
      ['create-operator', '--login', 'chief', '--name', '홍길동', '--email', 'chief@ilteo.example'],
      { ILTEO_DATA_DIR: dataDir },
      'Operator!2026x\n',
    );
    assert.equal(again.code, 1);
    assert.match(again.out, /이미 사용 중인 아이디/);
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const [account] = await database.query<{ kind: string; hash: string }>(
        sql`SELECT kind, password_hash AS hash FROM accounts WHERE login_id = 'chief'`,
      );
      assert.equal(account?.kind, 'operator');
      assert.match(account?.hash ?? '', /^\$argon2id\$/);
      assert.equal(await verifyPassword(account?.hash, 'Operator!2026x'), true);
      const [entry] = await database.query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'account.create' AND ip = 'cli'`,
      );
      assert.equal(entry?.n, 1);
    } finally {
      await database.close();
    }
  });
});
