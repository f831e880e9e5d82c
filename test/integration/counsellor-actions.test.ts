/**
 * Actions that cannot be undone (issue 20, item 2): 실업인정 불인정, 실업인정일 변경 (counsellor and
 * claimant), 수급자격 불인정 and an operator's 계정 사용 중지. Each form starts with no reason chosen; a
 * post without a reason is a Korean 400 with the form again and what was typed; a post with one shows a
 * confirmation page that restates the effect and writes nothing; only the confirmed post writes, once
 * however often it is sent; and the claimant sees the reason given.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { BenefitsService } from '../../src/benefits/service.ts';
import { createAccount } from '../../src/identity/accounts.ts';
import { DEMO_PASSWORD } from '../../src/identity/demo.ts';
import { filedClaim } from '../support/claims.ts';
import { DRIVERS, type TestDatabase } from '../support/db.ts';
import { demoApp, formKeysFrom, WebClient } from '../support/web.ts';

/** 10:00 in Seoul on the given date. */
const seoul = (date: string) => new Date(`${date}T01:00:00Z`);

/** The POST forms of a page whose action matches, with their markup. */
const formsOf = (body: string, action: RegExp) =>
  [...body.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)]
    .filter((m) => action.test(/\baction="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? ''))
    .map((m) => m[2] ?? '');

/** Options chosen in a form other than the empty "선택하세요", and radio buttons or checkboxes checked. */
const preselected = (form: string) => [
  ...[...form.matchAll(/<option value="([^"]+)"[^>]*\bselected\b/g)].map((m) => `option ${m[1]}`),
  ...[...form.matchAll(/<input\b[^>]*\bchecked\b[^>]*>/g)].map((m) => m[0]),
];

/** The text of a page without tags and with collapsed spaces, for sentences that span markup. */
const text = (r: LightMyRequestResponse) =>
  r.body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

for (const kind of DRIVERS) {
  describe(`actions that cannot be undone ask to confirm, on ${kind}`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let benefits: BenefitsService;
    let clock = seoul('2026-11-19');
    let serial = 0;
    const client = () => new WebClient(app, { 'x-forwarded-for': `10.21.0.${++serial}` });
    let claimant: WebClient;
    let counsellor: WebClient;
    let claimantId = 0;
    let counsellorId = 0;
    let claimId = 0;

    const one = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => {
      const [row] = await t.database.query<T>(query);
      assert.ok(row);
      return row;
    };
    const count = async (table: string, where = sql`true`) =>
      (await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE ${where}`)).n;

    before(async () => {
      ({ t, app, benefits } = await demoApp(kind, () => clock));
      claimantId = await createAccount(t.database, {
        kind: 'seeker',
        loginId: 'hong.gildong',
        name: '홍길동',
        email: 'hong@example.kr',
        password: DEMO_PASSWORD,
        centreCode: 'seoul-gangnam',
      });
      counsellorId = (
        await one<{ id: number }>(sql`SELECT id::int AS id FROM accounts WHERE login_id = 'counsel.gangnam'`)
      ).id;
      // 실업신고 2026-11-05; 1차 2026-11-19, then every 2 weeks: 2차 12-03 covers 11-20 … 12-03.
      claimId = await filedClaim(benefits, { claimantId, today: '2026-11-19' });
      await benefits.approve({ id: counsellorId, kind: 'counsellor' }, claimId, {
        firstDate: '2026-11-19',
        cycleDays: 14,
        note: '',
        repeatClaimant: false,
      });
      const seeker = { id: claimantId, kind: 'seeker' as const };
      await benefits.fileRecognition(seeker, claimId, 1, {
        idempotencyKey: 'first-recognition-hong-0001',
        workedOrEarned: false,
        activities: [],
      });
      await benefits.decideRecognition({ id: counsellorId, kind: 'counsellor' }, claimId, 1, {
        confirm: true,
        note: '',
      });
      clock = seoul('2026-12-03');
      await benefits.fileRecognition(seeker, claimId, 2, {
        idempotencyKey: 'second-recognition-hong-01',
        workedOrEarned: false,
        activities: [
          { kind: 'application', date: '2026-11-25', organisation: '(주)다온로지스', description: '물류 사무원 지원' },
        ],
      });
      claimant = client();
      await claimant.signIn('hong.gildong', DEMO_PASSWORD);
      counsellor = client();
      await counsellor.signIn('counsel.gangnam', DEMO_PASSWORD);
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('the review page pre-selects no reason in any 불인정 or 변경 form', async () => {
      const review = await counsellor.get(`/centre/claims/${claimId}`);
      assert.equal(review.statusCode, 200);
      const forms = formsOf(review.body, /\/recognitions\/\d+\/(reject|move)$/);
      assert.ok(
        forms.some((f) => /name="code"/.test(f)),
        'the 2차 불인정 form is there',
      );
      assert.ok(
        forms.some((f) => /name="kind"/.test(f)),
        'the 3차 변경 form is there',
      );
      for (const f of forms) {
        assert.deepEqual(preselected(f), []);
        assert.match(f, /<option value="" selected>선택하세요<\/option>/);
        assert.doesNotMatch(f, /name="newDate"[^>]*value="\d/, 'no date filled in either');
      }
    });

    it('실업인정 불인정: no reason → 400 with the form; a reason → the effect, nothing written; confirmed → once', async () => {
      const url = `/centre/claims/${claimId}/recognitions/2/reject`;
      const ledger = await count('benefit_ledger', sql`claim_id = ${claimId}`);
      const outcomes = await count('command_outcomes');
      await counsellor.get(`/centre/claims/${claimId}`);
      const missing = await counsellor.post(url, { code: '', note: '활동 증빙 없음' });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.body, /2차 실업인정의 불인정 사유를 골라 주세요\./);
      const [again] = formsOf(missing.body, /\/recognitions\/2\/reject$/);
      assert.ok(again, 'the form is shown again');
      assert.match(again, /aria-invalid="true"/);
      assert.match(again, /value="활동 증빙 없음"/, 'what was typed is kept');
      assert.deepEqual(preselected(again), []);

      const asked = await counsellor.post(url, { code: 'N01', note: '입사 지원 내역이 확인되지 않습니다.' });
      assert.equal(asked.statusCode, 200);
      assert.match(
        text(asked),
        /홍길동 님의 2차 실업인정\(2026\.11\.20\.~12\.03\.\)을 불인정합니다\. 이 기간의 구직급여 14일분\(924,672원\)이 지급되지 않습니다\. 사유: 재취업활동 요건 미충족/,
      );
      const [confirmForm] = formsOf(asked.body, /\/recognitions\/2\/reject$/);
      assert.ok(confirmForm);
      assert.match(confirmForm, /name="confirm" value="yes"/);
      assert.match(confirmForm, /name="code" value="N01"/);
      const r2 = sql`claim_id = ${claimId} AND seq = 2`;
      assert.equal(
        (await one<{ status: string }>(sql`SELECT status FROM claim_recognitions WHERE ${r2}`)).status,
        'filed',
      );
      assert.equal(await count('benefit_ledger', sql`claim_id = ${claimId}`), ledger, 'the question wrote nothing');
      assert.equal(await count('command_outcomes'), outcomes);

      const key = formKeysFrom(asked.body).get(url);
      assert.ok(key);
      const form = { code: 'N01', note: '입사 지원 내역이 확인되지 않습니다.', confirm: 'yes' };
      const done = await counsellor.post(url, form, { key });
      assert.equal(done.statusCode, 200);
      assert.match(done.body, /2차 실업인정을 불인정했습니다/);
      const row = await one<{ status: string; note: string }>(
        sql`SELECT status, decision_note AS note FROM claim_recognitions WHERE ${r2}`,
      );
      assert.deepEqual(row, {
        status: 'rejected',
        note: '재취업활동 요건 미충족 — 입사 지원 내역이 확인되지 않습니다.',
      });
      const repeat = await counsellor.post(url, form, { key });
      assert.equal(repeat.statusCode, 200, repeat.body.slice(0, 3000));
      assert.match(repeat.body, /2차 실업인정을 불인정했습니다/);
      assert.equal(await count('benefit_ledger', sql`claim_id = ${claimId} AND event = 'recognition.rejected'`), 1);
      assert.equal(await count('command_outcomes'), outcomes + 1);
    });

    it('the claimant sees the 불인정 reason on the claim and on the 차수, not the form', async () => {
      const page = await claimant.get(`/benefits/claims/${claimId}`);
      assert.match(text(page), /사유: 재취업활동 요건 미충족 — 입사 지원 내역이 확인되지 않습니다\./);
      const round = await claimant.get(`/benefits/claims/${claimId}/recognitions/2`);
      assert.equal(round.statusCode, 200);
      assert.match(
        text(round),
        /불인정되었습니다\. 사유: 재취업활동 요건 미충족 — 입사 지원 내역이 확인되지 않습니다\./,
      );
      assert.match(text(round), /\(주\)다온로지스/, 'with what was reported');
      assert.doesNotMatch(round.body, /name="kind0"/, 'no 실업인정 form for a decided 차수');
    });

    it('실업인정일 변경 by the counsellor: no reason → 400; the effect names the one-time change; confirmed → once', async () => {
      const url = `/centre/claims/${claimId}/recognitions/3/move`;
      await counsellor.get(`/centre/claims/${claimId}`);
      const missing = await counsellor.post(url, { newDate: '2026-12-18', kind: '', evidence: '' });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.body, /3차 실업인정일을 바꾸는 사유를 골라 주세요\./);
      const [again] = formsOf(missing.body, /\/recognitions\/3\/move$/);
      assert.ok(again);
      assert.match(again, /value="2026-12-18"/, 'the date typed is kept');
      assert.deepEqual(preselected(again), []);

      const asked = await counsellor.post(url, { newDate: '2026-12-18', kind: 'personal', evidence: '' });
      assert.equal(asked.statusCode, 200);
      assert.match(
        text(asked),
        /홍길동 님의 3차 실업인정일을 2026\.12\.17\.\(목\)에서 2026\.12\.18\.\(금\)으로 바꿉니다\. 대상 기간은 2026\.12\.04\.~12\.18\., 4차는 2026\.12\.19\.\(토\)부터가 됩니다\. 수급 기간 중 한 번뿐인 개인 사정 변경을 이것으로 씁니다\. 사유: 개인 사정 \(수급 기간 중 1회\)/,
      );
      const state = () =>
        one<{ used: boolean; date: string }>(
          sql`SELECT c.personal_change_used AS used, r.scheduled_date::text AS date
              FROM benefit_claims c JOIN claim_recognitions r ON r.claim_id = c.id AND r.seq = 3 WHERE c.id = ${claimId}`,
        );
      assert.deepEqual(await state(), { used: false, date: '2026-12-17' }, 'the question spent nothing');

      const key = formKeysFrom(asked.body).get(url);
      const form = { newDate: '2026-12-18', kind: 'personal', evidence: '', confirm: 'yes' };
      const done = await counsellor.post(url, form, { key: key ?? null });
      assert.equal(done.statusCode, 200);
      assert.match(done.body, /3차 실업인정일을 바꿨습니다/);
      assert.deepEqual(await state(), { used: true, date: '2026-12-18' });
      assert.equal((await counsellor.post(url, form, { key: key ?? null })).statusCode, 200);
      assert.equal(await count('benefit_ledger', sql`claim_id = ${claimId} AND event = 'schedule.moved'`), 1);
      const page = await claimant.get(`/benefits/claims/${claimId}`);
      assert.match(text(page), /2026\.12\.18\.\(금\) 옮김: 개인 사정 \(수급 기간 중 1회\)/);
    });

    it('실업인정일 변경 by the claimant: the same confirmation step', async () => {
      const url = `/benefits/claims/${claimId}/recognitions/4/change`;
      const form = await claimant.get(url);
      assert.deepEqual(preselected(formsOf(form.body, /\/change$/)[0] ?? ''), []);
      const missing = await claimant.post(url, { newDate: '2027-01-04', kind: '', evidence: '' });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.body, /사유를 골라 주세요/);
      assert.match(missing.body, /value="2027-01-04"/);
      const asked = await claimant.post(url, {
        newDate: '2027-01-04',
        kind: 'interview',
        evidence: '(주)새벽물류 면접 확인서',
      });
      assert.equal(asked.statusCode, 200);
      assert.match(
        text(asked),
        /4차 실업인정일을 2026\.12\.31\.\(목\)에서 2027\.01\.04\.\(월\)로 바꿉니다\. 대상 기간은 2026\.12\.19\.~2027\.01\.04\.가 됩니다\. 사유: 면접 등 구직 활동/,
      );
      const date = async () =>
        (
          await one<{ date: string }>(
            sql`SELECT scheduled_date::text AS date FROM claim_recognitions WHERE claim_id = ${claimId} AND seq = 4`,
          )
        ).date;
      assert.equal(await date(), '2026-12-31');
      const done = await claimant.post(url, {
        newDate: '2027-01-04',
        kind: 'interview',
        evidence: '(주)새벽물류 면접 확인서',
        confirm: 'yes',
      });
      assert.equal(done.statusCode, 303);
      assert.equal(await date(), '2027-01-04');
    });

    it('수급자격 불인정: no reason → 400 with the form; the effect, nothing written; confirmed → once; the claimant sees why', async () => {
      const other = await createAccount(t.database, {
        kind: 'seeker',
        loginId: 'kim.cheolsu',
        name: '김철수',
        email: 'cheolsu@example.kr',
        password: DEMO_PASSWORD,
        centreCode: 'seoul-gangnam',
      });
      const submitted = await filedClaim(benefits, { claimantId: other, today: '2026-12-03' });
      const url = `/centre/claims/${submitted}/reject`;
      const review = await counsellor.get(`/centre/claims/${submitted}`);
      const [rejectForm] = formsOf(review.body, /\/reject$/);
      assert.ok(rejectForm);
      assert.deepEqual(preselected(rejectForm), []);
      const missing = await counsellor.post(url, { code: '', note: '이직 사유가 다릅니다.' });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.body, /불인정 사유를 골라 주세요\./);
      assert.match(missing.body, /value="이직 사유가 다릅니다\."/);

      const note = '이직확인서의 이직 사유(자진 퇴사)가 신고와 다릅니다.';
      const asked = await counsellor.post(url, { code: 'R04', note });
      assert.equal(asked.statusCode, 200);
      assert.match(
        text(asked),
        /김철수 님의 수급자격 신청\(2026\.11\.19\. 실업신고\)을 불인정합니다\. 구직급여\(1일 66,048원, 소정급여일수 180일\)를 받을 수 없게 되고 실업인정 일정도 만들지 않습니다\. 사유: R04 신고 내용이 사실과 다름/,
      );
      const status = async () =>
        (await one<{ status: string }>(sql`SELECT status FROM benefit_claims WHERE id = ${submitted}`)).status;
      assert.equal(await status(), 'submitted', 'the question wrote nothing');

      const key = formKeysFrom(asked.body).get(url);
      const done = await counsellor.post(url, { code: 'R04', note, confirm: 'yes' }, { key: key ?? null });
      assert.equal(done.statusCode, 303);
      const repeat = await counsellor.post(url, { code: 'R04', note, confirm: 'yes' }, { key: key ?? null });
      assert.equal(repeat.statusCode, 303);
      assert.equal(repeat.headers.location, done.headers.location);
      assert.equal(await status(), 'rejected');
      assert.equal(await count('benefit_ledger', sql`claim_id = ${submitted} AND event = 'claim.rejected'`), 1);

      const person = client();
      await person.signIn('kim.cheolsu', DEMO_PASSWORD);
      const page = await person.get(`/benefits/claims/${submitted}`);
      assert.match(
        text(page),
        /수급자격이 인정되지 않았습니다\. 사유: 신고 내용이 사실과 다름 고용센터의 설명: 이직확인서/,
      );
    });

    it('계정 사용 중지: its own page, no reason → 400; the effect, still signed in; confirmed → signed out everywhere, once', async () => {
      const operator = client();
      await operator.signIn('admin', DEMO_PASSWORD);
      const target = await one<{ id: number }>(sql`SELECT id::int AS id FROM accounts WHERE login_id = 'hong.gildong'`);
      const list = await operator.get('/admin/accounts');
      assert.match(list.body, new RegExp(`href="/admin/accounts/${target.id}/disable"`));
      assert.doesNotMatch(list.body, /name="status" value="disabled"/, 'no one-click 사용 중지 in the list');
      const page = await operator.get(`/admin/accounts/${target.id}/disable`);
      assert.equal(page.statusCode, 200);
      const [form] = formsOf(page.body, /\/status$/);
      assert.ok(form);
      assert.deepEqual(preselected(form), []);

      const url = `/admin/accounts/${target.id}/status`;
      const missing = await operator.post(url, { status: 'disabled', reason: '', note: '본인 전화 요청' });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.body, /사용 중지 사유를 골라 주세요\./);
      assert.match(missing.body, /value="본인 전화 요청"/);

      const asked = await operator.post(url, { status: 'disabled', reason: 'compromised', note: '본인 전화 요청' });
      assert.equal(asked.statusCode, 200);
      assert.match(
        text(asked),
        /홍길동 \(hong\.gildong, 개인회원\) 님의 계정을 사용 중지합니다\. 로그인한 모든 기기에서 바로 로그아웃되고, 다시 사용으로 바꿀 때까지 로그인할 수 없습니다\. 사유: 계정 도용·비밀번호 유출 의심/,
      );
      assert.equal((await claimant.get('/benefits')).statusCode, 200);
      assert.equal((await claimant.get('/my')).statusCode, 200, 'still signed in after the question');

      const key = formKeysFrom(asked.body).get(url);
      const confirmed = { status: 'disabled', reason: 'compromised', note: '본인 전화 요청', confirm: 'yes' };
      const done = await operator.post(url, confirmed, { key: key ?? null });
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, '/admin/accounts?disabled=1');
      const repeat = await operator.post(url, confirmed, { key: key ?? null });
      assert.equal(repeat.headers.location, done.headers.location);
      assert.equal((await claimant.get('/my')).statusCode, 303, 'signed out');
      assert.equal((await client().signIn('hong.gildong', DEMO_PASSWORD)).statusCode, 401);
      const audit = await t.database.query<{ details: { reason: string; note: string } }>(
        sql`SELECT details FROM audit_log WHERE action = 'account.disable' AND target_id = ${String(target.id)}`,
      );
      assert.equal(audit.length, 1, 'disabled once');
      assert.equal(audit[0]?.details.reason, 'compromised');
      assert.equal(audit[0]?.details.note, '본인 전화 요청');
    });
  });
}
