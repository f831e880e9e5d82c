/** 고용센터 업무 in SQL: the 개인회원 of a centre (or of every centre, for operators). */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';

export interface ClientRow extends Record<string, unknown> {
  id: number;
  name: string;
  loginId: string;
  email: string | null;
  centreName: string;
  createdAt: string;
}

/** The latest 200 개인회원 whose 관할 고용센터 is `scope` (null: every centre). */
export function clientsOf(db: Pick<Database, 'read'>, scope: string | null): Promise<ClientRow[]> {
  return db.read<ClientRow>(
    sql`SELECT a.id::int AS id, a.name, a.login_id AS "loginId", a.email, jc.name AS "centreName", a.created_at::text AS "createdAt"
        FROM accounts a JOIN job_centres jc ON jc.code = a.centre_code
        WHERE a.kind = 'seeker' AND ${scope === null ? sql`true` : sql`a.centre_code = ${scope}`}
        ORDER BY a.created_at DESC LIMIT 200`,
  );
}
