/**
 * Employers: 업종 (한국표준산업분류 names) with the ways Korean businesses of that kind are named, and a
 * deterministic company for each (industry, number): name, a unique 사업자등록번호 with a valid check digit,
 * a home 시군구, address and 대표번호.
 */

import { businoCheckDigit } from '../../identity/rules.ts';
import type { Place } from './places.ts';
import { pickPhone, pickPlace, pickRoadAddress, pickZip } from './places.ts';
import { Rng } from './random.ts';

type ContactKind = 'office' | 'factory' | 'care' | 'medical' | 'shop' | 'school' | 'public' | 'site' | 'apt';

export interface Industry {
  key: string;
  /** 한국표준산업분류 (10차) 세세분류 name, as WorkNet shows it in 업종. */
  name: string;
  /**
   * Name patterns: {s} any stem, {k} Korean-word stem, {e} English-sounding stem, {r} the 시군구 stem ('수원'),
   * {g} the 시군구 name ('수원시 영통구'), {n} a small number.
   */
  forms: readonly string[];
  /** Individual businesses exempt from VAT (의원, 학원, 어린이집…) use 90–99 in the 사업자번호 middle. */
  taxFree?: boolean;
  contact: ContactKind;
  /** Chance that the company uses a national 15xx/16xx number. */
  national?: number;
  /** Companies that place staff at many sites (경비·청소 용역, 파견, 물류) post outside their home 시군구. */
  roaming?: boolean;
}

const I = (
  key: string,
  name: string,
  contact: ContactKind,
  forms: readonly string[],
  extra: Partial<Pick<Industry, 'taxFree' | 'national' | 'roaming'>> = {},
): Industry => ({ key, name, contact, forms, ...extra });

