/**
 * The citizen's 실업급여 pages (issue 20, items 3 and 4): no note meant for maintainers ("원문 대조
 * 필요" and the like) on any of them, while the provision itself is shown; 재취업활동 must be dated in
 * the period being recognised (here 2026.12.02.–12.04., a moved 2차), refused with a Korean message on
 * the row and by the service; a 차수 already filed shows its status, never the form again.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { BenefitsService } from '../../src/benefits/service.ts';
import { DEMO_PASSWORD } from '../../src/identity/demo.ts';
import { UserError } from '../../src/web/errors.ts';
import { CLAIM_FORM, filedClaim } from '../support/claims.ts';
import { DRIVERS, type TestDatabase } from '../support/db.ts';
import { demoApp, WebClient } from '../support/web.ts';

const seoul = (date: string) => new Date(`${date}T01:00:00Z`);

/** Notes for maintainers that must never reach a citizen's page. */
const DEVELOPER_NOTE = /원문 대조|대조 필요|확인 필요|검증 필요|checked: false|TODO|FIXME|XXX/;

const text = (r: LightMyRequestResponse) => r.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

for (const kind of DRIVERS) {
  describe(`the citizen's 실업급여 pages on ${kind}`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let benefits: BenefitsService;
    let clock = seoul('2026-12-01');
    let claimant: WebClient;
    let counsellor: WebClient;
    let claimantId = 0;
    let counsellorId = 0;
    let claimId = 0;
    let serial = 0;
    const client = () => new WebClient(app, { 'x-forwarded-for': `10.22.0.${++serial}` });
    const round2 = () => `/benefits/claims/${claimId}/recognitions/2`;
    const keyOf = (body: string) => /name="idempotencyKey" value="([^"]+)"/.exec(body)?.[1] ?? '';

    before(async () => {
      ({ t, app, benefits } = await demoApp(kind, () => clock));
      const ids = await t.database.query<{ id: number; loginId: string }>(
        sql`SELECT id::int AS id, login_id AS "loginId" FROM accounts WHERE login_id IN ('minjun', 'counsel.gangnam')`,
      );
      claimantId = ids.find((r) => r.loginId === 'minjun')?.id ?? 0;
      counsellorId = ids.find((r) => r.loginId === 'counsel.gangnam')?.id ?? 0;
      const staff = { id: counsellorId, kind: 'counsellor' as const };
      // 실업신고 2026-11-17; 1차 2026-12-01, weekly; 2차 moved from 12-08 to 12-04: it covers 12-02 … 12-04.
      claimId = await filedClaim(benefits, { claimantId, today: '2026-12-01' });
      await benefits.approve(staff, claimId, {
        firstDate: '2026-12-01',
        cycleDays: 7,
        note: '',
        repeatClaimant: false,
      });
      await benefits.fileRecognition({ id: claimantId, kind: 'seeker' }, claimId, 1, {
        idempotencyKey: 'pages-first-recognition-01',
        workedOrEarned: false,
        activities: [],
      });
      await benefits.decideRecognition(staff, claimId, 1, { confirm: true, note: '' });
      await benefits.moveRecognition(staff, claimId, 2, {
        newDate: '2026-12-04',
        kind: 'illness',
        evidence: '한빛의원 진단서',
        reason: '',
      });
      clock = seoul('2026-12-04');
      claimant = client();
      await claimant.signIn('minjun', DEMO_PASSWORD);
      counsellor = client();
      await counsellor.signIn('counsel.gangnam', DEMO_PASSWORD);
    });
    after(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('no citizen page shows a note meant for maintainers; the provision is shown', async () => {
      const estimate = `/benefits/estimate?${new URLSearchParams(CLAIM_FORM).toString()}`;
      const pages = [
        '/benefits',
        estimate,
        '/benefits/apply',
        `/benefits/claims/${claimId}`,
        round2(),
        `/benefits/claims/${claimId}/recognitions/1`,
        `/benefits/claims/${claimId}/recognitions/3/change`,
      ];
      for (const url of pages) {
        const r = await claimant.get(url);
        assert.equal(r.statusCode, 200, url);
        assert.doesNotMatch(r.body, DEVELOPER_NOTE, url);
      }
      const form = await claimant.get(round2());
      assert.match(
        text(form),
        /2~4차 실업인정은 4주에 재취업활동 1회 이상입니다\..*\(실업인정 및 재취업지원 규정 \(고용노동부 고시\)\)/,
      );
      assert.match((await claimant.get(estimate)).body, /고용보험법 제46조/, 'figures keep their provision');
      // The 요건 확인 answer, with an activity outside the period, is free of notes too.
      const checked = await claimant.post(round2(), {
        action: 'check',
        workedOrEarned: 'no',
        kind0: 'application',
        date0: '2027-05-05',
      });
      assert.doesNotMatch(checked.body, DEVELOPER_NOTE);
    });

    it('an activity outside the period is refused on its row, by the 요건 확인 and by 신청, and nothing is stored', async () => {
      const message = '활동일은 인정 기간(2026.12.02.~2026.12.04.) 안이어야 합니다.';
      const activity = {
        workedOrEarned: 'no',
        kind0: 'application',
        date0: '2026-12-03',
        organisation0: '(주)다온로지스',
        kind1: 'interview',
        date1: '2027-05-05',
        organisation1: '(주)새벽물류',
      };
      const checked = await claimant.post(round2(), { ...activity, action: 'check' });
      assert.equal(checked.statusCode, 422);
      assert.match(
        checked.body,
        /id="date1-error"[^>]*>활동 2: 활동일은 인정 기간\(2026\.12\.02\.~2026\.12\.04\.\) 안이어야 합니다\./,
      );
      assert.doesNotMatch(checked.body, /요건을 갖추었습니다/, 'not met while an activity is outside');
      assert.match(checked.body, /value="2027-05-05"/, 'what was typed is kept');

      const form = await claimant.get(round2());
      const filed = await claimant.post(round2(), { ...activity, action: 'submit', idempotencyKey: keyOf(form.body) });
      assert.equal(filed.statusCode, 422);
      assert.ok(filed.body.includes(message));
      assert.doesNotMatch(filed.body, /요건을 갖추었습니다/);
      const [row] = await t.database.query<{ status: string; n: number }>(
        sql`SELECT r.status, (SELECT count(*)::int FROM recognition_activities a WHERE a.recognition_id = r.id) AS n
            FROM claim_recognitions r WHERE r.claim_id = ${claimId} AND r.seq = 2`,
      );
      assert.deepEqual(row, { status: 'scheduled', n: 0 });

      // The service refuses it too (a counter's or a journaled filing does not pass through the form).
      await assert.rejects(
        benefits.fileRecognition({ id: claimantId, kind: 'seeker' }, claimId, 2, {
          idempotencyKey: 'pages-outside-period-0001',
          workedOrEarned: false,
          activities: [{ kind: 'interview', date: '2027-05-05', organisation: '(주)새벽물류', description: '' }],
        }),
        (err: unknown) => err instanceof UserError && err.code === 'ACTIVITY_OUTSIDE_PERIOD' && err.message === message,
      );
    });

    it('a 차수 already filed shows its status, not the form; sending it again says so without 요건을 갖추었습니다', async () => {
      const form = await claimant.get(round2());
      const filed = await claimant.post(round2(), {
        action: 'submit',
        idempotencyKey: keyOf(form.body),
        workedOrEarned: 'no',
        kind0: 'application',
        date0: '2026-12-03',
        organisation0: '(주)다온로지스',
        description0: '물류 사무원 지원',
      });
      assert.equal(filed.statusCode, 303);

      const page = await claimant.get(round2());
      assert.equal(page.statusCode, 200);
      assert.match(text(page), /접수됨: 상담원이 심사 중입니다\./);
      assert.match(text(page), /\(주\)다온로지스/);
      assert.doesNotMatch(page.body, /name="kind0"/, 'no form');

      const again = await claimant.post(round2(), {
        action: 'submit',
        idempotencyKey: 'pages-second-send-of-round-2',
        workedOrEarned: 'no',
        kind0: 'application',
        date0: '2026-12-03',
      });
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /이 차수의 실업인정은 이미 신청했습니다\./);
      assert.doesNotMatch(again.body, /요건을 갖추었습니다/);
      assert.doesNotMatch(again.body, /name="kind0"/);
      const check = await claimant.post(round2(), {
        action: 'check',
        workedOrEarned: 'no',
        kind0: 'application',
        date0: '2026-12-03',
      });
      assert.doesNotMatch(check.body, /요건을 갖추었습니다/);
      assert.match(text(check), /접수됨/);

      const claimPage = await claimant.get(`/benefits/claims/${claimId}`);
      assert.match(claimPage.body, /접수됨 \(심사 중\)/);
      const review = await counsellor.get(`/centre/claims/${claimId}`);
      assert.doesNotMatch(review.body, /2027-05-05/, 'the counsellor never sees an activity outside the period');

      await counsellor.post(`/centre/claims/${claimId}/recognitions/2/confirm`, {});
      const decided = await claimant.get(round2());
      // 12-02 … 12-04: 3 days of 66,048원.
      assert.match(text(decided), /인정되었습니다\. 3일분 198,144원을 지급합니다\./);
      assert.doesNotMatch(decided.body, /name="kind0"/);
    });
  });
}
