/**
 * 이직확인서 on both drivers (src/insurance/certificate-*.ts): the employer's form for a 상실 신고 filled
 * from it (이직일, 이직사유, the 3 months, the 18 months), refused input shown again, the filing with its
 * 평균임금, a later filing as a new row; the worker's and the counsellor's requests, the employer's 알림
 * and the request fulfilled by the filing (late when filed after its due day); the counsellors' overdue
 * list by centre; another company's 사업장 and another centre's client answering 404; and the
 * 주민등록번호 in no page and no audit row.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createAccount, createEmployer } from '../../src/identity/accounts.ts';
import { businoCheckDigit } from '../../src/identity/rules.ts';
import { createCertificateService } from '../../src/insurance/certificate-service.ts';
import { certificateDueOn } from '../../src/insurance/deadlines.ts';
import { createInsuranceEmployerService } from '../../src/insurance/employer-service.ts';
import { personHash } from '../../src/insurance/person.ts';
import { personSecret } from '../../src/insurance/secret.ts';
import { formatDate } from '../../src/shared/dates.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { WebClient } from '../support/web.ts';

const PASSWORD = 'Ilteo!2026test';
const NOW = new Date('2026-12-02T01:00:00Z');
const TODAY = '2026-12-02';
const RRN_A = '9001011234568';
const RRN_B = '9202022345678';
const busino = (first9: string) => `${first9}${businoCheckDigit(first9)}`;
const NO_A = `${busino('123456789')}0`;
const BASE = `/employer/insurance/workplaces/${NO_A}`;

/** A valid 이직확인서 form for 상실일 2026-11-01 (취득 2023-03-06): 3 rows and 18 months. */
function goodForm(wages = ['2750000', '2750000', '3000000']): Record<string, string> {
  const form: Record<string, string> = {
    loss: '26|26-1',
    reason: '계약기간(1년) 만료, 재계약 제의 없음',
    ordinaryDailyWage: '91000',
    dailyHours: '8',
  };
  wages.forEach((w, i) => {
    form[`wage-${i}`] = w;
  });
  ['31', '30', '31'].forEach((d, i) => {
    form[`days-${i}`] = d;
  });
  for (let i = 0; i < 18; i++) {
    const d = new Date(Date.UTC(2025, 4 + i, 1));
    const month = d.toISOString().slice(0, 7);
    form[`base-${month}`] = '22';
  }
  return form;
}

