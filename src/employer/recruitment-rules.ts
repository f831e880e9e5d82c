/**
 * What a 채용공고 may not say, as data: each rule names the provisions it rests on (법, 조, 항, 호) and
 * the phrases that state such a condition. Pure.
 *
 * - 고령자고용법 제4조의4 제1항 제1호: no age discrimination in 모집·채용 ("35세 이하", "20대 환영").
 * - 남녀고용평등법 제7조 제1항: no discrimination between men and women in 모집·채용 ("여성만", "남자 우대").
 * - 남녀고용평등법 제7조 제2항: no 용모·키·체중 등 신체적 조건, no 미혼 조건 that the job does not need.
 * - 채용절차법 제4조의3: the employer may not ask for, or collect as proof, what the job does not need —
 *   제1호 용모·키·체중 등 신체적 조건, 제2호 출신지역·혼인여부·재산, 제3호 직계 존비속 및 형제자매의
 *   학력·직업·재산.
 *
 * The patterns look for a condition or a request, not for the words alone: "여성복 판매", "남성 의류
 * 매장", "키오스크", "재산세 업무", "여성 전용 휴게실", "미혼모 상담", "부모 상담" are ordinary postings.
 *
 * Words run together are looked at only where the law's words stand alone or after a known prefix
 * ("중년여성 우대" is found, "참여자 모집" is not a 여자).
 *
 * Not decided here: the exceptions the laws allow — a sex the job's nature inevitably needs
 * (남녀고용평등법 제2조 제1호 가목, e.g. a 여성 모델), 적극적 고용개선조치 (같은 호 다목; "경력단절 여성
 * 우대" is let through), an age the job inevitably needs (고령자고용법 제4조의5). Such a posting is
 * refused here and registered through the 고용센터, who can judge the exception.
 */

export interface Provision {
  /** 약칭, as cited in messages: '남녀고용평등법'. */
  law: string;
  /** The full name of the law. */
  title: string;
  /** '7', '4의3' (제4조의3). */
  article: string;
  paragraph?: number;
  item?: number;
}

const EQUALITY = { law: '남녀고용평등법', title: '남녀고용평등과 일·가정 양립 지원에 관한 법률' };
const FAIR_HIRING = { law: '채용절차법', title: '채용절차의 공정화에 관한 법률' };
const AGE = { law: '고령자고용법', title: '고용상 연령차별금지 및 고령자고용촉진에 관한 법률' };

/** '남녀고용평등법 제7조 제1항', '채용절차법 제4조의3 제2호'. */
export function cite(p: Provision): string {
  const [main, branch] = p.article.split('의');
  return [
    `${p.law} 제${main}조${branch ? `의${branch}` : ''}`,
    p.paragraph ? `제${p.paragraph}항` : null,
    p.item ? `제${p.item}호` : null,
  ]
    .filter(Boolean)
    .join(' ');
}

export interface RecruitmentRule {
  id: 'age' | 'sex' | 'pregnancy' | 'body' | 'marriage' | 'origin' | 'property' | 'family';
  provisions: readonly Provision[];
  patterns: readonly RegExp[];
  /** The Korean message for a phrase found, with its provisions cited. */
  message(found: string): string;
}

const citations = (ps: readonly Provision[]) => ps.map(cite).join(', ');

/** Not inside a word: "참여자" holds no 여자, "마스터키" no height. */
const START = '(?<![가-힣A-Za-z0-9])';

// ── 성별 ─────────────────────────────────────────────────────────────────────────────────────────
const SEX = '(?:중년|주부|청년|장년|신입)?(?:남|여)(?:성|자)';
/** Who is sought, between the sex and the condition: "여성 캐셔 우대", "남자 직원 구함". */
const WHO =
  '(?:분|분들|직원|사원|인력|근무자|지원자|구직자|스태프|스텝|알바생|알바|아르바이트|캐셔|상담원|상담사|판매원|사무원|기사|매니저|강사|보조|미화원|경비원)';
/** The condition: only, preferred, wanted. */
const WANTED =
  '(?:만|한정|에\\s*한함|우대|우선|선호|환영|채용|모집|구함|구합니다|구인|지원\\s*가능|가능|필수|위주|뽑|only)';
/** 적극적 고용개선조치 (남녀고용평등법 제2조 제1호 다목) is not discrimination: "경력단절 여성 우대". */
const AFFIRMATIVE = '(?<!경력\\s*단절\\s*)';

