/**
 * 실업급여 routes for citizens: 안내 and 예상 수급액 (public), 수급자격 신청, 내 신청, 실업인정 신청
 * (개인회원 only, each person only their own claims; another's answers 404).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CommandOutcomeUnknownError } from '../db/commands.ts';
import { DatabaseUnavailableError } from '../db/failover.ts';
import type { Database } from '../db/index.ts';
import { accountOf, allow } from '../identity/access.ts';
import { listCentres } from '../identity/accounts.ts';
import { maskPersonalNumbers } from '../identity/rules.ts';
import { journalFirst, sendReceived } from '../intake/journal-path.ts';
import type { Intake } from '../intake/service.ts';
import type { MarketStore } from '../market/store.ts';
import { formatKoreanDate, isIsoDate, seoulToday } from '../shared/dates.ts';
import { josa } from '../shared/korean.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import { alert } from '../web/components.ts';
import { confirmStep, isConfirmed } from '../web/confirm.ts';
import { UserError } from '../web/errors.ts';
import { formText, IDEMPOTENCY_KEY } from '../web/forms.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken } from '../web/security.ts';
import { activityDateError } from './activities.ts';
import { estimate } from './calculate.ts';
import { type ClaimFormValues, emptyClaimForm, parseClaimForm } from './form.ts';
import { periodText } from './labels.ts';
import { ACTIVITY_KINDS, type ActivityKind } from './rules.ts';
import { type BenefitsService, CHANGE_KINDS, type ChangeKind, type Recognition } from './service.ts';
import {
  ACTIVITY_ROWS,
  type ActivityRow,
  applyPage,
  benefitsHome,
  changePage,
  claimPage,
  estimatePage,
  outageRecognitionPage,
  recognitionPage,
  recognitionStatusPage,
} from './views.ts';

const SEEKER = allow('seeker');

/**
 * The command found no primary within its deadline and wrote nothing: the journal may take it. Not when
 * the COMMIT may have landed (CommandOutcomeUnknownError): journaling it could apply it a second time.
 */
const journalInstead = (err: unknown) =>
  err instanceof DatabaseUnavailableError && !(err instanceof CommandOutcomeUnknownError);

