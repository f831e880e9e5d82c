/**
 * 내 고용보험 on both drivers: 본인확인 through a real local OpenID Connect provider (oidc-provider), the
 * 피보험자격 이력 from the events of the verified person only (정정 and 취소 applied), one person one
 * account, the 확인 청구 and the counsellor's decision, and the 주민등록번호 nowhere in pages or tables.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import type { Database } from '../../src/db/index.ts';
import { createAccount } from '../../src/identity/accounts.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/identity/demo.ts';
import { demoResidents } from '../../src/identity/dev-idp.ts';
import { maskRrn, personHash } from '../../src/insurance/person.ts';
import { personSecret } from '../../src/insurance/secret.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { loginAtProvider, startVerifyIdp, type VerifyIdp } from '../support/verify-idp.ts';
import { WebClient } from '../support/web.ts';

const NOW = new Date('2026-12-02T01:00:00Z');
const rrnOf = (login: string) => demoResidents().find((p) => p.login === login)?.rrn as string;

/** A workplace and its events for one person, straight into the tables (the employer side is not needed). */
async function seedRecords(database: Database, reporter: number) {
  const secret = await personSecret(database);
  const [company] = await database.query<{ id: number }>(
    sql`INSERT INTO companies (busino, name, ind_tp_nm) VALUES ('1208147521', '(주)한빛물류', '물류') RETURNING id::int AS id`,
  );
  const workplace = async (no: string, name: string) =>
    (
      await database.query<{ id: number }>(
        sql`INSERT INTO workplaces (management_no, company_id, name) VALUES (${no}, ${company?.id}, ${name}) RETURNING id::int AS id`,
      )
    )[0]?.id as number;
  const a = await workplace('12081475210', '한빛물류 평택센터');
  const b = await workplace('12081475220', '한빛물류 본사');
  let n = 0;
  const event = async (login: string, w: number, kind: string, fields: Record<string, unknown>) => {
    const rrn = rrnOf(login);
    const [row] = await database.query<{ id: number }>(
      sql`INSERT INTO insurance_events (dedupe_key, workplace_id, kind, person_hash, person_masked, person_name,
            acquired_on, lost_on, monthly_wage, loss_code, loss_sub_code, loss_reason, corrects_id, reported_by)
          VALUES (${`t${++n}`}, ${w}, ${kind}, ${personHash(secret, rrn)}, ${maskRrn(rrn)}, ${login},
            ${fields.acquiredOn ?? null}, ${fields.lostOn ?? null}, ${fields.monthlyWage ?? null},
            ${fields.lossCode ?? null}, ${fields.lossSubCode ?? null}, ${fields.lossReason ?? null},
            ${fields.correctsId ?? null}, ${reporter})
          RETURNING id::int AS id`,
    );
    return row?.id as number;
  };
  const acquired = await event('minjun', a, 'acquire', { acquiredOn: '2023-03-02', monthlyWage: 2_500_000 });
  await event('minjun', a, 'correct', { correctsId: acquired, acquiredOn: '2023-03-06', monthlyWage: 2_750_000 });
  await event('minjun', a, 'lose', {
    lostOn: '2026-10-31',
    lossCode: '26',
    lossSubCode: '26',
    lossReason: '경영상 필요',
  });
  const wrong = await event('minjun', b, 'acquire', { acquiredOn: '2026-11-01', monthlyWage: 9_000_000 });
  await event('minjun', b, 'cancel', { correctsId: wrong });
  const other = await event('jiwoo', b, 'acquire', { acquiredOn: '2024-01-02', monthlyWage: 3_330_000 });
  return { acquired, wrong, other };
}

