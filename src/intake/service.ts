/**
 * Citizens' submissions during a full outage (issue 7): taken into this app server's journal (fsync'd)
 * with a receipt number, applied once when the database is back, and their outcome kept in the database
 * so the citizen can see it from any app server.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { ClaimFacts } from '../benefits/calculate.ts';
import type { BenefitsService } from '../benefits/service.ts';
import { DatabaseUnavailableError, isRetryable } from '../db/failover.ts';
import type { Database } from '../db/index.ts';
import type { MarketStore } from '../market/store.ts';
import { UserError } from '../web/errors.ts';
import { Journal, type JournalEntry } from './journal.ts';

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

type Entry = JournalEntry<RecognitionPayload | ApplicationPayload | ClaimPayload>;

/**
 * The message kept for an entry set aside after an unexpected error: shown to the citizen at
 * /receipts/:no and to operators, so no stack and no more than the first line of the innermost cause
 * (drizzle wraps the driver's error), without control characters, at most 160 characters.
 */
export function reviewMessage(err: unknown): string {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e instanceof Error && e.cause instanceof Error; depth++) e = e.cause;
  const raw = e instanceof Error ? e.message : String(e);
  const line = (raw.split('\n')[0] ?? '').replace(/\p{Cc}/gu, ' ').trim();
  const what = line.length > 160 ? `${line.slice(0, 159)}…` : line;
  return `자동 처리 중 예상하지 못한 오류가 있어 담당자 확인이 필요합니다${what ? ` (오류: ${what})` : ''}.`;
}

const linkOf = (e: { kind: string; payload: unknown }) =>
  e.kind === 'application'
    ? '/my/applications'
    : e.kind === 'claim'
      ? '/benefits'
      : `/benefits/claims/${(e.payload as RecognitionPayload).claimId}`;

