/**
 * Deterministic generator of realistic job postings shaped like WorkNet's: the same seed gives the same
 * postings on every machine. Streams (a generator), so 1,000,000 postings never sit in memory at once.
 */
import type { EmploymentType, WageType, WorkSchedule } from '../codes.ts';
import type { NewPosting } from '../posting.ts';
import { formatWage, minimumWage } from '../wages.ts';
import { CATALOG, type JobSpec, type WageSpec } from './catalog.ts';
import { contactName, INDUSTRY_BY_KEY, type Industry, MAX_COMPANIES, makeCompany } from './companies.ts';
import { pickPhone, pickPlaceInSido, pickRoadAddress, pickZip } from './places.ts';
import { PROFILES, type Profile } from './profiles.ts';
import { Rng, WeightedTable } from './random.ts';

const JOBS = new WeightedTable<JobSpec>(CATALOG.map((s) => [s, s.weight] as const));

const EMP_TAG: Record<string, string> = {
  '10': '정규직',
  '11': '시간제',
  '20': '계약직',
  '21': '시간제',
  '4': '파견',
  '3': '대체인력',
};
const CAREER_TAG: Record<string, string> = { N: '신입', E: '경력', Z: '초보가능' };
const SCHED_TAG: Record<string, string> = {
  '1': '주5일',
  '2': '주6일',
  '3': '주3일',
  '4': '주4일',
  '5': '격주 토요근무',
  '6': '교대근무',
  '9': '근무일 협의',
};
const DAYS: Record<string, number> = { '1': 5, '2': 6, '3': 3, '4': 4, '5': 5.5, '6': 5, '9': 5 };

