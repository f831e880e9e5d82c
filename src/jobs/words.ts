/** What a whole word is, for 정확도순 (relevance.ts) and for 직종 names (related-words.ts). Pure. */

/** Characters that make up a word: a character next to one of these is inside the word, not at its edge. */
export const WORD_CHAR = /[0-9a-z가-힣ㄱ-ㅣ]/;

/**
 * The one-syllable suffixes that name the person doing a job (주차관리원, 개발자, 용접공, 미용사): a word
 * followed by one of them and then a word's end is still the whole word, as Korean forms job names.
 */
export const PERSON_SUFFIXES = '원사자공인직';

const isEdge = (ch: string | undefined) => ch === undefined || !WORD_CHAR.test(ch);

/**
 * Whether `word` occurs in `text` (both lower-cased) as a whole word: no word character right before
 * it, and right after it either none or one person suffix and then none.
 */
export function hasWholeWord(text: string, word: string): boolean {
  if (word.length === 0) return false;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    const after = text[end];
    const suffixed = after !== undefined && PERSON_SUFFIXES.includes(after) && isEdge(text[end + 1]);
    if (isEdge(text[at - 1]) && (isEdge(after) || suffixed)) return true;
  }
  return false;
}
