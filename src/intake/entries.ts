/** What a journaled submission carries, by kind, and where its citizen follows it. */
import type { ClaimFacts } from '../benefits/calculate.ts';
import type { BenefitsService } from '../benefits/service.ts';
import type { JournalEntry } from './journal.ts';

export interface RecognitionPayload {
  claimId: number;
  seq: number;
  workedOrEarned: boolean;
  activities: Parameters<BenefitsService['fileRecognition']>[3]['activities'];
}

export type ReceiptState =
  | { status: 'pending'; receipt: string; receivedAt: string; link: string }
  | { status: 'applied' | 'review'; receipt: string; receivedAt: string; message: string; link: string };

/** A 입사지원 taken during the outage: the posting by its 구인인증번호 and the chosen resume. */
export interface ApplicationPayload {
  wantedAuthNo: string;
  resumeId: number;
}

/** A 수급자격 신청 taken during the outage, with its 실업신고일 (the day it was received). */
export interface ClaimPayload {
  centreCode: string;
  companyName: string;
  facts: ClaimFacts;
  reportDate: string;
}

export type EntryKind = 'recognition' | 'application' | 'claim';
export type Payload = RecognitionPayload | ApplicationPayload | ClaimPayload;
export type Entry = JournalEntry<Payload>;

export const linkOf = (e: { kind: string; payload: unknown }) =>
  e.kind === 'application'
    ? '/my/applications'
    : e.kind === 'claim'
      ? '/benefits'
      : `/benefits/claims/${(e.payload as RecognitionPayload).claimId}`;