export function benefitsRoutes(
  app: FastifyInstance,
  deps: {
    database: Database;
    benefits: BenefitsService;
    market: MarketStore;
    /** Takes a submission into the journal when no database can (a full outage). */
    intake?: Intake;
    databaseDown?: () => boolean;
  },
): void {
  const { database, benefits, market } = deps;
  const crumbs = (label: string) => [{ label: '실업급여', href: '/benefits' }, { label }];

  app.get('/benefits', allow('public'), async (request, reply) => {
    const account = request.identity?.account;
    const claims = account?.kind === 'seeker' ? await benefits.claimsOf(account.id) : null;
    return sendPage(request, reply, {
      title: '실업급여',
      breadcrumbs: [{ label: '실업급여' }],
      main: benefitsHome({ signedInClaims: claims }),
    });
  });

  app.get('/benefits/estimate', allow('public'), async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const today = benefits.today();
    const submitted = typeof query.separationDate === 'string';
    const parsed = submitted ? parseClaimForm(query, today) : null;
    let errors = parsed && !parsed.ok ? parsed.errors : {};
    let result = null;
    if (parsed?.ok) {
      try {
        result = estimate(parsed.facts, today);
      } catch (err) {
        if (!(err instanceof RangeError)) throw err;
        errors = { separationDate: err.message };
      }
    }
    if (Object.keys(errors).length > 0) reply.status(400);
    return sendPage(request, reply, {
      title: '예상 수급액 계산',
      breadcrumbs: crumbs('예상 수급액'),
      main: estimatePage({ values: parsed?.values ?? emptyClaimForm(), errors, result, reportDate: today }),
    });
  });

  /**
   * The job centres (for the 수급자격 신청 form): from the database, else — no database — the list this
   * server last read, kept on its disk (a claim is journaled only for a centre on it, so it can be
   * applied later; a process started during the outage has the list its predecessor saw).
   */
  type Centres = Awaited<ReturnType<typeof listCentres>>;
  const lastSeen = async (): Promise<Centres> => (await deps.intake?.recall<Centres>('centres')) ?? [];
  const centres = async (): Promise<Centres> => {
    if (!deps.databaseDown?.()) {
      try {
        const list = await listCentres(database);
        await deps.intake?.remember('centres', list).catch(() => {});
        return list;
      } catch (err) {
        const seen = err instanceof DatabaseUnavailableError ? await lastSeen() : [];
        if (seen.length === 0) throw err;
        return seen;
      }
    }
    const seen = await lastSeen();
    if (seen.length === 0)
      throw new DatabaseUnavailableError('지금은 데이터베이스에 연결할 수 없어 신청서를 열 수 없습니다.', 'read');
    return seen;
  };

  const renderApply = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: ClaimFormValues & { companyName: string; centreCode: string },
    errors: Record<string, string>,
    key: string = randomUUID(),
  ) =>
    sendPage(request, reply, {
      title: '수급자격 신청',
      breadcrumbs: crumbs('수급자격 신청'),
      main: applyPage({
        values,
        errors,
        centres: await centres(),
        csrf: csrfToken(reply),
        idempotencyKey: key,
      }),
    });

  // With no database it opens with the centres this process knows (never an old copy with an old key).
  app.get('/benefits/apply', { config: { ...SEEKER.config, ownOutagePage: true } }, async (request, reply) => {
    const account = accountOf(request);
    const query = request.query as Record<string, unknown>;
    const prefilled =
      typeof query.separationDate === 'string' ? parseClaimForm(query, benefits.today()).values : emptyClaimForm();
    return renderApply(request, reply, { ...prefilled, companyName: '', centreCode: account.centreCode ?? '' }, {});
  });

  app.post('/benefits/apply', writes(SEEKER, 'benefits.apply', { journal: true }), async (request, reply) => {
    const account = accountOf(request);
    const body = request.body as Record<string, unknown>;
    const parsed = parseClaimForm(body, benefits.today());
    const companyName = maskPersonalNumbers(formText(body, 'companyName', 100));
    const centreCode = formText(body, 'centreCode', 50);
    const key = formText(body, 'idempotencyKey', 100);
    const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
    if (!companyName) errors.companyName = '마지막 사업장 이름을 입력해 주세요.';
    if (!(await centres()).some((c) => c.code === centreCode)) errors.centreCode = '신청할 고용센터를 골라 주세요.';
    if (!IDEMPOTENCY_KEY.test(key)) errors._form = '신청 양식이 올바르지 않습니다. 새로 고친 뒤 다시 신청해 주세요.';
    const values = { ...parsed.values, companyName, centreCode };
    if (Object.keys(errors).length > 0 || !parsed.ok) {
      reply.status(400);
      return renderApply(request, reply, values, errors, IDEMPOTENCY_KEY.test(key) ? key : undefined);
    }
    const filing = {
      centreCode,
      idempotencyKey: key,
      facts: parsed.facts,
      companyName,
      reportDate: benefits.today(),
    };
    // No database can take it (a full outage): into this server's journal, on disk before we answer;
    // applied later with the 실업신고일 of today.
    const journal = async () => {
      if (!deps.intake) throw new DatabaseUnavailableError('데이터베이스에 연결할 수 없습니다.', 'write');
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
        await deps.intake.journalClaim(account, payload, idempotencyKey),
      );
    };
    if (journalFirst(request, deps.databaseDown)) return journal();
    try {
      // The command's key is this form's idempotencyKey (read from the body), the claim's own key too.
      const { outcome } = await request.command(async () => {
        const { claim, created } = await benefits.fileClaim({ claimant: account, ...filing });
        return { redirect: `/benefits/claims/${claim.id}${created ? '?filed=1' : ''}` };
      });
      return sendOutcome(reply, outcome);
    } catch (err) {
      if (journalInstead(err)) return journal();
      if (err instanceof UserError && err.fields) {
        reply.status(err.statusCode);
        return renderApply(request, reply, values, err.fields, key);
      }
      if (err instanceof RangeError) {
        reply.status(422);
        return renderApply(request, reply, values, { separationDate: err.message }, key);
      }
      throw err;
    }
  });

  /** The claimant's own claim, or 404 (the same answer for someone else's and for none). */
  const ownClaim = async (request: FastifyRequest, rawId: string) => {
    const account = accountOf(request);
    const id = Number(rawId);
    const claim = Number.isSafeInteger(id) && id > 0 ? await benefits.claimById(id) : undefined;
    if (!claim || claim.claimantId !== account.id) throw new UserError(404, 'NOT_FOUND', '신청을 찾을 수 없습니다.');
    return claim;
  };

  app.get<{ Params: { id: string }; Querystring: { filed?: string; recognised?: string; moved?: string } }>(
    '/benefits/claims/:id',
    SEEKER,
    async (request, reply) => {
      const claim = await ownClaim(request, request.params.id);
      const recognitions = await benefits.recognitions(claim.id);
      const notice = request.query.filed
        ? alert({
            variant: 'success',
            role: 'status',
            title: '수급자격 신청을 접수했습니다.',
            body: `접수번호 ${claim.id}. 고용센터가 심사한 뒤 1차 실업인정일을 알려 드립니다.`,
          })
        : request.query.recognised
          ? alert({
              variant: 'success',
              role: 'status',
              title: `${request.query.recognised}차 실업인정 신청을 접수했습니다.`,
              body: '상담원이 확인하면 지급 내역에 나타납니다.',
            })
          : request.query.moved
            ? alert({
                variant: 'success',
                role: 'status',
                title: `${request.query.moved}차 실업인정일을 바꿨습니다.`,
                body: '바뀐 날짜는 아래 일정에 있습니다. 상담원도 같은 내용을 봅니다.',
              })
            : null;
      return sendPage(request, reply, {
        title: '구직급여 신청',
        breadcrumbs: crumbs('내 신청'),
        main: claimPage({ claim, recognitions, today: benefits.today(), notice }),
      });
    },
  );

  const readActivities = (body: unknown) => {
    const rows: ActivityRow[] = [];
    const errors: Record<string, string> = {};
    const activities: { kind: ActivityKind; date: string; organisation: string; description: string }[] = [];
    for (let i = 0; i < ACTIVITY_ROWS; i++) {
      const row = {
        kind: formText(body, `kind${i}`, 30),
        date: formText(body, `date${i}`, 20),
        organisation: maskPersonalNumbers(formText(body, `organisation${i}`, 100)),
        description: maskPersonalNumbers(formText(body, `description${i}`, 200)),
      };
      rows.push(row);
      if (!row.kind && !row.date && !row.organisation && !row.description) continue;
      if (!Object.hasOwn(ACTIVITY_KINDS, row.kind)) errors[`kind${i}`] = `활동 ${i + 1}의 종류를 골라 주세요.`;
      if (!isIsoDate(row.date)) errors[`date${i}`] = `활동 ${i + 1}의 날짜를 2026-11-20 처럼 입력해 주세요.`;
      if (!errors[`kind${i}`] && !errors[`date${i}`]) activities.push({ ...row, kind: row.kind as ActivityKind });
    }
    return { rows, errors, activities };
  };

  /** Each reported activity dated outside the period being recognised, as a field error of its row. */
  const periodErrors = (rows: readonly ActivityRow[], recognition: Recognition) => {
    const errors: Record<string, string> = {};
    rows.forEach((row, i) => {
      const error = isIsoDate(row.date) ? activityDateError(row.date, recognition) : null;
      if (error) errors[`date${i}`] = `활동 ${i + 1}: ${error}`;
    });
    return errors;
  };

  type RecognitionView = {
    claimId: string;
    seq: string;
    body?: unknown;
    errors?: Record<string, string>;
    check?: boolean;
  };
  /** No database: the form alone, for the journal (what was typed is kept). */
  const renderOutageRecognition = async (request: FastifyRequest, reply: FastifyReply, opts: RecognitionView) => {
    const claimId = Number(opts.claimId);
    const seq = Number(opts.seq);
    if (!Number.isSafeInteger(claimId) || !Number.isSafeInteger(seq) || claimId < 1 || seq < 1)
      throw new UserError(404, 'NOT_FOUND', '해당 차수의 실업인정이 없습니다.');
    const read = opts.body ? readActivities(opts.body) : { rows: [], errors: {} };
    const key = formText(opts.body, 'idempotencyKey', 100);
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
        idempotencyKey: IDEMPOTENCY_KEY.test(key) ? key : randomUUID(),
      }),
    });
  };
  const renderRecognition = async (request: FastifyRequest, reply: FastifyReply, opts: RecognitionView) => {
    if (deps.intake && journalFirst(request, deps.databaseDown)) return renderOutageRecognition(request, reply, opts);
    try {
      return await renderRecognitionNow(request, reply, opts);
    } catch (err) {
      if (deps.intake && err instanceof DatabaseUnavailableError) return renderOutageRecognition(request, reply, opts);
      throw err;
    }
  };
  const renderRecognitionNow = async (request: FastifyRequest, reply: FastifyReply, opts: RecognitionView) => {
    const claim = await ownClaim(request, opts.claimId);
    const recognition = (await benefits.recognitions(claim.id)).find((r) => String(r.seq) === opts.seq);
    if (!recognition) throw new UserError(404, 'NOT_FOUND', '해당 차수의 실업인정이 없습니다.');
    if (recognition.status !== 'scheduled') {
      // Filed already: its status (접수됨, 인정, 불인정 with the reason), never the form again.
      const activities = (await benefits.activities(claim.id)).filter((a) => a.recognitionId === recognition.id);
      const again = opts.body !== undefined;
      return sendPage(request, reply, {
        title: `${recognition.seq}차 실업인정`,
        breadcrumbs: [
          { label: '실업급여', href: '/benefits' },
          { label: '내 신청', href: `/benefits/claims/${claim.id}` },
          { label: `${recognition.seq}차 실업인정` },
        ],
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
    // 입사 지원 made in Ilteo during the period are offered as activities (the claimant may change them).
    const applied = await market.applicationsBetween(claim.claimantId, recognition.periodStart, recognition.periodEnd);
    const offered: ActivityRow[] = applied.slice(0, ACTIVITY_ROWS).map((a) => ({
      kind: 'application',
      date: seoulToday(new Date(a.appliedAt)),
      organisation: a.companyName,
      description: `${a.title} (일터 입사 지원)`,
    }));
    const read = opts.body ? readActivities(opts.body) : { rows: offered, errors: {}, activities: [] };
    const outside = opts.body ? periodErrors(read.rows, recognition) : {};
    if (Object.keys(outside).length > 0 && reply.statusCode < 400) reply.status(422);
    const used = await benefits.usedBefore(claim.id, recognition.seq);
    const check =
      opts.check || opts.errors || Object.keys(outside).length > 0
        ? benefits.checkPeriod(claim, recognition, read.activities, used)
        : null;
    const required = benefits.checkPeriod(claim, recognition, [], used).required;
    const key = formText(opts.body, 'idempotencyKey', 100);
    return sendPage(request, reply, {
      title: `${recognition.seq}차 실업인정 신청`,
      breadcrumbs: [
        { label: '실업급여', href: '/benefits' },
        { label: '내 신청', href: `/benefits/claims/${claim.id}` },
        { label: `${recognition.seq}차 실업인정` },
      ],
      main: recognitionPage({
        claim,
        recognition,
        requirementText: `${required.rule} 필요: ${required.activities}회${required.jobSearch > 0 ? ` (그중 입사 지원·면접 ${required.jobSearch}회 이상)` : ''}.`,
        rows: read.rows,
        workedOrEarned: formText(opts.body, 'workedOrEarned', 5),
        check,
        errors: { ...read.errors, ...outside, ...(opts.errors ?? {}) },
        csrf: csrfToken(reply),
        idempotencyKey: IDEMPOTENCY_KEY.test(key) ? key : randomUUID(),
        applications: applied.map((a) => ({ date: a.appliedAt, organisation: a.companyName, description: a.title })),
      }),
    });
  };

  const CLAIMANT_CHANGES = Object.fromEntries(Object.entries(CHANGE_KINDS).filter(([k]) => k !== 'outage'));
  const renderChange = async (
    request: FastifyRequest,
    reply: FastifyReply,
    claimId: string,
    seq: string,
    values = { newDate: '', kind: '', evidence: '' },
    errors: Record<string, string> = {},
  ) => {
    const claim = await ownClaim(request, claimId);
    const recognition = (await benefits.recognitions(claim.id)).find((r) => String(r.seq) === seq);
    if (!recognition) throw new UserError(404, 'NOT_FOUND', '해당 차수의 실업인정이 없습니다.');
    return sendPage(request, reply, {
      title: `${recognition.seq}차 실업인정일 변경`,
      breadcrumbs: [
        { label: '실업급여', href: '/benefits' },
        { label: '내 신청', href: `/benefits/claims/${claim.id}` },
        { label: '실업인정일 변경' },
      ],
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
      const values = {
        newDate: formText(request.body, 'newDate', 20),
        kind: formText(request.body, 'kind', 20),
        evidence: maskPersonalNumbers(formText(request.body, 'evidence', 200)),
      };
      const errors: Record<string, string> = {};
      if (!isIsoDate(values.newDate)) errors.newDate = '바꿀 날짜를 2026-12-15 처럼 입력해 주세요.';
      if (!Object.hasOwn(CLAIMANT_CHANGES, values.kind)) errors.kind = '사유를 골라 주세요.';
      if (Object.keys(errors).length === 0) {
        const claim = await ownClaim(request, id);
        const change = { ...values, kind: values.kind as ChangeKind };
        try {
          // Checked as the change itself checks it, then restated for confirmation; nothing written yet.
          // The confirmed post leaves the checks to the command (its repeat gets the stored answer).
          if (!isConfirmed(request.body)) {
            const plan = await benefits.previewMove(accountOf(request), claim.id, Number(seq), change);
            const to = formatKoreanDate(plan.moved.date);
            return sendPage(request, reply, {
              title: `${plan.target.seq}차 실업인정일 변경 확인`,
              breadcrumbs: [
                { label: '실업급여', href: '/benefits' },
                { label: '내 신청', href: `/benefits/claims/${claim.id}` },
                { label: '실업인정일 변경 확인' },
              ],
              main: confirmStep({
                heading: `${plan.target.seq}차 실업인정일 변경 확인`,
                effect: `${plan.target.seq}차 실업인정일을 ${formatKoreanDate(plan.target.scheduledDate)}에서 ${josa(to, '으로/로')} 바꿉니다. 대상 기간은 ${periodText(plan.moved.periodStart, plan.moved.periodEnd)}가 됩니다.${change.kind === 'personal' ? ' 개인 사정으로는 수급 기간 중 한 번만 바꿀 수 있고, 이 변경으로 그 한 번을 씁니다.' : ''} 사유: ${CHANGE_KINDS[change.kind]}`,
                details: [
                  { term: '새 실업인정일', description: to },
                  { term: '사유', description: CHANGE_KINDS[change.kind] },
                  { term: '증빙', description: values.evidence || '(없음)' },
                ],
                action: `/benefits/claims/${claim.id}/recognitions/${plan.target.seq}/change`,
                csrf: csrfToken(reply),
                fields: values,
                confirmLabel: '변경 확정',
                cancelHref: `/benefits/claims/${claim.id}/recognitions/${plan.target.seq}/change`,
                cancelLabel: '고치러 돌아가기',
              }),
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

  app.get<{ Params: { id: string; seq: string } }>(
    '/benefits/claims/:id/recognitions/:seq',
    // With no database it shows the form alone (for the journal), never an old copy with an old key.
    { config: { ...SEEKER.config, ownOutagePage: true } },
    async (request, reply) =>
      renderRecognition(request, reply, { claimId: request.params.id, seq: request.params.seq }),
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
        return renderRecognition(request, reply, { claimId: id, seq, body, check: true });
      }
      const key = formText(body, 'idempotencyKey', 100);
      if (!IDEMPOTENCY_KEY.test(key)) {
        reply.status(400);
        return renderRecognition(request, reply, {
          claimId: id,
          seq,
          body,
          errors: { _form: '신청 양식이 올바르지 않습니다. 새로 고친 뒤 다시 신청해 주세요.' },
        });
      }
      const account = accountOf(request);
      const workedOrEarned = formText(body, 'workedOrEarned', 5) === 'yes';
      // No database can take it (a full outage): into this server's journal, on disk before we answer.
      const journal = async () => {
        if (!deps.intake) throw new DatabaseUnavailableError('데이터베이스에 연결할 수 없습니다.', 'write');
        const claimId = Number(id);
        const n = Number(seq);
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
            account,
            { claimId, seq: n, workedOrEarned, activities: read.activities },
            key,
          ),
        );
      };
      if (journalFirst(request, deps.databaseDown)) return journal();
      try {
        const claim = await ownClaim(request, id);
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
        if (journalInstead(err)) return journal();
        if (!(err instanceof UserError) || err.statusCode === 404) throw err;
        reply.status(err.statusCode);
        // Outside the period: the rows say so themselves (periodErrors), once.
        const errors: Record<string, string> = err.code === 'ACTIVITY_OUTSIDE_PERIOD' ? {} : { _form: err.message };
        return renderRecognition(request, reply, { claimId: id, seq, body, errors, check: true });
      }
    },
  );
}
