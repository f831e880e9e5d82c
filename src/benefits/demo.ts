/**
 * Demo 구직급여 claims at 서울강남고용센터, made through the same service as real ones (dated in the
 * past with a moved clock): 김민준 (approved, 1차 paid, 2차 coming), 최지우 (waiting for a decision),
 * 정현우 (2차 filed, waiting for the counsellor).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import type { AccountKind } from '../identity/accounts.ts';
import { demoLastWorkplace } from '../insurance/demo.ts';
import { addDays, seoulToday } from '../shared/dates.ts';
import type { ClaimFacts } from './calculate.ts';
import { type Calendar, nextBusinessDay } from './schedule.ts';
import { createBenefitsService } from './service.ts';

const at = (date: string) => new Date(`${date}T01:00:00Z`);

type Person = { id: number; loginId: string; kind: AccountKind };

/** The service on a clock the demo moves, so each step is dated as if it happened then. */
function demoService(database: Database, calendar: Calendar, now: Date) {
  let clock = now;
  const service = createBenefitsService({ database, calendar, now: () => clock });
  const setClock = (date: string) => {
    clock = at(date);
  };
  return { service, setClock, database };
}

type Demo = ReturnType<typeof demoService> & {
  calendar: Calendar;
  today: string;
  counsellor: Person;
  person: (login: string) => Person | undefined;
};

async function file(demo: Demo, login: string, reportDate: string, facts: Partial<ClaimFacts>) {
  const claimant = demo.person(login);
  if (!claimant) return null;
  demo.setClock(reportDate);
  const { claim } = await demo.service.fileClaim({
    claimant,
    centreCode: 'seoul-gangnam',
    idempotencyKey: randomUUID(),
    companyName:
      (await demoLastWorkplace(demo.database, login)) ??
      (facts.separationReason === '22' ? '(주)대한정밀 (폐업)' : '(주)한빛물류'),
    reportDate,
    facts: {
      separationDate: addDays(reportDate, -5),
      birthDate: '1985-05-20',
      disabled: false,
      insuredMonths: 40,
      insuredUnitDays: 400,
      separationReason: '23',
      justifiedReason: null,
      averageDailyWage: 98_000,
      ordinaryDailyWage: null,
      dailyHours: 8,
      ...facts,
    },
  });
  return claim;
}

/** Approves with the 1차 two weeks after filing, files and confirms recognitions up to `paidUpTo` (inclusive). */
async function run(
  demo: Demo,
  claimId: number,
  claimantLogin: string,
  reportDate: string,
  fileUpTo: number,
  confirmUpTo: number,
) {
  const { service, counsellor } = demo;
  const claimant = demo.person(claimantLogin);
  if (!claimant) return;
  const first = nextBusinessDay(addDays(reportDate, 14), demo.calendar).date;
  await service.approve(counsellor, claimId, {
    firstDate: first,
    cycleDays: 28,
    note: '취업지원 설명회 참석 안내함',
    repeatClaimant: false,
  });
  for (const r of await service.recognitions(claimId)) {
    if (r.seq > fileUpTo || r.scheduledDate > demo.today) break;
    demo.setClock(r.scheduledDate);
    const activities =
      r.seq === 1
        ? []
        : [
            {
              kind: 'application' as const,
              date: addDays(r.scheduledDate, -10),
              organisation: '(주)다온로지스',
              description: '물류 관리 사무원 입사 지원',
            },
          ];
    await service.fileRecognition(claimant, claimId, r.seq, {
      idempotencyKey: randomUUID(),
      workedOrEarned: false,
      activities,
    });
    if (r.seq <= confirmUpTo) await service.decideRecognition(counsellor, claimId, r.seq, { confirm: true, note: '' });
  }
}

export async function seedDemoClaims(
  database: Database,
  calendar: Calendar,
  log: (msg: string) => void,
  now = new Date(),
): Promise<void> {
  const [existing] = await database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM benefit_claims`);
  if ((existing?.n ?? 0) > 0) return;
  const people = await database.query<Person>(
    sql`SELECT id::int AS id, login_id AS "loginId", kind FROM accounts WHERE login_id IN ('minjun', 'jiwoo', 'hyunwoo', 'counsel.gangnam')`,
  );
  const person = (login: string) => people.find((p) => p.loginId === login);
  const counsellor = person('counsel.gangnam');
  if (!counsellor) return;
  const today = seoulToday(now);
  const demo: Demo = { ...demoService(database, calendar, now), calendar, today, counsellor, person };

  const minjunReport = addDays(today, -20);
  const minjun = await file(demo, 'minjun', minjunReport, {});
  if (minjun) await run(demo, minjun.id, 'minjun', minjunReport, 1, 1);
  await file(demo, 'jiwoo', addDays(today, -2), {
    birthDate: '1972-09-01',
    insuredMonths: 130,
    averageDailyWage: 120_000,
    separationReason: '22',
  });
  const hyunwooReport = addDays(today, -45);
  const hyunwoo = await file(demo, 'hyunwoo', hyunwooReport, {
    birthDate: '1990-02-14',
    insuredMonths: 20,
    averageDailyWage: 110_000,
    separationReason: '32',
  });
  if (hyunwoo) await run(demo, hyunwoo.id, 'hyunwoo', hyunwooReport, 2, 1);
  log(
    '데모 구직급여 신청을 만들었습니다: 김민준(인정, 1차 지급), 최지우(심사 대기), 정현우(2차 확인 대기) — 서울강남고용센터',
  );
}
