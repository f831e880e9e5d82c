/**
 * The bulk 상실신고 file: each row's worker is found among those the workplace insures now (by the keyed
 * hash of the 주민등록번호), and the rows that pass are filed once as 상실 신고 — keyed by the file and
 * the row, so the same file sent again files nothing new and is answered alike. A worker not insured
 * here, or a 상실일 not after the 취득일, is a row error; the other rows go on.
 */
import { type Actor, auditBy } from '../identity/audit.ts';
import { seoulToday } from '../shared/dates.ts';
import type { CsvError, LossCsvRow } from './csv.ts';
import { type CsvResult, csvFileKey } from './csv-file.ts';
import { isLate, reportDueOn } from './deadlines.ts';
import { maskRrn, personHash } from './person.ts';
import { type InsuredWorker, insuredNow } from './report-ledger.ts';
import { personSecret } from './secret.ts';
import { batchKeys, insertEvent, type NewEvent, workplaceEvents } from './store.ts';
import { type Employer, type InsuranceDeps, reportingWorkplace } from './workplace-access.ts';

/** The row's error, or null when the worker can lose the 자격 on that day. */
function rowError(r: LossCsvRow, insured: InsuredWorker | undefined): CsvError | null {
  if (!insured)
    return {
      row: r.row,
      column: '주민등록번호',
      message: '이 사업장에 지금 피보험자로 신고된 근로자가 아닙니다. 취득 신고를 먼저 확인해 주세요.',
    };
  // 고용보험법 제14조 ① 2호: the 자격 is lost on the day after 이직, so never on the 취득일 itself.
  if (r.value.lostOn <= insured.acquiredOn)
    return {
      row: r.row,
      column: '상실일',
      message: `상실일은 취득일(${insured.acquiredOn}) 다음 날 이후여야 합니다 (이직한 날의 다음 날).`,
    };
  return null;
}

export function lossFileReports(deps: InsuranceDeps) {
  const { database } = deps;
  return {
    async fileLoseCsv(
      actor: Actor,
      me: Employer,
      rawNo: string,
      text: string,
      file: { rows: LossCsvRow[]; errors: CsvError[]; total: number },
    ): Promise<CsvResult> {
      const w = await reportingWorkplace(database, me, rawNo);
      const secret = await personSecret(database);
      const fileKey = csvFileKey(secret, w.id, text, 'lose');
      const already = await batchKeys(database, fileKey);
      const events = await workplaceEvents(database, w.id);
      const insured = insuredNow(events);
      const result: CsvResult = { total: file.total, filed: [], errors: [...file.errors] };
      let newly = 0;
      for (const r of file.rows) {
        const hash = personHash(secret, r.rrn);
        const dedupeKey = `${fileKey}:${r.row}`;
        const dueOn = reportDueOn('lose', r.value.lostOn);
        const late = isLate(dueOn, seoulToday(deps.now()));
        // Filed from this file before: that 상실 stands (the worker is no longer insured); answered alike.
        if (already.has(dedupeKey)) {
          result.filed.push({
            row: r.row,
            personName: r.personName,
            personMasked: maskRrn(r.rrn),
            on: r.value.lostOn,
            dueOn,
            late,
          });
          continue;
        }
        const worker = insured.find((x) => x.personHash === hash);
        const error = rowError(r, worker);
        if (error || !worker) {
          if (error) result.errors.push(error);
          continue;
        }
        const e: NewEvent = {
          dedupeKey,
          workplaceId: w.id,
          kind: 'lose',
          personHash: worker.personHash,
          personMasked: worker.personMasked,
          personName: worker.personName,
          acquiredOn: worker.acquiredOn,
          ...r.value,
          dueOn,
          late,
          batchKey: fileKey,
          reportedBy: actor.id,
        };
        if ((await insertEvent(database, e)).inserted) newly++;
        result.filed.push({
          row: r.row,
          personName: worker.personName,
          personMasked: worker.personMasked,
          on: r.value.lostOn,
          dueOn,
          late,
        });
      }
      result.errors.sort((a, b) => a.row - b.row);
      if (newly > 0)
        await auditBy(database, actor, 'insurance.csv.lose', {
          target: { type: 'workplace', id: w.managementNo },
          details: { rows: file.total, filed: newly, errors: result.errors.length },
        });
      return result;
    },
  };
}
