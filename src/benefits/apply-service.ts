/**
 * 수급자격 신청 from the 고용보험 records (고용24 requires 본인확인 first): the verified person's facts
 * read from the employers' reports and 이직확인서 (src/insurance/claim-facts.ts), each confirmed or
 * disputed by the claimant — a disputed fact keeps the claim going, marked for the counsellor with the
 * claimant's own statement — and filed with where each fact came from. With no 이직확인서 yet the claim
 * waits and the employer is asked for it (고용보험법 제42조 제3항); the counsellors list who is waiting.
 *
 * The 실업신고일 of a claim that waited is the day the claimant asked (they reported 실업 then; the
 * 이직확인서 is the employer's part). UNCONFIRMED: that 고용24 keeps that day when the 이직확인서 comes
 * later (searched "실업신고 이직확인서 미제출 수급자격 신청 접수일" in the pages corpus: guides say the
 * 신청 may be made before the 이직확인서 and the centre waits for it, not which day counts).
 */
import type { Database } from '../db/index.ts';
import type { Account } from '../identity/accounts.ts';
import type { Actor } from '../identity/audit.ts';
import { auditBy } from '../identity/audit.ts';
import { factsVersion, type RecordFact } from '../insurance/claim-facts.ts';
import {
  askForCertificate,
  type ClaimReading,
  listWaiting,
  readClaimRecords,
} from '../insurance/claim-facts-service.ts';
import { seoulToday } from '../shared/dates.ts';
import { UserError } from '../web/errors.ts';
import type { FactAnswer } from './apply-forms.ts';
import type { ClaimFacts } from './calculate.ts';
import type { Claim } from './model.ts';
import { answersFromTyped } from './typed-answers.ts';

interface ApplyDeps {
  database: Database;
  now: () => Date;
}

/** What filing needs (claim-service.ts FileClaimInput, structurally). */
interface Filing {
  claimant: Pick<Account, 'id' | 'kind'>;
  centreCode: string;
  idempotencyKey: string;
  facts: ClaimFacts;
  companyName: string;
  reportDate: string;
  factsSource?: 'records' | 'typed';
  recordFacts?: unknown;
}
type File = (input: Filing) => Promise<{ claim: Claim; created: boolean }>;

export type Ready = Extract<ClaimReading, { verified: true }> & {
  records: Extract<Extract<ClaimReading, { verified: true }>['records'], { state: 'ready' }>;
};

export interface RecordsFiling {
  claimant: Pick<Account, 'id' | 'kind'>;
  centreCode: string;
  idempotencyKey: string;
  disabled: boolean;
  justifiedReason: string | null;
  /** Typed only where the records hold no 생년월일. */
  birthDate: string | null;
  /** The version of the facts the claimant saw (factsVersion): the records may have changed since. */
  factsVersion: string;
  answers: Record<string, FactAnswer>;
}

/** A fact as the claim keeps it: the record's, and what the claimant said of it. */
export interface KeptFact extends RecordFact, FactAnswer {}

export const recordsChanged = () =>
  new UserError(
    409,
    'RECORDS_CHANGED',
    '신청 화면을 연 뒤 고용보험 기록이 바뀌었습니다. 바뀐 내용을 확인한 뒤 다시 신청해 주세요.',
  );

