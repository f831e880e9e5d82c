/**
 * The law's numbers as versioned data, each with the provision it comes from. A change in the law is
 * a change here (a new version with its effective date), never in the calculators.
 *
 * Sources: 고용보험법 (제40·45·46·48·49·50조, 별표1; 법률 제21473호 for 이직 from 2028), 같은 법 시행령 (제68조 구직급여일액 상한),
 * 같은 법 시행규칙 (별표2 정당한 이직 사유), 최저임금 고시, 실업인정 및 재취업지원 규정 (고용노동부 고시).
 * `checked` says whether the value was compared against the published text; values marked false were
 * written from the summary and general knowledge and must be checked before production use.
 * That mark is for the people maintaining this file, never for citizens: pages show the provision
 * (`cite`) only, and `uncheckedRules()` lists what is still to be compared (docs/decisions/0005).
 */

export interface Cited<T> {
  value: T;
  cite: string;
  checked: boolean;
}

/**
 * What the 기초일액 is computed from (고용보험법 제45조 제1항): 'average-wage' — the 평균임금 of the 3
 * months before 이직 (근로기준법 제2조 제1항 제6호); 'reported-pay' — the 보수 the employer reported for
 * the year before 이직, summed and divided by the days of that year (제45조 제1항 as amended by 법률
 * 제21473호, for 이직 from 2028-01-01).
 */
export interface BaseRule {
  kind: 'average-wage' | 'reported-pay';
  /** For 'reported-pay': the months back from the 이직일 whose 보수 is summed. */
  months?: number;
  cite: string;
  /** Compared with the published text (docs/decisions/0005-benefit-rules.md). */
  checked: boolean;
}

/** 구직급여 amount rules by 이직일 (the day of separation decides which version applies). */
export interface AmountRules {
  id: string;
  /** First 이직일 this version applies to (inclusive, YYYY-MM-DD). */
  from: string;
  /** How the 기초일액 is found. */
  base: BaseRule;
  /** 구직급여일액 = 기초일액 × rate (percent). */
  ratePercent: Cited<number>;
  /** 최저구직급여일액 = 최저기초일액 × lowerPercent (percent; 제46조 제1항 제2호, applied as the floor by 제2항). */
  lowerPercent: Cited<number>;
  /** 구직급여일액 상한액 (원). */
  upperDaily: Cited<number>;
  /** 기초일액 상한 (원): upperDaily / rate. */
  baseCap: Cited<number>;
}

const AVERAGE_WAGE: BaseRule = {
  kind: 'average-wage',
  cite: '고용보험법 제45조 제1항 (이직 전 평균임금)',
  checked: false,
};

