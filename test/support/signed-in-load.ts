/**
 * Signed-in writes of four kinds for the chaos suite and bench:failover, each by its own signed-in
 * person through real HTTP (HAProxy, two app processes), each write with a unique marker so it can be
 * found in the database afterwards:
 *   saved-search    a seeker's 저장한 검색           (POST /my/saved-searches)
 *   saved-posting   a seeker's 관심 채용정보 저장      (POST /jobs/:id/save, a new posting each time)
 *   application     a seeker's 입사지원               (POST /jobs/:id/apply, a new posting each time)
 *   decision        a counsellor's 심사 메모 on a claim (POST /centre/claims/:id/note)
 * A client does what the pages tell a person: an answer that never came, or a 503 saying it is not
 * known whether it was applied (OUTCOME_UNKNOWN), is sent again with the same key (at most 3 times); a
 * 503 that says "not written" is given up. Afterwards, per kind: acknowledged writes lost or stored more
 * than once, and writes answered 503 (given up) that were applied anyway.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { BenefitsService } from '../../src/benefits/service.ts';
import type { Database } from '../../src/db/index.ts';
import { createAccount } from '../../src/identity/accounts.ts';
import type { NewPosting } from '../../src/jobs/posting.ts';
import { insertPostings } from '../../src/jobs/store.ts';
import { createMarketStore } from '../../src/market/store.ts';
import { seoulToday } from '../../src/shared/dates.ts';
import { approvedClaim } from './claims.ts';
import { HttpClient } from './http.ts';
import { makePosting } from './postings.ts';

export const KINDS = ['saved-search', 'saved-posting', 'application', 'decision'] as const;
export type Kind = (typeof KINDS)[number];

const PASSWORD = 'Ilteo!2026load';

interface Write {
  kind: Kind;
  marker: string;
  /** 'ok' acknowledged; 'unavailable' a 503 "not written" given up; 'unanswered' no answer after 3 tries. */
  result: 'ok' | 'unavailable' | 'unanswered' | 'failed';
  status: number;
  at: number;
  done: number;
}

interface Fixture {
  login: string;
  resumeId?: number;
  claimId?: number;
}

/** The people, postings, resumes and a claim the load needs, created directly in the database. */
export async function prepareSignedInLoad(
  database: Database,
  benefits: BenefitsService,
  options: { postings?: number; tag?: string } = {},
): Promise<{ fixtures: Record<Kind, Fixture>; postings: string[] }> {
  const tag = options.tag ?? Date.now().toString(36);
  const make = (kind: 'seeker' | 'counsellor', name: string) =>
    createAccount(database, {
      kind,
      loginId: `${name}${tag}`,
      name: kind === 'seeker' ? '부하시험' : '부하상담',
      email: null,
      password: PASSWORD,
      centreCode: 'seoul-gangnam',
    });
  const ids: Record<Kind, number> = {
    'saved-search': await make('seeker', 'ldsrch'),
    'saved-posting': await make('seeker', 'ldsave'),
    application: await make('seeker', 'ldappl'),
    decision: await make('counsellor', 'ldcoun'),
  };
  const resumeId = await createMarketStore(database).saveResume(ids.application, null, {
    title: '물류 관리 경력 5년',
    education: '05',
    school: '한국대학교 경영학과',
    careers: [{ company: '(주)한빛물류', role: '입출고 관리', from: '2020-01', to: '2024-12' }],
    certificates: '',
    skills: '재고 관리',
    introduction: '성실합니다.',
    isPublic: false,
  });
  const claimant = await make('seeker', 'ldclmt');
  const today = seoulToday();
  const claimId = await approvedClaim(benefits, {
    claimantId: claimant,
    counsellorId: ids.decision,
    today,
    firstDate: today,
  });
  const count = options.postings ?? 4_000;
  const postings: NewPosting[] = [];
  for (let i = 0; i < count; i++)
    postings.push(makePosting({ wantedAuthNo: `KL${tag.toUpperCase()}${String(i).padStart(6, '0')}`, closeDt: null }));
  await insertPostings(database, postings);
  return {
    fixtures: {
      'saved-search': { login: `ldsrch${tag}` },
      'saved-posting': { login: `ldsave${tag}` },
      application: { login: `ldappl${tag}`, resumeId },
      decision: { login: `ldcoun${tag}`, claimId },
    },
    postings: postings.map((p) => p.wantedAuthNo),
  };
}

export class SignedInLoad {
  readonly writes: Write[] = [];
  /** Kinds with a request on the wire right now (for killing an app process mid-POST). */
  readonly inFlight = new Set<Kind>();
  private running = true;
  private loops: Promise<void>[] = [];
  private nextPosting = 0;
  private readonly base: string;
  private readonly fixtures: Record<Kind, Fixture>;
  private readonly postings: string[];

  constructor(base: string, prepared: { fixtures: Record<Kind, Fixture>; postings: string[] }) {
    this.base = base;
    this.fixtures = prepared.fixtures;
    this.postings = prepared.postings;
  }

