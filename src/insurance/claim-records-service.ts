/**
 * A claimant's 고용보험 records beside their claim, for the counsellor's review page: every workplace with
 * 취득·상실, 상실사유 and 보수 (from the events of the claimant's verified person hash only), the newest
 * 이직확인서, and the flags (claim-records.ts). Before the claimant's 본인확인 nothing joins the claim to
 * a person, so nothing is shown.
 */
import type { Database } from '../db/index.ts';
import { type CertificateLine, type ClaimedPeriod, claimFlags, type RecordFlag } from './claim-records.ts';
import { newestCertificate } from './claim-records-store.ts';
import { type InsuredStint, insuredHistory } from './person-history.ts';
import { personEvents } from './person-store.ts';
import { findVerification } from './verify-store.ts';

export type ClaimRecords =
  | { verified: false }
  | {
      verified: true;
      verifiedAt: string;
      stints: InsuredStint[];
      certificate: CertificateLine | null;
      flags: RecordFlag[];
    };

export interface ClaimForRecords {
  claimantId: number;
  separationDate: string;
  separationReason: string;
}

/** The records and flags of this claim's claimant; `claimed`: the periods filed or paid (claimedPeriods). */
export async function claimRecords(
  database: Database,
  claim: ClaimForRecords,
  claimed: readonly ClaimedPeriod[],
): Promise<ClaimRecords> {
  const verification = await findVerification(database, claim.claimantId);
  if (!verification) return { verified: false };
  const [events, certificate] = await Promise.all([
    personEvents(database, verification.personHash),
    newestCertificate(database, verification.personHash),
  ]);
  const stints = insuredHistory(events);
  return {
    verified: true,
    verifiedAt: verification.verifiedAt,
    stints,
    certificate,
    flags: claimFlags({
      stints,
      certificate,
      separationDate: claim.separationDate,
      separationReason: claim.separationReason,
      claimed,
    }),
  };
}

/** What the audit row of the look keeps of it: which reports and 이직확인서 were shown, and the flags. */
export function recordsAuditDetails(records: ClaimRecords): Record<string, string | number | boolean | null> {
  if (!records.verified) return { insuranceRecords: 'not-verified' };
  return {
    insuranceRecords: records.stints.flatMap((s) => s.reportIds).join(',') || 'none',
    certificate: records.certificate?.id ?? null,
    flags: records.flags.map((f) => f.kind).join(',') || 'none',
  };
}
