/** The forms of 구직신청, 관심 채용정보 and 저장한 검색 (pure). The 구직신청 parser is in profile.ts. */
import { formText } from '../web/forms.ts';
import { savedSearchName } from './saved-search.ts';
import type { SeekerProfile } from './seeker-store.ts';

/** A saved 구직신청 as the form's fields (희망임금 in 만원). */
export function profileValues(p: SeekerProfile | undefined): Record<string, string> {
  const v: Record<string, string> = {};
  if (!p) return v;
  for (const [i, o] of p.occupations.entries()) v[`occupation${i}`] = o;
  for (const [i, r] of p.regions.entries()) v[`region${i}`] = r;
  v.wageMonthly = p.wageMonthly > 0 ? String(p.wageMonthly / 10_000) : '';
  v.empType = p.empType;
  v.availableFrom = p.availableFrom ?? '';
  return v;
}

/** 이 조건 저장: the /jobs query without its page, and a name (the conditions in words when none). */
export function parseSavedSearch(body: unknown): { name: string; query: string } {
  const query = new URLSearchParams(formText(body, 'query', 1000));
  query.delete('page');
  return { name: savedSearchName(formText(body, 'name', 40), query.toString()), query: query.toString() };
}

/** A saved search's id from the URL; 0 (nobody's) when it is not a number. */
export function savedSearchId(raw: string): number {
  return Number(/^\d{1,15}$/.exec(raw)?.[0] ?? 0);
}

/** After 빼기: back to the list it was pressed on, or to the posting. */
export function unsavedRedirect(body: unknown, wantedAuthNo: string): string {
  return formText(body, 'back', 20) === 'saved' ? '/my/saved?removed=1' : `/jobs/${wantedAuthNo}?unsaved=1`;
}