export const INDUSTRIES: readonly Industry[] = [
  // 사회복지·돌봄
  I(
    'home_care',
    '방문 복지서비스 제공업',
    'care',
    [
      '{k}재가노인복지센터',
      '{s}방문요양센터',
      '{r}{k}재가복지센터',
      '{k}케어 방문요양',
      '(주){e}케어',
      '{k}노인복지센터',
      '{r}실버케어센터',
    ],
    { taxFree: true },
  ),
  I(
    'care_home',
    '노인 요양 복지시설 운영업',
    'care',
    [
      '{k}노인요양원',
      '{s}요양원',
      '{k}실버홈',
      '사회복지법인 {s}복지재단',
      '{s}노인전문요양원',
      '{k}주야간보호센터',
      '{r}{k}요양원',
    ],
    { taxFree: true },
  ),
  I('daycare', '보육시설 운영업', 'school', ['{k}어린이집', '{r}{k}어린이집', '{s}어린이집', '{k}숲어린이집'], {
    taxFree: true,
  }),
  I(
    'welfare_center',
    '종합복지관 운영업',
    'care',
    ['{r}종합사회복지관', '{r}노인복지관', '{r}장애인복지관', '사회복지법인 {k}복지관'],
    { taxFree: true },
  ),
  I(
    'welfare_other',
    '그 외 기타 비거주 복지 서비스업',
    'care',
    ['{k}지역아동센터', '{r}지역자활센터', '{k}장애인주간보호센터', '{r}장애인활동지원센터', '{r}가족센터'],
    { taxFree: true },
  ),
  I(
    'disabled_home',
    '신체 부자유자 거주 복지시설 운영업',
    'care',
    ['사회복지법인 {k}원', '{k}재활원', '{k}의 집', '{s}장애인거주시설'],
    { taxFree: true },
  ),
  I('counseling', '사회복지 상담서비스 제공업', 'care', ['{k}심리상담센터', '{r}청소년상담복지센터', '{k}상담연구소'], {
    taxFree: true,
  }),
  // 보건·의료
  I('nursing_hospital', '요양 병원', 'medical', ['{s}요양병원', '의료법인 {s}의료재단 {s}요양병원', '{r}{k}요양병원'], {
    taxFree: true,
  }),
  I(
    'hospital',
    '일반 병원',
    'medical',
    ['{s}병원', '{r}{s}병원', '의료법인 {s}의료재단 {s}병원', '{s}정형외과병원', '{s}재활병원', '{k}여성병원'],
    { taxFree: true },
  ),
  I('general_hospital', '종합 병원', 'medical', ['{r}{s}병원', '{s}종합병원', '의료법인 {s}의료재단 {s}병원'], {
    taxFree: true,
    national: 0.3,
  }),
  I(
    'clinic',
    '일반 의원',
    'medical',
    [
      '{k}내과의원',
      '{s}정형외과의원',
      '{k}가정의학과의원',
      '{s}이비인후과의원',
      '{k}소아청소년과의원',
      '{s}피부과의원',
      '{s}안과의원',
      '{s}재활의학과의원',
      '{s}비뇨의학과의원',
      '{r}{s}내과의원',
    ],
    { taxFree: true },
  ),
  I('dental', '치과 의원', 'medical', ['{k}치과의원', '{s}치과의원', '{r}{k}치과'], { taxFree: true }),
  I('oriental', '한의원', 'medical', ['{k}한의원', '{s}한의원'], { taxFree: true }),
  I('pharmacy', '의약품 및 의료용품 소매업', 'shop', ['{k}약국', '{s}약국', '{r}{s}약국']),
  I('vet', '수의업', 'medical', ['{k}동물병원', '{s}동물의료센터', '{r}{k}동물병원']),
  // 정보통신
  I('software', '응용 소프트웨어 개발 및 공급업', 'office', [
    '(주){e}소프트',
    '(주){s}테크',
    '주식회사 {e}랩스',
    '{e}시스템즈(주)',
    '(주){s}정보기술',
    '(주){e}아이앤씨',
    '주식회사 {k}에이아이',
  ]),
  I('si', '컴퓨터시스템 통합 자문 및 구축 서비스업', 'office', [
    '(주){s}정보통신',
    '(주){e}아이티',
    '{s}시스템(주)',
    '(주){s}데이타',
    '주식회사 {e}아이에스',
  ]),
  I('programming', '컴퓨터 프로그래밍 서비스업', 'office', [
    '(주){e}소프트',
    '{e}웍스',
    '(주){s}디지털',
    '{k}코드(주)',
  ]),
  I('game', '모바일 게임 소프트웨어 개발 및 공급업', 'office', [
    '(주){e}게임즈',
    '{e}엔터테인먼트(주)',
    '(주){k}스튜디오',
  ]),
  I('platform', '포털 및 기타 인터넷 정보매개 서비스업', 'office', [
    '(주){e}플랫폼',
    '(주){k}컴퍼니',
    '주식회사 {e}플러스',
  ]),
  I('hosting', '호스팅 및 관련 서비스업', 'office', ['(주){e}클라우드', '(주){s}넷', '{e}데이터센터(주)']),
  I('telecom_const', '일반 통신 공사업', 'site', ['{s}통신(주)', '(주){s}정보통신', '{s}네트웍스']),
  I('broadcast', '방송 프로그램 제작업', 'office', ['(주){s}미디어', '{k}프로덕션', '(주){e}엔터테인먼트']),
  I('publishing', '일반 서적 출판업', 'office', ['도서출판 {k}', '(주){k}북스', '{s}출판사']),
  I('newspaper', '신문 발행업', 'office', ['{r}{s}신문', '(주){s}일보', '{r}일보(주)']),
  // 운수·창고
  I(
    'trucking',
    '일반 화물자동차 운송업',
    'site',
    ['(주){s}물류', '{e}로지스(주)', '(주){s}통운', '(주){s}운수', '{s}익스프레스', '{r}{s}물류'],
    { roaming: true },
  ),
  I('parcel', '택배업', 'site', ['(주){s}택배', '{e}로지스틱스(주)', '{s}택배 {r}대리점', '(주){k}배송'], {
    roaming: true,
    national: 0.2,
  }),
  I('warehouse', '일반 창고업', 'site', ['(주){e}로지스', '(주){s}물류센터', '{e}풀필먼트(주)', '(주){s}물류'], {
    roaming: true,
  }),
  I('cold_storage', '냉장 및 냉동 창고업', 'site', ['(주){s}냉장', '{e}콜드체인(주)', '{s}냉동(주)']),
  I('forwarding', '화물운송 중개, 대리 및 관련 서비스업', 'office', [
    '(주){s}해운항공',
    '(주){e}글로벌로지스',
    '{s}포워딩(주)',
    '(주){s}쉬핑',
  ]),
  I('city_bus', '시내버스 운송업', 'site', ['{r}{s}운수(주)', '(주){s}교통', '{s}여객(주)', '{r}버스(주)']),
  I('charter_bus', '전세버스 운송업', 'site', ['(주){s}관광', '{s}고속관광(주)', '{k}관광버스(주)']),
  I('taxi', '택시 운송업', 'site', ['{s}택시(주)', '(주){s}운수', '{s}교통(주)', '{r}{s}택시']),
  I('quick', '늘찬 배달업', 'site', ['{s}퀵서비스', '(주){e}딜리버리', '{r}{k}배달대행'], { roaming: true }),
  // 제조
  I('auto_parts', '그 외 자동차용 신품 부품 제조업', 'factory', [
    '(주){s}산업',
    '(주){e}오토텍',
    '{s}정공(주)',
    '(주){s}모텍',
    '{s}오토(주)',
  ]),
  I('auto_body', '자동차 차체용 신품 부품 제조업', 'factory', ['(주){s}산업', '{s}프레스(주)', '(주){s}오토모티브']),
  I('machining', '절삭가공 및 유사처리업', 'factory', ['{s}정밀', '(주){s}정밀', '{s}테크', '{s}기공', '{s}정밀기계']),
  I('metal_structure', '구조용 금속 판제품 및 공작물 제조업', 'factory', [
    '(주){s}철강',
    '{e}스틸(주)',
    '{s}금속',
    '{s}철구(주)',
    '(주){s}메탈',
  ]),
  I('plating', '도금업', 'factory', ['{s}도금', '(주){s}표면처리', '{s}화학도금']),
  I('coating', '도장 및 기타 피막처리업', 'factory', ['{s}도장', '(주){s}코팅', '{s}분체도장']),
  I('mold', '주형 및 금형 제조업', 'factory', ['{s}금형', '(주){s}몰드', '{s}정밀금형']),
  I('machinery', '그 외 기타 특수목적용 기계 제조업', 'factory', [
    '(주){s}기계',
    '{s}엔지니어링(주)',
    '(주){e}메카트로닉스',
    '(주){s}산기',
  ]),
  I('general_machinery', '그 외 기타 일반목적용 기계 제조업', 'factory', ['(주){s}기계', '{s}산기(주)', '(주){s}기공']),
  I('electronic_parts', '그 외 기타 전자부품 제조업', 'factory', [
    '(주){s}전자',
    '{e}일렉트로닉스(주)',
    '(주){e}이엔티',
    '{s}전자(주)',
  ]),
  I('pcb', '전자부품 실장기판 제조업', 'factory', ['(주){s}전자', '{s}써키트(주)', '(주){e}에스엠티']),
  I('semi_equip', '반도체 제조용 기계 제조업', 'factory', ['(주){e}세미텍', '(주){s}이엔지', '{e}테크놀로지(주)']),
  I('battery', '기타 이차전지 제조업', 'factory', ['(주){s}에너지', '(주){e}배터리', '{s}솔루션(주)']),
  I('switchgear', '배전반 및 전기 자동제어반 제조업', 'factory', ['(주){s}전기', '{s}전력(주)', '(주){s}이앤씨']),
  I('plastic', '그 외 기타 플라스틱 제품 제조업', 'factory', [
    '(주){s}화학',
    '{s}플라스틱',
    '(주){e}폴리머',
    '{s}산업(주)',
  ]),
  I('plastic_pack', '포장용 플라스틱 성형용기 제조업', 'factory', ['(주){s}팩', '{s}포장', '(주){s}용기']),
  I('rubber', '그 외 기타 고무제품 제조업', 'factory', ['{s}고무', '(주){s}러버', '{s}고무산업(주)']),
  I('chemical', '그 외 기타 분류 안된 화학제품 제조업', 'factory', ['(주){s}케미칼', '{s}화학(주)', '(주){e}켐']),
  I('cosmetics', '화장품 제조업', 'factory', ['(주){e}코스메틱', '{s}바이오(주)', '(주){k}뷰티']),
  I('pharma', '합성의약품 및 기타 완제 의약품 제조업', 'factory', ['{s}제약(주)', '(주){e}팜', '(주){s}바이오']),
  I('food', '그 외 기타 식료품 제조업', 'factory', [
    '{s}식품',
    '(주){s}식품',
    '(주){k}푸드',
    '농업회사법인 {s}식품(주)',
    '{s}에프앤비',
  ]),
  I('bakery_mfg', '빵류 제조업', 'factory', ['{k}베이커리', '(주){s}제과', '{k}에프앤비']),
  I('meal_mfg', '도시락 및 식사용 조리식품 제조업', 'factory', ['(주){k}푸드', '{s}밀키트(주)', '(주){s}식품']),
  I('kimchi', '김치류 제조업', 'factory', ['{k}김치', '농업회사법인 {k}(주)', '{r}{s}식품']),
  I('meat', '육류 포장육 및 냉동육 가공업', 'factory', ['{s}축산', '(주){e}미트', '{s}푸드(주)']),
  I('garment', '여자용 겉옷 제조업', 'factory', ['{e}어패럴', '(주){e}패션', '{s}섬유', '{s}봉제']),
  I('textile', '직물 및 편조원단 염색 가공업', 'factory', ['{s}섬유(주)', '{s}염직', '(주){e}텍스타일']),
  I('printing', '오프셋 인쇄업', 'factory', ['{s}인쇄', '(주){e}프린팅', '{s}기획인쇄']),
  I('furniture', '기타 목재가구 제조업', 'factory', ['{s}가구', '(주){e}퍼니처', '{s}목공']),
  I('paper', '그 외 기타 종이 및 판지 제품 제조업', 'factory', ['{s}제지', '(주){s}팩', '{s}지업']),
  I('signboard', '간판 및 광고물 제조업', 'shop', ['{s}광고', '{e}애드', '{s}간판']),
  I('jewelry', '귀금속 및 관련제품 제조업', 'shop', ['{e}주얼리', '{s}귀금속', '{k}공방']),
  I('shipbuilding', '선박 구성 부분품 제조업', 'factory', ['(주){s}중공업', '{s}조선(주)', '(주){s}해양']),
  I('steel', '열간 압연 및 압출 제품 제조업', 'factory', ['(주){s}제강', '{e}스틸(주)', '(주){s}철강']),
  I('foundry', '선철주물 주조업', 'factory', ['{s}주물', '(주){e}캐스팅', '{s}주철(주)']),
  I('forging', '금속 단조제품 제조업', 'factory', ['{s}단조', '(주){s}포징', '{s}단조(주)']),
  I('remicon', '레미콘 제조업', 'factory', ['{s}레미콘(주)', '(주){s}산업', '{r}레미콘(주)']),
  I('glass', '기타 판유리 가공품 제조업', 'factory', ['{s}유리', '(주){e}글라스', '{s}창호유리']),
  I('hvac_mfg', '가정용 및 산업용 공기 조화장치 제조업', 'factory', ['(주){s}공조', '{s}냉열(주)']),
  I('solar', '태양력 발전업', 'site', ['(주){s}파워', '{s}에너지(주)', '{r}태양광발전(주)']),
  I('power', '기타 발전업', 'site', ['(주){s}발전', '{s}에너지(주)', '(주){e}파워']),
  // 건설·환경
  I(
    'building',
    '아파트 건설업',
    'site',
    ['(주){s}건설', '{s}종합건설(주)', '(주){s}이앤씨', '{s}건업(주)', '(주){s}개발'],
    { roaming: true },
  ),
  I('commercial_building', '사무ㆍ상업용 및 공공기관용 건물 건설업', 'site', ['(주){s}건설', '{s}종합건설(주)'], {
    roaming: true,
  }),
  I('road', '도로 건설업', 'site', ['(주){s}토건', '{s}건설(주)', '(주){s}개발'], { roaming: true }),
  I('concrete', '콘크리트 및 철근 공사업', 'site', ['(주){s}건설', '{s}산업개발(주)', '{s}건설'], { roaming: true }),
  I('plumbing', '배관 및 냉ㆍ난방 공사업', 'site', ['{s}설비', '(주){s}기술', '{s}공조(주)', '{s}설비공사'], {
    roaming: true,
  }),
  I('electric_work', '일반 전기 공사업', 'site', ['{s}전기', '(주){s}전력', '{s}전설(주)', '{s}전기공사'], {
    roaming: true,
  }),
  I('interior', '도배, 실내 장식 및 내장 목공사업', 'site', ['{s}인테리어', '(주){e}디자인', '{k}하우징'], {
    roaming: true,
  }),
  I('waterproof', '미장, 타일 및 방수 공사업', 'site', ['{s}방수', '{s}타일', '(주){s}산업'], { roaming: true }),
  I('fire_system', '소방시설 공사업', 'site', ['(주){s}소방', '{s}방재(주)', '{s}소방설비']),
  I('elevator', '승강설비 설치 공사업', 'site', ['(주){s}엘리베이터', '{e}리프트(주)']),
  I('landscape', '조경 건설업', 'site', ['{s}조경', '(주){k}그린', '{s}조경건설(주)'], { roaming: true }),
  I('engineering', '건물 및 토목 엔지니어링 서비스업', 'office', [
    '(주){s}엔지니어링',
    '{s}기술단(주)',
    '(주){s}종합기술',
  ]),
  I('architecture', '건축설계 및 관련 서비스업', 'office', ['{s}건축사사무소', '(주){s}종합건축사사무소']),
  I('testing', '기타 기술 시험, 검사 및 분석업', 'office', ['(주){s}분석센터', '{s}시험연구원(주)', '(주){e}테스트']),
  I('waste', '지정 외 폐기물 수집, 운반업', 'site', ['{s}환경(주)', '{s}자원', '(주){e}리사이클링', '{r}환경']),
  I('sewage', '하수 처리업', 'site', ['(주){e}워터', '{s}환경기술(주)', '{r}{s}환경']),
  // 사업지원
  I(
    'facility',
    '사업시설 유지ㆍ관리 서비스업',
    'office',
    ['(주){s}시설관리', '{e}에프엠(주)', '(주){s}종합관리', '{e}비엠에스(주)', '{r}시설관리공단'],
    { roaming: true },
  ),
  I('cleaning', '건축물 일반 청소업', 'office', ['{s}환경', '{k}크린', '(주){e}클린', '{s}종합환경', '{s}클린서비스'], {
    roaming: true,
  }),
  I('pest', '소독, 구충 및 방제 서비스업', 'office', ['{s}방역', '{s}환경위생', '(주){e}케어']),
  I('security', '경비 및 경호 서비스업', 'office', ['(주){e}시큐리티', '{s}경비(주)', '(주){s}에스텍', '{e}가드(주)'], {
    roaming: true,
    national: 0.15,
  }),
  I('apt', '주거용 부동산 관리', 'apt', [
    '{r}{s}아파트 관리사무소',
    '{k}마을 아파트 관리사무소',
    '(주){s}주택관리',
    '{s}파크 관리사무소',
  ]),
  I('staffing', '상용 인력 공급 및 인사관리 서비스업', 'office', ['(주){s}인력', '{e}휴먼(주)', '(주){e}아웃소싱'], {
    roaming: true,
  }),
  I('day_labor', '임시 및 일용 인력 공급업', 'office', ['{s}인력', '{r}{s}인력사무소', '{s}인력개발'], {
    roaming: true,
  }),
  I('call_center', '콜센터 및 텔레마케팅 서비스업', 'office', ['(주){e}씨에스', '{s}컨택센터(주)', '(주){s}고객센터'], {
    national: 0.5,
  }),
  I('parking', '주차장 운영업', 'office', ['(주){e}파킹', '{s}주차장', '{r}{s}주차'], { roaming: true }),
  I('laundry', '산업용 세탁업', 'factory', ['{s}세탁', '(주){s}린넨', '{k}크리닝']),
  I('travel', '여행사업', 'office', ['(주){e}투어', '{s}여행사', '(주){e}트래블']),
  I('event', '전시, 컨벤션 및 행사 대행업', 'office', ['(주){e}이벤트', '{s}컨벤션(주)', '(주){k}기획']),
  I('ad', '광고 대행업', 'office', ['(주){e}커뮤니케이션즈', '{e}애드(주)', '(주){s}마케팅']),
  I('design', '시각 디자인업', 'office', ['{k}디자인', '(주){e}크리에이티브', '스튜디오 {k}']),
  I('consulting', '경영 컨설팅업', 'office', ['(주){s}컨설팅', '{e}파트너스(주)', '(주){s}경영연구원']),
  I('research', '기타 공학 연구개발업', 'office', ['(주){e}테크', '{s}기술연구원(주)', '(주){s}이노베이션']),
  I('bio_research', '의학 및 약학 연구개발업', 'office', ['(주){e}바이오', '(주){s}바이오텍', '{e}사이언스(주)']),
  I('social_research', '기타 인문 및 사회과학 연구개발업', 'office', [
    '(주){s}리서치',
    '{s}정책연구원',
    '(주){e}인사이트',
  ]),
  // 금융·전문서비스
  I('insurance_agency', '보험 대리 및 중개업', 'office', [
    '(주){e}에셋',
    '{s}보험대리점',
    '(주){s}금융서비스',
    '{e}파트너스(주)',
  ]),
  I('credit_union', '신용조합', 'office', ['{r}신용협동조합', '{r}{s}새마을금고']),
  I('tax', '세무사업', 'office', ['{s}세무회계사무소', '세무법인 {s}', '{k}세무회계'], { taxFree: true }),
  I('cpa', '공인회계사업', 'office', ['{s}회계법인', '{k}회계사무소'], { taxFree: true }),
  I('law', '변호사업', 'office', ['법무법인 {s}', '{s}법률사무소', '법무법인(유한) {s}']),
  I('judicial_scrivener', '법무사업', 'office', ['{s}법무사사무소', '법무사 {s}합동사무소']),
  I('realty', '부동산 중개 및 대리업', 'shop', ['{k}공인중개사사무소', '{s}부동산', '(주){s}부동산중개법인']),
  I('realty_dev', '비주거용 건물 임대업', 'office', ['(주){s}개발', '{e}자산관리(주)', '(주){s}디앤씨']),
  // 교육
  I(
    'academy',
    '일반 교과 학원',
    'school',
    ['{k}학원', '{s}수학학원', '{k}영어학원', '{e}에듀', '{k}국어논술학원', '{r}{s}학원'],
    { taxFree: true },
  ),
  I('language', '외국어학원', 'school', ['{e}어학원', '{k}잉글리시', '{r}{e}어학원'], { taxFree: true }),
  I('art_school', '음악학원', 'school', ['{k}음악학원', '{s}피아노학원', '{k}실용음악학원'], { taxFree: true }),
  I('taekwondo', '태권도 및 무술 교육기관', 'school', ['{s}태권도', '{k}태권도장', '{r}{s}체육관'], { taxFree: true }),
  I('kindergarten', '유아 교육기관', 'school', ['{k}유치원', '{r}{k}유치원'], { taxFree: true }),
  I('vocational', '기타 기술 및 직업훈련학원', 'school', ['{s}직업전문학교', '{r}직업훈련원', '{k}요양보호사교육원'], {
    taxFree: true,
  }),
  I('university', '대학교', 'school', ['{r}대학교', '{s}대학교', '{s}과학기술대학교'], { taxFree: true }),
  I('high_school', '일반 고등학교', 'school', ['{s}고등학교', '{r}고등학교', '{s}여자고등학교'], { taxFree: true }),
  // 공공
  I('local_gov', '지방 행정 집행기관', 'public', ['{g}청', '{g}청', '{r} 행정복지센터', '{r}시설관리공단']),
  I('defense', '국방 행정', 'public', ['육군 제{n}보병사단', '해군 제{n}함대사령부', '공군 제{n}전투비행단']),
  I('museum', '박물관 운영업', 'public', ['{r}시립박물관', '{s}박물관', '{r}역사박물관']),
  I('library', '도서관 및 기록보존소 운영업', 'public', ['{r}시립도서관', '{r}{k}작은도서관', '{r}중앙도서관']),
  I('religion', '기독교 단체', 'office', ['{k}교회', '{s}중앙교회', '{r}{k}교회']),
  I('buddhism', '불교 단체', 'office', ['{s}사', '대한불교 {s}사']),
  // 음식·숙박·여가
  I('restaurant', '한식 일반 음식점업', 'shop', [
    '{k}식당',
    '{s}가든',
    '{k}국밥',
    '{s}한정식',
    '{k}밥상',
    '{r}{k}식당',
    '{s}칼국수',
    '{k}집밥',
  ]),
  I('bbq', '한식 육류요리 전문점', 'shop', ['{s}갈비', '{k}숯불갈비', '{s}한우', '{k}정육식당', '{r}{s}갈비']),
  I('chinese', '중식 음식점업', 'shop', ['{s}반점', '{s}각', '{k}짬뽕', '{s}루']),
  I('japanese', '일식 음식점업', 'shop', ['{k}스시', '{s}초밥', '{k}돈가스', '{s}일식']),
  I('western', '서양식 음식점업', 'shop', ['{e}키친', '{e}비스트로', '{k}파스타']),
  I('cafeteria', '기관 구내식당업', 'site', ['(주){s}푸드서비스', '{s}급식', '(주){e}케이터링', '{k}푸드(주)'], {
    roaming: true,
  }),
  I('cafe', '커피 전문점', 'shop', ['{e}커피', '카페 {k}', '{e}로스터스', '{k}다방']),
  I('bakery', '제과점업', 'shop', ['{k}베이커리', '{s}제과', '베이커리 {k}']),
  I('chicken', '치킨 전문점', 'shop', ['{k}치킨', '{s}통닭', '{e}치킨']),
  I('snack', '김밥 및 기타 간이 음식점업', 'shop', ['{k}김밥', '{s}분식', '{k}떡볶이']),
  I('pub', '생맥주 전문점', 'shop', ['{k}호프', '{e}펍', '{k}포차']),
  I('hotel', '호텔업', 'office', ['{s}호텔', '(주){e}호텔앤리조트', '호텔 {e}', '{r}{e}호텔'], { national: 0.1 }),
  I('resort', '휴양콘도 운영업', 'office', ['{e}리조트(주)', '(주){s}레저', '{s}콘도'], { national: 0.2 }),
  I('motel', '여관업', 'shop', ['{k}모텔', '호텔 {e}', '{k}무인텔']),
  I('fitness', '체력단련시설 운영업', 'shop', ['{e}피트니스', '{k}짐', '{e}PT스튜디오', '{r}{e}휘트니스']),
  I('golf', '골프장 운영업', 'office', ['{s}컨트리클럽', '(주){s}개발 {s}골프클럽', '{e}CC']),
  I('sports_center', '수영장 운영업', 'office', ['{s}스포츠센터', '{r}국민체육센터', '{r}{e}스포츠클럽']),
  I('themepark', '유원지 및 테마파크 운영업', 'office', ['{e}랜드', '{k}월드', '(주){s}레저']),
  I('pc_room', '컴퓨터 게임방 운영업', 'shop', ['{e}PC방', '{k}PC카페']),
  I('karaoke', '노래연습장 운영업', 'shop', ['{k}노래연습장', '{e}코인노래방']),
  I('performance', '공연 기획업', 'office', ['(주){e}컴퍼니', '{k}아트센터', '(주){s}엔터테인먼트']),
  I('hair', '두발 미용업', 'shop', ['{k}헤어', '헤어살롱 {e}', '{e}헤어샵', '{k}미용실']),
  I('skin', '피부 미용업', 'shop', ['{e}에스테틱', '{k}피부관리실', '{e}스킨케어']),
  I('nail', '기타 미용업', 'shop', ['{e}네일', '{k}네일아트', '{e}뷰티']),
  I('wedding', '예식장업', 'office', ['{e}웨딩홀', '{s}컨벤션', '{e}웨딩컨벤션']),
  I('funeral', '장례식장 및 장의관련 서비스업', 'office', ['{s}장례식장', '(주){k}상조', '{r}{s}장례문화원']),
  I('airline', '정기 항공 운송업', 'office', ['(주){e}항공', '{e}에어(주)'], { national: 0.6 }),
  I('coastal_ship', '내항 여객 운송업', 'site', ['(주){s}해운', '{s}훼리(주)']),
  // 유통
  I('supermarket', '슈퍼마켓', 'shop', ['{k}마트', '{r}{s}마트', '(주){s}유통', '{s}식자재마트']),
  I('convenience', '체인화 편의점', 'shop', ['{e}편의점 {r}점', '{k}24 {r}점']),
  I('department', '백화점', 'office', ['(주){e}백화점 {r}점', '{s}백화점(주)'], { national: 0.4 }),
  I('ecommerce', '전자상거래 소매업', 'office', ['(주){e}커머스', '{k}몰', '(주){e}리테일']),
  I('wholesale', '상품 종합 도매업', 'office', ['(주){s}상사', '{s}유통(주)', '(주){e}트레이딩']),
  I('food_wholesale', '기타 가공식품 도매업', 'office', ['(주){k}푸드', '{s}식자재', '{s}유통']),
  I('machinery_trade', '기타 산업용 기계 및 장비 도매업', 'office', ['(주){e}테크', '{s}기계상사', '(주){s}무역']),
  I('medical_trade', '의료기기 도매업', 'office', ['(주){e}메디칼', '{s}메디텍(주)']),
  I('car_dealer', '자동차 신품 판매업', 'shop', ['{e}모터스 {r}지점', '(주){e}오토', '{s}자동차판매(주)']),
  I('car_repair', '자동차 종합 수리업', 'shop', ['{s}자동차공업사', '{e}모터스', '(주){s}오토서비스', '{k}카센터']),
  I('gas_station', '차량용 주유소 운영업', 'shop', ['{s}주유소', '(주){s}에너지 {r}주유소', '{r}셀프주유소']),
  I('clothing_store', '여자용 겉옷 소매업', 'shop', ['{e}패션', '{k}옷가게', '{e}부티크']),
  I('phone_store', '통신기기 소매업', 'shop', ['{e}모바일', '{s}통신', '{e}폰 {r}점']),
  // 농림어업
  I('vegetables', '채소작물 재배업', 'site', [
    '농업회사법인 {k}(주)',
    '영농조합법인 {k}',
    '{k}농장',
    '{e}팜',
    '{r}{k}농원',
  ]),
  I('flowers', '화훼작물 재배업', 'site', ['{k}화훼농원', '영농조합법인 {k}화훼', '{k}플라워']),
  I('pig_farm', '양돈업', 'site', ['{s}농장', '{s}축산', '농업회사법인 {s}(주)']),
  I('poultry', '양계업', 'site', ['{s}농장', '{k}양계', '농업회사법인 {k}(주)']),
  I('forestry', '임업 관련 서비스업', 'site', ['{s}산림', '{r}산림조합', '{k}조경산림(주)']),
  I('fishery', '연근해 어업', 'site', ['{s}수산', '{s}수산(주)', '영어조합법인 {k}']),
  I('aquaculture', '해수면 양식 어업', 'site', ['{k}양식장', '{s}수산', '영어조합법인 {k}']),
];

