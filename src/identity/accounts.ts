/**
 * Accounts, their linked OpenID Connect identities, and the reference list of 고용센터.
 * Queries only; validation of what people type lives in rules.ts and in the routes.
 */
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/index.ts';
import { UserError } from '../web/errors.ts';
import { hashPassword } from './passwords.ts';

export const ACCOUNT_KINDS = ['seeker', 'employer', 'counsellor', 'operator'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const KIND_LABELS: Record<AccountKind, string> = {
  seeker: '개인회원',
  employer: '기업회원',
  counsellor: '상담원',
  operator: '운영자',
};

export interface Account extends Record<string, unknown> {
  id: number;
  kind: AccountKind;
  loginId: string;
  name: string;
  email: string | null;
  companyId: number | null;
  companyName: string | null;
  busino: string | null;
  centreCode: string | null;
  centreName: string | null;
  status: 'active' | 'disabled';
  hasPassword: boolean;
  createdAt: string;
}

const ACCOUNT_COLUMNS = sql`a.id::int AS id, a.kind, a.login_id AS "loginId", a.name, a.email,
  a.company_id::int AS "companyId", c.name AS "companyName", c.busino, a.centre_code AS "centreCode",
  jc.name AS "centreName", a.status, (a.password_hash IS NOT NULL) AS "hasPassword", a.created_at::text AS "createdAt"`;
const ACCOUNT_FROM = sql`accounts a LEFT JOIN companies c ON c.id = a.company_id
  LEFT JOIN job_centres jc ON jc.code = a.centre_code`;

export async function findAccount(database: Database, id: number): Promise<Account | undefined> {
  const [row] = await database.read<Account>(sql`SELECT ${ACCOUNT_COLUMNS} FROM ${ACCOUNT_FROM} WHERE a.id = ${id}`);
  return row;
}

export async function findForSignIn(
  database: Database,
  loginId: string,
): Promise<(Account & { passwordHash: string | null }) | undefined> {
  const [row] = await database.read<Account & { passwordHash: string | null }>(
    sql`SELECT ${ACCOUNT_COLUMNS}, a.password_hash AS "passwordHash" FROM ${ACCOUNT_FROM} WHERE a.login_id = ${loginId}`,
  );
  return row;
}

export interface NewAccount {
  kind: AccountKind;
  loginId: string;
  password: string | null;
  name: string;
  email: string | null;
  companyId?: number | null;
  centreCode?: string | null;
  createdBy?: number | null;
}

const LOGIN_ID_TAKEN = () =>
  new UserError(409, 'LOGIN_ID_TAKEN', '이미 사용 중인 아이디입니다. 다른 아이디를 정해 주세요.', {
    loginId: '이미 사용 중인 아이디입니다. 다른 아이디를 정해 주세요.',
  });

async function insertAccount(tx: Tx, input: NewAccount, passwordHash: string | null): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    sql`INSERT INTO accounts (kind, login_id, password_hash, password_changed_at, name, email, company_id, centre_code, created_by)
        VALUES (${input.kind}, ${input.loginId}, ${passwordHash}, ${passwordHash ? sql`now()` : null}, ${input.name},
                ${input.email}, ${input.companyId ?? null}, ${input.centreCode ?? null}, ${input.createdBy ?? null})
        ON CONFLICT (login_id) DO NOTHING
        RETURNING id::int AS id`,
  );
  if (!row) throw LOGIN_ID_TAKEN();
  return row.id;
}

export async function createAccount(database: Database, input: NewAccount): Promise<number> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return database.transaction((tx) => insertAccount(tx, input, passwordHash));
}

/**
 * 기업회원 sign-up: the 사업장 is found by its 사업자등록번호 or created. One employer account per
 * 사업장 signs up by itself; further staff of the same 사업장 must be added by an operator, so
 * knowing a company's number is not enough to see its applicants.
 */
export async function createEmployer(
  database: Database,
  input: Omit<NewAccount, 'kind' | 'companyId'> & { busino: string; companyName: string; industry: string },
): Promise<number> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return database.transaction(async (tx) => {
    await tx.query(
      sql`INSERT INTO companies (busino, name, ind_tp_nm) VALUES (${input.busino}, ${input.companyName}, ${input.industry})
          ON CONFLICT (busino) DO NOTHING`,
    );
    const [company] = await tx.query<{ id: number; taken: boolean }>(
      sql`SELECT c.id::int AS id, EXISTS (SELECT 1 FROM accounts a WHERE a.company_id = c.id) AS taken
          FROM companies c WHERE c.busino = ${input.busino} FOR UPDATE`,
    );
    if (!company) throw new Error('unreachable: company row missing after upsert');
    if (company.taken)
      throw new UserError(409, 'COMPANY_TAKEN', '이미 기업회원으로 등록된 사업장입니다.', {
        busino: '이미 기업회원으로 등록된 사업장입니다. 담당자 추가는 사업장 관리자나 고용센터에 요청해 주세요.',
      });
    return insertAccount(tx, { ...input, kind: 'employer', companyId: company.id }, passwordHash);
  });
}

