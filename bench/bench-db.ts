/**
 * The benchmarks' search database (bench:search, bench:day): PostgreSQL at BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/ilteo_bench) with BENCH_POSTINGS (default 1,000,000) generated
 * postings. BENCH_REUSE=1 keeps one already seeded with the right count; otherwise it is made afresh.
 */
import { sql } from 'drizzle-orm';
import { createDatabase, dropDatabase } from '../src/db/admin.ts';
import { type Database, openDatabase } from '../src/db/index.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedPostings } from '../src/jobs/seed-demo.ts';
import { countPostings } from '../src/jobs/store.ts';

export const BENCH_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ilteo_bench';
export const BENCH_POSTINGS = Number(process.env.BENCH_POSTINGS ?? 1_000_000);
const REUSE = process.env.BENCH_REUSE === '1';

/** The database to measure, with how many postings it holds and how long seeding took (when it did). */
export async function benchDatabase(
  today: string,
): Promise<{ database: Database; total: number; seedSeconds?: number }> {
  const dbName = /\/([^/?]+)(\?|$)/.exec(BENCH_URL.replace(/^postgres(ql)?:\/\/[^/]*/, ''))?.[1] ?? 'ilteo_bench';
  if (REUSE) {
    try {
      const db = await openDatabase({ kind: 'postgres', url: BENCH_URL });
      await migrate(db);
      const total = await countPostings(db);
      if (total === BENCH_POSTINGS) return { database: db, total };
      await db.close();
    } catch {}
  }
  await dropDatabase(BENCH_URL, dbName);
  await createDatabase(BENCH_URL);
  const database = await openDatabase({ kind: 'postgres', url: BENCH_URL });
  await migrate(database);
  const t0 = performance.now();
  await seedPostings(database, { count: BENCH_POSTINGS, today, log: (m) => console.error(m) });
  await database.query(sql`VACUUM ANALYZE postings`);
  return { database, total: await countPostings(database), seedSeconds: (performance.now() - t0) / 1000 };
}

/** Waits until a process answers a search in under 300 ms (its daily closer has run), at most a minute. */
export async function settled(base: string): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const started = performance.now();
    const res = await fetch(`${base}/jobs?q=${encodeURIComponent('준비')}`);
    await res.arrayBuffer();
    if (res.ok && performance.now() - started < 300) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${base} did not settle within a minute`);
}
