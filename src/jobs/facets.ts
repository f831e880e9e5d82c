/**
 * Facet counts (issue 16): for the current search, how many results each 지역 / 직종 / 고용형태 / 경력
 * choice would give. A facet is counted with every filter of the search except its own (choosing
 * another 지역 adds to the chosen ones), grouped by the posting's own code and rolled up to the codes
 * the filter offers (시군구 → 시도; KECO 소분류 → 중분류 → 대분류), as the facet keys of the keys index
 * are (migration 0002). A facet whose matches exceed FACET_MAX_ROWS is not counted (the page says
 * so) rather than counted slowly or guessed. The service caches counts per normalised search briefly.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { fullWhere, planSearch } from './search-plan.ts';
import { MAX_RESULTS, type SearchParams } from './search-query.ts';

export const FACETS = ['region', 'occupation', 'empTp', 'career'] as const;
export type Facet = (typeof FACETS)[number];

/**
 * Above this many matches (without the facet's own filter) a facet is not counted: the cap of the
 * result count (MAX_RESULTS). Counting costs a heap visit per match, four facets side by side: at
 * 50,000 a search never asked before cost about 1.3 s of database time for its facets alone (bench:search).
 */
export const FACET_MAX_ROWS: number = MAX_RESULTS;

export interface FacetCounts {
  /** Per facet: each choice's count (a code absent from it has none), or undefined when not counted. */
  counts: Record<Facet, Record<string, number> | undefined>;
}

/** No facet counted. */
export const NONE_COUNTED: FacetCounts = {
  counts: { region: undefined, occupation: undefined, empTp: undefined, career: undefined },
};

/**
 * Whether counting can be skipped for a search whose own count passed MAX_RESULTS: every facet counts
 * the search without one of its filters (as many matches or more), so with FACET_MAX_ROWS at most
 * MAX_RESULTS none would be counted.
 */
export const overFacetCap = (searchCapped: boolean): boolean => searchCapped && FACET_MAX_ROWS <= MAX_RESULTS;

const COLUMN: Record<Facet, SQL> = {
  region: sql`p.region_cd`,
  occupation: sql`p.jobs_cd`,
  empTp: sql`p.emp_tp_cd`,
  career: sql`p.career`,
};

/** The search without the facet's own filter. */
function withoutOwn(params: SearchParams, facet: Facet): SearchParams {
  if (facet === 'region') return { ...params, regions: [] };
  if (facet === 'occupation') return { ...params, occupations: [] };
  if (facet === 'empTp') return { ...params, employmentTypes: [] };
  return { ...params, careers: [] };
}

/**
 * The choices' counts from counts per posting code: a 시군구 also counts for its 시도 (code + '000'), a
 * KECO 소분류 for its 중분류 and 대분류, and 경력 관계없음 (Z) for 신입 (N) and 경력 (E) too, as the
 * filter matches it (search-plan.ts). Pure.
 */
export function rollUp(facet: Facet, rows: readonly { code: string; n: number }[]): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (code: string, n: number) => {
    out[code] = (out[code] ?? 0) + n;
  };
  for (const { code, n } of rows) {
    if (facet === 'region') {
      add(code, n);
      const sido = `${code.slice(0, 2)}000`;
      if (sido !== code) add(sido, n);
    } else if (facet === 'occupation') {
      for (let len = code.length; len >= 1; len--) add(code.slice(0, len), n);
    } else if (facet === 'career') {
      add(code, n);
      if (code === 'Z') {
        add('N', n);
        add('E', n);
      }
    } else add(code, n);
  }
  return out;
}

const SETTINGS = { max_parallel_workers_per_gather: '0', work_mem: '32MB' } as const;

async function countFacet(
  database: Database,
  params: SearchParams,
  facet: Facet,
  today: string,
  maxRows: number,
): Promise<Record<string, number> | undefined> {
  const where = fullWhere(planSearch(withoutOwn(params, facet), today));
  const rows = await database.readWithSettings<{ code: string; n: number; over: boolean }>(
    SETTINGS,
    sql`WITH m AS (SELECT ${COLUMN[facet]} AS code FROM postings p WHERE ${where} LIMIT ${maxRows + 1})
      SELECT code, count(*)::int AS n, (SELECT count(*) FROM m) > ${maxRows} AS over FROM m GROUP BY code`,
  );
  if (rows.some((r) => r.over)) return undefined;
  return rollUp(facet, rows);
}

/** The counts of every facet for the search (run side by side). */
export async function facetCounts(
  database: Database,
  params: SearchParams,
  today: string,
  maxRows = FACET_MAX_ROWS,
): Promise<FacetCounts> {
  const [region, occupation, empTp, career] = await Promise.all(
    FACETS.map((f) => countFacet(database, params, f, today, maxRows)),
  );
  return { counts: { region, occupation, empTp, career } };
}
