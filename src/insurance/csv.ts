/**
 * The bulk 피보험자격 취득신고 and 상실신고 files (pure): CSV text with a header row and one row per
 * worker, in the columns of the 고용보험 EDI 신고 files as this service takes them. Each row is checked
 * like the one-worker form; a bad row gets its row number, column and Korean message, and the good rows
 * go on. No message repeats a 주민등록번호.
 *
 * UNCONFIRMED: the EDI file's exact record layout (근로복지공단 "4대사회보험 정보연계센터" 파일 양식) —
 * searched "고용보험 EDI 취득신고 파일 양식 컬럼"; the layout below carries the fields of the 취득신고서
 * (고용보험법 시행규칙 별지 제6호서식) as named columns instead of fixed-width positions.
 */

import { formatNumber } from '../shared/korean.ts';
import { lossCodeError } from './codes.ts';
import { normalizeRrn, rrnError } from './person.ts';
import {
  type AcquireValues,
  dateError,
  hoursOf,
  type LoseValues,
  nameError,
  occupationError,
  wageOf,
} from './report-forms.ts';

/** The columns, in order, with the header each is recognised by (spaces ignored). */
export const CSV_COLUMNS = [
  { key: 'personName', header: '성명', example: '김민준' },
  { key: 'rrn', header: '주민등록번호', example: '900101-1234567' },
  { key: 'acquiredOn', header: '취득일', example: '2026-03-02' },
  { key: 'monthlyWage', header: '월평균보수', example: '2500000' },
  { key: 'dailyHours', header: '1일소정근로시간', example: '8' },
  { key: 'occupationCd', header: '직종코드', example: '026' },
] as const;

/** The 상실신고 file's columns: who, when, why (the code table's 구체적 사유 code, e.g. 23-1) and the wage. */
export const LOSS_CSV_COLUMNS = [
  { key: 'personName', header: '성명', example: '김민준' },
  { key: 'rrn', header: '주민등록번호', example: '900101-1234567' },
  { key: 'lostOn', header: '상실일', example: '2026-11-01' },
  { key: 'lossCode', header: '상실사유코드', example: '23-1' },
  { key: 'lossReason', header: '구체적사유', example: '경영 악화로 인원 감축' },
  { key: 'monthlyWage', header: '월평균보수', example: '2500000' },
] as const;

export const MAX_ROWS = 1000;

export interface CsvRow {
  /** The line in the file (the header is row 1). */
  row: number;
  rrn: string;
  value: AcquireValues;
}

/** A row of the 상실신고 file: the person by number (matched to whom the workplace insures) and the 상실. */
export interface LossCsvRow {
  row: number;
  rrn: string;
  personName: string;
  value: LoseValues;
}

export type CsvError = {
  row: number;
  column: string;
  message: string;
};

export type CsvParse<R = CsvRow> =
  | { ok: false; message: string }
  | { ok: true; rows: R[]; errors: CsvError[]; total: number };

/** Splits CSV text into records (RFC 4180: quoted fields, doubled quotes, CRLF or LF). */
export function csvRecords(text: string): string[][] {
  const out: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      record.push(field);
      out.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) out.push([...record, field]);
  return out;
}

/** 20260302 (as EDI files write dates) → 2026-03-02; anything else as it is. */
function isoDate(raw: string): string {
  return /^\d{8}$/.test(raw) ? `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6)}` : raw.replaceAll('.', '-');
}

const headerKey = (h: string) => h.replace(/\s/g, '');

function checkRow(cells: Record<string, string>, row: number, today: string): { row?: CsvRow; errors: CsvError[] } {
  const errors: CsvError[] = [];
  const fail = (column: string, message: string | null) => {
    if (message) errors.push({ row, column, message });
  };
  fail('성명', nameError(cells.personName ?? ''));
  fail('주민등록번호', rrnError(cells.rrn ?? ''));
  const acquiredOn = isoDate(cells.acquiredOn ?? '');
  fail('취득일', dateError(acquiredOn, '취득일', today));
  const wage = wageOf(cells.monthlyWage ?? '');
  if (typeof wage === 'string') fail('월평균보수', wage);
  const hours = hoursOf(cells.dailyHours ?? '');
  if (typeof hours === 'string') fail('1일소정근로시간', hours);
  const occupationCd = (cells.occupationCd ?? '').padStart(3, '0');
  fail('직종코드', occupationError(cells.occupationCd ? occupationCd : ''));
  const rrn = normalizeRrn(cells.rrn ?? '');
  if (errors.length > 0 || !rrn || typeof wage === 'string' || typeof hours === 'string') return { errors };
  const personName = cells.personName ?? '';
  return {
    row: { row, rrn, value: { personName, acquiredOn, monthlyWage: wage, dailyHours: hours, occupationCd } },
    errors,
  };
}