for (const kind of DRIVERS) {
  describe(`내 고용보험 (${kind})`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let verify: VerifyIdp;
    let ids: Awaited<ReturnType<typeof seedRecords>>;
    const pages: string[] = [];
    let clientSerial = 0;
    const client = () => new WebClient(app, { 'x-forwarded-for': `10.7.0.${++clientSerial}` });
    const signedIn = async (loginId: string) => {
      const c = client();
      assert.equal((await c.signIn(loginId, DEMO_PASSWORD)).statusCode, 303);
      return c;
    };
    const get = async (c: WebClient, url: string) => {
      const r = await c.get(url);
      pages.push(r.body);
      return r;
    };
    /** Through the provider as `login` and back; the callback's answer. */
    const verifyAs = async (c: WebClient, login: string, next?: string) => {
      const start = await c.get(`/my/insurance/verify${next === undefined ? '' : `?next=${encodeURIComponent(next)}`}`);
      assert.equal(start.statusCode, 303, start.body.slice(0, 300));
      const back = await loginAtProvider(start.headers.location as string, login, DEMO_PASSWORD);
      assert.equal(back.pathname, '/my/insurance/verify/callback');
      assert.doesNotMatch(back.href, new RegExp(rrnOf(login)), 'the number never travels in a URL');
      return get(c, `${back.pathname}${back.search}`);
    };

    before(async () => {
      t = await openTestDatabase(kind);
      await seedDemoAccounts(t.database, () => {});
      verify = await startVerifyIdp(DEMO_PASSWORD);
      const config = loadConfig({
        LOG_LEVEL: 'silent',
        ILTEO_TRUST_PROXY: 'true',
        ILTEO_STATUS: 'off',
        ILTEO_ALERTS_SECONDS: '0',
        ILTEO_VERIFY_PROVIDER: verify.env,
      });
      app = await buildApp({ config, database: t.database, now: () => NOW });
      const [counsellor] = await t.database.query<{ id: number }>(
        sql`SELECT id::int AS id FROM accounts WHERE login_id = 'counsel.gangnam'`,
      );
      ids = await seedRecords(t.database, counsellor?.id as number);
    });
    after(async () => {
      await app?.close();
      await verify?.idp.close().catch(() => {});
      await t?.cleanup();
    });

    it('asks for 본인확인 first, explaining why, and shows no records before it', async () => {
      const c = await signedIn('minjun');
      const page = await get(c, '/my/insurance');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /왜 본인확인을 하나요/);
      assert.match(page.body, /href="\/my\/insurance\/verify"/);
      assert.doesNotMatch(page.body, /한빛물류/);
      assert.equal((await c.get(`/my/insurance/records/${ids.acquired}/dispute`)).statusCode, 403);
    });

    it('goes back where the person came from once verified (only to this site’s own pages)', async () => {
      const back = await verifyAs(await signedIn('sua'), 'sua', '/benefits/apply');
      assert.equal(back.statusCode, 303, back.body.slice(0, 300));
      assert.equal(back.headers.location, '/benefits/apply');
      const away = await verifyAs(await signedIn('dohyun'), 'dohyun', '//evil.example/x');
      assert.equal(away.statusCode, 303, away.body.slice(0, 300));
      assert.equal(away.headers.location, '/my/insurance?verified=1');
    });

    it('verifies through the provider and shows the person’s own records, corrected, without the cancelled one', async () => {
      const c = await signedIn('minjun');
      const callback = await verifyAs(c, 'minjun');
      assert.equal(callback.statusCode, 303, callback.body.slice(0, 400));
      assert.equal(callback.headers.location, '/my/insurance?verified=1');
      const page = await get(c, '/my/insurance?verified=1');
      assert.match(page.body, /본인확인을 마쳤습니다/);
      assert.match(page.body, /한빛물류 평택센터/);
      assert.match(page.body, /2023\.03\.06\./, 'the 정정 wins');
      assert.match(page.body, /2,750,000원/);
      assert.doesNotMatch(page.body, /2,500,000원/);
      assert.match(page.body, /2026\.10\.31\./);
      assert.match(page.body, /코드 26/);
      assert.doesNotMatch(page.body, /9,000,000원/, 'a cancelled report does not show');
      assert.doesNotMatch(page.body, /3,330,000원|2024\.01\.02\./, 'another person’s record never shows');
      const [row] = await t.database.query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM person_verifications v JOIN accounts a ON a.id = v.account_id WHERE a.login_id = 'minjun'`,
      );
      assert.equal(row?.n, 1);
    });

    it('refuses a second account verifying as the same person, in Korean', async () => {
      await createAccount(t.database, {
        kind: 'seeker',
        loginId: 'minjun2',
        name: '김민준',
        email: 'minjun2@example.kr',
        password: DEMO_PASSWORD,
        centreCode: 'seoul-gangnam',
      });
      const c = await signedIn('minjun2');
      const callback = await verifyAs(c, 'minjun');
      assert.equal(callback.statusCode, 409);
      assert.match(callback.body, /이미 다른 일터 계정에서 마쳤습니다/);
      assert.doesNotMatch((await get(c, '/my/insurance')).body, /한빛물류 평택센터/);
    });

    it('lets another person see only their own record, and not open someone else’s', async () => {
      const c = await signedIn('jiwoo');
      assert.equal((await verifyAs(c, 'jiwoo')).statusCode, 303);
      const page = await get(c, '/my/insurance');
      assert.match(page.body, /3,330,000원/);
      assert.doesNotMatch(page.body, /평택센터|2,750,000원/);
      const theirs = await c.get(`/my/insurance/records/${ids.acquired}/dispute`);
      assert.equal(theirs.statusCode, 404);
      const post = await c.post(`/my/insurance/records/${ids.acquired}/dispute`, {
        reason: '제 기록이 아닙니다만 청구합니다',
      });
      assert.equal(post.statusCode, 404);
    });

    it('files a 확인 청구, which a counsellor decides with a reason the person then sees', async () => {
      const person = await signedIn('minjun');
      await get(person, `/my/insurance/records/${ids.acquired}/dispute`);
      const empty = await person.post(`/my/insurance/records/${ids.acquired}/dispute`, { reason: '' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /5자 이상 적어 주세요/);
      const reason = '실제 퇴사일은 2026년 11월 15일입니다. 주민번호 910315-1000017 참고';
      const filed = await person.post(`/my/insurance/records/${ids.acquired}/dispute`, { reason });
      assert.equal(filed.statusCode, 303, filed.body.slice(0, 300));
      const mine = await get(person, '/my/insurance?disputed=1');
      assert.match(mine.body, /확인 청구 처리 중/);
      await get(person, `/my/insurance/records/${ids.acquired}/dispute`);
      const again = await person.post(`/my/insurance/records/${ids.acquired}/dispute`, {
        reason: '한 번 더 청구합니다',
      });
      assert.equal(again.statusCode, 409);

      const counsellor = await signedIn('counsel.gangnam');
      const queue = await get(counsellor, '/centre/disputes');
      assert.equal(queue.statusCode, 200);
      assert.match(queue.body, /실제 퇴사일은 2026년 11월 15일입니다/);
      assert.match(queue.body, /한빛물류 평택센터/, 'the record beside the 청구');
      const [d] = await t.database.query<{ id: number }>(sql`SELECT id::int AS id FROM record_disputes`);
      const page = await get(counsellor, `/centre/disputes/${d?.id}`);
      assert.match(page.body, /name="decision"/);
      assert.doesNotMatch(page.body, /name="decision"[^>]*checked/, 'nothing pre-selected');
      const none = await counsellor.post(`/centre/disputes/${d?.id}`, { decision: '', decisionReason: '' });
      assert.equal(none.statusCode, 400);
      assert.match(none.body, /인정 또는 기각을 골라 주세요/);
      const rejection = { decision: 'rejected', decisionReason: '사업장 급여대장상 10월 31일 퇴사가 맞습니다.' };
      const asked = await counsellor.post(`/centre/disputes/${d?.id}`, rejection);
      assert.equal(asked.statusCode, 200, 'a decision cannot be undone: it is restated first');
      assert.match(asked.body, /청구를 기각합니다/);
      assert.match(asked.body, /name="confirm" value="yes"/);
      const [still] = await t.database.query<{ status: string }>(
        sql`SELECT status FROM record_disputes WHERE id = ${d?.id}`,
      );
      assert.equal(still?.status, 'open', 'nothing decided before the confirmation');
      const decided = await counsellor.post(`/centre/disputes/${d?.id}`, { ...rejection, confirm: 'yes' });
      assert.equal(decided.statusCode, 303);
      assert.equal((await get(counsellor, `/centre/disputes/${d?.id}`)).statusCode, 200);
      const busan = await signedIn('counsel.busan');
      assert.equal((await busan.get(`/centre/disputes/${d?.id}`)).statusCode, 404, 'another centre’s 청구');
      assert.equal((await person.get('/centre/disputes')).statusCode, 403);

      const seen = await get(person, '/my/insurance');
      assert.match(seen.body, /확인 청구 기각/);
      assert.match(seen.body, /사업장 급여대장상 10월 31일 퇴사가 맞습니다/);
      const audit = await t.database.query<{ action: string; outcome: string }>(
        sql`SELECT action, outcome FROM audit_log WHERE action LIKE 'insurance.%' ORDER BY id`,
      );
      const actions = audit.map((a) => `${a.action}:${a.outcome}`);
      for (const a of [
        'insurance.verify:success',
        'insurance.verify:failure',
        'insurance.dispute.file:success',
        'insurance.dispute.list:success',
        'insurance.dispute.view:success',
        'insurance.dispute.decide:success',
        'insurance.dispute.view:denied',
      ])
        assert.ok(actions.includes(a), `${a} in ${actions.join(', ')}`);
    });

    it('an upheld 청구 corrects the record by office: a 정정 event for the 신고 that changes, once', async () => {
      const person = await signedIn('minjun');
      await get(person, `/my/insurance/records/${ids.acquired}/dispute`);
      const filed = await person.post(`/my/insurance/records/${ids.acquired}/dispute`, {
        reason: '급여명세서로 보면 마지막 근무일은 2026년 11월 15일입니다.',
      });
      assert.equal(filed.statusCode, 303, filed.body.slice(0, 300));
      const [d] = await t.database.query<{ id: number }>(
        sql`SELECT id::int AS id FROM record_disputes WHERE status = 'open'`,
      );
      const counsellor = await signedIn('counsel.gangnam');
      const page = await get(counsellor, `/centre/disputes/${d?.id}`);
      assert.match(page.body, /인정할 때: 기록 정정 \(직권\)/);
      assert.match(page.body, /id="fixLostOn"[^>]*value="2026-10-31"/, 'filled with what is reported');
      const upheld = {
        decision: 'upheld',
        decisionReason: '급여대장과 출근부로 11월 15일까지 근무한 것을 확인했습니다.',
        fixAcquiredOn: '2023-03-06',
        fixLostOn: '2023-03-01',
        fixLoss: '',
        fixMonthlyWage: '2,750,000',
      };
      const restated = await counsellor.post(`/centre/disputes/${d?.id}`, { ...upheld, fixLostOn: '2026-11-16' });
      assert.match(restated.body, /기록의 상실일[\s\S]*2026-11-16/, 'the record as it will stand, restated');
      const refused = await counsellor.post(`/centre/disputes/${d?.id}`, { ...upheld, confirm: 'yes' });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /상실일은 취득일\(2023-03-06\) 다음 날 이후여야 합니다/);
      assert.match(refused.body, /id="fixLostOn"[^>]*value="2023-03-01"/, 'what was typed is kept');
      const before = await t.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM insurance_events`);
      const key = '5b0c3f1e-6a0d-4c59-9d0e-2f6b0f3f9a11';
      const confirmed = { ...upheld, fixLostOn: '2026-11-16', confirm: 'yes' };
      const decided = await counsellor.post(`/centre/disputes/${d?.id}`, confirmed, { key });
      assert.equal(decided.statusCode, 303, decided.body.slice(0, 300));
      const again = await counsellor.post(`/centre/disputes/${d?.id}`, confirmed, { key });
      assert.equal(again.statusCode, 303, 'the same key: the same answer');
      const corrections = await t.database.query<{ lostOn: string; correctsKind: string; by: number }>(
        sql`SELECT e.lost_on::text AS "lostOn", o.kind AS "correctsKind", e.reported_by::int AS by
              FROM insurance_events e JOIN insurance_events o ON o.id = e.corrects_id
             WHERE e.dedupe_key LIKE 'dispute:%'`,
      );
      assert.deepEqual(
        corrections.map((c) => [c.correctsKind, c.lostOn]),
        [['lose', '2026-11-16']],
        'the 상실 신고 only (the 취득일 and 월평균보수 typed as reported)',
      );
      const [staff] = await t.database.query<{ id: number }>(
        sql`SELECT id::int AS id FROM accounts WHERE login_id = 'counsel.gangnam'`,
      );
      assert.equal(corrections[0]?.by, staff?.id, 'filed by the counsellor');
      const after = await t.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM insurance_events`);
      assert.equal((after[0]?.n ?? 0) - (before[0]?.n ?? 0), 1);
      const mine = await get(person, '/my/insurance');
      assert.match(mine.body, /확인 청구 인정/);
      assert.match(mine.body, /고용센터가 피보험자격 확인 청구를 인정해 고친 기록입니다/);
      assert.match(mine.body, /2026\.11\.16\.|2026-11-16/, 'the record as corrected');
      const audit = await t.database.query<{ action: string }>(
        sql`SELECT action FROM audit_log WHERE action = 'insurance.correct.office'`,
      );
      assert.equal(audit.length, 1);
    });

    it('never shows or stores a 주민등록번호: not in pages, the audit log or any table', async () => {
      const numbers = demoResidents().flatMap((p) => [p.rrn, `${p.rrn.slice(0, 6)}-${p.rrn.slice(6)}`]);
      for (const body of pages) for (const n of numbers) assert.ok(!body.includes(n), `a page holds ${n}`);
      const tables = await t.database.query<{ name: string }>(
        sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`,
      );
      for (const { name } of tables) {
        const rows = await t.database.query<{ row: string }>(sql`SELECT t::text AS row FROM ${sql.identifier(name)} t`);
        for (const r of rows)
          for (const n of numbers)
            assert.ok(!r.row.includes(n), `${name} holds a 주민등록번호: ${r.row.slice(0, 120)}`);
      }
    });

    it('answers a Korean page, not a 500, when the provider is down', async () => {
      const c = await signedIn('hyunwoo');
      await verify.idp.close();
      const down = await c.get('/my/insurance/verify');
      assert.equal(down.statusCode, 503);
      assert.match(down.body, /본인확인 기관에 지금 연결할 수 없습니다/);
      await verify.restart();
      // Down between the person's login there and Ilteo's exchange of the code.
      const start = await c.get('/my/insurance/verify');
      const back = await loginAtProvider(start.headers.location as string, 'hyunwoo', DEMO_PASSWORD);
      await verify.idp.close();
      const late = await c.get(`${back.pathname}${back.search}`);
      assert.equal(late.statusCode, 503);
      assert.match(late.body, /본인확인 기관에 지금 연결할 수 없습니다/);
      await verify.restart();
    });
  });
}
