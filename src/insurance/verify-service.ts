/**
 * 본인확인 before a person sees their 고용보험 records: a flow at the 본인확인 provider, and at its
 * callback the person's number turned at once into the keyed person hash (src/insurance/person.ts) —
 * the number itself is never stored, logged or put in the audit log. One person, one account: a second
 * account verifying as the same person is refused (docs/decisions/0010-identity-verification.md).
 */
import { randomUUID } from 'node:crypto';
import { atomically } from '../db/commands.ts';
import type { Database } from '../db/index.ts';
import type { Account } from '../identity/accounts.ts';
import { audit } from '../identity/audit.ts';
import { newToken } from '../identity/sessions.ts';
import { UserError } from '../web/errors.ts';
import { normalizeRrn, personHash } from './person.ts';
import { personSecret } from './secret.ts';
import type { Verifier } from './verify-provider.ts';
import {
  deleteVerifyFlow,
  findVerification,
  findVerificationByPerson,
  insertVerification,
  insertVerifyFlow,
  takeVerifyFlow,
  type VerificationRow,
} from './verify-store.ts';

const FLOW_MINUTES = 10;

export interface VerifyDeps {
  database: Database;
  verifier: Verifier;
  now: () => Date;
}

export const PERSON_TAKEN =
  '이 분의 본인확인은 이미 다른 일터 계정에서 마쳤습니다. 고용보험 기록은 한 사람이 한 계정에서만 볼 수 있습니다. 그 계정으로 로그인하시거나 고객상담센터(1350)로 문의해 주세요.';

const flowExpired = () =>
  new UserError(400, 'FLOW_EXPIRED', '본인확인 요청이 만료되었거나 올바르지 않습니다. 처음부터 다시 시도해 주세요.');

/**
 * Refuses (audited, 409) an account verified as someone else, or a person another account holds;
 * returns this account's verification when it already is this person.
 */
async function refuseTaken(
  database: Database,
  account: Account,
  hash: string,
  provider: string,
  client: { ip: string; userAgent: string },
): Promise<VerificationRow | undefined> {
  const mine = await findVerification(database, account.id);
  const holder = mine ? undefined : await findVerificationByPerson(database, hash);
  if (!(mine && mine.personHash !== hash) && !(holder && holder.accountId !== account.id)) return mine;
  await audit(database, {
    actor: { id: account.id, kind: account.kind },
    action: 'insurance.verify',
    outcome: 'failure',
    target: { type: 'account', id: account.id },
    ...client,
    details: { provider, reason: mine ? 'account-is-another-person' : 'person-has-account' },
  });
  throw new UserError(
    409,
    'PERSON_TAKEN',
    mine ? '이 계정은 이미 다른 분으로 본인확인되어 있습니다. 고객상담센터(1350)로 문의해 주세요.' : PERSON_TAKEN,
  );
}

export function createVerifyService(deps: VerifyDeps) {
  const { database, verifier, now } = deps;
  return {
    /** Whether a 본인확인 provider is configured (without one the page says so and offers no button). */
    available: () => verifier.id !== null,
    verifierLabel: verifier.label,

    verification: (accountId: number): Promise<VerificationRow | undefined> => findVerification(database, accountId),

    /** Starts a verification for the signed-in account: the provider URL and the flow cookie's token. */
    async beginVerification(account: Account, redirectUri: string): Promise<{ url: URL; flowToken: string }> {
      const started = await verifier.begin(redirectUri);
      const flowToken = newToken();
      await insertVerifyFlow(database, flowToken, {
        provider: verifier.id ?? 'verify',
        accountId: account.id,
        state: started.state,
        nonce: started.nonce,
        codeVerifier: started.codeVerifier,
        expiresAt: new Date(now().getTime() + FLOW_MINUTES * 60_000),
      });
      return { url: started.url, flowToken };
    },

    discardVerification: async (flowToken: string | undefined) => {
      if (flowToken) await deleteVerifyFlow(database, flowToken);
    },

    /**
     * Completes a verification at the callback: the flow (taken, so not replayable) must be this
     * account's; the provider's number becomes the person hash and is dropped. Refusals are UserErrors;
     * a provider outage is a VerifierUnavailableError.
     */
    async finishVerification(
      account: Account,
      flowToken: string | undefined,
      callbackUrl: URL,
      client: { ip: string; userAgent: string },
    ): Promise<void> {
      const flow = flowToken ? await takeVerifyFlow(database, flowToken, now()) : undefined;
      if (!flow || flow.accountId !== account.id) throw flowExpired();
      const person = await verifier.finish(callbackUrl, flow);
      const rrn = person.rrn === null ? null : normalizeRrn(person.rrn);
      if (!rrn)
        throw new UserError(
          502,
          'VERIFY_NO_PERSON',
          '본인확인 기관이 본인 정보를 보내 주지 않았습니다. 잠시 뒤 다시 시도해 주세요.',
        );
      const hash = personHash(await personSecret(database), rrn);
      const actor = { id: account.id, kind: account.kind };
      const mine = await refuseTaken(database, account, hash, flow.provider, client);
      if (mine) return;
      const entryId = randomUUID();
      await atomically(database, async () => {
        const v = { accountId: account.id, personHash: hash, provider: flow.provider, at: now() };
        // Not inserted: someone verified in between, or this is a retry after a lost COMMIT answer.
        if (
          !(await insertVerification(database, v)) &&
          (await findVerification(database, account.id))?.personHash !== hash
        )
          throw new UserError(409, 'PERSON_TAKEN', PERSON_TAKEN);
        await audit(database, {
          actor,
          action: 'insurance.verify',
          outcome: 'success',
          target: { type: 'account', id: account.id },
          ...client,
          details: { provider: flow.provider },
          entryId,
        });
      });
    },
  };
}

export type VerifyService = ReturnType<typeof createVerifyService>;
