/**
 * What each KECO level-3 occupation looks like in a posting: how often it appears, which family
 * (profile) of terms it follows, role names for titles, the industries that hire it, typical wages,
 * duty lines for 직무내용 and licences for 우대사항. Common jobs have their own specs; every other
 * level-3 code gets one derived from its KECO name and its 대분류.
 */
import { OCCUPATIONS } from '../../reference/occupations.ts';
import type { WageType } from '../codes.ts';
import type { ProfileKey } from './profiles.ts';

export interface WageSpec {
  type: WageType;
  /** Range of the offered minimum (원), before the minimum-wage floor is applied. */
  min: number;
  max: number;
  /** Rounding unit. */
  unit: number;
  /** Chance that the posting states a range (max > min). */
  range?: number;
}

export interface JobSpec {
  code: string;
  weight: number;
  profile: ProfileKey;
  roles: readonly string[];
  industries: readonly string[];
  wages: readonly WageSpec[];
  duties: readonly string[];
  prefs: readonly string[];
  /** Chance of part-time hours (emp 11/21). */
  partTime?: number;
}

const H = (min: number, max: number): WageSpec => ({ type: 'H', min, max, unit: 10 });
const D = (min: number, max: number): WageSpec => ({ type: 'D', min, max, unit: 10_000 });
const M = (min: number, max: number, range = 0.5): WageSpec => ({ type: 'M', min, max, unit: 10_000, range });
const Y = (min: number, max: number, range = 0.6): WageSpec => ({ type: 'Y', min, max, unit: 1_000_000, range });

