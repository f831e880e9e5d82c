/**
 * 실업인정 신청 (개인회원, their own claims): the form with the period's requirement and the 입사 지원
 * made in Ilteo offered as activities, the check before sending, a 차수 already filed with its status,
 * and the filing — into the database once per the form's idempotency key, or into this server's journal
 * when no database can take it (then the form alone, without the claim).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountOf } from '../identity/access.ts';
import { journalFirst, sendReceived } from '../intake/journal-path.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import { alert } from '../web/components.ts';
import { UserError } from '../web/errors.ts';
import { type Errors, formText, IDEMPOTENCY_KEY } from '../web/forms.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken } from '../web/security.ts';
import { offeredActivities, periodErrors, type ReadActivity, readActivities } from './recognition-forms.ts';
import { outageRecognitionPage, recognitionPage, recognitionStatusPage, requirementText } from './recognition-views.ts';
import { type BenefitsRouteDeps, claimCrumbs, crumbs, ownClaim, SEEKER, seekerOwnOutagePage } from './route-support.ts';
import type { Claim, Recognition } from './service.ts';
import { isUnavailable, journalInstead, unavailable } from './unavailable.ts';

type RecognitionView = {
  claimId: string;
  seq: string;
  body?: unknown;
  errors?: Errors;
  check?: boolean;
};

/** The form's idempotency key when it is well formed, else a new one. */
const formKey = (body: unknown) => {
  const key = formText(body, 'idempotencyKey', 100);
  return IDEMPOTENCY_KEY.test(key) ? key : randomUUID();
};

/** No database: the form alone, for the journal (what was typed is kept). */
async function renderOutageRecognition(request: FastifyRequest, reply: FastifyReply, opts: RecognitionView) {
  const claimId = Number(opts.claimId);
  const seq = Number(opts.seq);
  if (!Number.isSafeInteger(claimId) || !Number.isSafeInteger(seq) || claimId < 1 || seq < 1)
    throw new UserError(404, 'NOT_FOUND', '해당 차수의 실업인정이 없습니다.');
  const read = opts.body ? readActivities(opts.body) : { rows: [], errors: {} };
  return sendPage(request, reply, {
    title: `${seq}차 실업인정 신청`,
    breadcrumbs: crumbs(`${seq}차 실업인정`),
    main: outageRecognitionPage({
      claimId,
      seq,
      rows: read.rows,
      workedOrEarned: formText(opts.body, 'workedOrEarned', 5),
      errors: { ...read.errors, ...(opts.errors ?? {}) },
      csrf: csrfToken(reply),
      idempotencyKey: formKey(opts.body),
    }),
  });
}

/** Filed already: its status (접수됨, 인정, 불인정 with the reason), never the form again. */
async function renderFiledRecognition(
  { benefits }: BenefitsRouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  opts: RecognitionView & { claim: Claim; recognition: Recognition },
) {
  const { claim, recognition } = opts;
  const activities = (await benefits.activities(claim.id)).filter((a) => a.recognitionId === recognition.id);
  const again = opts.body !== undefined;
  return sendPage(request, reply, {
    title: `${recognition.seq}차 실업인정`,
    breadcrumbs: claimCrumbs(claim.id, `${recognition.seq}차 실업인정`),
    main: recognitionStatusPage({
      claim,
      recognition,
      activities,
      notice: again
        ? alert({
            variant: 'info',
            role: 'status',
            title: '이 차수의 실업인정은 이미 신청했습니다.',
            body: '보내신 내용은 처리하지 않았습니다. 처음 신청한 내용과 처리 상태는 아래와 같습니다.',
          })
        : null,
    }),
  });
}

async function renderRecognitionNow(
  deps: BenefitsRouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  opts: RecognitionView,
) {
  const { benefits } = deps;
  const claim = await ownClaim(benefits, request, opts.claimId);
  const recognition = (await benefits.recognitions(claim.id)).find((r) => String(r.seq) === opts.seq);
  if (!recognition) throw new UserError(404, 'NOT_FOUND', '해당 차수의 실업인정이 없습니다.');
  if (recognition.status !== 'scheduled')
    return renderFiledRecognition(deps, request, reply, { ...opts, claim, recognition });
  // 입사 지원 made in Ilteo during the period are offered as activities (the claimant may change them).
  const applied = await benefits.applicationsBetween(claim.claimantId, recognition.periodStart, recognition.periodEnd);
  const read = opts.body
    ? readActivities(opts.body)
    : { rows: offeredActivities(applied), errors: {}, activities: [] as ReadActivity[] };
  const outside = opts.body ? periodErrors(read.rows, recognition) : {};
  if (Object.keys(outside).length > 0 && reply.statusCode < 400) reply.status(422);
  const used = await benefits.usedBefore(claim.id, recognition.seq);
  const check =
    opts.check || opts.errors || Object.keys(outside).length > 0
      ? benefits.checkPeriod(claim, recognition, read.activities, used)
      : null;
  const required = benefits.checkPeriod(claim, recognition, [], used).required;
  return sendPage(request, reply, {
    title: `${recognition.seq}차 실업인정 신청`,
    breadcrumbs: claimCrumbs(claim.id, `${recognition.seq}차 실업인정`),
    main: recognitionPage({
      claim,
      recognition,
      requirementText: requirementText(required),
      rows: read.rows,
      workedOrEarned: formText(opts.body, 'workedOrEarned', 5),
      check,
      errors: { ...read.errors, ...outside, ...(opts.errors ?? {}) },
      csrf: csrfToken(reply),
      idempotencyKey: formKey(opts.body),
      applications: applied.map((a) => ({ date: a.appliedAt, organisation: a.companyName, description: a.title })),
    }),
  });
}

