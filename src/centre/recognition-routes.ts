/**
 * The counsellor's decisions on one 실업인정 차수 of a claim: 인정·지급 of a filed one, 불인정 (through a
 * confirmation page), and moving a scheduled 실업인정일 (through one too). Each answers with the review
 * page and the decision's notice (kept as the command's outcome: a repeat gets the same page).
 */
import type { FastifyInstance } from 'fastify';
import { allow } from '../identity/access.ts';
import { writes } from '../web/commands.ts';
import { isConfirmed } from '../web/confirm.ts';
import { UserError } from '../web/errors.ts';
import { moveErrors, parseMove, parseRejectRecognition, parseWorkedDays } from './claim-forms.ts';
import type { ClaimPages } from './claim-routes.ts';
import type { MovePreview } from './claim-service.ts';
import { confirmedNotice, movedNotice, moveStep, rejectedNotice, rejectRecognitionStep } from './confirm-views.ts';

const STAFF = allow('counsellor', 'operator');

type SeqParams = { Params: { id: string; seq: string } };

export function recognitionRoutes(app: FastifyInstance, pages: ClaimPages): void {
  const { claims, claimToDecide, review, confirmPage, decide } = pages;

  app.post<SeqParams>(
    '/centre/claims/:id/recognitions/:seq/confirm',
    writes(STAFF, 'centre.confirmRecognition'),
    async (request, reply) => {
      const decision = await claimToDecide(request, 'recognition.confirm');
      const { claim } = decision;
      const { seq } = await claims.recognitionOf(claim, request.params.seq);
      const workedDays = parseWorkedDays(request.body);
      return decide(request, reply, claim, async () =>
        confirmedNotice(claim, seq, await claims.confirmRecognition(decision, seq, workedDays)),
      );
    },
  );

  app.post<SeqParams>(
    '/centre/claims/:id/recognitions/:seq/reject',
    writes(STAFF, 'centre.rejectRecognition'),
    async (request, reply) => {
      const decision = await claimToDecide(request, 'recognition.reject');
      const { claim } = decision;
      const recognition = await claims.recognitionOf(claim, request.params.seq);
      const seq = recognition.seq;
      const { errors, values, value } = parseRejectRecognition(request.body, seq);
      if (!value) {
        reply.status(400);
        return review(request, reply, claim, { errors, values });
      }
      if (!isConfirmed(request.body)) {
        // Asked only of a filed 실업인정; the confirmed post leaves the state to the command (its repeat
        // gets the stored answer).
        if (recognition.status !== 'filed') {
          reply.status(409);
          return review(request, reply, claim, { errors: { _form: '신청된 실업인정만 결정할 수 있습니다.' } });
        }
        const days = claims.payableIfConfirmed(claim, recognition);
        return confirmPage(request, reply, claim, rejectRecognitionStep(claim, recognition, days, value));
      }
      return decide(request, reply, claim, async () => {
        await claims.rejectRecognition(decision, seq, value);
        return rejectedNotice(seq);
      });
    },
  );

  app.post<SeqParams>(
    '/centre/claims/:id/recognitions/:seq/move',
    writes(STAFF, 'centre.moveRecognitionDate'),
    async (request, reply) => {
      const decision = await claimToDecide(request, 'recognition.move');
      const { claim, staff } = decision;
      const recognition = await claims.recognitionOf(claim, request.params.seq);
      const seq = recognition.seq;
      const { input, errors, values, value: change } = parseMove(request.body, seq);
      if (!change) {
        reply.status(400);
        return review(request, reply, claim, { errors, values });
      }
      if (!isConfirmed(request.body)) {
        // Checked as the change itself checks it, to ask; the confirmed post leaves it to the command.
        let plan: MovePreview;
        try {
          plan = await claims.previewMove(staff, claim, seq, change);
        } catch (err) {
          if (!(err instanceof UserError) || err.statusCode === 404) throw err;
          reply.status(err.statusCode);
          return review(request, reply, claim, { errors: moveErrors(seq, err.message, err.fields), values });
        }
        return confirmPage(request, reply, claim, moveStep(claim, recognition, plan, input, change.kind));
      }
      return decide(request, reply, claim, async () => {
        await claims.moveRecognition(decision, seq, change);
        return movedNotice(seq);
      });
    },
  );
}
