/**
 * Defaults shared by families of jobs (사무직, 생산직, 돌봄…): who they hire (학력, 경력), on what terms
 * (고용형태, 근무형태, hours), what they offer (복리후생) and how they select (전형·접수방법).
 * A job spec in catalog.ts overrides what differs.
 */
import type { Career, Education, EmploymentType, WorkSchedule } from '../codes.ts';
import type { Weighted } from './random.ts';

export type ProfileKey =
  | 'office'
  | 'pro'
  | 'it'
  | 'manager'
  | 'care'
  | 'medical'
  | 'factory'
  | 'skilled'
  | 'labor'
  | 'driver'
  | 'food'
  | 'service'
  | 'sales'
  | 'public'
  | 'teach'
  | 'farm';

export interface Profile {
  edu: Weighted<Education>;
  career: Weighted<Career>;
  /** minCareerMonths options when career is 'E'. */
  months: Weighted<number>;
  /** 고용형태 for full-time work; part-time hours use 11/21 instead. */
  emp: Weighted<EmploymentType>;
  sched: Weighted<WorkSchedule>;
  /** Default 1일 소정근로시간. */
  day: number;
  /** Usual start of the working day, 'HH:MM'. */
  start: string;
  /** Always in 복리후생. */
  welfareBase: readonly string[];
  /** 2–5 of these are added. */
  welfare: readonly string[];
  sel: Weighted<string>;
  rcpt: Weighted<string>;
  head: Weighted<number>;
  /** Title templates used when a job has none of its own. */
  titles: readonly string[];
  /** 우대사항 anyone in the family might list. */
  prefs: readonly string[];
}

const OFFICE_RCPT: Weighted<string> = [
  ['워크넷 입사지원', 40],
  ['워크넷 입사지원, 이메일', 35],
  ['이메일', 15],
  ['워크넷 입사지원, 방문', 5],
  ['우편, 이메일', 5],
];
const WALKIN_RCPT: Weighted<string> = [
  ['방문', 30],
  ['워크넷 입사지원, 방문', 30],
  ['워크넷 입사지원', 25],
  ['이메일, 방문', 10],
  ['우편, 방문', 5],
];
const STANDARD_SEL: Weighted<string> = [
  ['서류 > 면접', 60],
  ['면접', 25],
  ['서류 > 면접 > 최종합격', 15],
];
const INTERVIEW_SEL: Weighted<string> = [
  ['면접', 75],
  ['서류 > 면접', 25],
];
const FEW: Weighted<number> = [
  [1, 78],
  [2, 16],
  [3, 6],
];
const SOME: Weighted<number> = [
  [1, 45],
  [2, 25],
  [3, 15],
  [5, 10],
  [10, 5],
];
const MANY: Weighted<number> = [
  [1, 15],
  [2, 20],
  [3, 20],
  [5, 20],
  [10, 15],
  [20, 7],
  [30, 3],
];
const INSURED = ['4대보험', '퇴직금'] as const;

const GENERIC_TITLES = [
  '{role} 채용',
  '{role} 모집',
  '[{tag}] {role} 모집',
  '{role} ({emp}) 채용',
  '{role} {careerTag} 모집',
  '[{tag}] {role} 채용 ({sched})',
] as const;