function renderRecognition(
  deps: BenefitsRouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  opts: RecognitionView,
) {
  if (deps.intake && journalFirst(request, deps.databaseDown)) return renderOutageRecognition(request, reply, opts);
  return renderRecognitionNow(deps, request, reply, opts).catch((err: unknown) => {
    if (deps.intake && isUnavailable(err)) return renderOutageRecognition(request, reply, opts);
    throw err;
  });
}

/** No database can take it (a full outage): into this server's journal, on disk before we answer. */
async function journalRecognition(
  deps: BenefitsRouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  filing: { id: string; seq: string; key: string; workedOrEarned: boolean; activities: ReadActivity[] },
) {
  if (!deps.intake) throw unavailable('데이터베이스에 연결할 수 없습니다.', 'write');
  const claimId = Number(filing.id);
  const n = Number(filing.seq);
  if (!Number.isSafeInteger(claimId) || !Number.isSafeInteger(n))
    throw new UserError(404, 'NOT_FOUND', '신청을 찾을 수 없습니다.');
  return sendReceived(
    request,
    reply,
    {
      breadcrumbs: crumbs('실업인정 신청'),
      heading: '실업인정 신청이 접수되었습니다',
      what: `${n}차 실업인정 신청을`,
      again: '다시 신청하지 않아도 됩니다.',
    },
    await deps.intake.journalRecognition(
      accountOf(request),
      { claimId, seq: n, workedOrEarned: filing.workedOrEarned, activities: filing.activities },
      filing.key,
    ),
  );
}

export function recognitionRoutes(app: FastifyInstance, deps: BenefitsRouteDeps): void {
  const { benefits } = deps;
  app.get<{ Params: { id: string; seq: string } }>(
    '/benefits/claims/:id/recognitions/:seq',
    // With no database it shows the form alone (for the journal), never an old copy with an old key.
    seekerOwnOutagePage(),
    async (request, reply) =>
      renderRecognition(deps, request, reply, { claimId: request.params.id, seq: request.params.seq }),
  );

  app.post<{ Params: { id: string; seq: string } }>(
    '/benefits/claims/:id/recognitions/:seq',
    // No per-IP limit here: a job centre's kiosks share one address on the deadline day; the session,
    // CSRF token and idempotency key already bound what one person can send.
    writes(SEEKER, 'benefits.fileRecognition', { journal: true }),
    async (request, reply) => {
      const { id, seq } = request.params;
      const body = request.body;
      const read = readActivities(body);
      if (formText(body, 'action', 10) === 'check' || Object.keys(read.errors).length > 0) {
        if (Object.keys(read.errors).length > 0) reply.status(400);
        return renderRecognition(deps, request, reply, { claimId: id, seq, body, check: true });
      }
      const key = formText(body, 'idempotencyKey', 100);
      if (!IDEMPOTENCY_KEY.test(key)) {
        reply.status(400);
        const errors = { _form: '신청 양식이 올바르지 않습니다. 새로 고친 뒤 다시 신청해 주세요.' };
        return renderRecognition(deps, request, reply, { claimId: id, seq, body, errors });
      }
      const account = accountOf(request);
      const workedOrEarned = formText(body, 'workedOrEarned', 5) === 'yes';
      const filing = { id, seq, key, workedOrEarned, activities: read.activities };
      if (journalFirst(request, deps.databaseDown)) return journalRecognition(deps, request, reply, filing);
      try {
        const claim = await ownClaim(benefits, request, id);
        // The command's key is this form's idempotencyKey (read from the body), the 실업인정's own key too.
        const { outcome } = await request.command(async () => {
          await benefits.fileRecognition(account, claim.id, Number(seq), {
            idempotencyKey: key,
            workedOrEarned,
            activities: read.activities,
          });
          return { redirect: `/benefits/claims/${claim.id}?recognised=${Number(seq)}` };
        });
        return sendOutcome(reply, outcome);
      } catch (err) {
        if (journalInstead(err)) return journalRecognition(deps, request, reply, filing);
        if (!(err instanceof UserError) || err.statusCode === 404) throw err;
        reply.status(err.statusCode);
        // Outside the period: the rows say so themselves (periodErrors), once.
        const errors: Errors = err.code === 'ACTIVITY_OUTSIDE_PERIOD' ? {} : { _form: err.message };
        return renderRecognition(deps, request, reply, { claimId: id, seq, body, errors, check: true });
      }
    },
  );
}
