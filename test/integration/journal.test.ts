/**
 * A citizen's 실업인정 신청 while no database answers (issue 7, part 2), on PGlite: taken into the app
 * server's journal with a receipt number (a double submit gets the same one), still there after the
 * process is gone, applied once when a process starts on the database again — as of the time it was
 * received. (On PostgreSQL with every node stopped and the app killed -9: test/chaos/journal.test.ts.)
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { type Database, openDatabase } from '../../src/db/index.ts';
import { migrate } from '../../src/db/migrate.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/identity/demo.ts';
import { Journal } from '../../src/intake/journal.ts';
import { insertPostings } from '../../src/jobs/store.ts';
import { createMarketStore } from '../../src/market/store.ts';
import { applyFromRecords, CLAIM_FORM } from '../support/claims.ts';
import { freshDatabaseConfig } from '../support/db.ts';
import { makePosting } from '../support/postings.ts';
import { WebClient } from '../support/web.ts';

const APPLICATION = CLAIM_FORM;

describe('the submission journal through a full outage (PGlite)', () => {
  let database: Database;
  let app: FastifyInstance;
  let remove: () => Promise<void>;
  let dbConfig: Awaited<ReturnType<typeof freshDatabaseConfig>>['config'];
  let clock = new Date('2026-11-23T01:00:00Z'); // 10:00 in Seoul, 월
  const config = () =>
    loadConfig({
      LOG_LEVEL: 'silent',
      ILTEO_STATUS: 'off',
      ILTEO_ALERTS_SECONDS: '0',
      ILTEO_DATA_DIR: dbConfig.kind === 'pglite' ? dbConfig.dataDir : '',
    });
  let claimant: WebClient;
  /** Files a 수급자격 신청 during the outage. */
  let newcomer: WebClient;
  let claimReceipt = '';
  let claimId = 0;
  let receipt = '';
  let applicationReceipt = '';
  let resumeId = 0;

  before(async () => {
    const fresh = await freshDatabaseConfig('pglite');
    remove = fresh.remove;
    dbConfig = fresh.config;
    database = await openDatabase(dbConfig);
    await migrate(database);
    await seedDemoAccounts(database, () => {});
    app = await buildApp({ config: config(), database, now: () => clock });
    claimant = new WebClient(app);
    await claimant.signIn('minjun', DEMO_PASSWORD);
    // Before the outage the claim is filed from minjun's 고용보험 records (본인확인, 신고, 이직확인서).
    const filed = await applyFromRecords(claimant, database, 'minjun');
    claimId = Number(/\/benefits\/claims\/(\d+)/.exec(String(filed.headers.location))?.[1]);
    const counsellor = new WebClient(app);
    await counsellor.signIn('counsel.gangnam', DEMO_PASSWORD);
    await counsellor.get(`/centre/claims/${claimId}`);
    await counsellor.post(`/centre/claims/${claimId}/approve`, { firstDate: '2026-11-25', cycleDays: '28' });
    await insertPostings(database, [
      makePosting({ wantedAuthNo: 'KJOURNAL01', title: '물류센터 관리자', regDt: '2026-11-20', closeDt: '2026-12-31' }),
    ]);
    const [minjun] = await database.query<{ id: number }>(
      sql`SELECT id::int AS id FROM accounts WHERE login_id = 'minjun'`,
    );
    resumeId = await createMarketStore(database).saveResume(minjun?.id ?? 0, null, {
      title: '물류 관리 경력 5년',
      education: '05',
      school: '한국대학교',
      careers: [],
      certificates: '',
      skills: '',
      introduction: '',
      isPublic: false,
    });
  });
  after(async () => {
    await app?.close().catch(() => {});
    await database?.close().catch(() => {});
    await remove?.();
  });

  it('with no database, pages come from the saved copies (a claim page to its claimant only) and the 실업인정 form still opens', async () => {
    const visitor = new WebClient(app);
    assert.equal((await visitor.get('/jobs/KJOURNAL01')).statusCode, 200);
    assert.equal((await visitor.get('/jobs?lang=en')).statusCode, 200);
    assert.equal(
      (await claimant.get(`/benefits/claims/${claimId}`)).statusCode,
      200,
      'the claimant looks at the claim',
    );
    const neighbour = new WebClient(app);
    await neighbour.signIn('jiwoo', DEMO_PASSWORD);
    await neighbour.get('/my'); // the sign-in's redirect, as a browser follows it
    newcomer = new WebClient(app);
    await newcomer.signIn('hyunwoo', DEMO_PASSWORD);
    await newcomer.get('/my');
    await database.close();
    for (let i = 0; i < 3; i++) await app.statusRunner.tick();
    const saved = await visitor.get('/jobs/KJOURNAL01');
    assert.equal(saved.statusCode, 200);
    assert.equal(saved.headers['x-ilteo-served-from'], 'cache');
    assert.match(saved.body, /물류센터 관리자/);
    assert.match(saved.body, /저장해 둔 화면을 보여 드립니다/);
    const nonce = /script-src[^;]*'nonce-([^']+)'/.exec(String(saved.headers['content-security-policy']))?.[1];
    assert.ok(nonce);
    assert.match(saved.body, new RegExp(`nonce="${nonce}"`), "the page's script carries this response's nonce");
    assert.match((await visitor.get('/jobs?lang=en')).body, /this page is as it was at/);
    // A signed-in citizen sees the same saved page (nothing personal is ever saved).
    assert.equal((await claimant.get('/jobs/KJOURNAL01')).headers['x-ilteo-served-from'], 'cache');
    // The claimant's own claim page as they last saw it; never to anyone else.
    const own = await claimant.get(`/benefits/claims/${claimId}`);
    assert.equal(own.statusCode, 200);
    assert.equal(own.headers['x-ilteo-served-from'], 'cache');
    assert.match(own.body, /1차/);
    const other = await neighbour.get(`/benefits/claims/${claimId}`);
    assert.equal(other.statusCode, 503, `${other.statusCode} ${other.headers.location}`);
    assert.equal(other.headers['x-ilteo-served-from'], undefined);
    assert.doesNotMatch(other.body, /저장해 둔 화면/);
    const never = await visitor.get('/jobs?q=never-saved');
    assert.equal(never.statusCode, 503);
    assert.match(never.body, /저장된 사본도 없습니다/);
    const form = await claimant.get(`/benefits/claims/${claimId}/recognitions/1`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /데이터베이스 장애로 신청 내역과 요건을 불러올 수 없습니다/);
    assert.doesNotMatch(form.body, /요건 확인/, 'the requirement check needs the claim');
  });

  it('takes the 실업인정 신청 into the journal when no database answers: 202 with a receipt number', async () => {
    const form = await claimant.get(`/benefits/claims/${claimId}/recognitions/1`);
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const submit = { action: 'submit', workedOrEarned: 'no', idempotencyKey: key };
    const r = await claimant.post(`/benefits/claims/${claimId}/recognitions/1`, submit);
    assert.equal(r.statusCode, 202);
    receipt = /data-receipt>(R-\d{8}-[0-9A-F]{16})</.exec(r.body)?.[1] ?? '';
    assert.match(receipt, /^R-20261123-/);
    assert.match(r.body, /다시 신청하지 않아도 됩니다/);
    const again = await claimant.post(`/benefits/claims/${claimId}/recognitions/1`, submit);
    assert.equal(/data-receipt>(R-[^<]+)</.exec(again.body)?.[1], receipt, 'a double submit gets the same receipt');
    // A 입사지원 in the same outage goes into the journal too.
    const applied = await claimant.post('/jobs/KJOURNAL01/apply', {
      resumeId: String(resumeId),
      idempotencyKey: 'apply-during-outage-0001',
    });
    assert.equal(applied.statusCode, 202);
    applicationReceipt = /data-receipt>(R-\d{8}-[0-9A-F]{16})</.exec(applied.body)?.[1] ?? '';
    assert.ok(applicationReceipt);
    const state = await claimant.get(`/receipts/${receipt}`);
    assert.equal(state.statusCode, 200);
    assert.match(state.body, /처리 대기 중/);
    // A 수급자격 신청 too: the form opens with the centres this process knows, and is journaled.
    const applyForm = await newcomer.get('/benefits/apply');
    assert.equal(applyForm.statusCode, 200);
    const claimKey = /name="idempotencyKey" value="([^"]+)"/.exec(applyForm.body)?.[1] ?? '';
    const filedClaim = await newcomer.post('/benefits/apply', { ...APPLICATION, idempotencyKey: claimKey });
    assert.equal(filedClaim.statusCode, 202);
    assert.match(filedClaim.body, /실업신고일은 오늘\(2026-11-23\)로 처리됩니다/);
    claimReceipt = /data-receipt>(R-\d{8}-[0-9A-F]{16})</.exec(filedClaim.body)?.[1] ?? '';
    assert.ok(claimReceipt);
    const onDisk = await fs.readFile(`${config().journalDir}/entries.jsonl`, 'utf8');
    assert.equal(onDisk.trim().split('\n').length, 3);
    assert.match(onDisk, new RegExp(receipt));
  });

  it('survives the process; applied once, as of when it was received, when the database is back', async () => {
    await app.close().catch(() => {});
    clock = new Date('2026-11-26T01:00:00Z'); // after the 실업인정일: received in time, applied late
    database = await openDatabase(dbConfig);
    app = await buildApp({ config: config(), database, now: () => clock });
    assert.equal(app.intake.pendingCount(), 3);
    // The job centres the journaled 수급자격 신청 form is checked against are on this server's disk: a
    // process started during an outage has them too.
    const centres = await app.intake.recall<{ code: string }[]>('centres');
    assert.ok(
      centres?.some((c) => c.code === 'seoul-gangnam'),
      'the centres the last process read',
    );
    assert.deepEqual(await app.intake.replay(), { applied: 3, review: 0 });
    assert.deepEqual(await app.intake.replay(), { applied: 0, review: 0 });
    const [row] = await database.query<{ status: string; filedAt: string; n: number }>(
      sql`SELECT status, filed_at::text AS "filedAt", (SELECT count(*)::int FROM claim_recognitions WHERE claim_id = ${claimId} AND status = 'filed') AS n
            FROM claim_recognitions WHERE claim_id = ${claimId} AND seq = 1`,
    );
    assert.equal(row?.status, 'filed');
    assert.equal(row?.n, 1);
    assert.equal(new Date(row?.filedAt ?? '').toISOString(), '2026-11-23T01:00:00.000Z');
    const c = new WebClient(app);
    await c.signIn('minjun', DEMO_PASSWORD);
    const state = await c.get(`/receipts/${receipt}`);
    assert.match(state.body, /처리되었습니다/);
    const [receipts] = await database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM journal_receipts`);
    assert.equal(receipts?.n, 3);
    const [newClaim] = await database.query<{ reportDate: string; n: number }>(
      sql`SELECT c.report_date::text AS "reportDate", count(*) OVER ()::int AS n FROM benefit_claims c
            JOIN accounts a ON a.id = c.claimant_id WHERE a.login_id = 'hyunwoo'`,
    );
    assert.equal(newClaim?.n, 1, 'the 수급자격 신청 was applied once');
    assert.equal(newClaim?.reportDate, '2026-11-23', 'with the 실업신고일 of the day it was received');
    const [applications] = await database.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM applications WHERE resume_id = ${resumeId}`,
    );
    assert.equal(applications?.n, 1, 'the 입사지원 was applied once');
    assert.match((await c.get(`/receipts/${applicationReceipt}`)).body, /처리되었습니다/);
    const operator = new WebClient(app);
    await operator.signIn('admin', DEMO_PASSWORD);
    const metrics = await operator.get('/metrics');
    assert.match(metrics.body, /ilteo_journal_pending 0/);
    const ops = await operator.get('/admin/operations');
    assert.equal(ops.statusCode, 200);
    assert.match(ops.body, /최근 24시간 재처리: 처리됨 3건, 확인 필요 0건/);
    // The pages saved by the process before (on disk) are this one's too.
    assert.match(ops.body, /공개 화면 [1-9]\d*개, 회원 본인 화면 [1-9]\d*개/);
    assert.match(metrics.body, /ilteo_saved_pages\{kind="personal"\} [1-9]/);
    assert.equal((await c.get('/admin/operations')).statusCode, 403, 'operators only');
  });
  it('reports a corrupt journal line (operations view, /metrics) and sets an entry that fails unexpectedly aside for review, applying the next', async () => {
    await app.close().catch(() => {});
    await insertPostings(database, [
      makePosting({ wantedAuthNo: 'KJOURNAL02', title: '물류 사무원', regDt: '2026-11-20', closeDt: '2026-12-31' }),
    ]);
    const [minjun] = await database.query<{ id: number }>(
      sql`SELECT id::int AS id FROM accounts WHERE login_id = 'minjun'`,
    );
    const accountId = minjun?.id ?? 0;
    // Written as this server's journal would have them: one the database refuses with an error no rule
    // expects (a claim id that is not a number), a corrupt line, then one that applies.
    const dir = config().journalDir;
    const file = `${dir}/entries.jsonl`;
    const journal = new Journal(dir);
    await journal.open();
    const broken = journal.newReceipt(clock);
    await journal.append({
      receipt: broken,
      kind: 'recognition',
      key: 'journal-broken-entry-0001',
      accountId,
      at: new Date(clock.getTime() - 60_000).toISOString(),
      payload: { claimId: 'not-a-number', seq: 2, workedOrEarned: false, activities: [] },
    });
    await journal.close();
    const corruptLineNo = (await fs.readFile(file, 'utf8')).split('\n').length;
    await fs.appendFile(file, '0badc0de {"receipt":"R-20261126-0000000000000000","kind":"recognition"}\n');
    const next = new Journal(dir);
    await next.open();
    const good = next.newReceipt(clock);
    await next.append({
      receipt: good,
      kind: 'application',
      key: 'journal-after-broken-0001',
      accountId,
      at: clock.toISOString(),
      payload: { wantedAuthNo: 'KJOURNAL02', resumeId },
    });
    await next.close();

    app = await buildApp({ config: config(), database, now: () => clock });
    assert.equal(app.intake.pendingCount(), 2);
    assert.deepEqual(await app.intake.replay(), { applied: 1, review: 1 }, 'replay went on after the failing entry');
    assert.equal(app.intake.pendingCount(), 0);
    const [row] = await database.query<{ status: string; message: string }>(
      sql`SELECT status, message FROM journal_receipts WHERE receipt = ${broken}`,
    );
    assert.equal(row?.status, 'review');
    assert.match(row?.message ?? '', /^자동 처리 중 예상하지 못한 오류가 있어 담당자 확인이 필요합니다/);
    assert.doesNotMatch(row?.message ?? '', /\n|\s+at /, 'no stack');
    const c = new WebClient(app);
    await c.signIn('minjun', DEMO_PASSWORD);
    const state = await c.get(`/receipts/${broken}`);
    assert.equal(state.statusCode, 200);
    assert.match(state.body, /확인이 필요합니다/);
    assert.match((await c.get(`/receipts/${good}`)).body, /처리되었습니다/);
    const operator = new WebClient(app);
    await operator.signIn('admin', DEMO_PASSWORD);
    const ops = await operator.get('/admin/operations');
    assert.equal(ops.statusCode, 200);
    assert.match(ops.body, /이 서버 저널에서 읽지 못한 손상된 줄: 1줄/);
    assert.match(ops.body, new RegExp(`entries\\.jsonl</th>\\s*<td[^>]*>${corruptLineNo}</td>`));
    assert.match(ops.body, new RegExp(`${broken}</th>`), 'the entry set aside is listed for operators');
    const metrics = (await operator.get('/metrics')).body;
    assert.match(metrics, /ilteo_journal_corrupt_lines\{file="entries"\} 1/);
    assert.match(metrics, /ilteo_journal_refusing 0/);
  });
});
