/**
 * 고용센터 업무 for 구직급여: the queue of claims at the counsellor's centre, the review page with
 * every filed fact, the figures and their reasons, the 실업인정 filed with their activities, the
 * ledger; decisions (인정 with the 1차 실업인정일 and cycle, 불인정 with a reason code), planning notes,
 * and confirming or rejecting a filed 실업인정, or moving a 실업인정일. A claim at another centre answers 404.
 *
 * What cannot be undone — 수급자격 불인정, 실업인정 불인정, 실업인정일 변경 — starts with no reason chosen
 * (a missing one is a 400 with the form again) and goes through a confirmation page that restates the
 * effect (src/web/confirm.ts): the first post writes nothing, only the one with `confirm=yes` does.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { activityDateError } from '../benefits/activities.ts';
import { dailyAmount, benefitDays as daysFor, eligibility } from '../benefits/calculate.ts';
import { CLAIM_STATUS, periodText, RECOGNITION_STATUS, recognitionState } from '../benefits/labels.ts';
import { ACTIVITY_KINDS, JUSTIFIED_REASONS, SEPARATION_REASONS } from '../benefits/rules.ts';
import {
  type BenefitsService,
  CHANGE_KINDS,
  type ChangeKind,
  type Claim,
  profileOf,
  RECOGNITION_REJECTIONS,
  REJECTION_CODES,
} from '../benefits/service.ts';
import type { Database } from '../db/index.ts';
import { accountOf, allow } from '../identity/access.ts';
import type { Account } from '../identity/accounts.ts';
import { audit, clientOf } from '../identity/audit.ts';
import { maskPersonalNumbers } from '../identity/rules.ts';
import { addDays, formatDate, formatDateTime, formatKoreanDate, isIsoDate } from '../shared/dates.ts';
import { josa, won } from '../shared/korean.ts';
import { sendOutcome, writes } from '../web/commands.ts';
import {
  alert,
  badge,
  button,
  descriptionList,
  emptyState,
  errorSummary,
  select,
  table,
  textInput,
} from '../web/components.ts';
import { confirmStep, isConfirmed } from '../web/confirm.ts';
import { UserError } from '../web/errors.ts';
import { formText } from '../web/forms.ts';
import { type Html, html } from '../web/html.ts';
import { sendPage } from '../web/page.ts';
import { csrfField, csrfToken } from '../web/security.ts';

const STAFF = allow('counsellor', 'operator');

export function scopeOf(account: Account): string | null {
  if (account.kind === 'counsellor') {
    if (!account.centreCode) throw new UserError(403, 'NO_CENTRE', '소속 고용센터가 없는 상담원 계정입니다.');
    return account.centreCode;
  }
  return null;
}

const EVENT_LABELS: Record<string, string> = {
  'claim.filed': '수급자격 신청',
  'claim.approved': '수급자격 인정',
  'claim.rejected': '수급자격 불인정',
  'schedule.set': '실업인정 일정 정함',
  'schedule.moved': '실업인정일 변경',
  'recognition.filed': '실업인정 신청',
  'recognition.rejected': '실업인정 불인정',
  payment: '지급',
  note: '재취업 계획 메모',
};

export function claimRoutes(app: FastifyInstance, deps: { database: Database; benefits: BenefitsService }): void {
  const { database, benefits } = deps;

  /** The claim if the staff member may see it, else undefined (reads only). */
  const lookUp = async (request: FastifyRequest, rawId: string) => {
    const scope = scopeOf(accountOf(request));
    const id = Number(rawId);
    const claim = Number.isSafeInteger(id) && id > 0 ? await benefits.claimById(id) : undefined;
    return claim !== undefined && (scope === null || claim.centreCode === scope) ? claim : undefined;
  };

  /** The audit row of one look at a claim (allowed or denied). */
  const auditLook = (request: FastifyRequest, rawId: string, action: string, visible: boolean) => {
    const me = accountOf(request);
    return audit(database, {
      actor: { id: me.id, kind: me.kind },
      action,
      outcome: visible ? 'success' : 'denied',
      target: { type: 'claim', id: rawId.slice(0, 20) },
      ...clientOf(request),
    });
  };

  const notFound = () => new UserError(404, 'NOT_FOUND', '요청하신 신청을 찾을 수 없습니다.');

  /** A claim the staff member may see, or 404; the look is audited either way (pages). */
  const visibleClaim = async (request: FastifyRequest, rawId: string, action: string): Promise<Claim> => {
    const claim = await lookUp(request, rawId);
    await auditLook(request, rawId, action, claim !== undefined);
    if (!claim) throw notFound();
    return claim;
  };

  /**
   * For a decision: a claim the staff member may see, else 404 — the denied look audited as this
   * request's command (its one write), so a repeat answers 404 again without a second row. An allowed
   * look is audited inside the decision's own command (auditLook there).
   */
  const claimToDecide = async (request: FastifyRequest, rawId: string, action: string): Promise<Claim> => {
    const claim = await lookUp(request, rawId);
    if (claim) return claim;
    await request.command(async () => {
      await auditLook(request, rawId, action, false);
      return { notFound: true };
    });
    throw notFound();
  };

  app.get<{ Querystring: { status?: string } }>('/centre/claims', STAFF, async (request, reply) => {
    const me = accountOf(request);
    const scope = scopeOf(me);
    const status = (['submitted', 'approved', 'rejected'] as const).find((s) => s === request.query.status) ?? 'all';
    const claims = await benefits.queue(scope, status);
    await audit(database, {
      actor: { id: me.id, kind: me.kind },
      action: 'claim.list',
      outcome: 'success',
      target: { type: 'centre', id: scope ?? 'all' },
      ...clientOf(request),
    });
    return sendPage(request, reply, {
      title: '구직급여 심사',
      breadcrumbs: [{ label: '고용센터 업무', href: '/centre' }, { label: '구직급여 심사' }],
      main: html`<h1 class="heading-xlarge">구직급여 심사</h1>
<p>${scope === null ? '모든 고용센터' : me.centreName}의 신청입니다. 심사 중인 신청과 실업인정을 확인할 신청이 먼저 나옵니다.</p>
<nav class="ilteo-tabs" aria-label="상태로 거르기">${(['all', 'submitted', 'approved', 'rejected'] as const).map(
        (s) =>
          html`<a href="/centre/claims${s === 'all' ? '' : `?status=${s}`}"${s === status ? html` aria-current="page"` : null}>${s === 'all' ? '전체' : CLAIM_STATUS[s].label}</a> `,
      )}</nav>
${
  claims.length === 0
    ? emptyState({ title: '신청이 없습니다', body: '개인회원이 이 센터로 수급자격을 신청하면 여기에 나타납니다.' })
    : table({
        caption: `신청 ${claims.length}건: 신청인, 신청일, 상태, 확인할 실업인정, 구직급여일액, 소정급여일수`,
        columns: [
          { header: '신청인' },
          { header: '신청일' },
          { header: '상태' },
          { header: '확인할 실업인정', align: 'right' },
          { header: '구직급여일액', align: 'right' },
          { header: '소정급여일수', align: 'right' },
        ],
        rowHeaders: true,
        rows: claims.map((c) => [
          html`<a href="/centre/claims/${c.id}">${c.claimantName}</a>`,
          formatKoreanDate(c.reportDate),
          CLAIM_STATUS[c.status].label,
          c.filedRecognitions > 0 ? html`<strong>${c.filedRecognitions}건</strong>` : '-',
          won(c.dailyAmount),
          `${c.benefitDays}일`,
        ]),
      })
}`,
    });
  });

  const reviewPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    claim: Claim,
    opts: { errors?: Record<string, string>; notice?: Html | null; values?: Record<string, string> } = {},
  ) => {
    const [recognitions, activities, ledger] = await Promise.all([
      benefits.recognitions(claim.id),
      benefits.activities(claim.id),
      benefits.ledger(claim.id),
    ]);
    const today = benefits.today();
    const check = eligibility(claim);
    const daily = dailyAmount(claim);
    const days = daysFor(claim);
    const token = csrfToken(reply);
    const errors = opts.errors ?? {};
    const values = opts.values ?? {};
    const reason = SEPARATION_REASONS.find((r) => r.code === claim.separationReason);
    const justified = JUSTIFIED_REASONS.find((j) => j.code === claim.justifiedReason);
    const defaultFirst = addDays(claim.reportDate, 14);
    const decision =
      claim.status === 'submitted'
        ? html`<section class="ilteo-section" aria-labelledby="decide"><h2 id="decide" class="heading-medium">결정</h2>
<div class="ilteo-decide">
<form method="post" action="/centre/claims/${claim.id}/approve" novalidate class="ilteo-subform">
	<h3 class="heading-small">수급자격 인정</h3>
	${csrfField(token)}
	${textInput({ id: 'firstDate', name: 'firstDate', label: '1차 실업인정일', type: 'date', value: values.firstDate ?? defaultFirst, required: true, hint: '주말·공휴일이면 다음 평일로 옮깁니다', error: errors.firstDate })}
	${select({ id: 'cycleDays', name: 'cycleDays', label: '실업인정 주기', value: values.cycleDays ?? '28', options: [7, 14, 21, 28].map((d) => ({ value: String(d), label: `${d / 7}주` })) })}
	<div class="form-group"><div class="form-conts"><div class="krds-form-check"><input type="checkbox" id="repeatClaimant" name="repeatClaimant" value="yes"${claim.repeatClaimant || values.repeatClaimant === 'yes' ? html` checked` : null}><label for="repeatClaimant">반복수급자 (최근 5년 3회 이상 수급)</label></div></div></div>
	${textInput({ id: 'approveNote', name: 'note', label: '메모 (선택)', value: values.note ?? '' })}
	<div class="ilteo-actions">${button({ label: '인정', type: 'submit' })}</div>
</form>
<form method="post" action="/centre/claims/${claim.id}/reject" novalidate class="ilteo-subform">
	<h3 class="heading-small">불인정</h3>
	${csrfField(token)}
	${select({ id: 'code', name: 'code', label: '불인정 사유', options: [{ value: '', label: '선택하세요' }, ...Object.entries(REJECTION_CODES).map(([value, label]) => ({ value, label: `${value} ${label}` }))], value: values.code ?? '', required: true, error: errors.code })}
	${textInput({ id: 'rejectNote', name: 'note', label: '신청인에게 보일 설명', value: values.rejectNote ?? '', required: true, error: errors.rejectNote })}
	<div class="ilteo-actions">${button({ label: '불인정 (확인 화면으로)', type: 'submit', variant: 'secondary' })}</div>
</form>
</div></section>`
        : null;
    const recognitionRows = recognitions.map((r) => {
      const state = recognitionState(r, today);
      const acts = activities.filter((a) => a.recognitionId === r.id);
      const check = r.status === 'filed' ? benefits.checkPeriod(claim, r, acts, {}) : null;
      const f = (name: string) => `${name}${r.seq}`;
      const opened = (...names: string[]) => (names.some((n) => errors[f(n)] !== undefined) ? html` open` : null);
      return [
        `${r.seq}차`,
        formatKoreanDate(r.scheduledDate),
        `${formatKoreanDate(r.periodStart)} ~ ${formatKoreanDate(r.periodEnd)}`,
        html`${RECOGNITION_STATUS[state]}${r.workedOrEarned ? html`<br><strong>근로·소득 있음 (확인 필요)</strong>` : null}${r.status === 'rejected' && r.decisionNote ? html`<br><span class="ilteo-muted">사유: ${r.decisionNote}</span>` : null}`,
        acts.length === 0
          ? '-'
          : html`<ul class="ilteo-reasons">${acts.map((a) => html`<li>${a.date} ${ACTIVITY_KINDS[a.kind].label} ${a.organisation} ${a.description}${activityDateError(a.date, r) ? html` <strong>(인정 기간 밖)</strong>` : null}</li>`)}</ul>${check && !check.met ? html`<p class="ilteo-muted">${check.missing.join(' ')}</p>` : null}`,
        r.status === 'scheduled'
          ? html`<details class="ilteo-details"${opened('newDate', 'kind', 'evidence')}><summary class="ilteo-details__summary">${state === 'missed' ? '사후 인정 (증빙)' : '날짜 변경'}</summary>
<form method="post" action="/centre/claims/${claim.id}/recognitions/${r.seq}/move" novalidate class="ilteo-subform">${csrfField(token)}
${textInput({ id: f('newDate'), name: 'newDate', label: '새 실업인정일', type: 'date', value: values[f('newDate')] ?? '', required: true, error: errors[f('newDate')] })}
${select({ id: f('kind'), name: 'kind', label: '사유', options: [{ value: '', label: '선택하세요' }, ...Object.entries(CHANGE_KINDS).map(([value, label]) => ({ value, label }))], value: values[f('kind')] ?? '', required: true, error: errors[f('kind')] })}
${textInput({ id: f('evidence'), name: 'evidence', label: '확인한 증빙', value: values[f('evidence')] ?? '', error: errors[f('evidence')] })}
${button({ label: '변경 (확인 화면으로)', type: 'submit', size: 'small', variant: 'secondary' })}</form></details>`
          : r.status === 'filed'
            ? html`<form method="post" action="/centre/claims/${claim.id}/recognitions/${r.seq}/confirm" class="ilteo-inline-form">${csrfField(token)}${r.workedOrEarned ? html`<label for="worked${r.seq}">일한 날 (지급 제외)</label> <input type="number" id="worked${r.seq}" name="workedDays" min="0" max="28" value="0" class="krds-input small ilteo-input-days"> ` : null}${button({ label: '인정·지급', type: 'submit', size: 'small' })}</form>
<details class="ilteo-details"${opened('rc', 'rn')}><summary class="ilteo-details__summary">불인정</summary>
<form method="post" action="/centre/claims/${claim.id}/recognitions/${r.seq}/reject" novalidate class="ilteo-subform">${csrfField(token)}
${select({ id: f('rc'), name: 'code', label: '불인정 사유', options: [{ value: '', label: '선택하세요' }, ...Object.entries(RECOGNITION_REJECTIONS).map(([value, label]) => ({ value, label }))], value: values[f('rc')] ?? '', required: true, error: errors[f('rc')] })}
${textInput({ id: f('rn'), name: 'note', label: '신청인에게 보일 설명 (선택)', value: values[f('rn')] ?? '', maxlength: 300 })}
${button({ label: '불인정 (확인 화면으로)', type: 'submit', size: 'small', variant: 'secondary' })}</form></details>`
            : r.amount !== null
              ? `${r.paidDays}일 ${won(r.amount)}`
              : '',
      ];
    });
    return sendPage(request, reply, {
      title: `${claim.claimantName} 님 구직급여 신청`,
      breadcrumbs: [
        { label: '고용센터 업무', href: '/centre' },
        { label: '구직급여 심사', href: '/centre/claims' },
        { label: claim.claimantName },
      ],
      main: html`<h1 class="heading-xlarge">${claim.claimantName} 님 구직급여 신청 <span class="ilteo-h1-badge">${badge({ label: CLAIM_STATUS[claim.status].label, color: CLAIM_STATUS[claim.status].color, fill: 'bg-light' })}</span></h1>
${errorSummary(errors)}
${opts.notice ?? null}
${check.eligible ? alert({ variant: 'success', title: '신고한 내용으로는 수급 요건을 갖추었습니다', body: html`<ul class="ilteo-reasons">${check.reasons.map((r) => html`<li>${r}</li>`)}</ul>` }) : alert({ variant: 'warning', title: '신고한 내용에 문제가 있습니다', body: html`<ul class="ilteo-reasons">${check.problems.map((r) => html`<li>${r}</li>`)}</ul>` })}
<section class="ilteo-section" aria-labelledby="facts"><h2 id="facts" class="heading-medium">신고 내용</h2>
${descriptionList({
  columns: 2,
  items: [
    { term: '실업신고일', description: formatKoreanDate(claim.reportDate) },
    { term: '마지막 사업장', description: claim.companyName },
    { term: '이직일', description: formatKoreanDate(claim.separationDate) },
    {
      term: '이직 사유',
      description: `${claim.separationReason} ${reason?.label ?? ''}${justified ? ` — ${justified.label}` : ''}`,
    },
    { term: '피보험기간', description: `${claim.insuredMonths}개월` },
    { term: '피보험단위기간 (18개월)', description: `${claim.insuredUnitDays}일` },
    {
      term: '평균임금 / 통상임금',
      description: `${won(claim.averageDailyWage)} / ${claim.ordinaryDailyWage === null ? '-' : won(claim.ordinaryDailyWage)}`,
    },
    { term: '1일 소정근로시간', description: `${claim.dailyHours}시간` },
    { term: '생년월일 (이직일 당시 나이)', description: `${claim.birthDate} (만 ${profileOf(claim).age}세)` },
    { term: '장애인', description: claim.disabled ? '예' : '아니요' },
  ],
})}</section>
<section class="ilteo-section" aria-labelledby="figures"><h2 id="figures" class="heading-medium">산정 결과 (규정 ${claim.ruleVersion})</h2>
${table({
  caption: '산정 결과: 항목, 값, 이유',
  columns: [{ header: '항목', width: 'narrow' }, { header: '값', width: 'narrow', align: 'right' }, { header: '이유' }],
  rowHeaders: true,
  rows: [
    [
      '구직급여일액',
      won(claim.dailyAmount),
      html`<ul class="ilteo-reasons">${daily.reasons.map((r) => html`<li>${r}</li>`)}</ul>`,
    ],
    [
      '소정급여일수',
      `${claim.benefitDays}일`,
      html`<ul class="ilteo-reasons">${days.reasons.map((r) => html`<li>${r}</li>`)}</ul>`,
    ],
    ['수급기간 끝', formatKoreanDate(claim.benefitPeriodEnd), '이직일 다음 날부터 12개월 (고용보험법 제48조)'],
    ['지급', `${claim.paidDays}일 ${won(claim.totalPaid)}`, `남은 날 ${claim.benefitDays - claim.paidDays}일`],
  ],
})}</section>
${decision}
${
  recognitions.length > 0
    ? html`<section class="ilteo-section" aria-labelledby="recognitions"><h2 id="recognitions" class="heading-medium">실업인정</h2>
${table({
  caption: '실업인정: 차수, 실업인정일, 대상 기간, 상태, 재취업활동, 처리',
  columns: [
    { header: '차수' },
    { header: '실업인정일' },
    { header: '대상 기간' },
    { header: '상태' },
    { header: '재취업활동' },
    { header: '처리' },
  ],
  rowHeaders: true,
  rows: recognitionRows,
})}</section>`
    : null
}
<section class="ilteo-section" aria-labelledby="planning"><h2 id="planning" class="heading-medium">재취업 계획 메모</h2>
<form method="post" action="/centre/claims/${claim.id}/note" class="ilteo-subform">
	${csrfField(token)}
	<div class="form-group"><div class="form-tit"><label for="planningNote">상담 내용과 재취업 계획</label></div><div class="form-conts"><textarea id="planningNote" name="note" class="krds-input" rows="4" maxlength="2000">${claim.planningNote}</textarea></div></div>
	<div class="ilteo-actions">${button({ label: '메모 저장', type: 'submit', variant: 'secondary' })}</div>
</form></section>
<section class="ilteo-section" aria-labelledby="ledger"><h2 id="ledger" class="heading-medium">처리 기록 (원장)</h2>
${table({
  caption: '처리 기록: 시각, 처리자, 내용, 일수, 금액',
  columns: [
    { header: '시각' },
    { header: '처리자' },
    { header: '내용' },
    { header: '일수', align: 'right' },
    { header: '금액', align: 'right' },
  ],
  rows: ledger.map((l) => [
    formatDateTime(l.at),
    l.actorName ?? '-',
    EVENT_LABELS[l.event] ?? l.event,
    l.days === null ? '' : `${l.days}일`,
    l.amount === null ? '' : won(l.amount),
  ]),
})}</section>`,
    });
  };

  app.get<{ Params: { id: string } }>('/centre/claims/:id', STAFF, async (request, reply) =>
    reviewPage(request, reply, await visibleClaim(request, request.params.id, 'claim.view')),
  );

  app.post<{ Params: { id: string } }>(
    '/centre/claims/:id/approve',
    writes(STAFF, 'centre.approveClaim'),
    async (request, reply) => {
      const claim = await claimToDecide(request, request.params.id, 'claim.approve');
      const me = accountOf(request);
      const body = request.body;
      const values = {
        firstDate: formText(body, 'firstDate', 20),
        cycleDays: formText(body, 'cycleDays', 3),
        note: maskPersonalNumbers(formText(body, 'note', 500)),
        repeatClaimant: formText(body, 'repeatClaimant', 5),
      };
      const cycle = Number(values.cycleDays);
      const errors: Record<string, string> = {};
      if (!isIsoDate(values.firstDate)) errors.firstDate = '1차 실업인정일을 2026-12-09 처럼 입력해 주세요.';
      if (![7, 14, 21, 28].includes(cycle)) errors.cycleDays = '주기는 1~4주 중에서 골라 주세요.';
      if (Object.keys(errors).length === 0) {
        try {
          const { outcome } = await request.command(async () => {
            await auditLook(request, request.params.id, 'claim.approve', true);
            await benefits.approve(me, claim.id, {
              firstDate: values.firstDate,
              cycleDays: cycle,
              note: values.note,
              repeatClaimant: values.repeatClaimant === 'yes',
            });
            return { redirect: `/centre/claims/${claim.id}` };
          });
          return sendOutcome(reply, outcome);
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          Object.assign(errors, err.fields ?? { _form: err.message });
          reply.status(err.statusCode);
        }
      } else reply.status(400);
      return reviewPage(request, reply, claim, { errors, values });
    },
  );

  /** A confirmation page (src/web/confirm.ts) for a staff action on a claim; it writes nothing. */
  const confirmPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    claim: Claim,
    step: Omit<Parameters<typeof confirmStep>[0], 'csrf' | 'cancelHref'>,
  ) =>
    sendPage(request, reply, {
      title: step.heading,
      breadcrumbs: [
        { label: '고용센터 업무', href: '/centre' },
        { label: '구직급여 심사', href: '/centre/claims' },
        { label: claim.claimantName, href: `/centre/claims/${claim.id}` },
        { label: step.heading },
      ],
      main: confirmStep({ ...step, csrf: csrfToken(reply), cancelHref: `/centre/claims/${claim.id}` }),
    });

  app.post<{ Params: { id: string } }>(
    '/centre/claims/:id/reject',
    writes(STAFF, 'centre.rejectClaim'),
    async (request, reply) => {
      const claim = await claimToDecide(request, request.params.id, 'claim.reject');
      const code = formText(request.body, 'code', 5);
      const note = maskPersonalNumbers(formText(request.body, 'note', 500));
      const errors: Record<string, string> = {};
      if (!Object.hasOwn(REJECTION_CODES, code)) errors.code = '불인정 사유를 골라 주세요.';
      if (!note) errors.rejectNote = '신청인에게 보일 설명을 적어 주세요.';
      if (Object.keys(errors).length > 0) {
        reply.status(400);
        return reviewPage(request, reply, claim, { errors, values: { code, rejectNote: note } });
      }
      const reason = REJECTION_CODES[code as keyof typeof REJECTION_CODES];
      // The state is checked here only to ask; the confirmed post leaves it to the command (a repeat of
      // an applied one gets its stored answer, not "이미 결정한 신청").
      if (!isConfirmed(request.body) && claim.status !== 'submitted') {
        reply.status(409);
        return reviewPage(request, reply, claim, { errors: { _form: '이미 결정한 신청입니다.' } });
      }
      if (!isConfirmed(request.body))
        return confirmPage(request, reply, claim, {
          heading: '수급자격 불인정 확인',
          effect: `${claim.claimantName} 님의 수급자격 신청(${formatDate(claim.reportDate)} 실업신고)을 불인정합니다. 구직급여(1일 ${won(claim.dailyAmount)}, 소정급여일수 ${claim.benefitDays}일)를 받을 수 없게 되고 실업인정 일정도 만들지 않습니다. 사유: ${code} ${reason}`,
          details: [
            { term: '불인정 사유', description: `${code} ${reason}` },
            { term: '신청인에게 보일 설명', description: note },
            {
              term: '신청인에게 보이는 곳',
              description: '내 신청 화면 (결정을 안 날부터 90일 안에 심사를 청구할 수 있다는 안내와 함께)',
            },
          ],
          action: `/centre/claims/${claim.id}/reject`,
          fields: { code, note },
          confirmLabel: '불인정 확정',
        });
      try {
        const { outcome } = await request.command(async () => {
          await auditLook(request, request.params.id, 'claim.reject', true);
          await benefits.reject(accountOf(request), claim.id, { code: code as keyof typeof REJECTION_CODES, note });
          return { redirect: `/centre/claims/${claim.id}` };
        });
        return sendOutcome(reply, outcome);
      } catch (err) {
        if (!(err instanceof UserError) || err.statusCode === 404) throw err;
        reply.status(err.statusCode);
        return reviewPage(request, reply, claim, { errors: { _form: err.message } });
      }
    },
  );

  app.post<{ Params: { id: string } }>(
    '/centre/claims/:id/note',
    writes(STAFF, 'centre.saveClaimNote'),
    async (request, reply) => {
      const claim = await claimToDecide(request, request.params.id, 'claim.note');
      const note = maskPersonalNumbers(formText(request.body, 'note', 2000));
      const { outcome } = await request.command(async () => {
        await auditLook(request, request.params.id, 'claim.note', true);
        await benefits.addNote(accountOf(request), claim.id, note);
        return { redirect: `/centre/claims/${claim.id}` };
      });
      return sendOutcome(reply, outcome);
    },
  );

  /** What a recognition decision answers with: the review page with this notice (kept as the outcome). */
  type DecisionNotice = { variant: 'success' | 'info'; title: string };

  /** A filed or scheduled 실업인정 of a claim the staff member may decide on (404 otherwise). */
  const recognitionOf = async (claim: Claim, rawSeq: string) => {
    const recognition = (await benefits.recognitions(claim.id)).find((r) => String(r.seq) === rawSeq);
    if (!recognition) throw new UserError(404, 'NOT_FOUND', '해당 차수의 실업인정이 없습니다.');
    return recognition;
  };

  /**
   * Applies a recognition decision as this request's command and answers with the review page and the
   * decision's notice; a repeat (same key) gets the stored notice back without deciding again.
   */
  const decide = async (
    request: FastifyRequest<{ Params: { id: string; seq: string } }>,
    reply: FastifyReply,
    claim: Claim,
    action: string,
    change: () => Promise<DecisionNotice>,
  ) => {
    let notice: DecisionNotice;
    try {
      ({ outcome: notice } = await request.command(async (): Promise<DecisionNotice> => {
        await auditLook(request, request.params.id, action, true);
        return change();
      }));
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      reply.status(err.statusCode);
      return reviewPage(request, reply, claim, { errors: { _form: err.message } });
    }
    const fresh = await benefits.claimById(claim.id);
    return reviewPage(request, reply, fresh ?? claim, {
      notice: alert({ variant: notice.variant, role: 'status', title: notice.title }),
    });
  };

  app.post<{ Params: { id: string; seq: string } }>(
    '/centre/claims/:id/recognitions/:seq/confirm',
    writes(STAFF, 'centre.confirmRecognition'),
    async (request, reply) => {
      const claim = await claimToDecide(request, request.params.id, 'recognition.confirm');
      const { seq } = await recognitionOf(claim, request.params.seq);
      const workedDays = Math.min(28, Math.max(0, Number(formText(request.body, 'workedDays', 3)) || 0));
      return decide(request, reply, claim, 'recognition.confirm', async () => {
        const paid = await benefits.decideRecognition(accountOf(request), claim.id, seq, {
          confirm: true,
          note: '',
          workedDays,
        });
        if (!paid) throw new Error('a confirmation without a payment line');
        return {
          variant: 'success',
          title: `${seq}차 실업인정: ${paid.days}일 × ${won(claim.dailyAmount)} = ${won(paid.amount)} 지급을 기록했습니다.`,
        };
      });
    },
  );

  app.post<{ Params: { id: string; seq: string } }>(
    '/centre/claims/:id/recognitions/:seq/reject',
    writes(STAFF, 'centre.rejectRecognition'),
    async (request, reply) => {
      const claim = await claimToDecide(request, request.params.id, 'recognition.reject');
      const recognition = await recognitionOf(claim, request.params.seq);
      const seq = recognition.seq;
      const code = formText(request.body, 'code', 5);
      const note = maskPersonalNumbers(formText(request.body, 'note', 300));
      const values = { [`rc${seq}`]: code, [`rn${seq}`]: note };
      if (!Object.hasOwn(RECOGNITION_REJECTIONS, code)) {
        reply.status(400);
        return reviewPage(request, reply, claim, {
          errors: { [`rc${seq}`]: `${seq}차 실업인정의 불인정 사유를 골라 주세요.` },
          values,
        });
      }
      const reason = RECOGNITION_REJECTIONS[code as keyof typeof RECOGNITION_REJECTIONS];
      if (!isConfirmed(request.body)) {
        // Asked only of a filed 실업인정; the confirmed post leaves the state to the command (its repeat
        // gets the stored answer).
        if (recognition.status !== 'filed') {
          reply.status(409);
          return reviewPage(request, reply, claim, { errors: { _form: '신청된 실업인정만 결정할 수 있습니다.' } });
        }
        const days = benefits.payableIfConfirmed(claim, recognition);
        return confirmPage(request, reply, claim, {
          heading: `${seq}차 실업인정 불인정 확인`,
          effect: `${claim.claimantName} 님의 ${seq}차 실업인정(${periodText(recognition.periodStart, recognition.periodEnd)})을 불인정합니다. ${
            days > 0
              ? `이 기간의 구직급여 ${days}일분(${won(days * claim.dailyAmount)})이 지급되지 않습니다.`
              : '이 기간에는 지급할 구직급여가 없지만(대기기간 등) 불인정으로 기록됩니다.'
          } 사유: ${reason}`,
          details: [
            { term: '불인정 사유', description: reason },
            { term: '신청인에게 보일 설명', description: note || '(없음)' },
            { term: '신청인에게 보이는 곳', description: '내 신청 화면과 이 차수의 실업인정 화면' },
          ],
          action: `/centre/claims/${claim.id}/recognitions/${seq}/reject`,
          fields: { code, note },
          confirmLabel: '불인정 확정',
        });
      }
      return decide(request, reply, claim, 'recognition.reject', async () => {
        await benefits.decideRecognition(accountOf(request), claim.id, seq, {
          confirm: false,
          code: code as keyof typeof RECOGNITION_REJECTIONS,
          note,
        });
        return { variant: 'info', title: `${seq}차 실업인정을 불인정했습니다. 사유는 신청인에게 보입니다.` };
      });
    },
  );

  app.post<{ Params: { id: string; seq: string } }>(
    '/centre/claims/:id/recognitions/:seq/move',
    writes(STAFF, 'centre.moveRecognitionDate'),
    async (request, reply) => {
      const claim = await claimToDecide(request, request.params.id, 'recognition.move');
      const recognition = await recognitionOf(claim, request.params.seq);
      const seq = recognition.seq;
      const input = {
        newDate: formText(request.body, 'newDate', 20),
        kind: formText(request.body, 'kind', 20),
        evidence: maskPersonalNumbers(formText(request.body, 'evidence', 200)),
      };
      const values = {
        [`newDate${seq}`]: input.newDate,
        [`kind${seq}`]: input.kind,
        [`evidence${seq}`]: input.evidence,
      };
      const errors: Record<string, string> = {};
      if (!isIsoDate(input.newDate))
        errors[`newDate${seq}`] = `${seq}차의 새 실업인정일을 2026-12-15 처럼 입력해 주세요.`;
      if (!Object.hasOwn(CHANGE_KINDS, input.kind))
        errors[`kind${seq}`] = `${seq}차 실업인정일을 바꾸는 사유를 골라 주세요.`;
      if (Object.keys(errors).length > 0) {
        reply.status(400);
        return reviewPage(request, reply, claim, { errors, values });
      }
      const kind = input.kind as ChangeKind;
      const change = { ...input, kind };
      if (!isConfirmed(request.body)) {
        // Checked as the change itself checks it, to ask; the confirmed post leaves it to the command.
        let plan: Awaited<ReturnType<BenefitsService['previewMove']>>;
        try {
          plan = await benefits.previewMove(accountOf(request), claim.id, seq, change);
        } catch (err) {
          if (!(err instanceof UserError) || err.statusCode === 404) throw err;
          reply.status(err.statusCode);
          const fields = Object.fromEntries(Object.entries(err.fields ?? {}).map(([k, v]) => [`${k}${seq}`, v]));
          return reviewPage(request, reply, claim, {
            errors: Object.keys(fields).length > 0 ? fields : { [`kind${seq}`]: err.message },
            values,
          });
        }
        const to = formatKoreanDate(plan.moved.date);
        return confirmPage(request, reply, claim, {
          heading: `${seq}차 실업인정일 변경 확인`,
          effect: `${claim.claimantName} 님의 ${seq}차 실업인정일을 ${formatKoreanDate(recognition.scheduledDate)}에서 ${josa(to, '으로/로')} 바꿉니다. 대상 기간은 ${periodText(plan.moved.periodStart, plan.moved.periodEnd)}${plan.next ? `, ${plan.next.seq}차는 ${formatKoreanDate(plan.next.periodStart)}부터` : ''}가 됩니다.${kind === 'personal' ? ' 수급 기간 중 한 번뿐인 개인 사정 변경을 이것으로 씁니다.' : ''} 사유: ${CHANGE_KINDS[kind]}`,
          details: [
            { term: '새 실업인정일', description: to },
            { term: '사유', description: CHANGE_KINDS[kind] },
            { term: '확인한 증빙', description: input.evidence || '(없음)' },
            { term: '신청인에게 보이는 곳', description: '내 신청 화면의 실업인정 일정 (옮긴 이유와 함께)' },
          ],
          action: `/centre/claims/${claim.id}/recognitions/${seq}/move`,
          fields: input,
          confirmLabel: '변경 확정',
        });
      }
      return decide(request, reply, claim, 'recognition.move', async () => {
        await benefits.moveRecognition(accountOf(request), claim.id, seq, { ...change, reason: '' });
        return {
          variant: 'success',
          title: `${seq}차 실업인정일을 바꿨습니다. 신청인에게 보이고 원장에 남습니다.`,
        };
      });
    },
  );
}
