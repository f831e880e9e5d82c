/**
 * Where postings are: 시군구 weighted by employment, plausible road-name addresses, zip codes in each 시도's
 * range, telephone area codes and 고용센터 office codes.
 */
import { SIDO, SIGUNGU } from '../../reference/regions.ts';
import type { Sido, Sigungu } from '../../reference/types.ts';
import type { Rng } from './random.ts';
import { WeightedTable } from './random.ts';

interface SidoMeta {
  /** Share of all postings (percent-ish; normalised). */
  share: number;
  /** First and last 국가기초구역번호 (5-digit zip) of the 시도. */
  zip: readonly [number, number];
  /** 지역번호. */
  area: string;
  /** Base of the 3-digit 고용센터 codes used in 구인인증번호. */
  office: number;
  /** Relative employment of its 시군구 by stem (name without 시/군/구); absent stems use a default. */
  pop: string;
}

/** By 시도 shortName. Shares follow where WorkNet postings are: 수도권 heavy, 세종 small. */
const SIDO_META: Readonly<Record<string, SidoMeta>> = {
  서울: {
    share: 19,
    zip: [1000, 8999],
    area: '02',
    office: 110,
    pop: '강남 30 서초 20 송파 16 영등포 20 중 16 종로 13 마포 14 구로 12 금천 12 강서 13 성동 11 용산 9 광진 9 동대문 9 중랑 7 성북 8 강북 6 도봉 6 노원 9 은평 8 서대문 7 양천 8 동작 8 관악 9 강동 10',
  },
  경기: {
    share: 27,
    zip: [10000, 18999],
    area: '031',
    office: 410,
    pop: '수원 119 용인 108 고양 107 화성 110 성남 95 부천 78 남양주 73 안산 70 평택 65 안양 55 시흥 58 파주 52 김포 52 의정부 46 광주 40 하남 33 광명 28 군포 27 양주 25 오산 23 이천 26 안성 20 구리 19 의왕 16 포천 16 양평 12 여주 12 동두천 9 과천 8 가평 6 연천 4',
  },
  인천: {
    share: 6,
    zip: [21000, 23999],
    area: '032',
    office: 280,
    pop: '서 62 부평 48 남동 58 연수 40 미추홀 41 계양 28 중 18 동 6 강화 6 옹진 2',
  },
  부산: {
    share: 5.5,
    zip: [46000, 49999],
    area: '051',
    office: 260,
    pop: '해운대 38 부산진 38 사하 30 북 27 동래 27 남 26 금정 21 사상 24 강서 18 연제 21 수영 17 기장 18 서 10 동 9 영도 11 중 6',
  },
  경남: {
    share: 5.5,
    zip: [50000, 53999],
    area: '055',
    office: 480,
    pop: '창원 100 김해 53 양산 36 진주 34 거제 23 통영 12 사천 11 밀양 10 함안 6 거창 6 창녕 6 고성 5 하동 4 합천 4 남해 4 산청 3 함양 4 의령 3',
  },
  경북: {
    share: 4.5,
    zip: [36000, 40999],
    area: '054',
    office: 470,
    pop: '포항 50 구미 45 경산 27 경주 25 안동 15 김천 14 영주 10 상주 9 영천 10 문경 7 칠곡 11 예천 5 성주 4 의성 5 울진 5 청도 4 고령 3 봉화 3 영덕 3 청송 2 영양 2 울릉 1',
  },
  대구: {
    share: 4,
    zip: [41000, 43999],
    area: '053',
    office: 270,
    pop: '달서 53 북 41 수성 41 동 34 달성 30 서 16 남 14 중 10 군위 2',
  },
  충남: {
    share: 4.5,
    zip: [31000, 33999],
    area: '041',
    office: 440,
    pop: '천안 66 아산 36 서산 18 당진 18 공주 10 논산 11 보령 10 홍성 10 계룡 4 예산 8 부여 6 서천 5 금산 5 태안 6 청양 3',
  },
  충북: {
    share: 3.5,
    zip: [27000, 29999],
    area: '043',
    office: 430,
    pop: '청주 85 충주 21 제천 13 음성 10 진천 10 옥천 5 영동 4 증평 4 괴산 4 보은 3 단양 3',
  },
  전북: {
    share: 3,
    zip: [54000, 56999],
    area: '063',
    office: 520,
    pop: '전주 64 익산 27 군산 26 정읍 10 남원 8 김제 8 완주 10 고창 5 부안 5 임실 3 순창 3 진안 2 무주 2 장수 2',
  },
  전남: {
    share: 3,
    zip: [57000, 59999],
    area: '061',
    office: 460,
    pop: '순천 28 여수 27 목포 21 광양 15 나주 12 무안 9 해남 6 화순 6 고흥 6 영암 5 영광 5 완도 5 담양 4 장성 4 보성 4 강진 3 장흥 3 신안 4 함평 3 진도 3 곡성 3 구례 2',
  },
  광주: { share: 2.5, zip: [61000, 62999], area: '062', office: 290, pop: '북 42 광산 40 서 29 남 21 동 10' },
  대전: { share: 2.5, zip: [34000, 35999], area: '042', office: 300, pop: '서 46 유성 38 중 22 동 22 대덕 18' },
  울산: { share: 2, zip: [44000, 45999], area: '052', office: 310, pop: '남 31 북 22 울주 22 중 20 동 15' },
  강원: {
    share: 2.5,
    zip: [24000, 26999],
    area: '033',
    office: 510,
    pop: '원주 36 춘천 29 강릉 21 동해 9 속초 8 삼척 6 홍천 7 태백 4 철원 4 횡성 5 평창 4 정선 3 영월 4 인제 3 고성 3 양양 3 화천 2 양구 2',
  },
  제주: { share: 1.3, zip: [63000, 63644], area: '064', office: 500, pop: '제주 49 서귀포 18' },
  세종: { share: 0.7, zip: [30000, 30154], area: '044', office: 360, pop: '세종 39' },
};

