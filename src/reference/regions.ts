import type { Sido, Sigungu } from './types.ts';

/**
 * 행정구역 reference data: 17 시도 and their 시군구, with the 5-digit codes WorkNet uses in its region field.
 *
 * 시군구 codes are the first five digits of the 법정동코드 (행정표준코드), as current in 2025:
 * - 강원 uses 51xxx (강원특별자치도, 2023-06-11) and 전북 uses 52xxx (전북특별자치도, 2024-01-18);
 * - 군위군 is 27720 under 대구 (moved from 경북 on 2023-07-01);
 * - 부천시 has its 원미구·소사구·오정구 again (41192/41194/41196, restored 2024-01-01);
 * - 세종 has no 시군구, so it is listed once as '세종특별자치시' with its own 시도 code 36110.
 * Where a city has 일반구, each 구 is an entry ('수원시 장안구' 41111) and the city itself (41110) is not.
 */

const freezeAll = <T extends object>(items: T[]): readonly Readonly<T>[] =>
  Object.freeze(items.map((item) => Object.freeze(item)));

export const SIDO: readonly Sido[] = freezeAll([
  { code: '11000', name: '서울특별시', shortName: '서울', nameEn: 'Seoul' },
  { code: '26000', name: '부산광역시', shortName: '부산', nameEn: 'Busan' },
  { code: '27000', name: '대구광역시', shortName: '대구', nameEn: 'Daegu' },
  { code: '28000', name: '인천광역시', shortName: '인천', nameEn: 'Incheon' },
  { code: '29000', name: '광주광역시', shortName: '광주', nameEn: 'Gwangju' },
  { code: '30000', name: '대전광역시', shortName: '대전', nameEn: 'Daejeon' },
  { code: '31000', name: '울산광역시', shortName: '울산', nameEn: 'Ulsan' },
  { code: '36110', name: '세종특별자치시', shortName: '세종', nameEn: 'Sejong' },
  { code: '41000', name: '경기도', shortName: '경기', nameEn: 'Gyeonggi-do' },
  { code: '51000', name: '강원특별자치도', shortName: '강원', nameEn: 'Gangwon State' },
  { code: '43000', name: '충청북도', shortName: '충북', nameEn: 'Chungcheongbuk-do' },
  { code: '44000', name: '충청남도', shortName: '충남', nameEn: 'Chungcheongnam-do' },
  { code: '52000', name: '전북특별자치도', shortName: '전북', nameEn: 'Jeonbuk State' },
  { code: '46000', name: '전라남도', shortName: '전남', nameEn: 'Jeollanam-do' },
  { code: '47000', name: '경상북도', shortName: '경북', nameEn: 'Gyeongsangbuk-do' },
  { code: '48000', name: '경상남도', shortName: '경남', nameEn: 'Gyeongsangnam-do' },
  { code: '50000', name: '제주특별자치도', shortName: '제주', nameEn: 'Jeju' },
]);

