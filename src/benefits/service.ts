/**
 * 구직급여 claims in the database: filing (exactly once per idempotency key), the counsellor's
 * decision and schedule, 실업인정 filing with 재취업활동, confirmation into payment lines, and the
 * ledger every step writes to. Figures come from the pure calculators; the service only stores and
 * sequences them. Its parts: claim-service (신청, 인정/불인정, ledger), recognition-service (실업인정
 * 신청), payment-service (the counsellor's 실업인정 decision), schedule-service (moving 실업인정일);
 * the SQL is in store.ts.
 */
import { seoulToday } from '../shared/dates.ts';
import { type BenefitsDeps, createClaimService } from './claim-service.ts';
import { createPaymentService } from './payment-service.ts';
import { createRecognitionService } from './recognition-service.ts';
import { createScheduleService } from './schedule-service.ts';

export type { BenefitsDeps, FileClaimInput } from './claim-service.ts';
export {
  type Activity,
  CHANGE_KINDS,
  type ChangeKind,
  type Claim,
  type LedgerRow,
  profileOf,
  RECOGNITION_REJECTIONS,
  REJECTION_CODES,
  type Recognition,
} from './model.ts';
export { type MovePlan, planMove } from './move.ts';

export function createBenefitsService(deps: BenefitsDeps) {
  return {
    today: () => seoulToday(deps.now()),
    ...createClaimService(deps),
    ...createRecognitionService(deps),
    ...createPaymentService(deps),
    ...createScheduleService(deps),
  };
}

export type BenefitsService = ReturnType<typeof createBenefitsService>;
