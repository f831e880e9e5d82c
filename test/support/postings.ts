import type { NewPosting } from '../../src/jobs/posting.ts';

let serial = 0;

/** A valid posting with sensible defaults; override what a test is about. */
export function makePosting(overrides: Partial<NewPosting> = {}): NewPosting {
  serial++;
  return {
    wantedAuthNo: `KTEST${String(serial).padStart(8, '0')}`,
    company: '(주)테스트상사',
    busino: '1208147521',
    indTpNm: '그 외 기타 분류 안된 사업지원 서비스업',
    title: '사무보조 모집',
    jobsCd: '026',
    salTpCd: 'M',
    minSal: 2_300_000,
    maxSal: 2_500_000,
    workHoursPerDay: 8,
    workHoursPerWeek: 40,
    regionCd: '11680',
    holidayTpCd: '1',
    minEdubg: '03',
    career: 'Z',
    minCareerMonths: 0,
    empTpCd: '10',
    regDt: '2026-11-20',
    closeDt: '2026-12-20',
    zipCd: '06164',
    basicAddr: '서울특별시 강남구 테헤란로 152',
    detailAddr: '',
    jobCont: '- 문서 작성 및 정리\n- 전화 응대',
    pfCond: '컴퓨터활용능력 2급',
    etcWelfare: '4대보험, 퇴직금',
    selMthd: '서류 > 면접',
    rcptMthd: '워크넷 입사지원',
    collectPsncnt: 1,
    contactTelno: '02-1234-5678',
    contactName: '인사담당자 김○○',
    ...overrides,
  };
}