export const INDUSTRY_BY_KEY: ReadonlyMap<string, Industry> = new Map(INDUSTRIES.map((i) => [i.key, i]));

const SINO_FIRST = '대동삼세신한태우영성정현경진광금명남서제일청해유창'.split('');
const SINO_SECOND = '성진일우영광화신원한명흥양창산도림보경인정아호풍덕'.split('');
/** Combinations that read as a famous group's name. */
const AVOID = new Set(['삼성', '대우', '한화', '금호', '대림', '동부', '태영', '한진', '동양', '대성', '해태', '일진']);
const SINO = SINO_FIRST.flatMap((a) => SINO_SECOND.map((b) => a + b)).filter((s) => s[0] !== s[1] && !AVOID.has(s));
const KOREAN = [
  '한빛',
  '세움',
  '다온',
  '가온',
  '누리',
  '해솔',
  '보람',
  '나래',
  '하늘',
  '바른',
  '한결',
  '새롬',
  '온누리',
  '이음',
  '한울',
  '미르',
  '아름',
  '슬기',
  '하나',
  '늘봄',
  '햇살',
  '새봄',
  '꿈터',
  '푸른',
  '초록',
  '다솜',
  '라온',
  '윤슬',
  '별빛',
  '다올',
  '한마음',
  '참좋은',
  '행복한',
  '사랑',
  '희망',
  '미소',
  '새싹',
  '들꽃',
  '솔빛',
  '한내',
  '빛나래',
  '예다움',
  '도담',
  '소망',
  '은빛',
  '효사랑',
  '참사랑',
  '큰나무',
  '늘푸른',
  '마중',
  '더불어',
  '꽃마을',
  '새날',
  '든든',
  '품앗이',
  '온정',
  '봄날',
  '한아름',
  '고운',
  '따뜻한',
];
const ENGLISH = [
  '에이스',
  '스마트',
  '글로벌',
  '그린',
  '블루',
  '하이',
  '뉴',
  '베스트',
  '유니',
  '코리아',
  '제이엠',
  '케이엠',
  '제이에스',
  '디에스',
  '와이케이',
  '에이치엠',
  '티에스',
  '엠케이',
  '케이디',
  '씨엔',
  '엔에스',
  '비전',
  '퓨처',
  '퍼스트',
  '프라임',
  '스타',
  '씨에스',
  '아이엠',
  '제이원',
  '트루',
  '넥스트',
  '브릿지',
  '오픈',
  '에버',
  '리더스',
  '알파',
  '시그마',
  '노바',
  '이노',
  '위드',
  '모던',
  '어반',
  '플러스',
  '코어',
  '링크',
  '바이트',
  '메가',
  '유진',
  '다인',
  '지앤',
];

