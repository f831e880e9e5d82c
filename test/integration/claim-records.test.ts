/**
 * The claimant's 고용보험 records beside the claim, on both drivers: the demo employer's reports and
 * claims seeded once (a second run adds nothing), the counsellor's review page with the records of the
 * verified claimant only, the flags — a 상실사유 mismatch, a matching one not flagged, a 취득 during the
 * benefit as 부정수급 의심 and one after the last period claimed not — and the look audited once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { seedDemoClaims } from '../../src/benefits/demo.ts';
import { koreanCalendar } from '../../src/benefits/schedule.ts';
import { createBenefitsService } from '../../src/benefits/service.ts';
import { loadConfig } from '../../src/config/index.ts';
import type { Database } from '../../src/db/index.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/identity/demo.ts';
import { demoResidents } from '../../src/identity/dev-idp.ts';
import { claimRecords } from '../../src/insurance/claim-records-service.ts';
import { seedDemoInsurance } from '../../src/insurance/demo.ts';
import { createInsuranceEmployerService } from '../../src/insurance/employer-service.ts';
import { personHash } from '../../src/insurance/person.ts';
import { personSecret } from '../../src/insurance/secret.ts';
import { insertVerification } from '../../src/insurance/verify-store.ts';
import { seedDemoIfEmpty } from '../../src/jobs/seed-demo.ts';
import { addDays, seoulToday } from '../../src/shared/dates.ts';
import { filedClaim } from '../support/claims.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { WebClient } from '../support/web.ts';

const NOW = new Date('2026-12-02T01:00:00Z');
const TODAY = seoulToday(NOW);
const rrnOf = (login: string) => demoResidents().find((p) => p.login === login)?.rrn as string;

async function counts(database: Database) {
  const [row] = await database.query<Record<string, number>>(
    sql`SELECT (SELECT count(*)::int FROM workplaces) AS workplaces,
               (SELECT count(*)::int FROM workplace_reporters) AS reporters,
               (SELECT count(*)::int FROM insurance_events) AS events,
               (SELECT count(*)::int FROM separation_certificates) AS certificates,
               (SELECT count(*)::int FROM benefit_claims) AS claims,
               (SELECT count(*)::int FROM audit_log) AS audit`,
  );
  return row;
}

/** The demo seeding in the order `serve --demo` runs it. */
async function seedDemo(database: Database) {
  const log = () => {};
  await seedDemoIfEmpty(database, 20, log);
  await seedDemoAccounts(database, log);
  await seedDemoInsurance(database, log, NOW);
  await seedDemoClaims(database, koreanCalendar(), log, NOW);
}