const SPECS: JobSpec[] = [
  {
    code: '550',
    weight: 90,
    profile: 'care',
    roles: [
      '요양보호사',
      '방문요양보호사',
      '시설 요양보호사',
      '주야간보호센터 요양보호사',
      '장애인활동지원사',
      '아이돌보미',
    ],
    industries: ['home_care', 'care_home', 'nursing_hospital', 'welfare_center', 'disabled_home'],
    wages: [H(10_320, 13_000), M(2_160_000, 2_600_000)],
    duties: [
      '어르신 신체활동 지원(식사, 목욕, 배설, 이동 도움)',
      '가사 및 일상생활 지원',
      '정서 지원 및 말벗, 산책 동행',
      '투약 확인 및 건강상태 관찰 기록',
      '방문요양 일정에 따른 가정 방문',
      '시설 내 생활실 환경 정리',
      '프로그램 활동 보조',
    ],
    prefs: ['요양보호사 자격증 소지자(필수)', '치매전문교육 이수자', '운전 가능자', '방문요양 경력자'],
    partTime: 0.45,
  },
  {
    code: '026',
    weight: 70,
    profile: 'office',
    roles: ['사무원', '사무보조', '총무 사무원', '인사·총무 담당자', '영업관리 사무원', '사무직'],
    industries: [
      'wholesale',
      'machinery_trade',
      'auto_parts',
      'software',
      'consulting',
      'staffing',
      'food_wholesale',
      'realty_dev',
    ],
    wages: [M(2_160_000, 2_800_000), Y(28_000_000, 36_000_000)],
    duties: [
      '문서 작성 및 관리, 서류 정리',
      '전화 응대 및 내방객 안내',
      '거래처 관리 및 견적서 작성',
      '사무용품 및 비품 관리',
      '인사·총무 업무 보조',
      '엑셀을 이용한 자료 정리 및 보고서 작성',
      'ERP 입력 및 재고 관리',
    ],
    prefs: ['컴퓨터활용능력 2급 이상', 'ERP 사용 경험자', '워드프로세서 자격증 소지자'],
  },
  {
    code: '027',
    weight: 45,
    profile: 'office',
    roles: ['경리', '회계 사무원', '경리 사무원', '세무회계 사무원', '경리·회계 담당자'],
    industries: ['wholesale', 'tax', 'cpa', 'auto_parts', 'food', 'building', 'machinery_trade'],
    wages: [M(2_200_000, 3_000_000), Y(28_000_000, 40_000_000)],
    duties: [
      '전표 입력 및 장부 정리',
      '매입·매출 세금계산서 발행 및 관리',
      '급여 계산 및 4대보험 신고',
      '부가세 신고 자료 준비',
      '입출금 관리 및 자금일보 작성',
      '거래처 미수금 관리',
    ],
    prefs: ['전산회계 1급', '전산세무 2급', '더존 Smart A 사용 가능자', 'ERP 정보관리사'],
  },
  {
    code: '029',
    weight: 30,
    profile: 'office',
    roles: ['고객상담원', '안내 데스크 직원', '비서', '콜센터 상담원', '사무보조원', '데이터 입력원'],
    industries: ['call_center', 'insurance_agency', 'hospital', 'hotel', 'platform', 'staffing'],
    wages: [M(2_160_000, 2_700_000), H(10_320, 12_500)],
    duties: [
      '인바운드 고객 문의 상담',
      '예약 접수 및 일정 관리',
      '방문객 안내 및 접수',
      '상담 내용 전산 입력',
      '불만 고객 응대 및 처리 결과 안내',
      '자료 입력 및 검수',
    ],
    prefs: ['콜센터 상담 경력자', '고객 응대 경험자', '컴퓨터 활용 능숙자'],
    partTime: 0.15,
  },
  {
    code: '133',
    weight: 28,
    profile: 'it',
    roles: [
      '웹 백엔드 개발자(Java/Spring)',
      '프론트엔드 개발자(React)',
      '풀스택 개발자',
      '안드로이드 앱 개발자',
      'iOS 개발자',
      'Node.js 백엔드 개발자',
      '웹 개발자(PHP)',
      '임베디드 SW 개발자',
      'Python 개발자',
      '게임 클라이언트 개발자(Unity)',
    ],
    industries: ['software', 'si', 'programming', 'game', 'platform'],
    wages: [Y(34_000_000, 70_000_000)],
    duties: [
      '자사 웹 서비스 백엔드 API 설계 및 개발',
      '신규 기능 개발 및 기존 시스템 유지보수',
      '데이터베이스 설계 및 쿼리 성능 개선',
      '프론트엔드 화면 개발 및 UI 개선',
      '코드 리뷰 및 테스트 코드 작성',
      '클라우드(AWS) 기반 배포 및 운영',
      '앱 개발 및 스토어 배포',
    ],
    prefs: [
      '정보처리기사',
      'Spring Boot, JPA 실무 경험',
      'AWS 운영 경험',
      'React, TypeScript 경험',
      'Git 기반 협업 경험',
    ],
  },
  {
    code: '134',
    weight: 8,
    profile: 'it',
    roles: ['시스템 운영 엔지니어', '네트워크 엔지니어', 'DBA', '데이터 엔지니어', 'IT 인프라 운영자'],
    industries: ['si', 'hosting', 'platform', 'software'],
    wages: [Y(32_000_000, 60_000_000)],
    duties: [
      '서버 및 네트워크 장비 운영·관리',
      '시스템 장애 대응 및 모니터링',
      '데이터베이스 백업 및 성능 관리',
      '보안 패치 및 계정 관리',
      '데이터 파이프라인 구축 및 운영',
    ],
    prefs: ['네트워크관리사', 'CCNA', '리눅스마스터', 'SQLD', '정보처리기사'],
  },
  {
    code: '415',
    weight: 10,
    profile: 'pro',
    roles: ['웹디자이너', '시각디자이너', '제품디자이너', '편집디자이너', 'UI/UX 디자이너', '패키지 디자이너'],
    industries: ['design', 'ad', 'software', 'publishing', 'cosmetics'],
    wages: [M(2_300_000, 3_500_000), Y(28_000_000, 45_000_000)],
    duties: [
      '웹·모바일 화면 디자인',
      '상세페이지 및 배너 제작',
      '브랜드 로고 및 인쇄물 디자인',
      '제품 패키지 디자인',
      '디자인 시안 작성 및 수정',
    ],
    prefs: ['포트폴리오 제출 필수', '포토샵, 일러스트레이터 능숙자', 'Figma 사용 가능자', '시각디자인기사'],
  },
  {
    code: '304',
    weight: 30,
    profile: 'medical',
    roles: ['간호사', '병동 간호사', '수술실 간호사', '외래 간호사', '요양병원 간호사', '보건관리자(간호사)'],
    industries: ['hospital', 'general_hospital', 'nursing_hospital', 'clinic', 'care_home'],
    wages: [Y(36_000_000, 52_000_000), M(3_000_000, 4_200_000)],
    duties: [
      '입원 환자 간호 및 투약 관리',
      '활력징후 측정 및 간호기록 작성',
      '외래 진료 보조 및 처치',
      '수술 준비 및 수술 보조',
      '환자 및 보호자 교육',
      '3교대 병동 근무',
    ],
    prefs: ['간호사 면허 소지자(필수)', '종합병원 경력자', 'BLS/ACLS 자격 소지자'],
  },
  {
    code: '307',
    weight: 20,
    profile: 'medical',
    roles: ['간호조무사', '치과위생사', '물리치료사', '병원 코디네이터', '원무과 직원'],
    industries: ['clinic', 'dental', 'oriental', 'hospital', 'nursing_hospital'],
    wages: [M(2_200_000, 3_000_000), H(10_500, 13_000)],
    duties: [
      '진료 보조 및 환자 안내',
      '접수 및 수납 업무',
      '진료실 및 처치실 준비',
      '환자 예약 관리',
      '의료 소모품 재고 관리',
    ],
    prefs: ['간호조무사 자격증 소지자', '치과위생사 면허 소지자', '병원 근무 경력자'],
    partTime: 0.15,
  },
  {
    code: '531',
    weight: 35,
    profile: 'food',
    roles: ['조리사', '주방장', '한식 조리사', '단체급식 조리원', '주방보조', '조리원'],
    industries: ['restaurant', 'bbq', 'chinese', 'japanese', 'western', 'cafeteria', 'hotel', 'care_home'],
    wages: [M(2_300_000, 3_800_000), H(10_320, 13_000)],
    duties: [
      '메뉴 조리 및 음식 준비',
      '식재료 손질 및 관리',
      '주방 위생 및 청결 관리',
      '단체급식 조리 및 배식',
      '식자재 발주 및 재고 관리',
    ],
    prefs: ['한식조리기능사', '양식조리기능사', '단체급식 경력자', '보건증 소지자'],
    partTime: 0.3,
  },
  {
    code: '532',
    weight: 35,
    profile: 'food',
    roles: ['홀서빙', '매장 직원', '바리스타', '주방보조 및 홀서빙', '카페 매니저', '식당 서빙 직원'],
    industries: ['restaurant', 'bbq', 'cafe', 'bakery', 'chicken', 'snack', 'pub'],
    wages: [H(10_320, 12_500), M(2_160_000, 2_600_000)],
    duties: [
      '고객 응대 및 주문 접수',
      '음식 서빙 및 테이블 정리',
      '음료 제조 및 매장 관리',
      '계산 및 포스(POS) 업무',
      '매장 오픈·마감 준비',
    ],
    prefs: ['보건증 소지자', '바리스타 자격증 소지자', '서비스업 경력자', '주말 근무 가능자'],
    partTime: 0.55,
  },
  {
    code: '542',
    weight: 30,
    profile: 'service',
    roles: ['아파트 경비원', '건물 경비원', '경비원', '시설 경비원', '주차관리 및 경비원'],
    industries: ['apt', 'security', 'facility', 'realty_dev'],
    wages: [M(2_160_000, 2_500_000)],
    duties: [
      '출입자 통제 및 방문객 안내',
      '순찰 및 시설물 점검',
      '택배 보관 및 관리',
      'CCTV 모니터링',
      '주차 질서 유지',
      '분리수거 관리 지원',
    ],
    prefs: ['일반경비원 신임교육 이수자', '경비 경력자', '인근 거주자'],
  },
  {
    code: '561',
    weight: 40,
    profile: 'service',
    roles: ['미화원', '청소원', '건물 미화원', '객실 청소원', '가사도우미', '방역원'],
    industries: ['cleaning', 'facility', 'apt', 'hotel', 'hospital', 'pest'],
    wages: [M(2_160_000, 2_400_000), H(10_320, 11_500)],
    duties: [
      '사무실 및 공용구역 청소',
      '화장실 청소 및 소모품 보충',
      '분리수거 및 쓰레기 처리',
      '계단 및 복도 물걸레 청소',
      '객실 정리 및 침구 교체',
    ],
    prefs: ['청소 경력자', '인근 거주자', '장기근무 가능자'],
    partTime: 0.35,
  },
  {
    code: '562',
    weight: 12,
    profile: 'service',
    roles: ['주차관리원', '검침원', '매장 정리원', '환경미화 보조원'],
    industries: ['parking', 'facility', 'supermarket', 'power'],
    wages: [H(10_320, 11_500), M(2_160_000, 2_400_000)],
    duties: ['주차 안내 및 정산', '계량기 검침 및 결과 입력', '매장 상품 정리', '시설 주변 환경 정리'],
    prefs: ['운전면허 소지자', '인근 거주자'],
    partTime: 0.3,
  },
  {
    code: '612',
    weight: 20,
    profile: 'sales',
    roles: ['영업사원', '기술영업', '법인영업 담당자', '영업관리', '보험설계사'],
    industries: ['wholesale', 'machinery_trade', 'medical_trade', 'food_wholesale', 'insurance_agency', 'car_dealer'],
    wages: [M(2_300_000, 3_500_000), Y(30_000_000, 45_000_000)],
    duties: [
      '신규 거래처 발굴 및 기존 거래처 관리',
      '제품 설명 및 견적 제안',
      '영업 실적 관리 및 보고',
      '수주 및 납품 일정 관리',
      '고객 요청사항 대응',
    ],
    prefs: ['운전 가능자(자차 우대)', '동종업계 영업 경력자', '1종 보통 운전면허'],
  },
  {
    code: '615',
    weight: 30,
    profile: 'sales',
    roles: ['판매원', '매장 판매직', '편의점 근무자', '마트 판매사원', '휴대폰 판매원', '의류 판매원'],
    industries: ['supermarket', 'convenience', 'department', 'clothing_store', 'phone_store', 'bakery'],
    wages: [H(10_320, 12_000), M(2_160_000, 2_700_000)],
    duties: [
      '매장 고객 응대 및 상품 안내',
      '상품 진열 및 재고 관리',
      '계산 및 포스 업무',
      '입고 상품 검수',
      '매장 청결 유지',
    ],
    prefs: ['판매 경력자', '주말 근무 가능자', '인근 거주자'],
    partTime: 0.5,
  },
  {
    code: '616',
    weight: 10,
    profile: 'sales',
    roles: ['계산원', '캐셔', '매표원'],
    industries: ['supermarket', 'department', 'themepark', 'performance'],
    wages: [H(10_320, 11_500)],
    duties: ['계산 및 결제 업무', '포인트 적립 및 영수증 발행', '고객 문의 응대', '매표 및 입장권 확인'],
    prefs: ['계산원 경력자', '주말 근무 가능자'],
    partTime: 0.6,
  },
  {
    code: '622',
    weight: 30,
    profile: 'driver',
    roles: [
      '화물차 운전기사',
      '1톤 배송기사',
      '버스 운전기사',
      '지입 운전기사',
      '25톤 화물차 기사',
      '학원차량 운전기사',
      '법인택시 기사',
    ],
    industries: ['trucking', 'city_bus', 'charter_bus', 'taxi', 'food_wholesale', 'academy'],
    wages: [M(2_800_000, 4_200_000), D(130_000, 180_000)],
    duties: [
      '지정 노선 운행 및 화물 배송',
      '차량 일상 점검 및 청결 관리',
      '배송 물품 상하차 보조',
      '운행일지 작성',
      '거래처 납품',
    ],
    prefs: ['1종 대형 운전면허', '화물운송종사자격증', '버스운전자격증', '무사고 경력자'],
  },
  {
    code: '623',
    weight: 15,
    profile: 'driver',
    roles: ['지게차 운전원', '크레인 운전원', '리치 지게차 기사', '굴착기 운전원'],
    industries: ['warehouse', 'cold_storage', 'steel', 'auto_parts', 'parcel'],
    wages: [M(2_800_000, 3_800_000), D(150_000, 200_000)],
    duties: ['지게차를 이용한 입출고 작업', '파렛트 적재 및 하역', '창고 내 재고 정리', '장비 일상 점검'],
    prefs: ['지게차운전기능사', '천장크레인 운전 가능자', '물류센터 경력자'],
  },
  {
    code: '624',
    weight: 45,
    profile: 'labor',
    roles: [
      '택배 상하차',
      '물류센터 상하차',
      '택배기사',
      '물류 분류원',
      '배달원',
      '물류센터 입출고 작업자',
      '피킹·패킹 작업자',
    ],
    industries: ['parcel', 'warehouse', 'cold_storage', 'ecommerce', 'quick', 'day_labor', 'forwarding'],
    wages: [D(120_000, 160_000), H(10_320, 13_000), M(2_500_000, 3_500_000)],
    duties: [
      '택배 상하차 및 분류 작업',
      '물류센터 입고 검수 및 출고 준비',
      '피킹·패킹 및 송장 부착',
      '배송 구역 택배 배송',
      '물류 레일 분류 작업',
      '적재 및 랩핑 작업',
    ],
    prefs: ['물류센터 경력자', '지게차운전기능사', '야간 근무 가능자', '체력 좋으신 분'],
    partTime: 0.15,
  },
  {
    code: '890',
    weight: 50,
    profile: 'factory',
    roles: ['생산직', '포장원', '제조 단순 종사자', '생산보조', '검사·포장 작업자', '식품 포장원'],
    industries: ['food', 'plastic', 'electronic_parts', 'auto_parts', 'cosmetics', 'plastic_pack', 'paper', 'meal_mfg'],
    wages: [M(2_300_000, 3_000_000), H(10_320, 12_000)],
    duties: [
      '생산라인 제품 조립 및 포장',
      '완제품 외관 검사',
      '자재 투입 및 정리',
      '라벨 부착 및 박스 포장',
      '작업장 정리정돈',
      '주야 2교대 근무',
    ],
    prefs: ['생산직 경력자', '장기근무 가능자', '통근버스 노선 인근 거주자'],
    partTime: 0.1,
  },
  {
    code: '824',
    weight: 20,
    profile: 'skilled',
    roles: ['용접사', 'CO2 용접공', '알곤 용접사', '배관 용접사', '로봇 용접 오퍼레이터', '특수용접공'],
    industries: ['metal_structure', 'shipbuilding', 'auto_body', 'machinery', 'steel'],
    wages: [M(3_000_000, 4_500_000), D(180_000, 250_000)],
    duties: [
      'CO2 및 알곤 용접 작업',
      '도면 확인 및 부재 취부',
      '용접부 사상 및 검사',
      '로봇 용접기 운전 및 프로그램 수정',
      '작업장 안전 관리',
    ],
    prefs: ['용접기능사', '특수용접기능사', '배관 용접 경력자', '도면 해독 가능자'],
  },
  {
    code: '813',
    weight: 15,
    profile: 'skilled',
    roles: ['CNC 선반 가공원', 'MCT 가공원', '금형 기술자', '밀링 가공원'],
    industries: ['machining', 'mold', 'machinery', 'auto_parts'],
    wages: [M(2_800_000, 4_000_000)],
    duties: [
      'CNC 선반 및 MCT 프로그램 작성',
      '가공 세팅 및 시제품 가공',
      '치수 측정 및 품질 확인',
      '공구 관리 및 설비 점검',
    ],
    prefs: ['컴퓨터응용선반기능사', '기계가공 경력자', '도면 해독 가능자'],
  },
  {
    code: '836',
    weight: 15,
    profile: 'factory',
    roles: ['전자부품 조립원', 'SMT 오퍼레이터', '전자제품 검사원', '배터리 조립 생산직'],
    industries: ['electronic_parts', 'pcb', 'battery', 'semi_equip'],
    wages: [M(2_300_000, 3_200_000)],
    duties: ['전자부품 조립 및 납땜', 'SMT 장비 운영 및 자재 교체', '완제품 기능 검사', '불량품 선별 및 기록'],
    prefs: ['전자기기기능사', '클린룸 근무 경력자', '교대근무 가능자'],
  },
  {
    code: '831',
    weight: 10,
    profile: 'skilled',
    roles: ['전기기사', '전기공', '시설 전기 기술자', '전기 안전관리자'],
    industries: ['electric_work', 'facility', 'apt', 'switchgear'],
    wages: [M(2_800_000, 4_000_000), D(180_000, 230_000)],
    duties: ['건물 전기설비 유지보수', '수변전 설비 점검', '전기 배선 및 조명 공사', '전기 안전 점검 및 기록'],
    prefs: ['전기기능사', '전기산업기사', '전기기사', '시설관리 경력자'],
  },
  {
    code: '706',
    weight: 25,
    profile: 'labor',
    roles: ['건설현장 보통인부', '건설 일용직', '현장 정리원', '조공'],
    industries: ['building', 'commercial_building', 'road', 'concrete', 'day_labor'],
    wages: [D(150_000, 200_000)],
    duties: ['건설 자재 운반 및 정리', '현장 정리정돈 및 청소', '기능공 작업 보조', '안전시설물 설치 보조'],
    prefs: ['건설업 기초안전보건교육 이수증 소지자', '건설 현장 경험자'],
  },
  {
    code: '702',
    weight: 10,
    profile: 'skilled',
    roles: ['도배사', '타일공', '미장공', '인테리어 목수', '방수공'],
    industries: ['interior', 'waterproof', 'building'],
    wages: [D(180_000, 280_000), M(3_000_000, 4_500_000)],
    duties: ['실내 도배 및 장판 시공', '타일 시공 및 줄눈 작업', '석고보드 및 목공 마감', '방수 시공'],
    prefs: ['도배기능사', '타일기능사', '관련 경력 3년 이상'],
  },
  {
    code: '214',
    weight: 12,
    profile: 'teach',
    roles: ['수학 강사', '영어 강사', '국어 강사', '피아노 강사', '태권도 사범', '직업훈련 강사'],
    industries: ['academy', 'language', 'art_school', 'taekwondo', 'vocational'],
    wages: [M(2_300_000, 3_500_000), H(15_000, 30_000)],
    duties: ['초·중·고 학생 수업 진행', '교재 및 수업 자료 준비', '학생 학습 관리 및 상담', '학부모 상담 및 보고'],
    prefs: ['관련 전공자', '강의 경력자', '교원자격증 소지자'],
    partTime: 0.4,
  },
  {
    code: '232',
    weight: 15,
    profile: 'care',
    roles: ['보육교사', '어린이집 보육교사', '생활지도원', '사회복지 보조원'],
    industries: ['daycare', 'welfare_center', 'disabled_home'],
    wages: [M(2_160_000, 2_600_000)],
    duties: ['영유아 보육 및 생활지도', '보육계획 수립 및 활동 진행', '부모 상담 및 알림장 작성', '안전 및 위생 관리'],
    prefs: ['보육교사 2급 이상 자격증', '보육 경력자', '유아교육 전공자'],
  },
  {
    code: '231',
    weight: 10,
    profile: 'care',
    roles: ['사회복지사', '상담사', '직업상담사', '청소년상담사'],
    industries: ['welfare_center', 'counseling', 'welfare_other', 'local_gov'],
    wages: [M(2_400_000, 3_000_000)],
    duties: ['사례관리 및 상담', '복지 프로그램 기획 및 운영', '후원 및 자원봉사자 관리', '행정 서류 작성'],
    prefs: ['사회복지사 2급 이상', '직업상담사 2급', '운전 가능자'],
  },
  {
    code: '812',
    weight: 12,
    profile: 'skilled',
    roles: ['자동차 정비사', '정비기사', '타이어 교체 정비원', '중장비 정비사'],
    industries: ['car_repair', 'car_dealer', 'city_bus'],
    wages: [M(2_600_000, 3_800_000)],
    duties: ['차량 점검 및 정비', '엔진오일 및 소모품 교체', '고장 진단 및 수리', '정비 이력 관리'],
    prefs: ['자동차정비기능사', '자동차정비산업기사', '정비 경력자'],
  },
  {
    code: '511',
    weight: 8,
    profile: 'service',
    roles: ['헤어디자이너', '미용사', '피부관리사', '네일아티스트'],
    industries: ['hair', 'skin', 'nail'],
    wages: [M(2_200_000, 3_500_000)],
    duties: ['커트, 펌, 염색 등 헤어 시술', '고객 상담 및 예약 관리', '피부관리 시술', '매장 청결 관리'],
    prefs: ['미용사(일반) 자격증', '미용사(피부) 자격증', '경력자'],
  },
  {
    code: '901',
    weight: 6,
    profile: 'farm',
    roles: ['농작업자', '시설하우스 작업자', '과수원 작업자'],
    industries: ['vegetables', 'flowers'],
    wages: [D(100_000, 140_000), M(2_160_000, 2_600_000)],
    duties: ['작물 파종 및 수확', '비닐하우스 관리', '선별 및 포장 작업', '농기계 보조'],
    prefs: ['농작업 경험자', '운전 가능자'],
  },
];

