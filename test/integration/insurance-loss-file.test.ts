/**
 * The bulk 상실신고 file (src/insurance/loss-file-service.ts) on both drivers: each row's worker is found
 * among those the workplace insures now; the good rows are filed once as 상실 신고 with their 기한; a
 * worker not insured here, a 상실일 on the 취득일 and a code not in the table are row errors; the same file
 * sent again files nothing and is answered alike; the 주민등록번호 is in no page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createEmployer } from '../../src/identity/accounts.ts';
import { businoCheckDigit } from '../../src/identity/rules.ts';
import { createInsuranceEmployerService } from '../../src/insurance/employer-service.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { WebClient } from '../support/web.ts';

const PASSWORD = 'Ilteo!2026test';
const NOW = new Date('2026-12-02T01:00:00Z');
const BUSINO = `318822914${businoCheckDigit('318822914')}`;
const NO = `${BUSINO}0`;
const BASE = `/employer/insurance/workplaces/${NO}`;
const WORKERS = [
  { name: '김민준', rrn: '9001011234568', acquiredOn: '2024-03-04' },
  { name: '박서연', rrn: '9202022345678', acquiredOn: '2026-11-20' },
  { name: '최지훈', rrn: '8803031456789', acquiredOn: '2025-01-06' },
] as const;
const keyOf = (body: string) => /name="idempotencyKey" value="([^"]+)"/.exec(body)?.[1] ?? '';

for (const kind of DRIVERS) {
  describe(`the bulk 상실신고 file on ${kind}`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let employer: WebClient;
    const pages: string[] = [];
    const loses = async () =>
      (
        await t.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM insurance_events WHERE kind = 'lose'`)
      )[0]?.n ?? 0;

    before(async () => {
      t = await openTestDatabase(kind);
      const id = await createEmployer(t.database, {
        loginId: 'haedong',
        name: '박인사',
        email: 'hr@haedong.example',
        password: PASSWORD,
        busino: BUSINO,
        companyName: '(주)해동정밀',
        industry: '금속 가공업',
      });
      const [account] = await t.database.query<{ companyId: number }>(
        sql`SELECT company_id::int AS "companyId" FROM accounts WHERE id = ${id}`,
      );
      const insurance = createInsuranceEmployerService({ database: t.database, now: () => NOW });
      const actor = { id, kind: 'employer' as const, ip: '127.0.0.1', userAgent: 'test' };
      const me = { id, companyId: account?.companyId ?? null };
      await insurance.registerWorkplace(actor, me, { managementNo: NO, name: '해동정밀 녹산공장', address: '' });
      for (const w of WORKERS)
        await insurance.fileAcquire(actor, me, NO, w.rrn, {
          personName: w.name,
          acquiredOn: w.acquiredOn,
          monthlyWage: 3_000_000,
          dailyHours: 8,
          occupationCd: '026',
        });
      app = await buildApp({
        config: loadConfig({ LOG_LEVEL: 'silent', ILTEO_TRUST_PROXY: 'true', ILTEO_STATUS: 'off' }),
        database: t.database,
        now: () => NOW,
      });
      employer = new WebClient(app, { 'x-forwarded-for': '10.16.0.1' });
      assert.equal((await employer.signIn('haedong', PASSWORD)).statusCode, 303);
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const csv = [
      '성명,주민등록번호,상실일,상실사유코드,구체적사유,월평균보수',
      `김민준,${WORKERS[0].rrn},20261121,23-1,"수주 감소, 생산라인 축소로 권고사직",3100000`,
      `박서연,${WORKERS[1].rrn},2026-11-20,26-1,계약 해지,3000000`,
      '이도윤,9902011345671,2026-11-21,23-1,권고사직,2800000',
      `최지훈,${WORKERS[2].rrn},2026-11-21,99,모름,3000000`,
    ].join('\r\n');

    it('is offered on the workplace page, with its layout', async () => {
      const page = await employer.get(BASE);
      assert.match(page.body, new RegExp(`href="${BASE}/upload-loss"`));
      const form = await employer.get(`${BASE}/upload-loss`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /상실 신고 파일 올리기/);
      assert.match(form.body, /상실사유코드/);
    });

    it('files the good rows once, lists each bad row, and answers a second send alike', async () => {
      const form = await employer.get(`${BASE}/upload-loss`);
      const first = await employer.post(`${BASE}/upload-loss`, { csv }, { key: keyOf(form.body) });
      pages.push(first.body);
      assert.equal(first.statusCode, 200, first.body.slice(0, 400));
      assert.match(first.body, /4줄 가운데 1명을 신고했습니다/);
      assert.match(first.body, /3행[\s\S]*상실일은 취득일\(2026-11-20\) 다음 날 이후여야 합니다/);
      assert.match(first.body, /4행[\s\S]*지금 피보험자로 신고된 근로자가 아닙니다/);
      assert.match(
        first.body,
        /5행[\s\S]*상실사유 코드 &quot;99&quot;는 없는 코드입니다|5행[\s\S]*상실사유 코드 "99"는 없는 코드입니다/,
      );
      assert.match(
        first.body,
        /900101-1\*{6}[\s\S]*2026-11-21[\s\S]*2026-12-15[\s\S]*기한 내/,
        '기한: the 15th of next month',
      );
      assert.equal(await loses(), 1);
      const [filed] = await t.database.query<{ code: string; sub: string; reason: string; acquired: string }>(
        sql`SELECT loss_code AS code, loss_sub_code AS sub, loss_reason AS reason, acquired_on::text AS acquired
              FROM insurance_events WHERE kind = 'lose'`,
      );
      assert.deepEqual(filed, {
        code: '23',
        sub: '23-1',
        reason: '수주 감소, 생산라인 축소로 권고사직',
        acquired: '2024-03-04',
      });

      await employer.get(`${BASE}/upload-loss`);
      const second = await employer.post(`${BASE}/upload-loss`, { csv: `${csv}\r\n` });
      pages.push(second.body);
      assert.equal(second.statusCode, 200);
      assert.match(second.body, /4줄 가운데 1명을 신고했습니다/);
      assert.equal(await loses(), 1, 'the same file again files nothing');
      const workplace = await employer.get(BASE);
      assert.doesNotMatch(
        workplace.body.slice(workplace.body.indexOf('지금 피보험자'), workplace.body.indexOf('신고 내역')),
        /김민준/,
        'no longer insured here',
      );
    });

    it('refuses a file with nothing right, or a 취득 file, keeping nothing typed', async () => {
      const nothing = await employer.post(`${BASE}/upload-loss`, {
        csv: '성명,주민등록번호,상실일,상실사유코드,구체적사유,월평균보수\n김,1,x,,,',
      });
      assert.equal(nothing.statusCode, 400);
      assert.match(nothing.body, /맞게 적은 줄이 하나도 없어/);
      const wrongFile = await employer.post(`${BASE}/upload-loss`, {
        csv: `성명,주민등록번호,취득일,월평균보수,1일소정근로시간,직종코드\n최지훈,${WORKERS[2].rrn},2026-11-02,2500000,8,026`,
      });
      assert.equal(wrongFile.statusCode, 400);
      assert.match(wrongFile.body, /상실일, 상실사유코드, 구체적사유 열이 없습니다/);
      pages.push(nothing.body, wrongFile.body);
      for (const w of WORKERS)
        for (const body of pages) assert.ok(!body.includes(w.rrn.slice(6)), 'no 주민등록번호 in a page');
    });
  });
}
