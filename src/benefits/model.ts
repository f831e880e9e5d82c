/**
 * What a 구직급여 claim is, as the service stores and returns it: the claim, its 실업인정 차수, their
 * 재취업활동 and ledger rows, and the fixed codes a decision or a date change is given (pure).
 */
import { ageOn } from '../shared/dates.ts';
import type { ClaimantProfile } from './activities.ts';
import type { LedgerEvent } from './ledger.ts';
import type { ActivityKind } from './rules.ts';

export interface Claim extends Record<string, unknown> {
  id: number;
  claimantId: number;
  claimantName: string;
  centreCode: string;
  centreName: string;
  status: 'submitted' | 'approved' | 'rejected';
  filedAt: string;
  reportDate: string;
  companyName: string;
  separationDate: string;
  separationReason: string;
  justifiedReason: string | null;
  insuredMonths: number;
  insuredUnitDays: number;
  averageDailyWage: number;
  ordinaryDailyWage: number | null;
  dailyHours: number;
  disabled: boolean;
  birthDate: string;
  repeatClaimant: boolean;
  ruleVersion: string;
  dailyAmount: number;
  benefitDays: number;
  benefitPeriodEnd: string;
  decidedAt: string | null;
  decisionCode: string | null;
  decisionNote: string | null;
  firstRecognitionDate: string | null;
  cycleDays: number | null;
  planningNote: string;
  personalChangeUsed: boolean;
  version: number;
  /** Where the facts came from: 'records' (src/insurance/claim-facts.ts) or 'typed'. */
  factsSource: 'records' | 'typed';
  /** For 'records': each fact with its source and the claimant's 확인 or 이의 (apply-service.ts). */
  recordFacts: unknown;
  paidDays: number;
  totalPaid: number;
}

export interface Recognition extends Record<string, unknown> {
  id: number;
  seq: number;
  nominalDate: string;
  scheduledDate: string;
  movedBecause: string | null;
  periodStart: string;
  periodEnd: string;
  status: 'scheduled' | 'filed' | 'confirmed' | 'rejected';
  filedAt: string | null;
  workedOrEarned: boolean | null;
  decisionNote: string | null;
  paidDays: number | null;
  amount: number | null;
}

export interface Activity extends Record<string, unknown> {
  recognitionId: number;
  kind: ActivityKind;
  date: string;
  organisation: string;
  description: string;
}

export interface LedgerRow extends Record<string, unknown> {
  id: number;
  at: string;
  actorName: string | null;
  actorKind: string | null;
  event: LedgerEvent['event'];
  details: Record<string, unknown>;
  days: number | null;
  amount: number | null;
}

export const REJECTION_CODES = {
  R01: '피보험단위기간 부족 (이직 전 18개월 180일 미만)',
  R02: '수급자격 제한 사유 (자발적 이직·중대한 귀책 사유)',
  R03: '근로 의사 또는 능력이 없음',
  R04: '신고 내용이 사실과 다름',
  R05: '수급기간 경과',
} as const;

/** Why a 실업인정일 moves. Only 'personal' uses the once-per-claim allowance. */
export const CHANGE_KINDS = {
  personal: '개인 사정 (수급 기간 중 1회)',
  illness: '질병·부상',
  interview: '면접 등 구직 활동',
  training: '직업훈련 수강',
  disaster: '천재지변·대규모 재난',
  family: '가족의 사망 등 불가피한 사유',
  outage: '전산 장애로 인한 일정 조정 (불이익 없음)',
} as const;
export type ChangeKind = keyof typeof CHANGE_KINDS;

export const RECOGNITION_REJECTIONS = {
  N01: '재취업활동 요건 미충족',
  N02: '취업 또는 근로 사실 확인',
  N03: '활동 증빙 확인 불가',
} as const;

export function profileOf(
  claim: Pick<Claim, 'birthDate' | 'separationDate' | 'disabled' | 'repeatClaimant'>,
): ClaimantProfile {
  return {
    age: ageOn(claim.birthDate, claim.separationDate),
    disabled: claim.disabled,
    repeatClaimant: claim.repeatClaimant,
  };
}
