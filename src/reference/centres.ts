import { sigunguBySido } from './regions.ts';

/**
 * 고용센터 reference data beside the `job_centres` table (code, name, 시도, address and phone are seeded
 * by migration 0005 and stay there, since accounts and claims refer to them): each centre's opening
 * hours and the 시군구 it serves (관할 지역), by centre code, with the 5-digit 시군구 codes of
 * regions.ts.
 *
 * The service has 20 고용센터, so every 시군구 of the country is served by exactly one of them (tested):
 * where a 시도 has one centre it serves the whole 시도; 서울 and 경기 are split between their centres by
 * area — 서울고용센터 the north and centre, 서울강남 the south-east, 서울관악 the south-west; 수원 the
 * south and west of 경기 (the 경부·서해안 corridor and the north-west), 성남 the east and north-east.
 */

export interface OpeningHours {
  /** Days the centre is open, e.g. '평일 (월~금)'. */
  days: string;
  open: string;
  close: string;
  /** Days it is closed. */
  closed: string;
}

export interface CentreReference {
  /** `job_centres.code`. */
  code: string;
  hours: OpeningHours;
  /** 시군구 codes (regions.ts) this centre serves. */
  serves: readonly string[];
}

/** 고용센터 민원실 hours: weekdays 09:00–18:00, closed on weekends and public holidays. */
export const WEEKDAY_HOURS: OpeningHours = Object.freeze({
  days: '평일 (월~금)',
  open: '09:00',
  close: '18:00',
  closed: '토·일요일, 공휴일',
});

const whole = (sidoCode: string): readonly string[] => sigunguBySido(sidoCode).map((s) => s.code);

const centre = (code: string, serves: readonly string[]): CentreReference =>
  Object.freeze({ code, hours: WEEKDAY_HOURS, serves: Object.freeze([...serves]) });

export const CENTRES: readonly CentreReference[] = Object.freeze([
  // 서울: 종로·중구·용산, 동북권, 서북권
  centre('seoul', [
    '11110', // 종로구
    '11140', // 중구
    '11170', // 용산구
    '11200', // 성동구
    '11215', // 광진구
    '11230', // 동대문구
    '11260', // 중랑구
    '11290', // 성북구
    '11305', // 강북구
    '11320', // 도봉구
    '11350', // 노원구
    '11380', // 은평구
    '11410', // 서대문구
    '11440', // 마포구
  ]),
  // 서울 동남권
  centre('seoul-gangnam', [
    '11650', // 서초구
    '11680', // 강남구
    '11710', // 송파구
    '11740', // 강동구
  ]),
  // 서울 서남권
  centre('seoul-gwanak', [
    '11470', // 양천구
    '11500', // 강서구
    '11530', // 구로구
    '11545', // 금천구
    '11560', // 영등포구
    '11590', // 동작구
    '11620', // 관악구
  ]),
  centre('busan', whole('26000')),
  centre('daegu', whole('27000')),
  centre('incheon', whole('28000')),
  centre('gwangju', whole('29000')),
  centre('daejeon', whole('30000')),
  centre('ulsan', whole('31000')),
  centre('sejong', whole('36110')),
  // 경기 남부·서부·서북부
  centre('suwon', [
    '41111', // 수원시 장안구
    '41113', // 수원시 권선구
    '41115', // 수원시 팔달구
    '41117', // 수원시 영통구
    '41171', // 안양시 만안구
    '41173', // 안양시 동안구
    '41192', // 부천시 원미구
    '41194', // 부천시 소사구
    '41196', // 부천시 오정구
    '41210', // 광명시
    '41220', // 평택시
    '41271', // 안산시 상록구
    '41273', // 안산시 단원구
    '41281', // 고양시 덕양구
    '41285', // 고양시 일산동구
    '41287', // 고양시 일산서구
    '41290', // 과천시
    '41370', // 오산시
    '41390', // 시흥시
    '41410', // 군포시
    '41430', // 의왕시
    '41461', // 용인시 처인구
    '41463', // 용인시 기흥구
    '41465', // 용인시 수지구
    '41480', // 파주시
    '41550', // 안성시
    '41570', // 김포시
    '41590', // 화성시
  ]),
  // 경기 동부·동북부
  centre('seongnam', [
    '41131', // 성남시 수정구
    '41133', // 성남시 중원구
    '41135', // 성남시 분당구
    '41150', // 의정부시
    '41250', // 동두천시
    '41310', // 구리시
    '41360', // 남양주시
    '41450', // 하남시
    '41500', // 이천시
    '41610', // 광주시
    '41630', // 양주시
    '41650', // 포천시
    '41670', // 여주시
    '41800', // 연천군
    '41820', // 가평군
    '41830', // 양평군
  ]),
  centre('chuncheon', whole('51000')),
  centre('cheongju', whole('43000')),
  centre('cheonan', whole('44000')),
  centre('jeonju', whole('52000')),
  centre('mokpo', whole('46000')),
  centre('pohang', whole('47000')),
  centre('changwon', whole('48000')),
  centre('jeju', whole('50000')),
]);

const BY_CODE: ReadonlyMap<string, CentreReference> = new Map(CENTRES.map((c) => [c.code, c]));

/** The reference data of a centre code, or undefined for a code not listed here. */
export function centreReference(code: string): CentreReference | undefined {
  return BY_CODE.get(code);
}

const BY_SIGUNGU: ReadonlyMap<string, string> = new Map(CENTRES.flatMap((c) => c.serves.map((s) => [s, c.code])));

/** The code of the centre serving a 시군구, or undefined. */
export function centreServing(sigunguCode: string): string | undefined {
  return BY_SIGUNGU.get(sigunguCode);
}
