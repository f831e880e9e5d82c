/**
 * Demo 고용보험 records (`npm start`): the demo employer's company gets two 사업장 and reports its
 * workers through the same service as its pages (src/insurance/employer-service.ts), each 신고 dated on
 * the day it would have been filed — 취득 for the demo people, 상실 for 김민준 with the 상실사유 of his
 * demo claim (23, 권고사직: src/benefits/demo.ts files it with 이직일 = 실업신고일 − 5, 실업신고일 =
 * today − 20) and his 이직확인서, and a few other workers. 정현우 (demo claim: 이직 today − 50, 1차 paid)
 * is reported as taken on again at the 제2사업장 during his first 실업인정 period, so the counsellor's
 * claim page shows the 부정수급 flag (src/insurance/claim-records.ts).
 *
 * Once: nothing is done when the company has a 사업장 already, and every 신고 has its own dedupe key.
 * 김민준's 이직확인서 goes through the 이직확인서 service (certificate-service.ts), as the employer's page
 * files it. The 주민등록번호 are the demo residents' (src/identity/dev-idp.ts demoResidents(), invented) and two
 * invented ones; they are hashed by the service and never logged.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import type { Actor } from '../identity/audit.ts';
import { demoResidents } from '../identity/dev-idp.ts';
import { addDays, seoulToday } from '../shared/dates.ts';
import { createCertificateService } from './certificate-service.ts';
import { createInsuranceEmployerService } from './employer-service.ts';
import { personHash } from './person.ts';
import { personSecret } from './secret.ts';

const at = (date: string) => new Date(`${date}T01:00:00Z`);

/** Two invented workers besides the demo people (numbers valid in form, issued to nobody). */
const OTHERS = [
  { login: 'seoyeon', name: '박서연', rrn: '9608122345678' },
  { login: 'doyoon', name: '이도윤', rrn: '9902011345671' },
] as const;

interface DemoEmployer {
  id: number;
  companyId: number;
  busino: string;
  companyName: string;
}

type Hire = { who: string; workplace: 0 | 1; acquiredOn: string; wage: number; occupation: string };
type Leave = { who: string; workplace: 0 | 1; lostOn: string; code: string; sub: string; reason: string; wage: number };

function plan(today: string) {
  const minjunSeparation = addDays(today, -25);
  const hyunwooSeparation = addDays(today, -50);
  const hires: Hire[] = [
    { who: 'minjun', workplace: 0, acquiredOn: addDays(minjunSeparation, -1_220), wage: 2_940_000, occupation: '026' },
    { who: 'hyunwoo', workplace: 0, acquiredOn: addDays(hyunwooSeparation, -610), wage: 3_300_000, occupation: '026' },
    { who: 'seoyeon', workplace: 0, acquiredOn: addDays(today, -700), wage: 3_100_000, occupation: '026' },
    { who: 'doyoon', workplace: 1, acquiredOn: addDays(today, -400), wage: 2_600_000, occupation: '026' },
    { who: 'sua', workplace: 1, acquiredOn: addDays(today, -300), wage: 2_450_000, occupation: '026' },
    { who: 'dohyun', workplace: 1, acquiredOn: addDays(today, -200), wage: 2_700_000, occupation: '026' },
    // During his 1차 실업인정 period (filed and paid in src/benefits/demo.ts): the 부정수급 flag.
    { who: 'hyunwoo', workplace: 1, acquiredOn: addDays(today, -38), wage: 2_800_000, occupation: '026' },
  ];
  const leaves: Leave[] = [
    {
      who: 'minjun',
      workplace: 0,
      lostOn: addDays(minjunSeparation, 1),
      code: '23',
      sub: '23-1',
      reason: '경영 악화에 따른 인원 감축 (권고사직)',
      wage: 2_940_000,
    },
    {
      who: 'hyunwoo',
      workplace: 0,
      lostOn: addDays(hyunwooSeparation, 1),
      code: '32',
      sub: '32-1',
      reason: '근로계약 기간(20개월) 만료, 재계약 없음',
      wage: 3_300_000,
    },
    {
      who: 'doyoon',
      workplace: 1,
      lostOn: addDays(today, -60),
      code: '11',
      sub: '11-1',
      reason: '다른 회사로 이직',
      wage: 2_600_000,
    },
  ];
  return { hires, leaves, minjunSeparation };
}

async function demoEmployer(database: Database): Promise<DemoEmployer | undefined> {
  const [row] = await database.query<DemoEmployer & Record<string, unknown>>(
    sql`SELECT a.id::int AS id, a.company_id::int AS "companyId", c.busino, c.name AS "companyName"
        FROM accounts a JOIN companies c ON c.id = a.company_id WHERE a.login_id = 'employer'`,
  );
  return row;
}

type Service = ReturnType<typeof createInsuranceEmployerService>;
type Person = { name: string; rrn: string };

