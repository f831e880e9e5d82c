/**
 * A counter that was offline (issue 7, item 3) on both drivers: two counters of 서울강남고용센터 report
 * overlapping offline windows on the morning of 2026-11-25 (one of them twice). The centre's claimant
 * whose 실업인정일 it was, and who had not filed, gets the next business day — once, told, without the
 * personal change; one who filed at the counter keeps hers; a 부산 claimant with the same date keeps
 * theirs; a blip is not recorded; a bad window is refused in Korean; operators see the windows.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { runOutageReschedules } from '../../src/benefits/outage-job.ts';
import { DEMO_PASSWORD } from '../../src/identity/demo.ts';
import type { createServices } from '../../src/services.ts';
import { approvedClaim } from '../support/claims.ts';
import { DRIVERS, type TestDatabase } from '../support/db.ts';
import { demoApp, WebClient } from '../support/web.ts';

const kst = (s: string) => new Date(`${s}+09:00`).toISOString();

for (const kind of DRIVERS) {
  describe(`창구 전산 중단 reschedules that centre's 실업인정일 on ${kind}`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let clock = new Date('2026-11-11T01:00:00Z');
    let serial = 0;
    const client = async (loginId: string) => {
      const c = new WebClient(app, { 'x-forwarded-for': `10.9.0.${++serial}` });
      await c.signIn(loginId, DEMO_PASSWORD);
      return c;
    };
    let benefits: ReturnType<typeof createServices>['benefits'];
    const job = () => runOutageReschedules(t.database, benefits, { holder: 'test', now: clock });
    const claims: Record<string, number> = {};
    const ids: Record<string, number> = {};
    const counterA = randomUUID();
    const counterB = randomUUID();

    before(async () => {
      ({ t, app, benefits } = await demoApp(kind, () => clock));
      for (const a of await t.database.query<{ id: number; loginId: string }>(
        sql`SELECT id::int AS id, login_id AS "loginId" FROM accounts`,
      ))
        ids[a.loginId] = a.id;
      const claim = (login: string, counsellor: string, centreCode: string) =>
        approvedClaim(benefits, {
          claimantId: ids[login] ?? 0,
          counsellorId: ids[counsellor] ?? 0,
          today: '2026-11-11',
          firstDate: '2026-11-25',
          centreCode,
        });
      claims.minjun = await claim('minjun', 'counsel.gangnam', 'seoul-gangnam');
      claims.jiwoo = await claim('jiwoo', 'counsel.gangnam', 'seoul-gangnam');
      claims.sua = await claim('sua', 'counsel.busan', 'busan');
      // 14:00 on the day: 최지우 filed her 1차 실업인정 at the counter in the afternoon.
      clock = new Date(kst('2026-11-25T14:00'));
      await benefits.fileRecognition({ id: ids.jiwoo ?? 0, kind: 'seeker' }, claims.jiwoo, 1, {
        idempotencyKey: randomUUID(),
        workedOrEarned: false,
        activities: [{ kind: 'application', date: '2026-11-20', organisation: '(주)가나', description: '' }],
      });
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const dateOf = async (claimId: number | undefined) =>
      (
        await t.database.query<{ date: string }>(
          sql`SELECT scheduled_date::text AS date FROM claim_recognitions WHERE claim_id = ${claimId ?? 0} AND seq = 1`,
        )
      )[0]?.date;
    const windows = async () =>
      (await t.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM counter_outages`))[0]?.n;

    it('refuses bad windows with the reason in Korean, and records no blip', async () => {
      const counsellor = await client('counsel.gangnam');
      const send = (body: Record<string, unknown>) =>
        counsellor.postJson('/api/v1/counter/outages', { key: randomUUID(), counterId: counterA, ...body });
      const cases: [Record<string, unknown>, number, RegExp][] = [
        [{ key: 'x' }, 400, /오프라인 기록 키가 올바르지 않습니다/],
        [{ counterId: '' }, 400, /창구 PC 식별자/],
        [{ from: kst('2026-11-25T09:00') }, 400, /모두 보내야 합니다/],
        [{ from: kst('2026-11-25T10:00'), to: kst('2026-11-25T09:00') }, 422, /앞서야 합니다/],
        [{ from: kst('2026-11-25T13:00'), to: kst('2026-11-25T15:00') }, 422, /앞으로의 시각/],
        [{ from: kst('2026-11-01T09:00'), to: kst('2026-11-01T10:00') }, 422, /14일이 지난/],
      ];
      for (const [body, status, message] of cases) {
        const r = await send(body);
        assert.equal(r.statusCode, status, JSON.stringify(body));
        assert.match(r.json<{ error: { message: string } }>().error.message, message);
      }
      const blip = await send({ from: kst('2026-11-25T12:00'), to: kst('2026-11-25T12:03') });
      assert.equal(blip.statusCode, 200);
      assert.deepEqual(blip.json<{ recorded: boolean }>().recorded, false);
      assert.match(blip.json<{ message: string }>().message, /5분보다 짧은/);
      assert.equal(await windows(), 0);
      const seeker = await client('minjun');
      const forbidden = await seeker.postJson('/api/v1/counter/outages', {
        key: randomUUID(),
        counterId: counterA,
        from: kst('2026-11-25T09:00'),
        to: kst('2026-11-25T10:00'),
      });
      assert.equal(forbidden.statusCode, 403);
    });

    it('two counters offline the same morning: the unfiled date at that centre moves once', async () => {
      const a = await client('counsel.gangnam');
      const b = await client('counsel.gangnam');
      const windowA = {
        key: randomUUID(),
        counterId: counterA,
        from: kst('2026-11-25T09:10'),
        to: kst('2026-11-25T10:40'),
      };
      // As counter.js sends it: the window's own key is its Idempotency-Key, on every send.
      const first = await a.postJson('/api/v1/counter/outages', windowA, { key: windowA.key });
      const again = await a.postJson('/api/v1/counter/outages', windowA, { key: windowA.key });
      assert.equal(first.statusCode, 200);
      assert.equal(first.json<{ id: number }>().id, again.json<{ id: number }>().id, 'a resend is recorded once');
      const windowB = {
        key: randomUUID(),
        counterId: counterB,
        from: kst('2026-11-25T09:20'),
        to: kst('2026-11-25T11:00'),
      };
      assert.equal((await b.postJson('/api/v1/counter/outages', windowB, { key: windowB.key })).statusCode, 200);
      assert.equal(await windows(), 2);
      const [row] = await t.database.query<{ centre: string; counsellorId: number }>(
        sql`SELECT centre_code AS centre, counsellor_id::int AS "counsellorId" FROM counter_outages WHERE key = ${windowA.key}`,
      );
      assert.deepEqual(row, { centre: 'seoul-gangnam', counsellorId: ids['counsel.gangnam'] });

      assert.deepEqual(await job(), { skipped: false, incidents: 0, counters: 2, moved: 1, review: 0 });
      assert.equal(await dateOf(claims.minjun), '2026-11-26');
      assert.equal(await dateOf(claims.jiwoo), '2026-11-25', 'filed: not moved');
      assert.equal(await dateOf(claims.sua), '2026-11-25', 'another centre: not moved');

      const ledger = await t.database.query<{ details: { kind: string; reason: string; counterOutageId: number } }>(
        sql`SELECT details FROM benefit_ledger WHERE claim_id = ${claims.minjun ?? 0} AND event = 'schedule.moved'`,
      );
      assert.equal(ledger.length, 1, 'moved once, not once per counter');
      assert.equal(ledger[0]?.details.kind, 'outage');
      assert.ok(ledger[0]?.details.counterOutageId);
      assert.match(ledger[0]?.details.reason ?? '', /서울강남고용센터 창구 전산 중단 \(2026-11-25 09:10~11:00\)/);
      const [claim] = await t.database.query<{ used: boolean }>(
        sql`SELECT personal_change_used AS used FROM benefit_claims WHERE id = ${claims.minjun ?? 0}`,
      );
      assert.equal(claim?.used, false);

      // Once: the job again, and a third counter's window that morning reported late, move nothing.
      assert.deepEqual(await job(), { skipped: false, incidents: 0, counters: 0, moved: 0, review: 0 });
      await a.postJson('/api/v1/counter/outages', {
        key: randomUUID(),
        counterId: randomUUID(),
        from: kst('2026-11-25T10:00'),
        to: kst('2026-11-25T10:30'),
      });
      assert.deepEqual(await job(), { skipped: false, incidents: 0, counters: 1, moved: 0, review: 0 });
      assert.equal(await dateOf(claims.minjun), '2026-11-26');

      // The claimant is told why; the counsellor and the operator see it.
      const minjun = await client('minjun');
      const notes = await minjun.get('/my/notifications');
      assert.match(notes.body, /1차 실업인정일이 2026\.11\.26\.\(목\)으로 바뀌었습니다/);
      assert.match(notes.body, /서울강남고용센터 창구 전산 중단/);
      const review = await a.get(`/centre/claims/${claims.minjun}`);
      assert.match(review.body, /전산 장애로 인한 일정 조정/);
      const operator = await client('admin');
      const ops = await operator.get('/admin/operations');
      assert.equal(ops.statusCode, 200);
      assert.match(ops.body, /창구 전산 중단 \(최근 7일\)/);
      assert.match(ops.body, /1시간 30분/);
      assert.match(ops.body, /1명/);
      assert.match(ops.body, /서울강남고용센터 창구 전산 중단/);
      assert.match(ops.body, /김민준/);
      const metrics = await operator.get('/metrics');
      assert.match(metrics.body, /# HELP ilteo_counter_offline_windows /);
    });
  });
}