/** [시도 code, [[시군구 code, name], …]] — expanded into SIGUNGU below. */
const SIGUNGU_BY_SIDO: [string, [string, string][]][] = [
  [
    '11000',
    [
      ['11110', '종로구'],
      ['11140', '중구'],
      ['11170', '용산구'],
      ['11200', '성동구'],
      ['11215', '광진구'],
      ['11230', '동대문구'],
      ['11260', '중랑구'],
      ['11290', '성북구'],
      ['11305', '강북구'],
      ['11320', '도봉구'],
      ['11350', '노원구'],
      ['11380', '은평구'],
      ['11410', '서대문구'],
      ['11440', '마포구'],
      ['11470', '양천구'],
      ['11500', '강서구'],
      ['11530', '구로구'],
      ['11545', '금천구'],
      ['11560', '영등포구'],
      ['11590', '동작구'],
      ['11620', '관악구'],
      ['11650', '서초구'],
      ['11680', '강남구'],
      ['11710', '송파구'],
      ['11740', '강동구'],
    ],
  ],
  [
    '26000',
    [
      ['26110', '중구'],
      ['26140', '서구'],
      ['26170', '동구'],
      ['26200', '영도구'],
      ['26230', '부산진구'],
      ['26260', '동래구'],
      ['26290', '남구'],
      ['26320', '북구'],
      ['26350', '해운대구'],
      ['26380', '사하구'],
      ['26410', '금정구'],
      ['26440', '강서구'],
      ['26470', '연제구'],
      ['26500', '수영구'],
      ['26530', '사상구'],
      ['26710', '기장군'],
    ],
  ],
  [
    '27000',
    [
      ['27110', '중구'],
      ['27140', '동구'],
      ['27170', '서구'],
      ['27200', '남구'],
      ['27230', '북구'],
      ['27260', '수성구'],
      ['27290', '달서구'],
      ['27710', '달성군'],
      ['27720', '군위군'],
    ],
  ],
  [
    '28000',
    [
      ['28110', '중구'],
      ['28140', '동구'],
      ['28177', '미추홀구'],
      ['28185', '연수구'],
      ['28200', '남동구'],
      ['28237', '부평구'],
      ['28245', '계양구'],
      ['28260', '서구'],
      ['28710', '강화군'],
      ['28720', '옹진군'],
    ],
  ],
  [
    '29000',
    [
      ['29110', '동구'],
      ['29140', '서구'],
      ['29155', '남구'],
      ['29170', '북구'],
      ['29200', '광산구'],
    ],
  ],
  [
    '30000',
    [
      ['30110', '동구'],
      ['30140', '중구'],
      ['30170', '서구'],
      ['30200', '유성구'],
      ['30230', '대덕구'],
    ],
  ],
  [
    '31000',
    [
      ['31110', '중구'],
      ['31140', '남구'],
      ['31170', '동구'],
      ['31200', '북구'],
      ['31710', '울주군'],
    ],
  ],
  ['36110', [['36110', '세종특별자치시']]],
  [
    '41000',
    [
      ['41111', '수원시 장안구'],
      ['41113', '수원시 권선구'],
      ['41115', '수원시 팔달구'],
      ['41117', '수원시 영통구'],
      ['41131', '성남시 수정구'],
      ['41133', '성남시 중원구'],
      ['41135', '성남시 분당구'],
      ['41150', '의정부시'],
      ['41171', '안양시 만안구'],
      ['41173', '안양시 동안구'],
      ['41192', '부천시 원미구'],
      ['41194', '부천시 소사구'],
      ['41196', '부천시 오정구'],
      ['41210', '광명시'],
      ['41220', '평택시'],
      ['41250', '동두천시'],
      ['41271', '안산시 상록구'],
      ['41273', '안산시 단원구'],
      ['41281', '고양시 덕양구'],
      ['41285', '고양시 일산동구'],
      ['41287', '고양시 일산서구'],
      ['41290', '과천시'],
      ['41310', '구리시'],
      ['41360', '남양주시'],
      ['41370', '오산시'],
      ['41390', '시흥시'],
      ['41410', '군포시'],
      ['41430', '의왕시'],
      ['41450', '하남시'],
      ['41461', '용인시 처인구'],
      ['41463', '용인시 기흥구'],
      ['41465', '용인시 수지구'],
      ['41480', '파주시'],
      ['41500', '이천시'],
      ['41550', '안성시'],
      ['41570', '김포시'],
      ['41590', '화성시'],
      ['41610', '광주시'],
      ['41630', '양주시'],
      ['41650', '포천시'],
      ['41670', '여주시'],
      ['41800', '연천군'],
      ['41820', '가평군'],
      ['41830', '양평군'],
    ],
  ],
  [
    '51000',
    [
      ['51110', '춘천시'],
      ['51130', '원주시'],
      ['51150', '강릉시'],
      ['51170', '동해시'],
      ['51190', '태백시'],
      ['51210', '속초시'],
      ['51230', '삼척시'],
      ['51720', '홍천군'],
      ['51730', '횡성군'],
      ['51750', '영월군'],
      ['51760', '평창군'],
      ['51770', '정선군'],
      ['51780', '철원군'],
      ['51790', '화천군'],
      ['51800', '양구군'],
      ['51810', '인제군'],
      ['51820', '고성군'],
      ['51830', '양양군'],
    ],
  ],
  [
    '43000',
    [
      ['43111', '청주시 상당구'],
      ['43112', '청주시 서원구'],
      ['43113', '청주시 흥덕구'],
      ['43114', '청주시 청원구'],
      ['43130', '충주시'],
      ['43150', '제천시'],
      ['43720', '보은군'],
      ['43730', '옥천군'],
      ['43740', '영동군'],
      ['43745', '증평군'],
      ['43750', '진천군'],
      ['43760', '괴산군'],
      ['43770', '음성군'],
      ['43800', '단양군'],
    ],
  ],
  [
    '44000',
    [
      ['44131', '천안시 동남구'],
      ['44133', '천안시 서북구'],
      ['44150', '공주시'],
      ['44180', '보령시'],
      ['44200', '아산시'],
      ['44210', '서산시'],
      ['44230', '논산시'],
      ['44250', '계룡시'],
      ['44270', '당진시'],
      ['44710', '금산군'],
      ['44760', '부여군'],
      ['44770', '서천군'],
      ['44790', '청양군'],
      ['44800', '홍성군'],
      ['44810', '예산군'],
      ['44825', '태안군'],
    ],
  ],
  [
    '52000',
    [
      ['52111', '전주시 완산구'],
      ['52113', '전주시 덕진구'],
      ['52130', '군산시'],
      ['52140', '익산시'],
      ['52180', '정읍시'],
      ['52190', '남원시'],
      ['52210', '김제시'],
      ['52710', '완주군'],
      ['52720', '진안군'],
      ['52730', '무주군'],
      ['52740', '장수군'],
      ['52750', '임실군'],
      ['52770', '순창군'],
      ['52790', '고창군'],
      ['52800', '부안군'],
    ],
  ],
  [
    '46000',
    [
      ['46110', '목포시'],
      ['46130', '여수시'],
      ['46150', '순천시'],
      ['46170', '나주시'],
      ['46230', '광양시'],
      ['46710', '담양군'],
      ['46720', '곡성군'],
      ['46730', '구례군'],
      ['46770', '고흥군'],
      ['46780', '보성군'],
      ['46790', '화순군'],
      ['46800', '장흥군'],
      ['46810', '강진군'],
      ['46820', '해남군'],
      ['46830', '영암군'],
      ['46840', '무안군'],
      ['46860', '함평군'],
      ['46870', '영광군'],
      ['46880', '장성군'],
      ['46890', '완도군'],
      ['46900', '진도군'],
      ['46910', '신안군'],
    ],
  ],
  [
    '47000',
    [
      ['47111', '포항시 남구'],
      ['47113', '포항시 북구'],
      ['47130', '경주시'],
      ['47150', '김천시'],
      ['47170', '안동시'],
      ['47190', '구미시'],
      ['47210', '영주시'],
      ['47230', '영천시'],
      ['47250', '상주시'],
      ['47280', '문경시'],
      ['47290', '경산시'],
      ['47730', '의성군'],
      ['47750', '청송군'],
      ['47760', '영양군'],
      ['47770', '영덕군'],
      ['47820', '청도군'],
      ['47830', '고령군'],
      ['47840', '성주군'],
      ['47850', '칠곡군'],
      ['47900', '예천군'],
      ['47920', '봉화군'],
      ['47930', '울진군'],
      ['47940', '울릉군'],
    ],
  ],
  [
    '48000',
    [
      ['48121', '창원시 의창구'],
      ['48123', '창원시 성산구'],
      ['48125', '창원시 마산합포구'],
      ['48127', '창원시 마산회원구'],
      ['48129', '창원시 진해구'],
      ['48170', '진주시'],
      ['48220', '통영시'],
      ['48240', '사천시'],
      ['48250', '김해시'],
      ['48270', '밀양시'],
      ['48310', '거제시'],
      ['48330', '양산시'],
      ['48720', '의령군'],
      ['48730', '함안군'],
      ['48740', '창녕군'],
      ['48820', '고성군'],
      ['48840', '남해군'],
      ['48850', '하동군'],
      ['48860', '산청군'],
      ['48870', '함양군'],
      ['48880', '거창군'],
      ['48890', '합천군'],
    ],
  ],
  [
    '50000',
    [
      ['50110', '제주시'],
      ['50130', '서귀포시'],
    ],
  ],
];

