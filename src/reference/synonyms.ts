/**
 * Words job seekers and employers use for the same job, curated for the search (issue 16): a search
 * for one word of a group also finds postings that use another. Reviewable data: each group says
 * where it comes from. A word matches a search word exactly (개발자, not 개발); the search itself is a
 * substring match, so '간병' also finds 간병인.
 */

export interface SynonymGroup {
  words: readonly string[];
  /** Where the group comes from. */
  source: string;
  /** Not confirmed against the source's own text (kept, and marked). */
  unconfirmed?: true;
}

export const SYNONYM_GROUPS: readonly SynonymGroup[] = [
  {
    words: ['경리', '회계'],
    source: '한국고용직업분류(KECO) 2018 소분류 027 회계·경리 사무원 (src/reference/occupations.ts)',
  },
  {
    words: ['요양보호사', '간병', '돌봄'],
    source: 'KECO 2018 중분류 55 돌봄 서비스직(간병·육아), 소분류 550 돌봄 서비스 종사자',
  },
  {
    words: ['개발자', '프로그래머'],
    source: 'KECO 2018 소분류 133 소프트웨어 개발자; 한국직업사전의 응용소프트웨어개발자 다른 이름 ‘프로그래머’',
    // UNCONFIRMED: the 한국직업사전 entry's list of other names (not found in the search corpora).
    unconfirmed: true,
  },
  { words: ['조리사', '요리사'], source: 'KECO 2018 소분류 531 주방장 및 조리사' },
  { words: ['택배', '배송기사'], source: 'KECO 2018 소분류 624 택배원 및 기타 운송 종사자' },
  {
    words: ['청소원', '미화원'],
    source: 'KECO 2018 소분류 561 청소·방역 및 가사 서비스원',
    // UNCONFIRMED: that 세분류 청소원 takes the postings' 미화원 (환경미화원 is a 세분류 of its own).
    unconfirmed: true,
  },
];

const BY_WORD = new Map<string, SynonymGroup>();
for (const g of SYNONYM_GROUPS) for (const w of g.words) BY_WORD.set(w, g);

/** The other words of `word`'s group (lower-cased search words), or none. */
export function synonymsOf(word: string): string[] {
  const group = BY_WORD.get(word);
  return group ? group.words.filter((w) => w !== word) : [];
}
