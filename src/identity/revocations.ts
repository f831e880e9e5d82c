/**
 * What the signed pass cannot know by itself: sessions ended and accounts disabled since it was issued.
 * Every app process keeps the list in memory and on its own disk (beside its journal and status
 * snapshot), refreshed from the database every 15 s while one answers; so during a full outage — when
 * the pass is all there is to recognise a citizen by — a session signed out or an account disabled
 * before the outage is refused, also by a process that starts during the outage.
 * Kept: sessions revoked within the pass lifetime (older ones cannot have a valid pass any more) and
 * every account that is not active.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';

interface Saved {
  at: string;
  /** First 16 hex digits of the revoked sessions' token hashes (what a pass carries as `sid`). */
  sids: string[];
  accounts: number[];
}

export class RevocationList {
  readonly file: string;
  #sids = new Set<string>();
  #accounts = new Set<number>();
  #at: string | null = null;

  constructor(dir: string) {
    this.file = path.join(dir, 'revocations.json');
  }

  /** Reads the list this server last saved (none yet: empty). */
  async open(): Promise<void> {
    const text = await fs.readFile(this.file, 'utf8').catch(() => null);
    if (!text) return;
    try {
      this.#apply(JSON.parse(text) as Saved);
    } catch {
      // A list cut short by a crash is replaced by the next refresh.
    }
  }

  /** Reads the list from the database and saves it (atomically: a new file, then a rename). */
  async refresh(database: Database, now: Date, passLifetimeMs: number): Promise<void> {
    const since = new Date(now.getTime() - passLifetimeMs).toISOString();
    const [sessions, accounts] = await Promise.all([
      database.read<{ sid: string }>(sql`SELECT left(id_hash, 16) AS sid FROM sessions WHERE revoked_at > ${since}`),
      database.read<{ id: number }>(sql`SELECT id::int AS id FROM accounts WHERE status <> 'active'`),
    ]);
    const saved: Saved = {
      at: now.toISOString(),
      sids: sessions.map((r) => r.sid),
      accounts: accounts.map((r) => r.id),
    };
    this.#apply(saved);
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await fs.writeFile(`${this.file}.tmp`, JSON.stringify(saved), { mode: 0o600 });
    await fs.rename(`${this.file}.tmp`, this.file);
  }

  /** Whether a pass for this session and account must be refused. */
  refuses(pass: { sid: string; id: number }): boolean {
    return this.#sids.has(pass.sid) || this.#accounts.has(pass.id);
  }

  /** When the list was last read from the database (null: never). */
  get at(): string | null {
    return this.#at;
  }

  #apply(saved: Saved): void {
    this.#sids = new Set(saved.sids);
    this.#accounts = new Set(saved.accounts);
    this.#at = saved.at;
  }
}
