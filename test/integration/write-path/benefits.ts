/**
 * Write-path cases: 구직급여 — the claimant's 수급자격 신청, 실업인정 신청 and 실업인정일 변경
 * (src/benefits/routes.ts), the counsellor's decisions (src/centre/claims.ts), the counter's API
 * (src/intake/counter-routes.ts) and the public 허위 구인광고 신고 (src/jobs/api.ts).
 * The harness clock is 2026-12-02 (Wed) 10:00 in Seoul: a 1차 실업인정일 of that day is open for filing
 * (the week up to it), one a week later can still be moved in advance.
 * What cannot be undone (불인정, 실업인정일 변경) is sent as its confirmed post (`confirm=yes`, the second
 * form of the confirmation page): the first post writes nothing (test/integration/counsellor-actions.test.ts).
 */
import { randomUUID } from 'node:crypto';
import { approvedClaim, CLAIM_FORM, filedClaim, recordsForm, seedClaimRecords } from '../../support/claims.ts';
import { form, type Kit, type WriteCase } from '../../support/write-path.ts';

const TODAY = '2026-12-02';
/** The harness clock, as an instant (10:00 in Seoul). */
const NOW = Date.parse('2026-12-02T01:00:00Z');

/** A claimant and a counsellor of 서울강남, both signed in. */
const people = async (kit: Kit) => ({
  claimant: await kit.signedIn('seeker'),
  counsellor: await kit.signedIn('counsellor', { centreCode: 'seoul-gangnam' }),
});

/** A 수급자격 신청 filed 14 days ago at 서울강남, not decided yet. */
const submittedClaim = (kit: Kit, claimantId: number) =>
  filedClaim(kit.services.benefits, { claimantId, today: TODAY });

/** A claim approved with its 1차 실업인정일 today, and that 1차 filed (no activity needed). */
async function filedRecognition(kit: Kit) {
  const { claimant, counsellor } = await people(kit);
  const claimId = await approvedClaim(kit.services.benefits, {
    claimantId: claimant.id,
    counsellorId: counsellor.id,
    today: TODAY,
    firstDate: TODAY,
  });
  await kit.services.benefits.fileRecognition({ id: claimant.id, kind: 'seeker' }, claimId, 1, {
    idempotencyKey: randomUUID(),
    workedOrEarned: false,
    activities: [],
  });
  return { claimId, claimant, counsellor };
}

