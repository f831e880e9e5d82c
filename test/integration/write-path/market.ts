/**
 * Write-path cases for the job market: a seeker's 이력서 and 입사지원 (src/market/routes.ts), 인재정보 요청
 * (src/market/talent.ts), an employer's applicants (src/employer/routes.ts), 채용공고 관리
 * (src/employer/postings.ts) and 기업 정보 (src/employer/company.ts).
 * An employer from kit.signedIn('employer') has its own company; its postings come from
 * kit.posting({ busino }), which finds that company by its 사업자등록번호 (insertPostings upserts
 * companies on busino), so they are the employer's own.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ResumeInput } from '../../../src/market/resume.ts';
import { POSTING_FIELDS, RESUME_FORM } from '../../support/forms.ts';
import { form, type Kit, type WriteCase } from '../../support/write-path.ts';

/** A valid 이력서 as the service takes it. */
const resumeInput = (overrides: Partial<ResumeInput> = {}): ResumeInput => ({
  title: '사무 경력 3년',
  education: '05',
  school: '한국대학교 경영학과',
  careers: [{ company: '(주)한빛물류', role: '사무 보조', from: '2022-01', to: '2024-12' }],
  certificates: '컴퓨터활용능력 2급',
  skills: '엑셀, 문서 작성',
  introduction: '꼼꼼하게 일합니다.',
  isPublic: false,
  ...overrides,
});

/** The 채용공고 form as an employer fills it (채용시까지, so it does not depend on the clock). */
const POSTING_FORM = { ...POSTING_FIELDS, untilFilled: 'yes', closeDt: '' };

/** A signed-in employer and an open posting of its own company. */
async function employerWithPosting(kit: Kit) {
  const employer = await kit.signedIn('employer');
  if (!employer.busino) throw new Error('an employer without a 사업자등록번호');
  const posting = await kit.posting({ busino: employer.busino, company: `(주)${employer.loginId}` });
  return { employer, posting };
}

/** A seeker with a resume who has applied to the posting (status 접수). */
async function applicant(kit: Kit, postingId: number) {
  const seeker = await kit.signedIn('seeker');
  const resumeId = await kit.services.marketStore.saveResume(seeker.id, null, resumeInput());
  const { id } = await kit.services.marketStore.apply({
    postingId,
    applicantId: seeker.id,
    resumeId,
    idempotencyKey: randomUUID(),
  });
  return { seeker, resumeId, applicationId: id };
}

export const MARKET_CASES: Record<string, WriteCase> = {
  'POST /my/resumes': {
    async prepare(kit) {
      const { client } = await kit.signedIn('seeker');
      return { client, url: '/my/resumes', form: form(RESUME_FORM) };
    },
  },
  'POST /my/resumes/:id': {
    async prepare(kit) {
      const seeker = await kit.signedIn('seeker');
      const id = await kit.services.marketStore.saveResume(seeker.id, null, resumeInput());
      return {
        client: seeker.client,
        url: `/my/resumes/${id}`,
        form: form({ ...RESUME_FORM, title: '물류 관리 경력 6년', isPublic: 'yes' }),
      };
    },
  },
  'POST /jobs/:id/apply': {
    async prepare(kit) {
      const seeker = await kit.signedIn('seeker');
      const resumeId = await kit.services.marketStore.saveResume(seeker.id, null, resumeInput());
      const posting = await kit.posting();
      return { client: seeker.client, url: `/jobs/${posting.wantedAuthNo}/apply`, form: form({ resumeId }) };
    },
  },
  'POST /my/applications/:id/withdraw': {
    async prepare(kit) {
      const posting = await kit.posting();
      const { seeker, applicationId } = await applicant(kit, posting.id);
      return { client: seeker.client, url: `/my/applications/${applicationId}/withdraw`, form: {} };
    },
  },
  'POST /employer/applications/:id/status': {
    async prepare(kit) {
      const { employer, posting } = await employerWithPosting(kit);
      const { applicationId } = await applicant(kit, posting.id);
      return {
        client: employer.client,
        url: `/employer/applications/${applicationId}/status`,
        form: { status: 'passed' },
      };
    },
  },
  'POST /employer/talent/:id/request': {
    async prepare(kit) {
      const seeker = await kit.signedIn('seeker');
      const resumeId = await kit.services.marketStore.saveResume(seeker.id, null, resumeInput({ isPublic: true }));
      const employer = await kit.signedIn('employer');
      return {
        client: employer.client,
        url: `/employer/talent/${resumeId}/request`,
        form: { message: '물류센터 관리자 자리입니다. 연락 주세요.' },
      };
    },
  },
  'POST /my/contact-requests/:id': {
    async prepare(kit) {
      const seeker = await kit.signedIn('seeker');
      const resumeId = await kit.services.marketStore.saveResume(seeker.id, null, resumeInput({ isPublic: true }));
      const employer = await kit.signedIn('employer');
      const [row] = await kit.database.query<{ id: number }>(
        sql`INSERT INTO contact_requests (resume_id, company_id, requested_by, message)
            VALUES (${resumeId}, ${employer.companyId}, ${employer.id}, '사무 자리입니다.') RETURNING id::int AS id`,
      );
      if (!row) throw new Error('contact request not inserted');
      return { client: seeker.client, url: `/my/contact-requests/${row.id}`, form: { decision: 'accepted' } };
    },
  },
  'POST /employer/postings/:id/applicants': {
    async prepare(kit) {
      const { employer, posting } = await employerWithPosting(kit);
      const { applicationId } = await applicant(kit, posting.id);
      return {
        client: employer.client,
        url: `/employer/postings/${posting.wantedAuthNo}/applicants`,
        form: form({ ids: applicationId, status: 'interview' }),
      };
    },
  },
  'POST /employer/postings': {
    async prepare(kit) {
      const { client } = await kit.signedIn('employer');
      return { client, url: '/employer/postings', form: POSTING_FORM };
    },
  },
  'POST /employer/postings/:id/edit': {
    async prepare(kit) {
      const { employer, posting } = await employerWithPosting(kit);
      return {
        client: employer.client,
        url: `/employer/postings/${posting.wantedAuthNo}/edit`,
        form: { ...POSTING_FORM, title: '물류센터 입출고 관리 사원 (주간)', collectPsncnt: '3' },
      };
    },
  },
  'POST /employer/postings/:id/status': {
    async prepare(kit) {
      const { employer, posting } = await employerWithPosting(kit);
      return {
        client: employer.client,
        url: `/employer/postings/${posting.wantedAuthNo}/status`,
        form: { status: 'paused' },
      };
    },
  },
  'POST /employer/postings/:id/repost': {
    async prepare(kit) {
      const { employer, posting } = await employerWithPosting(kit);
      return { client: employer.client, url: `/employer/postings/${posting.wantedAuthNo}/repost`, form: {} };
    },
  },
  'POST /employer/company': {
    async prepare(kit) {
      const { client } = await kit.signedIn('employer');
      return {
        client,
        url: '/employer/company',
        form: form({
          description: '수도권 물류센터를 운영합니다.',
          address: '서울특별시 강남구 테헤란로 152',
          employees: '120',
          homepage: 'https://example.kr',
        }),
      };
    },
  },
};
