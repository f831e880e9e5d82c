import { occupationLabel } from '../../reference/occupations.ts';
import { regionName } from '../../reference/regions.ts';
import { daysBetween, formatKoreanDate } from '../../shared/dates.ts';
import { CAREERS, EDUCATIONS, EMPLOYMENT_TYPES, labelOf } from '../codes.ts';

export function careerText(career: string, minCareerMonths: number): string {
  if (career === 'E' && minCareerMonths > 0) {
    const years = Math.floor(minCareerMonths / 12);
    const months = minCareerMonths % 12;
    return `경력 ${years > 0 ? `${years}년` : ''}${months > 0 ? ` ${months}개월` : ''} 이상`.replace('  ', ' ');
  }
  return labelOf(CAREERS, career);
}

export const educationText = (code: string) => labelOf(EDUCATIONS, code);
export const employmentText = (code: string) => labelOf(EMPLOYMENT_TYPES, code);
export const regionText = (code: string) => regionName(code) || code;
export const occupationText = (code: string) => occupationLabel(code) || code;

export interface Deadline {
  label: string;
  /** open: still accepting; soon: closes within 3 days; closed. */
  state: 'open' | 'soon' | 'closed' | 'until-filled';
}

/** '채용시까지', '오늘 마감', 'D-3', '마감' relative to today (Seoul). */
export function deadline(closeDt: string | null, today: string): Deadline {
  if (!closeDt) return { label: '채용시까지', state: 'until-filled' };
  const days = daysBetween(today, closeDt);
  if (days < 0) return { label: '마감', state: 'closed' };
  if (days === 0) return { label: '오늘 마감', state: 'soon' };
  return { label: `D-${days}`, state: days <= 3 ? 'soon' : 'open' };
}

export function closeDateText(closeDt: string | null): string {
  return closeDt ? formatKoreanDate(closeDt) : '채용시까지';
}

/** 사업자등록번호 123-45-67890 */
export function formatBusino(busino: string): string {
  return /^\d{10}$/.test(busino) ? `${busino.slice(0, 3)}-${busino.slice(3, 5)}-${busino.slice(5)}` : busino;
}
