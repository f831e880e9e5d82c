/**
 * 본인확인 data: the flow at the provider (a row of oidc_flows with purpose `verify`, only the SHA-256 of
 * its cookie's token kept) and person_verifications (account ↔ person hash, one person one account).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { hashToken } from '../identity/sessions.ts';

export interface VerifyFlowRow extends Record<string, unknown> {
  provider: string;
  accountId: number | null;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface VerificationRow extends Record<string, unknown> {
  accountId: number;
  personHash: string;
  provider: string;
  verifiedAt: string;
}

/** A verification begun; the token is chosen before the first attempt, so a retried INSERT finds its row. */
export async function insertVerifyFlow(
  database: Database,
  flowToken: string,
  flow: { provider: string; accountId: number; state: string; nonce: string; codeVerifier: string; expiresAt: Date },
): Promise<void> {
  await database.query(
    sql`INSERT INTO oidc_flows (id_hash, provider, purpose, account_id, state, nonce, code_verifier, return_to, expires_at)
        VALUES (${hashToken(flowToken)}, ${flow.provider}, 'verify', ${flow.accountId}, ${flow.state}, ${flow.nonce},
                ${flow.codeVerifier}, '/my/insurance', ${flow.expiresAt.toISOString()})
        ON CONFLICT (id_hash) DO NOTHING`,
  );
}

/** The unexpired verification flow of this token, deleted as it is read (a callback cannot be replayed). */
export async function takeVerifyFlow(
  database: Database,
  flowToken: string,
  now: Date,
): Promise<VerifyFlowRow | undefined> {
  const [flow] = await database.query<VerifyFlowRow>(
    sql`DELETE FROM oidc_flows
        WHERE id_hash = ${hashToken(flowToken)} AND purpose = 'verify' AND expires_at > ${now.toISOString()}
        RETURNING provider, account_id::int AS "accountId", state, nonce, code_verifier AS "codeVerifier"`,
  );
  return flow;
}

export async function deleteVerifyFlow(database: Database, flowToken: string): Promise<void> {
  await database.query(sql`DELETE FROM oidc_flows WHERE id_hash = ${hashToken(flowToken)} AND purpose = 'verify'`);
}

const VERIFICATION = sql`account_id::int AS "accountId", person_hash AS "personHash", provider,
  verified_at::text AS "verifiedAt"`;

export async function findVerification(database: Database, accountId: number): Promise<VerificationRow | undefined> {
  const [row] = await database.query<VerificationRow>(
    sql`SELECT ${VERIFICATION} FROM person_verifications WHERE account_id = ${accountId}`,
  );
  return row;
}

export async function findVerificationByPerson(
  database: Database,
  personHash: string,
): Promise<VerificationRow | undefined> {
  const [row] = await database.query<VerificationRow>(
    sql`SELECT ${VERIFICATION} FROM person_verifications WHERE person_hash = ${personHash}`,
  );
  return row;
}

/**
 * Records that this account is this person. Another account already holding the person, or this
 * account already verified as someone else, inserts nothing (the caller has checked and refuses).
 */
export async function insertVerification(
  database: Database,
  v: { accountId: number; personHash: string; provider: string; at: Date },
): Promise<boolean> {
  const rows = await database.query<{ accountId: number }>(
    sql`INSERT INTO person_verifications (account_id, person_hash, provider, verified_at)
        VALUES (${v.accountId}, ${v.personHash}, ${v.provider}, ${v.at.toISOString()})
        ON CONFLICT DO NOTHING RETURNING account_id::int AS "accountId"`,
  );
  return rows.length === 1;
}