  async start(): Promise<void> {
    const clients = await Promise.all(
      KINDS.map(async (kind) => {
        const client = new HttpClient(this.base);
        const signIn = await client.signIn(this.fixtures[kind].login, PASSWORD);
        if (signIn.status !== 303) throw new Error(`${kind}: sign-in answered ${signIn.status}`);
        await client.get(kind === 'decision' ? '/centre' : '/my'); // a page with the form token
        return [kind, client] as const;
      }),
    );
    for (const [kind, client] of clients) this.loops.push(this.writer(kind, client));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private request(kind: Kind): { marker: string; url: string; form: Record<string, string> } {
    const f = this.fixtures[kind];
    if (kind === 'saved-search') {
      const marker = `검색 ${randomUUID().slice(0, 18)}`;
      return { marker, url: '/my/saved-searches', form: { name: marker, query: 'q=물류' } };
    }
    if (kind === 'decision') {
      const marker = `메모 ${randomUUID()}`;
      return { marker, url: `/centre/claims/${f.claimId}/note`, form: { note: marker } };
    }
    const posting = this.postings[this.nextPosting++ % this.postings.length] as string;
    return kind === 'saved-posting'
      ? { marker: posting, url: `/jobs/${posting}/save`, form: {} }
      : { marker: posting, url: `/jobs/${posting}/apply`, form: { resumeId: String(f.resumeId) } };
  }

  private async writer(kind: Kind, client: HttpClient): Promise<void> {
    while (this.running) {
      const { marker, url, form } = this.request(kind);
      const key = randomUUID();
      const at = performance.now();
      let write: Write = { kind, marker, result: 'unanswered', status: 0, at, done: at };
      for (let attempt = 0; attempt < 3; attempt++) {
        this.inFlight.add(kind);
        try {
          const res = await client.post(url, form, { key });
          const retry = res.status === 503 && res.code === 'OUTCOME_UNKNOWN';
          write = {
            ...write,
            status: res.status,
            done: performance.now(),
            result: res.status < 400 ? 'ok' : res.status === 503 && !retry ? 'unavailable' : 'failed',
          };
          if (!retry) break;
        } catch {
          write = { ...write, done: performance.now(), result: 'unanswered' };
        } finally {
          this.inFlight.delete(kind);
        }
      }
      this.writes.push(write);
      // A person does not click faster than this; it keeps four writers from crowding out the rest.
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Per kind, what the database holds for each write compared with what its writer was answered. */
  async verify(database: Database): Promise<Record<Kind, KindVerification>> {
    const out = {} as Record<Kind, KindVerification>;
    for (const kind of KINDS) {
      const writes = this.writes.filter((w) => w.kind === kind);
      const stored = await storedCounts(
        database,
        kind,
        this.fixtures[kind],
        writes.map((w) => w.marker),
      );
      const count = (w: Write) => stored.get(w.marker) ?? 0;
      out[kind] = {
        sent: writes.length,
        acknowledged: writes.filter((w) => w.result === 'ok').length,
        journaled: writes.filter((w) => w.result === 'ok' && w.status === 202).length,
        unavailable: writes.filter((w) => w.result === 'unavailable').length,
        unanswered: writes.filter((w) => w.result === 'unanswered').length,
        failed: writes.filter((w) => w.result === 'failed').map((w) => ({ marker: w.marker, status: w.status })),
        lost: writes.filter((w) => w.result === 'ok' && count(w) === 0).map((w) => w.marker),
        duplicated: writes.filter((w) => count(w) > 1).map((w) => w.marker),
        appliedAfter503: writes.filter((w) => w.result === 'unavailable' && count(w) > 0).map((w) => w.marker),
      };
    }
    return out;
  }
}

export interface KindVerification {
  sent: number;
  acknowledged: number;
  /** Of those, answered 202 접수됨 (taken into an app server's journal, applied when the database is back). */
  journaled: number;
  /** Answered 503 "not written" and given up. */
  unavailable: number;
  /** No answer after three tries (the outcome is whatever the database says; not counted as lost). */
  unanswered: number;
  /** Answered otherwise (must be none). */
  failed: { marker: string; status: number }[];
  lost: string[];
  duplicated: string[];
  /** Given up after a 503 that said "not written", and applied anyway (must be none). */
  appliedAfter503: string[];
}

async function storedCounts(
  database: Database,
  kind: Kind,
  fixture: Fixture,
  markers: string[],
): Promise<Map<string, number>> {
  if (markers.length === 0) return new Map();
  const list = sql`(SELECT jsonb_array_elements_text(${JSON.stringify(markers)}::jsonb))`;
  const login = fixture.login;
  const rows = await database.query<{ marker: string; n: number }>(
    kind === 'saved-search'
      ? sql`SELECT s.name AS marker, count(*)::int AS n FROM saved_searches s JOIN accounts a ON a.id = s.account_id
            WHERE a.login_id = ${login} AND s.name IN ${list} GROUP BY s.name`
      : kind === 'saved-posting'
        ? sql`SELECT p.wanted_auth_no AS marker, count(*)::int AS n FROM saved_postings s
              JOIN postings p ON p.id = s.posting_id JOIN accounts a ON a.id = s.account_id
              WHERE a.login_id = ${login} AND p.wanted_auth_no IN ${list} GROUP BY p.wanted_auth_no`
        : kind === 'application'
          ? sql`SELECT p.wanted_auth_no AS marker, count(*)::int AS n FROM applications x
                JOIN postings p ON p.id = x.posting_id JOIN accounts a ON a.id = x.applicant_id
                WHERE a.login_id = ${login} AND p.wanted_auth_no IN ${list} GROUP BY p.wanted_auth_no`
          : sql`SELECT details->>'planningNote' AS marker, count(*)::int AS n FROM benefit_ledger
                WHERE claim_id = ${fixture.claimId ?? 0} AND event = 'note' AND details->>'planningNote' IN ${list}
                GROUP BY details->>'planningNote'`,
  );
  return new Map(rows.map((r) => [r.marker, r.n]));
}
