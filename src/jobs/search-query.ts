/**
 * The job-search query language, shared by the HTML pages and the JSON API.
 *
 * - Keyword: words separated by spaces must all match (AND); `a|b` matches either (OR).
 *   `자바|파이썬 서울` = (자바 OR 파이썬) AND 서울. Every word of 2+ characters is a substring match
 *   (개발 matches 개발자). A word made only of 초성 (ㄱㅂㅈ) matches titles and company names by 초성.
 * - 비슷한 말: a typed word of the synonym table (src/reference/synonyms.ts) also finds its synonyms
 *   (경리 → 회계), said in a notice; `syn=off` searches the typed words only.
 * - 제외검색어: any of these words excludes a posting.
 * - Filters: 지역 (시도 or 시군구, multi), 직종 (KECO level 1/2/3, multi), 고용형태, 임금형태 + 최소임금,
 *   경력, 학력, 등록일, and sort/page.
 *
 * parseSearchParams never throws on user input: it returns either params or Korean messages per field.
 */
import { canBeChoseong } from 'es-hangul';
import { z } from 'zod';
import { OCCUPATIONS } from '../reference/occupations.ts';
import { isRegionCode } from '../reference/regions.ts';
import { CAREERS, EDUCATIONS, EMPLOYMENT_TYPES, WAGE_TYPES, type WageType } from './codes.ts';
import type { KeywordExpr, Term } from './keyword.ts';
import { type Related, relatedNotices, withRelated } from './related-words.ts';

export const SCOPES = ['all', 'title', 'company', 'content'] as const;
export type Scope = (typeof SCOPES)[number];
export const SCOPE_LABELS: Record<Scope, string> = {
  all: '전체',
  title: '제목',
  company: '회사명',
  content: '직무내용',
};

export const POSTED_WITHIN = ['today', '3d', '1w', '2w', '1m'] as const;
export type PostedWithin = (typeof POSTED_WITHIN)[number];
export const POSTED_LABELS: Record<PostedWithin, string> = {
  today: '오늘',
  '3d': '3일 이내',
  '1w': '1주 이내',
  '2w': '2주 이내',
  '1m': '1개월 이내',
};
export const POSTED_DAYS: Record<PostedWithin, number> = { today: 0, '3d': 2, '1w': 6, '2w': 13, '1m': 30 };

export const SORTS = ['relevance', 'recent', 'closing', 'wage'] as const;
export type Sort = (typeof SORTS)[number];
export const SORT_LABELS: Record<Sort, string> = {
  relevance: '정확도순',
  recent: '최신순',
  closing: '마감임박순',
  wage: '임금높은순',
};

export const PAGE_SIZES = [10, 20, 50] as const;
/** Results are counted up to this many; deeper pages are not offered. */
export const MAX_RESULTS = 10_000;
export const MAX_QUERY_CHARS = 200;
export const MAX_TERMS = 10;

export type { KeywordExpr, Term } from './keyword.ts';

export interface SearchParams {
  q: string;
  scope: Scope;
  exclude: string;
  keyword: KeywordExpr;
  excludeTerms: string[];
  regions: string[];
  occupations: string[];
  employmentTypes: string[];
  wageType: WageType | undefined;
  minWage: number | undefined;
  careers: string[];
  educations: string[];
  posted: PostedWithin | undefined;
  sort: Sort;
  page: number;
  pageSize: number;
  /** Things the user should know about how the query was read (ignored words, truncation, synonyms). */
  notices: string[];
  /** The keyword's words whose synonyms or KECO occupations were searched too, with them. */
  synonyms: Related[];
  /** Whether synonyms are searched (`syn=off` turns them off). */
  synonymsOn: boolean;
}

export type FieldErrors = Record<string, string>;

export type ParseResult =
  | { ok: true; params: SearchParams; raw: RawQuery }
  | { ok: false; errors: FieldErrors; raw: RawQuery };

/** The raw query, kept to re-fill the form after an error (never lose what the user typed). */
export interface RawQuery {
  q: string;
  scope: string;
  exclude: string;
  region: string[];
  occupation: string[];
  empTp: string[];
  salTp: string;
  minWage: string;
  career: string[];
  edu: string[];
  posted: string;
  sort: string;
  page: string;
  size: string;
  /** 'off': the keyword's words only, without their synonyms. */
  syn: string;
}

const JAMO_CONSONANT = /^[\u3131-\u314e]+$/;
const CONTROL = /\p{Cc}/gu;

function list(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0)
    .slice(0, 300);
}

function one(value: unknown): string {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v === null ? '' : String(v);
}

export function readRawQuery(query: Record<string, unknown>): RawQuery {
  return {
    q: one(query.q),
    scope: one(query.scope),
    exclude: one(query.exclude),
    region: list(query.region),
    occupation: list(query.occupation),
    empTp: list(query.empTp),
    salTp: one(query.salTp),
    minWage: one(query.minWage),
    career: list(query.career),
    edu: list(query.edu),
    posted: one(query.posted),
    sort: one(query.sort),
    page: one(query.page),
    size: one(query.size),
    syn: one(query.syn) === 'off' ? 'off' : '',
  };
}

