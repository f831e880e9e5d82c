/** 입사지원 statuses: their labels, and who may move an application from which to which (pure). */

export const APPLICATION_STATUS = {
  received: '접수',
  viewed: '열람',
  passed: '서류합격',
  interview: '면접',
  hired: '합격',
  rejected: '불합격',
  withdrawn: '취소',
} as const;
export type ApplicationStatus = keyof typeof APPLICATION_STATUS;
/** Statuses an employer may set (열람 is set by opening the resume; 취소 only by the applicant). */
export const EMPLOYER_STATUSES = ['passed', 'interview', 'hired', 'rejected'] as const;
export type EmployerStatus = (typeof EMPLOYER_STATUSES)[number];

/** Where the applicant may still withdraw from. */
export const WITHDRAWABLE_FROM: readonly ApplicationStatus[] = ['received', 'viewed'];
/** Where an employer may move an applicant on from (합격 and 불합격 end the 전형). */
export const MOVABLE_FROM: readonly ApplicationStatus[] = ['received', 'viewed', 'passed', 'interview'];

export const isEmployerStatus = (s: string): s is EmployerStatus =>
  (EMPLOYER_STATUSES as readonly string[]).includes(s);
export const canWithdraw = (s: ApplicationStatus): boolean => WITHDRAWABLE_FROM.includes(s);
/** 합격 or 불합격: the 전형 is over, the status cannot change any more. */
export const isFinal = (s: ApplicationStatus): boolean => s === 'hired' || s === 'rejected';
