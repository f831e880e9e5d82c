/** 회원가입 with a password: 개인회원 and 기업회원, each with its audit row, signed in at once. */
import {
  createAccount,
  createEmployer,
  findAccount,
  type JobCentre,
  listCentres,
  type NewAccount,
} from './accounts.ts';
import { audit } from './audit.ts';
import type { ClientInfo, IdentityDeps, StartSession } from './sign-in-service.ts';

export function createSignUpService(deps: Pick<IdentityDeps, 'database'>, startSession: StartSession) {
  const { database } = deps;
  const signedUp = (id: number, kind: 'seeker' | 'employer', client: ClientInfo) =>
    audit(database, { actor: { id, kind }, action: 'account.sign-up', outcome: 'success', ...client });
  return {
    /** The 고용센터 a 개인회원 may choose. */
    centres(): Promise<JobCentre[]> {
      return listCentres(database);
    },

    /** Password sign-up of a 개인회원; signs them in. */
    async signUpSeeker(
      input: { loginId: string; password: string; name: string; email: string | null; centreCode: string | null },
      client: ClientInfo,
    ): Promise<string> {
      const id = await createAccount(database, { kind: 'seeker', ...input });
      const account = await findAccount(database, id);
      if (!account) throw new Error('new account not found');
      await signedUp(id, 'seeker', client);
      return startSession(account, 'password', client);
    },

    /**
     * Password sign-up of a 기업회원 and its 사업장 (accounts.ts createEmployer); signs them in. The token
     * is '' when the new account cannot be read back (then the person signs in themselves).
     */
    async signUpEmployer(
      input: Omit<NewAccount, 'kind' | 'companyId'> & { busino: string; companyName: string; industry: string },
      client: ClientInfo,
    ): Promise<{ accountId: number; token: string }> {
      const id = await createEmployer(database, input);
      await signedUp(id, 'employer', client);
      const account = await findAccount(database, id);
      const token = account ? await startSession(account, 'password', client) : '';
      return { accountId: id, token };
    },
  };
}
