/**
 * The search page (issue 16): the search and its facet counts, each kept per search generation
 * (search-cache.ts: reused until a posting changes, never stale), typo help for a search with few
 * results, and suggestions while typing (cached per typed prefix for a minute: many people type the
 * same first syllables; they come from the vocabulary, refreshed daily).
 */
import { LRUCache } from 'lru-cache';
import type { Database } from '../db/index.ts';
import { type FacetCounts, facetCounts, NONE_COUNTED, overFacetCap } from './facets.ts';
import { type SearchResult, searchSnapshot } from './search.ts';
import { currentGeneration, GenerationCache } from './search-cache.ts';
import { normaliseText, parseKeyword, type SearchParams } from './search-query.ts';
import { mergeSuggestions, occupationSuggestions, PER_KIND, type Suggestion, typing } from './suggest.ts';
import { correctedQuery, jamoOf, nearestWord } from './typo.ts';
import { termsStartingWith, wordsNear } from './vocabulary.ts';

/** Suggestions may be this old. */
export const CACHE_TTL_MS = 60_000;
/** Searches (a page of results each) and facet counts kept per generation, at most. */
export const KEPT_SEARCHES = 2_000;
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
const facetKey = (p: SearchParams, day: string) => ({
  day,
  scope: p.scope,
  keyword: p.keyword,
  exclude: p.excludeTerms,
  filters: [p.regions, p.occupations, p.employmentTypes, p.careers, p.educations],
  wage: [p.wageType, p.minWage],
  posted: p.posted,
});
/** What a page of results depends on. */
const searchKey = (p: SearchParams, day: string): string =>
  JSON.stringify({ ...facetKey(p, day), sort: p.sort, page: p.page, size: p.pageSize });

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
  const results = new GenerationCache<SearchResult>(KEPT_SEARCHES);
  const facets = new GenerationCache<FacetCounts>(KEPT_SEARCHES);
  const corrections = new GenerationCache<{ word?: string }>(KEPT_SEARCHES);
  const suggestions = new LRUCache<string, Promise<Suggestion[]>>({ max: 5_000, ttl: CACHE_TTL_MS });
  const search = (generation: string, params: SearchParams, day: string) =>
    results.get(generation, searchKey(params, day), () => searchSnapshot(database, params, day));
  /** Facets are counted side by side, not in one snapshot: they are kept only if no posting changed meanwhile. */
  const facetsOf = (generation: string, params: SearchParams, day: string) =>
    facets.get(generation, JSON.stringify(facetKey(params, day)), async () => {
      const value = await facetCounts(database, params, day);
      return { generation: (await currentGeneration(database)) === generation ? generation : undefined, value };
    });
  return {
    async search(params: SearchParams, day: string): Promise<SearchResult> {
      return search(await currentGeneration(database), params, day);
    },
    async page(params: SearchParams, day: string): Promise<SearchPage> {
      const generation = await currentGeneration(database);
      const result = await search(generation, params, day);
      const counts = overFacetCap(result.totalCapped) ? NONE_COUNTED : await facetsOf(generation, params, day);
      const didYouMean =
        result.total < FEW_RESULTS && params.page === 1
          ? (
              await corrections.get(generation, normaliseText(params.q), async () => {
                const word = await correction(database, params.q);
                return { generation, value: word ? { word } : {} };
              })
            ).word
          : undefined;
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