function ceilTo(value: number, unit: number): number {
  return Math.ceil(value / unit) * unit;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function fill(template: string, values: Record<string, string>): string {
  return template
    .replace(/\{(\w+)\}/g, (_m, key: string) => values[key] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Wage {
  type: WageType;
  min: number;
  max: number;
}

function pickWage(rng: Rng, spec: WageSpec, day: number, week: number): Wage {
  const unit = spec.type === 'H' ? 10 : spec.type === 'D' ? 1_000 : spec.unit;
  const floor = ceilTo(minimumWage(spec.type, day, week), unit);
  // Monthly and annual pay scale with the hours (a 20-hour job pays about half of a 40-hour one).
  const scale = spec.type === 'M' || spec.type === 'Y' ? Math.min(1, week / 40) : 1;
  const offered = ceilTo(rng.int(spec.min, spec.max) * scale, spec.unit);
  const min = Math.max(floor, offered);
  const range = rng.chance(spec.range ?? 0.25);
  const step = spec.type === 'H' ? 500 : spec.type === 'D' ? 10_000 : spec.type === 'M' ? 100_000 : 2_000_000;
  return { type: spec.type, min, max: range ? min + step * rng.int(1, 5) : min };
}

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** YYYY-MM-DD (Asia/Seoul): postings are registered in the 60 days before it. */
  today: string;
}

export function* generatePostings(opts: GenerateOptions): Generator<NewPosting> {
  const seed = opts.seed ?? 1;
  const rng = new Rng();
  const companyRng = new Rng();
  const perIndustry = Math.max(3, Math.ceil(opts.count / 8 / INDUSTRY_BY_KEY.size));
  const industryIndex = new Map([...INDUSTRY_BY_KEY.keys()].map((k, i) => [k, i]));
  for (let i = 0; i < opts.count; i++) {
    rng.reseed(seed, 0x9057, i);
    yield generatePosting(rng, companyRng, seed, i, opts.today, perIndustry, industryIndex);
  }
}

export function generatePosting(
  rng: Rng,
  companyRng: Rng,
  seed: number,
  index: number,
  today: string,
  perIndustry: number,
  industryIndex: ReadonlyMap<string, number>,
): NewPosting {
  const spec = JOBS.pick(rng);
  const profile: Profile = PROFILES[spec.profile];
  const industryKey = rng.pick(spec.industries);
  const industry = INDUSTRY_BY_KEY.get(industryKey) as Industry;
  if (!industry) throw new Error(`unknown industry ${industryKey} for ${spec.code}`);
  const companyId =
    (((industryIndex.get(industryKey) ?? 0) * perIndustry + rng.int(0, perIndustry - 1)) % MAX_COMPANIES) >>> 0;
  const company = makeCompany(seed, companyId, industry, companyRng);

  // Where: the company's own 시군구, or (for 용역·파견·물류) another site in the same 시도.
  const place = industry.roaming && rng.chance(0.5) ? pickPlaceInSido(rng, company.place) : company.place;
  const atHome = place === company.place;
  const basicAddr = atHome ? company.basicAddr : `${place.prefix} ${pickRoadAddress(rng, place)}`;

  // Terms.
  const partTime = rng.chance(spec.partTime ?? 0);
  let sched: WorkSchedule = rng.weighted(profile.sched);
  let day = profile.day;
  let emp: EmploymentType = rng.weighted(profile.emp);
  if (partTime) {
    sched = '1';
    day = rng.pick([3, 4, 5, 6]);
    emp = emp === '20' || rng.chance(0.5) ? '21' : '11';
  }
  const week = Math.min(40, Math.round(day * (DAYS[sched] ?? 5)));
  const wage = pickWage(rng, rng.pick(spec.wages), day, week);
  const career = rng.weighted(profile.career);
  const minCareerMonths = career === 'E' ? rng.weighted(profile.months) : 0;
  const head = rng.weighted(profile.head);
  const role = rng.pick(spec.roles);

  const title = fill(rng.pick(profile.titles), {
    role,
    tag: rng.pick(place.tags),
    emp: EMP_TAG[emp] ?? '',
    careerTag: CAREER_TAG[career] ?? '',
    sched: SCHED_TAG[sched] ?? '',
    pay: formatWage(wage.type, wage.min, wage.min),
    head: String(head),
  });

  const duties = rng.sample(spec.duties, rng.int(3, Math.min(6, spec.duties.length)));
  const hoursLine = `- 근무시간: ${profile.start}부터 1일 ${day}시간 (주 ${week}시간, ${SCHED_TAG[sched]})`;
  const prefs = [
    ...rng.sample(spec.prefs, rng.int(1, Math.min(2, spec.prefs.length))),
    ...rng.sample(profile.prefs, rng.int(0, 2)),
  ];
  const welfare = [...profile.welfareBase, ...rng.sample(profile.welfare, rng.int(2, 5))];

  // When: recent postings are more frequent; ~30% stay open until filled (채용시까지).
  const age = Math.floor(60 * rng.next() ** 2);
  const regDt = addDays(today, -age);
  const closeDt = rng.chance(0.3) ? null : addDays(regDt, rng.int(7, 45));
  const office = 100 + (Number(place.sido.code.slice(0, 2)) % 90);

  return {
    wantedAuthNo: `K${office}${regDt.slice(2).replaceAll('-', '')}${String(index).padStart(7, '0')}`,
    company: company.name,
    busino: company.busino,
    indTpNm: industry.name,
    title,
    jobsCd: spec.code,
    salTpCd: wage.type,
    minSal: wage.min,
    maxSal: wage.max,
    workHoursPerDay: day,
    workHoursPerWeek: week,
    regionCd: place.sigungu.code,
    holidayTpCd: sched,
    minEdubg: rng.weighted(profile.edu),
    career,
    minCareerMonths,
    empTpCd: emp,
    regDt,
    closeDt,
    zipCd: atHome ? company.zipCd : pickZip(rng, place),
    basicAddr,
    detailAddr: atHome ? company.detailAddr : '',
    jobCont: [...duties.map((d) => `- ${d}`), hoursLine].join('\n'),
    pfCond: prefs.join(', '),
    etcWelfare: welfare.join(', '),
    selMthd: rng.weighted(profile.sel),
    rcptMthd: rng.weighted(profile.rcpt),
    collectPsncnt: head,
    contactTelno: company.national ? company.telno : atHome ? company.telno : pickPhone(rng, place, false),
    contactName: contactName(rng, industry),
  };
}