function stem(rng: Rng, bias: 's' | 'k' | 'e'): string {
  const r = rng.next();
  if (bias === 'k') return r < 0.7 ? rng.pick(KOREAN) : rng.pick(SINO);
  if (bias === 'e') return r < 0.6 ? rng.pick(ENGLISH) : r < 0.85 ? rng.pick(SINO) : rng.pick(KOREAN);
  return r < 0.62 ? rng.pick(SINO) : r < 0.88 ? rng.pick(KOREAN) : rng.pick(ENGLISH);
}

/** Fills a name pattern. One stem per name: '의료법인 {s}의료재단 {s}병원' repeats the same stem. */
function fillName(rng: Rng, form: string, place: Place): string {
  const stems: Partial<Record<'s' | 'k' | 'e', string>> = {};
  const useRegion = rng.chance(0.12);
  return form.replace(/\{([skergn])\}/g, (_, key: string) => {
    if (key === 'r') return place.stem;
    if (key === 'g') return place.sigungu.name.startsWith('세종') ? '세종특별자치시' : place.sigungu.name;
    if (key === 'n') return String(rng.int(1, 39));
    const k = key as 's' | 'k' | 'e';
    const existing = stems[k];
    if (existing) return existing;
    const value = useRegion && k !== 'e' && !form.includes('{r}') ? place.stem : stem(rng, k);
    stems[k] = value;
    return value;
  });
}

