/**
 * 상실사유 구분코드: the code an employer gives on the 고용보험 피보험자격 상실신고 and the 이직확인서
 * (고용보험법 제15조, 제42조 제3항; 같은 법 시행규칙 별지 서식 — the 피보험자격 상실신고서 and the
 * 이직확인서 carry the same table). The job centre reads the 수급자격 from it first (제43조 제4항), so each
 * code says whether a claim on that ground qualifies: 'eligible', 'not-eligible', or 'needs-review' where
 * it turns on a 정당한 이직 사유 (시행규칙 별표2) or on how serious the worker's fault was (제58조).
 *
 * Source of the table: the 근로복지공단 / 4대사회보험 정보연계센터 상실신고 code table with its 구체적 사유
 * (세부코드), as 고용24 and the EDI file specification use it — 4 groups (자진퇴사; 회사사정과 근로자
 * 귀책사유에 의한 이직; 정년 등 기간만료에 의한 이직; 기타) and the codes 11, 12, 22, 23, 26, 31, 32, 41, 42.
 * Found through the code corpus (a 4대보험 EDI 파일 신고 implementation quoting the 공단 table, and
 * several payroll systems' code lists) and 고용24 (m.work24.go.kr 피보험자격 신고 안내: "상실사유 및
 * 구분코드는 실업급여 및 사업주지원금 지급을 결정하는 중요사항").
 * UNCONFIRMED: the 서식 number of the 상실신고서 and the date the table took its current form. In the
 * current table 이중고용 is filed as 41-4 ("다른 사업장에서 피보험자격 취득") under 41 "고용보험 비적용,
 * 이중고용"; 42 "이중고용" is the older separate code, still accepted here (without a sub-code) because
 * files and the issue use it. The label texts were compared across three independent copies, not
 * against the published 서식.
 */

export type Eligibility = 'eligible' | 'needs-review' | 'not-eligible';

export interface LossSubCode {
  code: string;
  label: string;
  /** Where this 구체적 사유 decides the claim differently from its code. */
  eligibility?: Eligibility;
  citation?: string;
}

export interface LossCode {
  code: string;
  label: string;
  subCodes: readonly LossSubCode[];
  /** 수급자격 on this ground: 'eligible' | 'needs-review' | 'not-eligible' */
  eligibility: Eligibility;
  citation: string;
}

const SELF = '고용보험법 제58조 제2호 가목 (전직 또는 자영업을 하기 위한 이직)';
const OWN = '고용보험법 제58조 제2호 다목 (정당한 사유에 해당하지 않는 자기 사정으로 이직)';
const JUSTIFIED = '고용보험법 제58조 제2호 다목, 같은 법 시행규칙 제101조 제2항 별표2 (정당한 이직 사유)';
const INVOLUNTARY = '고용보험법 제40조 제1항 제3호 (이직사유가 제58조의 수급자격 제한 사유에 해당하지 않음)';
const NOT_SEPARATED = '고용보험법 제40조 제1항 제2호 (이직하여 취업하지 못한 상태가 아님), 제43조';