/** Sets a password (in the caller's transaction when given one). */
export async function changePassword(database: Database | Tx, accountId: number, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await database.query(
    sql`UPDATE accounts SET password_hash = ${passwordHash}, password_changed_at = now() WHERE id = ${accountId}`,
  );
}

export async function setAccountStatus(database: Database, accountId: number, status: 'active' | 'disabled') {
  await database.transaction(async (tx) => {
    await tx.query(sql`UPDATE accounts SET status = ${status} WHERE id = ${accountId}`);
    if (status === 'disabled')
      await tx.query(
        sql`UPDATE sessions SET revoked_at = now() WHERE account_id = ${accountId} AND revoked_at IS NULL`,
      );
  });
}

export interface AccountFilter {
  kind?: AccountKind;
  q?: string;
  limit?: number;
}

export async function listAccounts(database: Database, filter: AccountFilter = {}): Promise<Account[]> {
  const where = [sql`true`];
  if (filter.kind) where.push(sql`a.kind = ${filter.kind}`);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(a.login_id LIKE ${like} OR a.name LIKE ${like})`);
  }
  return database.read<Account>(
    sql`SELECT ${ACCOUNT_COLUMNS} FROM ${ACCOUNT_FROM} WHERE ${sql.join(where, sql` AND `)}
        ORDER BY a.id DESC LIMIT ${Math.min(filter.limit ?? 100, 500)}`,
  );
}

// ── Linked identities ──────────────────────────────────────────────────────────────────────────

export interface LinkedIdentity extends Record<string, unknown> {
  provider: string;
  subject: string;
  linkedAt: string;
  lastUsedAt: string | null;
}

export async function findByIdentity(database: Database, provider: string, subject: string) {
  const [row] = await database.read<{ accountId: number }>(
    sql`SELECT account_id::int AS "accountId" FROM account_identities WHERE provider = ${provider} AND subject = ${subject}`,
  );
  return row?.accountId;
}

export async function touchIdentity(database: Database, provider: string, subject: string): Promise<void> {
  await database.query(
    sql`UPDATE account_identities SET last_used_at = now() WHERE provider = ${provider} AND subject = ${subject}`,
  );
}

export async function listIdentities(database: Database, accountId: number): Promise<LinkedIdentity[]> {
  return database.read<LinkedIdentity>(
    sql`SELECT provider, subject, linked_at::text AS "linkedAt", last_used_at::text AS "lastUsedAt"
        FROM account_identities WHERE account_id = ${accountId} ORDER BY linked_at`,
  );
}

/** Links provider + subject to an account; refuses an identity already linked to someone else. */
export async function linkIdentity(tx: Tx, accountId: number, provider: string, subject: string): Promise<void> {
  const [existing] = await tx.query<{ accountId: number }>(
    sql`SELECT account_id::int AS "accountId" FROM account_identities WHERE provider = ${provider} AND subject = ${subject}`,
  );
  if (existing && existing.accountId !== accountId)
    throw new UserError(409, 'IDENTITY_TAKEN', '이 외부 계정은 이미 다른 일터 계정에 연결되어 있습니다.');
  if (existing) return;
  const [inserted] = await tx.query<{ ok: number }>(
    sql`INSERT INTO account_identities (provider, subject, account_id) VALUES (${provider}, ${subject}, ${accountId})
        ON CONFLICT DO NOTHING RETURNING 1 AS ok`,
  );
  if (!inserted)
    throw new UserError(
      409,
      'PROVIDER_ALREADY_LINKED',
      '이 로그인 수단에는 이미 다른 외부 계정이 연결되어 있습니다. 먼저 연결을 해제해 주세요.',
    );
}

/** Unlinks a provider, unless it is the account's last way to sign in. */
export async function unlinkIdentity(database: Database, accountId: number, provider: string): Promise<void> {
  await database.transaction(async (tx) => {
    const [state] = await tx.query<{ hasPassword: boolean; links: number }>(
      sql`SELECT (password_hash IS NOT NULL) AS "hasPassword",
                 (SELECT count(*)::int FROM account_identities WHERE account_id = ${accountId}) AS links
          FROM accounts WHERE id = ${accountId} FOR UPDATE`,
    );
    if (state && !state.hasPassword && state.links <= 1)
      throw new UserError(
        409,
        'LAST_SIGN_IN_METHOD',
        '마지막 로그인 수단은 해제할 수 없습니다. 비밀번호를 먼저 정해 주세요.',
      );
    await tx.query(sql`DELETE FROM account_identities WHERE account_id = ${accountId} AND provider = ${provider}`);
  });
}

// ── 고용센터 ───────────────────────────────────────────────────────────────────────────────────

export interface JobCentre extends Record<string, unknown> {
  code: string;
  name: string;
  sidoCd: string;
  address: string;
  phone: string;
}

export async function listCentres(database: Database): Promise<JobCentre[]> {
  return database.read<JobCentre>(
    sql`SELECT code, name, sido_cd AS "sidoCd", address, phone FROM job_centres ORDER BY sido_cd, name`,
  );
}
