/**
 * Automatic rescheduling after an outage (issue 7, part 3) on both drivers: an operator declares the
 * morning's outage of 실업급여 (09:15–11:57); the claimant whose 실업인정일 it was gets the next business
 * day — without penalty, without using the personal change, once however often the job runs — is told,
 * and the counsellor and the operator see it; a claimant whose date was not in it keeps theirs; an
 * incident that was only 이중화 상실 moves no one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { runOutageReschedules } from '../../src/benefits/outage-job.ts';
import { DEMO_PASSWORD } from '../../src/identity/demo.ts';
import type { createServices } from '../../src/services.ts';
import { applyFromRecords } from '../support/claims.ts';
import { DRIVERS, type TestDatabase } from '../support/db.ts';
import { demoApp, WebClient } from '../support/web.ts';

for (const kind of DRIVERS) {
  describe(`실업인정일 rescheduled after an outage on ${kind}`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let clock = new Date('2026-11-02T01:00:00Z');
    let serial = 0;
    const client = () => new WebClient(app, { 'x-forwarded-for': `10.8.0.${++serial}` });
    let counsellor: WebClient;
    let operator: WebClient;
    const claims: Record<string, number> = {};
    let benefits: ReturnType<typeof createServices>['benefits'];
    const job = () => runOutageReschedules(t.database, benefits, { holder: 'test', now: clock });

    /** Files a claim for `loginId` and has the counsellor approve it with `firstDate`. */
    const approvedClaim = async (loginId: string, firstDate: string) => {
      const c = client();
      await c.signIn(loginId, DEMO_PASSWORD);
      // Filed from the person's 고용보험 records (본인확인, 신고, 이직확인서), every fact confirmed.
      const filed = await applyFromRecords(c, t.database, loginId);
      const id = Number(/\/benefits\/claims\/(\d+)/.exec(String(filed.headers.location))?.[1]);
      await counsellor.get(`/centre/claims/${id}`);
      const ok = await counsellor.post(`/centre/claims/${id}/approve`, { firstDate, cycleDays: '28' });
      assert.equal(ok.statusCode, 303);
      return { id, c };
    };
    let minjun: WebClient;

    before(async () => {
      ({ t, app, benefits } = await demoApp(kind, () => clock));
      counsellor = client();
      await counsellor.signIn('counsel.gangnam', DEMO_PASSWORD);
      operator = client();
      await operator.signIn('admin', DEMO_PASSWORD);
      const a = await approvedClaim('minjun', '2026-11-25');
      claims.minjun = a.id;
      minjun = a.c;
      claims.jiwoo = (await approvedClaim('jiwoo', '2026-11-27')).id;
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const scheduled = async (claimId: number) =>
      t.database.query<{ seq: number; date: string; periodStart: string; because: string | null }>(
        sql`SELECT seq, scheduled_date::text AS date, period_start::text AS "periodStart", moved_because AS because
              FROM claim_recognitions WHERE claim_id = ${claimId} ORDER BY seq LIMIT 2`,
      );

    it('a redundancy-only incident on 실업급여 moves no one', async () => {
      clock = new Date('2026-11-25T04:00:00Z'); // 13:00 in Seoul; people sign in again (sessions last hours)
      await operator.signIn('admin', DEMO_PASSWORD);
      await counsellor.signIn('counsel.gangnam', DEMO_PASSWORD);
      await minjun.signIn('minjun', DEMO_PASSWORD);
      await t.database.query(
        sql`INSERT INTO incidents (dedupe_key, component, services, impact, title, cause, automatic, started_at, resolved_at)
            VALUES ('database@test', 'database', ARRAY['jobs','benefits','login','centre']::text[], 'redundancy-lost',
                    '데이터베이스 이중화 상실', 'DB 노드 응답 없음', true, '2026-11-25T00:15:00Z', '2026-11-25T02:57:00Z')`,
      );
      const r = await job();
      assert.deepEqual(r, { skipped: false, incidents: 0, counters: 0, moved: 0, review: 0 });
      assert.equal((await scheduled(claims.minjun ?? 0))[0]?.date, '2026-11-25');
    });

    it('the declared 09:15–11:57 outage moves the 실업인정일 that day to the next business day, once', async () => {
      await operator.get('/admin/status');
      const desk = await operator.get('/admin/status');
      const key = /name="idempotencyKey" value="([^"]+)"/.exec(desk.body)?.[1] ?? '';
      const declared = await operator.post('/admin/status/incidents', {
        idempotencyKey: key,
        services: 'benefits',
        title: '고용보험 시스템 접속 장애',
        impact: 'major',
        cause: 'DB 서버 2대 중 1대 중지 후 전환 실패',
        startedAt: '2026-11-25T09:15',
        resolvedAt: '2026-11-25T11:57',
        body: '09:15부터 11:57까지 실업급여 신청이 되지 않았습니다.',
      });
      assert.equal(declared.statusCode, 303);
      const incidentId = Number(/incidents\/(\d+)/.exec(String(declared.headers.location))?.[1]);

      const first = await job();
      assert.deepEqual(first, { skipped: false, incidents: 1, counters: 0, moved: 1, review: 0 });
      const [one, two] = await scheduled(claims.minjun ?? 0);
      assert.equal(one?.date, '2026-11-26');
      assert.match(one?.because ?? '', /전산 장애/);
      assert.equal(two?.periodStart, '2026-11-27', 'the next period starts the day after');
      assert.equal((await scheduled(claims.jiwoo ?? 0))[0]?.date, '2026-11-27', 'a date outside the outage stays');

      const [claim] = await t.database.query<{ used: boolean }>(
        sql`SELECT personal_change_used AS used FROM benefit_claims WHERE id = ${claims.minjun ?? 0}`,
      );
      assert.equal(claim?.used, false, 'the once-per-claim personal change is not used');
      const ledger = await t.database.query<{ details: { kind: string; reason: string; incidentId: number } }>(
        sql`SELECT details FROM benefit_ledger WHERE claim_id = ${claims.minjun ?? 0} AND event = 'schedule.moved'`,
      );
      assert.equal(ledger.length, 1);
      assert.equal(ledger[0]?.details.kind, 'outage');
      assert.equal(ledger[0]?.details.incidentId, incidentId);
      assert.match(ledger[0]?.details.reason ?? '', /고용보험 시스템 접속 장애, 2026-11-25 09:15~11:57/);

      // Once: the job again, and the same incident again, change nothing.
      assert.deepEqual(await job(), { skipped: false, incidents: 0, counters: 0, moved: 0, review: 0 });
      await benefits.rescheduleForOutage({
        source: { kind: 'incident', id: incidentId },
        title: 'x',
        from: Date.parse('2026-11-25T00:15:00Z'),
        to: Date.parse('2026-11-25T02:57:00Z'),
      });
      assert.equal((await scheduled(claims.minjun ?? 0))[0]?.date, '2026-11-26');

      // The claimant is told and sees it; the counsellor sees it; the operator sees who was moved.
      const notes = await minjun.get('/my/notifications');
      assert.match(notes.body, /1차 실업인정일이 2026\.11\.26\.\(목\)으로 바뀌었습니다/);
      const page = await minjun.get(`/benefits/claims/${claims.minjun}`);
      assert.match(page.body, /2026\.11\.26\.\(목\)/);
      assert.match(page.body, /전산 장애로 인한 일정 조정 \(불이익 없음\)/);
      const review = await counsellor.get(`/centre/claims/${claims.minjun}`);
      assert.match(review.body, /전산 장애/);
      const incidentDesk = await operator.get(`/admin/status/incidents/${incidentId}`);
      assert.match(incidentDesk.body, /실업인정일 자동 변경 1건/);
      assert.match(incidentDesk.body, /김민준/);
      assert.match(incidentDesk.body, /장애로 실업인정일이 변경된 건 1건/);
    });
  });
}
