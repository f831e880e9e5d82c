/**
 * Write-path cases for 내 고용보험 (src/insurance/person-routes.ts): the person's 피보험자격 확인 청구 and
 * the counsellor's decision on it. The person's 본인확인 and the record are put straight into the tables
 * (the harness's app has no 본인확인 provider; the verification itself is tested in insurance-person.test.ts).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maskRrn, personHash } from '../../../src/insurance/person.ts';
import { personSecret } from '../../../src/insurance/secret.ts';
import { form, type Kit, type WriteCase } from '../../support/write-path.ts';

/** A new 주민등록번호-shaped number no other run uses (born 1990, the rest random). */
const rrn = () =>
  `900101${1 + ((randomBytes(1)[0] as number) % 2)}${String(randomBytes(3).readUIntBE(0, 3) % 1_000_000).padStart(6, '0')}`;

/** A verified seeker with one 취득 신고 at a new workplace; returns the client and the report id. */
async function verifiedWithRecord(kit: Kit) {
  const person = await kit.signedIn('seeker');
  const number = rrn();
  const hash = personHash(await personSecret(kit.database), number);
  await kit.database.query(
    sql`INSERT INTO person_verifications (account_id, person_hash, provider) VALUES (${person.id}, ${hash}, 'verify')`,
  );
  const [company] = await kit.database.query<{ id: number }>(
    sql`INSERT INTO companies (busino, name, ind_tp_nm) VALUES (${kit.busino()}, ${kit.unique('(주)')}, '물류') RETURNING id::int AS id`,
  );
  const managementNo = String(10_000_000_000 + (randomBytes(4).readUInt32BE(0) % 89_999_999_999)).slice(0, 11);
  const [workplace] = await kit.database.query<{ id: number }>(
    sql`INSERT INTO workplaces (management_no, company_id, name) VALUES (${managementNo}, ${company?.id}, '평택센터') RETURNING id::int AS id`,
  );
  const [event] = await kit.database.query<{ id: number }>(
    sql`INSERT INTO insurance_events (dedupe_key, workplace_id, kind, person_hash, person_masked, person_name, acquired_on, monthly_wage, reported_by)
        VALUES (${kit.unique('ev')}, ${workplace?.id}, 'acquire', ${hash}, ${maskRrn(number)}, '김일터', '2025-03-02', 2500000, ${person.id})
        RETURNING id::int AS id`,
  );
  return { ...person, eventId: event?.id as number };
}

export const INSURANCE_PERSON_CASES: Record<string, WriteCase> = {
  'POST /my/insurance/records/:id/dispute': {
    async prepare(kit) {
      const { client, eventId } = await verifiedWithRecord(kit);
      await client.get(`/my/insurance/records/${eventId}/dispute`);
      return {
        client,
        url: `/my/insurance/records/${eventId}/dispute`,
        form: form({ reason: '실제 입사일은 2025년 2월 17일입니다.' }),
      };
    },
  },
  'POST /centre/disputes/:id': {
    async prepare(kit) {
      const { id, eventId } = await verifiedWithRecord(kit);
      const [dispute] = await kit.database.query<{ id: number }>(
        sql`INSERT INTO record_disputes (dedupe_key, account_id, event_id, reason)
            VALUES (${kit.unique('d')}, ${id}, ${eventId}, '입사일이 다릅니다.') RETURNING id::int AS id`,
      );
      const { client } = await kit.signedIn('counsellor');
      await client.get(`/centre/disputes/${dispute?.id}`);
      return {
        client,
        url: `/centre/disputes/${dispute?.id}`,
        form: form({
          decision: 'upheld',
          decisionReason: '근로계약서로 2월 17일 입사를 확인했습니다.',
          confirm: 'yes',
        }),
      };
    },
  },
};