/** Family of jobs per KECO 대분류 for occupations without a spec of their own. */
const FAMILY: Record<string, { profile: ProfileKey; industries: readonly string[]; wages: readonly WageSpec[] }> = {
  '0': {
    profile: 'office',
    industries: ['consulting', 'wholesale', 'credit_union', 'insurance_agency'],
    wages: [M(2_300_000, 3_500_000), Y(30_000_000, 50_000_000)],
  },
  '1': {
    profile: 'pro',
    industries: ['research', 'engineering', 'testing', 'bio_research', 'semi_equip'],
    wages: [Y(33_000_000, 55_000_000)],
  },
  '2': {
    profile: 'public',
    industries: ['local_gov', 'university', 'high_school', 'law', 'religion', 'welfare_center'],
    wages: [M(2_300_000, 3_300_000)],
  },
  '3': { profile: 'medical', industries: ['hospital', 'clinic', 'pharmacy', 'vet'], wages: [M(2_600_000, 4_500_000)] },
  '4': {
    profile: 'pro',
    industries: ['broadcast', 'publishing', 'performance', 'museum', 'fitness', 'sports_center'],
    wages: [M(2_200_000, 3_200_000)],
  },
  '5': {
    profile: 'service',
    industries: ['hotel', 'resort', 'travel', 'wedding', 'funeral', 'themepark'],
    wages: [M(2_160_000, 2_800_000), H(10_320, 12_000)],
  },
  '6': {
    profile: 'sales',
    industries: ['realty', 'wholesale', 'airline', 'coastal_ship'],
    wages: [M(2_200_000, 3_200_000)],
  },
  '7': {
    profile: 'skilled',
    industries: ['building', 'plumbing', 'road', 'concrete', 'fire_system', 'elevator'],
    wages: [D(170_000, 250_000), M(2_800_000, 4_000_000)],
  },
  '8': {
    profile: 'factory',
    industries: [
      'machinery',
      'general_machinery',
      'chemical',
      'textile',
      'garment',
      'printing',
      'furniture',
      'foundry',
      'forging',
    ],
    wages: [M(2_300_000, 3_400_000)],
  },
  '9': {
    profile: 'farm',
    industries: ['vegetables', 'pig_farm', 'poultry', 'forestry', 'fishery', 'aquaculture'],
    wages: [M(2_160_000, 2_800_000), D(110_000, 150_000)],
  },
};