export const SIGUNGU: readonly Sigungu[] = freezeAll(
  SIGUNGU_BY_SIDO.flatMap(([sidoCode, list]) => list.map(([code, name]) => ({ code, sidoCode, name }))),
);

/**
 * 시도 that share a land border (sea crossings do not count). Symmetric; 제주 borders nothing.
 */
export const SIDO_ADJACENCY: Readonly<Record<string, readonly string[]>> = Object.freeze({
  '11000': Object.freeze(['41000', '28000']), // 서울: 경기, 인천
  '26000': Object.freeze(['31000', '48000']), // 부산: 울산, 경남
  '27000': Object.freeze(['47000', '48000']), // 대구: 경북, 경남
  '28000': Object.freeze(['11000', '41000']), // 인천: 서울, 경기
  '29000': Object.freeze(['46000']), // 광주: 전남
  '30000': Object.freeze(['36110', '43000', '44000']), // 대전: 세종, 충북, 충남
  '31000': Object.freeze(['26000', '47000', '48000']), // 울산: 부산, 경북, 경남
  '36110': Object.freeze(['30000', '43000', '44000']), // 세종: 대전, 충북, 충남
  '41000': Object.freeze(['11000', '28000', '51000', '43000', '44000']), // 경기: 서울, 인천, 강원, 충북, 충남
  '51000': Object.freeze(['41000', '43000', '47000']), // 강원: 경기, 충북, 경북
  '43000': Object.freeze(['41000', '51000', '44000', '30000', '36110', '52000', '47000']), // 충북
  '44000': Object.freeze(['41000', '43000', '30000', '36110', '52000']), // 충남
  '52000': Object.freeze(['44000', '43000', '47000', '48000', '46000']), // 전북
  '46000': Object.freeze(['29000', '52000', '48000']), // 전남: 광주, 전북, 경남
  '47000': Object.freeze(['51000', '43000', '52000', '48000', '27000', '31000']), // 경북
  '48000': Object.freeze(['26000', '27000', '31000', '47000', '52000', '46000']), // 경남
  '50000': Object.freeze([]), // 제주
});

