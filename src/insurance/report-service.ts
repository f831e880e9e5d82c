/**
 * Filing 피보험자격 신고 for a workplace the account reports for: 취득 and 상실 (고용보험법 제15조 ①),
 * their 정정 and 취소 as new events, and the bulk 취득신고 file. The 주민등록번호 is hashed and masked
 * here and goes no further: not into the outcome, the audit row or any message. Each event has its own
 * dedupe key (a second line behind the command's idempotency key): the same 신고 sent twice from two
 * tabs is filed once.
 */
import { type Actor, auditBy } from '../identity/audit.ts';
import { seoulToday } from '../shared/dates.ts';
import { UserError } from '../web/errors.ts';
import type { CsvError, CsvRow } from './csv.ts';
import { type CsvResult, csvFileKey } from './csv-file.ts';
import { isLate, reportDueOn } from './deadlines.ts';
import { lossFileReports } from './loss-file-service.ts';
import { maskRrn, personHash } from './person.ts';
import type { AcquireValues, LoseValues } from './report-forms.ts';
import { insuredNow, type Report, reportsOf, standing } from './report-ledger.ts';
import { personSecret } from './secret.ts';
import { batchKeys, type InsuranceEvent, insertEvent, type NewEvent, workplaceEvents } from './store.ts';
import { type Employer, type InsuranceDeps, reportingWorkplace } from './workplace-access.ts';

export type { CsvResult };

const fieldError = (field: string, message: string) =>
  new UserError(400, 'REPORT_REFUSED', message, { [field]: message });

const pageOf = (managementNo: string, notice: string) =>
  `/employer/insurance/workplaces/${managementNo}?notice=${notice}`;

/** The 취득 the person is insured under at the workplace now, if any. */
function currentAcquire(events: readonly InsuranceEvent[], hash: string) {
  return insuredNow(events).find((w) => w.personHash === hash);
}

/** Appends the event with its audit row (none for an event already there) and answers with the workplace page. */
async function fileEvent(
  database: InsuranceDeps['database'],
  actor: Actor,
  e: Omit<NewEvent, 'reportedBy'>,
  action: string,
  managementNo: string,
) {
  const { id, inserted } = await insertEvent(database, { ...e, reportedBy: actor.id });
  if (inserted)
    await auditBy(database, actor, action, {
      target: { type: 'insurance_event', id },
      details: { workplace: managementNo },
    });
  return { redirect: pageOf(managementNo, inserted ? e.kind : 'already') };
}

