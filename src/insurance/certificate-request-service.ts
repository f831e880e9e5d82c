/**
 * Requests for an 이직확인서 (고용보험법 제42조 제3항: the employer gives it when the separated worker or
 * the job centre asks): the worker asks on a 상실 record of their own (after 본인확인), a counsellor for a
 * verified client of their centre. Each request is due by certificateDueOn (deadlines.ts), and every
 * reporter of the workplace is told in their 알림; the employer's filing fulfils it. Counsellors see the
 * open requests of their centre, the overdue ones with the days overdue. A client, record or request
 * outside the asker's reach is answered like one that does not exist.
 */
import { type Staff, scopeOf } from '../centre/scope.ts';
import { findAccount } from '../identity/accounts.ts';
import { type Actor, auditBy } from '../identity/audit.ts';
import { daysBetween, seoulToday } from '../shared/dates.ts';
import { UserError } from '../web/errors.ts';
import { separationDateOf } from './certificate-rules.ts';
import {
  type CertificateRow,
  centreOpenRequests,
  certificatesOf,
  insertRequest,
  notify,
  openRequestsOf,
  personRequests,
  type RequestRow,
  reporterIds,
} from './certificate-store.ts';
import { certificateDueOn } from './deadlines.ts';
import { type InsuredStint, insuredHistory } from './person-history.ts';
import { personEvents } from './person-store.ts';
import { findVerification } from './verify-store.ts';
import type { InsuranceDeps } from './workplace-access.ts';

/** A 상실 record of the person with the requests and 이직확인서 of it. */
export interface SeparationRecord {
  record: InsuredStint & { lostOn: string };
  separatedOn: string;
  requests: RequestRow[];
  /** Filed for this 이직 (or a later one at the workplace), newest first. */
  certificates: CertificateRow[];
}

const notFound = () => new UserError(404, 'NOT_FOUND', '요청하신 고용보험 기록을 찾을 수 없습니다.');
const clientNotFound = () => new UserError(404, 'NOT_FOUND', '요청하신 개인회원을 찾을 수 없습니다.');

const staffActor = (staff: Staff): Actor => ({
  id: staff.account.id,
  kind: staff.account.kind,
  ip: staff.ip,
  userAgent: staff.userAgent,
});

/** What the worker's and the counsellor's requests share: the records, the request itself, the client. */
function requestParts(deps: InsuranceDeps) {
  const { database } = deps;
  const today = () => seoulToday(deps.now());

  /** The person's stints that end in a 상실, each with its requests and 이직확인서. */
  const separations = async (personHash: string): Promise<SeparationRecord[]> => {
    const stints = insuredHistory(await personEvents(database, personHash)).filter(
      (s): s is InsuredStint & { lostOn: string } => s.lostOn !== null,
    );
    const [requests, certificates] = await Promise.all([
      personRequests(database, personHash),
      certificatesOf(database, personHash),
    ]);
    return stints.map((record) => {
      const separatedOn = separationDateOf(record.lostOn);
      return {
        record,
        separatedOn,
        requests: requests.filter((r) => r.workplaceId === record.workplaceId),
        certificates: certificates.filter((c) => c.workplaceId === record.workplaceId && c.separatedOn >= separatedOn),
      };
    });
  };

  const separationOf = async (personHash: string, rawId: string): Promise<SeparationRecord> => {
    const found = (await separations(personHash)).find((s) => String(s.record.id) === rawId);
    if (!found) throw notFound();
    return found;
  };

  /** A request (once per open one: a second finds the first) and the 알림 of the workplace's reporters. */
  const request = async (actor: Actor, key: string, personHash: string, s: SeparationRecord, who: string) => {
    if (s.certificates.length > 0)
      throw new UserError(409, 'CERTIFICATE_FILED', '이 이직에 대한 이직확인서가 이미 제출되었습니다.');
    const [open] = await openRequestsOf(database, s.record.workplaceId, personHash);
    if (open) return { requestId: open.id, created: false };
    const dueOn = certificateDueOn(today());
    const { id, inserted } = await insertRequest(database, {
      dedupeKey: `certificate-request:${actor.id}:${key}`,
      workplaceId: s.record.workplaceId,
      personHash,
      requestedBy: actor.id,
      dueOn,
      at: deps.now(),
    });
    if (!inserted) return { requestId: id, created: false };
    const [row] = await openRequestsOf(database, s.record.workplaceId, personHash);
    for (const accountId of await reporterIds(database, s.record.workplaceId))
      await notify(database, {
        accountId,
        title: `이직확인서 요청: ${row?.personName ?? ''} (${row?.personMasked ?? ''})`,
        body: `${s.record.workplaceName} · ${who} 요청 · 기한 ${dueOn}`,
        link: '/employer/insurance/certificates',
        dedupeKey: `certificate-request:${id}:${accountId}`,
      });
    await auditBy(database, actor, 'insurance.certificate.request', {
      target: { type: 'certificate_request', id },
      details: { workplace: s.record.managementNo, by: who },
    });
    return { requestId: id, created: true };
  };

  /** A seeker of the staff member's centre who has done 본인확인, or 404. */
  const client = async (staff: Staff, rawId: string) => {
    const scope = scopeOf(staff.account);
    const id = Number(rawId);
    const account = Number.isSafeInteger(id) && id > 0 ? await findAccount(database, id) : undefined;
    if (account?.kind !== 'seeker' || (scope !== null && account.centreCode !== scope)) throw clientNotFound();
    const verification = await findVerification(database, account.id);
    return { account, verification: verification ?? null };
  };

  return { today, separations, separationOf, request, client };
}