/** The 취득 and 상실 of the plan as steps, each filed through the service on the day it would be. */
function reportSteps(
  service: Service,
  actor: Actor,
  me: { id: number; companyId: number },
  numbers: readonly [string, string],
  people: Map<string, Person>,
  secret: string,
  today: string,
) {
  const { hires, leaves } = plan(today);
  const steps: { on: string; run: () => Promise<unknown> }[] = [
    ...hires.map((h) => ({
      on: h.acquiredOn,
      run: async () => {
        const p = people.get(h.who);
        if (!p) return;
        await service.fileAcquire(actor, me, numbers[h.workplace], p.rrn, {
          personName: p.name,
          acquiredOn: h.acquiredOn,
          monthlyWage: h.wage,
          dailyHours: 8,
          occupationCd: h.occupation,
        });
      },
    })),
    ...leaves.map((l) => ({
      on: l.lostOn,
      run: async () => {
        const p = people.get(l.who);
        if (!p) return;
        const hash = personHash(secret, p.rrn);
        const { insured } = await service.workplacePage(me, numbers[l.workplace]);
        const worker = insured.find((w) => w.personHash === hash);
        if (!worker) return;
        await service.fileLose(actor, me, numbers[l.workplace], String(worker.reportId), {
          lostOn: l.lostOn,
          lossCode: l.code,
          lossSubCode: l.sub,
          lossReason: l.reason,
          monthlyWage: l.wage,
        });
      },
    })),
  ];
  return { steps: steps.sort((a, b) => a.on.localeCompare(b.on)), hires, leaves };
}

/** The demo employer's 사업장 and 신고, once. */
export async function seedDemoInsurance(
  database: Database,
  log: (msg: string) => void,
  now = new Date(),
): Promise<void> {
  const employer = await demoEmployer(database);
  if (!employer) return;
  const [existing] = await database.query<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM workplaces WHERE company_id = ${employer.companyId}`,
  );
  if ((existing?.n ?? 0) > 0) return;
  let clock = now;
  const deps = { database, now: () => clock };
  const service = createInsuranceEmployerService(deps);
  const actor: Actor = { id: employer.id, kind: 'employer', ip: '127.0.0.1', userAgent: 'ilteo demo seed' };
  const me = { id: employer.id, companyId: employer.companyId };
  const today = seoulToday(now);
  const numbers = [`${employer.busino}0`, `${employer.busino}1`] as const;
  clock = at(addDays(today, -1_500));
  await service.registerWorkplace(actor, me, {
    managementNo: numbers[0],
    name: `${employer.companyName} 본사`,
    address: '서울특별시 강남구 테헤란로 152',
  });
  await service.registerWorkplace(actor, me, {
    managementNo: numbers[1],
    name: `${employer.companyName} 제2사업장`,
    address: '경기도 이천시 마장면 덕평로 811',
  });
  const people = new Map<string, Person>(
    [...demoResidents(), ...OTHERS].map((p) => [p.login, { name: p.name, rrn: p.rrn }]),
  );
  const secret = await personSecret(database);
  const { steps, hires, leaves } = reportSteps(service, actor, me, numbers, people, secret, today);
  // In date order, each filed a few days after it happened (within the 시행령 제7조 deadlines).
  for (const step of steps) {
    clock = at(addDays(step.on, 3));
    await step.run();
  }
  const minjun = people.get('minjun');
  if (minjun) {
    clock = at(addDays(plan(today).minjunSeparation, 4));
    await fileDemoCertificate(deps, actor, me, numbers[0], personHash(secret, minjun.rrn));
  }
  log(
    `데모 고용보험 기록을 만들었습니다: ${employer.companyName} 사업장 2곳, 취득 ${hires.length}건·상실 ${leaves.length}건, 김민준 이직확인서`,
  );
}

/**
 * 김민준's 이직확인서, filed by his former employer through the 이직확인서 service (as its page does): for
 * his 상실 신고, with the form's own periods and months, his 보수 in each.
 */
async function fileDemoCertificate(
  deps: { database: Database; now: () => Date },
  actor: Actor,
  me: { id: number; companyId: number },
  managementNo: string,
  hash: string,
): Promise<void> {
  const service = createInsuranceEmployerService(deps);
  const certificates = createCertificateService(deps);
  const { reports } = await service.workplacePage(me, managementNo);
  const loss = reports.find((r) => r.kind === 'lose' && !r.cancelled && r.original.personHash === hash);
  if (!loss) return;
  const reportId = String(loss.original.id);
  const { layout } = await certificates.certificateForm(me, managementNo, reportId);
  await certificates.fileCertificate(actor, me, managementNo, reportId, 'demo', {
    lossCode: '23',
    lossSubCode: '23-1',
    reason: '경영 악화로 부서를 줄이며 인원 감축, 권고사직',
    recentWages: layout.rows.map((r) => ({ ...r, wage: Math.round((2_940_000 * r.days) / 30) })),
    ordinaryDailyWage: 92_000,
    dailyHours: 8,
    baseDays: layout.months,
  });
}

/**
 * The 사업장 a demo person last left, as the demo employer reported it (the newest 상실 of that person),
 * so the demo claims name the workplace the records show; null for someone with no 상실 report.
 */
export async function demoLastWorkplace(database: Database, login: string): Promise<string | null> {
  const person = demoResidents().find((p) => p.login === login);
  if (!person) return null;
  const hash = personHash(await personSecret(database), person.rrn);
  const [row] = await database.query<{ name: string }>(
    sql`SELECT w.name FROM insurance_events e JOIN workplaces w ON w.id = e.workplace_id
         WHERE e.person_hash = ${hash} AND e.kind = 'lose' ORDER BY e.id DESC LIMIT 1`,
  );
  return row?.name ?? null;
}
