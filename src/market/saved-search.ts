/**
 * A 저장한 검색 as people read it: its conditions in words ("물류 · 서울 · 운송 관련직"), from the
 * search's query string through the code tables — never the query string itself. Pure.
 */
import { CAREERS, EDUCATIONS, EMPLOYMENT_TYPES, labelOf, WAGE_TYPES } from '../jobs/codes.ts';
import {
  normaliseText,
  POSTED_LABELS,
  POSTED_WITHIN,
  readRawQuery,
  SCOPE_LABELS,
  SCOPES,
} from '../jobs/search-query.ts';
import { occupationLabel } from '../reference/occupations.ts';
import { regionName } from '../reference/regions.ts';
import { formatNumber } from '../shared/korean.ts';

/** 경력 N 신입, E 경력, and Z 관계없음 said as '경력 관계없음' (alone it would not say of what). */
const careerWord = (c: string) =>
  CAREERS.some((e) => e.code === c) ? (c === 'Z' ? '경력 관계없음' : labelOf(CAREERS, c)) : '';
const unique = (xs: readonly string[]) => [...new Set(xs)];
const known = (xs: readonly string[], name: (x: string) => string) =>
  unique(xs)
    .map(name)
    .filter((n) => n !== '');

/** The conditions of a /jobs query, in the order of the search form; each one's codes named. */
export function searchConditions(query: string): string[] {
  const raw = readRawQuery(Object.fromEntries(groupParams(new URLSearchParams(query))));
  const parts: string[] = [];
  const q = normaliseText(raw.q);
  if (q) {
    const scope = (SCOPES as readonly string[]).includes(raw.scope) && raw.scope !== 'all' ? raw.scope : null;
    parts.push(scope ? `${q} (${SCOPE_LABELS[scope as keyof typeof SCOPE_LABELS]}에서)` : q);
  }
  const exclude = normaliseText(raw.exclude);
  if (exclude) parts.push(`제외: ${exclude}`);
  const regions = known(raw.region, regionName);
  if (regions.length) parts.push(regions.join(', '));
  const occupations = known(raw.occupation, occupationLabel);
  if (occupations.length) parts.push(occupations.join(', '));
  const employment = known(raw.empTp, (c) =>
    EMPLOYMENT_TYPES.some((e) => e.code === c) ? labelOf(EMPLOYMENT_TYPES, c) : '',
  );
  if (employment.length) parts.push(employment.join(', '));
  if (WAGE_TYPES.some((w) => w.code === raw.salTp)) {
    const wage = Number(raw.minWage.replace(/[,\s원]/g, ''));
    parts.push(
      Number.isSafeInteger(wage) && wage > 0
        ? `${labelOf(WAGE_TYPES, raw.salTp)} ${formatNumber(wage)}원 이상`
        : labelOf(WAGE_TYPES, raw.salTp),
    );
  }
  const careers = known(raw.career, careerWord);
  if (careers.length) parts.push(careers.join(', '));
  const educations = known(raw.edu, (c) => (EDUCATIONS.some((e) => e.code === c) ? labelOf(EDUCATIONS, c) : ''));
  if (educations.length) parts.push(`학력 ${educations.join(', ')}`);
  if ((POSTED_WITHIN as readonly string[]).includes(raw.posted))
    parts.push(`등록 ${POSTED_LABELS[raw.posted as keyof typeof POSTED_LABELS]}`);
  return parts;
}

/** '물류 · 서울', or '전체 채용공고' for a search without conditions. */
export function describeSearch(query: string): string {
  const parts = searchConditions(query);
  return parts.length > 0 ? parts.join(' · ') : '전체 채용공고';
}

/** A saved search's name for its list and alerts: the name given, else its conditions (≤ 40 characters). */
export function savedSearchName(given: string, query: string): string {
  const name = given.trim() || describeSearch(query);
  const chars = [...name];
  return chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : name;
}

/** Repeated keys (region=11000&region=26000) as arrays, as the search reads them. */
function groupParams(params: URLSearchParams): [string, string | string[]][] {
  const grouped = new Map<string, string[]>();
  for (const [k, v] of params) grouped.set(k, [...(grouped.get(k) ?? []), v]);
  return [...grouped].map(([k, vs]) => [k, vs.length === 1 ? (vs[0] ?? '') : vs]);
}
