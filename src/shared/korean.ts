/**
 * Korean particles (조사) chosen by the last syllable of the word they follow — "카카오로",
 * "서류합격으로", "2026.12.07.(월)로" — instead of "(으)로". es-hangul decides for Hangul; a word
 * ending in a digit is decided by how the digit is read (1 일, 3 삼, 6 육, 7 칠, 8 팔, 0 영/십/백…),
 * and closing punctuation (마침표, 괄호, 따옴표) is skipped to find the syllable that is read last.
 */
import { josa as esJosa } from 'es-hangul';

type JosaOption = Parameters<typeof esJosa.pick>[1];

/** A syllable read like the digit, for the particle: its final consonant is what matters. */
const DIGIT_READING: Record<string, string> = {
  '0': '영',
  '1': '일',
  '2': '이',
  '3': '삼',
  '4': '사',
  '5': '오',
  '6': '육',
  '7': '칠',
  '8': '팔',
  '9': '구',
};

const CLOSING = /[\s.,!?)\]}>'"’”」』〉》]+$/u;

/** The syllable read last in `word`, for choosing its particle. */
function lastReadSyllable(word: string): string {
  const trimmed = word.replace(CLOSING, '');
  // "(월)" at the end is read: 2026.12.07.(월) → 월. Without it, the last character decides.
  const last = trimmed.at(-1) ?? '';
  return DIGIT_READING[last] ?? last;
}

/** The particle alone: pick('카카오', '으로/로') → '로'. */
export function pickJosa(word: string, option: JosaOption): string {
  const syllable = lastReadSyllable(word);
  return esJosa.pick(syllable === '' ? word : syllable, option);
}

/** The word with its particle: josa('카카오', '으로/로') → '카카오로'. */
export function josa(word: string, option: JosaOption): string {
  return `${word}${pickJosa(word, option)}`;
}

const NUMBER = new Intl.NumberFormat('ko-KR');
/**
 * A number as Korean pages write it: 1,234,567. One shared formatter: `toLocaleString` builds a new
 * one per call (~30 µs), which a search page with a thousand facet counts pays a thousand times.
 */
export const formatNumber = (n: number): string => NUMBER.format(n);

/** An amount in 원 as Korean pages write it: 1,234,567원. */
export const won = (n: number) => `${formatNumber(n)}원`;
