/**
 * 구직급여 claims for tests: the application form as a person fills it, and a claim filed and approved
 * through the real benefits service with its 1차 실업인정일 where the test needs it.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ClaimFacts } from '../../src/benefits/calculate.ts';
import type { BenefitsService } from '../../src/benefits/service.ts';
import type { Database } from '../../src/db/index.ts';
import { maskRrn, personHash } from '../../src/insurance/person.ts';
import { personSecret } from '../../src/insurance/secret.ts';
import { addDays } from '../../src/shared/dates.ts';
import type { WebClient } from './web.ts';

/** The 수급자격 신청 form's fields, filled in (strings, as posted). */
export const CLAIM_FORM = {
  companyName: '(주)한빛물류',
  centreCode: 'seoul-gangnam',
  separationDate: '2026-10-30',
  birthDate: '1985-05-20',
  insuredMonths: '40',
  insuredUnitDays: '400',
  separationReason: '23',
  wageMode: 'average',
  averageDailyWage: '95,000',
  dailyHours: '8',
};

/** Files a claim 14 days before `today` at 서울강남 (or `centreCode`), not decided yet; returns its id. */
export async function filedClaim(
  benefits: BenefitsService,
  opts: { claimantId: number; today: string; centreCode?: string },
): Promise<number> {
  const reportDate = addDays(opts.today, -14);
  const { claim } = await benefits.fileClaim({
    claimant: { id: opts.claimantId, kind: 'seeker' },
    centreCode: opts.centreCode ?? 'seoul-gangnam',
    idempotencyKey: randomUUID(),
    companyName: '(주)한빛물류',
    reportDate,
    facts: {
      separationDate: addDays(reportDate, -5),
      birthDate: '1985-05-20',
      disabled: false,
      insuredMonths: 40,
      insuredUnitDays: 400,
      separationReason: '23',
      justifiedReason: null,
      averageDailyWage: 98_000,
      ordinaryDailyWage: null,
      dailyHours: 8,
    },
  });
  return claim.id;
}

/** Files a claim 14 days before `today` at 서울강남 (or `centreCode`) and approves it with the given 1차 실업인정일. */
export async function approvedClaim(
  benefits: BenefitsService,
  opts: { claimantId: number; counsellorId: number; today: string; firstDate: string; centreCode?: string },
): Promise<number> {
  const claimId = await filedClaim(benefits, opts);
  await benefits.approve({ id: opts.counsellorId, kind: 'counsellor' }, claimId, {
    firstDate: opts.firstDate,
    cycleDays: 28,
    note: '',
    repeatClaimant: false,
  });
  return claimId;
}

/** Claim facts varied by a number (benchmarks: many claimants, amounts spread over the table). */
export function variedFacts(n: number, reportDate: string): ClaimFacts {
  return {
    separationDate: addDays(reportDate, -3),
    birthDate: '1988-03-03',
    disabled: false,
    insuredMonths: 30 + (n % 90),
    insuredUnitDays: 300,
    separationReason: '23',
    justifiedReason: null,
    averageDailyWage: 80_000 + (n % 50) * 1_000,
    ordinaryDailyWage: null,
    dailyHours: 8,
  };
}

/**
 * The 고용보험 records a claim is filed from, straight into the tables (the employer side is not needed):
 * the account verified as a person (본인확인), a workplace of a new company with the person's 취득 and
 * 상실 신고, and — unless `certificate: false` — its 이직확인서: 이직일 2026-10-30 (상실일 10-31), 이직사유
 * 23-1, 3 months' wages 8,740,000원 over 92 days (평균임금 95,000원), 8 hours, 30 days a month for the 18
 * months before (피보험단위기간 well over 180일), 취득일 2023-06-20 (피보험기간 40개월); born 1985-05-20.
 * The facts match CLAIM_FORM.
 */
