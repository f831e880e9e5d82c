/**
 * A 수급자격 신청 whose facts were typed — taken into the journal in a full outage, or at the counter from
 * a paper form — meets the records when it is filed (BenefitsService.fileTyped), on both drivers: for a
 * claimant who did 본인확인 and whose records are ready the claim is built from the records, each fact
 * typed otherwise kept as the claimant's dispute for the counsellor; for anyone else it is filed as typed.
 * The 실업신고일 is the day it was taken either way, and a repeat of its key files nothing.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { ClaimFacts } from '../../src/benefits/calculate.ts';
import { koreanCalendar } from '../../src/benefits/schedule.ts';
import { createBenefitsService } from '../../src/benefits/service.ts';
import { seedDemoAccounts } from '../../src/identity/demo.ts';
import { seedClaimRecords } from '../support/claims.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';

const NOW = new Date('2026-11-05T01:00:00Z');
/** What the claimant typed in the outage: two facts unlike the records of seedClaimRecords. */
const TYPED: ClaimFacts = {
  separationDate: '2026-10-30',
  birthDate: '1985-05-20',
  disabled: false,
  insuredMonths: 40,
  insuredUnitDays: 300,
  separationReason: '23',
  justifiedReason: null,
  averageDailyWage: 90_000,
  ordinaryDailyWage: null,
  dailyHours: 8,
};

for (const kind of DRIVERS) {
  describe(`a typed 수급자격 신청 meets the records (${kind})`, () => {
    let t: TestDatabase;
    let benefits: ReturnType<typeof createBenefitsService>;
    const ids = new Map<string, number>();
    const claimRow = async (id: number) =>
      (
        await t.database.query<{
          source: string;
          unitDays: number;
          wage: number;
          reportDate: string;
          company: string;
          facts: { disputed: string[]; facts: { key: string; answer: string; statement: string }[] } | null;
        }>(
          sql`SELECT facts_source AS source, insured_unit_days AS "unitDays", average_daily_wage AS wage,
                     report_date::text AS "reportDate", company_name AS company, record_facts AS facts
                FROM benefit_claims WHERE id = ${id}`,
        )
      )[0];

    before(async () => {
      t = await openTestDatabase(kind);
      await seedDemoAccounts(t.database, () => {});
      for (const r of await t.database.query<{ id: number; login: string }>(
        sql`SELECT id::int AS id, login_id AS login FROM accounts`,
      ))
        ids.set(r.login, r.id);
      await seedClaimRecords(t.database, ids.get('minjun') as number, { workplaceName: '한빛물류 평택센터' });
      benefits = createBenefitsService({ database: t.database, calendar: koreanCalendar(), now: () => NOW });
    });
    after(async () => {
      await t?.cleanup();
    });

    it('for a verified claimant with records: built from them, what was typed otherwise kept as a dispute', async () => {
      const key = randomUUID();
      const input = {
        claimant: { id: ids.get('minjun') as number, kind: 'seeker' as const },
        centreCode: 'seoul-gangnam',
        idempotencyKey: key,
        facts: TYPED,
        companyName: '한빛',
        reportDate: '2026-11-03',
      };
      const { claim, created } = await benefits.fileTyped(input);
      assert.equal(created, true);
      const row = await claimRow(claim.id);
      assert.equal(row?.source, 'records');
      assert.equal(row?.company, '한빛물류 평택센터', 'the workplace as the records name it');
      assert.equal(row?.reportDate, '2026-11-03', 'the 실업신고일 is the day it was taken');
      assert.equal(row?.wage, 95_000, '평균임금 from the 이직확인서, not the 90,000 typed');
      assert.ok((row?.unitDays ?? 0) > 300, '피보험단위기간 counted from the records');
      assert.deepEqual(row?.facts?.disputed.sort(), ['averageDailyWage', 'insuredUnitDays']);
      const unit = row?.facts?.facts.find((f) => f.key === 'insuredUnitDays');
      assert.equal(unit?.statement, '신청서(직접 적어 접수)에 피보험단위기간을 300으로 적었습니다.');
      const again = await benefits.fileTyped(input);
      assert.equal(again.created, false, 'the same key files nothing');
      assert.equal(again.claim.id, claim.id);
    });

    it('for a claimant without 본인확인: filed as typed', async () => {
      const { claim } = await benefits.fileTyped({
        claimant: { id: ids.get('jiwoo') as number, kind: 'seeker' },
        centreCode: 'seoul-gangnam',
        idempotencyKey: randomUUID(),
        facts: TYPED,
        companyName: '(주)다온로지스',
        reportDate: '2026-11-03',
      });
      const row = await claimRow(claim.id);
      assert.equal(row?.source, 'typed');
      assert.equal(row?.unitDays, 300);
      assert.equal(row?.company, '(주)다온로지스');
      assert.equal(row?.facts, null);
    });
  });
}
