/**
 * A failover's write pause in the outage register (issue 21): written once by its key, already over,
 * with its length and cause, shown on /status.json and in the feeds — on both drivers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { recordWritePause, rollup } from '../../src/status/store.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';

for (const kind of DRIVERS) {
  describe(`a write pause in the outage register on ${kind}`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    before(async () => {
      t = await openTestDatabase(kind);
      app = await buildApp({
        config: loadConfig({
          LOG_LEVEL: 'silent',
          ...(t.config.kind === 'postgres' ? { DATABASE_URL: t.config.url } : { ILTEO_DATA_DIR: t.config.dataDir }),
        }),
        database: t.database,
      });
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const pause = {
      key: 'write-pause@app-1:3001@2026-12-04T01:00:00.000Z',
      startedAt: Date.parse('2026-12-04T01:00:00.000Z'),
      endedAt: Date.parse('2026-12-04T01:00:08.400Z'),
      kind: '주 DB 전환',
      cause: '주 DB 전환 (db-1 → db-2): 주 서버 연결 끊김, 쓰기 재시도 3회',
      services: ['jobs', 'benefits'],
    };

    it('is written once, however often it is recorded, already resolved, with one update', async () => {
      await recordWritePause(t.database, pause);
      await recordWritePause(t.database, pause);
      const rows = await t.database.query<{ id: number; title: string; impact: string; resolved: string; n: number }>(
        sql`SELECT i.id::int AS id, i.title, i.impact, i.resolved_at::text AS resolved,
                   (SELECT count(*)::int FROM incident_updates u WHERE u.incident_id = i.id) AS n
              FROM incidents i WHERE i.dedupe_key = ${pause.key}`,
      );
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.title, '쓰기 일시 중단 8.4초, 주 DB 전환');
      assert.equal(rows[0]?.impact, 'partial');
      assert.ok(rows[0]?.resolved);
      assert.equal(rows[0]?.n, 1);
    });

    it('the same failover seen by another app process widens the one entry; a later pause is its own', async () => {
      await recordWritePause(t.database, {
        ...pause,
        key: 'write-pause@app-2:3002@2026-12-04T00:59:59.500Z',
        startedAt: Date.parse('2026-12-04T00:59:59.500Z'),
        endedAt: Date.parse('2026-12-04T01:00:08.800Z'),
        kind: '주 DB 연결 끊김',
        cause: '주 DB 연결 끊김 (db-2, 같은 서버로 복구): 주 서버 연결 끊김, 쓰기 재시도 1회',
      });
      await recordWritePause(t.database, {
        ...pause,
        key: 'write-pause@app-2:3002@2026-12-04T02:00:00.000Z',
        startedAt: Date.parse('2026-12-04T02:00:00.000Z'),
        endedAt: Date.parse('2026-12-04T02:00:02.000Z'),
      });
      const rows = await t.database.query<{ title: string; cause: string; started: string; body: string }>(
        sql`SELECT i.title, i.cause, i.started_at::text AS started, u.body
              FROM incidents i JOIN incident_updates u ON u.incident_id = i.id
             WHERE i.dedupe_key LIKE 'write-pause@%' ORDER BY i.started_at`,
      );
      assert.equal(rows.length, 2);
      // From the first failed write anywhere to the last process's first good one; the switch stays the cause.
      assert.equal(rows[0]?.title, '쓰기 일시 중단 9.3초, 주 DB 전환');
      assert.match(rows[0]?.cause ?? '', /^주 DB 전환 \(db-1 → db-2\)/);
      assert.equal(Date.parse(rows[0]?.started ?? ''), Date.parse('2026-12-04T00:59:59.500Z'));
      assert.match(rows[0]?.body ?? '', /9\.3초 동안/);
      assert.equal(rows[1]?.title, '쓰기 일시 중단 2.0초, 주 DB 전환');
    });

    it('counts in the availability figures as 부분 장애 for the services whose writes paused', async () => {
      await t.database.query(
        sql`INSERT INTO status_intervals (subject, state, started_at, ended_at)
            VALUES ('service:benefits', 'operational', '2026-12-04T00:00:00Z', '2026-12-04T02:30:00Z'),
                   ('service:status', 'operational', '2026-12-04T00:00:00Z', '2026-12-04T02:30:00Z')`,
      );
      await rollup(t.database, ['service:benefits', 'service:status'], new Date('2026-12-04T02:30:00Z'));
      const rows = await t.database.query<{
        subject: string;
        grain: string;
        bucket: string;
        up: number;
        partial: number;
        worst: string;
      }>(
        sql`SELECT subject, grain, bucket::text AS bucket, up_ms::int AS up, partial_ms::int AS partial, worst
              FROM status_rollups WHERE subject IN ('service:benefits', 'service:status')
               AND bucket >= '2026-12-03T15:00:00Z' AND bucket < '2026-12-04T03:00:00Z'`,
      );
      const at = (subject: string, grain: string, bucket: string) =>
        rows.find((r) => r.subject === subject && r.grain === grain && Date.parse(r.bucket) === Date.parse(bucket));
      // 00:59:59.5–01:00:08.8 and 02:00:00–02:00:02: 0.5 s + 8.8 s + 2 s of 부분 장애 in the day.
      assert.deepEqual(
        [
          at('service:benefits', 'hour', '2026-12-04T00:00:00Z'),
          at('service:benefits', 'hour', '2026-12-04T01:00:00Z'),
        ].map((r) => r && { partial: r.partial, worst: r.worst }),
        [
          { partial: 500, worst: 'partial' },
          { partial: 8_800, worst: 'partial' },
        ],
      );
      const day = at('service:benefits', 'day', '2026-12-03T15:00:00Z');
      assert.equal(day?.partial, 11_300);
      assert.equal((day?.up ?? 0) + (day?.partial ?? 0), 2.5 * 3_600_000);
      assert.equal(at('service:benefits', 'minute', '2026-12-04T01:01:00Z')?.partial, 0);
      // A service that does not write to the database is not touched by it.
      assert.equal(at('service:status', 'day', '2026-12-03T15:00:00Z')?.partial, 0);
    });

    it('shows in the public register and the feed, and opens no banner', async () => {
      await app.statusRunner.refreshSnapshot();
      const status = (await app.inject('/status.json')).json() as {
        incidents: { title: string; cause: string; startedAt: string; resolvedAt: string | null }[];
      };
      const shown = status.incidents.find((i) => i.title === '쓰기 일시 중단 9.3초, 주 DB 전환');
      assert.ok(shown, 'in the register');
      assert.match(shown.cause, /주 DB 전환 \(db-1 → db-2\)/);
      assert.equal(Date.parse(shown.startedAt), Date.parse('2026-12-04T00:59:59.500Z'));
      assert.equal(shown.resolvedAt && Date.parse(shown.resolvedAt), Date.parse('2026-12-04T01:00:08.800Z'));
      const feed = await app.inject('/status/feed.json');
      assert.match(feed.body, /쓰기 일시 중단 9\.3초/);
      const home = await app.inject('/');
      assert.doesNotMatch(home.body, /data-incident-banner/, 'an event that is over opens no banner');
    });
  });
}
