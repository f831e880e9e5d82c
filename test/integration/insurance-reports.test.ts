/**
 * 피보험자격 취득·상실 신고 by employers (src/insurance/employer-routes.ts, report-routes.ts), on both
 * drivers: 사업장 registration tied to the 사업자등록번호, 취득 and 상실 with 기한 and 지연, 정정 and
 * 취소 as new events, the bulk file with bad rows and sent twice, another company's 사업장 answering
 * 404, and the 주민등록번호 never in a page or the audit log.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createEmployer } from '../../src/identity/accounts.ts';
import { businoCheckDigit } from '../../src/identity/rules.ts';
import { addDays, seoulToday } from '../../src/shared/dates.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { WebClient } from '../support/web.ts';

const PASSWORD = 'Ilteo!2026test';
const today = seoulToday();
/** The first day of the month two months back: its 신고 was due last month (late). */
const longAgo = `${addDays(`${today.slice(0, 7)}-01`, -40).slice(0, 7)}-01`;
const RRN_A = '9001011234568';
const RRN_B = '9202022345678';
const RRN_C = '8803031456789';
const keyOf = (body: string) => /name="idempotencyKey" value="([^"]+)"/.exec(body)?.[1] ?? '';
const busino = (first9: string) => `${first9}${businoCheckDigit(first9)}`;

