/**
 * Job search SQL. Korean substring matching is served by two indexes:
 * - `grams` (GIN over the distinct character bigrams of title + company + 직무내용, and of the 초성 of
 *   title + company): every term of 2+ characters is first narrowed with `grams @> bigrams(term)`,
 *   which works for 2-syllable words that a trigram index cannot serve;
 * - pg_trgm GIN indexes on search_text / title / company_name, which the planner may prefer for 3+.
 * Each candidate is then re-checked with LIKE on the text of the chosen scope, so results are exact.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { addDays } from '../shared/dates.ts';
import {
  expandOccupations,
  expandRegions,
  MAX_RESULTS,
  POSTED_DAYS,
  type Scope,
  type SearchParams,
  type Term,
} from './search-query.ts';

/** Distinct bigrams of a word (whitespace-free, already lowercased). */
export function bigrams(word: string): string[] {
  const chars = [...word];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return [...out];
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const textArray = (values: readonly string[]): SQL =>
  sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

const SCOPE_COLUMN: Record<Exclude<Scope, 'all'>, SQL> = {
  title: sql`p.title`,
  company: sql`p.company_name`,
  content: sql`p.job_cont`,
};

function termCondition(term: Term, scope: Scope): SQL {
  const grams = bigrams(term.text);
  const pattern = `%${escapeLike(term.text)}%`;
  const prefilter = grams.length > 0 ? sql`p.grams @> ${textArray(grams)} AND ` : sql``;
  if (term.kind === 'choseong') return sql`(${prefilter}p.choseong LIKE ${pattern})`;
  if (scope === 'all') return sql`(${prefilter}p.search_text LIKE ${pattern})`;
  return sql`(${prefilter}${SCOPE_COLUMN[scope]} ILIKE ${pattern})`;
}

function excludeCondition(word: string, scope: Scope): SQL {
  const pattern = `%${escapeLike(word)}%`;
  if (scope === 'all') return sql`p.search_text NOT LIKE ${pattern}`;
  return sql`${SCOPE_COLUMN[scope]} NOT ILIKE ${pattern}`;
}

export function whereClause(params: SearchParams, today: string): SQL {
  const conds: SQL[] = [sql`p.status = 'open'`, sql`(p.close_dt IS NULL OR p.close_dt >= ${today}::date)`];
  for (const group of params.keyword) {
    const parts = group.map((t) => termCondition(t, params.scope));
    conds.push(parts.length === 1 ? (parts[0] as SQL) : sql`(${sql.join(parts, sql` OR `)})`);
  }
  for (const word of params.excludeTerms) conds.push(excludeCondition(word, params.scope));
  if (params.regions.length > 0) conds.push(sql`p.region_cd = ANY(${textArray(expandRegions(params.regions))})`);
  if (params.occupations.length > 0) {
    const codes = expandOccupations(params.occupations);
    conds.push(codes.length > 0 ? sql`p.jobs_cd = ANY(${textArray(codes)})` : sql`false`);
  }
  if (params.employmentTypes.length > 0) conds.push(sql`p.emp_tp_cd = ANY(${textArray(params.employmentTypes)})`);
  if (params.wageType) conds.push(sql`p.sal_tp_cd = ${params.wageType}`);
  if (params.minWage !== undefined) conds.push(sql`p.min_sal >= ${params.minWage}`);
  if (params.careers.length > 0) {
    const careers = new Set<string>();
    for (const c of params.careers) {
      careers.add(c);
      if (c === 'N' || c === 'E') careers.add('Z');
    }
    conds.push(sql`p.career = ANY(${textArray([...careers])})`);
  }
  if (params.educations.length > 0) conds.push(sql`p.min_edubg = ANY(${textArray(params.educations)})`);
  if (params.posted) conds.push(sql`p.reg_dt >= ${addDays(today, -POSTED_DAYS[params.posted])}::date`);
  return sql.join(conds, sql` AND `);
}

const ORDER: Record<SearchParams['sort'], SQL> = {
  recent: sql`p.reg_dt DESC, p.id DESC`,
  closing: sql`p.close_dt ASC NULLS LAST, p.id DESC`,
  wage: sql`p.wage_monthly DESC, p.id DESC`,
};

export interface PostingSummary extends Record<string, unknown> {
  id: number;
  wantedAuthNo: string;
  title: string;
  companyName: string;
  regionCd: string;
  jobsCd: string;
  salTpCd: string;
  minSal: number;
  maxSal: number;
  career: string;
  minCareerMonths: number;
  minEdubg: string;
  empTpCd: string;
  holidayTpCd: string;
  regDt: string;
  closeDt: string | null;
  jobCont: string;
}

export interface SearchResult {
  items: PostingSummary[];
  /** Matches counted up to MAX_RESULTS. */
  total: number;
  /** True when there are more than MAX_RESULTS matches. */
  totalCapped: boolean;
  page: number;
  pageSize: number;
  totalPages: number;
}

const SUMMARY_COLUMNS = sql`p.id::int AS "id", p.wanted_auth_no AS "wantedAuthNo", p.title, p.company_name AS "companyName",
  p.region_cd AS "regionCd", p.jobs_cd AS "jobsCd", p.sal_tp_cd AS "salTpCd", p.min_sal AS "minSal", p.max_sal AS "maxSal",
  p.career, p.min_career_months AS "minCareerMonths", p.min_edubg AS "minEdubg", p.emp_tp_cd AS "empTpCd",
  p.holiday_tp_cd AS "holidayTpCd", p.reg_dt::text AS "regDt", p.close_dt::text AS "closeDt", p.job_cont AS "jobCont"`;

export async function searchPostings(database: Database, params: SearchParams, today: string): Promise<SearchResult> {
  const where = whereClause(params, today);
  const offset = (params.page - 1) * params.pageSize;
  const [countRows, items] = await Promise.all([
    database.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM postings p WHERE ${where} LIMIT ${MAX_RESULTS + 1}) s`,
    ),
    database.query<PostingSummary>(
      sql`SELECT ${SUMMARY_COLUMNS} FROM postings p WHERE ${where} ORDER BY ${ORDER[params.sort]} LIMIT ${params.pageSize} OFFSET ${offset}`,
    ),
  ]);
  const counted = countRows[0]?.n ?? 0;
  const total = Math.min(counted, MAX_RESULTS);
  return {
    items,
    total,
    totalCapped: counted > MAX_RESULTS,
    page: params.page,
    pageSize: params.pageSize,
    totalPages: Math.max(1, Math.ceil(total / params.pageSize)),
  };
}

export interface PostingDetail extends PostingSummary {
  busino: string;
  indTpNm: string;
  workHoursPerDay: number;
  workHoursPerWeek: number;
  zipCd: string;
  basicAddr: string;
  detailAddr: string;
  pfCond: string;
  etcWelfare: string;
  selMthd: string;
  rcptMthd: string;
  collectPsncnt: number;
  contactTelno: string;
  contactName: string;
  status: string;
  updatedAt: string;
}

export async function findPosting(database: Database, wantedAuthNo: string): Promise<PostingDetail | undefined> {
  const rows = await database.query<PostingDetail>(
    sql`SELECT ${SUMMARY_COLUMNS}, p.busino, p.ind_tp_nm AS "indTpNm",
      p.work_hours_per_day::float8 AS "workHoursPerDay", p.work_hours_per_week::float8 AS "workHoursPerWeek",
      p.zip_cd AS "zipCd", p.basic_addr AS "basicAddr", p.detail_addr AS "detailAddr", p.pf_cond AS "pfCond",
      p.etc_welfare AS "etcWelfare", p.sel_mthd AS "selMthd", p.rcpt_mthd AS "rcptMthd",
      p.collect_psncnt AS "collectPsncnt", p.contact_telno AS "contactTelno", p.contact_name AS "contactName",
      p.status, p.updated_at::text AS "updatedAt"
      FROM postings p WHERE p.wanted_auth_no = ${wantedAuthNo}`,
  );
  return rows[0];
}

export interface JobStats {
  open: number;
  postedToday: number;
  bySido: Record<string, number>;
  byOccupation: Record<string, number>;
}

/** Counts for the home page (open postings by 시도 prefix and by KECO level 1). */
export async function jobStats(database: Database, today: string): Promise<JobStats> {
  const open = sql`p.status = 'open' AND (p.close_dt IS NULL OR p.close_dt >= ${today}::date)`;
  const [totals, sido, occ] = await Promise.all([
    database.query<{ open: number; today: number }>(
      sql`SELECT count(*)::int AS open, count(*) FILTER (WHERE p.reg_dt = ${today}::date)::int AS today FROM postings p WHERE ${open}`,
    ),
    database.query<{ k: string; n: number }>(
      sql`SELECT left(p.region_cd, 2) AS k, count(*)::int AS n FROM postings p WHERE ${open} GROUP BY 1`,
    ),
    database.query<{ k: string; n: number }>(
      sql`SELECT left(p.jobs_cd, 1) AS k, count(*)::int AS n FROM postings p WHERE ${open} GROUP BY 1`,
    ),
  ]);
  return {
    open: totals[0]?.open ?? 0,
    postedToday: totals[0]?.today ?? 0,
    bySido: Object.fromEntries(sido.map((r) => [r.k, r.n])),
    byOccupation: Object.fromEntries(occ.map((r) => [r.k, r.n])),
  };
}
