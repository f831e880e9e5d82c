/**
 * 수급자격 신청 from the 고용보험 records, on both drivers: 본인확인 first; with no 이직확인서 the claim
 * waits, the employer is asked once (certificate_requests, due by certificateDueOn) and the counsellors
 * of the claimant's centre see who waits on whom; once the 이직확인서 is filed the facts come from it,
 * each with its source, and a disputed fact keeps the claim going with the claimant's statement kept.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/identity/demo.ts';
import { certificateDueOn } from '../../src/insurance/deadlines.ts';
import { fileCertificate, recordsForm, seedClaimRecords } from '../support/claims.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { WebClient } from '../support/web.ts';

const text = (body: string) =>
  body
    .replace(/[\s\S]*<main[^>]*>/, '')
    .replace(/<\/main>[\s\S]*/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

for (const kind of DRIVERS) {
  describe(`수급자격 신청 from the records (${kind})`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let clock = new Date('2026-11-02T01:00:00Z'); // 10:00 in Seoul, 월
    let serial = 0;
    const client = () => new WebClient(app, { 'x-forwarded-for': `10.15.6.${++serial}` });
    let claimant: WebClient;
    let minjunId = 0;
    let seeded: Awaited<ReturnType<typeof seedClaimRecords>>;

    before(async () => {
      t = await openTestDatabase(kind);
      await seedDemoAccounts(t.database, () => {});
      app = await buildApp({
        config: loadConfig({
          LOG_LEVEL: 'silent',
          ILTEO_TRUST_PROXY: 'true',
          ILTEO_STATUS: 'off',
          ILTEO_ALERTS_SECONDS: '0',
        }),
        database: t.database,
        now: () => clock,
      });
      claimant = client();
      await claimant.signIn('minjun', DEMO_PASSWORD);
      const [me] = await t.database.query<{ id: number }>(
        sql`SELECT id::int AS id FROM accounts WHERE login_id = 'minjun'`,
      );
      minjunId = me?.id as number;
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('asks for 본인확인 first: no typed form for a person not verified', async () => {
      const r = await claimant.get('/benefits/apply');
      assert.equal(r.statusCode, 200);
      assert.match(r.body, /href="\/my\/insurance\/verify\?next=\/benefits\/apply"/);
      assert.doesNotMatch(r.body, /name="insuredUnitDays"/);
    });

    it('with no 이직확인서 the claim waits: the employer is asked once, with the due date', async () => {
      seeded = await seedClaimRecords(t.database, minjunId, { certificate: false });
      const page = await claimant.get('/benefits/apply');
      assert.match(text(page.body), /마지막 사업장의 이직확인서가 아직 없습니다/);
      assert.doesNotMatch(page.body, /name="factsVersion"/, 'nothing to file yet');
      const asked = await claimant.post('/benefits/apply/wait', {});
      assert.equal(asked.statusCode, 303);
      assert.equal(asked.headers.location, '/benefits/apply?asked=1');
      await claimant.post('/benefits/apply/wait', {}); // a second ask (another key) finds the first request
      const rows = await t.database.query<{ dueOn: string; n: number }>(
        sql`SELECT due_on::text AS "dueOn", count(*) OVER ()::int AS n FROM certificate_requests WHERE person_hash = ${seeded.personHash}`,
      );
      assert.equal(rows[0]?.n, 1);
      assert.equal(rows[0]?.dueOn, certificateDueOn('2026-11-02'));
      const waiting = text((await claimant.get('/benefits/apply?asked=1')).body);
      assert.match(waiting, /\(주\)한빛물류의 이직확인서를 기다리고 있습니다/);
      assert.match(waiting, /제출 기한은 2026\. ?11\. ?12/);
    });

    it('the counsellors of the claimant’s centre see who waits on which employer; another centre does not', async () => {
      const gangnam = client();
      await gangnam.signIn('counsel.gangnam', DEMO_PASSWORD);
      const list = await gangnam.get('/centre/claims/waiting');
      assert.equal(list.statusCode, 200);
      assert.match(text(list.body), /김민준 \(minjun\).*\(주\)한빛물류/);
      const busan = client();
      await busan.signIn('counsel.busan', DEMO_PASSWORD);
      assert.doesNotMatch((await busan.get('/centre/claims/waiting')).body, /김민준/);
      assert.equal((await claimant.get('/centre/claims/waiting')).statusCode, 403);
    });

    it('once the 이직확인서 is filed the facts come from it, each with where it came from', async () => {
      clock = new Date('2026-11-09T01:00:00Z');
      await claimant.signIn('minjun', DEMO_PASSWORD);
      const [masked] = await t.database.query<{ m: string }>(
        sql`SELECT person_masked AS m FROM insurance_events WHERE person_hash = ${seeded.personHash} LIMIT 1`,
      );
      await fileCertificate(t.database, {
        workplaceId: seeded.workplaceId,
        personHash: seeded.personHash,
        masked: masked?.m as string,
        accountId: minjunId,
        filedAt: '2026-11-06T01:00:00Z',
      });
      const gangnam = client();
      await gangnam.signIn('counsel.gangnam', DEMO_PASSWORD);
      assert.doesNotMatch((await gangnam.get('/centre/claims/waiting')).body, /김민준/, 'no longer waiting');
      const page = text((await claimant.get('/benefits/apply')).body);
      assert.match(
        page,
        /평균임금 \(1일\): 95,000원 출처: \(주\)한빛물류 \(사업장관리번호 \d{11}\)의 이직확인서 \(2026-11-06 제출\)/,
      );
      assert.match(page, /8,740,000원 ÷ 92일/);
      assert.match(page, /이직사유: 23-1/);
      assert.match(page, /피보험기간: 40개월/);
      assert.match(page, /생년월일: 1985-05-20/);
    });

    it('a fact not chosen or disputed without a statement is refused, what was typed kept', async () => {
      const form = (await claimant.get('/benefits/apply')).body;
      const { averageDailyWageAnswer: _, ...rest } = recordsForm(form);
      const r = await claimant.post('/benefits/apply', {
        ...rest,
        dailyHoursAnswer: 'dispute',
        dailyHoursStatement: '',
      });
      assert.equal(r.statusCode, 400);
      assert.match(r.body, /href="#averageDailyWageAnswer-1">평균임금: 맞는지, 다른지 골라 주세요/);
      assert.match(r.body, /1일 소정근로시간: 무엇이 다른지 적어 주세요/);
      assert.match(r.body, /id="dailyHoursAnswer-2" value="dispute" checked/);
    });

    it('a disputed fact keeps the claim going, marked for the counsellor with the statement; 실업신고일 is the day asked', async () => {
      const form = (await claimant.get('/benefits/apply')).body;
      const key = /name="idempotencyKey" value="([^"]+)"/.exec(form)?.[1] ?? '';
      const r = await claimant.post('/benefits/apply', {
        ...recordsForm(form, {
          averageDailyWageAnswer: 'dispute',
          averageDailyWageStatement: '10월 상여금 60만원이 빠졌습니다',
        }),
        idempotencyKey: key,
      });
      assert.equal(r.statusCode, 303);
      const [claim] = await t.database.query<{
        source: string;
        facts: Record<string, unknown>;
        reportDate: string;
        amount: number;
        wage: number;
      }>(
        sql`SELECT facts_source AS source, record_facts AS facts, report_date::text AS "reportDate", daily_amount AS amount,
                   average_daily_wage AS wage
            FROM benefit_claims WHERE idempotency_key = ${key}`,
      );
      assert.equal(claim?.source, 'records');
      assert.equal(claim?.reportDate, '2026-11-02', 'the day the claimant asked for the 이직확인서');
      assert.equal(claim?.wage, 95_000, 'the record’s figure, the dispute for the counsellor');
      assert.equal(claim?.amount, 66_048);
      const kept = claim?.facts as {
        disputed: string[];
        facts: { key: string; answer: string; statement: string; source: string }[];
      };
      assert.deepEqual(kept.disputed, ['averageDailyWage']);
      const wage = kept.facts.find((f) => f.key === 'averageDailyWage');
      assert.equal(wage?.statement, '10월 상여금 60만원이 빠졌습니다');
      assert.match(wage?.source ?? '', /이직확인서/);
    });

    it('records changed since the page was opened: refused, shown again with the new facts', async () => {
      const form = (await claimant.get('/benefits/apply')).body;
      const r = await claimant.post('/benefits/apply', { ...recordsForm(form), factsVersion: 'stale-version-000000' });
      assert.equal(r.statusCode, 409);
      assert.match(text(r.body), /고용보험 기록이 바뀌었습니다/);
      assert.match(r.body, /name="factsVersion" value="(?!stale)/);
    });
  });
}
