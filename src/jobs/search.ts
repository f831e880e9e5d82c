/**
 * Job search SQL over open postings (status = 'open'; src/jobs/closer.ts closes expired ones).
 *
 * One GIN index (postings_open_keys_idx) over `keys` answers most of a query by itself: `keys` holds
 * the distinct character bigrams of title + company + 직무내용 (and of the 초성 of title + company) and
 * the posting's facet keys (r:시군구, r:시도, o:KECO 1/2/3, e:고용형태, s:임금형태, c:경력, d:학력).
 * - A 2-character word is matched exactly by its bigram: no table row is read to decide it.
 * - A longer word (or a 초성 word, or a word in a narrower scope) is narrowed by all its bigrams and then
 *   re-checked with LIKE on the row, so results are exact.
 * - Filters are facet keys: `keys @> {…}` for what every match must have, `keys && {…}` for a choice.
 * Conditions the index cannot answer (LIKE re-checks, 제외어, 최소임금, 등록일) are the "row" part.
 *
 * Plan choice: the index-only part is counted up to WALK_THRESHOLD first. Many candidates → walk
 * the sort order's partial index and stop after one page; few → fetch them all and sort. The planner's
 * own estimates for LIKE and array containment are too rough to leave this to it.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { addDays } from '../shared/dates.ts';
import { MAX_RESULTS, POSTED_DAYS, type Scope, type SearchParams, type Term } from './search-query.ts';

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

/** A search split into what the keys index answers and what must be checked on the row. */
export interface SearchPlan {
  /** Keys every match has (one `keys @>`). */
  allKeys: string[];
  /** Further index conditions: `keys && {…}` choices and OR groups of `keys @> {…}`. */
  indexConds: SQL[];
  /** Conditions checked on the row. */
  rowConds: SQL[];
}

/** The row check of one word, or undefined when its bigram alone decides it (2 characters, all fields). */
function termRowCheck(term: Term, scope: Scope): SQL | undefined {
  const pattern = `%${escapeLike(term.text)}%`;
  if (term.kind === 'choseong') return sql`p.choseong LIKE ${pattern}`;
  if (scope !== 'all') return sql`${SCOPE_COLUMN[scope]} ILIKE ${pattern}`;
  if ([...term.text].length === 2) return undefined;
  return sql`p.search_text LIKE ${pattern}`;
}

function choice(prefix: string, values: readonly string[], plan: SearchPlan): void {
  const keys = [...new Set(values)].map((v) => `${prefix}:${v}`);
  if (keys.length === 1) plan.allKeys.push(keys[0] as string);
  else if (keys.length > 1) plan.indexConds.push(sql`p.keys && ${textArray(keys)}`);
}

export function planSearch(params: SearchParams, today: string): SearchPlan {
  const plan: SearchPlan = { allKeys: [], indexConds: [], rowConds: [] };
  for (const group of params.keyword) {
    const checks = group.map((t) => termRowCheck(t, params.scope));
    const grams = group.map((t) => bigrams(t.text));
    if (group.length === 1) {
      plan.allKeys.push(...(grams[0] ?? []));
      if (checks[0]) plan.rowConds.push(checks[0]);
      continue;
    }
    // (a OR b): the index narrows to rows having all bigrams of a or all of b; the row check is exact.
    if (grams.every((g) => g.length > 0))
      plan.indexConds.push(
        sql`(${sql.join(
          grams.map((g) => sql`p.keys @> ${textArray(g)}`),
          sql` OR `,
        )})`,
      );
    if (checks.some((c) => c !== undefined) || grams.some((g) => g.length === 0)) {
      const exact = group.map((t, i) => checks[i] ?? sql`p.search_text LIKE ${`%${escapeLike(t.text)}%`}`);
      plan.rowConds.push(sql`(${sql.join(exact, sql` OR `)})`);
    }
  }
  for (const word of params.excludeTerms) {
    const pattern = `%${escapeLike(word)}%`;
    plan.rowConds.push(
      params.scope === 'all'
        ? sql`p.search_text NOT LIKE ${pattern}`
        : sql`${SCOPE_COLUMN[params.scope]} NOT ILIKE ${pattern}`,
    );
  }
  choice('r', params.regions, plan);
  choice('o', params.occupations, plan); // parseSearchParams accepts known KECO codes only
  choice('e', params.employmentTypes, plan);
  if (params.wageType) plan.allKeys.push(`s:${params.wageType}`);
  const careers = new Set<string>();
  for (const c of params.careers) {
    careers.add(c);
    if (c === 'N' || c === 'E') careers.add('Z');
  }
  choice('c', [...careers], plan);
  choice('d', params.educations, plan);
  if (params.minWage !== undefined) plan.rowConds.push(sql`p.min_sal >= ${params.minWage}`);
  if (params.posted) plan.rowConds.push(sql`p.reg_dt >= ${addDays(today, -POSTED_DAYS[params.posted])}::date`);
  plan.allKeys = [...new Set(plan.allKeys)];
  return plan;
}

function indexWhere(plan: SearchPlan): SQL {
  const conds = [sql`p.status = 'open'`];
  if (plan.allKeys.length > 0) conds.push(sql`p.keys @> ${textArray(plan.allKeys)}`);
  conds.push(...plan.indexConds);
  return sql.join(conds, sql` AND `);
}