export function createCertificateRequests(deps: InsuranceDeps) {
  const { database } = deps;
  const { today, separations, separationOf, request, client } = requestParts(deps);
  return {
    /** The worker's 상실 record with its requests and 이직확인서 (403 before 본인확인). */
    async mySeparation(accountId: number, rawId: string): Promise<SeparationRecord> {
      const v = await findVerification(database, accountId);
      if (!v) throw new UserError(403, 'NOT_VERIFIED', '고용보험 기록을 보려면 먼저 본인확인을 해 주세요.');
      return separationOf(v.personHash, rawId);
    },

    /** The worker asks the employer for the 이직확인서 of one of their 상실 records (inside the command). */
    async requestAsWorker(actor: Actor, key: string, rawId: string): Promise<{ redirect: string }> {
      const v = await findVerification(database, actor.id);
      if (!v) throw new UserError(403, 'NOT_VERIFIED', '고용보험 기록을 보려면 먼저 본인확인을 해 주세요.');
      const s = await separationOf(v.personHash, rawId);
      const { created } = await request(actor, key, v.personHash, s, '본인');
      return { redirect: `/my/insurance/records/${s.record.id}/certificate?${created ? 'requested' : 'already'}=1` };
    },

    /** A client's 상실 records for the counsellor, with requests and 이직확인서; the look is audited. */
    async clientSeparations(staff: Staff, rawClientId: string) {
      const { account, verification } = await client(staff, rawClientId);
      await auditBy(database, staffActor(staff), 'insurance.certificate.view', {
        target: { type: 'account', id: account.id },
      });
      return {
        client: account,
        verified: verification !== null,
        records: verification ? await separations(verification.personHash) : [],
      };
    },

    /** The counsellor asks the employer for a client's 이직확인서 (inside the command). */
    async requestAsCounsellor(staff: Staff, key: string, rawClientId: string, rawRecordId: string) {
      const { account, verification } = await client(staff, rawClientId);
      if (!verification) throw notFound();
      const s = await separationOf(verification.personHash, rawRecordId);
      const { created } = await request(staffActor(staff), key, verification.personHash, s, '고용센터');
      return {
        redirect: `/centre/certificates/clients/${account.id}?${created ? 'requested' : 'already'}=${s.record.id}`,
      };
    },

    /** The open requests of the centre's people (overdue only, if asked), with the days left or overdue; audited. */
    async centreRequests(staff: Staff, overdueOnly: boolean) {
      const scope = scopeOf(staff.account);
      const now = today();
      const rows = await centreOpenRequests(database, scope, overdueOnly ? now : undefined);
      await auditBy(database, staffActor(staff), 'insurance.certificate.list', {
        target: { type: 'centre', id: scope ?? 'all' },
        details: { overdue: overdueOnly },
      });
      return {
        today: now,
        requests: rows.map((r) => ({ ...r, daysOverdue: Math.max(0, daysBetween(r.dueOn, now)) })),
      };
    },
  };
}
