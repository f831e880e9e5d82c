/**
 * Alerts: new postings that match a seeker's 저장한 검색 or 구직신청 become notifications in the site
 * and e-mails in the outbox. The job is safe on several app processes: a lease in the database lets
 * one process run it at a time (a dead holder's lease expires), and every notification and e-mail
 * has a unique dedupe key, so even two overlapping runs write each one once.
 *
 * The outbox worker takes pending e-mails with FOR UPDATE SKIP LOCKED (several workers never take
 * the same one) and hands them to a transport. The transport here writes RFC 5322 messages into a
 * spool directory (ILTEO_MAIL_SPOOL), like a sendmail pickup directory; an SMTP relay can replace it.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/index.ts';
import { acquireLease, releaseLease } from '../db/leases.ts';
import { searchPostings } from '../jobs/search.ts';
import { parseSearchParams } from '../jobs/search-query.ts';
import { candidateKeys, narrowKeys, recommend } from './recommend.ts';
import { describeSearch } from './saved-search.ts';
import type { MarketStore } from './store.ts';

export interface MailTransport {
  send(message: { to: string; subject: string; body: string; id: string }): Promise<void>;
}

/** Writes each message as a .eml file (atomically: temp file, then rename). */
export function spoolTransport(dir: string): MailTransport {
  return {
    async send(m) {
      await fs.mkdir(dir, { recursive: true });
      const encode = (s: string) => `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;
      const text = [
        'From: =?UTF-8?B?7J287YSw?= <noreply@ilteo.example>',
        `To: ${m.to}`,
        `Subject: ${encode(m.subject)}`,
        `Message-ID: <${m.id}@ilteo.example>`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=UTF-8',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from(m.body, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n'),
        '',
      ].join('\r\n');
      const file = path.join(dir, `${m.id}.eml`);
      await fs.writeFile(`${file}.tmp`, text);
      await fs.rename(`${file}.tmp`, file);
    },
  };
}

export interface OutgoingEmail {
  accountId: number;
  to: string;
  subject: string;
  body: string;
  /** Unique per e-mail: enqueuing the same key twice sends it once. */
  dedupeKey: string;
}

/** Puts an e-mail in the outbox (in the caller's transaction when given one); deliverOutbox sends it. */
export async function enqueueEmail(q: Database | Tx, m: OutgoingEmail): Promise<void> {
  await q.query(
    sql`INSERT INTO email_outbox (account_id, to_address, subject, body, dedupe_key)
        VALUES (${m.accountId}, ${m.to}, ${m.subject}, ${m.body}, ${m.dedupeKey})
        ON CONFLICT (dedupe_key) DO NOTHING`,
  );
}

async function notify(
  database: Database,
  n: {
    accountId: number;
    email: string | null;
    kind: string;
    title: string;
    body: string;
    link: string;
    dedupeKey: string;
  },
): Promise<boolean> {
  const rows = await database.query<{ id: number }>(
    sql`INSERT INTO notifications (account_id, kind, title, body, link, dedupe_key)
        VALUES (${n.accountId}, ${n.kind}, ${n.title}, ${n.body}, ${n.link}, ${n.dedupeKey})
        ON CONFLICT (dedupe_key) DO NOTHING RETURNING id::int AS id`,
  );
  if (rows.length === 0) return false;
  if (n.email)
    await enqueueEmail(database, {
      accountId: n.accountId,
      to: n.email,
      subject: n.title,
      body: `${n.body}\n\n${n.link}`,
      dedupeKey: n.dedupeKey,
    });
  return true;
}

export interface AlertRun {
  skipped: boolean;
  notified: number;
}

interface AlertOptions {
  now: Date;
  today: string;
  holder: string;
  publicUrl: string;
}

/** One run of the alert job (every process calls it on a timer; one at a time does the work). */
export async function runAlerts(database: Database, market: MarketStore, opts: AlertOptions): Promise<AlertRun> {
  if (!(await acquireLease(database, 'alerts', opts.holder, 120, opts.now))) return { skipped: true, notified: 0 };
  let notified = 0;
  try {
    const [top] = await database.query<{ max: number }>(sql`SELECT COALESCE(max(id), 0)::int AS max FROM postings`);
    const ceiling = top?.max ?? 0;
    notified += await alertSavedSearches(database, ceiling, opts);
    notified += await alertProfiles(database, market, ceiling, opts);
  } finally {
    await releaseLease(database, 'alerts', opts.holder);
  }
  return { skipped: false, notified };
}

/** New postings (up to `ceiling`) matching each 저장한 검색, up to 5 a search; how many were notified. */
async function alertSavedSearches(database: Database, ceiling: number, opts: AlertOptions): Promise<number> {
  let notified = 0;
  const searches = await database.query<{
    id: number;
    accountId: number;
    email: string | null;
    name: string;
    query: string;
    watermark: number;
  }>(
    sql`SELECT s.id::int AS id, s.account_id::int AS "accountId", a.email, s.name, s.query, s.watermark::int AS watermark
        FROM saved_searches s JOIN accounts a ON a.id = s.account_id AND a.status = 'active' WHERE s.watermark < ${ceiling}`,
  );
  for (const s of searches) {
    const parsed = parseSearchParams({
      ...Object.fromEntries(new URLSearchParams(s.query)),
      sort: 'recent',
      page: '1',
      size: '20',
    });
    if (parsed.ok) {
      const conditions = describeSearch(s.query);
      const result = await searchPostings(database, parsed.params, opts.today);
      for (const p of result.items.filter((p) => p.id > s.watermark && p.id <= ceiling).slice(0, 5))
        if (
          await notify(database, {
            accountId: s.accountId,
            email: s.email,
            kind: 'saved-search',
            title: `[${s.name}] 새 채용공고: ${p.title}`,
            body: `${p.companyName} · 저장한 검색 "${s.name}"${conditions === s.name ? '' : ` (${conditions})`}에 맞는 새 공고입니다.`,
            link: `${opts.publicUrl}/jobs/${p.wantedAuthNo}`,
            dedupeKey: `ss:${s.id}:${p.id}`,
          })
        )
          notified++;
    }
    await database.query(sql`UPDATE saved_searches SET watermark = ${ceiling} WHERE id = ${s.id}`);
  }
  return notified;
}

/** New postings (up to `ceiling`) that fit each 구직신청 best, up to 5 a seeker; how many were notified. */
async function alertProfiles(
  database: Database,
  market: MarketStore,
  ceiling: number,
  opts: AlertOptions,
): Promise<number> {
  let notified = 0;
  const profiles = await database.query<{ accountId: number; email: string | null; watermark: number }>(
    sql`SELECT p.account_id::int AS "accountId", a.email, p.alert_watermark::int AS watermark
        FROM job_seeker_profiles p JOIN accounts a ON a.id = p.account_id AND a.status = 'active' WHERE p.alert_watermark < ${ceiling}`,
  );
  for (const p of profiles) {
    const profile = await market.profile(p.accountId);
    if (!profile) continue;
    const [resume] = await market.resumesOf(p.accountId);
    const wishes = {
      occupations: profile.occupations,
      regions: profile.regions,
      wageMonthly: profile.wageMonthly,
      careerMonths: 0,
      education: resume?.education ?? '99',
    };
    const fresh = (
      await market.recommendationCandidates(narrowKeys(wishes), candidateKeys(wishes), profile.empType)
    ).filter((c) => c.id > p.watermark && c.id <= ceiling);
    for (const r of recommend(wishes, fresh, opts.today, 5))
      if (
        await notify(database, {
          accountId: p.accountId,
          email: p.email,
          kind: 'recommendation',
          title: `새 맞춤 채용공고: ${r.posting.title}`,
          body: `${r.posting.companyName} · ${r.reasons.join(' · ')}`,
          link: `${opts.publicUrl}/jobs/${r.posting.wantedAuthNo}`,
          dedupeKey: `jp:${p.accountId}:${r.posting.id}`,
        })
      )
        notified++;
    await database.query(
      sql`UPDATE job_seeker_profiles SET alert_watermark = ${ceiling} WHERE account_id = ${p.accountId}`,
    );
  }
  return notified;
}

/** Sends up to `limit` pending e-mails; a failure is recorded and retried on a later run. */
export async function deliverOutbox(
  database: Database,
  transport: MailTransport,
  limit = 50,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  await database.transaction(async (tx) => {
    const rows = await tx.query<{ id: number; to: string; subject: string; body: string; dedupeKey: string }>(
      sql`SELECT id::int AS id, to_address AS to, subject, body, dedupe_key AS "dedupeKey" FROM email_outbox
          WHERE sent_at IS NULL AND attempts < 5 ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`,
    );
    for (const r of rows) {
      try {
        await transport.send({
          to: r.to,
          subject: r.subject,
          body: r.body,
          id: `${r.id}-${r.dedupeKey.replace(/[^A-Za-z0-9-]/g, '-')}`,
        });
        await tx.query(sql`UPDATE email_outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = ${r.id}`);
        sent++;
      } catch (err) {
        await tx.query(
          sql`UPDATE email_outbox SET attempts = attempts + 1, last_error = ${String((err as Error).message ?? err).slice(0, 300)} WHERE id = ${r.id}`,
        );
        failed++;
      }
    }
  });
  return { sent, failed };
}

export const holderId = (): string => `${process.pid}-${randomUUID().slice(0, 8)}`;
