import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { insertPostings } from '../../src/jobs/store.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { makePosting } from '../support/postings.ts';

for (const kind of DRIVERS) {
  describe(`posting reports (idempotent writes) on ${kind}`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    before(async () => {
      t = await openTestDatabase(kind);
      await insertPostings(t.database, [makePosting({ wantedAuthNo: 'KR001', closeDt: null })]);
      app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database: t.database });
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });
    const post = (key: string | undefined, body: unknown, id = 'KR001') =>
      app.inject({
        method: 'POST',
        url: `/api/v1/postings/${id}/reports`,
        headers: key ? { 'idempotency-key': key } : {},
        payload: body as Record<string, unknown>,
      });

    it('files a report once per key, however often it is sent', async () => {
      const key = randomUUID();
      const first = await post(key, { reason: 'fee', detail: '교육비 30만원을 먼저 내라고 했습니다.' });
      assert.equal(first.statusCode, 201);
      const receipt = first.json() as { id: number; receiptNo: string };
      assert.match(receipt.receiptNo, /^신고-\d{8}-\d{6}$/);
      // A repeat (same key, same report) is answered with the first answer, 201 and all.
      const again = await Promise.all(
        [1, 2, 3].map(() => post(key, { reason: 'fee', detail: '교육비 30만원을 먼저 내라고 했습니다.' })),
      );
      for (const r of again) {
        assert.equal(r.statusCode, 201);
        assert.deepEqual(r.json(), first.json());
      }
      // The same key with another report is refused, and nothing changes.
      const other = await post(key, { reason: 'other', detail: '다른 신고' });
      assert.equal(other.statusCode, 422);
      assert.equal((other.json() as { error: { code: string } }).error.code, 'IDEMPOTENCY_KEY_REUSED');
      const [row] = await t.database.query<{ n: number }>(
        (await import('drizzle-orm'))
          .sql`SELECT count(*)::int AS n FROM posting_reports WHERE idempotency_key = ${key}`,
      );
      assert.equal(row?.n, 1);
    });

    it('refuses a report without an idempotency key, in Korean', async () => {
      const r = await post(undefined, { reason: 'fee' });
      assert.equal(r.statusCode, 400);
      assert.match((r.json() as { error: { message: string } }).error.message, /Idempotency-Key/);
    });

    it('explains a bad reason and keeps nothing', async () => {
      const r = await post(randomUUID(), { reason: 'spam' });
      assert.equal(r.statusCode, 422);
      assert.match((r.json() as { error: { fields: Record<string, string> } }).error.fields.reason ?? '', /사유/);
    });

    it('answers 404 for a posting that does not exist', async () => {
      const r = await post(randomUUID(), { reason: 'fee' }, 'KNOPE');
      assert.equal(r.statusCode, 404);
    });
  });
}
