/**
 * 고용보험 신고, the employer's side: the company's 사업장 (workplaces), who reports for them, and the
 * reads of one workplace's 신고 (reports, who is insured now). An account sees the workplaces of its own
 * company; another company's workplace answers 404, like one that does not exist. It files 신고 for
 * every workplace it is a reporter of (src/insurance/report-service.ts). The writes are called inside a
 * command (src/web/commands.ts): a change and its audit row share the command's transaction.
 */
import { type Actor, auditBy } from '../identity/audit.ts';
import { seoulToday } from '../shared/dates.ts';
import { UserError } from '../web/errors.ts';
import { type InsuredWorker, insuredNow, type Report, reportsOf } from './report-ledger.ts';
import { reportWrites } from './report-service.ts';
import {
  addReporter,
  companyWorkplaces,
  insertWorkplace,
  type Workplace,
  workplaceByNo,
  workplaceEvents,
} from './store.ts';
import { type Employer, type InsuranceDeps, NOT_FOUND, ownWorkplace, reportingWorkplace } from './workplace-access.ts';
import type { WorkplaceInput } from './workplace-forms.ts';

export type { Actor, Employer, InsuredWorker, Report, Workplace };

function workplaceReads(deps: InsuranceDeps) {
  const { database } = deps;
  return {
    today: () => seoulToday(deps.now()),

    /** The company's workplaces, each marked whether this account reports for it. */
    workplaces(me: Employer): Promise<Workplace[]> {
      return me.companyId === null ? Promise.resolve([]) : companyWorkplaces(database, me.companyId, me.id);
    },

    /** Who holds a 사업장관리번호 already: 'own' (this company), 'other', or null. */
    async holderOf(me: Employer, managementNo: string): Promise<'own' | 'other' | null> {
      const w = await workplaceByNo(database, managementNo, me.id);
      if (!w) return null;
      return w.companyId === me.companyId ? 'own' : 'other';
    },

    /** One workplace of the company with its 신고, newest first, and who is insured now. */
    async workplacePage(me: Employer, rawNo: string) {
      const workplace = await ownWorkplace(database, me, rawNo);
      const events = await workplaceEvents(database, workplace.id);
      return { workplace, reports: reportsOf(events).reverse(), insured: insuredNow(events) };
    },

    /** As workplacePage, for a 신고 form: 403 when the account does not report for the workplace. */
    async formPage(me: Employer, rawNo: string) {
      const page = await this.workplacePage(me, rawNo);
      await reportingWorkplace(database, me, rawNo);
      return page;
    },

    /** One report of the workplace (for its 정정 and 취소 pages), or 404; 403 for a non-reporter. */
    async reportOf(me: Employer, rawNo: string, rawId: string) {
      const page = await this.formPage(me, rawNo);
      const report = page.reports.find((r) => String(r.original.id) === rawId);
      if (!report) throw new UserError(404, 'NOT_FOUND', '요청하신 신고를 찾을 수 없습니다.');
      return { ...page, report };
    },
  };
}

function workplaceWrites(deps: InsuranceDeps) {
  const { database } = deps;
  return {
    /**
     * Registers a workplace of the company and makes the account its reporter; a number the company
     * registered already only adds the account as a reporter (one account may report for several
     * 사업장, one 사업장 may have several reporters). Another company's number is refused.
     */
    async registerWorkplace(actor: Actor, me: Employer, v: WorkplaceInput) {
      if (me.companyId === null) throw NOT_FOUND();
      const id = await insertWorkplace(database, { ...v, companyId: me.companyId });
      let notice = 'registered';
      let workplaceId = id;
      if (id === undefined) {
        const w = await workplaceByNo(database, v.managementNo, me.id);
        if (!w || w.companyId !== me.companyId)
          throw new UserError(409, 'WORKPLACE_TAKEN', '다른 사업자가 등록한 사업장관리번호입니다.', {
            managementNo: '다른 사업자가 등록한 사업장관리번호입니다. 번호를 확인해 주세요.',
          });
        workplaceId = w.id;
        notice = 'joined';
      }
      if (workplaceId === undefined) throw new Error('workplace neither inserted nor found');
      const added = await addReporter(database, workplaceId, me.id);
      if (notice === 'joined' && !added) notice = 'already';
      if (notice !== 'already')
        await auditBy(database, actor, notice === 'registered' ? 'insurance.workplace' : 'insurance.reporter', {
          target: { type: 'workplace', id: v.managementNo },
        });
      return { redirect: `/employer/insurance/workplaces/${v.managementNo}?notice=${notice}` };
    },
  };
}

export function createInsuranceEmployerService(deps: InsuranceDeps) {
  return { ...workplaceReads(deps), ...workplaceWrites(deps), ...reportWrites(deps) };
}

export type InsuranceEmployerService = ReturnType<typeof createInsuranceEmployerService>;