export const LOSS_CODES: readonly LossCode[] = [
  {
    code: '11',
    label: '개인사정으로 인한 자진퇴사',
    eligibility: 'not-eligible',
    citation: OWN,
    subCodes: [
      { code: '11-1', label: '다른 직장으로 옮기기 위해 이직한 경우', citation: SELF },
      { code: '11-2', label: '본인이나 가족사업 등을 하기 위하여 이직한 경우', citation: SELF },
      { code: '11-3', label: '결혼·출산·육아를 이유로 이직한 경우', eligibility: 'needs-review', citation: JUSTIFIED },
      {
        code: '11-4',
        label: '가족(배우자 또는 부양해야 할 친족)과의 동거를 위하여 주소이전',
        eligibility: 'needs-review',
        citation: JUSTIFIED,
      },
      { code: '11-5', label: '노약자 간호를 위하여', eligibility: 'needs-review', citation: JUSTIFIED },
      { code: '11-6', label: '자녀교육을 위하여' },
      { code: '11-7', label: '사업장의 출퇴근이 곤란하여', eligibility: 'needs-review', citation: JUSTIFIED },
      {
        code: '11-8',
        label: '질병·부상으로 업무수행이 곤란하여 이직한 경우',
        eligibility: 'needs-review',
        citation: JUSTIFIED,
      },
      {
        code: '11-9',
        label: '체력·시력·청력의 쇠퇴로 업무수행이 곤란하여 이직한 경우',
        eligibility: 'needs-review',
        citation: JUSTIFIED,
      },
      {
        code: '11-10',
        label: '고연령으로 업무수행이 곤란하여 이직한 경우',
        eligibility: 'needs-review',
        citation: JUSTIFIED,
      },
      { code: '11-11', label: '본인의 업무상 과실 또는 능력 부족' },
      { code: '11-12', label: '학업 또는 시험대비를 위하여' },
      // The code table itself marks this one "수급자격 있음". UNCONFIRMED: which item of 시행규칙 별표2
      // it rests on (searched the pages corpus for 별표2 병역 이직; no text found).
      {
        code: '11-13',
        label: '병역의무를 이행하기 위해서 이직',
        eligibility: 'eligible',
        citation: '고용보험법 시행규칙 별표2 (정당한 이직 사유), 상실사유 구분코드표 (수급자격 있음)',
      },
      // No claimant: the insured person died (고용보험법 제14조, 피보험자격의 상실일).
      { code: '11-14', label: '본인의 사망' },
      { code: '11-15', label: '본인이 쉬고 싶어서' },
      { code: '11-16', label: '위에 해당하지 않는 개인사정(직접 구체적으로 입력)' },
    ],
  },
  {
    code: '12',
    label: '사업장 이전, 근로조건 변동, 임금체불 등으로 자진퇴사',
    eligibility: 'needs-review',
    citation: JUSTIFIED,
    subCodes: [
      { code: '12-1', label: '계속되는 휴업·휴직으로' },
      { code: '12-2', label: '임금 등의 체불 또는 지연지급이 계속되어' },
      { code: '12-3', label: '사업장의 이전으로 출·퇴근이 곤란해서' },
      { code: '12-4', label: '통근이 불가능한 지역으로 전근되어' },
      { code: '12-5', label: '타당성 없는 보직변경으로' },
      { code: '12-6', label: '임금·근로조건이 현저히 낮아져서' },
    ],
  },
  {
    code: '22',
    label: '폐업·도산(예정 포함), 공사중단',
    eligibility: 'eligible',
    citation: INVOLUNTARY,
    subCodes: [
      { code: '22-1', label: '사업장의 도산·폐업이 확정·실현되어서' },
      { code: '22-2', label: '천재지변 등으로 사업 불가능' },
      { code: '22-3', label: '사업이 중단되고 재개될 전망이 없어서' },
    ],
  },
  {
    code: '23',
    label: '경영상 필요 및 회사 불황으로 인원감축 등에 의한 퇴사(해고·권고사직·명예퇴직 포함)',
    eligibility: 'eligible',
    citation: INVOLUNTARY,
    subCodes: [
      { code: '23-1', label: '경영상 필요에 의한 인원 감축' },
      { code: '23-2', label: '사업의 양도·양수·합병으로' },
      { code: '23-3', label: '인원감축을 위한 희망퇴직에 응해서' },
      // Moving to the new company is not being out of work: whether there was a 이직 is the centre's call.
      {
        code: '23-4',
        label: '사업·부서가 폐지되고 신설된 법인으로 전직',
        eligibility: 'needs-review',
        citation: NOT_SEPARATED,
      },
      { code: '23-5', label: '회사의 업종전환에 적응하지 못해서' },
      { code: '23-6', label: '회사의 주문량·작업량 감소로' },
      { code: '23-7', label: '대량감원이 예상되어 스스로 사직', citation: JUSTIFIED },
      {
        code: '23-8',
        label: '결혼·군입대 등의 경우 퇴직하는 관행에 따라 이직(권고사직 포함)',
        citation: JUSTIFIED,
      },
      {
        code: '23-9',
        label: '이직 전 3월 이상 임금이 낮거나 근로시간 과다',
        eligibility: 'needs-review',
        citation: JUSTIFIED,
      },
      // A 명예퇴직 offered every year as a matter of course is not a 인원 감축: it qualifies only where
      // 별표2's 퇴직 희망자 모집 (고용조정계획에 따른) applies.
      { code: '23-10', label: '관례적·일상적인 명예퇴직', eligibility: 'needs-review', citation: JUSTIFIED },
    ],
  },
  {
    code: '26',
    label: '근로자의 귀책사유에 의한 징계해고·권고사직 또는 계약 파기',
    eligibility: 'not-eligible',
    citation: '고용보험법 제58조 제1호 (중대한 귀책사유로 해고), 같은 조 제2호 나목',
    subCodes: [
      {
        code: '26-1',
        label: '징계해고로 인한 이직',
        citation: '고용보험법 제58조 제1호 (중대한 귀책사유로 해고)',
      },
      {
        code: '26-2',
        label: '징계해고에 해당하나 사업주가 권유해서',
        citation: '고용보험법 제58조 제2호 나목 (중대한 귀책사유가 있는 사람이 사업주의 권고로 이직)',
      },
      // Fault short of 제58조 제1호 does not bar the claim; a 권고사직 then is 별표2's 퇴직 권고.
      {
        code: '26-3',
        label:
          '근로자의 귀책사유가 징계해고 정도에는 해당되지 않지만(업무능력 미달 사유 등 포함) 사업주가 권유하여 사직한 경우',
        eligibility: 'needs-review',
        citation: JUSTIFIED,
      },
    ],
  },
  {
    code: '31',
    label: '정년',
    eligibility: 'eligible',
    citation: INVOLUNTARY,
    subCodes: [{ code: '31-1', label: '정년' }],
  },
  {
    code: '32',
    label: '계약기간 만료, 공사 종료',
    eligibility: 'eligible',
    citation: INVOLUNTARY,
    subCodes: [
      { code: '32-1', label: '근로계약의 기간만료' },
      { code: '32-2', label: '조건부계약의 조건성취' },
      { code: '32-3', label: '공사계약의 기간만료' },
    ],
  },
  {
    code: '41',
    label: '고용보험 비적용, 이중고용',
    eligibility: 'not-eligible',
    citation: NOT_SEPARATED,
    subCodes: [
      { code: '41-1', label: '고용보험 적용제외 근로자로 되어 상실' },
      // The worker may have lost the job with the insurance (사업 폐지 as well): the centre asks.
      { code: '41-2', label: '사업장의 보험관계 해지', eligibility: 'needs-review', citation: NOT_SEPARATED },
      { code: '41-3', label: '임의가입자의 가입탈퇴 승인' },
      { code: '41-4', label: '다른 사업장에서 피보험자격 취득' },
    ],
  },
  {
    code: '42',
    label: '이중고용',
    eligibility: 'not-eligible',
    citation: NOT_SEPARATED,
    subCodes: [],
  },
];