for (const kind of DRIVERS) {
  describe(`이직확인서 on ${kind}`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let serial = 0;
    const pages: string[] = [];
    const ids = new Map<string, number>();
    const client = () => new WebClient(app, { 'x-forwarded-for': `10.16.0.${++serial}` });
    const as = new Map<string, WebClient>();
    const get = async (who: string, url: string) => {
      const r = await (as.get(who) as WebClient).get(url);
      pages.push(r.body);
      return r;
    };
    const post = async (who: string, url: string, form: Record<string, string>) => {
      const r = await (as.get(who) as WebClient).post(url, form);
      pages.push(r.body);
      return r;
    };
    const count = async (table: 'separation_certificates' | 'certificate_requests' | 'notifications') =>
      (await t.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`))[0]?.n ?? 0;
    let loseA = 0;
    let stintA = 0;
    let stintB = 0;

    before(async () => {
      t = await openTestDatabase(kind);
      for (const [loginId, no] of [
        ['emp-a', busino('123456789')],
        ['emp-b', busino('223456789')],
      ] as const)
        ids.set(
          loginId,
          await createEmployer(t.database, {
            loginId,
            name: '이채용',
            email: `${loginId}@example.kr`,
            password: PASSWORD,
            busino: no,
            companyName: `(주)${loginId}`,
            industry: '일반 창고업',
          }),
        );
      for (const [loginId, kindOf, centreCode, name] of [
        ['worker-a', 'seeker', 'seoul-gangnam', '김민준'],
        ['worker-b', 'seeker', 'seoul-gangnam', '박서연'],
        ['counsel-gn', 'counsellor', 'seoul-gangnam', '정상담'],
        ['counsel-bs', 'counsellor', 'busan', '최상담'],
      ] as const)
        ids.set(
          loginId,
          await createAccount(t.database, {
            kind: kindOf,
            loginId,
            password: PASSWORD,
            name,
            email: `${loginId}@example.kr`,
            centreCode,
          }),
        );
      const [company] = await t.database.query<{ id: number }>(
        sql`SELECT company_id::int AS id FROM accounts WHERE login_id = 'emp-a'`,
      );
      const employer = createInsuranceEmployerService({ database: t.database, now: () => NOW });
      const actor = { id: ids.get('emp-a') as number, kind: 'employer' as const, ip: '127.0.0.1', userAgent: 'test' };
      const me = { id: actor.id, companyId: company?.id ?? null };
      await employer.registerWorkplace(actor, me, { managementNo: NO_A, name: '한빛물류 이천센터', address: '' });
      for (const [rrn, personName] of [
        [RRN_A, '김민준'],
        [RRN_B, '박서연'],
      ] as const)
        await employer.fileAcquire(actor, me, NO_A, rrn, {
          personName,
          acquiredOn: '2023-03-06',
          monthlyWage: 2_750_000,
          dailyHours: 8,
          occupationCd: '026',
        });
      for (const w of (await employer.workplacePage(me, NO_A)).insured)
        await employer.fileLose(actor, me, NO_A, String(w.reportId), {
          lostOn: '2026-11-01',
          lossCode: '26',
          lossSubCode: '26-1',
          lossReason: '계약기간 만료',
          monthlyWage: 2_750_000,
        });
      const events = await t.database.query<{ id: number; kind: string; name: string }>(
        sql`SELECT id::int AS id, kind, person_name AS name FROM insurance_events ORDER BY id`,
      );
      const idOf = (k: string, n: string) => events.find((e) => e.kind === k && e.name === n)?.id as number;
      loseA = idOf('lose', '김민준');
      stintA = idOf('acquire', '김민준');
      stintB = idOf('acquire', '박서연');
      const secret = await personSecret(t.database);
      for (const [login, rrn] of [
        ['worker-a', RRN_A],
        ['worker-b', RRN_B],
      ] as const)
        await t.database.query(
          sql`INSERT INTO person_verifications (account_id, person_hash, provider)
              VALUES (${ids.get(login)}, ${personHash(secret, rrn)}, 'verify')`,
        );
      app = await buildApp({
        config: loadConfig({
          LOG_LEVEL: 'silent',
          ILTEO_TRUST_PROXY: 'true',
          ILTEO_STATUS: 'off',
          ILTEO_ALERTS_SECONDS: '0',
        }),
        database: t.database,
        now: () => NOW,
      });
      for (const login of ['emp-a', 'emp-b', 'worker-a', 'worker-b', 'counsel-gn', 'counsel-bs']) {
        const c = client();
        assert.equal((await c.signIn(login, PASSWORD)).statusCode, 303, login);
        as.set(login, c);
      }
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('fills the form from the 상실 신고, keeps refused input and answers another company 404', async () => {
      const page = await get('emp-a', BASE);
      assert.match(page.body, new RegExp(`/reports/${loseA}/certificate"`));
      const form = await get('emp-a', `${BASE}/reports/${loseA}/certificate`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /김민준 \(900101-1\*{6}\)/);
      assert.match(form.body, /2026\.10\.31\./, '이직일 = 상실일 전날');
      assert.match(form.body, /<option value="26\|26-1" selected/);
      assert.match(form.body, /2026\.08\.01\. ~ 2026\.08\.31\./);
      assert.equal([...form.body.matchAll(/name="base-\d{4}-\d{2}"/g)].length, 18);
      assert.match(form.body, /name="base-2025-05"[^>]*value="31"|value="31"[^>]*name="base-2025-05"/);
      assert.doesNotMatch(form.body, /name="rrn"/);
      assert.equal((await get('emp-b', `${BASE}/reports/${loseA}/certificate`)).statusCode, 404);
      assert.equal((await post('emp-b', `${BASE}/reports/${loseA}/certificate`, goodForm())).statusCode, 404);
      await get('emp-a', `${BASE}/reports/${loseA}/certificate`);
      const bad = await post('emp-a', `${BASE}/reports/${loseA}/certificate`, {
        ...goodForm(['', '2750000', '3000000']),
        'days-1': '31',
        'base-2026-02': '29',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /href="#wage-0"/);
      assert.match(bad.body, /30일\)까지/);
      assert.match(bad.body, /2026-02의 보수 지급 기초일수는 0부터 28일/);
      assert.match(bad.body, /value="3000000"/);
      assert.equal(await count('separation_certificates'), 0);
    });

    it('takes the worker’s request once, tells the employer, and lists it with its due day', async () => {
      const records = await get('worker-b', '/my/insurance');
      assert.match(records.body, new RegExp(`/my/insurance/records/${stintB}/certificate`));
      const page = await get('worker-b', `/my/insurance/records/${stintB}/certificate`);
      assert.match(page.body, /요청하지 않았습니다/);
      const asked = await post('worker-b', `/my/insurance/records/${stintB}/certificate`, {});
      assert.equal(asked.statusCode, 303);
      assert.equal(asked.headers.location, `/my/insurance/records/${stintB}/certificate?requested=1`);
      const due = certificateDueOn(TODAY);
      const status = await get('worker-b', asked.headers.location as string);
      assert.match(status.body, /요청했습니다/);
      assert.match(status.body, new RegExp(formatDate(due).replace(/\./g, '\\.')));
      assert.doesNotMatch(status.body, /사업주에게 이직확인서 요청<\/button>/);
      const again = await post('worker-b', `/my/insurance/records/${stintB}/certificate`, {});
      assert.equal(again.headers.location, `/my/insurance/records/${stintB}/certificate?already=1`);
      assert.equal(await count('certificate_requests'), 1);
      const [note] = await t.database.query<{ account: number; title: string; link: string }>(
        sql`SELECT account_id::int AS account, title, link FROM notifications WHERE kind = 'insurance.certificate.request'`,
      );
      assert.equal(note?.account, ids.get('emp-a'));
      assert.match(note?.title ?? '', /박서연 \(920202-2\*{6}\)/);
      const list = await get('emp-a', '/employer/insurance/certificates');
      assert.match(list.body, /박서연/);
      assert.match(list.body, /본인/);
      assert.match(list.body, new RegExp(`${formatDate(due).replace(/\./g, '\\.')}까지`));
      assert.match(list.body, /새 알림/);
      assert.doesNotMatch((await get('emp-b', '/employer/insurance/certificates')).body, /박서연/);
      assert.equal((await get('worker-a', `/my/insurance/records/${stintB}/certificate`)).statusCode, 404);
    });

    it('takes a counsellor’s request for a client of the centre only', async () => {
      const other = await get('counsel-bs', `/centre/certificates/clients/${ids.get('worker-a')}`);
      assert.equal(other.statusCode, 404);
      const page = await get('counsel-gn', `/centre/certificates/clients/${ids.get('worker-a')}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /한빛물류 이천센터/);
      const url = `/centre/certificates/clients/${ids.get('worker-a')}/records/${stintA}`;
      const asked = await post('counsel-gn', url, {});
      assert.equal(asked.statusCode, 303, asked.body.slice(0, 300));
      assert.equal(asked.headers.location, `/centre/certificates/clients/${ids.get('worker-a')}?requested=${stintA}`);
      await get('counsel-bs', '/centre');
      assert.equal((await post('counsel-bs', url, {})).statusCode, 404);
      assert.equal(await count('certificate_requests'), 2);
      const list = await get('emp-a', '/employer/insurance/certificates');
      assert.match(list.body, /고용센터/);
    });

    it('lists overdue requests for the centre’s counsellors with the days overdue', async () => {
      // A request made three weeks ago, due 2026-11-20, still open.
      const secret = await personSecret(t.database);
      await t.database.query(
        sql`INSERT INTO certificate_requests (dedupe_key, workplace_id, person_hash, requested_by, requested_at, due_on)
            SELECT 'old', w.id, ${personHash(secret, RRN_A)}, ${ids.get('counsel-gn')}, '2026-11-10T01:00:00Z', '2026-11-20'
            FROM workplaces w WHERE w.management_no = ${NO_A}`,
      );
      const overdue = await get('counsel-gn', '/centre/certificates?overdue=1');
      assert.equal(overdue.statusCode, 200);
      assert.match(overdue.body, /김민준/);
      assert.match(overdue.body, /12일 지남/);
      assert.doesNotMatch(overdue.body, /박서연/, 'not overdue yet');
      const all = await get('counsel-gn', '/centre/certificates');
      assert.match(all.body, /박서연/);
      assert.doesNotMatch((await get('counsel-bs', '/centre/certificates?overdue=1')).body, /김민준/);
    });

    it('files the 이직확인서 with its 평균임금, fulfils the requests late, and keeps a later filing as a new row', async () => {
      await get('emp-a', `${BASE}/reports/${loseA}/certificate`);
      const filed = await post('emp-a', `${BASE}/reports/${loseA}/certificate`, goodForm());
      assert.equal(filed.statusCode, 303, filed.body.slice(0, 500));
      const location = filed.headers.location as string;
      assert.match(location, new RegExp(`^${BASE}/certificates/\\d+\\?filed=1$`));
      const page = await get('emp-a', location);
      assert.match(page.body, /이직확인서를 제출했습니다/);
      assert.match(page.body, /92,391\.3원/, '8,500,000원 ÷ 92일');
      assert.match(page.body, /기한 지남/, 'the oldest request was due 2026-11-20');
      assert.equal((await get('emp-b', location.split('?')[0] as string)).statusCode, 404);
      const rows = await t.database.query<{ due: string; late: boolean; wages: unknown; base: unknown }>(
        sql`SELECT due_on::text AS due, late, recent_wages AS wages, base_days AS base FROM separation_certificates`,
      );
      assert.equal(rows[0]?.due, '2026-11-20');
      assert.equal(rows[0]?.late, true);
      const open = await t.database.query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM certificate_requests WHERE certificate_id IS NULL`,
      );
      assert.equal(open[0]?.n, 1, '박서연’s request stays open');
      assert.doesNotMatch((await get('counsel-gn', '/centre/certificates?overdue=1')).body, /김민준/);
      const status = await get('worker-a', `/my/insurance/records/${stintA}/certificate`);
      assert.match(status.body, /제출됨/);
      assert.match(status.body, /92,391\.3원/);
      assert.equal((await post('worker-a', `/my/insurance/records/${stintA}/certificate`, {})).statusCode, 409);

      await get('emp-a', `${BASE}/reports/${loseA}/certificate`);
      const second = await post(
        'emp-a',
        `${BASE}/reports/${loseA}/certificate`,
        goodForm(['2750000', '2750000', '3200000']),
      );
      assert.equal(second.statusCode, 303);
      assert.equal(await count('separation_certificates'), 2);
      assert.match((await get('emp-a', location.split('?')[0] as string)).body, /이 뒤에 제출한 이직확인서가 있습니다/);
      const latest = await createCertificateService({ database: t.database, now: () => NOW }).latestCertificate(
        personHash(await personSecret(t.database), RRN_A),
      );
      assert.equal(latest?.separatedOn, '2026-10-31');
      assert.deepEqual(latest?.recentWages, [
        { from: '2026-08-01', to: '2026-08-31', wage: 2_750_000, days: 31 },
        { from: '2026-09-01', to: '2026-09-30', wage: 2_750_000, days: 30 },
        { from: '2026-10-01', to: '2026-10-31', wage: 3_200_000, days: 31 },
      ]);
      assert.equal(latest?.baseDays.length, 18);
      assert.deepEqual(latest?.baseDays[0], { month: '2025-05', days: 22 });
      assert.equal(latest?.average?.totalWage, 8_700_000);
      assert.equal(latest?.dailyHours, 8);
      assert.equal(latest?.ordinaryDailyWage, 91_000);
    });

    it('never shows or logs a 주민등록번호', async () => {
      const audit = await t.database.query<{ row: string }>(sql`SELECT row_to_json(a)::text AS row FROM audit_log a`);
      const actions = await t.database.query<{ action: string }>(sql`SELECT DISTINCT action FROM audit_log`);
      for (const a of ['insurance.certificate.file', 'insurance.certificate.request', 'insurance.certificate.list'])
        assert.ok(
          actions.some((r) => r.action === a),
          a,
        );
      for (const rrn of [RRN_A, RRN_B]) {
        for (const text of [...pages, ...audit.map((r) => r.row)]) {
          assert.doesNotMatch(text, new RegExp(`(?<!\\d)${rrn.slice(6)}(?!\\d)`));
          assert.doesNotMatch(text, new RegExp(`${rrn.slice(0, 6)}-?${rrn.slice(6)}`));
        }
      }
    });
  });
}
