/** 이력서 in SQL: a seeker's resumes, one resume, and saving one (new or their own). */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { UserError } from '../web/errors.ts';
import type { ResumeInput } from './resume.ts';

/** A saved 이력서: what its form holds (ResumeInput), whose it is and when it last changed. */
export interface Resume extends ResumeInput, Record<string, unknown> {
  id: number;
  ownerId: number;
  updatedAt: string;
}

const RESUME_COLUMNS = sql`id::int AS id, owner_id::int AS "ownerId", title, education, school, careers, certificates, skills,
  introduction, is_public AS "isPublic", updated_at::text AS "updatedAt"`;

export async function resumesOf(database: Database, ownerId: number): Promise<Resume[]> {
  return database.query<Resume>(
    sql`SELECT ${RESUME_COLUMNS} FROM resumes WHERE owner_id = ${ownerId} ORDER BY updated_at DESC`,
  );
}

export async function findResume(database: Database, id: number): Promise<Resume | undefined> {
  const [row] = await database.query<Resume>(sql`SELECT ${RESUME_COLUMNS} FROM resumes WHERE id = ${id}`);
  return row;
}

/** Inserts a resume (id null) or updates the owner's own one (404 when it is not theirs). */
export async function saveResume(
  database: Database,
  ownerId: number,
  id: number | null,
  input: ResumeInput,
): Promise<number> {
  const careers = JSON.stringify(input.careers);
  if (id === null) {
    const [row] = await database.query<{ id: number }>(
      sql`INSERT INTO resumes (owner_id, title, education, school, careers, certificates, skills, introduction, is_public)
          VALUES (${ownerId}, ${input.title}, ${input.education}, ${input.school}, ${careers}::jsonb, ${input.certificates},
                  ${input.skills}, ${input.introduction}, ${input.isPublic})
          RETURNING id::int AS id`,
    );
    if (!row) throw new Error('resume insert returned nothing');
    return row.id;
  }
  const [row] = await database.query<{ id: number }>(
    sql`UPDATE resumes SET title = ${input.title}, education = ${input.education}, school = ${input.school},
          careers = ${careers}::jsonb, certificates = ${input.certificates}, skills = ${input.skills},
          introduction = ${input.introduction}, is_public = ${input.isPublic}, updated_at = now()
        WHERE id = ${id} AND owner_id = ${ownerId} RETURNING id::int AS id`,
  );
  if (!row) throw new UserError(404, 'NOT_FOUND', '이력서를 찾을 수 없습니다.');
  return row.id;
}

/** The resume part of the MarketStore (src/market/store.ts). */
export function createResumeStore(database: Database) {
  return {
    resumesOf: (ownerId: number) => resumesOf(database, ownerId),
    resume: (id: number) => findResume(database, id),
    saveResume: (ownerId: number, id: number | null, input: ResumeInput) => saveResume(database, ownerId, id, input),
  };
}