for (const kind of DRIVERS) {
  describe(`피보험자격 신고 by employers on ${kind}`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let serial = 0;
    const pages: string[] = [];
    const client = () => new WebClient(app, { 'x-forwarded-for': `10.15.0.${++serial}` });
    let a: WebClient;
    let b: WebClient;
    const noA = `${busino('123456789')}0`;
    const base = `/employer/insurance/workplaces/${noA}`;
    const get = async (c: WebClient, url: string) => {
      const r = await c.get(url);
      pages.push(r.body);
      return r;
    };
    const post = async (c: WebClient, url: string, form: Record<string, string>, key?: string) => {
      const r = await c.post(url, form, key ? { key } : {});
      pages.push(r.body);
      return r;
    };
    const events = async () =>
      (await t.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM insurance_events`))[0]?.n ?? 0;

    before(async () => {
      t = await openTestDatabase(kind);
      for (const [loginId, no] of [
        ['emp-a', busino('123456789')],
        ['emp-b', busino('223456789')],
      ] as const)
        await createEmployer(t.database, {
          loginId,
          name: '이채용',
          email: `${loginId}@example.kr`,
          password: PASSWORD,
          busino: no,
          companyName: `(주)${loginId}`,
          industry: '그 외 기타 분류 안된 사업지원 서비스업',
        });
      app = await buildApp({
        config: loadConfig({ LOG_LEVEL: 'silent', ILTEO_TRUST_PROXY: 'true' }),
        database: t.database,
      });
      a = client();
      b = client();
      assert.equal((await a.signIn('emp-a', PASSWORD)).statusCode, 303);
      assert.equal((await b.signIn('emp-b', PASSWORD)).statusCode, 303);
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('registers a 사업장 only under the company’s own 사업자등록번호; another company’s is 404', async () => {
      assert.match((await get(a, '/employer')).body, /href="\/employer\/insurance"/);
      await get(a, '/employer/insurance');
      const wrong = await post(a, '/employer/insurance/workplaces', {
        managementNo: `${busino('223456789')}0`,
        name: '본사',
      });
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /사업자등록번호\(123-45-6789/);
      assert.match(wrong.body, /value="본사"/);
      const ok = await post(a, '/employer/insurance/workplaces', {
        managementNo: noA,
        name: '(주)emp-a 본사',
        address: '서울 강남구',
      });
      assert.equal(ok.statusCode, 303);
      assert.equal(ok.headers.location, `${base}?notice=registered`);
      const list = await get(a, '/employer/insurance');
      assert.match(list.body, /123-45-6789\d-0/);
      assert.equal((await get(b, base)).statusCode, 404);
      assert.equal((await get(b, `${base}/acquire`)).statusCode, 404);
      await get(b, '/employer/insurance');
      const taken = await post(b, '/employer/insurance/workplaces', { managementNo: noA, name: '남의 사업장' });
      assert.equal(taken.statusCode, 400);
      await get(b, '/employer/insurance');
      const theirs = await post(b, `${base}/acquire`, {
        personName: '홍길동',
        rrn: RRN_C,
        acquiredOn: today,
        monthlyWage: '1',
        dailyHours: '8',
        occupationCd: '026',
      });
      assert.equal(theirs.statusCode, 404);
    });

    it('files a 취득 신고, asks for the 주민등록번호 again after an error, and marks a late one', async () => {
      const form = await get(a, `${base}/acquire`);
      const key = keyOf(form.body);
      const bad = await post(
        a,
        `${base}/acquire`,
        {
          personName: '김민준',
          rrn: RRN_A,
          acquiredOn: longAgo,
          monthlyWage: '이백만',
          dailyHours: '8',
          occupationCd: '026',
        },
        key,
      );
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /월평균보수/);
      assert.match(bad.body, /다시 보여 드리지 않습니다/);
      assert.match(bad.body, /value="김민준"/);
      const good = await post(
        a,
        `${base}/acquire`,
        {
          personName: '김민준',
          rrn: '900101-1234568',
          acquiredOn: longAgo,
          monthlyWage: '2,500,000',
          dailyHours: '8',
          occupationCd: '026',
        },
        key,
      );
      assert.equal(good.statusCode, 303);
      const page = await get(a, base);
      assert.match(page.body, /900101-1\*{6}/);
      assert.match(page.body, /기한 지남/);
      assert.match(page.body, /경영지원 사무원/);
      await get(a, `${base}/acquire`);
      const again = await post(a, `${base}/acquire`, {
        personName: '김민준',
        rrn: RRN_A,
        acquiredOn: today,
        monthlyWage: '2500000',
        dailyHours: '8',
        occupationCd: '026',
      });
      assert.equal(again.statusCode, 400);
      assert.match(again.body, /이미 이 사업장의 피보험자입니다/);
      assert.equal(await events(), 1);
    });

    it('files a 상실 신고 of a worker insured now, then a 정정, and a 취소 only when confirmed', async () => {
      const form = await get(a, `${base}/lose`);
      const worker = /<option value="(\d+)"[^>]*>김민준/.exec(form.body)?.[1] ?? '';
      assert.ok(worker);
      const early = await post(a, `${base}/lose`, {
        worker,
        lostOn: longAgo,
        loss: '26|26-1',
        lossReason: '계약 만료',
        monthlyWage: '2500000',
      });
      assert.equal(early.statusCode, 400);
      assert.match(early.body, /다음 날 이후/);
      assert.match(early.body, /<option value="26\|26-1" selected/);
      await get(a, `${base}/lose`);
      const lost = await post(a, `${base}/lose`, {
        worker,
        lostOn: today,
        loss: '26|26-1',
        lossReason: '계약기간 만료',
        monthlyWage: '2400000',
      });
      assert.equal(lost.statusCode, 303, lost.body.slice(0, 300));
      let page = await get(a, base);
      assert.match(page.body, /지금 피보험자가 없습니다/);
      const loseId = /\/reports\/(\d+)\/correct/.exec(page.body)?.[1] ?? '';
      const correct = await get(a, `${base}/reports/${loseId}/correct`);
      assert.match(correct.body, /value="계약기간 만료"|>계약기간 만료</);
      const fixed = await post(a, `${base}/reports/${loseId}/correct`, {
        lostOn: today,
        loss: '26|26-1',
        lossReason: '계약기간 1년 만료',
        monthlyWage: '2450000',
      });
      assert.equal(fixed.statusCode, 303);
      page = await get(a, base);
      assert.match(page.body, /계약기간 1년 만료/);
      assert.match(page.body, /정정 1회/);
      const confirm = await get(a, `${base}/reports/${loseId}/cancel`);
      assert.match(confirm.body, /name="confirm" value="yes"/);
      assert.doesNotMatch(confirm.body, /checked/);
      const unconfirmed = await post(a, `${base}/reports/${loseId}/cancel`, {});
      assert.equal(unconfirmed.statusCode, 400);
      assert.equal(await events(), 3);
      await get(a, `${base}/reports/${loseId}/cancel`);
      const cancelled = await post(a, `${base}/reports/${loseId}/cancel`, { confirm: 'yes' });
      assert.equal(cancelled.statusCode, 303);
      page = await get(a, base);
      // The cancelled 상실 counts for nothing: 김민준 is insured again, with the 취득's values.
      assert.match(page.body, /지금 피보험자 1명/);
      assert.equal(await events(), 4);
      const rows = await t.database.query<{ kind: string; corrects: number | null }>(
        sql`SELECT kind, corrects_id::int AS corrects FROM insurance_events ORDER BY id`,
      );
      assert.deepEqual(
        rows.map((r) => r.kind),
        ['acquire', 'lose', 'correct', 'cancel'],
      );
      assert.equal(rows[2]?.corrects, Number(loseId));
      assert.equal(rows[3]?.corrects, Number(loseId));
    });

    it('takes a bulk file: files the good rows once, lists each bad row, and answers a second send alike', async () => {
      const csv = [
        '성명,주민등록번호,취득일,월평균보수,1일 소정근로시간,직종코드',
        `박서연,${RRN_B},${today.replaceAll('-', '')},2300000,8,026`,
        `최지훈,880303-1456789,${today},3100000,6.5,133`,
        '이름없음,12345,2026-13-01,-5,12,999',
        `김민준,${RRN_A},${today},2500000,8,026`,
      ].join('\r\n');
      const form = await get(a, `${base}/upload`);
      const first = await post(a, `${base}/upload`, { csv }, keyOf(form.body));
      assert.equal(first.statusCode, 200, first.body.slice(0, 400));
      assert.match(first.body, /5줄|4줄 가운데 2명을 신고했습니다/);
      assert.match(first.body, /4행/);
      assert.match(first.body, /주민등록번호는 숫자 13자리/);
      assert.match(first.body, /5행[\s\S]*이미 이 사업장의 피보험자입니다/);
      const after1 = await events();
      await get(a, `${base}/upload`);
      const second = await post(a, `${base}/upload`, { csv: `${csv}\r\n` });
      assert.equal(second.statusCode, 200);
      assert.match(second.body, /4줄 가운데 2명을 신고했습니다/);
      assert.equal(await events(), after1, 'the same file again files nothing');
      const keys = await t.database.query<{ k: string; b: string }>(
        sql`SELECT dedupe_key AS k, batch_key AS b FROM insurance_events WHERE batch_key IS NOT NULL ORDER BY id`,
      );
      assert.deepEqual(
        keys.map((x) => x.k),
        [`${keys[0]?.b}:2`, `${keys[0]?.b}:3`],
      );
      const empty = await post(a, `${base}/upload`, { csv: '성명,주민등록번호\n김,1' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /취득일, 월평균보수/);
    });

    it('never shows or logs a 주민등록번호 in full', async () => {
      const audit = await t.database.query<{ row: string }>(sql`SELECT row_to_json(a)::text AS row FROM audit_log a`);
      assert.ok(audit.some((r) => r.row.includes('insurance.acquire')));
      assert.ok(audit.some((r) => r.row.includes('insurance.csv')));
      const stored = await t.database.query<{ row: string }>(
        sql`SELECT row_to_json(e)::text AS row FROM insurance_events e`,
      );
      for (const rrn of [RRN_A, RRN_B, RRN_C, '8803031456789']) {
        const dashed = `${rrn.slice(0, 6)}-${rrn.slice(6)}`;
        for (const text of [...pages, ...audit.map((r) => r.row), ...stored.map((r) => r.row)]) {
          const at = Math.max(text.indexOf(rrn), text.indexOf(dashed));
          assert.ok(at < 0, `a 주민등록번호 shown or stored: ${rrn}: …${text.slice(Math.max(0, at - 300), at + 50)}`);
        }
      }
    });
  });
}
