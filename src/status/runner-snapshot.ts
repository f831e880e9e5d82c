/**
 * The status snapshot a process serves (src/status/snapshot.ts builds it): refreshed from the database
 * on an interval, kept on disk so a process that starts during an outage has one, and known stale
 * when it could not be refreshed for three intervals.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/index.ts';
import type { Catalogue } from './catalogue.ts';
import { loadSnapshot, readSnapshot, type Snapshot, saveSnapshot } from './snapshot.ts';

interface SnapshotKeeperDeps {
  database: Database;
  catalogue: Catalogue;
  now: () => Date;
  log: FastifyBaseLogger;
  file: string;
  intervalMs: number;
}

export class SnapshotKeeper {
  #snapshot: Snapshot | null = null;
  #fresh = false;
  #at = 0;
  readonly #deps: SnapshotKeeperDeps;

  constructor(deps: SnapshotKeeperDeps) {
    this.#deps = deps;
  }

  /** The copy on disk, from before this process started. */
  async readSaved(): Promise<void> {
    this.#snapshot = await readSnapshot(this.#deps.file);
  }

  async refresh(): Promise<void> {
    const { database, catalogue, log, file } = this.#deps;
    const now = this.#deps.now();
    try {
      const snapshot = await loadSnapshot(database, catalogue, now);
      this.#snapshot = snapshot;
      this.#fresh = true;
      this.#at = now.getTime();
      await saveSnapshot(file, snapshot).catch((err: unknown) => log.warn({ err }, 'status snapshot not saved'));
    } catch {
      this.#fresh = false;
    }
  }

  get snapshot(): Snapshot | null {
    return this.#snapshot;
  }

  /** Refreshed within the last three intervals. */
  get current(): boolean {
    return this.#fresh && this.#deps.now().getTime() - this.#at <= 3 * this.#deps.intervalMs;
  }
}