/**
 * Reads a file of `columns`: its rows that pass `check`, and each bad row's errors (one row per
 * person: a second row with the same number is an error); or why the file as a whole is refused.
 */
function readCsv<R extends { row: number; rrn: string }>(
  text: string,
  columns: readonly { key: string; header: string }[],
  check: (cells: Record<string, string>, row: number) => { row?: R; errors: CsvError[] },
): CsvParse<R> {
  const records = csvRecords(text).map((r) => r.map((c) => c.trim()));
  const header = records[0]?.map(headerKey) ?? [];
  const missing = columns.filter((c) => !header.includes(c.header)).map((c) => c.header);
  if (records.length === 0 || text.trim() === '') return { ok: false, message: '파일 내용을 붙여 넣어 주세요.' };
  if (missing.length > 0)
    return {
      ok: false,
      message: `첫 줄(머리글)에 ${missing.join(', ')} 열이 없습니다. 아래 양식의 머리글을 그대로 써 주세요.`,
    };
  const body = records.slice(1).map((cells, i) => ({ cells, row: i + 2 }));
  const data = body.filter((r) => r.cells.some((c) => c !== ''));
  if (data.length === 0) return { ok: false, message: '머리글 아래에 근로자가 한 줄도 없습니다.' };
  if (data.length > MAX_ROWS)
    return {
      ok: false,
      message: `한 번에 ${formatNumber(MAX_ROWS)}명까지 올릴 수 있습니다. 파일을 나눠 주세요.`,
    };
  const rows: R[] = [];
  const errors: CsvError[] = [];
  const seen = new Map<string, number>();
  for (const { cells, row } of data) {
    const named = Object.fromEntries(columns.map((c) => [c.key, cells[header.indexOf(c.header)] ?? '']));
    const checked = check(named, row);
    errors.push(...checked.errors);
    if (!checked.row) continue;
    const earlier = seen.get(checked.row.rrn);
    if (earlier !== undefined) {
      errors.push({
        row,
        column: '주민등록번호',
        message: `${earlier}행과 같은 근로자입니다. 한 사람은 한 줄만 적어 주세요.`,
      });
      continue;
    }
    seen.set(checked.row.rrn, row);
    rows.push(checked.row);
  }
  return { ok: true, rows, errors, total: data.length };
}

/** The 취득신고 file. */
export function parseAcquireCsv(text: string, today: string): CsvParse {
  return readCsv(text, CSV_COLUMNS, (cells, row) => checkRow(cells, row, today));
}

function checkLossRow(
  cells: Record<string, string>,
  row: number,
  today: string,
): { row?: LossCsvRow; errors: CsvError[] } {
  const errors: CsvError[] = [];
  const fail = (column: string, message: string | null) => {
    if (message) errors.push({ row, column, message });
  };
  const personName = cells.personName ?? '';
  fail('성명', nameError(personName));
  fail('주민등록번호', rrnError(cells.rrn ?? ''));
  const lostOn = isoDate(cells.lostOn ?? '');
  fail('상실일', dateError(lostOn, '상실일', today));
  // '23-1' names its 상실사유 23; a code with no 구체적 사유 ('42') is written alone.
  const subCode = cells.lossCode ?? '';
  const code = subCode.split('-')[0] ?? '';
  fail(
    '상실사유코드',
    code === '' ? '상실사유 코드를 적어 주세요 (예: 23-1).' : lossCodeError(code, subCode.includes('-') ? subCode : ''),
  );
  const lossReason = cells.lossReason ?? '';
  if (lossReason === '') fail('구체적사유', '구체적 사유를 적어 주세요 (예: 계약기간 만료로 퇴사).');
  else if ([...lossReason].length > 500) fail('구체적사유', '구체적 사유는 500자 이내로 적어 주세요.');
  const wage = wageOf(cells.monthlyWage ?? '');
  if (typeof wage === 'string') fail('월평균보수', wage);
  const rrn = normalizeRrn(cells.rrn ?? '');
  if (errors.length > 0 || !rrn || typeof wage === 'string') return { errors };
  const lossSubCode = subCode.includes('-') ? subCode : '';
  return {
    row: { row, rrn, personName, value: { lostOn, lossCode: code, lossSubCode, lossReason, monthlyWage: wage } },
    errors,
  };
}

/** The 상실신고 file: each row's worker is matched to the workplace's insured by the service. */
export function parseLossCsv(text: string, today: string): CsvParse<LossCsvRow> {
  return readCsv(text, LOSS_CSV_COLUMNS, (cells, row) => checkLossRow(cells, row, today));
}
