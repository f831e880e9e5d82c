/**
 * 고용보험 신고 pages of an employer, under /employer/insurance: the company's 사업장, one 사업장's
 * 신고, the 취득 and 상실 forms and the bulk 취득신고 file (정정 and 취소: report-routes.ts). Another
 * company's 사업장 answers 404; filing needs the account to be one of the 사업장's reporters (403).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountOf, allow } from '../identity/access.ts';
import { clientOf } from '../identity/audit.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import { UserError } from '../web/errors.ts';
import { formText } from '../web/forms.ts';
import type { Html } from '../web/html.ts';
import { sendPage } from '../web/page.ts';
import { csrfToken } from '../web/security.ts';
import { type CsvError, parseAcquireCsv, parseLossCsv } from './csv.ts';
import type { CsvResult } from './csv-file.ts';
import { type FileKind, fileTitle, uploadPage, uploadResultPage } from './csv-views.ts';
import type { Actor, InsuranceEmployerService, Workplace } from './employer-service.ts';
import { insuranceHomePage, workplaceHref, workplacePage } from './employer-views.ts';
import { ACQUIRE_FIELDS, LOSE_FIELDS, parseAcquire, parseLose, typedReportForm } from './report-forms.ts';
import { acquirePage, losePage } from './report-views.ts';
import { parseWorkplace, WORKPLACE_FIELDS } from './workplace-forms.ts';

const EMPLOYER = allow('employer');

export type Params = { Params: { no: string } };
type Deps = { insurance: InsuranceEmployerService };

export function actorOf(request: FastifyRequest): Actor {
  const me = accountOf(request);
  return { id: me.id, kind: me.kind, ...clientOf(request) };
}

export const meOf = (request: FastifyRequest) => {
  const a = accountOf(request);
  return { id: a.id, companyId: a.companyId };
};

/** A page of one 사업장, with its breadcrumbs. */
export function sendWorkplacePage(
  request: FastifyRequest,
  reply: FastifyReply,
  w: Workplace,
  title: string,
  main: Html,
) {
  return sendPage(request, reply, {
    title,
    breadcrumbs: [
      { label: '기업 서비스', href: '/employer' },
      { label: '고용보험 신고', href: '/employer/insurance' },
      { label: w.name, href: workplaceHref(w) },
      { label: title },
    ],
    main,
  });
}

/** Runs a command; a refusal that names its field comes back as that form's errors (400), else throws. */
export async function commandOrFieldErrors(
  run: () => Promise<{ redirect: string }>,
): Promise<{ redirect: string } | { errors: Record<string, string> }> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof UserError && err.fields) return { errors: err.fields };
    throw err;
  }
}

export function insuranceEmployerRoutes(app: FastifyInstance, deps: Deps): void {
  workplaceRoutes(app, deps);
  acquireRoutes(app, deps);
  loseRoutes(app, deps);
  uploadRoutes(app, deps);
}