export const AMOUNT_RULES: readonly AmountRules[] = [
  {
    id: '2019-10',
    from: '2019-10-01',
    base: AVERAGE_WAGE,
    ratePercent: { value: 60, cite: '고용보험법 제46조 제1항 제1호 (2019.10.1. 시행)', checked: false },
    lowerPercent: { value: 80, cite: '고용보험법 제46조 제1항 제2호 (2019.10.1. 시행)', checked: false },
    upperDaily: { value: 66_000, cite: '고용보험법 시행령 제68조 제1항 (2019.10.1.~2025.12.31.)', checked: false },
    baseCap: { value: 110_000, cite: '고용보험법 시행령 제68조 제1항 (기초일액 상한 11만원)', checked: false },
  },
  {
    id: '2026-01',
    from: '2026-01-01',
    base: AVERAGE_WAGE,
    ratePercent: { value: 60, cite: '고용보험법 제46조 제1항 제1호', checked: false },
    lowerPercent: { value: 80, cite: '고용보험법 제46조 제1항 제2호', checked: false },
    upperDaily: { value: 68_100, cite: '고용보험법 시행령 제68조 제1항 (2026.1.1. 이후 이직)', checked: false },
    baseCap: { value: 113_500, cite: '고용보험법 시행령 제68조 제1항 (기초일액 상한 113,500원)', checked: false },
  },
  // 법률 제21473호 (고용보험법 일부개정, 2026.3.17. 공포): 제45조 제1항 bases the 기초일액 on the 보수 of
  // the year before 이직 (이직 전 1년간 월 보수 합계 ÷ 산정기간 일수) for 이직 on or after 2028-01-01
  // (부칙 제1조 단서 시행일, 부칙 제3조: an earlier 이직 keeps the 평균임금 basis).
  // UNCONFIRMED: the exact wording of the new 제45조 제1항 and of 부칙 제1조·제3조, how a month only partly
  // inside the year is counted (prorated by days here), and whether 제45조 제2항 (통상임금) still applies
  // as before (kept here). Searched "고용보험법 개정 법률 제21473호 2026 기초일액 보수 2028년 1월 1일 시행"
  // (pages: nothing) and "제21473호" (code corpus: three independent projects' notes, one saying it read
  // law.go.kr, agree on the basis, the date and the 부칙 articles). The 2028 상한 is not set yet: the
  // 시행령 제68조 amount in force (68,100원) is kept until a new one is published.
  {
    id: '2028-01',
    from: '2028-01-01',
    base: {
      kind: 'reported-pay',
      months: 12,
      cite: '고용보험법 제45조 제1항 (법률 제21473호, 2026.3.17. 개정, 2028.1.1. 시행: 이직 전 1년간 보수)',
      checked: false,
    },
    ratePercent: { value: 60, cite: '고용보험법 제46조 제1항 제1호', checked: false },
    lowerPercent: { value: 80, cite: '고용보험법 제46조 제1항 제2호', checked: false },
    upperDaily: { value: 68_100, cite: '고용보험법 시행령 제68조 제1항', checked: false },
    baseCap: { value: 113_500, cite: '고용보험법 시행령 제68조 제1항 (기초일액 상한 113,500원)', checked: false },
  },
];

/** 최저임금 (시간급, 원) by calendar year; the year of the 이직일 applies (고용보험법 제45조 제4항). */
export const MINIMUM_WAGE: Readonly<Record<number, Cited<number>>> = {
  2019: { value: 8_350, cite: '2019년 적용 최저임금 고시 (고용노동부 고시 제2018-63호)', checked: false },
  2020: { value: 8_590, cite: '2020년 적용 최저임금 고시 (고용노동부 고시 제2019-43호)', checked: false },
  2021: { value: 8_720, cite: '2021년 적용 최저임금 고시 (고용노동부 고시 제2020-77호)', checked: false },
  2022: { value: 9_160, cite: '2022년 적용 최저임금 고시 (고용노동부 고시 제2021-68호)', checked: false },
  2023: { value: 9_620, cite: '2023년 적용 최저임금 고시 (고용노동부 고시 제2022-67호)', checked: false },
  2024: { value: 9_860, cite: '2024년 적용 최저임금 고시 (고용노동부 고시 제2023-49호)', checked: false },
  2025: { value: 10_030, cite: '2025년 적용 최저임금 고시 (고용노동부 고시 제2024-46호)', checked: false },
  2026: { value: 10_320, cite: '2026년 적용 최저임금 고시', checked: false },
};

/** 소정급여일수 (고용보험법 별표1, 2019.10.1. 이후 이직): rows by age/장애, columns by 피보험기간. */
export const BENEFIT_DAYS: Cited<{ under50: readonly number[]; over50OrDisabled: readonly number[] }> = {
  value: {
    // 피보험기간: 1년 미만, 1년~3년 미만, 3년~5년 미만, 5년~10년 미만, 10년 이상
    under50: [120, 150, 180, 210, 240],
    over50OrDisabled: [120, 180, 210, 240, 270],
  },
  cite: '고용보험법 제50조 제1항 별표1 (구직급여의 소정급여일수)',
  checked: false,
};

/** 피보험단위기간 required in the 기준기간 (18 months before 이직). */
export const ELIGIBILITY = {
  insuredUnitDays: { value: 180, cite: '고용보험법 제40조 제1항 제1호', checked: false } as Cited<number>,
  referenceMonths: { value: 18, cite: '고용보험법 제40조 제2항 (기준기간 18개월)', checked: false } as Cited<number>,
};