const DEFAULT_META: SidoMeta = { share: 1, zip: [10000, 18999], area: '031', office: 900, pop: '' };

/** Famous real roads of some districts, so the addresses people look at first read right. Key: sigungu name. */
const ROADS: Readonly<Record<string, string>> = {
  '서울 강남구': '테헤란로 강남대로 논현로 선릉로 봉은사로 도산대로 언주로 역삼로 삼성로 학동로',
  '서울 서초구': '서초대로 반포대로 강남대로 효령로 바우뫼로 사평대로 방배로',
  '서울 송파구': '올림픽로 송파대로 백제고분로 오금로 법원로 중대로 양재대로',
  '서울 영등포구': '여의대로 국제금융로 영등포로 당산로 선유로 국회대로 경인로 문래로',
  '서울 중구': '세종대로 을지로 퇴계로 남대문로 청계천로 다산로 서소문로',
  '서울 종로구': '종로 율곡로 사직로 대학로 창경궁로 삼일대로 청계천로',
  '서울 마포구': '월드컵북로 양화로 마포대로 독막로 와우산로 월드컵로 상암산로',
  '서울 구로구': '디지털로 경인로 구로중앙로 새말로 구일로 공원로',
  '서울 금천구': '가산디지털1로 가산디지털2로 벚꽃로 디지털로 시흥대로 독산로',
  '서울 성동구': '왕십리로 성수이로 아차산로 뚝섬로 성수일로 고산자로',
  '서울 강서구': '공항대로 마곡중앙로 양천로 화곡로 강서로 마곡서로',
  '서울 용산구': '한강대로 이태원로 원효로 청파로 서빙고로',
  '서울 노원구': '동일로 노원로 상계로 한글비석로 화랑로',
  '서울 광진구': '능동로 자양로 아차산로 광나루로 구의로',
  '서울 관악구': '관악로 남부순환로 신림로 봉천로 은천로',
  '서울 동작구': '상도로 노량진로 동작대로 사당로 장승배기로',
  '서울 강동구': '천호대로 양재대로 성내로 고덕로 상일로 올림픽로',
  '서울 은평구': '통일로 연서로 은평로 진관2로 서오릉로',
  '서울 서대문구': '연희로 통일로 신촌로 독립문로 명지대길',
  '서울 동대문구': '왕산로 천호대로 망우로 답십리로 전농로',
  '서울 성북구': '보문로 동소문로 정릉로 화랑로 종암로',
  '서울 중랑구': '망우로 용마산로 봉화산로 동일로 상봉로',
  '서울 양천구': '목동서로 오목로 신월로 목동동로 남부순환로',
  '서울 도봉구': '도봉로 마들로 방학로 노해로',
  '서울 강북구': '도봉로 삼양로 솔매로 한천로',
  '경기 수원시 영통구': '광교중앙로 영통로 봉영로 덕영대로 광교로 삼성로',
  '경기 수원시 장안구': '경수대로 정자천로 수성로 장안로 송원로',
  '경기 수원시 권선구': '권선로 세권로 수인로 호매실로 덕영대로',
  '경기 수원시 팔달구': '정조로 효원로 중부대로 매산로 경수대로',
  '경기 성남시 분당구': '판교역로 대왕판교로 분당로 황새울로 성남대로 정자일로 불정로 판교로',
  '경기 성남시 수정구': '수정로 산성대로 창업로 성남대로 위례광장로',
  '경기 성남시 중원구': '둔촌대로 광명로 제일로 사기막골로 갈마치로',
  '경기 용인시 기흥구': '흥덕중앙로 기흥로 중부대로 동백중앙로 용구대로',
  '경기 용인시 수지구': '포은대로 수지로 풍덕천로 광교중앙로',
  '경기 용인시 처인구': '금령로 중부대로 백옥대로 포곡로 남사로',
  '경기 고양시 일산동구': '중앙로 정발산로 일산로 호수로 경의로',
  '경기 고양시 일산서구': '킨텍스로 중앙로 주엽로 일현로 탄중로',
  '경기 고양시 덕양구': '고양대로 화중로 권율대로 중앙로 통일로',
  '경기 화성시': '동탄대로 동탄순환대로 향남로 삼성1로 남양로 효행로',
  '경기 부천시 원미구': '길주로 부천로 소사로 중동로 석천로',
  '경기 부천시 소사구': '경인로 소사로 호현로 송내대로',
  '경기 부천시 오정구': '오정로 신흥로 삼작로 고리울로',
  '경기 안산시 단원구': '광덕대로 중앙대로 고잔로 산단로 원시로',
  '경기 안산시 상록구': '충장로 상록수로 용신로 반석로',
  '경기 평택시': '평택로 서동대로 중앙로 포승공단순환로 경기대로',
  '경기 시흥시': '정왕대로 공단1대로 시화벤처로 서울대학로 희망공원로',
  '경기 김포시': '김포대로 양촌로 김포한강로 태장로',
  '경기 파주시': '문산로 파주로 통일로 월롱산로 청석로',
  '경기 안양시 동안구': '시민대로 평촌대로 흥안대로 관악대로',
  '경기 안양시 만안구': '안양로 만안로 냉천로 박달로',
  '경기 의정부시': '평화로 시민로 호국로 태평로',
  '경기 하남시': '미사대로 하남대로 위례대로 덕풍북로',
  '경기 이천시': '중부대로 이섭대천로 부발로 경충대로',
  '인천 남동구': '남동대로 인주대로 남동서로 논현로 앵고개로',
  '인천 연수구': '송도과학로 컨벤시아대로 아트센터대로 인천타워대로 센트럴로',
  '인천 서구': '서곶로 봉오대로 청라대로 가정로 검단로',
  '인천 부평구': '부평대로 경원대로 마장로 부흥로',
  '인천 미추홀구': '인하로 주안로 경인로 석정로',
  '인천 중구': '공항로 영종대로 제물량로 신포로',
  '부산 해운대구': '해운대로 센텀중앙로 좌동순환로 센텀동로',
  '부산 부산진구': '중앙대로 서면로 가야대로 동평로',
  '부산 사상구': '사상로 학장로 새벽로 낙동대로',
  '부산 강서구': '녹산산업중로 명지국제로 미음산단로 과학산단로',
  '부산 사하구': '낙동대로 다대로 하신중앙로 장림로',
  '부산 남구': '수영로 용호로 황령대로',
  '부산 동래구': '충렬대로 명륜로 온천장로',
  '부산 연제구': '중앙대로 월드컵대로 과정로',
  '부산 금정구': '금정로 중앙대로 부산대학로',
  '대구 달서구': '달구벌대로 월배로 성서공단로 성서로',
  '대구 북구': '침산로 칠곡중앙대로 3공단로 검단로',
  '대구 수성구': '동대구로 달구벌대로 수성로 알파시티1로',
  '대구 동구': '아양로 동촌로 이노밸리로 동대구로',
  '대구 달성군': '테크노중앙대로 논공로 비슬로 구지중앙로',
  '광주 광산구': '무진대로 첨단중앙로 사암로 하남산단6번로',
  '광주 북구': '첨단과기로 서암대로 하서로 우치로',
  '광주 서구': '상무대로 무진대로 치평로 상무중앙로',
  '대전 유성구': '대덕대로 테크노중앙로 엑스포로 대학로 유성대로',
  '대전 서구': '둔산로 계룡로 한밭대로 대덕대로',
  '대전 대덕구': '대덕대로 대화로 신탄진로 대전로',
  '울산 남구': '삼산로 번영로 산업로 테크노산업로',
  '울산 북구': '산업로 염포로 효자로 매곡산업로',
  '울산 동구': '방어진순환도로 봉수로 대학길',
  '울산 울주군': '온산로 웅촌로 삼남로',
  '충북 청주시 흥덕구': '직지대로 가로수로 공단로 오송생명로',
  '충북 청주시 청원구': '과학산업로 2순환로 오창중앙로',
  '충북 청주시 상당구': '상당로 충청대로 중고개로',
  '충북 청주시 서원구': '충대로 사직대로 청남로',
  '충남 천안시 서북구': '불당대로 번영로 쌍용대로 백석로 직산로',
  '충남 천안시 동남구': '충절로 만남로 청수로 병천로',
  '충남 아산시': '아산로 온천대로 삼성로 번영로 탕정면로',
  '경남 창원시 성산구': '중앙대로 창원대로 웅남로 공단로',
  '경남 창원시 의창구': '팔용로 창이대로 원이대로 의창대로',
  '경남 창원시 마산회원구': '3·15대로 내서로 양덕로',
  '경남 창원시 진해구': '진해대로 석동로 충장로',
  '경남 김해시': '김해대로 가야로 금관대로 골든루트로',
  '경북 포항시 남구': '포스코대로 희망대로 철강로 대이로',
  '경북 포항시 북구': '중흥로 새천년대로 삼호로',
  '경북 구미시': '구미중앙로 1공단로 3공단로 산호대로',
  '제주 제주시': '연삼로 노형로 중앙로 1100로 연북로',
  '제주 서귀포시': '중앙로 일주동로 중정로 신중로',
  '세종 세종특별자치시': '한누리대로 도움1로 갈매로 가름로 보듬로 나성북로',
};