/** Files a claim on the records as read now, with what the claimant said of each fact. */
function filingOnRecords(file: File) {
  return (reading: Ready, input: RecordsFiling, reportDate: string) => {
    const records = reading.records;
    const kept: KeptFact[] = records.facts.map((f) => ({
      ...f,
      ...(input.answers[f.key] ?? { answer: 'confirm', statement: '' }),
    }));
    const birthDate = records.claim.birthDate || input.birthDate;
    if (!birthDate)
      throw new UserError(400, 'BIRTH_DATE', '생년월일을 입력해 주세요.', { birthDate: '생년월일을 입력해 주세요.' });
    return file({
      claimant: input.claimant,
      centreCode: input.centreCode,
      idempotencyKey: input.idempotencyKey,
      companyName: records.workplace.workplaceName,
      reportDate,
      facts: {
        ...records.claim,
        birthDate,
        disabled: input.disabled,
        justifiedReason: records.claim.separationReason === '12' ? input.justifiedReason : null,
      },
      factsSource: 'records',
      recordFacts: {
        certificateId: records.certificateId,
        workplace: records.workplace,
        facts: kept,
        uncounted: records.uncounted,
        disputed: kept.filter((f) => f.answer === 'dispute').map((f) => f.key),
        forCounsellor: kept.filter((f) => f.forCounsellor || f.answer === 'dispute').map((f) => f.key),
      },
    });
  };
}

export function createApplyService(deps: ApplyDeps, file: File) {
  const { database, now } = deps;
  const read = (accountId: number) => readClaimRecords(database, accountId);

  const onRecords = filingOnRecords(file);
  return {
    /** The records a claim of this account reads; `verified: false` before 본인확인. */
    claimRecords: read,

    /** The version of what the claimant is shown (a hidden field of the form). */
    factsVersionOf: (reading: Ready) => factsVersion(reading.records),

    /**
     * Files the claim from the records as read now (not as posted): refused when they changed since the
     * claimant saw them, or when there is no 이직확인서 to file on.
     */
    async fileFromRecords(input: RecordsFiling): Promise<{ claim: Claim; created: boolean }> {
      const reading = await read(input.claimant.id);
      if (!reading.verified || reading.records.state !== 'ready') throw recordsChanged();
      if (factsVersion(reading.records) !== input.factsVersion) throw recordsChanged();
      return onRecords(
        { ...reading, records: reading.records },
        input,
        reading.waitRequest?.requestedOn ?? seoulToday(now()),
      );
    },

    /**
     * A claim whose facts were typed (the journal's form in a full outage, or the counter's paper form),
     * filed when the database can take it: from the records when the claimant has done 본인확인 and the
     * records are ready — each fact typed otherwise kept as the claimant's dispute (typed-answers.ts) —
     * else as typed, for the counsellor to check. The 실업신고일 is the day it was taken.
     */
    async fileTyped(input: Filing): Promise<{ claim: Claim; created: boolean }> {
      const reading = await read(input.claimant.id);
      if (!reading.verified || reading.records.state !== 'ready') return file({ ...input, factsSource: 'typed' });
      const filing: RecordsFiling = {
        claimant: input.claimant,
        centreCode: input.centreCode,
        idempotencyKey: input.idempotencyKey,
        disabled: input.facts.disabled,
        justifiedReason: input.facts.justifiedReason,
        birthDate: input.facts.birthDate || null,
        factsVersion: factsVersion(reading.records),
        answers: answersFromTyped(reading.records.claim, input.facts),
      };
      return onRecords({ ...reading, records: reading.records }, filing, input.reportDate);
    },

    /** Asks the last employer for the 이직확인서 (the claim waits for it), as this request's command. */
    async requestCertificate(actor: Actor): Promise<{ redirect: string }> {
      const reading = await read(actor.id);
      if (!reading.verified || reading.records.state !== 'waiting')
        throw new UserError(409, 'NOT_WAITING', '이직확인서를 기다리는 신청이 아닙니다. 신청 화면을 다시 열어 주세요.');
      await askForCertificate(database, actor, { ...reading, records: reading.records }, now());
      return { redirect: '/benefits/apply?asked=1' };
    },

    /** Claimants of the counsellor's centre (an operator: every centre) waiting for an 이직확인서. */
    async waitingForCertificates(staff: Actor & { centreCode: string | null }) {
      const centre = staff.kind === 'operator' ? null : staff.centreCode;
      if (staff.kind !== 'operator' && centre === null) return [];
      const rows = await listWaiting(database, centre);
      await auditBy(database, staff, 'benefits.waiting.list', { details: { count: rows.length } });
      return rows;
    },
  };
}
