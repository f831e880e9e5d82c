/**
 * 이직확인서, the employer's side (고용보험법 제42조 제3항: the employer of a separated worker gives the
 * 이직확인서 the worker or the job centre asks for): filed for a worker with a standing 상실 신고 at a
 * workplace the account reports for, the person taken from that 신고 (never typed again). Each filing is
 * a new row — the newest counts — and fulfils the open requests for that person at that workplace; its
 * due day is the earliest open request's (certificateDueOn), late marked. The requests themselves and
 * the pages of the worker and the counsellor are in certificate-request-service.ts.
 *
 * For the claim built from records: `latestCertificate(personHash, workplaceId?)` answers the newest
 * 이직확인서 of the person (of one workplace when given) with recentWages [{ from, to, wage, days }] and
 * baseDays [{ month: 'YYYY-MM', days }] parsed, and its 평균임금 computed — or undefined.
 */
import { type Actor, auditBy } from '../identity/audit.ts';
import { seoulToday } from '../shared/dates.ts';
import { UserError } from '../web/errors.ts';
import { type CertificateValues, certificateLayout, certificateStart } from './certificate-forms.ts';
import { createCertificateRequests } from './certificate-request-service.ts';
import { type AverageWage, averageWage } from './certificate-rules.ts';
import {
  type CentreRequestRow,
  type CertificateRow,
  certificatesOf,
  companyCertificates,
  companyOpenRequests,
  findCertificate,
  fulfilRequests,
  insertCertificate,
  type NotificationRow,
  openRequestsOf,
  type RequestRow,
  requestNotifications,
} from './certificate-store.ts';
import { isLate } from './deadlines.ts';
import { type Report, reportsOf, standing } from './report-ledger.ts';
import { type InsuranceEvent, workplaceEvents } from './store.ts';
import { type Employer, type InsuranceDeps, ownWorkplace, reportingWorkplace } from './workplace-access.ts';

export type { CentreRequestRow, CertificateRow, NotificationRow, RequestRow };

/** An 이직확인서 with its 평균임금. */
export interface Certificate extends CertificateRow {
  average: AverageWage | null;
}

const withAverage = (c: CertificateRow): Certificate => ({ ...c, average: averageWage(c.recentWages) });

export const certificateNotFound = () => new UserError(404, 'NOT_FOUND', '요청하신 이직확인서를 찾을 수 없습니다.');

const valuesOf = (c: CertificateRow): CertificateValues => ({
  lossCode: c.lossCode,
  lossSubCode: c.lossSubCode,
  reason: c.reason,
  recentWages: c.recentWages,
  ordinaryDailyWage: c.ordinaryDailyWage,
  dailyHours: c.dailyHours,
  baseDays: c.baseDays,
});

/** The standing 상실 신고 with this id and the 취득 it closes (the latest one before it), or 404. */
export function lossReport(events: readonly InsuranceEvent[], rawId: string): { loss: Report; acquire?: Report } {
  const live = standing(reportsOf(events));
  const loss = live.find((r) => r.kind === 'lose' && String(r.original.id) === rawId);
  if (!loss?.current.lostOn)
    throw new UserError(404, 'NOT_FOUND', '이직확인서를 쓸 상실 신고를 찾을 수 없습니다. 상실 신고를 먼저 해 주세요.');
  const lostOn = loss.current.lostOn;
  const acquire = live
    .filter(
      (r) =>
        r.kind === 'acquire' &&
        r.original.personHash === loss.original.personHash &&
        (r.current.acquiredOn ?? '') < lostOn,
    )
    .sort((a, b) => (a.current.acquiredOn ?? '').localeCompare(b.current.acquiredOn ?? ''))
    .at(-1);
  return acquire ? { loss, acquire } : { loss };
}

/** The latest standing 상실 신고 of each person at the workplace (for links from a request). */
export function latestLosses(events: readonly InsuranceEvent[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of standing(reportsOf(events))) if (r.kind === 'lose') out.set(r.original.personHash, r.original.id);
  return out;
}