function fullWhere(plan: SearchPlan): SQL {
  return sql.join([indexWhere(plan), ...plan.rowConds], sql` AND `);
}

/** Whether the plan uses the keys index at all (else every open posting is a candidate). */
const usesIndex = (plan: SearchPlan) => plan.allKeys.length > 0 || plan.indexConds.length > 0;

/** Written exactly as the partial indexes are declared (NULLS LAST), so the planner can walk them. */
const ORDER: Record<SearchParams['sort'], SQL> = {
  recent: sql`p.reg_dt DESC NULLS LAST, p.id DESC NULLS LAST`,
  closing: sql`p.close_dt ASC NULLS LAST, p.id DESC NULLS LAST`,
  wage: sql`p.wage_monthly DESC NULLS LAST, p.id DESC NULLS LAST`,
};

/**
 * Candidates above which the page is read by walking the sort index (rows come in order, the walk
 * stops after one page) rather than fetching every candidate and sorting.
 */
const WALK_THRESHOLD = 2_000;
const SERIAL = { max_parallel_workers_per_gather: '0', enable_seqscan: 'off' } as const;
const WALK_SETTINGS = { ...SERIAL, enable_bitmapscan: 'off', enable_sort: 'off' } as const;
const FETCH_SETTINGS = { ...SERIAL, enable_indexscan: 'off' } as const;
/** Enough memory that a bitmap of ~100k candidates stays exact (a lossy one re-checks whole pages). */
const COUNT_SETTINGS = { max_parallel_workers_per_gather: '0', work_mem: '32MB' } as const;

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

async function countUpTo(database: Database, where: SQL, limit: number): Promise<number> {
  const rows = await database.readWithSettings<{ n: number }>(
    COUNT_SETTINGS,
    sql`SELECT count(*)::int AS n FROM (SELECT FROM postings p WHERE ${where} LIMIT ${limit}) s`,
  );
  return rows[0]?.n ?? 0;
}

export async function searchPostings(database: Database, params: SearchParams, today: string): Promise<SearchResult> {
  const plan = planSearch(params, today);
  const offset = (params.page - 1) * params.pageSize;
  // A cheap probe of the index alone picks the page plan; the count and the page then run together.
  const indexed = usesIndex(plan);
  // Wage order is correlated with what people search (조리 pays less than 개발): walking the wage
  // index can pass tens of thousands of rows before a match, so an indexed wage search fetches and sorts.
  const walk =
    !indexed ||
    (params.sort !== 'wage' && (await countUpTo(database, indexWhere(plan), WALK_THRESHOLD + 1)) > WALK_THRESHOLD);
  const where = fullWhere(plan);
  const page = sql`SELECT ${SUMMARY_COLUMNS} FROM postings p WHERE ${where} ORDER BY ${ORDER[params.sort]} LIMIT ${params.pageSize} OFFSET ${offset}`;
  const [counted, items] = await Promise.all([
    countUpTo(database, where, MAX_RESULTS + 1),
    database.readWithSettings<PostingSummary>(walk ? WALK_SETTINGS : FETCH_SETTINGS, page),
  ]);
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
  companyId: number;
  companyDescription: string;
  companyHomepage: string;
  companyEmployees: number | null;
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

/** One posting; `primary` reads the primary (an employer's own posting right after saving it). */
export async function findPosting(
  database: Database,
  wantedAuthNo: string,
  options: { primary?: boolean } = {},
): Promise<PostingDetail | undefined> {
  const rows = await (options.primary ? database.query.bind(database) : database.read.bind(database))<PostingDetail>(
    sql`SELECT ${SUMMARY_COLUMNS}, p.company_id::int AS "companyId", p.busino, p.ind_tp_nm AS "indTpNm",
      p.work_hours_per_day::float8 AS "workHoursPerDay", p.work_hours_per_week::float8 AS "workHoursPerWeek",
      p.zip_cd AS "zipCd", p.basic_addr AS "basicAddr", p.detail_addr AS "detailAddr", p.pf_cond AS "pfCond",
      p.etc_welfare AS "etcWelfare", p.sel_mthd AS "selMthd", p.rcpt_mthd AS "rcptMthd",
      p.collect_psncnt AS "collectPsncnt", p.contact_telno AS "contactTelno", p.contact_name AS "contactName",
      p.status, p.updated_at::text AS "updatedAt", c.description AS "companyDescription", c.homepage AS "companyHomepage",
      c.employees AS "companyEmployees"
      FROM postings p JOIN companies c ON c.id = p.company_id WHERE p.wanted_auth_no = ${wantedAuthNo}`,
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
  const open = sql`p.status = 'open'`;
  const [totals, sido, occ] = await Promise.all([
    database.read<{ open: number; today: number }>(
      sql`SELECT count(*)::int AS open, count(*) FILTER (WHERE p.reg_dt = ${today}::date)::int AS today FROM postings p WHERE ${open}`,
    ),
    database.read<{ k: string; n: number }>(
      sql`SELECT left(p.region_cd, 2) AS k, count(*)::int AS n FROM postings p WHERE ${open} GROUP BY 1`,
    ),
    database.read<{ k: string; n: number }>(
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
