/** 이력서 form: validation (pure), Korean messages, input kept as typed. */
import { maskPersonalNumbers } from '../identity/rules.ts';
import { EDUCATIONS } from '../jobs/codes.ts';
import { normaliseYearMonth } from '../shared/dates.ts';
import { formatNumber, josa } from '../shared/korean.ts';

export const CAREER_ROWS = 3;

export interface Career {
  company: string;
  role: string;
  from: string;
  to: string;
}

export interface ResumeInput {
  title: string;
  education: string;
  school: string;
  careers: Career[];
  certificates: string;
  skills: string;
  introduction: string;
  isPublic: boolean;
}

export type ResumeValues = Record<string, string>;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function text(raw: Record<string, unknown>, name: string, max: number): string {
  const v = raw[name];
  return typeof v === 'string'
    ? v
        .replace(/\r\n/g, '\n')
        .trim()
        .slice(0, max + 1)
    : '';
}

export function parseResume(
  raw: Record<string, unknown>,
  thisMonth: string,
):
  | { ok: true; value: ResumeInput; values: ResumeValues }
  | { ok: false; errors: Record<string, string>; values: ResumeValues } {
  const values: ResumeValues = {
    title: text(raw, 'title', 60),
    education: text(raw, 'education', 2),
    school: text(raw, 'school', 60),
    certificates: text(raw, 'certificates', 500),
    skills: text(raw, 'skills', 500),
    introduction: text(raw, 'introduction', 2000),
    isPublic: text(raw, 'isPublic', 3),
  };
  for (let i = 0; i < CAREER_ROWS; i++)
    for (const f of ['company', 'role', 'from', 'to']) values[`${f}${i}`] = text(raw, `${f}${i}`, 60);
  const errors: Record<string, string> = {};
  if (!values.title) errors.title = '이력서 제목을 적어 주세요. (예: 물류 관리 경력 5년)';
  else if ([...(values.title ?? '')].length > 60) errors.title = '이력서 제목은 60자 이내로 적어 주세요.';
  if (!EDUCATIONS.some((e) => e.code === values.education)) errors.education = '최종 학력을 골라 주세요.';
  for (const [field, max, label] of [
    ['certificates', 500, '자격증'],
    ['skills', 500, '보유 기술'],
    ['introduction', 2000, '자기소개서'],
  ] as const)
    if ([...(values[field] ?? '')].length > max)
      errors[field] = `${josa(label, '은/는')} ${formatNumber(max)}자 이내로 적어 주세요.`;
  const careers: Career[] = [];
  for (let i = 0; i < CAREER_ROWS; i++) {
    const c = {
      company: values[`company${i}`] ?? '',
      role: values[`role${i}`] ?? '',
      from: normaliseYearMonth(values[`from${i}`] ?? '') ?? values[`from${i}`] ?? '',
      to: normaliseYearMonth(values[`to${i}`] ?? '') ?? values[`to${i}`] ?? '',
    };
    if (!c.company && !c.role && !c.from && !c.to) continue;
    if (!c.company) errors[`company${i}`] = `경력 ${i + 1}의 회사 이름을 적어 주세요.`;
    if (!MONTH.test(c.from)) errors[`from${i}`] = `경력 ${i + 1}의 시작 연월을 2021.03 처럼 적어 주세요.`;
    else if (c.from > thisMonth) errors[`from${i}`] = `경력 ${i + 1}의 시작 연월이 앞으로의 날입니다.`;
    if (c.to && !MONTH.test(c.to))
      errors[`to${i}`] = `경력 ${i + 1}의 끝 연월을 2024.12 처럼 적거나, 재직 중이면 비워 두세요.`;
    else if (c.to && MONTH.test(c.from) && c.to < c.from)
      errors[`to${i}`] = `경력 ${i + 1}의 끝 연월이 시작보다 앞섭니다.`;
    careers.push(c);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  const mask = maskPersonalNumbers;
  return {
    ok: true,
    values,
    value: {
      title: mask(values.title ?? ''),
      education: values.education ?? '00',
      school: mask(values.school ?? ''),
      careers: careers.map((c) => ({ ...c, company: mask(c.company), role: mask(c.role) })),
      certificates: mask(values.certificates ?? ''),
      skills: mask(values.skills ?? ''),
      introduction: mask(values.introduction ?? ''),
      isPublic: values.isPublic === 'yes',
    },
  };
}

/** Months of experience over all careers (a current job counts up to this month). */
export function careerMonths(careers: readonly Career[], thisMonth: string): number {
  const toIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  return careers.reduce((sum, c) => sum + Math.max(0, toIndex(c.to || thisMonth) - toIndex(c.from) + 1), 0);
}