export const WAITING_DAYS: Cited<number> = { value: 7, cite: '고용보험법 제49조 (대기기간 7일)', checked: false };
export const BENEFIT_PERIOD_MONTHS: Cited<number> = {
  value: 12,
  cite: '고용보험법 제48조 제1항 (이직일 다음 날부터 12개월)',
  checked: false,
};

/**
 * 이직사유 codes (고용보험 피보험자격 상실신고의 상실사유 구분) and whether they qualify
 * (고용보험법 제40조 제1항 제3호: 이직사유가 제58조 수급자격의 제한 사유에 해당하지 않을 것).
 */
export interface SeparationReason {
  code: string;
  label: string;
  qualifies: 'yes' | 'no' | 'with-justified-reason';
  cite: string;
}

export const SEPARATION_REASONS: readonly SeparationReason[] = [
  { code: '11', label: '개인 사정으로 인한 자진 퇴사', qualifies: 'no', cite: '고용보험법 제58조 제2호' },
  {
    code: '12',
    label: '사업장 이전, 근로조건 변동, 임금 체불 등으로 자진 퇴사',
    qualifies: 'with-justified-reason',
    cite: '고용보험법 제58조 제2호 단서, 시행규칙 별표2',
  },
  { code: '22', label: '폐업·도산', qualifies: 'yes', cite: '고용보험법 제40조 제1항 제3호' },
  {
    code: '23',
    label: '경영상 필요 및 회사 불황으로 인원 감축 등에 의한 퇴사 (해고·권고사직·명예퇴직 포함)',
    qualifies: 'yes',
    cite: '고용보험법 제40조 제1항 제3호',
  },
  {
    code: '26',
    label: '근로자의 귀책 사유에 의한 징계 해고·권고사직 또는 계약 파기',
    qualifies: 'no',
    cite: '고용보험법 제58조 제1호',
  },
  { code: '31', label: '정년', qualifies: 'yes', cite: '고용보험법 제40조 제1항 제3호' },
  { code: '32', label: '계약 기간 만료·공사 종료', qualifies: 'yes', cite: '고용보험법 제40조 제1항 제3호' },
];

/** 정당한 이직 사유 (시행규칙 별표2), for 이직사유 12: the reason that makes a voluntary quit qualify. */
export const JUSTIFIED_REASONS: readonly { code: string; label: string }[] = [
  { code: 'J01', label: '임금 체불 (이직 전 1년 이내 2개월 이상) 또는 최저임금 미달' },
  { code: 'J02', label: '채용 시 조건보다 근로조건이 낮아짐 (이직 전 1년 이내 2개월 이상)' },
  { code: 'J03', label: '연장근로 제한 위반 (이직 전 1년 이내 2개월 이상)' },
  { code: 'J04', label: '사업장 이전·전근·배우자 동거 등으로 통근이 곤란해짐 (왕복 3시간 이상)' },
  { code: 'J05', label: '직장 내 괴롭힘·성희롱·성폭력' },
  { code: 'J06', label: '질병·부상·출산·가족 간호 등으로 업무 계속이 곤란하고 사업주가 휴직을 허락하지 않음' },
  { code: 'J07', label: '도산·폐업이 확실하거나 대량 감원이 예정됨' },
  { code: 'J08', label: '사업주의 권고로 퇴사 (인원 감축이 불가피한 경우)' },
];

/** 재취업활동 kinds a claimant may report for a 실업인정 period. */
export const ACTIVITY_KINDS = {
  application: { label: '입사 지원', jobSearch: true },
  interview: { label: '면접', jobSearch: true },
  training: { label: '직업훈련 수강', jobSearch: false },
  lecture: { label: '취업특강 참여', jobSearch: false },
  psychTest: { label: '직업심리검사', jobSearch: false },
  counselling: { label: '고용센터 취업 상담', jobSearch: false },
  startup: { label: '창업 준비 활동', jobSearch: false },
} as const satisfies Record<string, { label: string; jobSearch: boolean }>;
export type ActivityKind = keyof typeof ACTIVITY_KINDS;

/** How many 재취업활동 a 4-week 실업인정 period needs, and how many of them must be 입사 지원·면접. */
export interface ActivityNeed {
  activities: number;
  jobSearch: number;
}

