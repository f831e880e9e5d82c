/**
 * 고용센터 업무 for 구직급여: the queue of claims at the counsellor's centre, the review page with every
 * filed fact, the figures and their reasons, the 실업인정 filed with their activities, the
 * ledger; decisions (인정 with the 1차 실업인정일 and cycle, 불인정 with a reason code), planning notes,
 * and confirming or rejecting a filed 실업인정, or moving a 실업인정일. A claim at another centre answers 404.
 *
 * What cannot be undone — 수급자격 불인정, 실업인정 불인정, 실업인정일 변경 — starts with no reason chosen
 * (a missing one is a 400 with the form again) and goes through a confirmation page that restates the
 * effect (src/web/confirm.ts): the first post writes nothing, only the one with `confirm=yes` does.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Claim } from '../benefits/service.ts';
import { accountOf, allow } from '../identity/access.ts';
import { clientOf } from '../identity/audit.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import { confirmStep, isConfirmed } from '../web/confirm.ts';
import { UserError } from '../web/errors.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken } from '../web/security.ts';
import { parseApprove, parseNote, parseRejectClaim } from './claim-forms.ts';
import {
  type ClaimDeskService,
  type ClaimReview,
  claimNotFound,
  type Decision,
  type QueueStatus,
} from './claim-service.ts';
import { type DecisionNotice, queuePage, type ReviewForm, reviewPage } from './claim-views.ts';
import { rejectClaimStep, type Step } from './confirm-views.ts';
import type { Staff } from './scope.ts';

const STAFF = allow('counsellor', 'operator');

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

/** What the claim pages share: who acts, the claim to decide on, and the pages they answer with. */
export function claimPages(claims: ClaimDeskService) {
  const staffOf = (request: FastifyRequest): Staff => ({ account: accountOf(request), ...clientOf(request) });
  const crumbs = [
    { label: '고용센터 업무', href: '/centre' },
    { label: '구직급여 심사', href: '/centre/claims' },
  ];

  /**
   * For a decision: a claim the staff member may see, else 404 — the denied look audited as this
   * request's command (its one write), so a repeat answers 404 again without a second row. An allowed
   * look is audited inside the decision's own command (the service's decision functions).
   */
  const claimToDecide = async (request: IdRequest, action: string): Promise<Decision> => {
    const staff = staffOf(request);
    const rawId = request.params.id;
    const claim = await claims.claimFor(staff, rawId);
    if (claim) return { staff, rawId, claim };
    await request.command(async () => {
      await claims.deniedLook(staff, rawId, action);
      return { notFound: true };
    });
    throw claimNotFound();
  };

  const review = async (
    request: FastifyRequest,
    reply: FastifyReply,
    claim: Claim,
    form: ReviewForm = {},
    shown?: ClaimReview,
  ) =>
    sendPage(request, reply, {
      title: `${claim.claimantName} 님 구직급여 신청`,
      breadcrumbs: [...crumbs, { label: claim.claimantName }],
      main: reviewPage(claim, shown ?? (await claims.review(claim)), form, csrfToken(reply)),
    });

  /** A confirmation page (src/web/confirm.ts) for a staff action on a claim; it writes nothing. */
  const confirmPage = (request: FastifyRequest, reply: FastifyReply, claim: Claim, step: Step) =>
    sendPage(request, reply, {
      title: step.heading,
      breadcrumbs: [
        ...crumbs,
        { label: claim.claimantName, href: `/centre/claims/${claim.id}` },
        { label: step.heading },
      ],
      main: confirmStep({ ...step, csrf: csrfToken(reply), cancelHref: `/centre/claims/${claim.id}` }),
    });

  /**
   * Applies a recognition decision as this request's command and answers with the review page and the
   * decision's notice; a repeat (same key) gets the stored notice back without deciding again.
   */
  const decide = async (
    request: FastifyRequest,
    reply: FastifyReply,
    claim: Claim,
    change: () => Promise<DecisionNotice>,
  ) => {
    let notice: DecisionNotice;
    try {
      ({ outcome: notice } = await request.command(change));
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      reply.status(err.statusCode);
      return review(request, reply, claim, { errors: { _form: err.message } });
    }
    const fresh = await claims.claimById(claim.id);
    return review(request, reply, fresh ?? claim, { notice });
  };

  return { claims, staffOf, claimToDecide, review, confirmPage, decide };
}

