/**
 * 채용공고 form for employers: every field validated with a Korean message, the wage checked against
 * the minimum wage for its 임금형태 and hours, and no condition the law forbids in recruitment anywhere
 * in the text — age, sex, 용모·키·체중, 혼인 여부, 출신 지역, 재산, the family's 학력·직업·재산
 * (recruitment-rules.ts, with the provisions). Pure.
 */

import { CAREERS, EDUCATIONS, EMPLOYMENT_TYPES, WAGE_TYPES, WORK_SCHEDULES } from '../jobs/codes.ts';
import type { NewPosting } from '../jobs/posting.ts';
import { formatWage, minimumWage } from '../jobs/wages.ts';
import { OCCUPATIONS } from '../reference/occupations.ts';
import { isRegionCode, sigunguOf } from '../reference/regions.ts';
import { addDays, isIsoDate } from '../shared/dates.ts';
import { RECRUITMENT_RULES, unlawfulConditionMessage } from './recruitment-rules.ts';

export const POSTING_FIELDS = [
  'title',
  'jobsCd',
  'salTpCd',
  'minSal',
  'maxSal',
  'workHoursPerDay',
  'workHoursPerWeek',
  'holidayTpCd',
  'regionCd',
  'zipCd',
  'basicAddr',
  'detailAddr',
  'minEdubg',
  'career',
  'minCareerMonths',
  'empTpCd',
  'closeDt',
  'untilFilled',
  'jobCont',
  'pfCond',
  'etcWelfare',
  'selMthd',
  'rcptMthd',
  'collectPsncnt',
  'contactName',
  'contactTelno',
] as const;
export type PostingFormValues = Record<(typeof POSTING_FIELDS)[number], string>;
export type PostingContent = Omit<NewPosting, 'wantedAuthNo' | 'company' | 'busino' | 'indTpNm' | 'regDt'>;

const AGE_RULE = RECRUITMENT_RULES.find((r) => r.id === 'age');

/** The first phrase stating an age requirement or preference (연령 제한·우대), or null. */
export function ageRequirement(text: string): string | null {
  for (const re of AGE_RULE?.patterns ?? []) {
    const m = re.exec(text);
    if (m) return m[0];
  }
  return null;
}

/** The free-text fields a condition can hide in; each is checked against every rule (recruitment-rules.ts). */
export const CHECKED_FIELDS = ['title', 'jobCont', 'pfCond', 'etcWelfare', 'selMthd'] as const;

const PHONE = /^(0\d{1,2}-\d{3,4}-\d{4}|1\d{3}-\d{4})$/;
const LEVEL3 = new Set(OCCUPATIONS.filter((o) => o.level === 3).map((o) => o.code));

function text(raw: Record<string, unknown>, name: string, max: number): string {
  const v = raw[name];
  return typeof v === 'string'
    ? v
        .replace(/\r\n/g, '\n')
        .trim()
        .slice(0, max + 1)
    : '';
}

function won(value: string): number | null {
  const digits = value.replace(/[,\s원]/g, '');
  return /^\d{1,10}$/.test(digits) ? Number(digits) : null;
}

export function emptyPostingForm(): PostingFormValues {
  const v = Object.fromEntries(POSTING_FIELDS.map((f) => [f, ''])) as PostingFormValues;
  return {
    ...v,
    salTpCd: 'M',
    workHoursPerDay: '8',
    workHoursPerWeek: '40',
    holidayTpCd: '1',
    minEdubg: '00',
    career: 'Z',
    empTpCd: '10',
    collectPsncnt: '1',
    selMthd: '서류 > 면접',
    rcptMthd: '일터 입사 지원',
  };
}

export function postingFormValues(p: PostingContent): PostingFormValues {
  return {
    title: p.title,
    jobsCd: p.jobsCd,
    salTpCd: p.salTpCd,
    minSal: String(p.minSal),
    maxSal: String(p.maxSal),
    workHoursPerDay: String(p.workHoursPerDay),
    workHoursPerWeek: String(p.workHoursPerWeek),
    holidayTpCd: p.holidayTpCd,
    regionCd: p.regionCd,
    zipCd: p.zipCd,
    basicAddr: p.basicAddr,
    detailAddr: p.detailAddr,
    minEdubg: p.minEdubg,
    career: p.career,
    minCareerMonths: String(p.minCareerMonths),
    empTpCd: p.empTpCd,
    closeDt: p.closeDt ?? '',
    untilFilled: p.closeDt === null ? 'yes' : '',
    jobCont: p.jobCont,
    pfCond: p.pfCond,
    etcWelfare: p.etcWelfare,
    selMthd: p.selMthd,
    rcptMthd: p.rcptMthd,
    collectPsncnt: String(p.collectPsncnt),
    contactName: p.contactName,
    contactTelno: p.contactTelno,
  };
}