/** 재취업활동 required per 4-week period by 차수 and claimant (실업인정 및 재취업지원 규정). */
export const ACTIVITY_REQUIREMENTS: Cited<{
  /** 1차: 고용센터 출석 (취업지원 설명회), no 재취업활동. */
  first: ActivityNeed;
  /** 2차 … `laterFrom - 1`차. */
  early: ActivityNeed;
  /** From this 차수 on, `later` applies. */
  laterFrom: number;
  later: ActivityNeed;
  /** 반복수급자 from 2차. */
  repeatClaimant: ActivityNeed;
  /** 만 나이 from which (or 장애인) `senior` applies from 2차. */
  seniorAge: number;
  senior: ActivityNeed;
}> = {
  value: {
    first: { activities: 0, jobSearch: 0 },
    early: { activities: 1, jobSearch: 0 },
    laterFrom: 5,
    later: { activities: 2, jobSearch: 1 },
    repeatClaimant: { activities: 2, jobSearch: 1 },
    seniorAge: 60,
    senior: { activities: 1, jobSearch: 0 },
  },
  cite: '실업인정 및 재취업지원 규정 (고용노동부 고시)',
  checked: false,
};

/** Activity kinds counted only so many times per claim (수급 기간 중). */
export const ACTIVITY_CAPS: Cited<Readonly<Partial<Record<ActivityKind, number>>>> = {
  value: { lecture: 2, psychTest: 1 },
  cite: '실업인정 및 재취업지원 규정 (고용노동부 고시)',
  checked: false,
};

/** Kinds of excused absence from a 실업인정일 (recognised on evidence). */
export const EXCUSES = {
  illness: '질병·부상 (7일 미만)',
  interview: '면접 등 구직 활동',
  training: '직업훈련 수강',
  disaster: '천재지변·대규모 재난',
  family: '가족의 사망 등 불가피한 사유',
} as const;

export function amountRulesFor(separationDate: string): AmountRules {
  let found: AmountRules | undefined;
  for (const r of AMOUNT_RULES) if (r.from <= separationDate) found = r;
  if (!found)
    throw new RangeError(
      `이직일 ${separationDate}에 적용할 구직급여 규정이 없습니다 (2019-10-01 이후 이직만 계산합니다).`,
    );
  return found;
}

export function minimumWageFor(separationDate: string): Cited<number> {
  const year = Number(separationDate.slice(0, 4));
  const wage = MINIMUM_WAGE[year];
  if (!wage) throw new RangeError(`${year}년 최저임금 자료가 없습니다.`);
  return wage;
}

/** A rule value not yet compared against the published text, by where it lives in this file. */
export interface UncheckedRule {
  name: string;
  cite: string;
}

/**
 * Every value above whose `checked` is false (for maintainers and the decision record; never shown on
 * a citizen's page).
 */
export function uncheckedRules(): UncheckedRule[] {
  const out: UncheckedRule[] = [];
  const add = (name: string, rule: Cited<unknown>) => {
    if (!rule.checked) out.push({ name, cite: rule.cite });
  };
  for (const r of AMOUNT_RULES) {
    add(`AMOUNT_RULES[${r.id}].base`, { value: r.base.kind, cite: r.base.cite, checked: r.base.checked });
    for (const key of ['ratePercent', 'lowerPercent', 'upperDaily', 'baseCap'] as const)
      add(`AMOUNT_RULES[${r.id}].${key}`, r[key]);
  }
  for (const [year, wage] of Object.entries(MINIMUM_WAGE)) add(`MINIMUM_WAGE[${year}]`, wage);
  add('BENEFIT_DAYS', BENEFIT_DAYS);
  add('ELIGIBILITY.insuredUnitDays', ELIGIBILITY.insuredUnitDays);
  add('ELIGIBILITY.referenceMonths', ELIGIBILITY.referenceMonths);
  add('WAITING_DAYS', WAITING_DAYS);
  add('BENEFIT_PERIOD_MONTHS', BENEFIT_PERIOD_MONTHS);
  add('ACTIVITY_REQUIREMENTS', ACTIVITY_REQUIREMENTS);
  add('ACTIVITY_CAPS', ACTIVITY_CAPS);
  return out;
}
