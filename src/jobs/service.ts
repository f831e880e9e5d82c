import type { Database } from '../db/index.ts';
import { seoulToday } from '../shared/dates.ts';
import { findPosting, type PostingDetail, type SearchResult, searchPostings } from './search.ts';
import type { SearchParams } from './search-query.ts';

export interface JobsService {
  search(params: SearchParams): Promise<SearchResult>;
  find(wantedAuthNo: string): Promise<PostingDetail | undefined>;
  today(): string;
}

export function createJobsService(database: Database, now: () => Date): JobsService {
  return {
    search: (params) => searchPostings(database, params, seoulToday(now())),
    find: (wantedAuthNo) => findPosting(database, wantedAuthNo),
    today: () => seoulToday(now()),
  };
}