const SIDO_BY_CODE: ReadonlyMap<string, Sido> = new Map(SIDO.map((s) => [s.code, s]));
const SIGUNGU_BY_CODE: ReadonlyMap<string, Sigungu> = new Map(SIGUNGU.map((s) => [s.code, s]));
const SIGUNGU_LISTS: ReadonlyMap<string, readonly Sigungu[]> = new Map(
  SIDO.map((sido) => [sido.code, Object.freeze(SIGUNGU.filter((s) => s.sidoCode === sido.code))]),
);
const NONE: readonly Sigungu[] = Object.freeze([]);

/** The 시군구 with this code, or undefined. '36110' gives the single 세종 entry. */
export function sigunguOf(code: string): Sigungu | undefined {
  return SIGUNGU_BY_CODE.get(code);
}

/** The 시도 of a 시도 code or of a listed 시군구 code; undefined for anything else. */
export function sidoOf(code: string): Sido | undefined {
  const sido = SIDO_BY_CODE.get(code);
  if (sido) return sido;
  const sigungu = SIGUNGU_BY_CODE.get(code);
  return sigungu ? SIDO_BY_CODE.get(sigungu.sidoCode) : undefined;
}

/** The 시군구 of a 시도, in code order as listed; empty for an unknown 시도 code. */
export function sigunguBySido(sidoCode: string): readonly Sigungu[] {
  return SIGUNGU_LISTS.get(sidoCode) ?? NONE;
}

/** True for a 시도 or 시군구 code in the tables above. */
export function isRegionCode(code: string): boolean {
  return SIDO_BY_CODE.has(code) || SIGUNGU_BY_CODE.has(code);
}

/**
 * Display name as in listings: '서울 강남구', '경기 수원시 장안구'; a 시도 code gives its short name ('서울');
 * 세종 (both as 시도 and as its single 시군구 entry) gives '세종'. Unknown codes give ''.
 */
export function regionName(code: string): string {
  const sido = SIDO_BY_CODE.get(code);
  if (sido) return sido.shortName;
  const sigungu = SIGUNGU_BY_CODE.get(code);
  if (!sigungu) return '';
  const parent = SIDO_BY_CODE.get(sigungu.sidoCode);
  return parent ? `${parent.shortName} ${sigungu.name}` : sigungu.name;
}

/** Every 시군구 as a select option, labelled with its 시도 (e.g. '서울 강남구'), in code order. */
export const SIGUNGU_OPTIONS: readonly { value: string; label: string }[] = Object.freeze(
  SIGUNGU.map((s) => ({ value: s.code, label: `${sidoOf(s.code)?.shortName ?? ''} ${s.name}` })),
);
