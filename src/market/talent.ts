/** 인재정보 rules (pure): what an employer sees of a seeker before the seeker agrees to be contacted. */

/** '김민준' → '김○○': a name shown before the seeker agrees to be contacted. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '○' : `${chars[0]}${'○'.repeat(chars.length - 1)}`;
}
