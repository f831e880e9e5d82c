/**
 * The 정확도순 score of relevance.ts as SQL over a posting row `p`: one CASE per AND group, taking the
 * best rank any of its words reaches, summed over the groups. Held equal to relevanceScore by
 * test/integration/search-relevance.test.ts.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { KeywordExpr, Term } from './keyword.ts';
import { occupationsWith } from './related-words.ts';
import { type Field, RANKS } from './relevance.ts';
import { textArray } from './search-plan.ts';
import { PERSON_SUFFIXES } from './words.ts';

/**
 * The 직무내용 is read from `search_text` (title, company and 직무내용 lower-cased, stored): the content
 * ranks are only reached when the word is in neither the title nor the company name, so every
 * occurrence there is in the 직무내용 (a word has no space, so none spans two fields), and no row's
 * 직무내용 is lower-cased again for every search.
 */
const COLUMN: Record<Exclude<Field, 'occupation'>, SQL> = {
  title: sql`lower(p.title)`,
  company: sql`lower(p.company_name)`,
  content: sql`p.search_text`,
};

/** The word characters of relevance.ts's WORD_CHAR, as a bracket expression body. */
const WORD_CLASS = '0-9a-z가-힣ㄱ-ㅣ';
const escapeRegex = (text: string) => text.replace(/[\\^$.*+?()[\]{}|-]/g, (c) => `\\${c}`);

const inCodes = (codes: readonly string[]): SQL | undefined =>
  codes.length > 0 ? sql`p.jobs_cd = ANY(${textArray(codes)})` : undefined;

/** The condition that `term` reaches this field (whole word or not) on the row, or undefined if it never can. */
function reaches(term: Term, field: Field, whole: boolean): SQL | undefined {
  if (term.kind === 'occupation') return field === 'occupation' && whole ? inCodes(term.codes) : undefined;
  if (term.kind === 'choseong') {
    if (whole) return undefined;
    if (field === 'title') return sql`strpos(ilteo_choseong(p.title), ${term.text}) > 0`;
    if (field === 'company') return sql`strpos(ilteo_choseong(p.company_name), ${term.text}) > 0`;
    return undefined;
  }
  if (field === 'occupation') {
    const codes = occupationsWith(term.text);
    return inCodes(whole ? codes.whole : codes.partial);
  }
  if (!whole) return sql`strpos(${COLUMN[field]}, ${term.text}) > 0`;
  const end = `($|[^${WORD_CLASS}])`;
  const pattern = `(^|[^${WORD_CLASS}])${escapeRegex(term.text)}(${end}|[${PERSON_SUFFIXES}]${end})`;
  return sql`${COLUMN[field]} ~ ${pattern}`;
}

function groupScore(group: readonly Term[]): SQL {
  const arms: SQL[] = [];
  for (const r of RANKS) {
    const conds = group.map((t) => reaches(t, r.field, r.whole)).filter((c): c is SQL => c !== undefined);
    if (conds.length > 0) arms.push(sql`WHEN ${sql.join(conds, sql` OR `)} THEN ${sql.raw(String(r.rank))}`);
  }
  return arms.length > 0 ? sql`(CASE ${sql.join(arms, sql` `)} ELSE 0 END)` : sql`0`;
}

/** The score of a row for the search (0 for a search without words). */
export function relevanceSql(expr: KeywordExpr): SQL {
  if (expr.length === 0) return sql`0`;
  return sql`(${sql.join(expr.map(groupScore), sql` + `)})`;
}
