/**
 * Code tables for job postings, following the WorkNet (워크넷) Open API's codes
 * where it has them. Labels are Korean first; English for the English UI.
 */

export interface Code<C extends string = string> {
  code: C;
  label: string;
  labelEn: string;
}

/** 임금형태 (salTpCd): H 시급, D 일급, M 월급, Y 연봉. */
export const WAGE_TYPES = [
  { code: 'H', label: '시급', labelEn: 'Hourly' },
  { code: 'D', label: '일급', labelEn: 'Daily' },
  { code: 'M', label: '월급', labelEn: 'Monthly' },
  { code: 'Y', label: '연봉', labelEn: 'Annual' },
] as const satisfies readonly Code[];
export type WageType = (typeof WAGE_TYPES)[number]['code'];

/** 고용형태 (empTpCd) as in the WorkNet Open API. */
export const EMPLOYMENT_TYPES = [
  { code: '10', label: '기간의 정함이 없는 근로계약', labelEn: 'Permanent' },
  { code: '11', label: '기간의 정함이 없는 근로계약(시간(선택)제)', labelEn: 'Permanent, part-time' },
  { code: '20', label: '기간의 정함이 있는 근로계약', labelEn: 'Fixed-term' },
  { code: '21', label: '기간의 정함이 있는 근로계약(시간(선택)제)', labelEn: 'Fixed-term, part-time' },
  { code: '4', label: '파견근로', labelEn: 'Dispatched' },
  { code: '3', label: '대체인력채용', labelEn: 'Replacement staff' },
] as const satisfies readonly Code[];
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number]['code'];

/** 경력 (career): N 신입, E 경력, Z 관계없음. */
export const CAREERS = [
  { code: 'N', label: '신입', labelEn: 'Entry level' },
  { code: 'E', label: '경력', labelEn: 'Experienced' },
  { code: 'Z', label: '관계없음', labelEn: 'Any' },
] as const satisfies readonly Code[];
export type Career = (typeof CAREERS)[number]['code'];

/** 최소학력 (minEdubg). Ordered: a higher code is a higher requirement. */
export const EDUCATIONS = [
  { code: '00', label: '학력무관', labelEn: 'Any' },
  { code: '01', label: '초졸이하', labelEn: 'Elementary school' },
  { code: '02', label: '중졸', labelEn: 'Middle school' },
  { code: '03', label: '고졸', labelEn: 'High school' },
  { code: '04', label: '대졸(2~3년)', labelEn: 'College (2–3 yr)' },
  { code: '05', label: '대졸(4년)', labelEn: "Bachelor's" },
  { code: '06', label: '석사', labelEn: "Master's" },
  { code: '07', label: '박사', labelEn: 'Doctorate' },
] as const satisfies readonly Code[];
export type Education = (typeof EDUCATIONS)[number]['code'];

/** 근무형태 (holidayTpNm). */
export const WORK_SCHEDULES = [
  { code: '1', label: '주5일근무', labelEn: '5 days a week' },
  { code: '2', label: '주6일근무', labelEn: '6 days a week' },
  { code: '3', label: '주3일근무', labelEn: '3 days a week' },
  { code: '4', label: '주4일근무', labelEn: '4 days a week' },
  { code: '5', label: '격주 토요근무', labelEn: 'Alternate Saturdays' },
  { code: '6', label: '교대근무', labelEn: 'Shift work' },
  { code: '9', label: '기타', labelEn: 'Other' },
] as const satisfies readonly Code[];
export type WorkSchedule = (typeof WORK_SCHEDULES)[number]['code'];

/** 2026 최저임금 (고용노동부 고시 제2025-41호): 10,320원/h. */
export const MINIMUM_WAGE_2026_HOURLY = 10_320;

export function labelOf<C extends string>(table: readonly Code<C>[], code: string, lang: 'ko' | 'en' = 'ko'): string {
  const entry = table.find((e) => e.code === code);
  if (!entry) return code;
  return lang === 'en' ? entry.labelEn : entry.label;
}