/** 세무서 codes (first three digits of a 사업자번호). */
const TAX_OFFICES: readonly number[] = [
  ...Array.from({ length: 45 }, (_, i) => 101 + i),
  ...Array.from({ length: 20 }, (_, i) => 201 + i),
  ...Array.from({ length: 18 }, (_, i) => 301 + i),
  ...Array.from({ length: 16 }, (_, i) => 401 + i),
  ...Array.from({ length: 16 }, (_, i) => 501 + i),
  ...Array.from({ length: 22 }, (_, i) => 601 + i),
  ...Array.from({ length: 13 }, (_, i) => 623 + i),
];
const SERIALS = 10_000;
/** How many distinct companies the numbering can tell apart. */
export const MAX_COMPANIES = TAX_OFFICES.length * SERIALS;

/**
 * A 사업자등록번호 that is unique for each company id (0 ≤ id < MAX_COMPANIES): the id picks the 세무서 and,
 * scrambled, the 4-digit serial; `middle` is the 2-digit kind (81 법인, 82 비영리, 83 국가기관, 01–79 개인…).
 */
export function businessNumber(id: number, middle: number): string {
  const office = TAX_OFFICES[id % TAX_OFFICES.length] as number;
  const serial = (Math.floor(id / TAX_OFFICES.length) * 7_919 + 1_234) % SERIALS; // 7919 is coprime with 10⁴
  const first9 = `${office}${String(middle).padStart(2, '0')}${String(serial).padStart(4, '0')}`;
  return first9 + businoCheckDigit(first9);
}

