/**
 * Citizens' submissions during a full outage (issue 7): taken into this app server's journal (fsync'd)
 * with a receipt number, applied once when the database is back (src/intake/replay.ts), and their outcome
 * kept in the database so the citizen can see it from any app server.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { BenefitsService } from '../benefits/service.ts';
import type { Database } from '../db/index.ts';
import type { MarketStore } from '../market/store.ts';
import { UserError } from '../web/errors.ts';
import {
  type ApplicationPayload,
  type ClaimPayload,
  type EntryKind,
  linkOf,
  type Payload,
  type ReceiptState,
  type RecognitionPayload,
} from './entries.ts';
import { Journal } from './journal.ts';
import { type ReplayContext, replayOnce } from './replay.ts';
import { findReceipt } from './store.ts';

export type { ApplicationPayload, ClaimPayload, ReceiptState, RecognitionPayload } from './entries.ts';
export { reviewMessage } from './replay.ts';

type Taken = { receipt: string; at: string };

/** Appends one submission; a double click (same account and key) gets the same receipt. */
function take(
  ctx: ReplayContext,
  writing: Map<string, Promise<Taken>>,
  entry: { kind: EntryKind; account: { id: number }; payload: Payload; key: string },
): Promise<Taken> {
  const { kind, account, payload, key } = entry;
  const inFlight = writing.get(`${account.id}:${key}`);
  if (inFlight) return inFlight;
  const same = ctx.journal.pendingByKey(account.id, key);
  if (same) return Promise.resolve({ receipt: same.receipt, at: same.at });
  const at = ctx.now().toISOString();
  const receipt = ctx.journal.newReceipt(ctx.now());
  const write = ctx.journal
    .append({ receipt, kind, key, accountId: account.id, at, payload })
    .then(
      () => {
        ctx.stats.journaled++;
        return { receipt, at };
      },
      (err: unknown) => {
        // Not on disk (the journal cut the failed write back): the citizen is told it was not received.
        ctx.log.error({ err, receipt, kind }, 'journal append failed: submission not received');
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

/**
 * Reference data a journaled form needs checked against (the job centres of the 수급자격 신청 form):
 * kept on this server's disk whenever read, so a process started during an outage has it too.
 */
function localCopies(journalDir: string) {
  const remembered = new Map<string, string>();
  return {
    async remember<T>(name: 'centres', value: T): Promise<void> {
      const file = path.join(journalDir, `${name}.json`);
      const text = JSON.stringify(value);
      if (remembered.get(name) === text) return;
      remembered.set(name, text);
      await fs.mkdir(journalDir, { recursive: true });
      await fs.writeFile(`${file}.tmp`, text);
      await fs.rename(`${file}.tmp`, file);
    },

    /** What `remember` kept for `name` on this server's disk, if anything. */
    async recall<T>(name: 'centres'): Promise<T | undefined> {
      const text =
        remembered.get(name) ?? (await fs.readFile(path.join(journalDir, `${name}.json`), 'utf8').catch(() => null));
      if (!text) return undefined;
      try {
        return JSON.parse(text) as T;
      } catch {
        return undefined;
      }
    },
  };
}

/** A receipt's state for its owner: pending in this server's journal, or its outcome. */
async function receiptState(ctx: ReplayContext, accountId: number, receipt: string): Promise<ReceiptState | null> {
  const local = ctx.journal.find(receipt);
  if (local.entry && local.entry.accountId === accountId)
    return { status: 'pending', receipt, receivedAt: local.entry.at, link: linkOf(local.entry) };
  const row = await findReceipt(ctx.database, receipt);
  if (!row || row.accountId !== accountId) return null;
  return { status: row.status, receipt, receivedAt: row.receivedAt, message: row.message, link: row.link };
}

export function createIntakeService(deps: {
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
  const stats = { journaled: 0, applied: 0, review: 0 };
  const ctx: ReplayContext = { ...deps, journal, stats };
  let replaying: Promise<{ applied: number; review: number }> | null = null;
  const writing = new Map<string, Promise<Taken>>();
  return {
    journal,
    stats,
    open: () => journal.open(),
    close: () => journal.close(),
    pendingCount: () => journal.pending().length,

    /** Takes a 실업인정 신청 into the journal; resolves once it is on disk. */
    journalRecognition(account: { id: number }, payload: RecognitionPayload, key: string) {
      return take(ctx, writing, { kind: 'recognition', account, payload, key });
    },

    /** Takes a 입사지원 into the journal; resolves once it is on disk. */
    journalApplication(account: { id: number }, payload: ApplicationPayload, key: string) {
      return take(ctx, writing, { kind: 'application', account, payload, key });
    },

    /** Takes a 수급자격 신청 into the journal; resolves once it is on disk. */
    journalClaim(account: { id: number }, payload: ClaimPayload, key: string) {
      return take(ctx, writing, { kind: 'claim', account, payload, key });
    },

    ...localCopies(deps.journalDir),

    /** Applies what the journal holds, in order; one run at a time. */
    replay(): Promise<{ applied: number; review: number }> {
      replaying ??= replayOnce(ctx).finally(() => {
        replaying = null;
      });
      return replaying;
    },

    receipt: (accountId: number, receipt: string) => receiptState(ctx, accountId, receipt),
  };
}
export type Intake = ReturnType<typeof createIntakeService>;
