/** The components' own words, Korean and English. */
export type Lang = 'ko' | 'en';

export const T = {
  ko: {
    pagination: '페이지 탐색',
    prev: '이전',
    next: '다음',
    prevPage: '이전 페이지',
    nextPage: '다음 페이지',
    current: '현재페이지 ',
    selected: (n: number) => `${n}개 선택`,
    required: '필수',
    emptyTitle: '검색 결과가 없습니다',
    emptyHints: [
      '검색어의 철자와 띄어쓰기를 확인해 주세요.',
      '더 짧거나 일반적인 검색어로 다시 검색해 보세요.',
      '선택한 조건을 줄여 보세요.',
    ],
    alert: { danger: '오류', warning: '주의', info: '안내', success: '완료' },
  },
  en: {
    pagination: 'Pagination',
    prev: 'Previous',
    next: 'Next',
    prevPage: 'Previous page',
    nextPage: 'Next page',
    current: 'Current page ',
    selected: (n: number) => `${n} selected`,
    required: 'required',
    emptyTitle: 'No results found',
    emptyHints: [
      'Check the spelling of your search words.',
      'Try fewer or more general words.',
      'Remove some of the filters.',
    ],
    alert: { danger: 'Error', warning: 'Warning', info: 'Notice', success: 'Done' },
  },
} as const;

/* ------------------------------------------------------------------ pagination (pagination.html) */
