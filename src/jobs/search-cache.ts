/**
 * Search results kept per search generation (migration 0025, issue 16). Every statement that changes
 * postings raises the generation in its own transaction, so a result computed in a snapshot that read
 * generation N is exactly what any later search would compute while the generation is still N. A
 * search first reads the generation (one small query) and reuses what was computed for it; it never
 * shows a result older than the postings it would read. Entries of a past generation are never read
 * again and age out of the LRU.
 */
import { sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Database, SnapshotRead } from '../db/index.ts';

/** What was computed, and the generation it is exact for (undefined: not known, so not kept). */
export interface Generational<V> {
  generation: string | undefined;
  value: V;
}

const GENERATION = sql`SELECT n::text AS n FROM search_generation WHERE id = 1`;

function generationOf(rows: { n: string }[]): string {
  const n = rows[0]?.n;
  if (n === undefined) throw new Error('search_generation has no row: migration 0025 was not applied');
  return n;
}

/** The current search generation. */
export async function currentGeneration(database: Database): Promise<string> {
  return generationOf(await database.read<{ n: string }>(GENERATION));
}

/** The search generation inside a snapshot (read it first: the snapshot is then that generation's). */
export async function snapshotGeneration(read: SnapshotRead): Promise<string> {
  return generationOf(await read<{ n: string }>({}, GENERATION));
}

/** Entries unused this long are dropped even while their generation is current (memory only). */
export const IDLE_MS = 10 * 60_000;

/** Values by (generation, key). Concurrent requests for the same entry share one computation. */
export class GenerationCache<V extends {}> {
  readonly #entries: LRUCache<string, Promise<Generational<V>>>;

  constructor(max: number) {
    this.#entries = new LRUCache({ max, ttl: IDLE_MS, updateAgeOnGet: true });
  }

  /**
   * The value for `key` at `generation` (read just before), computed by `make` when not kept. `make`
   * says which generation its result is exact for: a later one than asked is kept under that one.
   */
  async get(generation: string, key: string, make: () => Promise<Generational<V>>): Promise<V> {
    const slot = `${generation}\u0000${key}`;
    let entry = this.#entries.get(slot);
    if (!entry) {
      entry = make();
      this.#entries.set(slot, entry);
      entry.then(
        (made) => {
          if (made.generation === generation) return;
          if (this.#entries.get(slot) === entry) this.#entries.delete(slot);
          if (made.generation !== undefined) this.#entries.set(`${made.generation}\u0000${key}`, Promise.resolve(made));
        },
        () => {
          if (this.#entries.get(slot) === entry) this.#entries.delete(slot);
        },
      );
    }
    return (await entry).value;
  }

  /** How many entries are kept (for tests). */
  get size(): number {
    return this.#entries.size;
  }
}
