/**
 * The search page's work beyond the search itself (issue 16): facet counts (cached per normalised
 * search for a minute), typo help for a search with few results, and suggestions while typing (cached
 * per typed prefix for a minute: many people type the same first syllables).
 */
import { LRUCache } from 'lru-cache';
import type { Database } from '../db/index.ts';
import { type FacetCounts, facetCounts } from './facets.ts';
import { type SearchResult, searchPostings } from './search.ts';
import { normaliseText, parseKeyword, type SearchParams } from './search-query.ts';
import { mergeSuggestions, occupationSuggestions, PER_KIND, type Suggestion, typing } from './suggest.ts';
import { correctedQuery, jamoOf, nearestWord } from './typo.ts';
import { termsStartingWith, wordsNear } from './vocabulary.ts';

/** Facet counts and suggestions may be this old: a new posting shows in them within a minute (or the next day, for words). */
export const CACHE_TTL_MS = 60_000;
/** A search with fewer results than this gets typo help. */
export const FEW_RESULTS = 3;
/** Suggestions are looked up for at most this many characters typed. */
export const MAX_SUGGEST_CHARS = 40;

export interface SearchPage {
  result: SearchResult;
  facets: FacetCounts;
  /** "혹시 …을 찾으셨나요?": the query with its typos corrected, when the search found few results. */
  didYouMean?: string;
}

/** What facet counts depend on: the search without its page, sort and page size. */
const facetKey = (p: SearchParams, day: string): string =>
  JSON.stringify({
    day,
    scope: p.scope,
    keyword: p.keyword,
    exclude: p.excludeTerms,
    filters: [p.regions, p.occupations, p.employmentTypes, p.careers, p.educations],
    wage: [p.wageType, p.minWage],
    posted: p.posted,
  });

function cached<V extends {}>(cache: LRUCache<string, Promise<V>>, key: string, make: () => Promise<V>): Promise<V> {
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
    value.catch(() => cache.delete(key));
  }
  return value;
}

/** The typed words (not their synonyms) corrected to the nearest common word, or undefined. */
async function correction(database: Database, q: string): Promise<string | undefined> {
  const words = parseKeyword(q)
    .expr.flat()
    .filter((t) => t.kind === 'text')
    .map((t) => t.text);
  const corrections = new Map<string, string>();
  for (const word of words.slice(0, 5)) {
    const near = await wordsNear(database, jamoOf(word));
    const better = nearestWord(word, near);
    if (better) corrections.set(word, better);
  }
  return corrections.size > 0 ? correctedQuery(normaliseText(q), corrections) : undefined;
}

export function searchPages(database: Database) {
  const facets = new LRUCache<string, Promise<FacetCounts>>({ max: 2_000, ttl: CACHE_TTL_MS });
  const suggestions = new LRUCache<string, Promise<Suggestion[]>>({ max: 5_000, ttl: CACHE_TTL_MS });
  return {
    async page(params: SearchParams, day: string): Promise<SearchPage> {
      const [result, counts] = await Promise.all([
        searchPostings(database, params, day),
        cached(facets, facetKey(params, day), () => facetCounts(database, params, day)),
      ]);
      const didYouMean =
        result.total < FEW_RESULTS && params.page === 1 ? await correction(database, params.q) : undefined;
      return { result, facets: counts, ...(didYouMean ? { didYouMean } : {}) };
    },
    suggest(q: string): Promise<Suggestion[]> {
      const typed = normaliseText(q).slice(0, MAX_SUGGEST_CHARS);
      if (typed === '') return Promise.resolve([]);
      return cached(suggestions, typed, async () => {
        const { word } = typing(typed);
        const rows = await termsStartingWith(database, { whole: jamoOf(typed), word: jamoOf(word) }, PER_KIND);
        return mergeSuggestions(typed, occupationSuggestions(word), rows);
      });
    },
  };
}