function newReports(deps: InsuranceDeps) {
  const { database } = deps;
  const today = () => seoulToday(deps.now());
  const file = (actor: Actor, e: Omit<NewEvent, 'reportedBy'>, action: string, no: string) =>
    fileEvent(database, actor, e, action, no);
  return {
    /** 취득 신고 of one worker; refused when the worker is insured at this workplace already. */
    async fileAcquire(actor: Actor, me: Employer, rawNo: string, rrn: string, v: AcquireValues) {
      const w = await reportingWorkplace(database, me, rawNo);
      const hash = personHash(await personSecret(database), rrn);
      const events = await workplaceEvents(database, w.id);
      const current = currentAcquire(events, hash);
      if (current)
        throw fieldError(
          'rrn',
          `이미 이 사업장의 피보험자입니다 (취득일 ${current.acquiredOn}). 내용이 틀렸다면 그 신고를 정정해 주세요.`,
        );
      const seq = events.filter((e) => e.personHash === hash && e.kind === 'acquire').length;
      const dueOn = reportDueOn('acquire', v.acquiredOn);
      return file(
        actor,
        {
          dedupeKey: `acquire:${w.id}:${hash}:${v.acquiredOn}:${seq}`,
          workplaceId: w.id,
          kind: 'acquire',
          personHash: hash,
          personMasked: maskRrn(rrn),
          ...v,
          dueOn,
          late: isLate(dueOn, today()),
        },
        'insurance.acquire',
        w.managementNo,
      );
    },

    /** 상실 신고 of a worker insured at the workplace now (picked by the 취득 신고 they rest on). */
    async fileLose(actor: Actor, me: Employer, rawNo: string, worker: string, v: LoseValues) {
      const w = await reportingWorkplace(database, me, rawNo);
      const events = await workplaceEvents(database, w.id);
      const insured = insuredNow(events).find((x) => String(x.reportId) === worker);
      if (!insured) throw fieldError('worker', '상실 신고할 근로자를 목록에서 골라 주세요.');
      // 고용보험법 제14조 ① 2호: the 자격 is lost on the day after 이직, so never on the 취득일 itself.
      if (v.lostOn <= insured.acquiredOn)
        throw fieldError(
          'lostOn',
          `상실일은 취득일(${insured.acquiredOn}) 다음 날 이후여야 합니다 (이직한 날의 다음 날).`,
        );
      const seq = events.filter((e) => e.personHash === insured.personHash && e.kind === 'lose').length;
      const dueOn = reportDueOn('lose', v.lostOn);
      return file(
        actor,
        {
          dedupeKey: `lose:${w.id}:${insured.personHash}:${v.lostOn}:${seq}`,
          workplaceId: w.id,
          kind: 'lose',
          personHash: insured.personHash,
          personMasked: insured.personMasked,
          personName: insured.personName,
          acquiredOn: insured.acquiredOn,
          ...v,
          dueOn,
          late: isLate(dueOn, today()),
        },
        'insurance.lose',
        w.managementNo,
      );
    },
  };
}

function changedReports(deps: InsuranceDeps) {
  const { database } = deps;
  const file = (actor: Actor, e: Omit<NewEvent, 'reportedBy'>, action: string, no: string) =>
    fileEvent(database, actor, e, action, no);
  return {
    /** 정정: a new event pointing at the report, with all its values as they should be. */
    async fileCorrection(
      actor: Actor,
      me: Employer,
      rawNo: string,
      rawId: string,
      v: Partial<AcquireValues & LoseValues>,
    ) {
      const w = await reportingWorkplace(database, me, rawNo);
      const report = standingReport(await workplaceEvents(database, w.id), rawId);
      const c = report.current;
      const lose = report.kind === 'lose';
      if (lose && v.lostOn !== undefined && c.acquiredOn && v.lostOn <= c.acquiredOn)
        throw fieldError('lostOn', `상실일은 취득일(${c.acquiredOn}) 다음 날 이후여야 합니다 (이직한 날의 다음 날).`);
      return file(
        actor,
        {
          dedupeKey: `correct:${report.original.id}:${report.corrections.length}`,
          workplaceId: w.id,
          kind: 'correct',
          personHash: c.personHash,
          personMasked: c.personMasked,
          personName: v.personName ?? c.personName,
          acquiredOn: v.acquiredOn ?? c.acquiredOn,
          lostOn: lose ? (v.lostOn ?? c.lostOn) : null,
          monthlyWage: v.monthlyWage ?? c.monthlyWage,
          dailyHours: lose ? null : (v.dailyHours ?? c.dailyHours),
          occupationCd: lose ? null : (v.occupationCd ?? c.occupationCd),
          lossCode: lose ? (v.lossCode ?? c.lossCode) : null,
          lossSubCode: lose ? (v.lossSubCode ?? c.lossSubCode) : null,
          lossReason: lose ? (v.lossReason ?? c.lossReason) : null,
          correctsId: report.original.id,
        },
        'insurance.correct',
        w.managementNo,
      );
    },

    /** 취소: a new event pointing at the report; a 취득 with a standing 상실 after it is refused. */
    async fileCancel(actor: Actor, me: Employer, rawNo: string, rawId: string) {
      const w = await reportingWorkplace(database, me, rawNo);
      const events = await workplaceEvents(database, w.id);
      const report = standingReport(events, rawId);
      const c = report.current;
      if (report.kind === 'acquire') {
        const later = standing(reportsOf(events)).some(
          (r) =>
            r.kind === 'lose' &&
            r.original.personHash === c.personHash &&
            (r.current.lostOn ?? '') > (c.acquiredOn ?? ''),
        );
        if (later)
          throw new UserError(
            409,
            'LOSS_STANDS',
            '이 취득 신고 뒤의 상실 신고가 남아 있습니다. 상실 신고를 먼저 취소해 주세요.',
          );
      }
      return file(
        actor,
        {
          dedupeKey: `cancel:${report.original.id}`,
          workplaceId: w.id,
          kind: 'cancel',
          personHash: c.personHash,
          personMasked: c.personMasked,
          personName: c.personName,
          correctsId: report.original.id,
        },
        'insurance.cancel',
        w.managementNo,
      );
    },
  };
}

