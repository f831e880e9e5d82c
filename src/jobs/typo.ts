/**
 * Typo help and suggestions at jamo level (issue 16). Pure. A word is compared by its jamo
 * (요양보효사 → ㅇㅛㅇㅑㅇㅂㅗㅎㅛㅅㅏ), so one wrong vowel is one edit, and a half-typed syllable
 * (요야) is a prefix of the word it starts (요양). The SQL twin of jamoOf is ilteo_jamo (migration 0024).
 */
import { disassemble } from 'es-hangul';
import { distance } from 'fastest-levenshtein';

/** The jamo of a text, compound vowels and final clusters split, other characters lower-cased. */
export const jamoOf = (text: string): string => disassemble(text.toLowerCase());

/** How many jamo edits a correction may be away: 1 for a short word, more for a long one. */
export function maxEdits(jamo: string): number {
  const n = [...jamo].length;
  return n < 6 ? 1 : n < 12 ? 2 : 3;
}

export interface VocabularyWord {
  term: string;
  jamo: string;
  /** Open postings whose title has it. */
  n: number;
}

/** A word is offered as a correction only when at least this many open postings use it. */
export const MIN_COMMON = 3;

/**
 * The nearest common word to `word` among `candidates`: the fewest jamo edits within maxEdits, then
 * the most used; undefined when none is near enough (or the word is itself common).
 */
export function nearestWord(word: string, candidates: readonly VocabularyWord[]): string | undefined {
  const jamo = jamoOf(word);
  const limit = maxEdits(jamo);
  let best: { term: string; edits: number; n: number } | undefined;
  for (const c of candidates) {
    if (c.n < MIN_COMMON) continue;
    if (c.term === word) return undefined; // a common word is not a typo
    const edits = distance(jamo, c.jamo);
    if (edits > limit) continue;
    if (!best || edits < best.edits || (edits === best.edits && c.n > best.n)) best = { term: c.term, edits, n: c.n };
  }
  return best?.term;
}

/** The query with each word replaced by its correction, keeping the rest as typed (spaces, |). */
export function correctedQuery(q: string, corrections: ReadonlyMap<string, string>): string {
  return q.replace(/[^\s|]+/g, (w) => corrections.get(w.toLowerCase()) ?? w);
}
