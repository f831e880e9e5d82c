/**
 * Job search over open postings: the plan (search-plan.ts) picks how the page is read, and the count
 * and the page are read in one snapshot, so they agree.
 *
 * Plan choice: the matches are counted first (up to MAX_RESULTS + 1). Many (over WALK_THRESHOLD) → walk
 * the sort order's partial index and stop after one page; few → fetch them all and sort. The planner's
 * own estimates for LIKE and array containment are too rough to leave this to it.
 *
 * 정확도순 ranks the matches by their score (search-rank.ts): all of them when there are few, else the
 * newest RELEVANCE_POOL; pages past those go on newest first, so every match is on exactly one page,
 * and the page says so.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Database, SnapshotRead } from '../db/index.ts';
import { type Generational, snapshotGeneration } from './search-cache.ts';
import { fullWhere, planSearch, usesIndex } from './search-plan.ts';
import { MAX_RESULTS, type SearchParams } from './search-query.ts';
import { relevanceSql } from './search-rank.ts';

/** Written exactly as the partial indexes are declared (NULLS LAST), so the planner can walk them. */
const ORDER: Record<Exclude<SearchParams['sort'], 'relevance'>, SQL> = {
  recent: sql`p.reg_dt DESC NULLS LAST, p.id DESC NULLS LAST`,
  closing: sql`p.close_dt ASC NULLS LAST, p.id DESC NULLS LAST`,
  wage: sql`p.wage_monthly DESC NULLS LAST, p.id DESC NULLS LAST`,
};

/**
 * Matches above which the page is read by walking the sort index (rows come in order, the walk stops
 * after one page) rather than fetching every match and sorting.
 */
export const WALK_THRESHOLD = 2_000;
/**
 * 정확도순 ranks every match when there are few (the page fetches them all anyway: at most
 * WALK_THRESHOLD), else the newest RELEVANCE_POOL, which the sort index walk finds in bounded time.
 * Both are multiples of every page size, so a page never straddles the ranked and the rest.
 */
export const RELEVANCE_POOL = 200;
const SERIAL = { max_parallel_workers_per_gather: '0', enable_seqscan: 'off' } as const;
const WALK_SETTINGS = { ...SERIAL, enable_bitmapscan: 'off', enable_sort: 'off' } as const;
const FETCH_SETTINGS = { ...SERIAL, enable_indexscan: 'off' } as const;
/** Enough memory that a bitmap of ~100k candidates stays exact (a lossy one re-checks whole pages). */
const COUNT_SETTINGS = { max_parallel_workers_per_gather: '0', work_mem: '32MB' } as const;
/**
 * A count the keys index can answer uses it: on a small table (the embedded demo's 5,000 postings) the
 * planner would otherwise read every row and test its `keys` (16 ms on PGlite, against 3 ms by index).
 */
const INDEXED_COUNT_SETTINGS = { ...COUNT_SETTINGS, enable_seqscan: 'off' } as const;

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
  /** 정확도순 only: set when there are more matches than were ranked (RELEVANCE_POOL). */
  rankedNewest?: number;
}

const SUMMARY_COLUMNS = sql`p.id::int AS "id", p.wanted_auth_no AS "wantedAuthNo", p.title, p.company_name AS "companyName",
  p.region_cd AS "regionCd", p.jobs_cd AS "jobsCd", p.sal_tp_cd AS "salTpCd", p.min_sal AS "minSal", p.max_sal AS "maxSal",
  p.career, p.min_career_months AS "minCareerMonths", p.min_edubg AS "minEdubg", p.emp_tp_cd AS "empTpCd",
  p.holiday_tp_cd AS "holidayTpCd", p.reg_dt::text AS "regDt", p.close_dt::text AS "closeDt", p.job_cont AS "jobCont"`;

/** The count of matches, stopping at `limit`. */
export const countSql = (where: SQL, limit: number): SQL =>
  sql`SELECT count(*)::int AS n FROM (SELECT FROM postings p WHERE ${where} LIMIT ${limit}) s`;

async function countUpTo(read: SnapshotRead, where: SQL, limit: number, indexed: boolean): Promise<number> {
  const rows = await read<{ n: number }>(indexed ? INDEXED_COUNT_SETTINGS : COUNT_SETTINGS, countSql(where, limit));
  return rows[0]?.n ?? 0;
}

