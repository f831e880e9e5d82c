/**
 * The search as SQL conditions over open postings (status = 'open' and 마감일 not passed; the daily
 * closer, src/jobs/closer.ts, only tidies their status).
 *
 * One GIN index (postings_open_keys_idx) over `keys` answers most of a query by itself: `keys` holds
 * the distinct character bigrams of title + company + 직무내용 (and of the 초성 of title + company) and
 * the posting's facet keys (r:시군구, r:시도, o:KECO 1/2/3, e:고용형태, s:임금형태, c:경력, d:학력).
 * - A 2-character word is matched exactly by its bigram: no table row is read to decide it.
 * - A longer word (or a 초성 word, or a word in a narrower scope) is narrowed by all its bigrams and then
 *   re-checked with LIKE on the row, so results are exact.
 * - A 직종 term (related-words.ts) is its occupations' facet keys: `keys && {o:…}`.
 * - Filters are facet keys: `keys @> {…}` for what every match must have, `keys && {…}` for a choice.
 * Conditions the index cannot answer (LIKE re-checks, 제외어, 최소임금, 등록일, 마감일) are the "row" part.
 */
import { type SQL, sql } from 'drizzle-orm';
import { addDays } from '../shared/dates.ts';
import { POSTED_DAYS, type Scope, type SearchParams, type Term } from './search-query.ts';

/** Distinct bigrams of a word (whitespace-free, already lowercased). */
export function bigrams(word: string): string[] {
  const chars = [...word];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return [...out];
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export const textArray = (values: readonly string[]): SQL =>
  sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

const SCOPE_COLUMN: Record<Exclude<Scope, 'all'>, SQL> = {
  title: sql`p.title`,
  company: sql`p.company_name`,
  content: sql`p.job_cont`,
};

/** A search split into what the keys index answers and what must be checked on the row. */
export interface SearchPlan {
  /** Keys every match has (one `keys @>`). */
  allKeys: string[];
  /** Further index conditions: `keys && {…}` choices and OR groups of `keys @> {…}`. */
  indexConds: SQL[];
  /** Conditions checked on the row. */
  rowConds: SQL[];
  /** The row check that the posting's 마감일 has not passed. */
  notExpired: SQL;
}

/** The index keys that narrow to one word's matches: its bigrams, or its occupations' facet keys. */
function termKeys(term: Term): SQL | undefined {
  if (term.kind === 'occupation') return sql`p.keys && ${textArray(term.codes.map((c) => `o:${c}`))}`;
  const grams = bigrams(term.text);
  return grams.length > 0 ? sql`p.keys @> ${textArray(grams)}` : undefined;
}

/** The row check of one word, or undefined when its index keys alone decide it (2 characters, all fields). */
function termRowCheck(term: Term, scope: Scope): SQL | undefined {
  if (term.kind === 'occupation') return undefined;
  const pattern = `%${escapeLike(term.text)}%`;
  if (term.kind === 'choseong') return sql`p.choseong LIKE ${pattern}`;
  if (scope !== 'all') return sql`${SCOPE_COLUMN[scope]} ILIKE ${pattern}`;
  if ([...term.text].length === 2) return undefined;
  return sql`p.search_text LIKE ${pattern}`;
}

function choice(prefix: string, values: readonly string[], plan: SearchPlan): void {
  const keys = [...new Set(values)].map((v) => `${prefix}:${v}`);
  if (keys.length === 1) plan.allKeys.push(keys[0] as string);
  else if (keys.length > 1) plan.indexConds.push(sql`p.keys && ${textArray(keys)}`);
}

export function planSearch(params: SearchParams, today: string): SearchPlan {
  const plan: SearchPlan = { allKeys: [], indexConds: [], rowConds: [], notExpired: sql`true` };
  for (const group of params.keyword) {
    const checks = group.map((t) => termRowCheck(t, params.scope));
    const single = group[0];
    if (group.length === 1 && single?.kind !== 'occupation') {
      plan.allKeys.push(...bigrams(single?.text ?? ''));
      if (checks[0]) plan.rowConds.push(checks[0]);
      continue;
    }
    // (a OR b): the index narrows to rows having all bigrams of a or all of b (or b's 직종); the row check is exact.
    const keys = group.map(termKeys);
    if (keys.every((k) => k !== undefined)) plan.indexConds.push(sql`(${sql.join(keys, sql` OR `)})`);
    if (checks.some((c) => c !== undefined) || keys.some((k) => k === undefined)) {
      const exact = group.map((t, i) => checks[i] ?? keys[i] ?? sql`p.search_text LIKE ${`%${escapeLike(t.text)}%`}`);
      plan.rowConds.push(sql`(${sql.join(exact, sql` OR `)})`);
    }
  }
  for (const word of params.excludeTerms) {
    const pattern = `%${escapeLike(word)}%`;
    plan.rowConds.push(
      params.scope === 'all'
        ? sql`p.search_text NOT LIKE ${pattern}`
        : sql`${SCOPE_COLUMN[params.scope]} NOT ILIKE ${pattern}`,
    );
  }
  choice('r', params.regions, plan);
  choice('o', params.occupations, plan); // parseSearchParams accepts known KECO codes only
  choice('e', params.employmentTypes, plan);
  if (params.wageType) plan.allKeys.push(`s:${params.wageType}`);
  const careers = new Set<string>();
  for (const c of params.careers) {
    careers.add(c);
    if (c === 'N' || c === 'E') careers.add('Z');
  }
  choice('c', [...careers], plan);
  choice('d', params.educations, plan);
  if (params.minWage !== undefined) plan.rowConds.push(sql`p.min_sal >= ${params.minWage}`);
  if (params.posted) plan.rowConds.push(sql`p.reg_dt >= ${addDays(today, -POSTED_DAYS[params.posted])}::date`);
  // A posting is open until the end of its 마감일, whether or not the closer has run today.
  // Written so no index matches it: the planner would otherwise read the close_dt index for it and test
  // `keys` on thousands of rows, instead of letting the keys index narrow first.
  plan.notExpired = sql`coalesce(p.close_dt, 'infinity'::date) >= ${today}::date`;
  plan.allKeys = [...new Set(plan.allKeys)];
  return plan;
}

function indexWhere(plan: SearchPlan): SQL {
  const conds = [sql`p.status = 'open'`];
  if (plan.allKeys.length > 0) conds.push(sql`p.keys @> ${textArray(plan.allKeys)}`);
  conds.push(...plan.indexConds);
  return sql.join(conds, sql` AND `);
}

export function fullWhere(plan: SearchPlan): SQL {
  return sql.join([indexWhere(plan), ...plan.rowConds, plan.notExpired], sql` AND `);
}

/** Whether the plan uses the keys index at all (else every open posting is a candidate). */
export const usesIndex = (plan: SearchPlan) => plan.allKeys.length > 0 || plan.indexConds.length > 0;
