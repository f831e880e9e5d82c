/**
 * The journal's files (src/intake/journal.ts): one append-only file of lines, written with group commit
 * (concurrent appends share one write and one fdatasync) and cut back to its committed size when an
 * append fails, so no partial line stays; when even that fails, it refuses every later append. The file
 * layer is a seam (`JournalFs`, default node:fs/promises) so tests can inject faults.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

/** An open journal file, appending at its end. */
export interface JournalHandle {
  /** Writes at the end of the file; resolves with the number of bytes written (may be fewer than given). */
  write(data: Buffer): Promise<number>;
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

/** The file operations the journal uses (a seam for tests; the default is node:fs/promises). */
export interface JournalFs {
  mkdir(dir: string): Promise<void>;
  /** The file's bytes; empty when it does not exist yet. */
  readFile(file: string): Promise<Buffer>;
  /** Opens for appending, creating the file. */
  open(file: string): Promise<JournalHandle>;
  /** Makes a new file's directory entry durable (best effort). */
  syncDir(dir: string): Promise<void>;
}

export const nodeJournalFs: JournalFs = {
  async mkdir(dir) {
    await fs.mkdir(dir, { recursive: true });
  },
  async readFile(file) {
    try {
      return await fs.readFile(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return Buffer.alloc(0);
      throw err;
    }
  },
  async open(file) {
    const handle = await fs.open(file, 'a');
    return {
      write: async (data) => (await handle.write(data)).bytesWritten,
      datasync: () => handle.datasync(),
      truncate: (length) => handle.truncate(length),
      close: () => handle.close(),
    };
  },
  async syncDir(dir) {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync().catch(() => {});
    } finally {
      await handle.close();
    }
  },
};

export class AppendLog {
  readonly file: string;
  readonly #fs: JournalFs;
  #handle: JournalHandle | null = null;
  /** Bytes of complete, fsync'd lines: after a failed append the file is cut back to this. */
  #size = 0;
  /** Set when a failed append could not be cut back: no line may be appended after it. */
  #refusing: Error | null = null;
  #failures = 0;
  #queue: { line: string; done: (err?: unknown) => void }[] = [];
  #flushing: Promise<void> | null = null;

  constructor(file: string, ops: JournalFs) {
    this.file = file;
    this.#fs = ops;
  }

  /** Opens (creating) the file, cuts a torn last line, and returns the complete lines. */
  async open(): Promise<{ text: string; tornBytes: number }> {
    const dir = path.dirname(this.file);
    await this.#fs.mkdir(dir);
    const bytes = await this.#fs.readFile(this.file);
    // 0x0a never occurs inside a UTF-8 sequence: the last newline byte ends the last complete line.
    const end = bytes.lastIndexOf(0x0a) + 1;
    this.#handle = await this.#fs.open(this.file);
    if (end < bytes.length) {
      // A torn last line is cut off before appending, so the next line starts clean.
      await this.#handle.truncate(end);
      await this.#handle.datasync();
    }
    this.#size = end;
    // The directory entry must be durable too (a new file).
    await this.#fs.syncDir(dir);
    return { text: bytes.subarray(0, end).toString('utf8'), tornBytes: bytes.length - end };
  }

  /** Resolves once the line is written and fsync'd; rejects when it is not (then it is not in the file). */
  append(line: string): Promise<void> {
    if (this.#refusing) return Promise.reject(this.#refusing);
    return new Promise((resolve, reject) => {
      this.#queue.push({ line, done: (err) => (err ? reject(err) : resolve()) });
      this.#flushing ??= this.#flush();
    });
  }

  /** Why this log refuses appends (a failed append it could not cut back), or null. */
  refusing(): Error | null {
    return this.#refusing;
  }

  /** Batches whose write or fsync failed since open. */
  failures(): number {
    return this.#failures;
  }

  async #flush(): Promise<void> {
    // Never finish synchronously: `#flushing` is set from this promise and must be cleared after it.
    await null;
    try {
      while (this.#queue.length) {
        const batch = this.#queue.splice(0, this.#queue.length);
        try {
          if (this.#refusing) throw this.#refusing;
          const handle = this.#handle;
          if (!handle) throw new Error('journal is closed');
          const data = Buffer.from(batch.map((b) => `${b.line}\n`).join(''), 'utf8');
          try {
            for (let off = 0; off < data.length; ) {
              const n = await handle.write(data.subarray(off));
              if (!(n > 0)) throw new Error(`short write to ${this.file}`);
              off += n;
            }
            await handle.datasync();
          } catch (err) {
            this.#failures++;
            // Cut back before anyone is answered and before the next batch: no partial line stays.
            await this.#cutBack(err);
            throw err;
          }
          this.#size += data.length;
          for (const b of batch) b.done();
        } catch (err) {
          for (const b of batch) b.done(err);
        }
      }
    } finally {
      this.#flushing = null;
    }
  }

  /** Truncates to the committed size (with a fresh handle if need be), or refuses appends from now on. */
  async #cutBack(cause: unknown): Promise<void> {
    const cut = async (handle: JournalHandle) => {
      await handle.truncate(this.#size);
      await handle.datasync();
    };
    try {
      if (this.#handle) return await cut(this.#handle);
    } catch {
      // the handle may be unusable after the failure: try a fresh one
    }
    try {
      await this.#handle?.close().catch(() => {});
      this.#handle = null;
      this.#handle = await this.#fs.open(this.file);
      await cut(this.#handle);
    } catch (err) {
      this.#refusing = new Error(
        `journal ${this.file} refuses appends: a failed append could not be cut back to ${this.#size} bytes (${
          (err as Error)?.message ?? err
        })`,
        { cause },
      );
      await this.#handle?.close().catch(() => {});
      this.#handle = null;
    }
  }

  async close(): Promise<void> {
    await this.#flushing;
    await this.#handle?.close();
    this.#handle = null;
  }
}
