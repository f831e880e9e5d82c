/**
 * Write-path cases for the employer's 고용보험 신고 (src/insurance/employer-routes.ts, report-routes.ts):
 * 사업장 registration, 취득, 상실, 정정, 취소 and the bulk 취득신고 and 상실신고 files. Each run has its own employer
 * (kit.signedIn('employer') makes a new company) and so its own 사업장. The person-hash secret is made
 * before the run: the first command to need it would otherwise add an app_secrets row in one run only.
 */
import { personSecret } from '../../../src/insurance/secret.ts';
import { form, type Kit, type WriteCase } from '../../support/write-path.ts';

const ACQUIRE = {
  personName: '김민준',
  acquiredOn: '2026-11-02',
  monthlyWage: 2_500_000,
  dailyHours: 8,
  occupationCd: '026',
};

/** A signed-in employer with a registered 사업장 it reports for, optionally with 김민준 insured there. */
async function employerWithWorkplace(kit: Kit, insured = false) {
  await personSecret(kit.database);
  const employer = await kit.signedIn('employer');
  if (!employer.busino) throw new Error('an employer without a 사업자등록번호');
  const managementNo = `${employer.busino}0`;
  const actor = { id: employer.id, kind: 'employer' as const, ip: '127.0.0.1', userAgent: 'write-path' };
  const me = { id: employer.id, companyId: employer.companyId };
  const insurance = kit.services.insuranceEmployer;
  await insurance.registerWorkplace(actor, me, { managementNo, name: '본사', address: '' });
  if (insured) await insurance.fileAcquire(actor, me, managementNo, '9001011234568', ACQUIRE);
  const page = await insurance.workplacePage(me, managementNo);
  return { employer, actor, me, managementNo, base: `/employer/insurance/workplaces/${managementNo}`, page };
}

export const INSURANCE_EMPLOYER_CASES: Record<string, WriteCase> = {
  'POST /employer/insurance/workplaces': {
    async prepare(kit) {
      await personSecret(kit.database);
      const employer = await kit.signedIn('employer');
      return {
        client: employer.client,
        url: '/employer/insurance/workplaces',
        form: { managementNo: `${employer.busino}0`, name: '본사', address: '서울 강남구' },
      };
    },
  },
  'POST /employer/insurance/workplaces/:no/acquire': {
    async prepare(kit) {
      const { employer, base } = await employerWithWorkplace(kit);
      return { client: employer.client, url: `${base}/acquire`, form: form({ ...ACQUIRE, rrn: '920202-2345678' }) };
    },
  },
  'POST /employer/insurance/workplaces/:no/lose': {
    async prepare(kit) {
      const { employer, base, page } = await employerWithWorkplace(kit, true);
      const worker = String(page.insured[0]?.reportId);
      return {
        client: employer.client,
        url: `${base}/lose`,
        form: { worker, lostOn: '2026-12-01', loss: '26|26-1', lossReason: '계약기간 만료', monthlyWage: '2500000' },
      };
    },
  },
  'POST /employer/insurance/workplaces/:no/reports/:id/correct': {
    async prepare(kit) {
      const { employer, base, page } = await employerWithWorkplace(kit, true);
      const id = page.reports[0]?.original.id;
      return {
        client: employer.client,
        url: `${base}/reports/${id}/correct`,
        form: form({ ...ACQUIRE, monthlyWage: 2_700_000 }),
      };
    },
  },
  'POST /employer/insurance/workplaces/:no/reports/:id/cancel': {
    async prepare(kit) {
      const { employer, base, page } = await employerWithWorkplace(kit, true);
      const id = page.reports[0]?.original.id;
      return { client: employer.client, url: `${base}/reports/${id}/cancel`, form: { confirm: 'yes' } };
    },
  },
  'POST /employer/insurance/workplaces/:no/upload': {
    status: 200,
    async prepare(kit) {
      const { employer, base } = await employerWithWorkplace(kit);
      const csv = [
        '성명,주민등록번호,취득일,월평균보수,1일소정근로시간,직종코드',
        '박서연,920202-2345678,2026-11-02,2300000,8,026',
        '최지훈,12345,2026-11-02,3100000,8,133',
      ].join('\n');
      return { client: employer.client, url: `${base}/upload`, form: { csv } };
    },
  },
  'POST /employer/insurance/workplaces/:no/upload-loss': {
    status: 200,
    async prepare(kit) {
      const { employer, base } = await employerWithWorkplace(kit, true);
      const csv = [
        '성명,주민등록번호,상실일,상실사유코드,구체적사유,월평균보수',
        '김민준,900101-1234568,2026-12-01,26-1,계약기간 만료,2500000',
        '박서연,920202-2345678,2026-12-01,26-1,계약기간 만료,2300000',
      ].join('\n');
      return { client: employer.client, url: `${base}/upload-loss`, form: { csv } };
    },
  },
};
