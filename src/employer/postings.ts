/**
 * The rules of an employer's own postings that need no data (pure): the 구인인증번호 of a new one, the
 * status labels, and the copy a 다시 올리기 starts from.
 */
import { createHash } from 'node:crypto';
import { addDays, daysBetween } from '../shared/dates.ts';
import { type PostingContent, type PostingFormValues, postingFormValues } from './posting-form.ts';

export const STATUS = { open: '접수 중', paused: '일시 중지', closed: '마감' } as const;
export type PostingStatus = keyof typeof STATUS;

export const DEADLINE_PASSED = '마감일이 지난 공고는 다시 열 수 없습니다. 마감일을 고치거나 다시 올려 주세요.';

/** The label of a posting's status, or the status itself when it is none of the three. */
export const statusLabel = (status: string): string => STATUS[status as PostingStatus] ?? status;

/** 구인인증번호 for an employer's posting: E + YYMMDD + 9 characters from the company and form key. */
export function postingNumber(companyId: number, key: string, today: string): string {
  const digest = createHash('sha256').update(`${companyId}:${key}`).digest('hex').slice(0, 12);
  return `E${today.slice(2).replaceAll('-', '')}${BigInt(`0x${digest}`).toString(36).toUpperCase().padStart(9, '0').slice(-9)}`;
}

/** Reopening a posting whose deadline has passed is refused; the other moves always may be made. */
export function reopenRefused(status: PostingStatus, closeDt: string | null, today: string): boolean {
  return status === 'open' && closeDt !== null && closeDt < today;
}

/**
 * The form a 다시 올리기 is checked as: the old posting's content, open for as long as the old one
 * was (at least 7 days) from today, or 채용시까지 when it had no deadline.
 */
export function repostForm(
  posting: PostingContent & { regDt: string; closeDt: string | null },
  today: string,
): PostingFormValues {
  const duration = posting.closeDt ? Math.max(7, daysBetween(posting.regDt, posting.closeDt)) : null;
  return {
    ...postingFormValues(posting),
    closeDt: duration === null ? '' : addDays(today, duration),
    untilFilled: duration === null ? 'yes' : '',
  };
}
