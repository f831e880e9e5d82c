/** 행정구역: 시도 (level 1) and 시군구 (level 2), with 5-digit codes as used by WorkNet's region field. */
export interface Sido {
  /** 5-digit code of the 시도 itself, e.g. '11000' 서울, '36110' 세종, '51000' 강원, '52000' 전북. */
  code: string;
  /** Official full name, e.g. '서울특별시', '강원특별자치도'. */
  name: string;
  /** Short name as used in listings, e.g. '서울', '강원', '전북'. */
  shortName: string;
  /** English name, e.g. 'Seoul'. */
  nameEn: string;
}

export interface Sigungu {
  /** 5-digit code, e.g. '11680' 강남구. */
  code: string;
  /** Code of the parent 시도 (see Sido.code). */
  sidoCode: string;
  /** Name, e.g. '강남구', '수원시 장안구' or '수원시' as the 행정구역 lists it. */
  name: string;
}

/** 한국고용직업분류 (KECO) 2018 — three levels. */
export interface Occupation {
  /** Level 1: one digit '0'..'9'; level 2: two digits e.g. '01'; level 3: three digits e.g. '011'. */
  code: string;
  name: string;
  level: 1 | 2 | 3;
  /** Parent code (absent on level 1). */
  parent?: string;
}