const GENERIC_ROADS = [
  '중앙로',
  '시청로',
  '역전로',
  '번영로',
  '평화로',
  '산업로',
  '공단로',
  '신흥로',
  '문화로',
  '중앙공원로',
  '시장길',
  '대학로',
  '교동로',
  '남부로',
  '북부로',
  '동서대로',
  '새마을로',
  '희망로',
  '행복로',
  '충효로',
];

/** County seats whose 읍 is not named after the 군. */
const EUP: Readonly<Record<string, string>> = {
  '인천 옹진군': '영흥면',
  '대구 달성군': '화원읍',
  '부산 기장군': '기장읍',
  '울산 울주군': '언양읍',
  '전북 완주군': '봉동읍',
  '전남 신안군': '지도읍',
  '경북 칠곡군': '왜관읍',
  '경북 고령군': '대가야읍',
  '경남 함안군': '가야읍',
  '강원 고성군': '간성읍',
};

export interface Place {
  sigungu: Sigungu;
  sido: Sido;
  meta: SidoMeta;
  /** 'sido shortName + sigungu name', e.g. '경기 수원시 영통구'. */
  key: string;
  /** Name for a title tag: '강남구', '수원', '영통구', '가평군', '세종'. */
  tags: readonly string[];
  /** Stem for company names and roads: '강남', '수원', '가평'. */
  stem: string;
  /** '경기도 수원시 영통구' — the part of basicAddr before the road. */
  prefix: string;
  roads: readonly string[];
  /** First zip of this 시군구's block, and block size. */
  zipStart: number;
  zipSize: number;
  /** 3-digit 고용센터 code for 구인인증번호. */
  office: string;
}

