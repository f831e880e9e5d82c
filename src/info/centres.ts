/**
 * 고용센터 찾기 (pure): the centres of the `job_centres` table with their hours and 관할 지역 from
 * src/reference/centres.ts, filtered by 시도 and a search text that matches a centre's name, address,
 * phone or any 시군구 it serves ("분당" finds 성남고용센터, "해운대구" 부산고용센터).
 */
import type { JobCentre } from '../identity/accounts.ts';
import { centreReference, centreServing, type OpeningHours, WEEKDAY_HOURS } from '../reference/centres.ts';
import { SIDO, sigunguOf } from '../reference/regions.ts';
import type { Sido, Sigungu } from '../reference/types.ts';

export interface CentreListing extends JobCentre {
  sido: Sido;
  hours: OpeningHours;
  /** The 시군구 it serves, in code order. */
  serves: readonly Sigungu[];
}

export interface CentreQuery {
  /** A 5-digit 시도 code of regions.ts, or '' for 전국. */
  sido: string;
  /** Search text as typed (trimmed), '' for none. */
  q: string;
}

/** Longest search text kept. */
export const MAX_QUERY = 40;

/** The query string of /centers: an unknown 시도 is 전국, the text trimmed and cut to MAX_QUERY. */
export function parseCentreQuery(query: Record<string, unknown>): CentreQuery {
  const sido = typeof query.sido === 'string' && SIDO.some((s) => s.code === query.sido) ? query.sido : '';
  const q = typeof query.q === 'string' ? query.q.trim().slice(0, MAX_QUERY) : '';
  return { sido, q };
}

/** The 시도 of a `job_centres.sido_cd` (2 digits: '11' 서울, '36' 세종). */
export function sidoOfCentre(sidoCd: string): Sido | undefined {
  return SIDO.find((s) => s.code.startsWith(sidoCd));
}

/** Every centre with its reference data, in the order of the 시도 list, then by name. */
export function centreListings(rows: readonly JobCentre[]): CentreListing[] {
  const order = (s: Sido | undefined) => (s ? SIDO.indexOf(s) : SIDO.length);
  return rows
    .flatMap((row) => {
      const sido = sidoOfCentre(row.sidoCd);
      if (!sido) return [];
      const reference = centreReference(row.code);
      const serves = (reference?.serves ?? [])
        .map((code) => sigunguOf(code))
        .filter((s): s is Sigungu => s !== undefined);
      return [{ ...row, sido, hours: reference?.hours ?? WEEKDAY_HOURS, serves }];
    })
    .sort((a, b) => order(a.sido) - order(b.sido) || a.name.localeCompare(b.name, 'ko'));
}

/** Text compared without spaces, hyphens, brackets or case. */
export function normalise(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\-·()（）.,]/g, '');
}

function haystack(c: CentreListing): string {
  const areas = c.serves.map((s) => `${c.sido.shortName}${s.name}`);
  return normalise([c.name, c.address, c.phone, c.sido.name, ...areas].join('|'));
}

/** The centres in the 시도 (if any) whose text matches the search (if any). */
export function filterCentres(list: readonly CentreListing[], query: CentreQuery): CentreListing[] {
  const needle = normalise(query.q);
  return list.filter(
    (c) => (query.sido === '' || c.sido.code === query.sido) && (needle === '' || haystack(c).includes(needle)),
  );
}

export interface ServingHint {
  sigungu: Sigungu;
  sido: Sido;
  centre: CentreListing;
}

/** Most 시군구 named in the "○○구는 ○○고용센터가 담당합니다" hints. */
export const MAX_HINTS = 8;

/**
 * The 시군구 the search text names (with or without its 시도: "해운대구", "부산 해운대", "분당"), each with
 * the centre serving it — so a person who types where they live is told which centre is theirs.
 */
export function servingHints(list: readonly CentreListing[], query: CentreQuery): ServingHint[] {
  const needle = normalise(query.q);
  if (needle.length < 2) return [];
  const byCode = new Map(list.map((c) => [c.code, c]));
  const hints: ServingHint[] = [];
  for (const c of list) {
    for (const s of c.serves) {
      if (query.sido !== '' && c.sido.code !== query.sido) continue;
      const name = normalise(s.name);
      const full = normalise(`${c.sido.shortName}${s.name}`);
      const longFull = normalise(`${c.sido.name}${s.name}`);
      if (name.includes(needle) || full.includes(needle) || longFull.includes(needle)) {
        const serving = byCode.get(centreServing(s.code) ?? '');
        if (serving) hints.push({ sigungu: s, sido: c.sido, centre: serving });
      }
    }
  }
  return hints.sort((a, b) => a.sigungu.code.localeCompare(b.sigungu.code)).slice(0, MAX_HINTS);
}
