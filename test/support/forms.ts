/** Forms as a person fills them (strings, as posted), shared by the tests that post them. */

/** The 이력서 form with one 경력 row. */
export const RESUME_FORM = {
  title: '물류 관리 경력 5년',
  education: '05',
  school: '한국대학교 경영학과',
  company0: '(주)한빛물류',
  role0: '입출고 관리',
  from0: '2021-03',
  to0: '2026-09',
  skills: '지게차 운전, WMS',
  introduction: '정확하고 빠른 출고를 책임지겠습니다.',
};

/** The 채용공고 form without its 마감일 (give `closeDt`, or `untilFilled: 'yes'` for 채용시까지). */
export const POSTING_FIELDS = {
  title: '물류센터 입출고 관리 사원',
  jobsCd: '026',
  salTpCd: 'M',
  minSal: '2,600,000',
  maxSal: '3,000,000',
  workHoursPerDay: '8',
  workHoursPerWeek: '40',
  holidayTpCd: '1',
  regionCd: '11680',
  zipCd: '06164',
  basicAddr: '서울특별시 강남구 테헤란로 152',
  minEdubg: '03',
  career: 'Z',
  empTpCd: '10',
  jobCont: '입출고 관리와 재고 조사를 맡습니다.',
  selMthd: '서류 > 면접',
  rcptMthd: '일터 입사 지원',
  collectPsncnt: '2',
  contactName: '인사담당 이채용',
  contactTelno: '02-1234-5678',
};