export function createIntake(deps: {
  database: Database;
  benefits: BenefitsService;
  /** 입사지원 (optional: without it only 실업인정 신청 is journaled). */
  market?: MarketStore;
  findPosting?: (wantedAuthNo: string) => Promise<{ id: number } | undefined>;
  journalDir: string;
  instance: string;
  now: () => Date;
  log: FastifyBaseLogger;
}) {
  const journal = new Journal(deps.journalDir, { log: deps.log });
  let replaying: Promise<{ applied: number; review: number }> | null = null;
  const writing = new Map<string, Promise<{ receipt: string; at: string }>>();
  const stats = { journaled: 0, applied: 0, review: 0 };

  async function settle(entry: Entry, status: 'applied' | 'review', message: string) {
    await deps.database.query(
      sql`INSERT INTO journal_receipts (receipt, kind, account_id, instance, received_at, applied_at, status, message, link)
          VALUES (${entry.receipt}, ${entry.kind}, ${entry.accountId}, ${deps.instance}, ${entry.at},
                  ${deps.now().toISOString()}, ${status}, ${message}, ${linkOf(entry)})
          ON CONFLICT (receipt) DO NOTHING`,
    );
    await journal.settle({ receipt: entry.receipt, status, message, at: deps.now().toISOString() });
    stats[status]++;
  }

  async function apply(e: Entry): Promise<void> {
    if (e.kind === 'application') {
      const p = e.payload as ApplicationPayload;
      const posting = await deps.findPosting?.(p.wantedAuthNo);
      if (!posting || !deps.market) throw new UserError(404, 'NOT_FOUND', '채용공고를 찾을 수 없습니다.');
      await deps.market.apply({
        postingId: posting.id,
        applicantId: e.accountId,
        resumeId: p.resumeId,
        idempotencyKey: e.key,
      });
    } else if (e.kind === 'claim') {
      const p = e.payload as ClaimPayload;
      await deps.benefits.fileClaim({
        claimant: { id: e.accountId, kind: 'seeker' },
        centreCode: p.centreCode,
        idempotencyKey: e.key,
        facts: p.facts,
        companyName: p.companyName,
        reportDate: p.reportDate,
      });
    } else {
      const p = e.payload as RecognitionPayload;
      await deps.benefits.fileRecognition({ id: e.accountId, kind: 'seeker' }, p.claimId, p.seq, {
        idempotencyKey: e.key,
        workedOrEarned: p.workedOrEarned,
        activities: p.activities,
        filedAt: new Date(e.at),
      });
    }
  }

  /**
   * Applies one entry; 'later' when the database is not back (the entry stays). What can no longer be
   * applied as filed, and what fails with an unexpected error, is set aside as 'review' (확인 필요) with
   * why, for the citizen and the job centre — replay goes on with the next entry.
   */
  async function applyOne(e: Entry): Promise<'applied' | 'review' | 'later'> {
    let status: 'applied' | 'review' = 'applied';
    let message = '';
    try {
      await apply(e);
    } catch (err) {
      // The database is not back (or a connection error escaped its retry): the entry stays for later.
      if (err instanceof DatabaseUnavailableError || isRetryable(err)) return 'later';
      status = 'review';
      if (err instanceof UserError) message = err.message;
      else {
        deps.log.error({ err, receipt: e.receipt, kind: e.kind }, 'journal replay: entry set aside for review');
        message = reviewMessage(err);
      }
    }
    try {
      await settle(e, status, message);
    } catch (err) {
      // Not recorded: the entry stays pending and is tried again (its idempotency key finds a first application).
      if (!(err instanceof DatabaseUnavailableError || isRetryable(err)))
        deps.log.error({ err, receipt: e.receipt }, 'journal replay: outcome could not be recorded');
      return 'later';
    }
    return status;
  }

  /**
   * Applies the pending entries with a few workers (bench:replay measured 183/s one at a time, ~480/s
   * with 16). One account's entries stay in order on one worker, so two entries with the same key are
   * never applied at once. When the database is not back, workers stop taking new entries.
   */
  async function replayOnce(workers = 8): Promise<{ applied: number; review: number }> {
    const byAccount = new Map<number, Entry[]>();
    for (const e of journal.pending() as Entry[]) {
      const list = byAccount.get(e.accountId) ?? [];
      list.push(e);
      byAccount.set(e.accountId, list);
    }
    const queues = [...byAccount.values()];
    let applied = 0;
    let review = 0;
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const queue = queues.shift();
        if (!queue) return;
        for (const e of queue) {
          const r = await applyOne(e);
          if (r === 'later') {
            stop = true;
            return;
          }
          if (r === 'applied') applied++;
          else review++;
        }
      }
    };
    await Promise.all(Array.from({ length: workers }, worker));
    if (applied || review) deps.log.info({ applied, review, left: journal.pending().length }, 'journal replayed');
    return { applied, review };
  }

  /** Appends one submission; a double click (same account and key) gets the same receipt. */
  function take(
    kind: 'recognition' | 'application' | 'claim',
    account: { id: number },
    payload: RecognitionPayload | ApplicationPayload | ClaimPayload,
    key: string,
  ): Promise<{ receipt: string; at: string }> {
    const inFlight = writing.get(`${account.id}:${key}`);
    if (inFlight) return inFlight;
    const same = journal.pendingByKey(account.id, key);
    if (same) return Promise.resolve({ receipt: same.receipt, at: same.at });
    const at = deps.now().toISOString();
    const receipt = journal.newReceipt(deps.now());
    const write = journal
      .append({ receipt, kind, key, accountId: account.id, at, payload })
      .then(
        () => {
          stats.journaled++;
          return { receipt, at };
        },
        (err: unknown) => {
          // Not on disk (the journal cut the failed write back): the citizen is told it was not received.
          deps.log.error({ err, receipt, kind }, 'journal append failed: submission not received');
          throw new UserError(
            503,
            'JOURNAL_WRITE_FAILED',
            '신청을 접수하지 못했습니다. 전산 장애 중이라 이 서버에 보관하려 했지만 저장하지 못했습니다. 잠시 뒤 다시 신청해 주세요.',
          );
        },
      )
      .finally(() => writing.delete(`${account.id}:${key}`));
    writing.set(`${account.id}:${key}`, write);
    return write;
  }

  const remembered = new Map<string, string>();
  return {
    journal,
    stats,
    open: () => journal.open(),
    close: () => journal.close(),
    pendingCount: () => journal.pending().length,

    /** Takes a 실업인정 신청 into the journal; resolves once it is on disk. */
    journalRecognition(account: { id: number }, payload: RecognitionPayload, key: string) {
      return take('recognition', account, payload, key);
    },

    /** Takes a 입사지원 into the journal; resolves once it is on disk. */
    journalApplication(account: { id: number }, payload: ApplicationPayload, key: string) {
      return take('application', account, payload, key);
    },

    /** Takes a 수급자격 신청 into the journal; resolves once it is on disk. */
    journalClaim(account: { id: number }, payload: ClaimPayload, key: string) {
      return take('claim', account, payload, key);
    },

    /**
     * Reference data a journaled form needs checked against (the job centres of the 수급자격 신청 form):
     * kept on this server's disk whenever read, so a process started during an outage has it too.
     */
    async remember<T>(name: 'centres', value: T): Promise<void> {
      const file = path.join(deps.journalDir, `${name}.json`);
      const text = JSON.stringify(value);
      if (remembered.get(name) === text) return;
      remembered.set(name, text);
      await fs.mkdir(deps.journalDir, { recursive: true });
      await fs.writeFile(`${file}.tmp`, text);
      await fs.rename(`${file}.tmp`, file);
    },

    /** What `remember` kept for `name` on this server's disk, if anything. */
    async recall<T>(name: 'centres'): Promise<T | undefined> {
      const text =
        remembered.get(name) ??
        (await fs.readFile(path.join(deps.journalDir, `${name}.json`), 'utf8').catch(() => null));
      if (!text) return undefined;
      try {
        return JSON.parse(text) as T;
      } catch {
        return undefined;
      }
    },

    /** Applies what the journal holds, in order; one run at a time. */
    replay(): Promise<{ applied: number; review: number }> {
      replaying ??= replayOnce().finally(() => {
        replaying = null;
      });
      return replaying;
    },

    /** A receipt's state for its owner: pending in this server's journal, or its outcome. */
    async receipt(accountId: number, receipt: string): Promise<ReceiptState | null> {
      const local = journal.find(receipt);
      if (local.entry && local.entry.accountId === accountId)
        return {
          status: 'pending',
          receipt,
          receivedAt: local.entry.at,
          link: linkOf(local.entry),
        };
      const [row] = await deps.database.read<{
        status: 'applied' | 'review';
        receivedAt: string;
        message: string;
        link: string;
        accountId: number;
      }>(
        sql`SELECT status, received_at::text AS "receivedAt", message, link, account_id::int AS "accountId"
              FROM journal_receipts WHERE receipt = ${receipt}`,
      );
      if (!row || row.accountId !== accountId) return null;
      return { status: row.status, receipt, receivedAt: row.receivedAt, message: row.message, link: row.link };
    },
  };
}
export type Intake = ReturnType<typeof createIntake>;