function middleDigits(rng: Rng, name: string, industry: Industry): number {
  if (/^(사회복지법인|의료법인|재단법인|사단법인|학교법인|영농조합법인|영어조합법인)/.test(name)) return 82;
  if (/신용협동조합|새마을금고|산림조합/.test(name)) return 82;
  if (industry.contact === 'public') return 83;
  if (industry.key === 'religion' || industry.key === 'buddhism') return 89;
  if (/\(주\)|주식회사|법무법인|세무법인|회계법인/.test(name))
    return rng.weighted([
      [81, 50],
      [86, 25],
      [87, 15],
      [88, 10],
    ] as const);
  if (/관리사무소$/.test(name)) return 82;
  return industry.taxFree ? rng.int(90, 99) : rng.int(10, 69);
}

const CONTACT_TITLES: Readonly<Record<ContactKind, readonly string[]>> = {
  office: ['인사담당자', '채용담당자', '인사팀', '경영지원팀', '총무팀 과장', '관리팀 대리'],
  factory: ['관리부 과장', '인사담당자', '총무과', '생산관리팀', '공장장', '관리팀 차장'],
  care: ['센터장', '사무국장', '사회복지사', '시설장', '채용담당자'],
  medical: ['원무과', '간호부', '총무과', '실장', '원무팀장'],
  shop: ['대표', '점장', '매니저', '사장', '실장'],
  school: ['원장', '행정실', '교무실', '실장', '원감'],
  public: ['총무과 주무관', '인사담당 주무관', '행정지원팀', '주무관'],
  site: ['현장소장', '관리부', '인사담당자', '배차담당', '총무과장', '소장'],
  apt: ['관리소장', '관리사무소', '관리과장'],
};