function stemOf(name: string): string {
  const stripped = name.replace(/(특별자치시|시|군|구)$/, '');
  return stripped.length >= 1 ? stripped : name;
}

function buildPlaces(): { places: readonly Place[]; table: WeightedTable<Place> } {
  const sidoByCode = new Map(SIDO.map((s) => [s.code, s]));
  const bySido = new Map<string, Sigungu[]>();
  for (const s of SIGUNGU) {
    const list = bySido.get(s.sidoCode);
    if (list) list.push(s);
    else bySido.set(s.sidoCode, [s]);
  }
  const places: Place[] = [];
  const weights: [Place, number][] = [];
  for (const [sidoCode, list] of bySido) {
    const sido = sidoByCode.get(sidoCode);
    if (!sido) continue;
    const meta = SIDO_META[sido.shortName] ?? DEFAULT_META;
    const pop = new Map<string, number>();
    const tokens = meta.pop.split(' ').filter(Boolean);
    for (let i = 0; i + 1 < tokens.length; i += 2) pop.set(tokens[i] as string, Number(tokens[i + 1]));
    // Cities listed as several 일반구 share the city's weight.
    const cityCount = new Map<string, number>();
    for (const s of list) {
      const city = s.name.split(' ')[0] as string;
      cityCount.set(city, (cityCount.get(city) ?? 0) + 1);
    }
    const raw = list.map((s) => {
      const city = s.name.split(' ')[0] as string;
      const stem = stemOf(city);
      const fallback = city.endsWith('군') ? 3 : city.endsWith('구') ? 10 : 15;
      return (pop.get(stem) ?? fallback) / (cityCount.get(city) ?? 1);
    });
    const rawTotal = raw.reduce((a, b) => a + b, 0);
    const span = meta.zip[1] - meta.zip[0] + 1;
    const size = Math.max(1, Math.floor(span / list.length));
    list.forEach((sigungu, i) => {
      const parts = sigungu.name.split(' ');
      const city = parts[0] as string;
      const isSejong = sigungu.name === sido.name || sigungu.name.startsWith('세종');
      const key = `${sido.shortName} ${sigungu.name}`;
      const stem = isSejong ? '세종' : stemOf(city);
      const tags = isSejong
        ? ['세종']
        : parts.length > 1
          ? [stemOf(city), parts[1] as string, `${stemOf(city)} ${stemOf(parts[1] as string)}`]
          : [sigungu.name];
      let prefix = isSejong ? sido.name : `${sido.name} ${sigungu.name}`;
      if (!isSejong && city.endsWith('군')) prefix += ` ${EUP[key] ?? `${stem}읍`}`;
      const roads = ROADS[key]?.split(' ') ?? [
        `${stem}로`,
        `${stem}대로`,
        ...GENERIC_ROADS.slice((i * 7) % 13, ((i * 7) % 13) + 6),
      ];
      const place: Place = {
        sigungu,
        sido,
        meta,
        key,
        tags,
        stem,
        prefix,
        roads,
        zipStart: meta.zip[0] + i * size,
        zipSize: size,
        office: String(meta.office + (i % 10)).padStart(3, '0'),
      };
      places.push(place);
      weights.push([place, (meta.share * (raw[i] as number)) / rawTotal]);
    });
  }
  return { places, table: new WeightedTable(weights) };
}