export async function seedClaimRecords(
  database: Database,
  accountId: number,
  opts: { certificate?: boolean; workplaceName?: string; lossCode?: string; lossSubCode?: string } = {},
): Promise<{ workplaceId: number; personHash: string }> {
  const secret = await personSecret(database);
  const serial = String(accountId).padStart(6, '0').slice(-6);
  const rrn = `8505201${serial}`;
  const hash = personHash(secret, rrn);
  await database.query(
    sql`INSERT INTO person_verifications (account_id, person_hash, provider) VALUES (${accountId}, ${hash}, 'test')
        ON CONFLICT DO NOTHING`,
  );
  const busino = `9${serial}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  const [company] = await database.query<{ id: number }>(
    sql`INSERT INTO companies (busino, name, ind_tp_nm) VALUES (${busino}, '(주)한빛물류', '물류') RETURNING id::int AS id`,
  );
  const [workplace] = await database.query<{ id: number }>(
    sql`INSERT INTO workplaces (management_no, company_id, name)
        VALUES (${`${busino}0`}, ${company?.id}, ${opts.workplaceName ?? '(주)한빛물류'}) RETURNING id::int AS id`,
  );
  const workplaceId = workplace?.id as number;
  const base = { workplaceId, hash, masked: maskRrn(rrn), accountId };
  await database.query(
    sql`INSERT INTO insurance_events (dedupe_key, workplace_id, kind, person_hash, person_masked, person_name, acquired_on,
          monthly_wage, daily_hours, reported_by)
        VALUES (${randomUUID()}, ${workplaceId}, 'acquire', ${hash}, ${base.masked}, '김민준', '2023-06-20', 2850000, 8, ${accountId})`,
  );
  const lossCode = opts.lossCode ?? '23';
  const lossSubCode = opts.lossSubCode ?? '23-1';
  await database.query(
    sql`INSERT INTO insurance_events (dedupe_key, workplace_id, kind, person_hash, person_masked, person_name, lost_on,
          monthly_wage, loss_code, loss_sub_code, loss_reason, reported_by)
        VALUES (${randomUUID()}, ${workplaceId}, 'lose', ${hash}, ${base.masked}, '김민준', '2026-10-31', 2850000,
          ${lossCode}, ${lossSubCode}, '경영상 필요에 의한 인원 감축', ${accountId})`,
  );
  if (opts.certificate !== false)
    await fileCertificate(database, {
      workplaceId,
      personHash: hash,
      masked: base.masked,
      accountId,
      lossCode,
      lossSubCode,
    });
  return { workplaceId, personHash: hash };
}

/** The 이직확인서 of seedClaimRecords (also filed later, for a claim that waited). */
export async function fileCertificate(
  database: Database,
  c: {
    workplaceId: number;
    personHash: string;
    masked: string;
    accountId: number;
    lossCode?: string;
    lossSubCode?: string;
    filedAt?: string;
  },
): Promise<void> {
  const months: { month: string; days: number }[] = [];
  for (let i = 0; i < 18; i++) {
    const d = new Date(Date.UTC(2026, 9 - i, 1));
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    months.push({ month: d.toISOString().slice(0, 7), days: Math.min(30, last) });
  }
  const recent = [
    { from: '2026-08-01', to: '2026-08-31', wage: 2_945_000, days: 31 },
    { from: '2026-09-01', to: '2026-09-30', wage: 2_850_000, days: 30 },
    { from: '2026-10-01', to: '2026-10-31', wage: 2_945_000, days: 31 },
  ];
  await database.query(
    sql`INSERT INTO separation_certificates (dedupe_key, workplace_id, person_hash, person_masked, person_name, separated_on,
          loss_code, loss_sub_code, reason, recent_wages, ordinary_daily_wage, daily_hours, base_days, filed_by, filed_at)
        VALUES (${randomUUID()}, ${c.workplaceId}, ${c.personHash}, ${c.masked}, '김민준', '2026-10-30',
          ${c.lossCode ?? '23'}, ${c.lossSubCode ?? '23-1'}, '경영상 필요에 의한 인원 감축', ${JSON.stringify(recent)}::jsonb, NULL, 8,
          ${JSON.stringify(months)}::jsonb, ${c.accountId}, ${c.filedAt ?? '2026-11-01T01:00:00Z'})`,
  );
}

/** The form filled from the records, every fact confirmed (with the page's factsVersion). */
export function recordsForm(page: string, extra: Record<string, string> = {}): Record<string, string> {
  const form: Record<string, string> = { centreCode: 'seoul-gangnam', ...extra };
  for (const m of page.matchAll(/name="(\w+)Answer"/g)) form[`${m[1]}Answer`] ??= 'confirm';
  const version = /name="factsVersion" value="([^"]+)"/.exec(page)?.[1];
  if (version) form.factsVersion = version;
  return form;
}

/**
 * `loginId` applies from the records (seeded by seedClaimRecords first) through the form, every fact
 * confirmed: the POST's answer.
 */
export async function applyFromRecords(
  client: WebClient,
  database: Database,
  loginId: string,
  extra: Record<string, string> = {},
) {
  const [account] = await database.query<{ id: number }>(
    sql`SELECT id::int AS id FROM accounts WHERE login_id = ${loginId}`,
  );
  await seedClaimRecords(database, account?.id as number);
  const page = (await client.get('/benefits/apply')).body;
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(page)?.[1] ?? '';
  return client.post('/benefits/apply', { ...recordsForm(page, extra), idempotencyKey: key });
}
