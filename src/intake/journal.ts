/**
 * The submission journal (issue 7): when no database can take a citizen's submission, it is appended to
 * a file on this app server and fsync'd before the citizen is told "접수됨" with a receipt number. When
 * the database is back, each entry is applied once (the submission's idempotency key makes a second
 * application find the first) and its outcome is appended to a second file, also fsync'd.
 *
 * What it guarantees:
 * - **Acknowledged means on disk.** An append resolves only after its line is written and fdatasync'd.
 *   Concurrent appends share one write and one fdatasync (group commit), so a burst costs a few fsyncs,
 *   not one per citizen.
 * - **A failed append is undone before anything else is written.** When the write or the fdatasync of a
 *   batch fails (EIO, ENOSPC, a short write), every append of that batch rejects (the citizen is told it
 *   was not received) and the file is cut back to the size it had before the batch (the log keeps its
 *   committed size), reopening the file if the handle no longer works. So the next batch starts on a
 *   clean line: a partial line can never be merged with the next one, and nothing acknowledged before
 *   is lost. When even that cut fails, the log refuses every later append rather than risk a merged
 *   line (`refusing()`; an operator must look at the disk and restart the process).
 * - **Every line carries a checksum**: `<crc32 of the JSON, 8 hex digits> <JSON>`, verified on read.
 *   Lines of older journals (plain JSON, no checksum) are still read.
 * - **A torn tail is cut; any other bad line is reported, never skipped silently.** On open, a last line
 *   without its newline (a crash mid-write: never acknowledged) is cut off. A complete line that fails
 *   its checksum or does not parse is left in the file untouched, logged at error level and counted
 *   (`corrupt()`, shown on /admin/operations and in /metrics), and the lines around it are read.
 * - **Crash-safe replay:** an entry applied but not yet marked is applied again after a restart and
 *   found by its idempotency key.
 * - **Receipts are unique:** 64 random bits, and a new receipt is checked against the entries and
 *   outcomes this journal holds (and those being written), drawn again on a collision.
 *
 * The file layer is a seam (`JournalFs`, default node:fs/promises) so tests can inject faults.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { AppendLog, type JournalFs, nodeJournalFs } from './journal-file.ts';

export { type JournalFs, type JournalHandle, nodeJournalFs } from './journal-file.ts';

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

/** A complete line that could not be read (not the torn tail, which is cut). */
export interface CorruptLine {
  file: string;
  /** 1-based. */
  lineNo: number;
  reason: 'checksum' | 'unparsable' | 'invalid';
  /** The line's first characters (control characters replaced), for an operator to find it. */
  preview: string;
}

/** What the journal logs (a pino/Fastify logger fits). */
export interface JournalLog {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface JournalOptions {
  fs?: JournalFs;
  log?: JournalLog;
  /** Random bytes for receipts (tests make collisions with it). */
  random?: (size: number) => Buffer;
}

/** 'R-20261125-9F3A2C1B04D7E6A5': the date in Seoul and 16 random hex digits (64 bits). */
export function newReceipt(now: Date, random: (size: number) => Buffer = randomBytes): string {
  const day = new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return `R-${day}-${random(8).toString('hex').toUpperCase()}`;
}

/** A receipt number as handed out: 16 hex digits now, 8 before (those receipts still exist). */
export const RECEIPT = /^R-\d{8}-(?:[0-9A-F]{16}|[0-9A-F]{8})$/;

const checksum = (json: string) => crc32(json).toString(16).padStart(8, '0');

/** One line of the file (without its newline): the JSON's CRC-32, a space, the JSON. */
export function formatLine(value: unknown): string {
  const json = JSON.stringify(value);
  return `${checksum(json)} ${json}`;
}

const CHECKED = /^([0-9a-f]{8}) (.*)$/s;
const PREVIEW = 80;

function readLine<T>(
  line: string,
  valid: (value: unknown) => value is T,
): { value: T } | { reason: CorruptLine['reason'] } {
  const checked = CHECKED.exec(line);
  const json = checked ? (checked[2] ?? '') : line;
  if (checked && checksum(json) !== checked[1]) return { reason: 'checksum' };
  if (!checked && !line.startsWith('{')) return { reason: 'unparsable' };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { reason: 'unparsable' };
  }
  return valid(value) ? { value } : { reason: 'invalid' };
}

/**
 * Reads complete lines (the text ends with a newline or is empty: the torn tail was cut before). A
 * line with a checksum is verified; a line of plain JSON is an older journal's. Anything else is
 * corrupt and reported, not skipped silently.
 */
export function parseLines<T>(
  text: string,
  file: string,
  valid: (value: unknown) => value is T,
): { values: T[]; corrupt: CorruptLine[] } {
  const values: T[] = [];
  const corrupt: CorruptLine[] = [];
  const lines = text.split('\n');
  lines.pop(); // after the last newline: nothing (the torn tail was cut)
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const read = readLine(line, valid);
    if ('value' in read) values.push(read.value);
    else
      corrupt.push({
        file,
        lineNo: i + 1,
        reason: read.reason,
        preview: line.slice(0, PREVIEW).replace(/\p{Cc}/gu, '\uFFFD'),
      });
  });
  return { values, corrupt };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isEntry = (v: unknown): v is JournalEntry =>
  isObject(v) &&
  typeof v.receipt === 'string' &&
  typeof v.kind === 'string' &&
  typeof v.key === 'string' &&
  typeof v.accountId === 'number' &&
  typeof v.at === 'string';
