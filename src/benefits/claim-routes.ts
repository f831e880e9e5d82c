/**
 * 내 신청 (the claimant's claim, its schedule and 지급 내역) and 실업인정일 변경: the form, the change
 * restated for confirmation (nothing written), and the confirmed change as a command.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountOf } from '../identity/access.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import { alert } from '../web/components.ts';
import { isConfirmed } from '../web/confirm.ts';
import { UserError } from '../web/errors.ts';
import type { Errors } from '../web/forms.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken } from '../web/security.ts';
import { changeConfirmPage, changePage, claimPage } from './claim-views.ts';
import { type ChangeValues, CLAIMANT_CHANGES, parseChange } from './recognition-forms.ts';
import { type BenefitsRouteDeps, claimCrumbs, crumbs, ownClaim, SEEKER } from './route-support.ts';

type ClaimQuery = { filed?: string; recognised?: string; moved?: string };

/** What the claim page says after a step: filed, a 실업인정 filed, or a date moved. */
function claimNotice(claimId: number, query: ClaimQuery) {
  return query.filed
    ? alert({
        variant: 'success',
        role: 'status',
        title: '수급자격 신청을 접수했습니다.',
        body: `접수번호 ${claimId}. 고용센터가 심사한 뒤 1차 실업인정일을 알려 드립니다.`,
      })
    : query.recognised
      ? alert({
          variant: 'success',
          role: 'status',
          title: `${query.recognised}차 실업인정 신청을 접수했습니다.`,
          body: '상담원이 확인하면 지급 내역에 나타납니다.',
        })
      : query.moved
        ? alert({
            variant: 'success',
            role: 'status',
            title: `${query.moved}차 실업인정일을 바꿨습니다.`,
            body: '바뀐 날짜는 아래 일정에 있습니다. 상담원도 같은 내용을 봅니다.',
          })
        : null;
}

export function claimRoutes(app: FastifyInstance, deps: BenefitsRouteDeps): void {
  const { benefits } = deps;
  app.get<{ Params: { id: string }; Querystring: ClaimQuery }>(
    '/benefits/claims/:id',
    SEEKER,
    async (request, reply) => {
      const claim = await ownClaim(benefits, request, request.params.id);
      const recognitions = await benefits.recognitions(claim.id);
      return sendPage(request, reply, {
        title: '구직급여 신청',
        breadcrumbs: crumbs('내 신청'),
        main: claimPage({ claim, recognitions, today: benefits.today(), notice: claimNotice(claim.id, request.query) }),
      });
    },
  );
  changeRoutes(app, deps);
}

/** 실업인정일 변경: the form, the confirmation step, and the confirmed change. */
function changeRoutes(app: FastifyInstance, { benefits }: BenefitsRouteDeps): void {
  const renderChange = async (
    request: FastifyRequest,
    reply: FastifyReply,
    claimId: string,
    seq: string,
    values: ChangeValues = { newDate: '', kind: '', evidence: '' },
    errors: Errors = {},
  ) => {
    const claim = await ownClaim(benefits, request, claimId);
    const recognition = (await benefits.recognitions(claim.id)).find((r) => String(r.seq) === seq);
    if (!recognition) throw new UserError(404, 'NOT_FOUND', '해당 차수의 실업인정이 없습니다.');
    return sendPage(request, reply, {
      title: `${recognition.seq}차 실업인정일 변경`,
      breadcrumbs: claimCrumbs(claim.id, '실업인정일 변경'),
      main: changePage({ claim, recognition, kinds: CLAIMANT_CHANGES, values, errors, csrf: csrfToken(reply) }),
    });
  };

  app.get<{ Params: { id: string; seq: string } }>(
    '/benefits/claims/:id/recognitions/:seq/change',
    SEEKER,
    async (request, reply) => renderChange(request, reply, request.params.id, request.params.seq),
  );

  app.post<{ Params: { id: string; seq: string } }>(
    '/benefits/claims/:id/recognitions/:seq/change',
    writes(SEEKER, 'benefits.changeRecognitionDate'),
    async (request, reply) => {
      const { id, seq } = request.params;
      const { form: values, errors, value: change } = parseChange(request.body);
      if (change) {
        const claim = await ownClaim(benefits, request, id);
        try {
          // Checked as the change itself checks it, then restated for confirmation; nothing written yet.
          // The confirmed post leaves the checks to the command (its repeat gets the stored answer).
          if (!isConfirmed(request.body)) {
            const plan = await benefits.previewMove(accountOf(request), claim.id, Number(seq), change);
            return sendPage(request, reply, {
              title: `${plan.target.seq}차 실업인정일 변경 확인`,
              breadcrumbs: claimCrumbs(claim.id, '실업인정일 변경 확인'),
              main: changeConfirmPage({ claimId: claim.id, plan, change, values, csrf: csrfToken(reply) }),
            });
          }
          const { outcome } = await request.command(async () => {
            await benefits.moveRecognition(accountOf(request), claim.id, Number(seq), { ...change, reason: '' });
            return { redirect: `/benefits/claims/${claim.id}?moved=${Number(seq)}` };
          });
          return sendOutcome(reply, outcome);
        } catch (err) {
          if (!(err instanceof UserError) || err.statusCode === 404) throw err;
          Object.assign(errors, err.fields ?? { _form: err.message });
          reply.status(err.statusCode);
        }
      } else reply.status(400);
      return renderChange(request, reply, id, seq, values, errors);
    },
  );
}
