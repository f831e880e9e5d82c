/** Which workplace an employer may see (its company's) and file for (those it reports for). */
import type { Database } from '../db/index.ts';
import { UserError } from '../web/errors.ts';
import { type Workplace, workplaceByNo } from './store.ts';

/** The signed-in employer as these pages need them. */
export interface Employer {
  id: number;
  companyId: number | null;
}

export interface InsuranceDeps {
  database: Database;
  now: () => Date;
}

export const NOT_FOUND = () => new UserError(404, 'NOT_FOUND', '요청하신 사업장을 찾을 수 없습니다.');

/** The workplace with this 사업장관리번호 if it is the employer's company's, else 404. */
export async function ownWorkplace(database: Database, me: Employer, rawNo: string): Promise<Workplace> {
  const no = rawNo.replace(/-/g, '');
  if (!/^\d{11}$/.test(no) || me.companyId === null) throw NOT_FOUND();
  const w = await workplaceByNo(database, no, me.id);
  if (!w || w.companyId !== me.companyId) throw NOT_FOUND();
  return w;
}

/** As ownWorkplace, and the account must report for it (403 otherwise, with what to do). */
export async function reportingWorkplace(database: Database, me: Employer, rawNo: string): Promise<Workplace> {
  const w = await ownWorkplace(database, me, rawNo);
  if (!w.reporter)
    throw new UserError(
      403,
      'NOT_A_REPORTER',
      '이 사업장의 신고 담당자가 아닙니다. 고용보험 신고 첫 화면에서 같은 사업장관리번호로 사업장을 등록하면 담당자로 추가됩니다.',
    );
  return w;
}
