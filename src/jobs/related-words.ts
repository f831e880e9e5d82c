/**
 * Words searched beside the typed ones (issue 16): a typed word's synonyms (src/reference/synonyms.ts)
 * and the KECO 소분류 whose name has the word as a whole word (경리 → 027 회계·경리 사무원), so a search
 * finds postings that use another word for the same job, or that only their 직종 names. `syn=off`
 * turns both off. Pure.
 */
import { OCCUPATIONS } from '../reference/occupations.ts';
import { synonymsOf } from '../reference/synonyms.ts';
import type { KeywordExpr, Term } from './keyword.ts';
import { hasWholeWord } from './words.ts';

export interface Related {
  /** The typed word. */
  word: string;
  /** Its synonyms, searched as words. */
  added: string[];
  /** The KECO 소분류 named by it, whose postings are included. */
  occupations: { code: string; name: string }[];
}

/** Synonyms added per search (the typed words stay within MAX_TERMS; these come on top). */
const MAX_SYNONYMS = 10;
/**
 * A word that names more 소분류 than this is too general to stand for one job (사무원, 전문가,
 * 종사자): its occupations are not added (it is still a word of the 직종명 for 정확도순).
 */
export const MAX_NAMED_OCCUPATIONS = 3;

const SMALL = OCCUPATIONS.filter((o) => o.level === 3);
/** The words of a KECO name: split at spaces, 가운뎃점, commas, slashes and brackets; 및 is not a word. */
export const nameWords = (name: string): string[] =>
  name
    .toLowerCase()
    .split(/[\s·,/()]+/)
    .filter((w) => w.length > 0 && w !== '및');

/** The 소분류 whose name has `word` as a whole word (words.ts: 간호 in 간호사), and those whose name has it anywhere. */
export function occupationsWith(word: string): { whole: string[]; partial: string[] } {
  const w = word.toLowerCase();
  const whole: string[] = [];
  const partial: string[] = [];
  for (const o of SMALL) {
    const name = o.name.toLowerCase();
    if (!name.includes(w)) continue;
    partial.push(o.code);
    if (hasWholeWord(name, w)) whole.push(o.code);
  }
  return { whole, partial };
}

/**
 * The occupations a typed word stands for: its whole-word 소분류, when there are few enough. The
 * 관리직 (중분류 01) are left out: their names list whole sectors (미용·여행·숙박·음식·경비·청소 관리자),
 * so 미용 stands for 미용 서비스원, not for their managers.
 */
export function occupationsNamedBy(word: string): { code: string; name: string }[] {
  if ([...word].length < 2) return [];
  const whole = occupationsWith(word).whole.filter((c) => !c.startsWith('01'));
  if (whole.length === 0 || whole.length > MAX_NAMED_OCCUPATIONS) return [];
  return SMALL.filter((o) => whole.includes(o.code)).map((o) => ({ code: o.code, name: o.name }));
}

/** Adds each typed word's synonyms and named occupations to its OR group, and says what was added. */
export function withRelated(expr: KeywordExpr): { expr: KeywordExpr; added: Related[] } {
  const added: Related[] = [];
  let count = 0;
  const out = expr.map((group) => {
    const terms: Term[] = [...group];
    for (const t of group) {
      if (t.kind !== 'text') continue;
      const extra = synonymsOf(t.text).filter((w) => !terms.some((x) => x.kind === 'text' && x.text === w));
      const words = extra.slice(0, Math.max(0, MAX_SYNONYMS - count));
      count += words.length;
      terms.push(...words.map((w) => ({ kind: 'text' as const, text: w })));
      const occupations = occupationsNamedBy(t.text);
      if (occupations.length > 0)
        terms.push({ kind: 'occupation', text: t.text, codes: occupations.map((o) => o.code) });
      if (words.length > 0 || occupations.length > 0) added.push({ word: t.text, added: words, occupations });
    }
    return terms;
  });
  return { expr: out, added };
}

/** What a related search added, in words: ‘경리’ 관련 결과(회계, 직종 회계·경리 사무원)도 포함했습니다. */
export function relatedNotices(added: readonly Related[]): string[] {
  if (added.length === 0) return [];
  const parts = added.map((a) => `‘${a.word}’ 관련 결과(${relatedLabels(a).join(', ')})`);
  return [`${parts.join(', ')}도 포함했습니다.`];
}

/** The related words and occupations of one typed word, as shown: 회계, 직종 회계·경리 사무원. */
export const relatedLabels = (a: Related): string[] => [...a.added, ...a.occupations.map((o) => `직종 ${o.name}`)];