const SURNAMES: readonly (readonly [string, number])[] = [
  ['김', 215],
  ['이', 147],
  ['박', 84],
  ['최', 47],
  ['정', 43],
  ['강', 23],
  ['조', 21],
  ['윤', 20],
  ['장', 20],
  ['임', 16],
  ['한', 15],
  ['오', 14],
  ['서', 14],
  ['신', 14],
  ['권', 14],
  ['황', 14],
  ['안', 13],
  ['송', 13],
  ['류', 12],
  ['전', 11],
  ['홍', 11],
  ['고', 9],
  ['문', 9],
  ['양', 9],
  ['손', 9],
  ['배', 8],
  ['백', 8],
  ['허', 6],
  ['유', 6],
  ['남', 6],
  ['심', 5],
  ['노', 5],
  ['하', 5],
  ['곽', 4],
  ['성', 4],
  ['차', 4],
  ['주', 4],
  ['우', 4],
  ['구', 4],
  ['민', 3],
  ['진', 3],
  ['나', 3],
  ['지', 3],
  ['엄', 3],
  ['채', 3],
  ['원', 3],
  ['천', 2],
  ['방', 2],
  ['공', 2],
  ['현', 2],
];

/** '인사담당자 김○○'. The given name is masked, as WorkNet shows it. */
export function contactName(rng: Rng, industry: Industry): string {
  const surname = rng.weighted(SURNAMES);
  return `${rng.pick(CONTACT_TITLES[industry.contact])} ${surname}○○`;
}