/** The form of a 상실 신고's 이직확인서, as the page and the filing read it. */
function certificateFormOf(deps: InsuranceDeps) {
  const { database } = deps;

  /** The workplace, the 상실 and what the form needs: layout, starting values, the last filing, open requests. */
  const form = async (me: Employer, rawNo: string, rawReportId: string) => {
    const workplace = await reportingWorkplace(database, me, rawNo);
    const { loss, acquire } = lossReport(await workplaceEvents(database, workplace.id), rawReportId);
    const basis = { lostOn: loss.current.lostOn as string, acquiredOn: acquire?.current.acquiredOn ?? null };
    const [previous] = await certificatesOf(database, loss.original.personHash, workplace.id);
    const requests = await openRequestsOf(database, workplace.id, loss.original.personHash);
    const start = certificateStart(basis, {
      lossCode: loss.current.lossCode,
      lossSubCode: loss.current.lossSubCode,
      reason: loss.current.lossReason,
      dailyHours: acquire?.current.dailyHours ?? null,
      previous: previous ? valuesOf(previous) : null,
    });
    return {
      workplace,
      loss,
      basis,
      layout: certificateLayout(basis),
      start,
      previous: previous ? withAverage(previous) : null,
      requests,
    };
  };
  return form;
}

function employerCertificates(deps: InsuranceDeps) {
  const { database } = deps;
  const today = () => seoulToday(deps.now());
  const form = certificateFormOf(deps);
  return {
    certificateForm: form,

    /**
     * Files the 이직확인서 for the 상실 신고 (inside the request's command; `key` is its idempotency key and
     * the row's dedupe key with it). Fulfils the open requests; the audit row names no person.
     */
    async fileCertificate(
      actor: Actor,
      me: Employer,
      rawNo: string,
      rawReportId: string,
      key: string,
      v: CertificateValues,
    ) {
      const { workplace, loss, layout, requests } = await form(me, rawNo, rawReportId);
      const person = loss.current;
      const dueOn = requests[0]?.dueOn ?? null;
      const { id, inserted } = await insertCertificate(database, {
        dedupeKey: `certificate:${workplace.id}:${actor.id}:${key}`,
        workplaceId: workplace.id,
        personHash: person.personHash,
        personMasked: person.personMasked,
        personName: person.personName,
        separatedOn: layout.separatedOn,
        ...v,
        filedBy: actor.id,
        filedAt: deps.now(),
        dueOn,
        late: dueOn !== null && isLate(dueOn, today()),
      });
      if (inserted) {
        const fulfilled = await fulfilRequests(database, workplace.id, person.personHash, id);
        await auditBy(database, actor, 'insurance.certificate.file', {
          target: { type: 'separation_certificate', id },
          details: { workplace: workplace.managementNo, requests: fulfilled.length },
        });
      }
      return { redirect: `/employer/insurance/workplaces/${workplace.managementNo}/certificates/${id}?filed=1` };
    },
  };
}

function employerReads(deps: InsuranceDeps) {
  const { database } = deps;
  const today = () => seoulToday(deps.now());
  return {
    /** One 이직확인서 of the company's workplace (404 for another company's), and whether a newer one exists. */
    async certificatePage(me: Employer, rawNo: string, rawId: string) {
      const workplace = await ownWorkplace(database, me, rawNo);
      const id = Number(rawId);
      const found = Number.isSafeInteger(id) && id > 0 ? await findCertificate(database, id) : undefined;
      if (!found || found.workplaceId !== workplace.id) throw certificateNotFound();
      const [newest] = await certificatesOf(database, found.personHash, workplace.id);
      return { workplace, certificate: withAverage(found), superseded: newest !== undefined && newest.id !== found.id };
    },

    /** The company's open requests (each with the 상실 신고 to answer it from), 알림 and latest filings. */
    async employerRequests(me: Employer) {
      if (me.companyId === null) return { requests: [], notifications: [], filed: [], today: today() };
      const [open, notifications, filed] = await Promise.all([
        companyOpenRequests(database, me.companyId),
        requestNotifications(database, me.id),
        companyCertificates(database, me.companyId),
      ]);
      const losses = new Map<number, Map<string, number>>();
      for (const workplaceId of new Set(open.map((r) => r.workplaceId)))
        losses.set(workplaceId, latestLosses(await workplaceEvents(database, workplaceId)));
      const requests = open.map((r) => ({ ...r, lossReportId: losses.get(r.workplaceId)?.get(r.personHash) ?? null }));
      return { requests, notifications, filed: filed.map(withAverage), today: today() };
    },
  };
}

export function createCertificateService(deps: InsuranceDeps) {
  const { database } = deps;
  return {
    ...employerCertificates(deps),
    ...employerReads(deps),
    ...createCertificateRequests(deps),
    today: () => seoulToday(deps.now()),

    /** The newest 이직확인서 of the person (of one workplace when given), parsed, with its 평균임금. */
    async latestCertificate(personHash: string, workplaceId?: number): Promise<Certificate | undefined> {
      const [newest] = await certificatesOf(database, personHash, workplaceId);
      return newest && withAverage(newest);
    },
  };
}

export type CertificateService = ReturnType<typeof createCertificateService>;