const built = buildPlaces();
export const PLACES: readonly Place[] = built.places;
const PLACE_TABLE = built.table;

/** A 시군구 weighted by employment. */
export function pickPlace(rng: Rng): Place {
  return PLACE_TABLE.pick(rng);
}

/** Another 시군구 of the same 시도 (or the same one where the 시도 has only one). */
export function pickPlaceInSido(rng: Rng, near: Place): Place {
  for (let tries = 0; tries < 8; tries++) {
    const p = PLACE_TABLE.pick(rng);
    if (p.sido.code === near.sido.code) return p;
  }
  return near;
}

/** Road part of an address: '테헤란로 152', '중앙로 45번길 12'. */
export function pickRoadAddress(rng: Rng, place: Place): string {
  const road = rng.pick(place.roads);
  if (rng.chance(0.22)) return `${road}${rng.int(1, 120)}번길 ${rng.int(1, 80)}`;
  const n = rng.chance(0.7) ? rng.int(1, 199) : rng.int(200, 999);
  return rng.chance(0.08) ? `${road} ${n}-${rng.int(1, 30)}` : `${road} ${n}`;
}

export function pickZip(rng: Rng, place: Place): string {
  return String(place.zipStart + rng.int(0, place.zipSize - 1)).padStart(5, '0');
}

/** A 대표번호 in the 시도's area code: '031-215-4821', '02-3456-7890'; '1588-…' when national. */
export function pickPhone(rng: Rng, place: Place, national: boolean): string {
  if (national) return `${rng.pick(['1588', '1577', '1544', '1644', '1661', '1600', '1899'])}-${rng.int(1000, 9999)}`;
  if (rng.chance(0.06)) return `070-${rng.int(4000, 8999)}-${rng.int(1000, 9999)}`;
  const area = place.meta.area;
  const exchange = area === '02' || rng.chance(0.45) ? String(rng.int(2000, 8999)) : String(rng.int(200, 999));
  return `${area}-${exchange}-${String(rng.int(0, 9999)).padStart(4, '0')}`;
}