const BY_CODE = new Map(LOSS_CODES.map((c) => [c.code, c]));

export function findLossCode(code: string): LossCode | undefined {
  return BY_CODE.get(code.trim());
}

/** What is wrong with a 상실사유 and its 구체적 사유, in Korean, or null. */
export function lossCodeError(code: string, subCode: string): string | null {
  const c = code.trim();
  const s = subCode.trim();
  if (c === '') return '상실사유 코드를 골라 주세요.';
  const found = BY_CODE.get(c);
  if (!found)
    return `상실사유 코드 "${c}"는 없는 코드입니다. ${LOSS_CODES.map((x) => x.code).join(', ')} 중에서 골라 주세요.`;
  if (found.subCodes.length === 0)
    return s === '' ? null : `상실사유 ${c}(${found.label})에는 구체적 사유 코드가 없습니다. 비워 두세요.`;
  if (s === '') return `상실사유 ${c}(${found.label})의 구체적 사유를 골라 주세요.`;
  if (!found.subCodes.some((x) => x.code === s))
    return `구체적 사유 "${s}"는 상실사유 ${c}에 없는 코드입니다. ${found.subCodes[0]?.code}처럼 목록의 코드를 골라 주세요.`;
  return null;
}

/** The Korean label: "개인사정으로 인한 자진퇴사 (다른 직장으로 옮기기 위해 이직한 경우)". */
export function lossLabel(code: string, subCode?: string | null): string {
  const found = BY_CODE.get(code.trim());
  if (!found) return `상실사유 ${code}`;
  const sub = subCode ? found.subCodes.find((x) => x.code === subCode.trim()) : undefined;
  return sub && sub.label !== found.label ? `${found.label} (${sub.label})` : found.label;
}

/** 수급자격 on this ground (the sub-code's where it has its own), with the provision. */
export function lossEligibility(
  code: string,
  subCode?: string | null,
): { eligibility: Eligibility; citation: string } | null {
  const found = BY_CODE.get(code.trim());
  if (!found) return null;
  const sub = subCode ? found.subCodes.find((x) => x.code === subCode.trim()) : undefined;
  return {
    eligibility: sub?.eligibility ?? found.eligibility,
    citation: sub?.citation ?? found.citation,
  };
}
