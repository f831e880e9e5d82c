/**
 * OpenID Connect flow state (oidc_flows), in the database so the callback can land on any app process.
 * Only the SHA-256 of the flow cookie's token is stored.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { UserError } from '../web/errors.ts';
import { linkIdentity } from './accounts.ts';
import { hashToken } from './sessions.ts';

export type FlowPurpose = 'login' | 'link' | 'signup';

export interface FlowRow extends Record<string, unknown> {
  provider: string;
  purpose: FlowPurpose;
  accountId: number | null;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  subject: string | null;
  claims: { name?: string | null; email?: string | null } | null;
}

/**
 * A flow started at a provider. The token is chosen before the first attempt: an INSERT retried after
 * a lost COMMIT answer finds its own row (ON CONFLICT DO NOTHING; 32 random bytes collide with no one
 * else's) instead of failing.
 */
export async function insertFlow(
  database: Database,
  flowToken: string,
  flow: {
    provider: string;
    purpose: 'login' | 'link';
    accountId: number | null;
    state: string;
    nonce: string;
    codeVerifier: string;
    returnTo: string;
    expiresAt: Date;
  },
): Promise<void> {
  await database.query(
    sql`INSERT INTO oidc_flows (id_hash, provider, purpose, account_id, state, nonce, code_verifier, return_to, expires_at)
        VALUES (${hashToken(flowToken)}, ${flow.provider}, ${flow.purpose}, ${flow.accountId}, ${flow.state},
                ${flow.nonce}, ${flow.codeVerifier}, ${flow.returnTo}, ${flow.expiresAt.toISOString()})
        ON CONFLICT (id_hash) DO NOTHING`,
  );
}

/** The unexpired flow of this token, deleted as it is read (so a callback URL cannot be replayed). */
export async function takeFlow(database: Database, flowToken: string, now: Date): Promise<FlowRow | undefined> {
  const [flow] = await database.query<FlowRow>(
    sql`DELETE FROM oidc_flows WHERE id_hash = ${hashToken(flowToken)} AND expires_at > ${now.toISOString()}
        RETURNING provider, purpose, account_id::int AS "accountId", state, nonce, code_verifier AS "codeVerifier",
                  return_to AS "returnTo", subject, claims`,
  );
  return flow;
}

/** A first visit with a provider identity, kept for sign-up for a while. */
export async function insertSignUpFlow(
  database: Database,
  token: string,
  flow: {
    provider: string;
    returnTo: string;
    subject: string;
    claims: { name: string | null; email: string | null };
    expiresAt: Date;
  },
): Promise<void> {
  await database.query(
    sql`INSERT INTO oidc_flows (id_hash, provider, purpose, state, nonce, code_verifier, return_to, subject, claims, expires_at)
        VALUES (${hashToken(token)}, ${flow.provider}, 'signup', '', '', '', ${flow.returnTo}, ${flow.subject},
                ${JSON.stringify(flow.claims)}::jsonb, ${flow.expiresAt.toISOString()})
        ON CONFLICT (id_hash) DO NOTHING`,
  );
}

export async function deleteFlow(database: Database, flowToken: string): Promise<void> {
  await database.query(sql`DELETE FROM oidc_flows WHERE id_hash = ${hashToken(flowToken)}`);
}

export async function findSignUpFlow(database: Database, flowToken: string, now: Date): Promise<FlowRow | undefined> {
  const [flow] = await database.query<FlowRow>(
    sql`SELECT provider, purpose, subject, claims, return_to AS "returnTo" FROM oidc_flows
        WHERE id_hash = ${hashToken(flowToken)} AND purpose = 'signup' AND expires_at > ${now.toISOString()}`,
  );
  return flow;
}

/**
 * In one transaction: consumes the sign-up flow (refused when already used), creates the 개인회원 and
 * links the provider identity to it. Returns the new account's id.
 */
export async function createExternalSeeker(
  database: Database,
  flowToken: string,
  account: { loginId: string; name: string; email: string | null; centreCode: string | null },
  identity: { provider: string; subject: string },
): Promise<number> {
  return database.transaction(async (tx) => {
    const [consumed] = await tx.query<{ ok: number }>(
      sql`DELETE FROM oidc_flows WHERE id_hash = ${hashToken(flowToken)} RETURNING 1 AS ok`,
    );
    if (!consumed) throw new UserError(409, 'FLOW_USED', '이미 처리된 가입 요청입니다. 로그인해 주세요.');
    const [row] = await tx.query<{ id: number }>(
      sql`INSERT INTO accounts (kind, login_id, name, email, centre_code)
          VALUES ('seeker', ${account.loginId}, ${account.name}, ${account.email}, ${account.centreCode}) RETURNING id::int AS id`,
    );
    if (!row) throw new Error('account insert returned nothing');
    await linkIdentity(tx, row.id, identity.provider, identity.subject);
    return row.id;
  });
}