const GENERIC_DUTIES: Record<string, readonly string[]> = {
  '0': ['관련 업무 기획 및 실행', '자료 조사 및 보고서 작성', '유관 부서 협업 및 일정 관리', '문서 관리 및 결재 업무'],
  '1': [
    '연구 과제 수행 및 실험 설계',
    '시험·분석 및 결과 보고서 작성',
    '기술 문서 작성 및 검토',
    '장비 운영 및 데이터 관리',
  ],
  '2': ['담당 업무 계획 수립 및 운영', '민원 응대 및 상담', '관련 서류 작성 및 관리', '프로그램 운영 지원'],
  '3': ['환자 응대 및 진료 지원', '의료 기록 작성 및 관리', '검사 및 치료 업무', '위생 및 감염 관리'],
  '4': ['콘텐츠 기획 및 제작', '작품·프로그램 준비 및 진행', '자료 수집 및 편집', '고객·관객 응대'],
  '5': ['고객 응대 및 서비스 제공', '예약 및 일정 관리', '시설 정리 및 위생 관리', '현장 운영 지원'],
  '6': ['고객 상담 및 상품 안내', '계약 및 판매 관리', '거래처 관리', '실적 관리 및 보고'],
  '7': ['현장 시공 및 설치 작업', '도면 확인 및 자재 준비', '장비 운용 및 점검', '현장 안전 수칙 준수'],
  '8': ['생산 설비 운전 및 점검', '원자재 투입 및 공정 관리', '제품 품질 검사', '작업일지 작성 및 정리정돈'],
  '9': ['작물·가축 관리', '수확·선별 및 출하 작업', '시설 및 장비 관리', '현장 작업 보조'],
};

