/**
 * 정확도순 (issue 16): how well a posting matches a search, as a rank per search word. Pure; the SQL
 * (search-rank.ts) computes the same ranks, and an integration test holds the two together.
 *
 * - Each AND group of the search scores the best rank of any of its words (a synonym or 직종 counts
 *   as the word it stands for); a posting's score is the sum over the groups.
 * - The rank of a word: where it is found first — the title, then the 직종명 (the posting's KECO
 *   소분류 name), the company name, then the 직무내용 — and a whole word over a part of one in the same
 *   place (웹 개발 and 개발자 over 앱개발 for 개발: a person suffix such as -자, -원, -사 keeps a word whole). A 직종 term ranks as a whole word of the 직종명; a 초성 word
 *   ranks as a part of the title, or of the company name.
 * - Equal scores: the newer posting first (등록일, then the later posting).
 * The score is never shown; the search help explains it in words (views/search-help).
 */

import type { KeywordExpr, Term } from './keyword.ts';
import { occupationsWith } from './related-words.ts';
import { hasWholeWord } from './words.ts';

export type Field = 'title' | 'occupation' | 'company' | 'content';

/** The ranks, best first: a whole word in a field over a part of one, each field over the next. */
export const RANKS: readonly { field: Field; whole: boolean; rank: number }[] = [
  { field: 'title', whole: true, rank: 8 },
  { field: 'title', whole: false, rank: 7 },
  { field: 'occupation', whole: true, rank: 6 },
  { field: 'occupation', whole: false, rank: 5 },
  { field: 'company', whole: true, rank: 4 },
  { field: 'company', whole: false, rank: 3 },
  { field: 'content', whole: true, rank: 2 },
  { field: 'content', whole: false, rank: 1 },
];

export const rankOf = (field: Field, whole: boolean): number =>
  RANKS.find((r) => r.field === field && r.whole === whole)?.rank ?? 0;

/** 초성 of each precomposed syllable, other characters lower-cased: as SQL's ilteo_choseong. */
export function choseongOf(text: string): string {
  const initials = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
  let out = '';
  for (const ch of text.toLowerCase()) {
    const code = ch.codePointAt(0) ?? 0;
    out += code >= 0xac00 && code <= 0xd7a3 ? initials[Math.floor((code - 0xac00) / 588)] : ch;
  }
  return out;
}

export interface Rankable {
  title: string;
  companyName: string;
  jobCont: string;
  jobsCd: string;
}

function fieldRank(field: Exclude<Field, 'occupation'>, text: string, word: string): number {
  if (!text.includes(word)) return 0;
  return rankOf(field, hasWholeWord(text, word));
}

/** The best rank of one word on a posting (0: not found). */
export function termRank(term: Term, p: Rankable): number {
  if (term.kind === 'occupation') return term.codes.includes(p.jobsCd) ? rankOf('occupation', true) : 0;
  if (term.kind === 'choseong') {
    if (choseongOf(p.title).includes(term.text)) return rankOf('title', false);
    return choseongOf(p.companyName).includes(term.text) ? rankOf('company', false) : 0;
  }
  const word = term.text;
  const occupation = occupationsWith(word);
  return Math.max(
    fieldRank('title', p.title.toLowerCase(), word),
    occupation.whole.includes(p.jobsCd)
      ? rankOf('occupation', true)
      : occupation.partial.includes(p.jobsCd)
        ? rankOf('occupation', false)
        : 0,
    fieldRank('company', p.companyName.toLowerCase(), word),
    fieldRank('content', p.jobCont.toLowerCase(), word),
  );
}

/** A posting's score for a search: the sum over its AND groups of the group's best word rank. */
export function relevanceScore(expr: KeywordExpr, p: Rankable): number {
  let score = 0;
  for (const group of expr) score += Math.max(0, ...group.map((t) => termRank(t, p)));
  return score;
}

/** Postings in 정확도순: score, then 등록일, then the later posting (higher id). */
export function byRelevance<T extends Rankable & { regDt: string; id: number }>(expr: KeywordExpr, postings: T[]): T[] {
  const scored = postings.map((p) => ({ p, score: relevanceScore(expr, p) }));
  scored.sort(
    (a, b) => b.score - a.score || (a.p.regDt < b.p.regDt ? 1 : a.p.regDt > b.p.regDt ? -1 : b.p.id - a.p.id),
  );
  return scored.map((s) => s.p);
}
