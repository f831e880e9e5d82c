/** 비밀번호 찾기 storage: reset links (only their SHA-256) and their e-mails in the outbox. */
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/index.ts';
import { enqueueEmail } from '../market/alerts.ts';
import { type Account, type AccountKind, changePassword } from './accounts.ts';
import { RESET_MINUTES, resetEmail, resetUrl, type StoredLink } from './password-reset.ts';
import { hashToken, isTokenShaped, newToken, revokeAllSessions } from './sessions.ts';

const DEDUPE_PREFIX = 'password-reset:';

/** Takes an account's reset links out of the outbox: unsent e-mails deleted, sent ones blanked. */
export async function retireResetMails(tx: Tx, accountId: number): Promise<void> {
  await tx.query(
    sql`DELETE FROM email_outbox WHERE account_id = ${accountId} AND sent_at IS NULL
          AND starts_with(dedupe_key, ${DEDUPE_PREFIX})`,
  );
  await tx.query(
    sql`UPDATE email_outbox SET body = regexp_replace(body, 'token=[A-Za-z0-9_%-]+', 'token=(사용할 수 없는 링크)', 'g')
        WHERE account_id = ${accountId} AND starts_with(dedupe_key, ${DEDUPE_PREFIX})`,
  );
}

/** A new link for the account (replacing its unused ones) and its e-mail in the outbox. */
export async function issueLink(
  database: Database,
  account: Account & { email: string },
  origin: string,
  now: Date,
): Promise<void> {
  const token = newToken();
  const tokenHash = hashToken(token);
  const expires = new Date(now.getTime() + RESET_MINUTES * 60_000);
  const mail = resetEmail({ name: account.name, loginId: account.loginId, url: resetUrl(origin, token) });
  await database.transaction(async (tx) => {
    await tx.query(sql`DELETE FROM password_resets WHERE account_id = ${account.id} AND used_at IS NULL`);
    await retireResetMails(tx, account.id);
    await tx.query(
      sql`INSERT INTO password_resets (token_hash, account_id, created_at, expires_at)
          VALUES (${tokenHash}, ${account.id}, ${now.toISOString()}, ${expires.toISOString()})`,
    );
    await enqueueEmail(tx, {
      accountId: account.id,
      to: account.email,
      ...mail,
      dedupeKey: `${DEDUPE_PREFIX}${tokenHash.slice(0, 32)}`,
    });
  });
}

export interface LinkRow extends StoredLink, Record<string, unknown> {
  accountId: number;
  kind: AccountKind;
  loginId: string;
}

export async function findLink(database: Database, token: string): Promise<LinkRow | undefined> {
  if (!isTokenShaped(token)) return undefined;
  const [row] = await database.query<LinkRow>(
    sql`SELECT r.account_id::int AS "accountId", a.kind, a.login_id AS "loginId", r.expires_at::text AS "expiresAt",
               r.used_at::text AS "usedAt", (a.status = 'active') AS active
        FROM password_resets r JOIN accounts a ON a.id = r.account_id WHERE r.token_hash = ${hashToken(token)}`,
  );
  return row;
}

/**
 * Uses a link: in one transaction claims it (still unused, unexpired, account active), sets the
 * password, and ends every session of the account. False when the link could not be claimed.
 */
export async function useLink(database: Database, token: string, password: string, now: Date): Promise<boolean> {
  return database.transaction(async (tx) => {
    const [claimed] = await tx.query<{ accountId: number }>(
      sql`UPDATE password_resets r SET used_at = ${now.toISOString()}
          FROM accounts a
          WHERE r.token_hash = ${hashToken(token)} AND a.id = r.account_id AND a.status = 'active'
            AND r.used_at IS NULL AND r.expires_at > ${now.toISOString()}
          RETURNING r.account_id::int AS "accountId"`,
    );
    if (!claimed) return false;
    await changePassword(tx, claimed.accountId, password);
    await revokeAllSessions(tx, claimed.accountId);
    await retireResetMails(tx, claimed.accountId);
    return true;
  });
}

// ── Routes ─────────────────────────────────────────────────────────────────────────────────────