type Errors = Record<string, string>;

function required(values: PostingFormValues, errors: Errors, f: keyof PostingFormValues, message: string): void {
  if (!values[f]) errors[f] = message;
}

/** 채용 제목, 직종 and 임금 형태. */
function checkHeading(values: PostingFormValues, errors: Errors): void {
  required(values, errors, 'title', '채용 제목을 적어 주세요.');
  if (values.title && [...values.title].length < 4) errors.title = '채용 제목은 4자 이상으로 적어 주세요.';
  if ([...values.title].length > 60) errors.title = '채용 제목은 60자 이내로 적어 주세요.';
  if (!LEVEL3.has(values.jobsCd)) errors.jobsCd = '모집 직종을 목록에서 골라 주세요.';
  if (!WAGE_TYPES.some((w) => w.code === values.salTpCd)) errors.salTpCd = '임금 형태를 골라 주세요.';
}

/** 소정근로시간 and the wage, which must be at least the minimum wage for its 임금형태 and hours. */
function checkHoursAndWage(values: PostingFormValues, errors: Errors) {
  const perDay = Number(values.workHoursPerDay);
  const perWeek = Number(values.workHoursPerWeek);
  if (!Number.isFinite(perDay) || perDay < 1 || perDay > 8 || perDay * 2 !== Math.round(perDay * 2))
    errors.workHoursPerDay = '1일 소정근로시간은 1~8시간, 30분 단위입니다 (근로기준법 제50조).';
  if (!Number.isFinite(perWeek) || perWeek < 1 || perWeek > 40 || perWeek * 2 !== Math.round(perWeek * 2))
    errors.workHoursPerWeek = '주 소정근로시간은 1~40시간입니다 (근로기준법 제50조).';
  else if (!errors.workHoursPerDay && perWeek < perDay)
    errors.workHoursPerWeek = '주 소정근로시간이 1일 소정근로시간보다 적습니다.';
  const minSal = won(values.minSal);
  const maxSal = values.maxSal === '' ? minSal : won(values.maxSal);
  if (minSal === null) errors.minSal = '최소 임금을 숫자로 적어 주세요. (예: 2,500,000)';
  if (maxSal === null) errors.maxSal = '최대 임금을 숫자로 적거나 비워 두세요.';
  else if (minSal !== null && maxSal < minSal) errors.maxSal = '최대 임금이 최소 임금보다 적습니다.';
  if (minSal !== null && !errors.salTpCd && !errors.workHoursPerDay && !errors.workHoursPerWeek) {
    const type = values.salTpCd as NewPosting['salTpCd'];
    const floor = minimumWage(type, perDay, perWeek);
    if (minSal < floor)
      errors.minSal = `최저임금(2026년 시간급 10,320원) 미만입니다. 이 근로시간의 ${formatWage(type, floor, floor)} 이상으로 적어 주세요 (최저임금법 제6조).`;
  }
  return { perDay, perWeek, minSal, maxSal };
}

/** 근무 형태, 근무지, 학력, 경력 and 고용 형태; returns the minimum 경력 in months (0 unless 경력자). */
function checkPlaceAndConditions(values: PostingFormValues, errors: Errors): number {
  if (!WORK_SCHEDULES.some((w) => w.code === values.holidayTpCd)) errors.holidayTpCd = '근무 형태를 골라 주세요.';
  if (!isRegionCode(values.regionCd) || !sigunguOf(values.regionCd)) errors.regionCd = '근무지 시군구를 골라 주세요.';
  if (!/^\d{5}$/.test(values.zipCd)) errors.zipCd = '우편번호는 숫자 5자리입니다.';
  required(values, errors, 'basicAddr', '근무지 주소를 적어 주세요.');
  if (!EDUCATIONS.some((e) => e.code === values.minEdubg)) errors.minEdubg = '최소 학력을 골라 주세요.';
  if (!CAREERS.some((c) => c.code === values.career)) errors.career = '경력 조건을 골라 주세요.';
  const careerMonths = values.career === 'E' ? Number(values.minCareerMonths) : 0;
  if (values.career === 'E' && (!Number.isInteger(careerMonths) || careerMonths < 1 || careerMonths > 480))
    errors.minCareerMonths = '경력자 모집이면 최소 경력을 1~480개월로 적어 주세요.';
  if (!EMPLOYMENT_TYPES.some((e) => e.code === values.empTpCd)) errors.empTpCd = '고용 형태를 골라 주세요.';
  return careerMonths;
}