export type ClaimPages = ReturnType<typeof claimPages>;

/** The queue, the review page and the claim's decisions (the 실업인정 ones are in recognition-routes.ts). */
export function claimRoutes(app: FastifyInstance, pages: ClaimPages): void {
  queueRoutes(app, pages);
  decisionRoutes(app, pages);
}

/** 구직급여 심사: the queue and a claim's review page. */
function queueRoutes(app: FastifyInstance, pages: ClaimPages): void {
  const { claims, staffOf, review } = pages;
  app.get<{ Querystring: { status?: string } }>('/centre/claims', STAFF, async (request, reply) => {
    const status = (['submitted', 'approved', 'rejected'] as const).find((s) => s === request.query.status) ?? 'all';
    const queue = await claims.queue(staffOf(request), status satisfies QueueStatus);
    return sendPage(request, reply, {
      title: '구직급여 심사',
      breadcrumbs: [{ label: '고용센터 업무', href: '/centre' }, { label: '구직급여 심사' }],
      main: queuePage(queue, status),
    });
  });

  app.get<{ Params: { id: string } }>('/centre/claims/:id', STAFF, async (request, reply) => {
    const { claim, review: shown } = await claims.viewClaim(staffOf(request), request.params.id);
    return review(request, reply, claim, {}, shown);
  });
}

/** 수급자격 인정 / 불인정 and the planning note. */
function decisionRoutes(app: FastifyInstance, pages: ClaimPages): void {
  const { claims, claimToDecide, review, confirmPage } = pages;
  app.post<{ Params: { id: string } }>(
    '/centre/claims/:id/approve',
    writes(STAFF, 'centre.approveClaim'),
    async (request, reply) => {
      const decision = await claimToDecide(request, 'claim.approve');
      const { claim } = decision;
      const { errors, values, value } = parseApprove(request.body);
      if (value) {
        try {
          const { outcome } = await request.command(async () => {
            await claims.approve(decision, value);
            return { redirect: `/centre/claims/${claim.id}` };
          });
          return sendOutcome(reply, outcome);
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          Object.assign(errors, err.fields ?? { _form: err.message });
          reply.status(err.statusCode);
        }
      } else reply.status(400);
      return review(request, reply, claim, { errors, values });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/centre/claims/:id/reject',
    writes(STAFF, 'centre.rejectClaim'),
    async (request, reply) => {
      const decision = await claimToDecide(request, 'claim.reject');
      const { claim } = decision;
      const { errors, values, value } = parseRejectClaim(request.body);
      if (!value) {
        reply.status(400);
        return review(request, reply, claim, { errors, values });
      }
      // The state is checked here only to ask; the confirmed post leaves it to the command (a repeat of
      // an applied one gets its stored answer, not "이미 결정한 신청").
      if (!isConfirmed(request.body) && claim.status !== 'submitted') {
        reply.status(409);
        return review(request, reply, claim, { errors: { _form: '이미 결정한 신청입니다.' } });
      }
      if (!isConfirmed(request.body)) return confirmPage(request, reply, claim, rejectClaimStep(claim, value));
      try {
        const { outcome } = await request.command(async () => {
          await claims.reject(decision, value);
          return { redirect: `/centre/claims/${claim.id}` };
        });
        return sendOutcome(reply, outcome);
      } catch (err) {
        if (!(err instanceof UserError) || err.statusCode === 404) throw err;
        reply.status(err.statusCode);
        return review(request, reply, claim, { errors: { _form: err.message } });
      }
    },
  );

  app.post<{ Params: { id: string } }>(
    '/centre/claims/:id/note',
    writes(STAFF, 'centre.saveClaimNote'),
    async (request, reply) => {
      const decision = await claimToDecide(request, 'claim.note');
      const note = parseNote(request.body);
      const { outcome } = await request.command(async () => {
        await claims.saveNote(decision, note);
        return { redirect: `/centre/claims/${decision.claim.id}` };
      });
      return sendOutcome(reply, outcome);
    },
  );
}
