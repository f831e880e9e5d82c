/**
 * Suggestions while typing (GET /api/v1/postings/suggest, issue 16): 직종 names (KECO 소분류 and the
 * synonym table's words, from src/reference), the postings' common title words, titles and company
 * names, all matched by jamo prefix so a half-typed syllable already finds its word. Pure: the terms
 * from the database come in as rows (vocabulary.ts).
 */
import { OCCUPATIONS } from '../reference/occupations.ts';
import { SYNONYM_GROUPS } from '../reference/synonyms.ts';
import { nameWords } from './related-words.ts';
import { jamoOf } from './typo.ts';
import type { VocabularyKind } from './vocabulary.ts';

export type SuggestionKind = 'occupation' | VocabularyKind;
export interface Suggestion {
  kind: SuggestionKind;
  /** What the search box gets when this is chosen. */
  text: string;
}

export const SUGGESTION_LABELS: Record<SuggestionKind, string> = {
  occupation: '직종',
  word: '검색어',
  title: '공고 제목',
  company: '회사',
};

/** At most this many suggestions in all, and of each kind. */
export const MAX_SUGGESTIONS = 10;
export const PER_KIND = 4;

/** The 직종 words (KECO 소분류 names and their words, the synonym table's words) with their jamo. */
const OCCUPATION_TERMS: readonly { text: string; jamo: string[] }[] = (() => {
  const out = new Map<string, string[]>();
  for (const o of OCCUPATIONS.filter((x) => x.level === 3))
    out.set(o.name, [jamoOf(o.name), ...nameWords(o.name).map(jamoOf)]);
  for (const g of SYNONYM_GROUPS) for (const w of g.words) if (!out.has(w)) out.set(w, [jamoOf(w)]);
  return [...out].map(([text, jamo]) => ({ text, jamo }));
})();

/** 직종 names one of whose words (or the whole name) starts with the typed jamo. */
export function occupationSuggestions(typed: string, limit = PER_KIND): Suggestion[] {
  const jamo = jamoOf(typed);
  if (jamo.length === 0) return [];
  return OCCUPATION_TERMS.filter((t) => t.jamo.some((j) => j.startsWith(jamo)))
    .slice(0, limit)
    .map((t) => ({ kind: 'occupation', text: t.text }));
}

/** The typed query split into what stays (earlier words) and the word being typed. */
export function typing(q: string): { before: string; word: string } {
  const m = /^(.*?)([^\s|]*)$/su.exec(q.replace(/^\s+/, '')) ?? [];
  return { before: m[1] ?? '', word: m[2] ?? '' };
}

/**
 * The list shown: 직종 first, then words (the typed query with its last word completed), titles and
 * companies; no text twice, nothing equal to what is typed, at most MAX_SUGGESTIONS.
 */
export function mergeSuggestions(
  q: string,
  occupations: readonly Suggestion[],
  rows: readonly { kind: VocabularyKind; term: string }[],
): Suggestion[] {
  const { before } = typing(q);
  const order: SuggestionKind[] = ['occupation', 'word', 'title', 'company'];
  const all: Suggestion[] = [
    ...occupations.map((o) => ({ kind: o.kind, text: `${before}${o.text}` })),
    ...rows.map((r) => ({ kind: r.kind, text: r.kind === 'word' ? `${before}${r.term}` : r.term })),
  ];
  const seen = new Set([q.trim().toLowerCase()]);
  const out: Suggestion[] = [];
  for (const kind of order)
    for (const s of all.filter((x) => x.kind === kind)) {
      const key = s.text.trim().toLowerCase();
      if (seen.has(key) || out.length >= MAX_SUGGESTIONS) continue;
      seen.add(key);
      out.push(s);
    }
  return out;
}
