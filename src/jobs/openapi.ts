/**
 * OpenAPI 3.1 description of the public job-search API. The parameter list is the single source for
 * both this document and the /api/docs page; a test checks it covers every parameter the parser reads.
 */
import { CAREERS, EDUCATIONS, EMPLOYMENT_TYPES, WAGE_TYPES } from './codes.ts';
import { PAGE_SIZES, POSTED_WITHIN, SCOPES, SORTS } from './search-query.ts';

export interface ApiParameter {
  name: string;
  description: string;
  schema: Record<string, unknown>;
  repeatable?: boolean;
  example?: string;
}

const codes = (table: readonly { code: string; label: string }[]) =>
  table.map((e) => `${e.code}=${e.label}`).join(', ');

export const SEARCH_PARAMETERS: ApiParameter[] = [
  {
    name: 'q',
    description:
      '검색어. 공백은 AND, `|`는 OR (예: `자바|파이썬 서울`). 두 글자 이상 단어는 부분 일치(개발 → 개발자), 초성만 입력하면 초성 검색(ㄱㅂㅈ → 개발자). 200자까지.',
    schema: { type: 'string', maxLength: 10000 },
    example: '물류 상하차',
  },
  {
    name: 'scope',
    description: '검색 범위: all=전체, title=제목, company=회사명, content=직무내용',
    schema: { type: 'string', enum: [...SCOPES], default: 'all' },
  },
  { name: 'exclude', description: '제외검색어 (공백으로 여러 개)', schema: { type: 'string' }, example: '야간' },
  {
    name: 'region',
    description: '지역: 5자리 행정구역 코드 (시도 예: 11000 서울, 또는 시군구 예: 11680 강남구). 여러 개 가능',
    schema: { type: 'string', pattern: '^\\d{5}$' },
    repeatable: true,
    example: '11680',
  },
  {
    name: 'occupation',
    description: '직종: 한국고용직업분류(KECO 2018) 코드, 대(1자리)·중(2자리)·소(3자리)분류. 여러 개 가능',
    schema: { type: 'string', pattern: '^\\d{1,3}$' },
    repeatable: true,
    example: '13',
  },
  {
    name: 'empTp',
    description: `고용형태: ${codes(EMPLOYMENT_TYPES)}`,
    schema: { type: 'string', enum: EMPLOYMENT_TYPES.map((e) => e.code) },
    repeatable: true,
  },
  {
    name: 'salTp',
    description: `임금형태: ${codes(WAGE_TYPES)}`,
    schema: { type: 'string', enum: WAGE_TYPES.map((e) => e.code) },
  },
  {
    name: 'minWage',
    description: '최소 임금(원). 임금형태(salTp)와 함께 씁니다. 최저 제시 임금이 이 값 이상인 공고',
    schema: { type: 'integer', minimum: 0 },
  },
  {
    name: 'career',
    description: `경력: ${codes(CAREERS)} (신입·경력 선택 시 관계없음 포함)`,
    schema: { type: 'string', enum: CAREERS.map((e) => e.code) },
    repeatable: true,
  },
  {
    name: 'edu',
    description: `최소학력: ${codes(EDUCATIONS)}`,
    schema: { type: 'string', enum: EDUCATIONS.map((e) => e.code) },
    repeatable: true,
  },
  {
    name: 'posted',
    description: '등록일: today=오늘, 3d=3일, 1w=1주, 2w=2주, 1m=1개월 이내',
    schema: { type: 'string', enum: [...POSTED_WITHIN] },
  },
  {
    name: 'sort',
    description:
      '정렬: relevance=정확도순 (검색어가 있을 때 기본값: 제목 > 직종명 > 회사명 > 직무내용, 온전한 단어 > 단어의 일부, 같으면 최신순; 결과가 많으면 최근 200건 안에서 정렬하고 그 뒤는 최신순), recent=최신순 (검색어가 없을 때 기본값), closing=마감임박순, wage=임금높은순',
    schema: { type: 'string', enum: [...SORTS] },
  },
  {
    name: 'page',
    description: '페이지 (1부터). 결과는 10,000건까지 볼 수 있습니다.',
    schema: { type: 'integer', minimum: 1, default: 1 },
  },
  { name: 'size', description: '페이지당 건수', schema: { type: 'integer', enum: [...PAGE_SIZES], default: 20 } },
  {
    name: 'syn',
    description: '`off`: 입력한 검색어로만 찾기 (기본은 비슷한 말도 함께 찾음, 예: 경리 → 회계; notices에 안내)',
    schema: { type: 'string', enum: ['off'] },
  },
];

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['status', 'code', 'message'],
      properties: {
        status: { type: 'integer' },
        code: { type: 'string', examples: ['INVALID_PARAMETER', 'NOT_FOUND'] },
        message: { type: 'string', description: '사용자에게 보여 줄 한국어 설명' },
        fields: { type: 'object', additionalProperties: { type: 'string' }, description: '매개변수별 오류' },
        requestId: { type: 'string' },
      },
    },
  },
};