/** The page's query: in the sort's order, or for 정확도순 ranked within the newest `pool` matches. */
export function pageQuery(params: SearchParams, where: SQL, offset: number, pool = RELEVANCE_POOL): SQL {
  const limits = sql`LIMIT ${params.pageSize} OFFSET ${offset}`;
  if (params.sort !== 'relevance' || offset >= pool)
    return sql`SELECT ${SUMMARY_COLUMNS} FROM postings p WHERE ${where} ORDER BY ${ORDER[params.sort === 'relevance' ? 'recent' : params.sort]} ${limits}`;
  const score = relevanceSql(params.keyword);
  return sql`SELECT * FROM (SELECT ${SUMMARY_COLUMNS}, ${score} AS score FROM postings p WHERE ${where}
    ORDER BY ${ORDER.recent} LIMIT ${pool}) r ORDER BY r.score DESC, r."regDt" DESC, r.id DESC ${limits}`;
}

export async function searchPostings(database: Database, params: SearchParams, today: string): Promise<SearchResult> {
  return (await searchSnapshot(database, params, today)).value;
}

/** The search, with the search generation its snapshot read (search-cache.ts). */
export async function searchSnapshot(
  database: Database,
  params: SearchParams,
  today: string,
): Promise<Generational<SearchResult>> {
  const plan = planSearch(params, today);
  const offset = (params.page - 1) * params.pageSize;
  const indexed = usesIndex(plan);
  const where = fullWhere(plan);
  const { generation, counted, items, pool } = await database.readSnapshot(async (read) => {
    const generation = await snapshotGeneration(read);
    // The count picks the page plan, and the page reads the same snapshot. Many matches: walk the sort
    // index (matches come often, the walk stops after a page); few: fetch them all (the count has just
    // read their pages) and sort. Wage order is correlated with what people search (조리 pays less than
    // 개발): walking the wage index can pass tens of thousands of rows before a match, so an indexed
    // wage search fetches and sorts.
    const n = await countUpTo(read, where, MAX_RESULTS + 1, indexed);
    const walk = !indexed || (params.sort !== 'wage' && n > WALK_THRESHOLD);
    const pool = walk ? RELEVANCE_POOL : WALK_THRESHOLD;
    const rows = await read<PostingSummary & { score?: number }>(
      walk ? WALK_SETTINGS : FETCH_SETTINGS,
      pageQuery(params, where, offset, pool),
    );
    return { generation, counted: n, pool, items: rows.map(({ score: _score, ...p }) => p as PostingSummary) };
  });
  const total = Math.min(counted, MAX_RESULTS);
  const value: SearchResult = {
    items,
    total,
    totalCapped: counted > MAX_RESULTS,
    page: params.page,
    pageSize: params.pageSize,
    totalPages: Math.max(1, Math.ceil(total / params.pageSize)),
    ...(params.sort === 'relevance' && params.keyword.length > 0 && counted > pool ? { rankedNewest: pool } : {}),
  };
  return { generation, value };
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

/**
 * Counts for the home page (open postings by 시도 prefix and by KECO level 1): one pass (GROUPING SETS)
 * over the index postings_open_stats_idx only (migration 0026), on one core — at 1,000,000 postings
 * three parallel table scans took 1–3 s each and slowed every other query while they ran (bench:day).
 */
export async function jobStats(database: Database, today: string): Promise<JobStats> {
  const rows = await database.readWithSettings<{ set: 'sido' | 'occ' | 'all'; k: string; n: number; today: number }>(
    { max_parallel_workers_per_gather: '0' },
    sql`SELECT CASE WHEN GROUPING(left(p.region_cd, 2)) = 0 THEN 'sido' WHEN GROUPING(left(p.jobs_cd, 1)) = 0 THEN 'occ'
        ELSE 'all' END AS set, coalesce(left(p.region_cd, 2), left(p.jobs_cd, 1), '') AS k, count(*)::int AS n,
        count(*) FILTER (WHERE p.reg_dt = ${today}::date)::int AS today
      FROM postings p WHERE p.status = 'open'
      GROUP BY GROUPING SETS ((left(p.region_cd, 2)), (left(p.jobs_cd, 1)), ())`,
  );
  const total = rows.find((r) => r.set === 'all');
  const of = (set: 'sido' | 'occ') => Object.fromEntries(rows.filter((r) => r.set === set).map((r) => [r.k, r.n]));
  return { open: total?.n ?? 0, postedToday: total?.today ?? 0, bySido: of('sido'), byOccupation: of('occ') };
}