function workplaceRoutes(app: FastifyInstance, deps: Deps): void {
  const { insurance } = deps;

  const home = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors: Record<string, string>,
  ) => {
    const workplaces = await insurance.workplaces(meOf(request));
    const title = Object.keys(errors).length > 0 ? '오류: 고용보험 신고' : '고용보험 신고';
    return sendPage(request, reply, {
      title,
      breadcrumbs: [{ label: '기업 서비스', href: '/employer' }, { label: '고용보험 신고' }],
      main: insuranceHomePage(
        workplaces,
        { values, errors, busino: accountOf(request).busino ?? '' },
        csrfToken(reply),
      ),
    });
  };

  app.get('/employer/insurance', EMPLOYER, (request, reply) => home(request, reply, {}, {}));

  app.post(
    '/employer/insurance/workplaces',
    writes(EMPLOYER, 'insurance.registerWorkplace'),
    async (request, reply) => {
      const body = request.body as Record<string, unknown>;
      const typed = typedReportForm(body, WORKPLACE_FIELDS);
      const parsed = parseWorkplace(body, accountOf(request).busino ?? '');
      const result = parsed.ok
        ? await commandOrFieldErrors(
            async () =>
              (await request.command(() => insurance.registerWorkplace(actorOf(request), meOf(request), parsed.value)))
                .outcome,
          )
        : { errors: parsed.errors };
      if ('errors' in result) return home(request, reply.status(400), typed, result.errors);
      return sendOutcome(reply, result);
    },
  );

  app.get<Params & { Querystring: { notice?: string } }>(
    '/employer/insurance/workplaces/:no',
    EMPLOYER,
    async (request, reply) => {
      const { workplace, reports, insured } = await insurance.workplacePage(meOf(request), request.params.no);
      return sendPage(request, reply, {
        title: workplace.name,
        breadcrumbs: [
          { label: '기업 서비스', href: '/employer' },
          { label: '고용보험 신고', href: '/employer/insurance' },
          { label: workplace.name },
        ],
        main: workplacePage(workplace, reports, insured, request.query.notice),
      });
    },
  );
}

function acquireRoutes(app: FastifyInstance, deps: Deps): void {
  const { insurance } = deps;
  const acquire = async (
    request: FastifyRequest<Params>,
    reply: FastifyReply,
    values: Record<string, string>,
    errors: Record<string, string>,
  ) => {
    const { workplace } = await insurance.formPage(meOf(request), request.params.no);
    const title = Object.keys(errors).length > 0 ? '오류: 피보험자격 취득 신고' : '피보험자격 취득 신고';
    return sendWorkplacePage(
      request,
      reply,
      workplace,
      title,
      acquirePage(workplace, { values, errors, token: csrfToken(reply) }),
    );
  };

  app.get<Params>('/employer/insurance/workplaces/:no/acquire', EMPLOYER, (request, reply) =>
    acquire(request, reply, {}, {}),
  );

  app.post<Params>(
    '/employer/insurance/workplaces/:no/acquire',
    writes(EMPLOYER, 'insurance.acquire'),
    async (request, reply) => {
      const body = request.body;
      const parsed = parseAcquire(body, insurance.today(), true);
      const rrn = parsed.rrn;
      const result =
        parsed.ok && rrn
          ? await commandOrFieldErrors(
              async () =>
                (
                  await request.command(() =>
                    insurance.fileAcquire(actorOf(request), meOf(request), request.params.no, rrn, parsed.value),
                  )
                ).outcome,
            )
          : { errors: parsed.ok ? { rrn: '주민등록번호를 적어 주세요.' } : parsed.errors };
      if ('errors' in result)
        return acquire(request, reply.status(400), typedReportForm(body, ACQUIRE_FIELDS), result.errors);
      return sendOutcome(reply, result);
    },
  );
}

function loseRoutes(app: FastifyInstance, deps: Deps): void {
  const { insurance } = deps;
  const lose = async (
    request: FastifyRequest<Params>,
    reply: FastifyReply,
    values: Record<string, string>,
    errors: Record<string, string>,
  ) => {
    const { workplace, insured } = await insurance.formPage(meOf(request), request.params.no);
    const title = Object.keys(errors).length > 0 ? '오류: 피보험자격 상실 신고' : '피보험자격 상실 신고';
    return sendWorkplacePage(
      request,
      reply,
      workplace,
      title,
      losePage(workplace, insured, { values, errors, token: csrfToken(reply) }),
    );
  };

  app.get<Params>('/employer/insurance/workplaces/:no/lose', EMPLOYER, (request, reply) =>
    lose(request, reply, {}, {}),
  );

  app.post<Params>(
    '/employer/insurance/workplaces/:no/lose',
    writes(EMPLOYER, 'insurance.lose'),
    async (request, reply) => {
      const body = request.body;
      const parsed = parseLose(body, insurance.today());
      const worker = formText(body, 'worker', 20);
      const errors = parsed.ok ? {} : parsed.errors;
      if (worker === '') errors.worker = '상실 신고할 근로자를 골라 주세요.';
      const result =
        parsed.ok && worker !== ''
          ? await commandOrFieldErrors(
              async () =>
                (
                  await request.command(() =>
                    insurance.fileLose(actorOf(request), meOf(request), request.params.no, worker, parsed.value),
                  )
                ).outcome,
            )
          : { errors };
      if ('errors' in result)
        return lose(request, reply.status(400), typedReportForm(body, LOSE_FIELDS), result.errors);
      return sendOutcome(reply, result);
    },
  );
}

