/**
 * The bulk 피보험자격 취득신고 file (pure): CSV text with a header row and one row per worker, in the
 * columns of the 고용보험 EDI 취득신고 file as this service takes it. Each row is checked like the
 * one-worker form; a bad row gets its row number, column and Korean message, and the good rows go on.
 * No message repeats a 주민등록번호.
 *
 * UNCONFIRMED: the EDI file's exact record layout (근로복지공단 "4대사회보험 정보연계센터" 파일 양식) —
 * searched "고용보험 EDI 취득신고 파일 양식 컬럼"; the layout below carries the fields of the 취득신고서
 * (고용보험법 시행규칙 별지 제6호서식) as named columns instead of fixed-width positions.
 */
import { normalizeRrn, rrnError } from './person.ts';
import { type AcquireValues, dateError, hoursOf, nameError, occupationError, wageOf } from './report-forms.ts';

/** The columns, in order, with the header each is recognised by (spaces ignored). */
export const CSV_COLUMNS = [
  { key: 'personName', header: '성명', example: '김민준' },
  { key: 'rrn', header: '주민등록번호', example: '900101-1234567' },
  { key: 'acquiredOn', header: '취득일', example: '2026-03-02' },
  { key: 'monthlyWage', header: '월평균보수', example: '2500000' },
  { key: 'dailyHours', header: '1일소정근로시간', example: '8' },
  { key: 'occupationCd', header: '직종코드', example: '026' },
] as const;

export const MAX_ROWS = 1000;

export interface CsvRow {
  /** The line in the file (the header is row 1). */
  row: number;
  rrn: string;
  value: AcquireValues;
}

export type CsvError = {
  row: number;
  column: string;
  message: string;
};

export type CsvParse = { ok: false; message: string } | { ok: true; rows: CsvRow[]; errors: CsvError[]; total: number };

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

/** Reads the file: its rows that pass, and each bad row's errors; or why the file as a whole is refused. */
export function parseAcquireCsv(text: string, today: string): CsvParse {
  const records = csvRecords(text).map((r) => r.map((c) => c.trim()));
  const header = records[0]?.map(headerKey) ?? [];
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c.header)).map((c) => c.header);
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
      message: `한 번에 ${MAX_ROWS.toLocaleString('ko-KR')}명까지 올릴 수 있습니다. 파일을 나눠 주세요.`,
    };
  const rows: CsvRow[] = [];
  const errors: CsvError[] = [];
  const seen = new Map<string, number>();
  for (const { cells, row } of data) {
    const named = Object.fromEntries(CSV_COLUMNS.map((c) => [c.key, cells[header.indexOf(c.header)] ?? '']));
    const checked = checkRow(named, row, today);
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
