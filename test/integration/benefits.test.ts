import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/identity/demo.ts';
import { createServices } from '../../src/services.ts';
import { CLAIM_FORM, recordsForm, seedClaimRecords } from '../support/claims.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { WebClient } from '../support/web.ts';

/** 10:00 in Seoul on the given date. */
const seoul = (date: string) => new Date(`${date}T01:00:00Z`);

const APPLICATION = CLAIM_FORM;

for (const kind of DRIVERS) {
  describe(`구직급여: apply, decide, 실업인정, payment on ${kind}`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let clock = seoul('2026-11-02');
    let serial = 0;
    const client = () => new WebClient(app, { 'x-forwarded-for': `10.9.0.${++serial}` });
    let claimant: WebClient;
    let counsellor: WebClient;
    let claimId = 0;

    before(async () => {
      t = await openTestDatabase(kind);
      await seedDemoAccounts(t.database, () => {});
      app = await buildApp({
        config: loadConfig({ LOG_LEVEL: 'silent', ILTEO_TRUST_PROXY: 'true' }),
        database: t.database,
        now: () => clock,
      });
      claimant = client();
      await claimant.signIn('minjun', DEMO_PASSWORD);
      counsellor = client();
      await counsellor.signIn('counsel.gangnam', DEMO_PASSWORD);
    });
    /** Opens a form page and returns its idempotency key (what the browser would send back). */
    const openForm = async (c: WebClient, url: string) =>
      /name="idempotencyKey" value="([^"]+)"/.exec((await c.get(url)).body)?.[1] ?? '';
    /** Moves the clock to another day; people sign in again (sessions last hours, not weeks). */
    const dayOf = async (date: string) => {
      clock = seoul(date);
      await claimant.signIn('minjun', DEMO_PASSWORD);
      await counsellor.signIn('counsel.gangnam', DEMO_PASSWORD);
    };
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('estimates without signing in, with the reason for each figure', async () => {
      const query = new URLSearchParams(APPLICATION).toString();
      const r = await client().get(`/benefits/estimate?${query}`);
      assert.equal(r.statusCode, 200);
      assert.match(r.body, /66,048원/);
      assert.match(r.body, /하한액 66,048원/);
      assert.match(r.body, /180일/);
      assert.match(r.body, /11,888,640원/); // 66,048 × 180
      assert.match(r.body, /2027\.10\.30/); // 수급기간 끝
      const bad = await client().get('/benefits/estimate?separationDate=2026-13-01&birthDate=&dailyHours=9');
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /연-월-일/);
      assert.match(bad.body, /value="2026-13-01"/);
    });

    it('files a claim once however often it is sent', async () => {
      // The facts come from minjun's 고용보험 records (본인확인, 취득·상실 신고, 이직확인서): the same as CLAIM_FORM.
      const [me] = await t.database.query<{ id: number }>(
        sql`SELECT id::int AS id FROM accounts WHERE login_id = 'minjun'`,
      );
      await seedClaimRecords(t.database, me?.id as number);
      await claimant.get('/benefits/apply');
      const form = (await claimant.get('/benefits/apply')).body;
      const key = /name="idempotencyKey" value="([^"]+)"/.exec(form)?.[1] ?? '';
      const first = await claimant.post('/benefits/apply', { ...recordsForm(form), idempotencyKey: key });
      assert.equal(first.statusCode, 303);
      claimId = Number(/\/benefits\/claims\/(\d+)/.exec(String(first.headers.location))?.[1]);
      const again = await claimant.post('/benefits/apply', { ...recordsForm(form), idempotencyKey: key });
      assert.equal(again.headers.location, first.headers.location, 'a repeat is answered as the first was');
      const [row] = await t.database.query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM benefit_claims WHERE idempotency_key = ${key}`,
      );
      assert.equal(row?.n, 1);
      const page = await claimant.get(`/benefits/claims/${claimId}`);
      assert.match(page.body, /심사 중/);
      assert.match(page.body, /66,048원/);
    });

    it('keeps what was typed when the application is refused', async () => {
      // The form is filled from the records now: what the claimant types is their 확인·이의 and statements.
      const form = (await claimant.get('/benefits/apply')).body;
      const r = await claimant.post('/benefits/apply', {
        ...recordsForm(form),
        averageDailyWageAnswer: 'dispute',
        averageDailyWageStatement: '',
        dailyHoursAnswer: 'dispute',
        dailyHoursStatement: '실제로는 하루 6시간 일했습니다',
        idempotencyKey: 'k'.repeat(20),
      });
      assert.equal(r.statusCode, 400);
      assert.match(r.body, /평균임금: 무엇이 다른지 적어 주세요/);
      assert.match(r.body, /실제로는 하루 6시간 일했습니다/);
      assert.match(r.body, /value="kkkkkkkkkkkkkkkkkkkk"/, 'the same idempotency key is kept for the retry');
    });

    it('no one else sees the claim: another seeker, another centre (404)', async () => {
      const other = client();
      await other.signIn('sua', DEMO_PASSWORD);
      assert.equal((await other.get(`/benefits/claims/${claimId}`)).statusCode, 404);
      const busan = client();
      await busan.signIn('counsel.busan', DEMO_PASSWORD);
      assert.equal((await busan.get(`/centre/claims/${claimId}`)).statusCode, 404);
      assert.doesNotMatch((await busan.get('/centre/claims')).body, /김민준/);
      await busan.get('/centre/claims');
      assert.equal(
        (await busan.post(`/centre/claims/${claimId}/approve`, { firstDate: '2026-11-16', cycleDays: '28' }))
          .statusCode,
        404,
      );
      assert.equal((await claimant.get('/centre/claims')).statusCode, 403);
    });

    it('the counsellor reviews and approves with the first 실업인정일 and a 4-week cycle', async () => {
      const queue = await counsellor.get('/centre/claims');
      assert.match(queue.body, /김민준/);
      const review = await counsellor.get(`/centre/claims/${claimId}`);
      assert.match(review.body, /수급 요건을 갖추었습니다/);
      assert.match(review.body, /하한액/);
      const bad = await counsellor.post(`/centre/claims/${claimId}/approve`, {
        firstDate: '2026-10-01',
        cycleDays: '28',
      });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /1차 실업인정일은 실업신고일/);
      const ok = await counsellor.post(`/centre/claims/${claimId}/approve`, {
        firstDate: '2026-11-16',
        cycleDays: '28',
        note: '물류 관리직 희망',
      });
      assert.equal(ok.statusCode, 303);
      const page = await claimant.get(`/benefits/claims/${claimId}`);
      assert.match(page.body, /수급자격 인정/);
      assert.match(page.body, /1차 2026\.11\.16\.\(월\)/);
      assert.match(page.body, /2026\.12\.14\.\(월\)/);
    });

    it('실업인정: only in its window; 1차 needs no activity; the counsellor confirms a payment line', async () => {
      await dayOf('2026-11-05');
      const earlyKey = await openForm(claimant, `/benefits/claims/${claimId}/recognitions/1`);
      const early = await claimant.post(`/benefits/claims/${claimId}/recognitions/1`, {
        action: 'submit',
        workedOrEarned: 'no',
        idempotencyKey: earlyKey,
      });
      assert.equal(early.statusCode, 422);
      assert.match(early.body, /2026-11-10부터 2026-11-16까지/);
      await dayOf('2026-11-16');
      const form = await claimant.get(`/benefits/claims/${claimId}/recognitions/1`);
      assert.match(form.body, /재취업활동을 요구하지 않습니다/);
      const key = /name="idempotencyKey" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
      // Sent twice at the same instant (two tabs, a counter's double send): both filed, once.
      const [filed, twin] = await Promise.all(
        [1, 2].map(() =>
          claimant.post(`/benefits/claims/${claimId}/recognitions/1`, {
            action: 'submit',
            workedOrEarned: 'no',
            idempotencyKey: key,
          }),
        ),
      );
      assert.equal(filed?.statusCode, 303);
      assert.equal(twin?.statusCode, 303, 'the same form sent twice at once is not 이미 신청했습니다');
      const again = await claimant.post(`/benefits/claims/${claimId}/recognitions/1`, {
        action: 'submit',
        workedOrEarned: 'no',
        idempotencyKey: key,
      });
      assert.equal(again.statusCode, 303, 'the same form sent twice is filed once');
      await counsellor.get(`/centre/claims/${claimId}`);
      const confirmed = await counsellor.post(`/centre/claims/${claimId}/recognitions/1/confirm`, {});
      assert.equal(confirmed.statusCode, 200);
      // 2026-11-02 .. 11-16: 대기기간 11-02..11-08, paid 11-09..11-16 = 8 days.
      assert.match(confirmed.body, /8일 × 66,048원 = 528,384원/);
    });

    it('2차 says exactly what is missing, then files with an application and is paid 28 days', async () => {
      await dayOf('2026-12-14');
      const key = await openForm(claimant, `/benefits/claims/${claimId}/recognitions/2`);
      const missing = await claimant.post(`/benefits/claims/${claimId}/recognitions/2`, {
        action: 'submit',
        workedOrEarned: 'no',
        idempotencyKey: key,
      });
      assert.equal(missing.statusCode, 422);
      assert.match(missing.body, /재취업활동이 1회 더 필요합니다/);
      const check = await claimant.post(`/benefits/claims/${claimId}/recognitions/2`, {
        action: 'check',
        workedOrEarned: 'no',
        kind0: 'application',
        date0: '2026-12-01',
        organisation0: '(주)다온로지스',
        description0: '물류 관리 사무원 지원',
      });
      assert.match(check.body, /요건을 갖추었습니다/);
      assert.match(check.body, /value="\(주\)다온로지스"/);
      const filed = await claimant.post(`/benefits/claims/${claimId}/recognitions/2`, {
        action: 'submit',
        idempotencyKey: key,
        workedOrEarned: 'no',
        kind0: 'application',
        date0: '2026-12-01',
        organisation0: '(주)다온로지스',
        description0: '물류 관리 사무원 지원',
      });
      assert.equal(filed.statusCode, 303);
      await counsellor.get(`/centre/claims/${claimId}`);
      const confirmed = await counsellor.post(`/centre/claims/${claimId}/recognitions/2/confirm`, {});
      assert.match(confirmed.body, /28일 × 66,048원 = 1,849,344원/);
      const page = await claimant.get(`/benefits/claims/${claimId}`);
      assert.match(page.body, /36일 \/ 144일/);
      assert.match(page.body, /2,377,728원/);
    });

    it('실업인정일 변경: in advance, personal reasons once, other reasons with evidence', async () => {
      const base = `/benefits/claims/${claimId}/recognitions/3/change`;
      await claimant.get(base);
      const weekend = await claimant.post(base, { newDate: '2027-01-09', kind: 'personal' });
      assert.equal(weekend.statusCode, 422, /ilteo-error__message">([^<]*)/.exec(weekend.body)?.[1]);
      assert.match(weekend.body, /주말이나 공휴일/);
      assert.equal(
        (await claimant.post(base, { newDate: '2027-01-12', kind: 'personal', confirm: 'yes' })).statusCode,
        303,
      );
      const twice = await claimant.post(base, { newDate: '2027-01-13', kind: 'personal' });
      assert.equal(twice.statusCode, 409);
      assert.match(twice.body, /한 번만/);
      const noEvidence = await claimant.post(base, { newDate: '2027-01-13', kind: 'illness' });
      assert.equal(noEvidence.statusCode, 422);
      assert.match(noEvidence.body, /증빙/);
      assert.equal(
        (
          await claimant.post(base, {
            newDate: '2027-01-13',
            kind: 'illness',
            evidence: '한빛의원 진단서',
            confirm: 'yes',
          })
        ).statusCode,
        303,
      );
      const page = await claimant.get(`/benefits/claims/${claimId}`);
      assert.match(page.body, /3차<\/th>\s*<td>2027\.01\.13\.\(수\)/);
      assert.match(page.body, /2027\.01\.14\.\(목\) ~ 2027\.02\.10/, 'the next period starts the day after');
      const moved = await t.database.query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM benefit_ledger WHERE claim_id = ${claimId} AND event = 'schedule.moved'`,
      );
      assert.equal(moved[0]?.n, 2);
      // Someone else cannot move it.
      const other = client();
      await other.signIn('jiwoo', DEMO_PASSWORD);
      await other.get('/benefits');
      assert.equal((await other.post(base, { newDate: '2027-01-14', kind: 'personal' })).statusCode, 404);
    });

    it('a missed 실업인정일 can be recognised afterwards by the counsellor on evidence', async () => {
      await dayOf('2027-01-14'); // 3차 was 2027-01-13 and nobody filed it
      const page = await claimant.get(`/benefits/claims/${claimId}`);
      assert.match(page.body, /신청하지 않음/);
      const late = await claimant.post(`/benefits/claims/${claimId}/recognitions/3/change`, {
        newDate: '2027-01-15',
        kind: 'illness',
        evidence: '진단서',
      });
      assert.equal(late.statusCode, 422, 'the claimant cannot move a past date');
      await counsellor.get(`/centre/claims/${claimId}`);
      const moved = await counsellor.post(`/centre/claims/${claimId}/recognitions/3/move`, {
        newDate: '2027-01-14',
        kind: 'illness',
        evidence: '한빛의원 진단서 (1.12.~1.13. 입원)',
        confirm: 'yes',
      });
      assert.equal(moved.statusCode, 200, /ilteo-error__message">([^<]*)/.exec(moved.body)?.[1]);
      assert.match(moved.body, /3차 실업인정일을 바꿨습니다/);
      const form = await claimant.get(`/benefits/claims/${claimId}/recognitions/3`);
      assert.match(form.body, /3차 실업인정 신청/);
      assert.doesNotMatch((await claimant.get(`/benefits/claims/${claimId}`)).body, /신청하지 않음/);
      // Filed with days worked: the counsellor leaves those days unpaid.
      const key = /name="idempotencyKey" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
      const filed = await claimant.post(`/benefits/claims/${claimId}/recognitions/3`, {
        action: 'submit',
        idempotencyKey: key,
        workedOrEarned: 'yes',
        kind0: 'interview',
        date0: '2027-01-05',
        organisation0: '(주)새벽물류',
      });
      assert.equal(filed.statusCode, 303);
      const review = await counsellor.get(`/centre/claims/${claimId}`);
      assert.match(review.body, /근로·소득 있음/);
      const paid = await counsellor.post(`/centre/claims/${claimId}/recognitions/3/confirm`, { workedDays: '3' });
      // 2026-12-15 … 2027-01-14 is 31 days; 3 worked → 28 paid.
      assert.match(paid.body, /28일 × 66,048원 = 1,849,344원/);
    });

    it('the ledger replays to the stored state and cannot be rewritten', async () => {
      const services = createServices({
        config: loadConfig({ LOG_LEVEL: 'silent' }),
        database: t.database,
        now: () => clock,
      });
      const replayed = await services.benefits.replayed(claimId);
      const stored = await services.benefits.claimById(claimId);
      assert.equal(replayed.status, stored?.status);
      assert.equal(replayed.paidDays, stored?.paidDays);
      assert.equal(replayed.totalPaid, stored?.totalPaid);
      assert.equal(replayed.remainingDays, 116);
      assert.equal(replayed.recognitions.get(2)?.amount, 1_849_344);
      const refused = (err: unknown) => /append-only/.test(`${(err as Error).message} ${String((err as Error).cause)}`);
      await assert.rejects(t.database.query(sql`UPDATE benefit_ledger SET amount = 0`), refused);
      await assert.rejects(t.database.query(sql`DELETE FROM benefit_ledger`), refused);
      const [views] = await t.database.query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'claim.view' AND outcome = 'denied'`,
      );
      assert.ok((views?.n ?? 0) >= 1, 'the other centre’s look was audited');
    });
  });
}
