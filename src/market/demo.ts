/** Demo 이력서 and 입사지원: 김민준 and 최지우 have resumes and applied to the demo employer's newest open posting. */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { createMarketStore } from './store.ts';

export async function seedDemoApplications(database: Database, log: (msg: string) => void): Promise<void> {
  const [existing] = await database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM resumes`);
  if ((existing?.n ?? 0) > 0) return;
  const [posting] = await database.query<{ id: number; title: string }>(
    sql`SELECT p.id::int AS id, p.title FROM postings p JOIN accounts a ON a.company_id = p.company_id AND a.login_id = 'employer'
        WHERE p.status = 'open' ORDER BY p.reg_dt DESC, p.id DESC LIMIT 1`,
  );
  const people = await database.query<{ id: number; loginId: string }>(
    sql`SELECT id::int AS id, login_id AS "loginId" FROM accounts WHERE login_id IN ('minjun', 'jiwoo')`,
  );
  const market = createMarketStore(database);
  const resumes = {
    minjun: {
      title: '물류 관리 경력 5년 · 지게차 운전',
      education: '05',
      school: '한국대학교 경영학과',
      careers: [{ company: '(주)한빛물류', role: '입출고·재고 관리', from: '2021-03', to: '2026-10' }],
      certificates: '지게차운전기능사, 물류관리사',
      skills: 'WMS, 엑셀, 지게차',
      introduction:
        '5년 동안 하루 2,000건 출고를 오차 없이 관리했습니다.\n새 물류센터에서도 정확하고 빠른 출고를 책임지겠습니다.',
      isPublic: true,
    },
    jiwoo: {
      title: '회계·총무 경력 20년',
      education: '04',
      school: '',
      careers: [{ company: '(주)대한정밀', role: '회계·총무', from: '2006-02', to: '2026-11' }],
      certificates: '전산회계 1급',
      skills: '더존, 엑셀',
      introduction: '꼼꼼한 회계 처리와 총무 업무 경험이 있습니다.',
      isPublic: false,
    },
  } as const;
  for (const person of people) {
    const resume = resumes[person.loginId as keyof typeof resumes];
    const resumeId = await market.saveResume(person.id, null, { ...resume, careers: [...resume.careers] });
    if (posting)
      await market.apply({ postingId: posting.id, applicantId: person.id, resumeId, idempotencyKey: randomUUID() });
  }
  log(`데모 이력서와 입사지원을 만들었습니다${posting ? `: "${posting.title}"에 2명 지원` : ''}`);
}
