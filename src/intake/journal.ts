/**
 * The submission journal (issue 7): when no database can take a citizen's submission, it is appended to
 * a file on this app server and fsync'd before the citizen is told "접수됨" with a receipt number. When
 * the database is back, each entry is applied once (the submission's idempotency key makes a second
 * application find the first) and its outcome is appended to a second file, also fsync'd.
 *
 * Crash-safe by construction: an entry is acknowledged only after its line is on disk; a line cut short
 * by a crash was never acknowledged and is ignored; an entry applied but not yet marked is applied again
 * after a restart and found by its idempotency key. Concurrent appends share one write and one fsync
 * (group commit), so a burst costs a few fsyncs, not one per citizen.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface JournalEntry<P = unknown> {
  receipt: string;
  kind: string;
  /** The submission's idempotency key (as the form sent it). */
  key: string;
  accountId: number;
  /** When the citizen submitted it (ISO): rules apply as of then, not as of the replay. */
  at: string;
  payload: P;
}

export interface JournalOutcome {
  receipt: string;
  status: 'applied' | 'review';
  message: string;
  at: string;
}

/** 'R-20261125-9F3A2C1B': the date in Seoul and 8 random hex digits. */
export function newReceipt(now: Date): string {
  const day = new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return `R-${day}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** Parses JSON lines; a last line cut short by a crash (never acknowledged) is skipped. */
function parseLines<T>(text: string): T[] {
  const out: T[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as T);
    } catch {
      // a torn write: its append never returned, so no one was told it was received
    }
  }
  return out;
}

class AppendLog {
  readonly file: string;
  #handle: fs.FileHandle | null = null;
  #queue: { line: string; done: (err?: unknown) => void }[] = [];
  #flushing: Promise<void> | null = null;

  constructor(file: string) {
    this.file = file;
  }

  async open(): Promise<string> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const text = await fs.readFile(this.file, 'utf8').catch(() => '');
    // A torn last line is cut off before appending, so the next line starts clean.
    const clean = text.length === 0 || text.endsWith('\n') ? text : text.slice(0, text.lastIndexOf('\n') + 1);
    if (clean !== text) await fs.truncate(this.file, Buffer.byteLength(clean));
    this.#handle = await fs.open(this.file, 'a');
    // The directory entry must be durable too (a new file).
    const dir = await fs.open(path.dirname(this.file), 'r');
    await dir.sync().catch(() => {});
    await dir.close();
    return clean;
  }

  /** Resolves once the line is written and fsync'd. */
  append(line: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ line, done: (err) => (err ? reject(err) : resolve()) });
      this.#flushing ??= this.#flush();
    });
  }

  async #flush(): Promise<void> {
    try {
      while (this.#queue.length) {
        const batch = this.#queue.splice(0, this.#queue.length);
        try {
          if (!this.#handle) throw new Error('journal is closed');
          await this.#handle.write(batch.map((b) => `${b.line}\n`).join(''));
          await this.#handle.datasync();
          for (const b of batch) b.done();
        } catch (err) {
          for (const b of batch) b.done(err);
        }
      }
    } finally {
      this.#flushing = null;
    }
  }

  async close(): Promise<void> {
    await this.#flushing;
    await this.#handle?.close();
    this.#handle = null;
  }
}

export class Journal {
  readonly #entries: AppendLog;
  readonly #outcomes: AppendLog;
  readonly #pending = new Map<string, JournalEntry>();
  /** account:key → receipt of a pending entry (a double submit finds it without a scan). */
  readonly #byKey = new Map<string, string>();
  readonly #done = new Map<string, JournalOutcome>();

  constructor(dir: string) {
    this.#entries = new AppendLog(path.join(dir, 'entries.jsonl'));
    this.#outcomes = new AppendLog(path.join(dir, 'outcomes.jsonl'));
  }

  /** Opens (or creates) the files and finds the entries without an outcome. */
  async open(): Promise<void> {
    const entries = parseLines<JournalEntry>(await this.#entries.open());
    for (const o of parseLines<JournalOutcome>(await this.#outcomes.open())) this.#done.set(o.receipt, o);
    for (const e of entries)
      if (!this.#done.has(e.receipt)) {
        this.#pending.set(e.receipt, e);
        this.#byKey.set(`${e.accountId}:${e.key}`, e.receipt);
      }
  }

  /** Appends and fsyncs; only then may the citizen be told it was received. */
  async append<P>(entry: JournalEntry<P>): Promise<void> {
    await this.#entries.append(JSON.stringify(entry));
    this.#pending.set(entry.receipt, entry);
    this.#byKey.set(`${entry.accountId}:${entry.key}`, entry.receipt);
  }

  async settle(outcome: JournalOutcome): Promise<void> {
    await this.#outcomes.append(JSON.stringify(outcome));
    const entry = this.#pending.get(outcome.receipt);
    if (entry) this.#byKey.delete(`${entry.accountId}:${entry.key}`);
    this.#pending.delete(outcome.receipt);
    this.#done.set(outcome.receipt, outcome);
  }

  /** A pending entry of this account with this idempotency key (a double submit gets the same receipt). */
  pendingByKey(accountId: number, key: string): JournalEntry | undefined {
    const receipt = this.#byKey.get(`${accountId}:${key}`);
    return receipt ? this.#pending.get(receipt) : undefined;
  }

  /** Entries not yet applied, oldest first. */
  pending(): JournalEntry[] {
    return [...this.#pending.values()].sort((a, b) => a.at.localeCompare(b.at));
  }

  find(receipt: string): { entry?: JournalEntry; outcome?: JournalOutcome } {
    const entry = this.#pending.get(receipt);
    const outcome = this.#done.get(receipt);
    return { ...(entry ? { entry } : {}), ...(outcome ? { outcome } : {}) };
  }

  async close(): Promise<void> {
    await Promise.all([this.#entries.close(), this.#outcomes.close()]);
  }
}
