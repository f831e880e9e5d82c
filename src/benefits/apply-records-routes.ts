/**
 * 수급자격 신청 from the records (apply-routes.ts mounts it): the page for where the person stands —
 * 본인확인 first, no records, still insured, waiting for the 이직확인서, or the facts to confirm or dispute
 * — and the filing, on the records as read again now.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { accountOf } from '../identity/access.ts';
import type { JobCentre } from '../identity/accounts.ts';
import { sendOutcome } from '../web/commands.ts';
import { UserError } from '../web/errors.ts';
import type { Errors } from '../web/forms.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken } from '../web/security.ts';
import { parseRecordsApply, type RecordsApplyValues } from './apply-forms.ts';
import type { Ready } from './apply-service.ts';
import { employedPage, noRecordsPage, recordsApplyPage, verifyFirstPage, waitingPage } from './apply-views.ts';
import { type BenefitsRouteDeps, crumbs } from './route-support.ts';
import type { FileClaimInput } from './service.ts';
import { journalInstead, unavailable } from './unavailable.ts';

type Journal = (request: FastifyRequest, reply: FastifyReply, filing: Omit<FileClaimInput, 'claimant'>) => unknown;

const blank = (centreCode: string): RecordsApplyValues => ({
  centreCode,
  disabled: '',
  justifiedReason: '',
  birthDate: '',
  factsVersion: '',
  answers: {},
});

interface Ctx {
  benefits: BenefitsRouteDeps['benefits'];
  centres: () => Promise<JobCentre[]>;
  journal: Journal;
}
type View = { values: RecordsApplyValues; errors: Errors; key?: string };

const page = (request: FastifyRequest, reply: FastifyReply, main: ReturnType<typeof verifyFirstPage>) =>
  sendPage(request, reply, { title: '수급자격 신청', breadcrumbs: crumbs('수급자격 신청'), main });

export function recordsApply(deps: BenefitsRouteDeps, centres: () => Promise<JobCentre[]>, journal: Journal) {
  const ctx: Ctx = { benefits: deps.benefits, centres, journal };
  return {
    render: (request: FastifyRequest, reply: FastifyReply, opts: { asked?: boolean; view?: View }) =>
      render(ctx, request, reply, opts),
    file: (request: FastifyRequest, reply: FastifyReply) => file(ctx, request, reply),
  };
}

async function renderForm(ctx: Ctx, request: FastifyRequest, reply: FastifyReply, reading: Ready, view: View) {
  const { benefits, centres } = ctx;
  const r = reading.records;
  return page(
    request,
    reply,
    recordsApplyPage({
      workplaceName: r.workplace.workplaceName,
      facts: r.facts,
      uncounted: r.uncounted,
      reason: r.claim.separationReason,
      needsBirthDate: r.claim.birthDate === '',
      values: view.values,
      errors: view.errors,
      centres: await centres(),
      factsVersion: benefits.factsVersionOf(reading),
      csrf: csrfToken(reply),
      idempotencyKey: view.key ?? randomUUID(),
    }),
  );
}

/** The page for where this person stands; `view` keeps a refused post's input. */
async function render(ctx: Ctx, request: FastifyRequest, reply: FastifyReply, opts: { asked?: boolean; view?: View }) {
  const { benefits } = ctx;
  const account = accountOf(request);
  const reading = await benefits.claimRecords(account.id);
  if (!reading.verified) return page(request, reply, verifyFirstPage());
  const r = reading.records;
  if (r.state === 'no-records') return page(request, reply, noRecordsPage());
  if (r.state === 'employed')
    return page(request, reply, employedPage({ workplaceName: r.workplace.workplaceName, acquiredOn: r.acquiredOn }));
  if (r.state === 'waiting')
    return page(
      request,
      reply,
      waitingPage({
        workplaceName: r.workplace.workplaceName,
        managementNo: r.workplace.managementNo,
        separationDate: r.separationDate,
        request: reading.waitRequest,
        asked: opts.asked === true,
        csrf: csrfToken(reply),
        idempotencyKey: randomUUID(),
      }),
    );
  const view = opts.view ?? { values: blank(account.centreCode ?? ''), errors: {} };
  return renderForm(ctx, request, reply, { ...reading, records: r }, view);
}

async function file(ctx: Ctx, request: FastifyRequest, reply: FastifyReply) {
  const { benefits, centres, journal } = ctx;
  const account = accountOf(request);
  const reading = await benefits.claimRecords(account.id);
  if (!reading.verified || reading.records.state !== 'ready') {
    reply.status(409);
    return render(ctx, request, reply, {});
  }
  const ready: Ready = { ...reading, records: reading.records };
  const codes = (await centres()).map((c) => c.code);
  const parsed = parseRecordsApply(request.body, {
    today: benefits.today(),
    centreCodes: codes,
    factKeys: ready.records.facts.map((f) => f.key),
    reason: ready.records.claim.separationReason,
    needsBirthDate: ready.records.claim.birthDate === '',
  });
  const view = { values: parsed.form, errors: parsed.errors, key: parsed.key };
  if (!parsed.value) {
    reply.status(400);
    return renderForm(ctx, request, reply, ready, view);
  }
  const input = { claimant: account, ...parsed.value };
  try {
    // The command's key is this form's idempotencyKey (read from the body), the claim's own key too.
    const { outcome } = await request.command(async () => {
      const { claim, created } = await benefits.fileFromRecords(input);
      return { redirect: `/benefits/claims/${claim.id}${created ? '?filed=1' : ''}` };
    });
    return sendOutcome(reply, outcome);
  } catch (err) {
    // No database took it, and nothing was disputed: the journal takes the facts the claimant confirmed
    // (a claim with an 이의 waits for the database: the journal keeps no statements).
    if (journalInstead(err)) {
      if (Object.values(parsed.value.answers).some((a) => a.answer === 'dispute'))
        throw unavailable('데이터베이스에 연결할 수 없습니다.', 'write');
      const r = ready.records;
      return journal(request, reply, {
        centreCode: parsed.value.centreCode,
        idempotencyKey: parsed.value.idempotencyKey,
        companyName: r.workplace.workplaceName,
        reportDate: ready.waitRequest?.requestedOn ?? benefits.today(),
        facts: {
          ...r.claim,
          birthDate: r.claim.birthDate || (parsed.value.birthDate ?? ''),
          disabled: parsed.value.disabled,
          justifiedReason: r.claim.separationReason === '12' ? parsed.value.justifiedReason : null,
        },
      });
    }
    if (err instanceof UserError && (err.statusCode === 409 || err.fields)) {
      reply.status(err.statusCode);
      const errors = err.fields ?? { _form: err.message };
      return render(ctx, request, reply, { view: { ...view, errors } });
    }
    if (err instanceof RangeError) {
      reply.status(422);
      return render(ctx, request, reply, { view: { ...view, errors: { _form: err.message } } });
    }
    throw err;
  }
}
