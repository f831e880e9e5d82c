import type { Database } from '../db/index.ts';
import { seoulToday } from '../shared/dates.ts';
import { dailyCloser } from './closer.ts';
import { type FiledReport, fileReport, type ReportInput } from './reports.ts';
import { findPosting, type JobStats, jobStats, type PostingDetail, type SearchResult } from './search.ts';
import { parseSearchParams, type SearchParams } from './search-query.ts';
import { type SearchPage, searchPages } from './search-service.ts';
import type { Suggestion } from './suggest.ts';

export interface JobsService {
  search(params: SearchParams): Promise<SearchResult>;
  /** The search page: the search, its facet counts and typo help (search-service.ts). */
  searchPage(params: SearchParams): Promise<SearchPage>;
  /** Suggestions while typing `q`. */
  suggest(q: string): Promise<Suggestion[]>;
  find(wantedAuthNo: string): Promise<PostingDetail | undefined>;
  /** Home-page counts, per process: recounted in the background when a minute old (the old count is shown meanwhile). */
  stats(): Promise<JobStats>;
  latest(count: number): Promise<SearchResult>;
  today(): string;
  /** Files a report on an existing posting exactly once per key; undefined when there is no such posting. */
  report(key: string, wantedAuthNo: string, input: ReportInput): Promise<FiledReport | undefined>;
}

const STATS_TTL_MS = 60_000;
export function createJobsService(database: Database, now: () => Date): JobsService {
  let cached: { at: number; day: string; value: Promise<JobStats> } | undefined;
  let refreshing: Promise<void> | undefined;
  const today = () => seoulToday(now());
  const closeExpired = dailyCloser(database);
  /** Today's date, after postings that closed yesterday have been closed (see dailyCloser). */
  const openToday = async () => {
    const day = today();
    await closeExpired(day);
    return day;
  };
  const pages = searchPages(database);
  return {
    search: async (params) => pages.search(params, await openToday()),
    searchPage: async (params) => pages.page(params, await openToday()),
    suggest: (q) => pages.suggest(q),
    find: (wantedAuthNo) => findPosting(database, wantedAuthNo),
    stats() {
      const day = today();
      const recount = () => openToday().then((d) => jobStats(database, d));
      if (!cached || cached.day !== day) {
        const value = recount();
        cached = { at: now().getTime(), day, value };
        value.catch(() => {
          cached = undefined;
        });
      } else if (now().getTime() - cached.at > STATS_TTL_MS && !refreshing) {
        // A minute old: recounted in the background (one pass over an index, 0.4 s at 1,000,000
        // postings) while the previous count is shown.
        refreshing = recount()
          .then((value) => {
            cached = { at: now().getTime(), day, value: Promise.resolve(value) };
          })
          .catch(() => undefined)
          .finally(() => {
            refreshing = undefined;
          });
      }
      return cached.value;
    },
    latest(count) {
      const parsed = parseSearchParams({ size: String(count <= 10 ? 10 : 20) });
      if (!parsed.ok) throw new Error('unreachable: default search params are valid');
      return openToday()
        .then((day) => pages.search(parsed.params, day))
        .then((r) => ({ ...r, items: r.items.slice(0, count) }));
    },
    today,
    async report(key, wantedAuthNo, input) {
      if (!(await findPosting(database, wantedAuthNo))) return undefined;
      return fileReport(database, key, wantedAuthNo, input);
    },
  };
}
