/**
 * What the benefits route files share: who may use the pages, what they are given, the breadcrumbs,
 * and the claimant's own claim (another's answers 404).
 */
import type { FastifyRequest } from 'fastify';
import { accountOf, allow } from '../identity/access.ts';
import type { Intake } from '../intake/service.ts';
import { UserError } from '../web/errors.ts';
import type { BenefitsService, Claim } from './service.ts';

export const SEEKER = allow('seeker');

/**
 * A 개인회원 page with a form key: with no database it answers itself (the form for the journal),
 * never an old copy with an old key.
 */
export const seekerOwnOutagePage = () => ({ config: { ...SEEKER.config, ownOutagePage: true } });

export interface BenefitsRouteDeps {
  benefits: BenefitsService;
  /** Takes a submission into the journal when no database can (a full outage). */
  intake?: Intake;
  databaseDown?: () => boolean;
}

export const crumbs = (label: string) => [{ label: '실업급여', href: '/benefits' }, { label }];

/** 실업급여 › 내 신청 › `label`. */
export const claimCrumbs = (claimId: number, label: string) => [
  { label: '실업급여', href: '/benefits' },
  { label: '내 신청', href: `/benefits/claims/${claimId}` },
  { label },
];

/** The claimant's own claim, or 404 (the same answer for someone else's and for none). */
export async function ownClaim(benefits: BenefitsService, request: FastifyRequest, rawId: string): Promise<Claim> {
  const account = accountOf(request);
  const id = Number(rawId);
  const claim = Number.isSafeInteger(id) && id > 0 ? await benefits.claimById(id) : undefined;
  if (!claim || claim.claimantId !== account.id) throw new UserError(404, 'NOT_FOUND', '신청을 찾을 수 없습니다.');
  return claim;
}
