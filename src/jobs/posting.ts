import type { Career, Education, EmploymentType, WageType, WorkSchedule } from './codes.ts';

/**
 * A job posting as the generator and the employer forms produce it, before it is stored.
 * Field names follow the WorkNet Open API where one exists (see docs and the open-data export).
 */
export interface NewPosting {
  /** 구인인증번호, e.g. 'K151612511250001'. Unique. */
  wantedAuthNo: string;
  /** 회사명 */
  company: string;
  /** 사업자등록번호, 10 digits without dashes, valid check digit. */
  busino: string;
  /** 업종 (한국표준산업분류 name), e.g. '응용 소프트웨어 개발 및 공급업'. */
  indTpNm: string;
  /** 채용제목 */
  title: string;
  /** 직종 — KECO 2018 level-3 code (3 digits). */
  jobsCd: string;
  salTpCd: WageType;
  /** 최소/최대 임금 in 원 for the wage type's unit. maxSal may equal minSal (fixed). */
  minSal: number;
  maxSal: number;
  /** 1일 소정근로시간 (hours), used to check the minimum wage for 일급. */
  workHoursPerDay: number;
  /** 주 소정근로시간, used for 월급/연봉 minimum-wage checks (월 환산 = (주+주휴) × 4.345). */
  workHoursPerWeek: number;
  /** 근무지역 — 5-digit 시군구 code (see reference/regions.ts). */
  regionCd: string;
  holidayTpCd: WorkSchedule;
  minEdubg: Education;
  career: Career;
  /** Minimum career in months when career === 'E' (else 0). */
  minCareerMonths: number;
  empTpCd: EmploymentType;
  /** 등록일 (YYYY-MM-DD, Asia/Seoul). */
  regDt: string;
  /** 마감일 (YYYY-MM-DD) or null for '채용시까지'. */
  closeDt: string | null;
  zipCd: string;
  /** 기본주소, e.g. '서울특별시 강남구 테헤란로 152'. */
  basicAddr: string;
  detailAddr: string;
  /** 직무내용 */
  jobCont: string;
  /** 우대사항 */
  pfCond: string;
  /** 복리후생 */
  etcWelfare: string;
  /** 전형방법, e.g. '서류 > 면접' */
  selMthd: string;
  /** 접수방법 */
  rcptMthd: string;
  /** 모집인원 */
  collectPsncnt: number;
  /** 담당자 연락처 (대표번호 형식) */
  contactTelno: string;
  contactName: string;
}