/** NFC-normalises, strips control characters and collapses whitespace. */
export function normaliseText(input: string): string {
  return input.normalize('NFC').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

export function classifyTerm(word: string): Term {
  if (JAMO_CONSONANT.test(word) && [...word].every((c) => canBeChoseong(c))) return { kind: 'choseong', text: word };
  return { kind: 'text', text: word.toLowerCase() };
}

/** Parses the keyword expression. Pure; never throws. */
export function parseKeyword(input: string): { expr: KeywordExpr; notices: string[] } {
  const notices: string[] = [];
  let text = normaliseText(input);
  if (text.length > MAX_QUERY_CHARS) {
    text = text.slice(0, MAX_QUERY_CHARS);
    notices.push(`검색어가 너무 길어 앞의 ${MAX_QUERY_CHARS}자만 사용했습니다.`);
  }
  text = text.replace(/\s*\|\s*/g, '|');
  const ignored = new Set<string>();
  const expr: KeywordExpr = [];
  let termCount = 0;
  let truncated = false;
  for (const group of text.split(' ')) {
    const terms: Term[] = [];
    for (const word of group.split('|')) {
      if (word.length === 0) continue;
      if ([...word].length < 2) {
        ignored.add(word);
        continue;
      }
      if (termCount >= MAX_TERMS) {
        truncated = true;
        continue;
      }
      const term = classifyTerm(word);
      if (!terms.some((t) => t.kind === term.kind && t.text === term.text)) {
        terms.push(term);
        termCount++;
      }
    }
    if (terms.length > 0) expr.push(terms);
  }
  if (ignored.size > 0) {
    notices.push(
      `한 글자 검색어는 사용하지 않았습니다: ${[...ignored].slice(0, 5).join(', ')} (두 글자 이상 입력하세요)`,
    );
  }
  if (truncated) notices.push(`검색어는 ${MAX_TERMS}개까지 사용합니다. 나머지는 사용하지 않았습니다.`);
  return { expr, notices };
}

export function parseExclude(input: string): string[] {
  const words = normaliseText(input)
    .split(/[\s|,]+/)
    .filter((w) => [...w].length >= 1 && w.length <= 50)
    .map((w) => w.toLowerCase());
  return [...new Set(words)].slice(0, MAX_TERMS);
}

const OCCUPATION_CODES = new Set(OCCUPATIONS.map((o) => o.code));
const codeSet = (table: readonly { code: string }[]) => new Set(table.map((e) => e.code));
const EMP_CODES = codeSet(EMPLOYMENT_TYPES);
const CAREER_CODES = codeSet(CAREERS);
const EDU_CODES = codeSet(EDUCATIONS);
const WAGE_CODES = codeSet(WAGE_TYPES);

function invalidCodes(values: string[], valid: Set<string> | ((v: string) => boolean)): string[] {
  const ok = typeof valid === 'function' ? valid : (v: string) => valid.has(v);
  return values.filter((v) => !ok(v));
}

function quoteList(values: string[]): string {
  return values
    .slice(0, 3)
    .map((v) => `'${v.slice(0, 20)}'`)
    .join(', ');
}

const intSchema = z.string().regex(/^\d{1,9}$/);

/** The code filters (지역, 직종, 고용형태, 경력, 학력): each unknown code is an error on its field. */
function checkCodes(raw: RawQuery, errors: FieldErrors): void {
  const badRegions = invalidCodes(raw.region, isRegionCode);
  if (badRegions.length) errors.region = `지역 코드 ${quoteList(badRegions)}가 올바르지 않습니다.`;
  const badOcc = invalidCodes(raw.occupation, OCCUPATION_CODES);
  if (badOcc.length) errors.occupation = `직종 코드 ${quoteList(badOcc)}가 올바르지 않습니다.`;
  const badEmp = invalidCodes(raw.empTp, EMP_CODES);
  if (badEmp.length) errors.empTp = `고용형태 코드 ${quoteList(badEmp)}가 올바르지 않습니다.`;
  const badCareer = invalidCodes(raw.career, CAREER_CODES);
  if (badCareer.length) errors.career = `경력 코드 ${quoteList(badCareer)}가 올바르지 않습니다.`;
  const badEdu = invalidCodes(raw.edu, EDU_CODES);
  if (badEdu.length) errors.edu = `학력 코드 ${quoteList(badEdu)}가 올바르지 않습니다.`;
}

function parseWage(
  raw: RawQuery,
  errors: FieldErrors,
): { wageType: WageType | undefined; minWage: number | undefined } {
  let wageType: WageType | undefined;
  if (raw.salTp !== '') {
    if (WAGE_CODES.has(raw.salTp)) wageType = raw.salTp as WageType;
    else errors.salTp = '임금형태는 시급(H), 일급(D), 월급(M), 연봉(Y) 중 하나여야 합니다.';
  }
  let minWage: number | undefined;
  const minWageText = raw.minWage.replace(/[,\s원]/g, '');
  if (minWageText !== '') {
    if (!intSchema.safeParse(minWageText).success)
      errors.minWage = '최소 임금은 원 단위 숫자로 입력하세요. (예: 2500000)';
    else if (!wageType) errors.minWage = '최소 임금을 쓰려면 임금형태를 함께 고르세요.';
    else minWage = Number(minWageText);
  }

  return { wageType, minWage };
}

function parsePaging(raw: RawQuery, errors: FieldErrors): { page: number; pageSize: number } {
  let pageSize = 20;
  if (raw.size !== '') {
    const n = Number(raw.size);
    if ((PAGE_SIZES as readonly number[]).includes(n)) pageSize = n;
    else errors.size = '한 페이지에 10, 20, 50건 중 하나를 고르세요.';
  }
  let page = 1;
  if (raw.page !== '') {
    if (!intSchema.safeParse(raw.page).success || Number(raw.page) < 1)
      errors.page = '페이지는 1 이상의 숫자여야 합니다.';
    else page = Number(raw.page);
  }
  const maxPage = Math.ceil(MAX_RESULTS / pageSize);
  if (!errors.page && page > maxPage) errors.page = `페이지는 ${maxPage}까지만 볼 수 있습니다. 조건을 좁혀 검색하세요.`;

  return { page, pageSize };
}

export function parseSearchParams(query: Record<string, unknown>): ParseResult {
  const raw = readRawQuery(query);
  const errors: FieldErrors = {};

  const scope = raw.scope === '' ? 'all' : raw.scope;
  if (!(SCOPES as readonly string[]).includes(scope))
    errors.scope = '검색 범위는 전체, 제목, 회사명, 직무내용 중 하나여야 합니다.';

  checkCodes(raw, errors);
  const { wageType, minWage } = parseWage(raw, errors);
  let posted: PostedWithin | undefined;
  if (raw.posted !== '') {
    if ((POSTED_WITHIN as readonly string[]).includes(raw.posted)) posted = raw.posted as PostedWithin;
    else errors.posted = '등록일은 오늘, 3일, 1주, 2주, 1개월 중 하나여야 합니다.';
  }
  // 정확도순 is the default when there is a keyword (an empty keyword ranks every posting alike).
  const sort = raw.sort === '' ? (normaliseText(raw.q) === '' ? 'recent' : 'relevance') : raw.sort;
  if (!(SORTS as readonly string[]).includes(sort))
    errors.sort = '정렬은 정확도순, 최신순, 마감임박순, 임금높은순 중 하나여야 합니다.';

  const { page, pageSize } = parsePaging(raw, errors);

  if (Object.keys(errors).length > 0) return { ok: false, errors, raw };

  const parsed = parseKeyword(raw.q);
  const synonymsOn = raw.syn !== 'off';
  const { expr, added } = synonymsOn ? withRelated(parsed.expr) : { expr: parsed.expr, added: [] };
  const notices = [...parsed.notices, ...relatedNotices(added)];
  return {
    ok: true,
    raw,
    params: {
      q: raw.q,
      scope: scope as Scope,
      exclude: raw.exclude,
      keyword: expr,
      excludeTerms: parseExclude(raw.exclude),
      regions: [...new Set(raw.region)],
      occupations: [...new Set(raw.occupation)],
      employmentTypes: [...new Set(raw.empTp)],
      wageType,
      minWage,
      careers: [...new Set(raw.career)],
      educations: [...new Set(raw.edu)],
      posted,
      sort: sort as Sort,
      page,
      pageSize,
      notices,
      synonyms: added,
      synonymsOn,
    },
  };
}

/** Query-string form of params, for links (pagination, sort) and bookmarks. */
export function toQueryString(
  raw: Partial<RawQuery>,
  overrides: Partial<Record<keyof RawQuery, string | string[]>> = {},
): string {
  const merged: Record<string, string | string[] | undefined> = { ...raw, ...overrides };
  const defaultSort = normaliseText(String(merged.q ?? '')) === '' ? 'recent' : 'relevance';
  const usp = new URLSearchParams();
  const order: (keyof RawQuery)[] = [
    'q',
    'scope',
    'exclude',
    'region',
    'occupation',
    'empTp',
    'salTp',
    'minWage',
    'career',
    'edu',
    'posted',
    'sort',
    'size',
    'syn',
    'page',
  ];
  for (const key of order) {
    const value = merged[key];
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const v of values)
      if (
        v !== '' &&
        !(key === 'scope' && v === 'all') &&
        !(key === 'sort' && v === defaultSort) &&
        !(key === 'page' && v === '1')
      )
        usp.append(key, v);
  }
  const s = usp.toString();
  return s ? `?${s}` : '';
}