const DETAIL: Readonly<Record<ContactKind, readonly string[]>> = {
  office: ['{f}층', '{f}층 {f}0{u}호', '{b}빌딩 {f}층', '{b}타워 {f}층 {f}0{u}호', '{f}층 {f}{u}호', ''],
  factory: ['', '', '1동', '2동', 'A동', '제2공장', '{b}산업단지 내'],
  care: ['{f}층', '{f}층 전체', '{b}빌딩 {f}층', '1층', ''],
  medical: ['{b}메디컬빌딩 {f}층', '{f}층', '{f}~{f}층', '{b}빌딩 {f}층', ''],
  shop: ['1층', '1층 {u}호', '지하1층', '2층', '{b}상가 1층 10{u}호', ''],
  school: ['{f}층', '{b}빌딩 {f}층', '', '{f}층 {f}0{u}호'],
  public: ['', '', '{f}층'],
  site: ['', '', '사무동 {f}층', '현장사무소', '1동'],
  apt: ['관리동', '관리사무소', '관리동 1층'],
};

const BUILDINGS = [
  '한신',
  '대성',
  '우리',
  '금강',
  '센트럴',
  '중앙',
  '동신',
  '스카이',
  '그랜드',
  '드림',
  '미래',
  '제일',
];

function detailAddress(rng: Rng, industry: Industry): string {
  const pattern = rng.pick(DETAIL[industry.contact]);
  if (!pattern) return '';
  const floor = rng.int(2, 12);
  return pattern
    .replace(/\{f\}/g, () => String(floor))
    .replace(/\{u\}/g, () => String(rng.int(1, 9)))
    .replace(/\{b\}/g, () => rng.pick(BUILDINGS));
}

export interface Company {
  /** Stable id (0-based) across the run; determines the 사업자번호. */
  id: number;
  name: string;
  busino: string;
  industry: Industry;
  place: Place;
  basicAddr: string;
  detailAddr: string;
  zipCd: string;
  telno: string;
  national: boolean;
}

/**
 * The company with this id, derived only from (seed, id, industry): the same company every time it posts.
 * Company ids must be below MAX_COMPANIES to keep 사업자번호 unique.
 */
export function makeCompany(seed: number, id: number, industry: Industry, rng = new Rng()): Company {
  rng.reseed(seed, 0xc0ffee, id);
  const place = pickPlace(rng);
  const name = fillName(rng, rng.pick(industry.forms), place);
  const busino = businessNumber(id, middleDigits(rng, name, industry));
  const national = rng.chance(industry.national ?? 0.01);
  return {
    id,
    name,
    busino,
    industry,
    place,
    basicAddr: `${place.prefix} ${pickRoadAddress(rng, place)}`,
    detailAddr: detailAddress(rng, industry),
    zipCd: pickZip(rng, place),
    telno: pickPhone(rng, place, national),
    national,
  };
}
