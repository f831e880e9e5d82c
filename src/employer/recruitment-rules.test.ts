import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatePostings } from '../jobs/seed/generator.ts';
import { cite, RECRUITMENT_RULES, unlawfulConditionMessage, unlawfulConditions } from './recruitment-rules.ts';

/** [text, the rule it breaks, the phrase found, the provision the message cites]. */
const BROKEN: [string, string, string, RegExp][] = [
  ['35세 이하만 지원 가능', 'age', '35세 이하', /고령자고용법 제4조의4 제1항 제1호/],
  ['20대~30대 환영', 'age', '20대~', /연령을 조건으로/],
  ['젊은 분 우대', 'age', '젊은 분', /고령자고용법/],
  ['연령 제한 35세', 'age', '연령 제한', /고령자고용법/],
  [
    '여성만 지원 가능합니다',
    'sex',
    '여성만',
    /'여성만'처럼 성별을 조건으로 할 수 없습니다 \(남녀고용평등법 제7조 제1항/,
  ],
  ['남자 직원 구함', 'sex', '남자 직원 구함', /남녀고용평등법 제7조 제1항/],
  ['여성 캐셔 우대', 'sex', '여성 캐셔 우대', /성별/],
  ['남성분 환영', 'sex', '남성분 환영', /성별/],
  ['중년여성 우대', 'sex', '중년여성 우대', /성별/],
  ['여직원 모집', 'sex', '여직원 모집', /성별/],
  ['성별: 남', 'sex', '성별: 남', /성별/],
  ['홀 서빙 (여자 only)', 'sex', '여자 only', /성별/],
  ['임신 계획이 있으면 안 됩니다', 'pregnancy', '임신 계획', /남녀고용평등법 제7조 제1항/],
  ['용모단정한 분', 'body', '용모단정', /남녀고용평등법 제7조 제2항, 채용절차법 제4조의3 제1호/],
  ['외모 준수하신 분', 'body', '외모 준수', /신체 조건/],
  ['키 160cm 이상', 'body', '키 160cm', /신체 조건/],
  ['신장 170 이상', 'body', '신장 170', /신체 조건/],
  ['키 큰 분 우대', 'body', '키 큰', /신체 조건/],
  ['체중 60kg 이하', 'body', '체중 60kg', /신체 조건/],
  ['몸무게 기재 필수', 'body', '몸무게 기재', /신체 조건/],
  ['유니폼 55사이즈', 'body', '55사이즈', /신체 조건/],
  ['예쁜 분 환영', 'body', '예쁜 분', /신체 조건/],
  ['훈남 훈녀 모집', 'body', '훈남', /신체 조건/],
  ['전신사진 첨부', 'body', '전신사진', /신체 조건/],
  ['미혼 여성', 'marriage', '미혼', /남녀고용평등법 제7조 제2항, 채용절차법 제4조의3 제2호/],
  ['미혼자 우대', 'marriage', '미혼', /혼인 여부/],
  ['기혼자 사절', 'marriage', '기혼자 사절', /혼인 여부/],
  ['결혼 여부 기재', 'marriage', '결혼 여부', /혼인 여부/],
  [
    '이력서에 출신지역 기재',
    'origin',
    '출신지역',
    /출신 지역을 묻거나 조건으로 할 수 없습니다 \(채용절차법 제4조의3 제2호\)/,
  ],
  ['출신지를 적어 주세요', 'origin', '출신지', /출신 지역/],
  ['경상도 출신 우대', 'origin', '경상도 출신', /출신 지역/],
  ['호남 출신', 'origin', '호남 출신', /출신 지역/],
  ['고향이 어디인지 적어 주세요', 'origin', '고향이 어디', /출신 지역/],
  ['등록기준지 기재', 'origin', '등록기준지', /출신 지역/],
  ['재산 정도 기재', 'property', '재산 정도', /재산을 묻거나 조건으로 할 수 없습니다 \(채용절차법 제4조의3 제2호\)/],
  ['본인 재산 현황', 'property', '본인 재산', /재산/],
  ['자가 소유 여부', 'property', '자가 소유 여부', /재산/],
  [
    '부모님 직업 기재',
    'family',
    '부모님 직업',
    /직계 존비속·형제자매\)의 학력·직업·재산을 물을 수 없습니다 \(채용절차법 제4조의3 제3호\)/,
  ],
  ['아버지의 직장', 'family', '아버지의 직장', /채용절차법 제4조의3 제3호/],
  ['형제자매 학력', 'family', '형제자매 학력', /채용절차법 제4조의3 제3호/],
  ['가족 재산', 'family', '가족 재산', /채용절차법 제4조의3 제3호/],
];

