/**
 * 기업 정보: the employer's 사업장 profile, read and saved with its audit row. Called inside a command
 * (src/web/commands.ts), so the change and its audit share the command's transaction through the
 * command-aware database (src/db/commands.ts).
 */
import type { Database } from '../db/index.ts';
import { type Actor, auditBy } from '../identity/audit.ts';
import type { CompanyProfileInput } from './company-forms.ts';
import { type CompanyProfile, companyProfile, updateCompanyProfile } from './store.ts';

export type { CompanyProfile };

export function createCompanyService(deps: { database: Database }) {
  const { database } = deps;
  return {
    /** The company's profile (undefined for an account without one). */
    profile(companyId: number | null): Promise<CompanyProfile | undefined> {
      return companyProfile(database, companyId);
    },

    /** Saves the profile and audits it; the command's outcome sends the employer back to the page. */
    async saveProfile(actor: Actor, companyId: number | null, value: CompanyProfileInput) {
      await updateCompanyProfile(database, companyId, value);
      await auditBy(database, actor, 'company.profile', { target: { type: 'company', id: companyId ?? 0 } });
      return { redirect: '/employer/company?saved=1' };
    },
  };
}

export type CompanyService = ReturnType<typeof createCompanyService>;
