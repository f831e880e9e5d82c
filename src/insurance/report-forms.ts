/**
 * The 피보험자격 취득·상실 신고 forms and their 정정, read and checked (pure): Korean messages by field,
 * or the values to file. The 주민등록번호 is checked here and handed on only to be hashed and masked;
 * it is never part of what a form shows again (typedReportForm leaves it out).
 */

import { occupationOf } from '../reference/occupations.ts';
import { isIsoDate } from '../shared/dates.ts';
import { formText } from '../web/forms.ts';
import { lossCodeError } from './codes.ts';
import { normalizeRrn, rrnError } from './person.ts';

export type Errors = Record<string, string>;

export interface AcquireValues {
  personName: string;
  acquiredOn: string;
  monthlyWage: number;
  dailyHours: number;
  occupationCd: string;
}

export interface LoseValues {
  lostOn: string;
  lossCode: string;
  lossSubCode: string;
  lossReason: string;
  monthlyWage: number;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Errors };

/** The fields each form has (what typedReportForm keeps). */
export const ACQUIRE_FIELDS = ['personName', 'acquiredOn', 'monthlyWage', 'dailyHours', 'occupationCd'] as const;
export const LOSE_FIELDS = ['worker', 'lostOn', 'loss', 'lossReason', 'monthlyWage'] as const;

/** '2026-03-02', not after today (a 신고 is of what happened). */
export function dateError(raw: string, label: string, today: string): string | null {
  if (raw === '') return `${label}을 적어 주세요 (예: 2026-03-02).`;
  if (!isIsoDate(raw)) return `${label}은 2026-03-02 형식으로 적어 주세요.`;
  if (raw > today) return `${label}이 오늘(${today})보다 늦습니다. 이미 지난 날짜만 신고할 수 있습니다.`;
  return null;
}

/** 월평균보수 in 원: '2,500,000' or '2500000원'. */
export function wageOf(raw: string): number | string {
  if (raw === '') return '월평균보수를 원 단위 숫자로 적어 주세요 (예: 2500000).';
  const n = Number(raw.replace(/[,\s원]/g, ''));
  if (!Number.isInteger(n) || n <= 0 || n > 1_000_000_000)
    return '월평균보수는 1원 이상 10억 원 이하의 숫자로 적어 주세요.';
  return n;
}

/**
 * 1일 소정근로시간: up to 8 (근로기준법 제50조 ②: 1일의 근로시간은 휴게시간을 제외하고 8시간을 초과할
 * 수 없다), in steps of 0.5 as 4.5.
 */
export function hoursOf(raw: string): number | string {
  if (raw === '') return '1일 소정근로시간을 적어 주세요 (예: 8).';
  const n = Number(raw.replace(/\s|시간/g, ''));
  if (!Number.isFinite(n) || n < 0.5 || n > 8 || Math.round(n * 2) !== n * 2)
    return '1일 소정근로시간은 0.5시간 단위로 0.5부터 8까지 적어 주세요 (근로기준법 제50조 제2항).';
  return n;
}

/** A KECO 소분류 code (src/reference/occupations.ts), e.g. '133'. */
export function occupationError(raw: string): string | null {
  if (raw === '') return '직종을 골라 주세요.';
  return occupationOf(raw)?.level === 3
    ? null
    : '직종은 한국고용직업분류 소분류 코드(숫자 3자리, 예: 133)로 골라 주세요.';
}

export function nameError(raw: string): string | null {
  if (raw === '') return '성명을 적어 주세요.';
  if ([...raw].length > 50) return '성명은 50자 이내로 적어 주세요.';
  return null;
}

/** The 취득 신고 (or, without `rrn`, its 정정): the worker's values as checked. */
export function parseAcquire(body: unknown, today: string, withRrn: boolean): Parsed<AcquireValues> & { rrn?: string } {
  const errors: Errors = {};
  const personName = formText(body, 'personName', 60);
  const acquiredOn = formText(body, 'acquiredOn', 20);
  const occupationCd = formText(body, 'occupationCd', 10);
  const nameErr = nameError(personName);
  if (nameErr) errors.personName = nameErr;
  let rrn: string | undefined;
  if (withRrn) {
    const raw = formText(body, 'rrn', 30);
    const err = rrnError(raw);
    if (err) errors.rrn = err;
    else rrn = normalizeRrn(raw) ?? undefined;
  }
  const dateErr = dateError(acquiredOn, '취득일', today);
  if (dateErr) errors.acquiredOn = dateErr;
  const wage = wageOf(formText(body, 'monthlyWage', 20));
  if (typeof wage === 'string') errors.monthlyWage = wage;
  const hours = hoursOf(formText(body, 'dailyHours', 10));
  if (typeof hours === 'string') errors.dailyHours = hours;
  const occErr = occupationError(occupationCd);
  if (occErr) errors.occupationCd = occErr;
  if (Object.keys(errors).length > 0 || typeof wage === 'string' || typeof hours === 'string')
    return { ok: false, errors };
  return { ok: true, value: { personName, acquiredOn, monthlyWage: wage, dailyHours: hours, occupationCd }, rrn };
}

/** '11|1' from the 상실사유 select → code and sub-code. */
export function splitLoss(raw: string): { code: string; subCode: string } {
  const [code = '', subCode = ''] = raw.split('|');
  return { code, subCode };
}

/** The 상실 신고 (or its 정정): when, why (code, sub-code, the concrete reason) and the year's 월평균보수. */
export function parseLose(body: unknown, today: string): Parsed<LoseValues> {
  const errors: Errors = {};
  const lostOn = formText(body, 'lostOn', 20);
  const { code, subCode } = splitLoss(formText(body, 'loss', 20));
  const lossReason = formText(body, 'lossReason', 600);
  const dateErr = dateError(lostOn, '상실일', today);
  if (dateErr) errors.lostOn = dateErr;
  const lossErr = code === '' ? '상실사유를 골라 주세요.' : lossCodeError(code, subCode);
  if (lossErr) errors.loss = lossErr;
  if (lossReason === '') errors.lossReason = '구체적 사유를 적어 주세요 (예: 계약기간 만료로 퇴사).';
  else if ([...lossReason].length > 500) errors.lossReason = '구체적 사유는 500자 이내로 적어 주세요.';
  const wage = wageOf(formText(body, 'monthlyWage', 20));
  if (typeof wage === 'string') errors.monthlyWage = wage;
  if (Object.keys(errors).length > 0 || typeof wage === 'string') return { ok: false, errors };
  return { ok: true, value: { lostOn, lossCode: code, lossSubCode: subCode, lossReason, monthlyWage: wage } };
}

/** What was typed, to fill the form again — never the 주민등록번호. */
export function typedReportForm(body: unknown, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, formText(body, f, 600)]));
}