/** 마감일: within a year from today, or null for 채용시까지. */
function checkDeadline(values: PostingFormValues, errors: Errors, today: string): string | null {
  if (values.untilFilled === 'yes') return null;
  if (!isIsoDate(values.closeDt)) errors.closeDt = '마감일을 2026-12-31 처럼 적거나 "채용시까지"를 고르세요.';
  else if (values.closeDt < today) errors.closeDt = '마감일이 이미 지났습니다.';
  else if (values.closeDt > addDays(today, 365)) errors.closeDt = '마감일은 1년 안으로 정해 주세요.';
  else return values.closeDt;
  return null;
}

/**
 * 직무 내용, 전형·접수 방법, 모집 인원 and the contact, then every free-text field against the conditions
 * the law forbids; returns the 모집 인원.
 */
function checkTextsAndContact(values: PostingFormValues, errors: Errors): number {
  required(values, errors, 'jobCont', '하는 일(직무 내용)을 적어 주세요.');
  if ([...values.jobCont].length > 3000) errors.jobCont = '직무 내용은 3,000자 이내로 적어 주세요.';
  for (const f of ['pfCond', 'etcWelfare'] as const)
    if ([...values[f]].length > 1000) errors[f] = '1,000자 이내로 적어 주세요.';
  required(values, errors, 'selMthd', '전형 방법을 적어 주세요.');
  required(values, errors, 'rcptMthd', '접수 방법을 적어 주세요.');
  const headcount = Number(values.collectPsncnt);
  if (!Number.isInteger(headcount) || headcount < 1 || headcount > 999)
    errors.collectPsncnt = '모집 인원은 1~999명입니다.';
  required(values, errors, 'contactName', '담당자를 적어 주세요.');
  if (!PHONE.test(values.contactTelno))
    errors.contactTelno = '담당자 전화번호를 02-1234-5678 또는 1588-1234 처럼 적어 주세요.';
  for (const f of CHECKED_FIELDS) {
    const message = unlawfulConditionMessage(values[f]);
    if (message && !errors[f]) errors[f] = message;
  }
  return headcount;
}

export function parsePostingForm(
  raw: Record<string, unknown>,
  today: string,
):
  | { ok: true; value: PostingContent; values: PostingFormValues }
  | { ok: false; errors: Record<string, string>; values: PostingFormValues } {
  const values = Object.fromEntries(
    POSTING_FIELDS.map((f) => [
      f,
      text(raw, f, f === 'jobCont' ? 3000 : f === 'pfCond' || f === 'etcWelfare' ? 1000 : 100),
    ]),
  ) as PostingFormValues;
  const errors: Errors = {};
  // The checks run in the form's order: the error summary lists the messages as they were found.
  checkHeading(values, errors);
  const { perDay, perWeek, minSal, maxSal } = checkHoursAndWage(values, errors);
  const careerMonths = checkPlaceAndConditions(values, errors);
  const closeDt = checkDeadline(values, errors, today);
  const headcount = checkTextsAndContact(values, errors);
  if (Object.keys(errors).length > 0 || minSal === null || maxSal === null) return { ok: false, errors, values };
  return {
    ok: true,
    values,
    value: {
      title: values.title,
      jobsCd: values.jobsCd,
      salTpCd: values.salTpCd as NewPosting['salTpCd'],
      minSal,
      maxSal,
      workHoursPerDay: perDay,
      workHoursPerWeek: perWeek,
      regionCd: values.regionCd,
      holidayTpCd: values.holidayTpCd as NewPosting['holidayTpCd'],
      minEdubg: values.minEdubg as NewPosting['minEdubg'],
      career: values.career as NewPosting['career'],
      minCareerMonths: careerMonths,
      empTpCd: values.empTpCd as NewPosting['empTpCd'],
      closeDt,
      zipCd: values.zipCd,
      basicAddr: values.basicAddr,
      detailAddr: values.detailAddr,
      jobCont: values.jobCont,
      pfCond: values.pfCond,
      etcWelfare: values.etcWelfare,
      selMthd: values.selMthd,
      rcptMthd: values.rcptMthd,
      collectPsncnt: headcount,
      contactTelno: values.contactTelno,
      contactName: values.contactName,
    },
  };
}
