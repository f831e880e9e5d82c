/** The records beside a claim: the newest 이직확인서 of a person hash (the events are person-store.ts's). */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import type { CertificateLine } from './claim-records.ts';

/** The person's newest 이직확인서 (a later filing for the same 이직 replaces an earlier one as a new row). */
export async function newestCertificate(database: Database, personHash: string): Promise<CertificateLine | null> {
  const [row] = await database.query<CertificateLine & Record<string, unknown>>(
    sql`SELECT c.id::int AS id, w.name AS "workplaceName", w.management_no AS "managementNo",
               c.separated_on::text AS "separatedOn", c.loss_code AS "lossCode", c.loss_sub_code AS "lossSubCode",
               c.reason, c.filed_at::text AS "filedAt"
        FROM separation_certificates c JOIN workplaces w ON w.id = c.workplace_id
        WHERE c.person_hash = ${personHash}
        ORDER BY c.filed_at DESC, c.id DESC LIMIT 1`,
  );
  return row ?? null;
}
