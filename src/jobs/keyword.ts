/** The parsed keyword of a search (search-query.ts parses it; related-words.ts adds to it). */

/**
 * A search word: text (a substring), 초성, or the postings of KECO occupations whose name has the
 * word (`codes`; added by withRelated, never typed).
 */
export type Term =
  | { kind: 'text'; text: string }
  | { kind: 'choseong'; text: string }
  | { kind: 'occupation'; text: string; codes: string[] };
/** A conjunction of disjunctions: every group must match; within a group any term. */
export type KeywordExpr = Term[][];