const isOutcome = (v: unknown): v is JournalOutcome =>
  isObject(v) && typeof v.receipt === 'string' && (v.status === 'applied' || v.status === 'review');

/** How many corrupt lines are kept for display (all are counted and logged). */
const CORRUPT_KEPT = 100;

export class Journal {
  readonly #entries: AppendLog;
  readonly #outcomes: AppendLog;
  readonly #log: JournalLog | undefined;
  readonly #random: (size: number) => Buffer;
  readonly #pending = new Map<string, JournalEntry>();
  /** account:key → receipt of a pending entry (a double submit finds it without a scan). */
  readonly #byKey = new Map<string, string>();
  readonly #done = new Map<string, JournalOutcome>();
  /** Receipts of entries being appended (a new receipt must not take one of them). */
  readonly #writing = new Set<string>();
  readonly #corrupt = { entries: 0, outcomes: 0, lines: [] as CorruptLine[] };

  constructor(dir: string, options: JournalOptions = {}) {
    const ops = options.fs ?? nodeJournalFs;
    this.#entries = new AppendLog(path.join(dir, 'entries.jsonl'), ops);
    this.#outcomes = new AppendLog(path.join(dir, 'outcomes.jsonl'), ops);
    this.#log = options.log;
    this.#random = options.random ?? randomBytes;
  }

  /** Opens (or creates) the files and finds the entries without an outcome. */
  async open(): Promise<void> {
    const entries = this.#read('entries', await this.#entries.open(), this.#entries.file, isEntry);
    const outcomes = this.#read('outcomes', await this.#outcomes.open(), this.#outcomes.file, isOutcome);
    for (const o of outcomes) this.#done.set(o.receipt, o);
    for (const e of entries)
      if (!this.#done.has(e.receipt)) {
        this.#pending.set(e.receipt, e);
        this.#byKey.set(`${e.accountId}:${e.key}`, e.receipt);
      }
  }

  #read<T>(
    which: 'entries' | 'outcomes',
    opened: { text: string; tornBytes: number },
    file: string,
    valid: (v: unknown) => v is T,
  ): T[] {
    if (opened.tornBytes)
      this.#log?.warn({ file, bytes: opened.tornBytes }, 'journal: a torn last line (never acknowledged) was cut');
    const { values, corrupt } = parseLines(opened.text, file, valid);
    for (const line of corrupt) {
      this.#log?.error(
        { ...line, which },
        which === 'entries'
          ? 'journal: a corrupt line was not read; a submission may be in it (an operator must look at it)'
          : 'journal: a corrupt outcome line was not read (its entry is applied again and found by its key)',
      );
      this.#corrupt[which]++;
      if (this.#corrupt.lines.length < CORRUPT_KEPT) this.#corrupt.lines.push(line);
    }
    return values;
  }

  /** A receipt number no entry or outcome of this journal has (drawn again on a collision). */
  newReceipt(now: Date): string {
    for (;;) {
      const receipt = newReceipt(now, this.#random);
      if (!this.#pending.has(receipt) && !this.#done.has(receipt) && !this.#writing.has(receipt)) return receipt;
    }
  }

  /** Appends and fsyncs; only then may the citizen be told it was received. */
  async append<P>(entry: JournalEntry<P>): Promise<void> {
    if (this.#pending.has(entry.receipt) || this.#done.has(entry.receipt) || this.#writing.has(entry.receipt))
      throw new Error(`journal: receipt ${entry.receipt} is taken`);
    this.#writing.add(entry.receipt);
    try {
      await this.#entries.append(formatLine(entry));
    } finally {
      this.#writing.delete(entry.receipt);
    }
    this.#pending.set(entry.receipt, entry);
    this.#byKey.set(`${entry.accountId}:${entry.key}`, entry.receipt);
  }

  async settle(outcome: JournalOutcome): Promise<void> {
    await this.#outcomes.append(formatLine(outcome));
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

  /** Complete lines found unreadable on open, by file (the first 100 of them listed). */
  corrupt(): { entries: number; outcomes: number; lines: CorruptLine[] } {
    return { ...this.#corrupt, lines: [...this.#corrupt.lines] };
  }

  /** Failed appends since open, and the files that refuse appends (a failed append not cut back). */
  appendState(): { failed: { entries: number; outcomes: number }; refusing: { file: string; reason: string }[] } {
    return {
      failed: { entries: this.#entries.failures(), outcomes: this.#outcomes.failures() },
      refusing: [this.#entries, this.#outcomes].flatMap((l) => {
        const err = l.refusing();
        return err ? [{ file: l.file, reason: err.message }] : [];
      }),
    };
  }

  async close(): Promise<void> {
    await Promise.all([this.#entries.close(), this.#outcomes.close()]);
  }
}
