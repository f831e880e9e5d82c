/**
 * The job market's SQL, as one object for the features that use it (benefits, centre, employer,
 * intake, the alert job): 구직신청, saved postings and searches, notifications, resumes and
 * applications. Each part is its own store module; this file puts them together and re-exports their
 * types, so `createMarketStore(database)` and `MarketStore` stay what other folders import.
 */
import type { Database } from '../db/index.ts';
import { createApplicationStore } from './application-store.ts';
import { createResumeStore } from './resume-store.ts';
import { createSavedStore } from './saved-store.ts';
import { createSeekerStore } from './seeker-store.ts';

export { APPLICATION_STATUS, type ApplicationStatus, EMPLOYER_STATUSES } from './application-status.ts';
export type { Application, ApplyInput } from './application-store.ts';
export type { Resume } from './resume-store.ts';
export type { Notification, SavedSearch } from './saved-store.ts';
export type { RecommendationCandidate, SeekerProfile } from './seeker-store.ts';

export function createMarketStore(database: Database) {
  return {
    ...createSeekerStore(database),
    ...createSavedStore(database),
    ...createResumeStore(database),
    ...createApplicationStore(database),
  };
}

export type MarketStore = ReturnType<typeof createMarketStore>;
