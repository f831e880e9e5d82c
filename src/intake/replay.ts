/**
 * Replaying the journal (src/intake/service.ts): each pending entry applied once when the database is
 * back, its outcome kept in the database and in the journal.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { BenefitsService } from '../benefits/service.ts';
import { DatabaseUnavailableError, isRetryable } from '../db/failover.ts';
import type { Database } from '../db/index.ts';
import type { MarketStore } from '../market/store.ts';
import { UserError } from '../web/errors.ts';
import type { ApplicationPayload, ClaimPayload, Entry, RecognitionPayload } from './entries.ts';
import { linkOf } from './entries.ts';
import type { Journal } from './journal.ts';
import { insertReceipt } from './store.ts';

/** What replaying needs: the features that apply entries, the database, this server's journal and counts. */
export interface ReplayContext {
  database: Database;
  benefits: BenefitsService;
  /** 입사지원 (optional: without it only 실업인정 신청 is journaled). */
  market?: MarketStore | undefined;
  findPosting?: ((wantedAuthNo: string) => Promise<{ id: number } | undefined>) | undefined;
  instance: string;
  now: () => Date;
  log: FastifyBaseLogger;
  journal: Journal;
  stats: { journaled: number; applied: number; review: number };
}

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

async function settle(ctx: ReplayContext, entry: Entry, status: 'applied' | 'review', message: string) {
  await insertReceipt(ctx.database, {
    receipt: entry.receipt,
    kind: entry.kind,
    accountId: entry.accountId,
    instance: ctx.instance,
    receivedAt: entry.at,
    appliedAt: ctx.now().toISOString(),
    status,
    message,
    link: linkOf(entry),
  });
  await ctx.journal.settle({ receipt: entry.receipt, status, message, at: ctx.now().toISOString() });
  ctx.stats[status]++;
}

async function apply(ctx: ReplayContext, e: Entry): Promise<void> {
  if (e.kind === 'application') {
    const p = e.payload as ApplicationPayload;
    const posting = await ctx.findPosting?.(p.wantedAuthNo);
    if (!posting || !ctx.market) throw new UserError(404, 'NOT_FOUND', '채용공고를 찾을 수 없습니다.');
    await ctx.market.apply({
      postingId: posting.id,
      applicantId: e.accountId,
      resumeId: p.resumeId,
      idempotencyKey: e.key,
    });
  } else if (e.kind === 'claim') {
    const p = e.payload as ClaimPayload;
    await ctx.benefits.fileTyped({
      claimant: { id: e.accountId, kind: 'seeker' },
      centreCode: p.centreCode,
      idempotencyKey: e.key,
      facts: p.facts,
      companyName: p.companyName,
      reportDate: p.reportDate,
    });
  } else {
    const p = e.payload as RecognitionPayload;
    await ctx.benefits.fileRecognition({ id: e.accountId, kind: 'seeker' }, p.claimId, p.seq, {
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
async function applyOne(ctx: ReplayContext, e: Entry): Promise<'applied' | 'review' | 'later'> {
  let status: 'applied' | 'review' = 'applied';
  let message = '';
  try {
    await apply(ctx, e);
  } catch (err) {
    // The database is not back (or a connection error escaped its retry): the entry stays for later.
    if (err instanceof DatabaseUnavailableError || isRetryable(err)) return 'later';
    status = 'review';
    if (err instanceof UserError) message = err.message;
    else {
      ctx.log.error({ err, receipt: e.receipt, kind: e.kind }, 'journal replay: entry set aside for review');
      message = reviewMessage(err);
    }
  }
  try {
    await settle(ctx, e, status, message);
  } catch (err) {
    // Not recorded: the entry stays pending and is tried again (its idempotency key finds a first application).
    if (!(err instanceof DatabaseUnavailableError || isRetryable(err)))
      ctx.log.error({ err, receipt: e.receipt }, 'journal replay: outcome could not be recorded');
    return 'later';
  }
  return status;
}

/**
 * Applies the pending entries with a few workers (bench:replay measured 183/s one at a time, ~480/s
 * with 16). One account's entries stay in order on one worker, so two entries with the same key are
 * never applied at once. When the database is not back, workers stop taking new entries.
 */
export async function replayOnce(ctx: ReplayContext, workers = 8): Promise<{ applied: number; review: number }> {
  const byAccount = new Map<number, Entry[]>();
  for (const e of ctx.journal.pending() as Entry[]) {
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
        const r = await applyOne(ctx, e);
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
  if (applied || review) ctx.log.info({ applied, review, left: ctx.journal.pending().length }, 'journal replayed');
  return { applied, review };
}
