/** 구직신청 and the candidates of 맞춤 채용정보 in SQL. */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import type { Candidate } from './recommend.ts';

export interface SeekerProfile extends Record<string, unknown> {
  occupations: string[];
  regions: string[];
  wageMonthly: number;
  empType: string;
  availableFrom: string | null;
}

export interface RecommendationCandidate extends Candidate, Record<string, unknown> {
  title: string;
  companyName: string;
  salTpCd: string;
  minSal: number;
  maxSal: number;
  closeDt: string | null;
}

export interface FacetKeys {
  occupations: string[];
  regions: string[];
}

const textArray = (xs: string[]) =>
  sql`ARRAY[${sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  )}]::text[]`;

export async function findProfile(database: Database, accountId: number): Promise<SeekerProfile | undefined> {
  const [row] = await database.query<SeekerProfile>(
    sql`SELECT occupations, regions, wage_monthly AS "wageMonthly", emp_type AS "empType", available_from::text AS "availableFrom"
        FROM job_seeker_profiles WHERE account_id = ${accountId}`,
  );
  return row;
}

/** Saves the 구직신청; a new one is alerted only for postings newer than now. */
export async function saveProfile(database: Database, accountId: number, p: SeekerProfile): Promise<void> {
  await database.query(
    sql`INSERT INTO job_seeker_profiles (account_id, occupations, regions, wage_monthly, emp_type, available_from, alert_watermark)
        VALUES (${accountId}, ${textArray(p.occupations)}, ${textArray(p.regions)}, ${p.wageMonthly}, ${p.empType}, ${p.availableFrom},
                (SELECT COALESCE(max(id), 0) FROM postings))
        ON CONFLICT (account_id) DO UPDATE SET occupations = excluded.occupations, regions = excluded.regions,
          wage_monthly = excluded.wage_monthly, emp_type = excluded.emp_type, available_from = excluded.available_from,
          updated_at = now()`,
  );
}

/** Open postings carrying one of each set of facet keys, newest first, through the facet GIN index. */
export async function candidates(
  database: Database,
  keys: FacetKeys,
  empType: string,
  limit = 300,
): Promise<RecommendationCandidate[]> {
  return database.readWithSettings<RecommendationCandidate>(
    { max_parallel_workers_per_gather: '0', work_mem: '32MB' },
    sql`SELECT p.id::int AS id, p.wanted_auth_no AS "wantedAuthNo", p.title, p.company_name AS "companyName", p.jobs_cd AS "jobsCd",
               p.region_cd AS "regionCd", p.wage_monthly AS "wageMonthly", p.sal_tp_cd AS "salTpCd", p.min_sal AS "minSal",
               p.max_sal AS "maxSal", p.career, p.min_career_months AS "minCareerMonths", p.min_edubg AS "minEdubg",
               p.reg_dt::text AS "regDt", p.close_dt::text AS "closeDt"
        FROM postings p
        WHERE p.status = 'open' AND p.keys && ${textArray(keys.occupations)} AND p.keys && ${textArray(keys.regions)}
          ${empType ? sql`AND p.emp_tp_cd = ${empType}` : sql``}
        ORDER BY p.reg_dt DESC, p.id DESC LIMIT ${limit}`,
  );
}

/**
 * Candidates for 맞춤 채용정보: first the wished 소분류 in the wished 시도 (narrow, fast); only
 * when that finds few, the wider 중분류 with neighbouring 시도 too.
 */
export async function recommendationCandidates(
  database: Database,
  narrow: FacetKeys,
  wide: FacetKeys,
  empType: string,
): Promise<RecommendationCandidate[]> {
  const first = await candidates(database, narrow, empType, 300);
  if (first.length >= 60) return first;
  const more = await candidates(database, wide, empType, 300);
  const seen = new Set(first.map((c) => c.id));
  return [...first, ...more.filter((c) => !seen.has(c.id))];
}

/** The 구직신청 part of the MarketStore (src/market/store.ts). */
export function createSeekerStore(database: Database) {
  return {
    profile: (accountId: number) => findProfile(database, accountId),
    saveProfile: (accountId: number, p: SeekerProfile) => saveProfile(database, accountId, p),
    candidates: (keys: FacetKeys, empType: string, limit?: number) => candidates(database, keys, empType, limit),
    recommendationCandidates: (narrow: FacetKeys, wide: FacetKeys, empType: string) =>
      recommendationCandidates(database, narrow, wide, empType),
  };
}