export const PROFILES: Readonly<Record<ProfileKey, Profile>> = {
  office: {
    edu: [
      ['00', 25],
      ['03', 40],
      ['04', 15],
      ['05', 20],
    ],
    career: [
      ['N', 30],
      ['E', 25],
      ['Z', 45],
    ],
    months: [
      [12, 40],
      [24, 30],
      [36, 20],
      [60, 10],
    ],
    emp: [
      ['10', 68],
      ['20', 26],
      ['3', 4],
      ['4', 2],
    ],
    sched: [
      ['1', 92],
      ['5', 6],
      ['9', 2],
    ],
    day: 8,
    start: '09:00',
    welfareBase: INSURED,
    welfare: [
      '연차',
      '중식제공',
      '식대 지원',
      '명절선물',
      '경조사비',
      '건강검진',
      '주차가능',
      '상여금',
      '교통비 지원',
      '자기계발비 지원',
      '생일선물',
      '장기근속 포상',
      '워크숍',
    ],
    sel: STANDARD_SEL,
    rcpt: OFFICE_RCPT,
    head: FEW,
    titles: [...GENERIC_TITLES, '[{tag}] {role} 담당자 모집', '{role} 정규직 채용 ({sched})', '{role} 구인 ({pay})'],
    prefs: [
      '컴퓨터활용능력 2급 이상',
      '엑셀 능숙자',
      '인근 거주자',
      '관련 업무 경력자',
      '즉시 출근 가능자',
      '장기근무 가능자',
      'MS오피스 활용 가능자',
    ],
  },
  pro: {
    edu: [
      ['05', 72],
      ['04', 8],
      ['06', 15],
      ['00', 5],
    ],
    career: [
      ['E', 60],
      ['N', 15],
      ['Z', 25],
    ],
    months: [
      [12, 15],
      [24, 25],
      [36, 30],
      [60, 20],
      [84, 10],
    ],
    emp: [
      ['10', 85],
      ['20', 15],
    ],
    sched: [
      ['1', 97],
      ['9', 3],
    ],
    day: 8,
    start: '09:00',
    welfareBase: INSURED,
    welfare: [
      '연차',
      '성과급',
      '인센티브',
      '자기계발비 지원',
      '유연근무제',
      '건강검진',
      '명절선물',
      '경조사비',
      '퇴직연금',
      '점심 식대 지원',
      '교육비 지원',
      '야근 교통비',
      '사내 동호회',
    ],
    sel: [
      ['서류 > 면접', 55],
      ['서류 > 면접 > 최종합격', 35],
      ['서류 > 실무면접 > 임원면접', 10],
    ],
    rcpt: OFFICE_RCPT,
    head: FEW,
    titles: [...GENERIC_TITLES, '{role} {careerTag} 채용', '[{tag}] {role} ({careerTag}) 채용'],
    prefs: ['관련 분야 경력자', '영어 가능자', '관련 자격증 소지자', '관련 전공자'],
  },
  it: {
    edu: [
      ['05', 60],
      ['04', 15],
      ['00', 20],
      ['06', 5],
    ],
    career: [
      ['E', 60],
      ['N', 20],
      ['Z', 20],
    ],
    months: [
      [12, 15],
      [24, 25],
      [36, 30],
      [60, 20],
      [84, 10],
    ],
    emp: [
      ['10', 88],
      ['20', 12],
    ],
    sched: [
      ['1', 95],
      ['9', 5],
    ],
    day: 8,
    start: '10:00',
    welfareBase: INSURED,
    welfare: [
      '유연근무제',
      '재택근무 병행',
      '장비 지원(노트북·듀얼모니터)',
      '도서 구입비 지원',
      '컨퍼런스 참가 지원',
      '점심 식대 지원',
      '간식 제공',
      '성과급',
      '건강검진',
      '연차 자유 사용',
      '명절선물',
      '스톡옵션',
    ],
    sel: [
      ['서류 > 면접', 40],
      ['서류 > 코딩테스트 > 면접', 30],
      ['서류 > 기술면접 > 임원면접', 30],
    ],
    rcpt: [
      ['워크넷 입사지원, 이메일', 50],
      ['이메일', 30],
      ['워크넷 입사지원', 20],
    ],
    head: FEW,
    titles: ['{role} {careerTag} 채용', '[{tag}] {role} 채용', '{role} 채용 ({careerTag})', '{role} 모집 - 정규직'],
    prefs: ['정보처리기사 자격증 소지자', 'Git 기반 협업 경험자', '관련 전공자', '코드 리뷰 경험자'],
  },
  manager: {
    edu: [
      ['05', 70],
      ['04', 10],
      ['00', 20],
    ],
    career: [
      ['E', 95],
      ['Z', 5],
    ],
    months: [
      [60, 40],
      [84, 25],
      [120, 25],
      [180, 10],
    ],
    emp: [
      ['10', 90],
      ['20', 10],
    ],
    sched: [
      ['1', 95],
      ['5', 5],
    ],
    day: 8,
    start: '09:00',
    welfareBase: INSURED,
    welfare: ['성과급', '법인차량 제공', '연차', '건강검진', '명절선물', '경조사비', '퇴직연금', '자녀 학자금'],
    sel: [
      ['서류 > 면접', 50],
      ['서류 > 면접 > 최종합격', 50],
    ],
    rcpt: OFFICE_RCPT,
    head: [[1, 100]],
    titles: ['{role} 채용', '{role} ({careerTag}) 모집', '[{tag}] {role} 채용', '{role} 경력직 채용'],
    prefs: ['동종업계 관리자 경력자', '조직관리 경험자', '관련 자격증 소지자'],
  },
  care: {
    edu: [
      ['00', 90],
      ['03', 10],
    ],
    career: [
      ['Z', 80],
      ['N', 10],
      ['E', 10],
    ],
    months: [
      [6, 40],
      [12, 60],
    ],
    emp: [
      ['10', 50],
      ['20', 50],
    ],
    sched: [
      ['1', 70],
      ['6', 20],
      ['4', 5],
      ['9', 5],
    ],
    day: 8,
    start: '09:00',
    welfareBase: INSURED,
    welfare: [
      '연차',
      '명절선물',
      '경조사비',
      '장기근속 포상',
      '처우개선비',
      '교통비 지원',
      '유니폼 지급',
      '중식제공',
      '생일선물',
    ],
    sel: INTERVIEW_SEL,
    rcpt: WALKIN_RCPT,
    head: [
      [1, 60],
      [2, 25],
      [3, 10],
      [5, 5],
    ],
    titles: ['{role} 모집', '[{tag}] {role} 구인', '{role} 채용 ({sched})', '{role} 모집 ({emp})'],
    prefs: ['인근 거주자', '장기근무 가능자', '운전 가능자', '관련 경력자'],
  },
  medical: {
    edu: [
      ['04', 60],
      ['05', 35],
      ['03', 5],
    ],
    career: [
      ['Z', 50],
      ['E', 35],
      ['N', 15],
    ],
    months: [
      [12, 50],
      [24, 30],
      [36, 20],
    ],
    emp: [
      ['10', 80],
      ['20', 20],
    ],
    sched: [
      ['1', 45],
      ['6', 40],
      ['5', 15],
    ],
    day: 8,
    start: '08:30',
    welfareBase: INSURED,
    welfare: [
      '연차',
      '기숙사 제공',
      '식대 지원',
      '중식제공',
      '석식제공',
      '명절선물',
      '야간근무수당',
      '건강검진',
      '경조사비',
      '직원 및 가족 진료비 감면',
      '학회비 지원',
      '유니폼 지급',
    ],
    sel: [
      ['서류 > 면접', 70],
      ['면접', 30],
    ],
    rcpt: OFFICE_RCPT,
    head: FEW,
    titles: ['{role} 모집', '[{tag}] {role} 채용', '{role} 채용 ({sched})', '{role} 모집 ({careerTag})'],
    prefs: ['관련 분야 경력자', '인근 거주자', '장기근무 가능자'],
  },
  factory: {
    edu: [
      ['00', 75],
      ['03', 25],
    ],
    career: [
      ['Z', 70],
      ['N', 20],
      ['E', 10],
    ],
    months: [
      [6, 30],
      [12, 50],
      [24, 20],
    ],
    emp: [
      ['10', 60],
      ['20', 25],
      ['4', 15],
    ],
    sched: [
      ['1', 55],
      ['6', 25],
      ['5', 10],
      ['2', 10],
    ],
    day: 8,
    start: '08:30',
    welfareBase: INSURED,
    welfare: [
      '연차',
      '중식제공',
      '석식제공',
      '통근버스',
      '기숙사',
      '명절선물',
      '상여금',
      '잔업수당',
      '야간수당',
      '작업복 지급',
      '장기근속 포상',
      '경조사비',
      '건강검진',
      '주차가능',
    ],
    sel: [
      ['면접', 70],
      ['서류 > 면접', 30],
    ],
    rcpt: WALKIN_RCPT,
    head: MANY,
    titles: [
      '{role} 모집',
      '[{tag}] {role} 채용',
      '{role} 채용 ({sched})',
      '{role} {head}명 모집',
      '{role} 정규직 채용 (초보가능)',
      '[{tag}] {role} 구인 ({pay})',
    ],
    prefs: [
      '인근 거주자',
      '장기근무 가능자',
      '잔업 가능자',
      '교대근무 가능자',
      '동종업계 경력자',
      '지게차 운전 가능자',
    ],
  },
  skilled: {
    edu: [
      ['00', 65],
      ['03', 35],
    ],
    career: [
      ['E', 55],
      ['Z', 35],
      ['N', 10],
    ],
    months: [
      [12, 35],
      [24, 30],
      [36, 20],
      [60, 15],
    ],
    emp: [
      ['10', 75],
      ['20', 20],
      ['4', 5],
    ],
    sched: [
      ['1', 60],
      ['5', 20],
      ['2', 10],
      ['6', 10],
    ],
    day: 8,
    start: '08:00',
    welfareBase: INSURED,
    welfare: [
      '연차',
      '중식제공',
      '통근버스',
      '기숙사',
      '명절선물',
      '상여금',
      '자격증 수당',
      '잔업수당',
      '작업복 지급',
      '장기근속 포상',
      '경조사비',
      '주차가능',
    ],
    sel: [
      ['면접', 65],
      ['서류 > 면접', 35],
    ],
    rcpt: WALKIN_RCPT,
    head: SOME,
    titles: [
      '{role} 모집',
      '[{tag}] {role} 채용',
      '{role} {careerTag} 모집',
      '{role} 구인 ({pay})',
      '{role} 경력자 우대 채용',
    ],
    prefs: ['동종업계 경력자', '관련 자격증 소지자', '장기근무 가능자', '인근 거주자'],
  },
  labor: {
    edu: [['00', 100]],
    career: [
      ['Z', 85],
      ['N', 10],
      ['E', 5],
    ],
    months: [
      [6, 50],
      [12, 50],
    ],
    emp: [
      ['20', 90],
      ['10', 10],
    ],
    sched: [
      ['1', 35],
      ['2', 40],
      ['9', 25],
    ],
    day: 8,
    start: '07:00',
    welfareBase: ['고용보험', '산재보험'],
    welfare: ['중식제공', '안전장구 지급', '교통비 지원', '숙소 제공', '간식 제공', '주휴수당', '당일 지급'],
    sel: [
      ['면접', 90],
      ['서류 > 면접', 10],
    ],
    rcpt: [
      ['방문', 40],
      ['워크넷 입사지원, 방문', 30],
      ['워크넷 입사지원', 30],
    ],
    head: MANY,
    titles: ['{role} 모집 ({pay})', '[{tag}] {role} 구인', '{role} {head}명 모집', '{role} 일용직 모집'],
    prefs: ['건설업 기초안전보건교육 이수자', '인근 거주자', '장기근무 가능자', '체력 좋으신 분'],
  },
  driver: {
    edu: [
      ['00', 90],
      ['03', 10],
    ],
    career: [
      ['E', 50],
      ['Z', 45],
      ['N', 5],
    ],
    months: [
      [12, 50],
      [24, 30],
      [36, 20],
    ],
    emp: [
      ['10', 70],
      ['20', 30],
    ],
    sched: [
      ['1', 45],
      ['2', 25],
      ['6', 20],
      ['5', 10],
    ],
    day: 8,
    start: '07:00',
    welfareBase: INSURED,
    welfare: ['연차', '유류비 지원', '차량 제공', '식대 지원', '명절선물', '무사고 수당', '숙소 제공', '상여금'],
    sel: INTERVIEW_SEL,
    rcpt: WALKIN_RCPT,
    head: SOME,
    titles: ['{role} 모집', '[{tag}] {role} 구인', '{role} 채용 ({pay})', '{role} {careerTag} 모집'],
    prefs: ['무사고 운전자', '인근 거주자', '장기근무 가능자', '해당 지역 지리에 밝은 분'],
  },
  food: {
    edu: [
      ['00', 95],
      ['03', 5],
    ],
    career: [
      ['Z', 70],
      ['E', 25],
      ['N', 5],
    ],
    months: [
      [12, 60],
      [24, 30],
      [36, 10],
    ],
    emp: [
      ['10', 65],
      ['20', 35],
    ],
    sched: [
      ['1', 45],
      ['2', 20],
      ['6', 15],
      ['9', 15],
      ['4', 5],
    ],
    day: 8,
    start: '10:00',
    welfareBase: INSURED,
    welfare: [
      '식사 제공',
      '연차',
      '명절선물',
      '유니폼 지급',
      '주휴수당',
      '장기근속 포상',
      '기숙사',
      '휴게시간 보장',
      '경조사비',
    ],
    sel: [
      ['면접', 85],
      ['서류 > 면접', 10],
      ['서류 > 실기 > 면접', 5],
    ],
    rcpt: WALKIN_RCPT,
    head: [
      [1, 65],
      [2, 25],
      [3, 10],
    ],
    titles: ['{role} 모집', '[{tag}] {role} 구인', '{role} 구합니다 ({sched})', '{role} 모집 ({pay})'],
    prefs: ['인근 거주자', '장기근무 가능자', '관련 경력자', '주말 근무 가능자'],
  },
  service: {
    edu: [
      ['00', 90],
      ['03', 10],
    ],
    career: [
      ['Z', 80],
      ['N', 10],
      ['E', 10],
    ],
    months: [
      [6, 30],
      [12, 50],
      [24, 20],
    ],
    emp: [
      ['10', 55],
      ['20', 45],
    ],
    sched: [
      ['1', 55],
      ['6', 20],
      ['2', 10],
      ['5', 10],
      ['9', 5],
    ],
    day: 8,
    start: '09:00',
    welfareBase: INSURED,
    welfare: [
      '연차',
      '명절선물',
      '중식제공',
      '유니폼 지급',
      '휴게실',
      '경조사비',
      '주휴수당',
      '장기근속 포상',
      '건강검진',
    ],
    sel: INTERVIEW_SEL,
    rcpt: WALKIN_RCPT,
    head: [
      [1, 60],
      [2, 25],
      [3, 10],
      [5, 5],
    ],
    titles: ['{role} 모집', '[{tag}] {role} 구인', '{role} 채용 ({sched})', '{role} 모집 ({pay})'],
    prefs: ['인근 거주자', '장기근무 가능자', '성실하신 분', '관련 경력자'],
  },
  sales: {
    edu: [
      ['00', 45],
      ['03', 40],
      ['04', 5],
      ['05', 10],
    ],
    career: [
      ['Z', 60],
      ['N', 25],
      ['E', 15],
    ],
    months: [
      [12, 50],
      [24, 30],
      [36, 20],
    ],
    emp: [
      ['10', 80],
      ['20', 20],
    ],
    sched: [
      ['1', 80],
      ['5', 10],
      ['9', 10],
    ],
    day: 8,
    start: '09:00',
    welfareBase: INSURED,
    welfare: ['인센티브', '성과급', '차량유지비', '통신비 지원', '연차', '명절선물', '교육비 지원', '법인차량 제공'],
    sel: STANDARD_SEL,
    rcpt: OFFICE_RCPT,
    head: SOME,
    titles: ['{role} 모집', '[{tag}] {role} 채용', '{role} {careerTag} 채용', '{role} 채용 (인센티브 별도)'],
    prefs: ['운전 가능자', '영업 경력자', '인근 거주자', '고객 응대 경험자'],
  },
  public: {
    edu: [
      ['00', 40],
      ['03', 45],
      ['05', 15],
    ],
    career: [
      ['Z', 70],
      ['N', 20],
      ['E', 10],
    ],
    months: [
      [6, 30],
      [12, 50],
      [24, 20],
    ],
    emp: [
      ['20', 80],
      ['3', 15],
      ['10', 5],
    ],
    sched: [['1', 100]],
    day: 8,
    start: '09:00',
    welfareBase: INSURED,
    welfare: ['연차', '정액급식비', '명절휴가비', '교통보조비', '가족수당', '중식제공'],
    sel: [
      ['서류 > 면접', 80],
      ['서류 > 면접 > 최종합격', 20],
    ],
    rcpt: [
      ['방문, 우편', 35],
      ['이메일', 30],
      ['방문', 20],
      ['우편', 15],
    ],
    head: FEW,
    titles: ['{role} 채용 공고', '[{tag}] {role} 모집', '{role} 기간제근로자 채용', '{role} 채용 ({emp})'],
    prefs: ['컴퓨터활용능력 자격증 소지자', '관련 업무 경력자', '관내 거주자', '취업지원대상자(관련 법령에 따름)'],
  },
  teach: {
    edu: [
      ['04', 20],
      ['05', 70],
      ['06', 10],
    ],
    career: [
      ['Z', 55],
      ['E', 30],
      ['N', 15],
    ],
    months: [
      [12, 50],
      [24, 30],
      [36, 20],
    ],
    emp: [
      ['10', 60],
      ['20', 40],
    ],
    sched: [
      ['1', 85],
      ['9', 15],
    ],
    day: 8,
    start: '09:00',
    welfareBase: INSURED,
    welfare: ['연차', '중식제공', '명절선물', '교재 지원', '방학 중 휴가', '인센티브', '경조사비', '교육비 지원'],
    sel: [
      ['서류 > 면접', 50],
      ['서류 > 시강 > 면접', 35],
      ['면접', 15],
    ],
    rcpt: OFFICE_RCPT,
    head: FEW,
    titles: ['{role} 모집', '[{tag}] {role} 채용', '{role} 구인 ({sched})', '{role} 채용 ({careerTag})'],
    prefs: ['관련 전공자', '강의 경력자', '인근 거주자', '장기근무 가능자'],
  },
  farm: {
    edu: [['00', 100]],
    career: [
      ['Z', 90],
      ['N', 10],
    ],
    months: [[12, 100]],
    emp: [
      ['20', 60],
      ['10', 40],
    ],
    sched: [
      ['2', 50],
      ['1', 30],
      ['9', 20],
    ],
    day: 8,
    start: '07:00',
    welfareBase: ['4대보험'],
    welfare: ['숙소 제공', '식사 제공', '중식제공', '명절선물', '교통비 지원', '간식 제공', '작업복 지급'],
    sel: [['면접', 100]],
    rcpt: WALKIN_RCPT,
    head: SOME,
    titles: ['{role} 모집', '[{tag}] {role} 구인', '{role} 구합니다 ({pay})', '{role} 채용 (숙식 제공)'],
    prefs: ['인근 거주자', '운전 가능자', '농기계 운전 가능자', '장기근무 가능자'],
  },
};
