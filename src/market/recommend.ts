/**
 * 맞춤 채용정보: postings ranked by fit to a seeker's 구직신청, each with the reasons shown. Pure and
 * deterministic (score, then newest, then number), so the same data always gives the same list.
 */
import { SIDO_ADJACENCY } from '../reference/regions.ts';

export interface SeekerWishes {
  /** 희망직종: up to 3 KECO level-3 codes. */
  occupations: readonly string[];
  /** 희망지역: up to 3 시군구 codes. */
  regions: readonly string[];
  /** 희망임금 (monthly equivalent, 원), 0 = 상관없음. */
  wageMonthly: number;
  /** Months of experience (from the resume), and highest education code. */
  careerMonths: number;
  education: string;
}

export interface Candidate {
  id: number;
  wantedAuthNo: string;
  jobsCd: string;
  regionCd: string;
  wageMonthly: number;
  career: string;
  minCareerMonths: number;
  minEdubg: string;
  regDt: string;
}

export interface Scored<C extends Candidate> {
  posting: C;
  score: number;
  reasons: string[];
}

const sidoOf = (region: string) => `${region.slice(0, 2)}000`;
const adjacentSido = (a: string, b: string) =>
  Object.entries(SIDO_ADJACENCY).some(([k, list]) => sidoOf(k) === a && list.some((x) => sidoOf(x) === b));

export function scorePosting<C extends Candidate>(w: SeekerWishes, p: C, today: string): Scored<C> | null {
  // Requirements the seeker does not meet rule a posting out.
  if (p.career === 'E' && w.careerMonths < p.minCareerMonths) return null;
  if (p.minEdubg > w.education && p.minEdubg !== '00') return null;
  const reasons: string[] = [];
  let score = 0;
  let occ = 0;
  for (const o of w.occupations) {
    if (p.jobsCd === o) occ = Math.max(occ, 3);
    else if (p.jobsCd.slice(0, 2) === o.slice(0, 2)) occ = Math.max(occ, 2);
    else if (p.jobsCd[0] === o[0]) occ = Math.max(occ, 1);
  }
  score += [0, 10, 25, 40][occ] as number;
  if (occ > 0) reasons.push(['', '희망직종과 같은 분야', '희망직종과 비슷한 직종', '희망직종 일치'][occ] as string);
  let reg = 0;
  for (const r of w.regions) {
    if (p.regionCd === r) reg = Math.max(reg, 3);
    else if (sidoOf(p.regionCd) === sidoOf(r)) reg = Math.max(reg, 2);
    else if (adjacentSido(sidoOf(r), sidoOf(p.regionCd))) reg = Math.max(reg, 1);
  }
  // A recommendation must fit both what and where the seeker wants.
  if (occ === 0 || reg === 0) return null;
  score += [0, 10, 20, 30][reg] as number;
  if (reg > 0) reasons.push(['', '희망지역 인접', '희망지역과 같은 시도', '희망지역 일치'][reg] as string);
  if (w.wageMonthly > 0) {
    if (p.wageMonthly >= w.wageMonthly) {
      score += 15;
      reasons.push('희망임금 이상');
    } else if (p.wageMonthly >= w.wageMonthly * 0.9) {
      score += 7;
      reasons.push('희망임금에 가까움');
    }
  }
  if (p.career === 'E') {
    score += 5;
    reasons.push('경력 조건 충족');
  } else if (p.career === 'N' && w.careerMonths === 0) {
    score += 5;
    reasons.push('신입 모집');
  }
  const age = Math.round((Date.parse(today) - Date.parse(p.regDt)) / 86_400_000);
  if (age <= 3) {
    score += 5;
    reasons.push('새 공고');
  } else if (age <= 7) score += 3;
  return { posting: p, score, reasons };
}

export function recommend<C extends Candidate>(
  w: SeekerWishes,
  candidates: readonly C[],
  today: string,
  limit = 20,
): Scored<C>[] {
  return candidates
    .map((p) => scorePosting(w, p, today))
    .filter((s): s is Scored<C> => s !== null)
    .sort((a, b) => b.score - a.score || b.posting.regDt.localeCompare(a.posting.regDt) || b.posting.id - a.posting.id)
    .slice(0, limit);
}

/** Facet keys for the narrow first pass: the wished 소분류 codes in the wished regions' 시도. */
export function narrowKeys(w: SeekerWishes): { occupations: string[]; regions: string[] } {
  return {
    occupations: [...new Set(w.occupations.map((o) => `o:${o}`))],
    regions: [...new Set(w.regions.map((r) => `r:${sidoOf(r)}`))],
  };
}

/** Facet keys (see migration 0002) that find candidates: wished occupations' 중분류 and the regions' 시도 and neighbours. */
export function candidateKeys(w: SeekerWishes): { occupations: string[]; regions: string[] } {
  const occupations = [...new Set(w.occupations.map((o) => `o:${o.slice(0, 2)}`))];
  const sidos = new Set<string>();
  for (const r of w.regions) {
    const sido = sidoOf(r);
    sidos.add(sido);
    for (const [k, list] of Object.entries(SIDO_ADJACENCY))
      if (sidoOf(k) === sido) for (const x of list) sidos.add(sidoOf(x));
  }
  return { occupations, regions: [...sidos].map((s) => `r:${s}`) };
}