/** '인문·사회과학 연구원' → ['인문·사회과학 연구원']; '경찰관, 소방관 및 교도관' → ['경찰관', '소방관', '교도관']. */
function rolesFromName(name: string): string[] {
  const parts = name
    .replace(/\(.*?\)/g, '')
    .split(/,| 및 /)
    .map((p) => p.trim())
    .filter((p) => p.length >= 2);
  return parts.length > 0 ? parts : [name];
}

function buildCatalog(): JobSpec[] {
  const specific = new Map(SPECS.map((s) => [s.code, s]));
  const out: JobSpec[] = [];
  for (const occ of OCCUPATIONS) {
    if (occ.level !== 3) continue;
    const spec = specific.get(occ.code);
    if (spec) {
      out.push(spec);
      continue;
    }
    const l1 = occ.code.slice(0, 1);
    const family = FAMILY[l1] ?? (FAMILY['8'] as (typeof FAMILY)[string]);
    out.push({
      code: occ.code,
      weight: ['01', '02', '11', '25', '24'].includes(occ.code.slice(0, 2)) ? 1 : 2,
      profile: family.profile,
      roles: rolesFromName(occ.name),
      industries: family.industries,
      wages: family.wages,
      duties: GENERIC_DUTIES[l1] ?? (GENERIC_DUTIES['8'] as readonly string[]),
      prefs: ['관련 분야 경력자', '관련 자격증 소지자'],
    });
  }
  return out;
}

export const CATALOG: readonly JobSpec[] = buildCatalog();