/** Ordinary posting text that names the same words without making them a condition. */
const ORDINARY = [
  '여성복 판매',
  '남성 의류 매장 판매 사원',
  '여성 고객 상담',
  '여성 전용 휴게실',
  '남녀 모두 지원 가능',
  '남녀 무관',
  '여성도 지원 가능합니다',
  '성별 무관',
  '교육 참여자 모집',
  '프로그램 참여자 관리',
  '경력단절 여성 우대',
  '여자고등학교 행정실',
  '남자 화장실 청소',
  '남성 육아휴직 가능',
  '키오스크 주문 안내',
  '마스터키 관리',
  '키보드 입력 업무',
  '신장 투석실 간호사',
  '재산세 업무',
  '재산 관리 보조',
  '회사 재산 목록 정리',
  '미혼모 상담',
  '결혼 축하금',
  '결혼기념일 휴가',
  '가족 같은 분위기',
  '가족수당',
  '직원 및 가족 진료비 감면',
  '학부모 상담',
  '부모 상담 및 알림장 작성',
  '자녀 학력 향상 지도',
  '자녀 학자금 지원',
  '서울대 출신 교수진',
  '부사관 출신 우대',
  '인근 거주자 우대',
  '서울 강남구 근무',
  '적재 높이 150cm 이상',
  '신체 조건 무관',
  '유니폼 지급',
  '출산휴가·육아휴직 보장',
  '임신 중인 직원 단축근무',
  '연령 제한 없음',
  '나이 무관',
  '나이는 상관없습니다',
  '어린이집 보육교사',
  '젊은 분위기의 회사',
  '지게차 20대 보유',
  '4대보험 가입',
  '2교대 근무',
  '원적외선 사우나 이용권',
  '서울 출장',
];

describe('채용공고 conditions the law forbids', () => {
  for (const [text, rule, found, message] of BROKEN)
    it(`finds ${rule} in "${text}"`, () => {
      const findings = unlawfulConditions(text);
      const hit = findings.find((f) => f.rule.id === rule);
      assert.ok(hit, `${rule} not found in "${text}": ${JSON.stringify(findings.map((f) => f.rule.id))}`);
      assert.equal(hit.found, found);
      assert.match(unlawfulConditionMessage(text), message);
    });

  for (const text of ORDINARY)
    it(`lets "${text}" through`, () => {
      assert.deepEqual(
        unlawfulConditions(text).map((f) => `${f.rule.id}: ${f.found}`),
        [],
      );
      assert.equal(unlawfulConditionMessage(text), '');
    });

  it('names every broken rule of one text, each with its provision', () => {
    const message = unlawfulConditionMessage('35세 이하 여성만 지원 가능합니다');
    assert.match(message, /연령을 조건으로 하는 표현\("35세 이하"\).*고령자고용법 제4조의4/);
    assert.match(message, /'여성만'처럼 성별을 조건으로 할 수 없습니다 \(남녀고용평등법 제7조 제1항/);
  });

  it('cites provisions as 법 제n조(의m) 제n항 제n호', () => {
    const cases: [Parameters<typeof cite>[0], string][] = [
      [{ law: '남녀고용평등법', title: '', article: '7', paragraph: 1 }, '남녀고용평등법 제7조 제1항'],
      [{ law: '채용절차법', title: '', article: '4의3', item: 2 }, '채용절차법 제4조의3 제2호'],
      [{ law: '고령자고용법', title: '', article: '4의4', paragraph: 1, item: 1 }, '고령자고용법 제4조의4 제1항 제1호'],
    ];
    for (const [p, text] of cases) assert.equal(cite(p), text);
  });

  it('every rule rests on a provision, and its message cites it', () => {
    for (const rule of RECRUITMENT_RULES) {
      assert.ok(rule.provisions.length > 0, rule.id);
      const message = rule.message('X');
      for (const p of rule.provisions) assert.ok(message.includes(cite(p)), `${rule.id}: ${message} lacks ${cite(p)}`);
    }
  });

  it('finds nothing in 5,000 generated ordinary postings', () => {
    for (const p of generatePostings({ count: 5_000, seed: 7, today: '2026-11-25' }))
      for (const text of [p.title, p.jobCont, p.pfCond, p.etcWelfare, p.selMthd])
        assert.deepEqual(
          unlawfulConditions(text).map((f) => `${f.rule.id}: ${f.found}`),
          [],
          text,
        );
  });
});
