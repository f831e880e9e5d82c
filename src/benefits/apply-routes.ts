/**
 * 수급자격 신청 (개인회원): from the 고용보험 records after 본인확인 (apply-records-routes.ts), filed into
 * the database once per the form's idempotency key; when no database can take it (a full outage) the
 * typed form as before, into this server's journal, on disk before we answer.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountOf } from '../identity/access.ts';
import { journalFirst, sendReceived } from '../intake/journal-path.ts';
import { writes } from '../web/commands.ts';
import type { Errors } from '../web/forms.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken } from '../web/security.ts';
import { type ApplyValues, parseApply } from './apply-forms.ts';
import { recordsApply } from './apply-records-routes.ts';
import { applyRecordsWaitRoutes } from './apply-wait-routes.ts';
import { centreChoices } from './centres.ts';
import { emptyClaimForm, parseClaimForm } from './form.ts';
import { type BenefitsRouteDeps, crumbs, SEEKER, seekerOwnOutagePage } from './route-support.ts';
import type { FileClaimInput } from './service.ts';
import { isUnavailable, unavailable } from './unavailable.ts';
import { applyPage } from './views.ts';

type Filing = Omit<FileClaimInput, 'claimant'>;

/** The typed form of an outage (its facts typed), not the form filled from the records. */
const typedForm = (body: unknown) =>
  typeof (body as Record<string, unknown> | undefined)?.separationDate === 'string' &&
  (body as Record<string, unknown>).factsVersion === undefined;

export function applyRoutes(app: FastifyInstance, deps: BenefitsRouteDeps): void {
  const { benefits } = deps;
  const centres = centreChoices({ centres: benefits.centres, intake: deps.intake, databaseDown: deps.databaseDown });
  const records = recordsApply(deps, centres, (request, reply, filing) => journal(request, reply, filing));

  const renderApply = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: ApplyValues,
    errors: Errors,
    key: string = randomUUID(),
  ) =>
    sendPage(request, reply, {
      title: '수급자격 신청',
      breadcrumbs: crumbs('수급자격 신청'),
      main: applyPage({ values, errors, centres: await centres(), csrf: csrfToken(reply), idempotencyKey: key }),
    });

  // No database can take it (a full outage): into this server's journal, on disk before we answer;
  // applied later with the 실업신고일 of today.
  const journal = async (request: FastifyRequest, reply: FastifyReply, filing: Filing) => {
    if (!deps.intake) throw unavailable('데이터베이스에 연결할 수 없습니다.', 'write');
    const { idempotencyKey, ...payload } = filing;
    return sendReceived(
      request,
      reply,
      {
        breadcrumbs: crumbs('수급자격 신청'),
        heading: '수급자격 신청이 접수되었습니다',
        what: '수급자격 신청을',
        again: `실업신고일은 오늘(${filing.reportDate})로 처리됩니다. 다시 신청하지 않아도 됩니다.`,
      },
      await deps.intake.journalClaim(accountOf(request), payload, idempotencyKey),
    );
  };

  // With no database it opens with the centres this process knows (never an old copy with an old key),
  // as the typed form: no records can be read, the journal takes what the claimant types.
  app.get('/benefits/apply', seekerOwnOutagePage(), async (request, reply) => {
    const account = accountOf(request);
    const query = request.query as Record<string, unknown>;
    if (!journalFirst(request, deps.databaseDown)) {
      try {
        // Read while the database answers, so this server keeps the centres for the outage form.
        await centres();
        return await records.render(request, reply, { asked: query.asked !== undefined });
      } catch (err) {
        if (!isUnavailable(err)) throw err;
      }
    }
    const prefilled =
      typeof query.separationDate === 'string' ? parseClaimForm(query, benefits.today()).values : emptyClaimForm();
    return renderApply(request, reply, { ...prefilled, companyName: '', centreCode: account.centreCode ?? '' }, {});
  });

  app.post('/benefits/apply', writes(SEEKER, 'benefits.apply', { journal: true }), async (request, reply) => {
    if (!journalFirst(request, deps.databaseDown)) {
      // The typed form (opened in an outage) never reaches a command here: no records form, no filing.
      try {
        return await records.file(request, reply);
      } catch (err) {
        if (!isUnavailable(err) || !typedForm(request.body)) throw err;
      }
    }
    const codes = (await centres()).map((c) => c.code);
    const { form: values, errors, value: parsed } = parseApply(request.body, benefits.today(), codes);
    if (!parsed) {
      reply.status(400);
      return renderApply(request, reply, values, errors);
    }
    const { centreCode, idempotencyKey, facts, companyName } = parsed;
    return journal(request, reply, { centreCode, idempotencyKey, facts, companyName, reportDate: benefits.today() });
  });

  applyRecordsWaitRoutes(app, deps);
}
