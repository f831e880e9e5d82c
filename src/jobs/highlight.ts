import { escapeHtml, type Html, raw } from '../web/html.ts';
import type { KeywordExpr } from './search-query.ts';

type Range = [start: number, end: number];

const CHOSEONG = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';

/**
 * 초성 of each character, same length as the input (non-syllables kept as they are, lower-cased). By
 * the Unicode composition formula (초성 = (code − 0xAC00) ÷ 588), which gives what es-hangul's
 * getChoseong does (highlight.test.ts checks every syllable) at a fifth of the cost of calling it per
 * character: a 초성 search page highlights 20 postings' texts.
 */
export function choseongOf(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    out += code >= 0xac00 && code <= 0xd7a3 ? CHOSEONG[Math.floor((code - 0xac00) / 588)] : ch.toLowerCase();
  }
  return out;
}

/** Ranges (in UTF-16 offsets of `text`) where any term of the expression occurs. */
export function matchRanges(text: string, expr: KeywordExpr): Range[] {
  const ranges: Range[] = [];
  const lower = text.toLowerCase();
  let choseong: string | undefined;
  for (const group of expr) {
    for (const term of group) {
      if (term.kind === 'occupation') continue; // found by its 직종, not by text
      if (term.kind === 'choseong' && choseong === undefined) choseong = choseongOf(text);
      const haystack = term.kind === 'choseong' ? (choseong as string) : lower;
      const needle = term.kind === 'choseong' ? term.text : term.text.toLowerCase();
      if (needle.length === 0) continue;
      // Hangul syllables and jamo are single UTF-16 units, so offsets line up with `text`.
      if (haystack.length !== text.length) continue;
      let from = 0;
      for (;;) {
        const at = haystack.indexOf(needle, from);
        if (at < 0) break;
        ranges.push([at, at + needle.length]);
        from = at + needle.length;
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Escapes `text` and wraps every match in <mark>. */
export function highlight(text: string, expr: KeywordExpr): Html {
  const ranges = matchRanges(text, expr);
  let out = '';
  let pos = 0;
  for (const [start, end] of ranges) {
    out += `${escapeHtml(text.slice(pos, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    pos = end;
  }
  return raw(out + escapeHtml(text.slice(pos)));
}

/**
 * A one-line excerpt of a longer text around its first match (or its start), highlighted.
 */
export function snippet(text: string, expr: KeywordExpr, length = 90): Html {
  const flat = text.replace(/\s+/g, ' ').trim();
  const first = matchRanges(flat, expr)[0];
  let start = first ? Math.max(0, first[0] - Math.floor(length / 3)) : 0;
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    if (space >= 0 && space < (first?.[0] ?? start)) start = space + 1;
  }
  const end = Math.min(flat.length, start + length);
  const excerpt = `${start > 0 ? '… ' : ''}${flat.slice(start, end)}${end < flat.length ? ' …' : ''}`;
  return highlight(excerpt, expr);
}