const summaryProperties = {
  wantedAuthNo: { type: 'string', description: '구인인증번호' },
  company: { type: 'string', description: '회사명' },
  title: { type: 'string', description: '채용제목' },
  salTpCd: { type: 'string', description: '임금형태 코드 (H/D/M/Y)' },
  salTpNm: { type: 'string', description: '임금형태' },
  sal: { type: 'string', description: '급여 (표시용)' },
  minSal: { type: 'integer', description: '최소임금(원)' },
  maxSal: { type: 'integer', description: '최대임금(원)' },
  regionCd: { type: 'string', description: '근무지역 코드 (5자리)' },
  region: { type: 'string', description: '근무지역' },
  jobsCd: { type: 'string', description: '직종 코드 (KECO 2018 소분류)' },
  jobsNm: { type: 'string', description: '직종' },
  holidayTpNm: { type: 'string', description: '근무형태' },
  minEdubg: { type: 'string', description: '최소학력 코드' },
  minEdubgNm: { type: 'string', description: '최소학력' },
  career: { type: 'string', description: '경력 코드 (N/E/Z)' },
  careerNm: { type: 'string', description: '경력' },
  empTpCd: { type: 'string', description: '고용형태 코드' },
  empTpNm: { type: 'string', description: '고용형태' },
  regDt: { type: 'string', format: 'date', description: '등록일' },
  closeDt: { type: 'string', description: '마감일 (YYYY-MM-DD) 또는 채용시까지' },
  wantedInfoUrl: { type: 'string', description: '채용정보 상세 주소' },
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const searchPath = {
  get: {
    operationId: 'searchPostings',
    summary: '채용정보 검색',
    parameters: SEARCH_PARAMETERS.map((p) => ({
      name: p.name,
      in: 'query',
      description: p.description,
      required: false,
      schema: p.repeatable ? { type: 'array', items: p.schema } : p.schema,
      ...(p.repeatable ? { style: 'form', explode: true } : {}),
      ...(p.example ? { example: p.example } : {}),
    })),
    responses: {
      '200': {
        description: '검색 결과',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: {
                total: { type: 'integer', description: '결과 수 (10,000건까지 셈)' },
                totalCapped: { type: 'boolean', description: '10,000건을 넘으면 true' },
                page: { type: 'integer' },
                pageSize: { type: 'integer' },
                totalPages: { type: 'integer' },
                notices: { type: 'array', items: { type: 'string' }, description: '검색어 해석 안내' },
                items: { type: 'array', items: { $ref: '#/components/schemas/PostingSummary' } },
              },
            },
          },
        },
      },
      '400': errorResponse('잘못된 매개변수'),
    },
  },
};

const suggestPath = {
  get: {
    operationId: 'suggestPostings',
    summary: '검색어 추천 (입력하는 동안)',
    description:
      '입력 중인 검색어로 시작하는 직종명(한국고용직업분류), 공고 제목에 많이 쓰인 말, 공고 제목, 회사명을 자모 단위로 찾습니다 (‘요야’ → ‘요양보호사’). 최대 10개.',
    parameters: [
      {
        name: 'q',
        in: 'query',
        required: false,
        schema: { type: 'string', maxLength: 40 },
        description: '입력 중인 검색어 (40자까지 사용)',
        example: '요양',
      },
    ],
    responses: {
      '200': {
        description: '추천 검색어',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: {
                q: { type: 'string' },
                items: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      kind: { type: 'string', enum: ['occupation', 'word', 'title', 'company'] },
                      label: { type: 'string', description: '직종, 검색어, 공고 제목, 회사' },
                      text: { type: 'string', description: '검색창에 넣을 말' },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

const detailPath = {
  get: {
    operationId: 'getPosting',
    summary: '채용정보 상세',
    parameters: [
      {
        name: 'wantedAuthNo',
        in: 'path',
        required: true,
        schema: { type: 'string' },
        description: '구인인증번호',
      },
    ],
    responses: {
      '200': {
        description: '채용정보',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/PostingDetail' } } },
      },
      '400': errorResponse('잘못된 구인인증번호'),
      '404': errorResponse('없는 채용공고'),
    },
  },
};

const detailProperties = {
  busino: { type: 'string', description: '사업자등록번호' },
  indTpNm: { type: 'string', description: '업종' },
  jobCont: { type: 'string', description: '직무내용' },
  pfCond: { type: 'string', description: '우대사항' },
  etcWelfare: { type: 'string', description: '복리후생' },
  selMthd: { type: 'string', description: '전형방법' },
  rcptMthd: { type: 'string', description: '접수방법' },
  collectPsncnt: { type: 'integer', description: '모집인원' },
  zipCd: { type: 'string', description: '우편번호' },
  basicAddr: { type: 'string', description: '기본주소' },
  detailAddr: { type: 'string', description: '상세주소' },
  workHoursPerDay: { type: 'number', description: '1일 소정근로시간' },
  workHoursPerWeek: { type: 'number', description: '주 소정근로시간' },
  contactTelno: { type: 'string', description: '연락처' },
  contactName: { type: 'string', description: '담당자' },
};

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: '일터 채용정보 API',
      version: '1.0.0',
      description: '일터(공공 고용서비스)의 채용정보 검색 API. 필드 이름은 워크넷 오픈API를 따릅니다.',
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/v1/postings': searchPath,
      '/api/v1/postings/suggest': suggestPath,
      '/api/v1/postings/{wantedAuthNo}': detailPath,
    },
    components: {
      schemas: {
        Error: errorSchema,
        PostingSummary: { type: 'object', properties: summaryProperties },
        PostingDetail: {
          allOf: [{ $ref: '#/components/schemas/PostingSummary' }, { type: 'object', properties: detailProperties }],
        },
      },
    },
  };
}
