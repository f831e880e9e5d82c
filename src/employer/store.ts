/** The employer's own 사업장 and postings in SQL: always scoped to the signed-in employer's company. */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';

type Db = Pick<Database, 'query'>;

export interface OwnPosting extends Record<string, unknown> {
  wantedAuthNo: string;
  title: string;
  status: string;
  regDt: string;
  closeDt: string | null;
  collectPsncnt: number;
}

export interface CompanyProfile extends Record<string, unknown> {
  name: string;
  busino: string;
  indTpNm: string;
  description: string;
  address: string;
  employees: number | null;
  homepage: string;
}

const COLUMNS = sql`wanted_auth_no AS "wantedAuthNo", title, status, reg_dt::text AS "regDt", close_dt::text AS "closeDt",
    collect_psncnt AS "collectPsncnt"`;

/** One of the company's postings (read from the primary: an employer opens it right after saving). */
export async function ownPosting(
  db: Db,
  companyId: number | null,
  wantedAuthNo: string,
): Promise<OwnPosting | undefined> {
  const [posting] = await db.query<OwnPosting>(
    sql`SELECT ${COLUMNS} FROM postings WHERE wanted_auth_no = ${wantedAuthNo.slice(0, 40)} AND company_id = ${companyId}`,
  );
  return posting;
}

/** The company's latest 100 postings, newest first. */
export function ownPostings(db: Db, companyId: number | null): Promise<OwnPosting[]> {
  return db.query<OwnPosting>(
    sql`SELECT ${COLUMNS} FROM postings WHERE company_id = ${companyId} ORDER BY reg_dt DESC, id DESC LIMIT 100`,
  );
}

export async function companyProfile(db: Db, companyId: number | null): Promise<CompanyProfile | undefined> {
  const [c] = await db.query<CompanyProfile>(
    sql`SELECT name, busino, ind_tp_nm AS "indTpNm", description, address, employees, homepage FROM companies WHERE id = ${companyId}`,
  );
  return c;
}

export async function updateCompanyProfile(
  db: Db,
  companyId: number | null,
  v: { description: string; address: string; employees: number | null; homepage: string },
): Promise<void> {
  await db.query(
    sql`UPDATE companies SET description = ${v.description}, address = ${v.address}, employees = ${v.employees}, homepage = ${v.homepage} WHERE id = ${companyId}`,
  );
}

/** The company a posting is registered for: its name, 사업자등록번호 and 업종. */
export async function companyOf(
  db: Db,
  companyId: number | null,
): Promise<{ id: number; name: string; busino: string; indTpNm: string } | undefined> {
  const [company] = await db.query<{ id: number; name: string; busino: string; indTpNm: string }>(
    sql`SELECT id::int AS id, name, busino, ind_tp_nm AS "indTpNm" FROM companies WHERE id = ${companyId}`,
  );
  return company;
}
