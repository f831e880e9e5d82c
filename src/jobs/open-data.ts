/**
 * Postings in the WorkNet Open API's field names (채용정보 목록/상세), for the JSON API and exports.
 */
import { occupationLabel } from '../reference/occupations.ts';
import { regionName } from '../reference/regions.ts';
import { CAREERS, EDUCATIONS, EMPLOYMENT_TYPES, labelOf, WAGE_TYPES, WORK_SCHEDULES } from './codes.ts';
import type { PostingDetail, PostingSummary } from './search.ts';
import { formatWage } from './wages.ts';

export interface WorknetSummary {
  wantedAuthNo: string;
  company: string;
  title: string;
  salTpCd: string;
  salTpNm: string;
  sal: string;
  minSal: number;
  maxSal: number;
  regionCd: string;
  region: string;
  jobsCd: string;
  jobsNm: string;
  holidayTpNm: string;
  minEdubg: string;
  minEdubgNm: string;
  career: string;
  careerNm: string;
  empTpCd: string;
  empTpNm: string;
  regDt: string;
  /** YYYY-MM-DD, or '채용시까지'. */
  closeDt: string;
  wantedInfoUrl: string;
}

export interface WorknetDetail extends WorknetSummary {
  busino: string;
  indTpNm: string;
  jobCont: string;
  pfCond: string;
  etcWelfare: string;
  selMthd: string;
  rcptMthd: string;
  collectPsncnt: number;
  zipCd: string;
  basicAddr: string;
  detailAddr: string;
  workHoursPerDay: number;
  workHoursPerWeek: number;
  contactTelno: string;
  contactName: string;
}

export function toWorknetSummary(p: PostingSummary, baseUrl = ''): WorknetSummary {
  return {
    wantedAuthNo: p.wantedAuthNo,
    company: p.companyName,
    title: p.title,
    salTpCd: p.salTpCd,
    salTpNm: labelOf(WAGE_TYPES, p.salTpCd),
    sal: formatWage(p.salTpCd, p.minSal, p.maxSal),
    minSal: p.minSal,
    maxSal: p.maxSal,
    regionCd: p.regionCd,
    region: regionName(p.regionCd),
    jobsCd: p.jobsCd,
    jobsNm: occupationLabel(p.jobsCd),
    holidayTpNm: labelOf(WORK_SCHEDULES, p.holidayTpCd),
    minEdubg: p.minEdubg,
    minEdubgNm: labelOf(EDUCATIONS, p.minEdubg),
    career: p.career,
    careerNm: labelOf(CAREERS, p.career),
    empTpCd: p.empTpCd,
    empTpNm: labelOf(EMPLOYMENT_TYPES, p.empTpCd),
    regDt: p.regDt,
    closeDt: p.closeDt ?? '채용시까지',
    wantedInfoUrl: `${baseUrl}/jobs/${encodeURIComponent(p.wantedAuthNo)}`,
  };
}

export function toWorknetDetail(p: PostingDetail, baseUrl = ''): WorknetDetail {
  return {
    ...toWorknetSummary(p, baseUrl),
    busino: p.busino,
    indTpNm: p.indTpNm,
    jobCont: p.jobCont,
    pfCond: p.pfCond,
    etcWelfare: p.etcWelfare,
    selMthd: p.selMthd,
    rcptMthd: p.rcptMthd,
    collectPsncnt: p.collectPsncnt,
    zipCd: p.zipCd,
    basicAddr: p.basicAddr,
    detailAddr: p.detailAddr,
    workHoursPerDay: p.workHoursPerDay,
    workHoursPerWeek: p.workHoursPerWeek,
    contactTelno: p.contactTelno,
    contactName: p.contactName,
  };
}

/** The CSV columns of the export, in WorkNet Open API field names. */
export const CSV_COLUMNS: readonly (keyof WorknetSummary)[] = [
  'wantedAuthNo',
  'company',
  'title',
  'salTpCd',
  'salTpNm',
  'sal',
  'minSal',
  'maxSal',
  'regionCd',
  'region',
  'jobsCd',
  'jobsNm',
  'holidayTpNm',
  'minEdubg',
  'minEdubgNm',
  'career',
  'careerNm',
  'empTpCd',
  'empTpNm',
  'regDt',
  'closeDt',
  'wantedInfoUrl',
];

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a leading = + - @
 * (or tab/CR) is prefixed with ' so a spreadsheet does not run it as a formula.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV with a header row, CRLF line ends and a UTF-8 BOM (so Excel reads Korean correctly). */
export function toCsv(rows: readonly WorknetSummary[]): string {
  const lines = [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => csvField(r[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
