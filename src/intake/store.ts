/**
 * The outcomes of journaled submissions in SQL (journal_receipts): kept once per receipt, so a citizen
 * sees the outcome from any app server.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';

type Db = Pick<Database, 'query' | 'read'>;

/** Keeps an entry's outcome (the first one kept wins: a replay after a crash finds it). */
export async function insertReceipt(
  db: Db,
  r: {
    receipt: string;
    kind: string;
    accountId: number;
    instance: string;
    receivedAt: string;
    appliedAt: string;
    status: 'applied' | 'review';
    message: string;
    link: string;
  },
): Promise<void> {
  // The test double of journal.test.ts reads the receipt, status and message as the 1st, 7th and 8th values.
  await db.query(
    sql`INSERT INTO journal_receipts (receipt, kind, account_id, instance, received_at, applied_at, status, message, link)
        VALUES (${r.receipt}, ${r.kind}, ${r.accountId}, ${r.instance}, ${r.receivedAt},
                ${r.appliedAt}, ${r.status}, ${r.message}, ${r.link})
        ON CONFLICT (receipt) DO NOTHING`,
  );
}

export interface ReceiptRow extends Record<string, unknown> {
  status: 'applied' | 'review';
  receivedAt: string;
  message: string;
  link: string;
  accountId: number;
}

export async function findReceipt(db: Db, receipt: string): Promise<ReceiptRow | undefined> {
  const [row] = await db.read<ReceiptRow>(
    sql`SELECT status, received_at::text AS "receivedAt", message, link, account_id::int AS "accountId"
          FROM journal_receipts WHERE receipt = ${receipt}`,
  );
  return row;
}
