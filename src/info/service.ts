/** What the 안내 pages read: the job centres (고용센터 찾기). */
import type { Database } from '../db/index.ts';
import { listCentres } from '../identity/accounts.ts';
import { type CentreListing, centreListings } from './centres.ts';

export function createInfoService(deps: { database: Database }) {
  return {
    /** Every job centre as 고용센터 찾기 lists it. */
    async centres(): Promise<CentreListing[]> {
      return centreListings(await listCentres(deps.database));
    },
  };
}

export type InfoService = ReturnType<typeof createInfoService>;