export const BENEFITS_CASES: Record<string, WriteCase> = {
  'POST /benefits/apply': {
    async prepare(kit) {
      // Filed from the records: the seeker verified, with 취득·상실 신고 and an 이직확인서.
      const { client, id } = await kit.signedIn('seeker');
      await seedClaimRecords(kit.database, id);
      const page = (await client.get('/benefits/apply')).body;
      return { client, url: '/benefits/apply', form: form(recordsForm(page)) };
    },
  },
  'POST /benefits/apply/wait': {
    async prepare(kit) {
      // No 이직확인서 yet: the claim waits and the last employer is asked for it.
      const { client, id } = await kit.signedIn('seeker');
      await seedClaimRecords(kit.database, id, { certificate: false });
      return { client, url: '/benefits/apply/wait', form: {} };
    },
  },
  'POST /benefits/claims/:id/recognitions/:seq/change': {
    async prepare(kit) {
      const { claimant, counsellor } = await people(kit);
      // 1차 on 2026-12-09: moved a day on, in advance, for 개인 사정 (once per claim).
      const claimId = await approvedClaim(kit.services.benefits, {
        claimantId: claimant.id,
        counsellorId: counsellor.id,
        today: TODAY,
        firstDate: '2026-12-09',
      });
      return {
        client: claimant.client,
        url: `/benefits/claims/${claimId}/recognitions/1/change`,
        form: form({ newDate: '2026-12-10', kind: 'personal', evidence: '', confirm: 'yes' }),
      };
    },
  },
  'POST /benefits/claims/:id/recognitions/:seq': {
    async prepare(kit) {
      const { claimant, counsellor } = await people(kit);
      // 1차 실업인정일 today: its window (2026-11-26 … today) is open, and 1차 needs no activity.
      const claimId = await approvedClaim(kit.services.benefits, {
        claimantId: claimant.id,
        counsellorId: counsellor.id,
        today: TODAY,
        firstDate: TODAY,
      });
      return {
        client: claimant.client,
        url: `/benefits/claims/${claimId}/recognitions/1`,
        form: form({ action: 'submit', workedOrEarned: 'no' }),
      };
    },
  },
  'POST /centre/claims/:id/approve': {
    async prepare(kit) {
      const { claimant, counsellor } = await people(kit);
      const claimId = await submittedClaim(kit, claimant.id);
      return {
        client: counsellor.client,
        url: `/centre/claims/${claimId}/approve`,
        form: form({ firstDate: '2026-12-09', cycleDays: '28', note: '물류 관리직 희망' }),
      };
    },
  },
  'POST /centre/claims/:id/reject': {
    async prepare(kit) {
      const { claimant, counsellor } = await people(kit);
      const claimId = await submittedClaim(kit, claimant.id);
      return {
        client: counsellor.client,
        url: `/centre/claims/${claimId}/reject`,
        form: form({ code: 'R02', note: '자발적 이직으로 확인되었습니다.', confirm: 'yes' }),
      };
    },
  },
  'POST /centre/claims/:id/note': {
    async prepare(kit) {
      const { claimant, counsellor } = await people(kit);
      const claimId = await submittedClaim(kit, claimant.id);
      return {
        client: counsellor.client,
        url: `/centre/claims/${claimId}/note`,
        form: form({ note: '물류 관리직 희망, 지게차 자격 취득 계획' }),
      };
    },
  },
  'POST /centre/claims/:id/recognitions/:seq/confirm': {
    // The recognition confirmed with its payment line on the ledger (8 days after 대기기간); answered
    // with the review page and its notice (200), the repeat with the stored notice.
    status: 200,
    async prepare(kit) {
      const { claimId, counsellor } = await filedRecognition(kit);
      return { client: counsellor.client, url: `/centre/claims/${claimId}/recognitions/1/confirm`, form: {} };
    },
  },
  'POST /centre/claims/:id/recognitions/:seq/reject': {
    // Confirmed 불인정: the recognition rejected with its reason, a ledger row; the review page (200).
    status: 200,
    async prepare(kit) {
      const { claimId, counsellor } = await filedRecognition(kit);
      return {
        client: counsellor.client,
        url: `/centre/claims/${claimId}/recognitions/1/reject`,
        form: form({ code: 'N03', note: '출석 확인서가 없습니다.', confirm: 'yes' }),
      };
    },
  },
  'POST /centre/claims/:id/recognitions/:seq/move': {
    // Confirmed 사후 인정 move of a 1차 실업인정일 a week away, for 질병 with evidence; the review page (200).
    status: 200,
    async prepare(kit) {
      const { claimant, counsellor } = await people(kit);
      const claimId = await approvedClaim(kit.services.benefits, {
        claimantId: claimant.id,
        counsellorId: counsellor.id,
        today: TODAY,
        firstDate: '2026-12-09',
      });
      return {
        client: counsellor.client,
        url: `/centre/claims/${claimId}/recognitions/1/move`,
        form: form({ newDate: '2026-12-10', kind: 'illness', evidence: '한빛의원 진단서', confirm: 'yes' }),
      };
    },
  },
  'POST /api/v1/counter/queue': {
    status: 200,
    async prepare(kit) {
      const { client } = await kit.signedIn('counsellor', { centreCode: 'seoul-gangnam' });
      return {
        client,
        url: '/api/v1/counter/queue',
        json: { waiting: 3, review: 1, oldestTakenAt: new Date(NOW - 40 * 60_000).toISOString() },
      };
    },
  },
  'POST /api/v1/counter/outages': {
    status: 200,
    async prepare(kit) {
      const { client } = await kit.signedIn('counsellor', { centreCode: 'seoul-gangnam' });
      // A 90-minute offline window that ended half an hour ago: recorded (not a blip).
      return {
        client,
        url: '/api/v1/counter/outages',
        json: {
          key: randomUUID(),
          counterId: `counter-${randomUUID()}`,
          from: new Date(NOW - 120 * 60_000).toISOString(),
          to: new Date(NOW - 30 * 60_000).toISOString(),
        },
      };
    },
  },
  'POST /api/v1/counter/submissions': {
    status: 200,
    async prepare(kit) {
      const counsellor = await kit.signedIn('counsellor', { centreCode: 'seoul-gangnam' });
      const citizen = await kit.signedIn('seeker');
      // A 수급자격 신청 taken at the counter ten minutes ago: a claim, its ledger row, the counter's record.
      const { centreCode: _centre, ...payload } = CLAIM_FORM;
      return {
        client: counsellor.client,
        url: '/api/v1/counter/submissions',
        json: {
          key: randomUUID(),
          kind: 'claim',
          takenAt: new Date(NOW - 10 * 60_000).toISOString(),
          counsellorId: counsellor.id,
          citizen: citizen.loginId,
          payload,
        },
      };
    },
  },
  'POST /api/v1/postings/:id/reports': {
    status: 201,
    async prepare(kit) {
      const posting = await kit.posting();
      return {
        client: kit.anonymous(),
        url: `/api/v1/postings/${posting.wantedAuthNo}/reports`,
        json: { reason: 'false_wage', detail: '공고의 월급과 면접에서 들은 월급이 다릅니다.' },
      };
    },
  },
};