function uploadRoutes(app: FastifyInstance, deps: Deps): void {
  const { insurance } = deps;
  const upload = async (
    request: FastifyRequest<Params>,
    reply: FastifyReply,
    kind: FileKind,
    error?: string,
    rowErrors?: CsvError[],
  ) => {
    const { workplace } = await insurance.formPage(meOf(request), request.params.no);
    const title = error ? `오류: ${fileTitle(kind)}` : fileTitle(kind);
    return sendWorkplacePage(
      request,
      reply,
      workplace,
      title,
      uploadPage(workplace, kind, { error, rowErrors, token: csrfToken(reply) }),
    );
  };
  const textOf = (request: FastifyRequest) =>
    typeof (request.body as Record<string, unknown>)?.csv === 'string'
      ? ((request.body as Record<string, string>).csv ?? '')
      : '';
  const nothingGood = '맞게 적은 줄이 하나도 없어 아무것도 신고하지 않았습니다. 아래 표의 줄을 고쳐 다시 보내 주세요.';
  const answer = async (request: FastifyRequest<Params>, reply: FastifyReply, kind: FileKind, outcome: CsvResult) => {
    const { workplace } = await insurance.formPage(meOf(request), request.params.no);
    return sendWorkplacePage(
      request,
      reply,
      workplace,
      fileTitle(kind, true),
      uploadResultPage(workplace, kind, outcome),
    );
  };

  app.get<Params>('/employer/insurance/workplaces/:no/upload', EMPLOYER, (request, reply) =>
    upload(request, reply, 'acquire'),
  );
  app.post<Params>(
    '/employer/insurance/workplaces/:no/upload',
    writes(EMPLOYER, 'insurance.uploadAcquire'),
    async (request, reply) => {
      const text = textOf(request);
      const parsed = parseAcquireCsv(text, insurance.today());
      if (!parsed.ok) return upload(request, reply.status(400), 'acquire', parsed.message);
      if (parsed.rows.length === 0) return upload(request, reply.status(400), 'acquire', nothingGood, parsed.errors);
      const { outcome } = await request.command(() =>
        insurance.fileAcquireCsv(
          actorOf(request),
          meOf(request),
          request.params.no,
          text,
          parsed.rows,
          parsed.errors,
          parsed.total,
        ),
      );
      return answer(request, reply, 'acquire', outcome);
    },
  );

  app.get<Params>('/employer/insurance/workplaces/:no/upload-loss', EMPLOYER, (request, reply) =>
    upload(request, reply, 'lose'),
  );
  app.post<Params>(
    '/employer/insurance/workplaces/:no/upload-loss',
    writes(EMPLOYER, 'insurance.uploadLose'),
    async (request, reply) => {
      const text = textOf(request);
      const parsed = parseLossCsv(text, insurance.today());
      if (!parsed.ok) return upload(request, reply.status(400), 'lose', parsed.message);
      if (parsed.rows.length === 0) return upload(request, reply.status(400), 'lose', nothingGood, parsed.errors);
      const { outcome } = await request.command(() =>
        insurance.fileLoseCsv(actorOf(request), meOf(request), request.params.no, text, parsed),
      );
      return answer(request, reply, 'lose', outcome);
    },
  );
}
