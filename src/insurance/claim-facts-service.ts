/**
 * A claim's facts from the 고용보험 records, for the 수급자격 신청 (src/benefits/apply-service.ts): the
 * verified person's records read and assembled (claim-facts.ts); with no 이직확인서 yet, the employer
 * asked for it (a certificate_requests row due on certificateDueOn, 고용보험법 제42조 제3항) and the
 * counsellors' list of who is waiting on which employer.
 */
import type { Database } from '../db/index.ts';
import type { Actor } from '../identity/audit.ts';
import { auditBy } from '../identity/audit.ts';
import { seoulToday } from '../shared/dates.ts';
import { type ClaimRecords, claimRecords } from './claim-facts.ts';
import {
  approvedSeparations,
  certificatesOf,
  maskedOf,
  requestCertificate,
  type WaitingClaim,
  type WaitRequest,
  waitingClaims,
  waitRequestFor,
} from './claim-facts-store.ts';
import { certificateDueOn } from './deadlines.ts';
import { insuredHistory } from './person-history.ts';
import { personEvents } from './person-store.ts';
import { findVerification } from './verify-store.ts';

type Db = Pick<Database, 'query'>;

export type ClaimReading =
  | { verified: false }
  | { verified: true; personHash: string; records: ClaimRecords; waitRequest: WaitRequest | undefined };

/** The account's records as a claim reads them; `verified: false` before 본인확인. */
export async function readClaimRecords(db: Db, accountId: number): Promise<ClaimReading> {
  const verification = await findVerification(db as Database, accountId);
  if (!verification) return { verified: false };
  const { personHash } = verification;
  const [events, certificates, prior, masked] = await Promise.all([
    personEvents(db as Database, personHash),
    certificatesOf(db, personHash),
    approvedSeparations(db, accountId),
    maskedOf(db, personHash),
  ]);
  const records = claimRecords({
    stints: insuredHistory(events),
    certificates,
    priorPaidSeparations: prior,
    personMasked: masked,
  });
  const waitRequest =
    records.state === 'waiting' || records.state === 'ready'
      ? await waitRequestFor(db, {
          personHash,
          workplaceId: records.workplace.workplaceId,
          separationDate: records.state === 'waiting' ? records.separationDate : records.claim.separationDate,
        })
      : undefined;
  return { verified: true, personHash, records, waitRequest };
}

/**
 * Asks the last employer for the 이직확인서 (once per separation: a repeat finds the first request), as
 * this request's command; returns the request with its due date.
 */
export async function askForCertificate(
  db: Database,
  actor: Actor,
  reading: Extract<ClaimReading, { verified: true }> & { records: Extract<ClaimRecords, { state: 'waiting' }> },
  now: Date,
): Promise<WaitRequest> {
  const today = seoulToday(now);
  const request = await requestCertificate(db, {
    accountId: actor.id,
    personHash: reading.personHash,
    workplaceId: reading.records.workplace.workplaceId,
    separationDate: reading.records.separationDate,
    dueOn: certificateDueOn(today),
    at: now,
  });
  await auditBy(db, actor, 'benefits.certificate.request', {
    target: { type: 'certificate_request', id: request.id },
    details: { workplaceId: reading.records.workplace.workplaceId, dueOn: request.dueOn },
  });
  return request;
}

/** Claimants of this centre (every centre: null) waiting for an 이직확인서, oldest due first. */
export function listWaiting(db: Db, centreCode: string | null): Promise<WaitingClaim[]> {
  return waitingClaims(db, centreCode);
}
