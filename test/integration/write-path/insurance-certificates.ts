/**
 * Write-path cases for the 이직확인서 (src/insurance/certificate-routes.ts, certificate-desk-routes.ts):
 * the employer's filing, the worker's request and the counsellor's request. Each run has its own
 * employer and 사업장 (kit.signedIn('employer') makes a new company) with one worker, 취득 and 상실
 * filed through the service; the worker's 본인확인 is put straight into the table. The person-hash
 * secret is made before the run (the first command to need it would add an app_secrets row in one run).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { certificateStart } from '../../../src/insurance/certificate-forms.ts';
import { personHash } from '../../../src/insurance/person.ts';
import { personSecret } from '../../../src/insurance/secret.ts';
import { form, type Kit, type WriteCase } from '../../support/write-path.ts';

/** A new 주민등록번호-shaped number no other run uses. */
const rrn = () =>
  `880303${1 + ((randomBytes(1)[0] as number) % 2)}${String(randomBytes(3).readUIntBE(0, 3) % 1_000_000).padStart(6, '0')}`;

const BASIS = { lostOn: '2026-12-01', acquiredOn: '2026-11-02' };

/** An employer with a 사업장, one worker acquired 2026-11-02 and lost 2026-12-01, and that worker's number. */
async function separatedWorker(kit: Kit) {
  await personSecret(kit.database);
  const employer = await kit.signedIn('employer');
  if (!employer.busino) throw new Error('an employer without a 사업자등록번호');
  const managementNo = `${employer.busino}0`;
  const actor = { id: employer.id, kind: 'employer' as const, ip: '127.0.0.1', userAgent: 'write-path' };
  const me = { id: employer.id, companyId: employer.companyId };
  const insurance = kit.services.insuranceEmployer;
  await insurance.registerWorkplace(actor, me, { managementNo, name: '본사', address: '' });
  const number = rrn();
  await insurance.fileAcquire(actor, me, managementNo, number, {
    personName: '김민준',
    acquiredOn: BASIS.acquiredOn,
    monthlyWage: 2_500_000,
    dailyHours: 8,
    occupationCd: '026',
  });
  const [insured] = (await insurance.workplacePage(me, managementNo)).insured;
  await insurance.fileLose(actor, me, managementNo, String(insured?.reportId), {
    lostOn: BASIS.lostOn,
    lossCode: '26',
    lossSubCode: '26-1',
    lossReason: '계약기간 만료',
    monthlyWage: 2_500_000,
  });
  const { reports } = await insurance.workplacePage(me, managementNo);
  const lose = reports.find((r) => r.kind === 'lose')?.original.id as number;
  const acquire = reports.find((r) => r.kind === 'acquire')?.original.id as number;
  return { employer, managementNo, number, lose, acquire };
}

/** A seeker (at seoul-gangnam) verified as the worker. */
async function verifiedAs(kit: Kit, number: string) {
  const person = await kit.signedIn('seeker');
  await kit.database.query(
    sql`INSERT INTO person_verifications (account_id, person_hash, provider)
        VALUES (${person.id}, ${personHash(await personSecret(kit.database), number)}, 'verify')`,
  );
  return person;
}

export const INSURANCE_CERTIFICATE_CASES: Record<string, WriteCase> = {
  'POST /employer/insurance/workplaces/:no/reports/:id/certificate': {
    async prepare(kit) {
      const { employer, managementNo, lose } = await separatedWorker(kit);
      const url = `/employer/insurance/workplaces/${managementNo}/reports/${lose}/certificate`;
      await employer.client.get(url);
      const values = certificateStart(BASIS, {
        lossCode: '26',
        lossSubCode: '26-1',
        reason: '계약기간 만료',
        dailyHours: 8,
      });
      return { client: employer.client, url, form: form({ ...values, 'wage-0': '2400000' }) };
    },
  },
  'POST /my/insurance/records/:id/certificate': {
    async prepare(kit) {
      const { number, acquire } = await separatedWorker(kit);
      const person = await verifiedAs(kit, number);
      const url = `/my/insurance/records/${acquire}/certificate`;
      await person.client.get(url);
      return { client: person.client, url, form: {} };
    },
  },
  'POST /centre/certificates/clients/:id/records/:record': {
    async prepare(kit) {
      const { number, acquire } = await separatedWorker(kit);
      const person = await verifiedAs(kit, number);
      const { client } = await kit.signedIn('counsellor');
      await client.get(`/centre/certificates/clients/${person.id}`);
      return { client, url: `/centre/certificates/clients/${person.id}/records/${acquire}`, form: {} };
    },
  },
};
