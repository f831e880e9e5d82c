/**
 * The words of the open postings (materialised view search_vocabulary, migration 0024): title words,
 * titles and company names with how many open postings have each, and their jamo. Typo help reads
 * the words near a typed one; suggestions read terms by jamo prefix. Refreshed with the daily closer
 * and after seeding, so a posting's words join the next day (a refresh at 1,000,000 postings took
 * 9.6 s on the benchmark machine; CONCURRENTLY keeps it readable meanwhile). The first app process to
 * search each day refreshes it (closer.ts; a lease per day, so processes do not rebuild it side by side).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import type { VocabularyWord } from './typo.ts';

export type VocabularyKind = 'word' | 'title' | 'company';

/**
 * Rebuilds the vocabulary from the open postings (readers keep the old one until it is done), then
 * raises the search generation: kept search pages carry typo help from the vocabulary.
 */
export async function refreshVocabulary(database: Database): Promise<void> {
  await database.query(sql`REFRESH MATERIALIZED VIEW CONCURRENTLY search_vocabulary`);
  await database.query(sql`UPDATE search_generation SET n = n + 1 WHERE id = 1`);
}

/** Words whose jamo share enough trigrams with `jamo` to be candidates for a correction. */
export async function wordsNear(database: Database, jamo: string, limit = 30): Promise<VocabularyWord[]> {
  return database.readWithSettings<VocabularyWord & Record<string, unknown>>(
    { 'pg_trgm.similarity_threshold': '0.3' },
    sql`SELECT term, jamo, n FROM search_vocabulary WHERE kind = 'word' AND jamo % ${jamo}
      ORDER BY similarity(jamo, ${jamo}) DESC, n DESC LIMIT ${limit}`,
  );
}

/**
 * The most used terms of each kind whose jamo starts with the typed jamo: titles and companies with
 * the whole query's, words with the last word's. Each kind looks at the first
 * PREFIX_SCAN terms of the prefix (in index order) and keeps the most used of them: a short prefix
 * may miss a more used term further on, which is what a suggestion may do, and keeps it fast.
 */
const PREFIX_SCAN = 300;
export async function termsStartingWith(
  database: Database,
  typed: { whole: string; word: string },
  perKind: number,
): Promise<{ kind: VocabularyKind; term: string; n: number }[]> {
  // A range in text_pattern_ops order (~>=~, ~<~) rather than LIKE: the index serves it with the
  // prefix as a parameter too (a generic plan cannot use LIKE $1 on an index).
  const kind = (k: VocabularyKind, jamo: string) =>
    sql`(SELECT kind, term, n FROM (SELECT kind, term, n FROM search_vocabulary
      WHERE kind = ${k} AND jamo ~>=~ ${jamo} AND jamo ~<~ ${`${jamo}\u{10FFFF}`} LIMIT ${PREFIX_SCAN}) s
      ORDER BY n DESC, term LIMIT ${perKind})`;
  const parts = [kind('title', typed.whole), kind('company', typed.whole)];
  if (typed.word !== '') parts.unshift(kind('word', typed.word));
  return database.read(sql.join(parts, sql` UNION ALL `));
}
