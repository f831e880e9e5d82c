/**
 * The person's side of the 고용보험 records: after 본인확인 (verify-service.ts) their own 피보험자격 이력
 * — from the events of their verified person hash only — and the 피보험자격 확인 청구 of one record
 * (고용보험법 제17조 ①: a 피보험자 or former 피보험자 may ask 고용노동부장관 at any time to confirm
 * the acquisition or loss of 피보험자격), which a counsellor decides (dispute-service.ts).
 */
// UNCONFIRMED: the wording of 제17조 ① ("언제든지 … 확인을 청구할 수 있다") is from memory and the issue;
// searched "고용보험법 제17조 피보험자격에 관한 확인 청구" (pages, docs) without finding the text.
import type { Database } from '../db/index.ts';
import type { Actor } from '../identity/audit.ts';
import { auditBy } from '../identity/audit.ts';
import { UserError } from '../web/errors.ts';
import { createDisputeDesk } from './dispute-service.ts';
import { type InsuredStint, insuredHistory } from './person-history.ts';
import { type DisputeRow, disputesOf, insertDispute, personEvents } from './person-store.ts';
import type { Verifier } from './verify-provider.ts';
import { createVerifyService } from './verify-service.ts';
import { findVerification, type VerificationRow } from './verify-store.ts';

export interface PersonDeps {
  database: Database;
  verifier: Verifier;
  now: () => Date;
}

/** A stint as the person sees it: with the 확인 청구 filed on it, latest first. */
export interface MyRecord extends InsuredStint {
  disputes: DisputeRow[];
}

export const recordNotFound = () => new UserError(404, 'NOT_FOUND', '요청하신 고용보험 기록을 찾을 수 없습니다.');

export const notVerified = () =>
  new UserError(403, 'NOT_VERIFIED', '고용보험 기록을 보려면 먼저 본인확인을 해 주세요.');

function personReads(deps: PersonDeps) {
  const { database } = deps;

  /** This account's verified person's stints; null before 본인확인. */
  const records = async (accountId: number): Promise<{ verification: VerificationRow; records: MyRecord[] } | null> => {
    const verification = await findVerification(database, accountId);
    if (!verification) return null;
    const [events, disputes] = await Promise.all([
      personEvents(database, verification.personHash),
      disputesOf(database, accountId),
    ]);
    const stints = insuredHistory(events);
    return {
      verification,
      records: stints.map((s) => ({ ...s, disputes: disputes.filter((d) => s.reportIds.includes(d.eventId)) })),
    };
  };

  /** One of this account's own records, by the id in the URL; another person's is not found. */
  const myRecord = async (accountId: number, rawId: string): Promise<MyRecord> => {
    const mine = await records(accountId);
    if (!mine) throw notVerified();
    const id = Number(rawId);
    const found = Number.isSafeInteger(id) && id > 0 ? mine.records.find((r) => r.id === id) : undefined;
    if (!found) throw recordNotFound();
    return found;
  };

  return { records, myRecord };
}

export function createPersonService(deps: PersonDeps) {
  const { database, now } = deps;
  const reads = personReads(deps);
  return {
    ...createVerifyService(deps),
    ...reads,
    ...createDisputeDesk(deps),

    /**
     * Files a 피보험자격 확인 청구 on one of the person's own records, as this request's command (its key
     * is the row's key too). One open 청구 per record.
     */
    async fileDispute(actor: Actor, key: string, rawId: string, reason: string): Promise<{ redirect: string }> {
      const record = await reads.myRecord(actor.id, rawId);
      if (record.disputes.some((d) => d.status === 'open'))
        throw new UserError(
          409,
          'DISPUTE_OPEN',
          '이 기록에는 결정을 기다리는 확인 청구가 이미 있습니다. 결정이 나면 이 화면에 이유와 함께 보입니다.',
        );
      const id = await insertDispute(database, {
        dedupeKey: `dispute:${actor.id}:${key}`,
        accountId: actor.id,
        eventId: record.id,
        reason,
        at: now(),
      });
      await auditBy(database, actor, 'insurance.dispute.file', { target: { type: 'record_dispute', id } });
      return { redirect: '/my/insurance?disputed=1' };
    },
  };
}

export type PersonService = ReturnType<typeof createPersonService>;