for (const kind of DRIVERS) {
  describe(`고용보험 기록 beside the claim (${kind})`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let serial = 0;
    const ids = new Map<string, number>();
    const claimOf = async (login: string) => {
      const [row] = await t.database.query<{ id: number }>(
        sql`SELECT c.id::int AS id FROM benefit_claims c JOIN accounts a ON a.id = c.claimant_id
            WHERE a.login_id = ${login} ORDER BY c.id DESC LIMIT 1`,
      );
      return row?.id as number;
    };
    const counsellor = async (login = 'counsel.gangnam') => {
      const c = new WebClient(app, { 'x-forwarded-for': `10.9.0.${++serial}` });
      assert.equal((await c.signIn(login, DEMO_PASSWORD)).statusCode, 303);
      return c;
    };
    const verify = async (login: string) => {
      const secret = await personSecret(t.database);
      await insertVerification(t.database, {
        accountId: ids.get(login) as number,
        personHash: personHash(secret, rrnOf(login)),
        provider: 'verify',
        at: NOW,
      });
    };

    before(async () => {
      t = await openTestDatabase(kind);
      await seedDemo(t.database);
      const accounts = await t.database.query<{ id: number; loginId: string }>(
        sql`SELECT id::int AS id, login_id AS "loginId" FROM accounts`,
      );
      for (const a of accounts) ids.set(a.loginId, a.id);
      const config = loadConfig({
        LOG_LEVEL: 'silent',
        ILTEO_TRUST_PROXY: 'true',
        ILTEO_STATUS: 'off',
        ILTEO_ALERTS_SECONDS: '0',
      });
      app = await buildApp({ config, database: t.database, now: () => NOW });
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('seeds the demo records once: a second run adds nothing', async () => {
      const first = await counts(t.database);
      assert.equal(first?.workplaces, 2);
      assert.equal(first?.events, 10, '7 취득 and 3 상실');
      assert.equal(first?.certificates, 1);
      await seedDemo(t.database);
      assert.deepEqual(await counts(t.database), first);
      const late = await t.database.query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM insurance_events WHERE late`,
      );
      assert.equal(late[0]?.n, 0, 'the demo employer files on time');
    });

    it('before the claimant’s 본인확인 the page shows no records', async () => {
      const c = await counsellor();
      const page = await c.get(`/centre/claims/${await claimOf('minjun')}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /본인확인 전: 기록을 볼 수 없습니다/);
      assert.doesNotMatch(page.body, /경영 악화/);
    });

    it('shows the verified claimant’s records and 이직확인서; a matching 상실사유 is not flagged; one audit row', async () => {
      await verify('minjun');
      const c = await counsellor();
      const claimId = await claimOf('minjun');
      const before = await counts(t.database);
      const page = await c.get(`/centre/claims/${claimId}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /고용보험 기록 \(사업주 신고\)/);
      assert.match(page.body, /경영 악화에 따른 인원 감축 \(권고사직\)/);
      assert.match(page.body, /이직확인서 \(최근\)/);
      assert.match(page.body, /2,940,000원/);
      assert.doesNotMatch(page.body, /이직사유가 다릅니다|이직사유 코드가 다릅니다|부정수급 의심/);
      assert.doesNotMatch(page.body, /박서연|정현우/, 'only the claimant’s own records');
      assert.doesNotMatch(page.body, new RegExp(rrnOf('minjun').slice(7)));
      const rows = await t.database.query<{ action: string; details: Record<string, unknown> }>(
        sql`SELECT action, details FROM audit_log WHERE action = 'claim.view' AND target_id = ${String(claimId)}
            ORDER BY id DESC LIMIT 1`,
      );
      assert.equal((await counts(t.database))?.audit, (before?.audit ?? 0) + 1, 'one audit row for the look');
      const details = rows[0]?.details ?? {};
      assert.match(String(details.insuranceRecords), /^\d+(,\d+)*$/);
      assert.equal(typeof details.certificate, 'number');
      assert.equal(details.flags, 'none');
    });

    it('flags a 취득 during the benefit as possible 부정수급, citing 제47조 and 제61조', async () => {
      await verify('hyunwoo');
      const c = await counsellor();
      const page = await c.get(`/centre/claims/${await claimOf('hyunwoo')}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /부정수급 의심: 수급 중 .*제2사업장에서 피보험자격 취득/);
      assert.match(page.body, /1차 [\d.]+~[\d.]+ \(지급\)/);
      assert.match(page.body, /제47조/);
      assert.match(page.body, /제61조/);
      assert.doesNotMatch(page.body, /이직사유가 다릅니다/, 'his employer’s 32 is his own reason');
    });

    it('flags a 상실사유 that differs from the claimant’s reason, for decision', async () => {
      const employerId = ids.get('employer') as number;
      const [company] = await t.database.query<{ companyId: number; busino: string }>(
        sql`SELECT a.company_id::int AS "companyId", c.busino FROM accounts a JOIN companies c ON c.id = a.company_id
            WHERE a.id = ${employerId}`,
      );
      const insurance = createInsuranceEmployerService({ database: t.database, now: () => NOW });
      const me = { id: employerId, companyId: company?.companyId as number };
      const no = `${company?.busino}1`;
      const secret = await personSecret(t.database);
      const { insured } = await insurance.workplacePage(me, no);
      const sua = insured.find((w) => w.personHash === personHash(secret, rrnOf('sua')));
      assert.ok(sua);
      const benefits = createBenefitsService({ database: t.database, calendar: koreanCalendar(), now: () => NOW });
      const claimId = await filedClaim(benefits, {
        claimantId: ids.get('sua') as number,
        today: TODAY,
        centreCode: 'busan',
      });
      const actor = { id: employerId, kind: 'employer' as const, ip: '127.0.0.1', userAgent: 'test' };
      await insurance.fileLose(actor, me, no, String(sua.reportId), {
        lostOn: addDays(TODAY, -18),
        lossCode: '26',
        lossSubCode: '26-1',
        lossReason: '무단결근 반복으로 징계해고',
        monthlyWage: 2_450_000,
      });
      await verify('sua');
      const c = await counsellor('counsel.busan');
      const page = await c.get(`/centre/claims/${claimId}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /이직사유가 다릅니다: 수급자격 판단이 달라지므로 결정이 필요합니다/);
      assert.match(page.body, /징계해고로 인한 이직\) · 코드 26-1 — 수급자격 제한/);
      assert.match(page.body, /신청인: 23 .* — 수급자격 있음/);
      assert.match(page.body, /제43조/);
    });

    it('does not flag a 취득 after the last period claimed, and flags one reaching into it', async () => {
      await verify('dohyun');
      const claim = {
        claimantId: ids.get('dohyun') as number,
        separationDate: addDays(TODAY, -400),
        separationReason: '23',
      };
      // 윤도현 was taken on at the 제2사업장 on today − 200 (the demo).
      const paid = (end: string) => [{ seq: 1, periodStart: addDays(TODAY, -380), periodEnd: end, paid: true }];
      const after = await claimRecords(t.database, claim, paid(addDays(TODAY, -201)));
      assert.ok(after.verified);
      assert.deepEqual(after.verified ? after.flags : null, []);
      const during = await claimRecords(t.database, claim, paid(addDays(TODAY, -200)));
      assert.deepEqual(during.verified ? during.flags.map((f) => f.kind) : null, ['work-during-benefit']);
      const none = await claimRecords(t.database, { ...claim, claimantId: ids.get('jiwoo') as number }, paid(TODAY));
      assert.deepEqual(none, { verified: false });
    });
  });
}