function bulkReports(deps: InsuranceDeps) {
  const { database } = deps;
  const today = () => seoulToday(deps.now());
  return {
    /**
     * The bulk 취득신고 file: the rows that pass are filed once — keyed by the file (a keyed hash of its
     * text and the workplace) and the row number, so the same file sent again files nothing new and is
     * answered alike; a worker already insured here is a row error, not a second 취득.
     */
    async fileAcquireCsv(
      actor: Actor,
      me: Employer,
      rawNo: string,
      text: string,
      rows: CsvRow[],
      errors: CsvError[],
      total: number,
    ) {
      const w = await reportingWorkplace(database, me, rawNo);
      const secret = await personSecret(database);
      const fileKey = csvFileKey(secret, w.id, text, 'acquire');
      const already = await batchKeys(database, fileKey);
      const events = await workplaceEvents(database, w.id);
      const result: CsvResult = { total, filed: [], errors: [...errors] };
      let newly = 0;
      for (const r of rows) {
        const hash = personHash(secret, r.rrn);
        const dedupeKey = `${fileKey}:${r.row}`;
        const current = already.has(dedupeKey) ? undefined : currentAcquire(events, hash);
        if (current) {
          result.errors.push({
            row: r.row,
            column: '주민등록번호',
            message: `이미 이 사업장의 피보험자입니다 (취득일 ${current.acquiredOn}).`,
          });
          continue;
        }
        const dueOn = reportDueOn('acquire', r.value.acquiredOn);
        const late = isLate(dueOn, today());
        const e: NewEvent = {
          dedupeKey,
          workplaceId: w.id,
          kind: 'acquire',
          personHash: hash,
          personMasked: maskRrn(r.rrn),
          ...r.value,
          dueOn,
          late,
          batchKey: fileKey,
          reportedBy: actor.id,
        };
        const { inserted } = await insertEvent(database, e);
        if (inserted) newly++;
        result.filed.push({
          row: r.row,
          personName: r.value.personName,
          personMasked: e.personMasked,
          on: r.value.acquiredOn,
          dueOn,
          late,
        });
      }
      result.errors.sort((a, b) => a.row - b.row);
      if (newly > 0)
        await auditBy(database, actor, 'insurance.csv', {
          target: { type: 'workplace', id: w.managementNo },
          details: { rows: total, filed: newly, errors: result.errors.length },
        });
      return result;
    },
  };
}

export function reportWrites(deps: InsuranceDeps) {
  return { ...newReports(deps), ...changedReports(deps), ...bulkReports(deps), ...lossFileReports(deps) };
}

/** The report with this id among the events, not cancelled; 404 otherwise. */
function standingReport(events: readonly InsuranceEvent[], rawId: string): Report {
  const report = reportsOf(events).find((r) => String(r.original.id) === rawId);
  if (!report) throw new UserError(404, 'NOT_FOUND', '요청하신 신고를 찾을 수 없습니다.');
  if (report.cancelled) throw new UserError(409, 'CANCELLED', '이미 취소한 신고입니다. 새로 신고해 주세요.');
  return report;
}