// ── 출신 지역 ────────────────────────────────────────────────────────────────────────────────────
const REGIONS =
  '(?:서울|부산|대구|인천|광주|대전|울산|세종|경기도?|강원도?|충청도?|충북|충남|전라도?|전북|전남|경상도?|경북|경남|제주도?|호남|영남|영동|영서|호서|관동|관서)';

export const RECRUITMENT_RULES: readonly RecruitmentRule[] = [
  {
    id: 'age',
    provisions: [{ ...AGE, article: '4의4', paragraph: 1, item: 1 }],
    patterns: [
      /\d{2}\s*세\s*(이하|미만|이상|초과|까지|부터|~)/,
      /(만\s*)?\d{2}\s*~\s*\d{2}\s*세/,
      // "20대 환영", "30대 분", "20대~30대" — not "지게차 20대 보유".
      /(?<!\d)\d{2}\s*대\s*(?:남|여|만|환영|우대|선호|가능|위주|초반|중반|후반|~|이상|이하|까지|분|청년|직원|사원)/,
      // "연령 제한 35세", "나이: 30", "나이는 30" — not "연령 제한 없음", "나이 무관", "나이는 상관없습니다".
      /(?:연령|나이)\s*(?:제한(?!\s*(?:없|무관|x|X))|무관하지\s*않|[:：]\s*(?!무관|제한\s*없|상관\s*없)|(?:은|는)\s*\d)/,
      // "젊은 분", "어린 친구" — not "어린이집", "젊은 분위기".
      /(?:젊은|어린)\s*(?:분(?!위기)|사람|인재|직원|사원|친구|층|여성|남성|청년)/,
      /(?:신입\s*연령|청년만|장년\s*불가|고령자?\s*불가|중장년\s*불가)/,
      /\d{4}\s*년생/,
    ],
    message: (found) =>
      `연령을 조건으로 하는 표현("${found}")은 쓸 수 없습니다 (고령자고용법 제4조의4 제1항 제1호: 모집·채용에서 합리적 이유 없는 연령 차별 금지).`,
  },
  {
    id: 'sex',
    provisions: [{ ...EQUALITY, article: '7', paragraph: 1 }],
    patterns: [
      new RegExp(`${START}${AFFIRMATIVE}${SEX}\\s*${WHO}?\\s*(?:을|를|만을)?\\s*${WANTED}`),
      new RegExp(`${START}(?:남|여)(?:직원|사원)\\s*(?:을|를)?\\s*${WANTED}`),
      new RegExp(`${START}성별\\s*[:：]?\\s*(?:남|여)(?:성|자)?(?![가-힣])`),
    ],
    message: (found) =>
      `'${found}'처럼 성별을 조건으로 할 수 없습니다 (남녀고용평등법 제7조 제1항: 모집·채용에서 남녀 차별 금지).`,
  },
  {
    id: 'pregnancy',
    provisions: [{ ...EQUALITY, article: '7', paragraph: 1 }],
    patterns: [
      /(?:임신|출산)\s*(?:여부|유무|계획)/,
      /(?:임신|출산)\s*(?:중인?|하신|한|예정인?)?\s*분?\s*(?:불가|제외|사절|안\s*됨)/,
    ],
    message: (found) =>
      `'${found}'처럼 임신·출산을 묻거나 조건으로 할 수 없습니다 (남녀고용평등법 제7조 제1항, 제2조 제1호: 임신·출산을 이유로 한 차별 금지).`,
  },
  {
    id: 'body',
    provisions: [
      { ...EQUALITY, article: '7', paragraph: 2 },
      { ...FAIR_HIRING, article: '4의3', item: 1 },
    ],
    patterns: [
      /용모\s*(?:가|이)?\s*(?:단정|준수|우수|좋|깔끔|깨끗|단아|수려|단정한)/,
      /외모\s*(?:가|이)?\s*(?:준수|우수|단정|좋|깔끔|예쁘|예쁜|뛰어|중시|우대|심사|기준|필수|자신|호감)/,
      new RegExp(`${START}(?:키|신장)\\s*(?:가|는|은)?\\s*\\d{3}\\s*(?:cm|㎝|센티)?`),
      new RegExp(`${START}(?:키|신장)\\s*(?:가|는|은)?\\s*(?:제한|조건|기준|필수|큰|작은|크신|크고)`),
      /(?:체중|몸무게)\s*(?:이|가|는|은)?\s*(?:\d{2,3}\s*(?:kg|㎏|킬로)|제한|조건|기준|이하|미만|기재|적어|표기|명시|필수)/,
      /(?<!\d)(?:44|55|66|77)\s*(?:반\s*)?(?:사이즈|size)/i,
      /(?:예쁜|이쁜|잘생긴|날씬한|예쁘신|잘생기신)\s*(?:분|여성|남성|여자|남자|직원|사원|알바|아르바이트|외모|얼굴)/,
      new RegExp(`${START}(?:미모|미녀|미남|훈남|훈녀)`),
      /몸매\s*(?:가|이)?\s*(?:좋|예쁘|예쁜|날씬|착한)/,
      /신체\s*(?:적\s*)?조건(?!\s*(?:은|과)?\s*(?:무관|관계\s*없|상관\s*없|을?\s*묻지))/,
      /전신\s*사진/,
    ],
    message: (found) =>
      `'${found}'처럼 직무와 관계없는 용모·키·체중 등 신체 조건을 요구할 수 없습니다 (${citations([
        { ...EQUALITY, article: '7', paragraph: 2 },
        { ...FAIR_HIRING, article: '4의3', item: 1 },
      ])}).`,
  },
  {
    id: 'marriage',
    provisions: [
      { ...EQUALITY, article: '7', paragraph: 2 },
      { ...FAIR_HIRING, article: '4의3', item: 2 },
    ],
    patterns: [
      /미혼(?!모|부|가정|한부모)/,
      new RegExp(
        `${START}기혼\\s*(?:자|여성|남성|인\\s*분|이신\\s*분)?\\s*(?:만|우대|우선|선호|환영|한정|사절|불가|제외)`,
      ),
      /(?:결혼|혼인)\s*(?:여부|유무|계획)/,
      /(?:결혼|혼인)\s*(?:하신|한|안\s*한|하지\s*않은)\s*분\s*(?:만|우대|불가|제외|사절)/,
    ],
    message: (found) =>
      `'${found}'처럼 혼인 여부를 묻거나 조건으로 할 수 없습니다 (${citations([
        { ...EQUALITY, article: '7', paragraph: 2 },
        { ...FAIR_HIRING, article: '4의3', item: 2 },
      ])}).`,
  },
  {
    id: 'origin',
    provisions: [{ ...FAIR_HIRING, article: '4의3', item: 2 }],
    patterns: [
      /출신\s*(?:지역|지(?![원역점]))/,
      new RegExp(`${START}${REGIONS}\\s*출신`),
      /고향\s*(?:이|은|을)?\s*(?:어디|기재|적어|표기|필수|우대)/,
      /(?:본적지|등록\s*기준지)/,
    ],
    message: (found) =>
      `'${found}'처럼 출신 지역을 묻거나 조건으로 할 수 없습니다 (채용절차법 제4조의3 제2호). 지금 사는 곳(거주지)은 물을 수 있습니다.`,
  },
  {
    id: 'property',
    provisions: [{ ...FAIR_HIRING, article: '4의3', item: 2 }],
    patterns: [
      /재산(?!세)\s*(?:상태|정도|규모|여부|보유\s*(?:현황|여부)|증명)/,
      /(?:본인|지원자|구직자)\s*(?:의\s*)?재산(?!세)/,
      /(?:자가|주택|부동산|아파트)\s*(?:소유|보유)\s*(?:여부|자|유무|필수|우대)/,
    ],
    message: (found) => `'${found}'처럼 재산을 묻거나 조건으로 할 수 없습니다 (채용절차법 제4조의3 제2호).`,
  },
  {
    id: 'family',
    provisions: [{ ...FAIR_HIRING, article: '4의3', item: 3 }],
    patterns: [
      /(?:부모님?|아버지|어머니|아버님|어머님|부친|모친|조부모|형제자매|형제|자매|자녀|직계\s*존비속|가족)\s*(?:의|님의|분들의|분의)?\s*(?:학력(?!\s*(?:향상|증진))|출신\s*학교|직업|직장|직위|근무처|재산|소득|연봉)/,
    ],
    message: (found) =>
      `'${found}'처럼 가족(직계 존비속·형제자매)의 학력·직업·재산을 물을 수 없습니다 (채용절차법 제4조의3 제3호).`,
  },
];

export interface Finding {
  rule: RecruitmentRule;
  found: string;
}

/** Every rule a text breaks, with the first phrase found for each, in the order of the rules. */
export function unlawfulConditions(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RECRUITMENT_RULES)
    for (const re of rule.patterns) {
      const m = re.exec(text);
      if (m) {
        findings.push({ rule, found: m[0].trim() });
        break;
      }
    }
  return findings;
}

/** One Korean message for a field: each rule broken, with its provisions. '' when none. */
export function unlawfulConditionMessage(text: string): string {
  return unlawfulConditions(text)
    .map((f) => f.rule.message(f.found))
    .join(' ');
}
