import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { seoulToday } from '../shared/dates.ts';
import type { NewPosting } from './posting.ts';
import { monthlyEquivalent } from './wages.ts';

const POSTING_COLUMNS = [
  'wanted_auth_no',
  'company_id',
  'company_name',
  'busino',
  'ind_tp_nm',
  'title',
  'jobs_cd',
  'sal_tp_cd',
  'min_sal',
  'max_sal',
  'wage_monthly',
  'work_hours_per_day',
  'work_hours_per_week',
  'region_cd',
  'holiday_tp_cd',
  'min_edubg',
  'career',
  'min_career_months',
  'emp_tp_cd',
  'reg_dt',
  'close_dt',
  'zip_cd',
  'basic_addr',
  'detail_addr',
  'job_cont',
  'pf_cond',
  'etc_welfare',
  'sel_mthd',
  'rcpt_mthd',
  'collect_psncnt',
  'contact_telno',
  'contact_name',
  'status',
] as const;

function postingRow(p: NewPosting, companyId: number, today: string): unknown[] {
  return [
    p.wantedAuthNo,
    companyId,
    p.company,
    p.busino,
    p.indTpNm,
    p.title,
    p.jobsCd,
    p.salTpCd,
    p.minSal,
    p.maxSal,
    monthlyEquivalent(p.salTpCd, p.maxSal, p.workHoursPerDay, p.workHoursPerWeek),
    p.workHoursPerDay,
    p.workHoursPerWeek,
    p.regionCd,
    p.holidayTpCd,
    p.minEdubg,
    p.career,
    p.minCareerMonths,
    p.empTpCd,
    p.regDt,
    p.closeDt,
    p.zipCd,
    p.basicAddr,
    p.detailAddr,
    p.jobCont,
    p.pfCond,
    p.etcWelfare,
    p.selMthd,
    p.rcptMthd,
    p.collectPsncnt,
    p.contactTelno,
    p.contactName,
    p.closeDt !== null && p.closeDt < today ? 'closed' : 'open',
  ];
}

/** Inserts (or finds) the companies of a batch and returns busino → id. */
async function upsertCompanies(database: Database, batch: readonly NewPosting[], known: Map<string, number>) {
  const fresh = new Map<string, NewPosting>();
  for (const p of batch) if (!known.has(p.busino) && !fresh.has(p.busino)) fresh.set(p.busino, p);
  if (fresh.size === 0) return;
  const values = [...fresh.values()].map((p) => sql`(${p.busino}, ${p.company}, ${p.indTpNm})`);
  const rows = await database.query<{ id: number; busino: string }>(
    sql`INSERT INTO companies (busino, name, ind_tp_nm) VALUES ${sql.join(values, sql`, `)}
        ON CONFLICT (busino) DO UPDATE SET name = excluded.name
        RETURNING id::int AS id, busino`,
  );
  for (const r of rows) known.set(r.busino, r.id);
}

export interface InsertProgress {
  inserted: number;
}

/**
 * Bulk-loads postings (COPY on PostgreSQL), creating their companies. Streams: holds one batch at a time.
 * A posting whose 마감일 is before `today` (default: today in Seoul) is stored closed.
 */
export async function insertPostings(
  database: Database,
  postings: Iterable<NewPosting>,
  options: { batchSize?: number; today?: string; onProgress?: (p: InsertProgress) => void } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 5_000;
  const today = options.today ?? seoulToday();
  const companies = new Map<string, number>();
  let inserted = 0;
  let batch: NewPosting[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await upsertCompanies(database, batch, companies);
    const rows = batch.map((p) => postingRow(p, companies.get(p.busino) as number, today));
    await database.copyRows('postings', POSTING_COLUMNS, rows);
    inserted += batch.length;
    batch = [];
    options.onProgress?.({ inserted });
  };
  for (const p of postings) {
    batch.push(p);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await database.query(sql`ANALYZE postings`);
  await database.query(sql`ANALYZE companies`);
  return inserted;
}

export async function countPostings(database: Database): Promise<number> {
  const [row] = await database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM postings`);
  return row?.n ?? 0;
}

export async function deleteAllPostings(database: Database): Promise<void> {
  await database.query(sql`TRUNCATE postings, companies RESTART IDENTITY CASCADE`);
}

/**
 * One posting from an employer's form: created once for its 구인인증번호 (derived from the form's
 * idempotency key, so a repeated submit finds the first). Returns the id and whether it is new.
 */
export async function insertOnePosting(
  database: Database,
  p: NewPosting,
  companyId: number,
  today: string,
): Promise<{ id: number; created: boolean }> {
  const row = postingRow(p, companyId, today);
  const [inserted] = await database.query<{ id: number }>(
    sql`INSERT INTO postings (${sql.raw(POSTING_COLUMNS.join(', '))})
        VALUES (${sql.join(
          row.map((v) => sql`${v}`),
          sql`, `,
        )})
        ON CONFLICT (wanted_auth_no) DO NOTHING RETURNING id::int AS id`,
  );
  if (inserted) return { id: inserted.id, created: true };
  const [existing] = await database.query<{ id: number }>(
    sql`SELECT id::int AS id FROM postings WHERE wanted_auth_no = ${p.wantedAuthNo} AND company_id = ${companyId}`,
  );
  if (!existing) throw new Error('posting number taken by another company');
  return { id: existing.id, created: false };
}

/** Replaces the content of a posting of this company (number, company and 등록일 stay). */
export async function updatePostingContent(
  database: Database,
  p: NewPosting,
  companyId: number,
  today: string,
): Promise<boolean> {
  const row = postingRow(p, companyId, today);
  const columns = POSTING_COLUMNS.map((c, i) => ({ c, v: row[i] })).filter(
    ({ c }) => !['wanted_auth_no', 'company_id', 'company_name', 'busino', 'ind_tp_nm', 'reg_dt', 'status'].includes(c),
  );
  const rows = await database.query<{ id: number }>(
    sql`UPDATE postings SET ${sql.join(
      columns.map(({ c, v }) => sql`${sql.raw(c)} = ${v}`),
      sql`, `,
    )}, updated_at = now()
        WHERE wanted_auth_no = ${p.wantedAuthNo} AND company_id = ${companyId} RETURNING id::int AS id`,
  );
  return rows.length > 0;
}

export type PostingStatus = 'open' | 'paused' | 'closed';

/** Moves a posting of this company between 접수 중, 일시 중지 and 마감. Reopening needs a deadline not yet past. */
export async function setPostingStatus(
  database: Database,
  wantedAuthNo: string,
  companyId: number,
  status: PostingStatus,
  today: string,
): Promise<boolean> {
  const rows = await database.query<{ id: number }>(
    sql`UPDATE postings SET status = ${status}, updated_at = now()
        WHERE wanted_auth_no = ${wantedAuthNo} AND company_id = ${companyId}
          AND (${status} <> 'open' OR close_dt IS NULL OR close_dt >= ${today})
        RETURNING id::int AS id`,
  );
  return rows.length > 0;
}
