/**
 * 창구 접수 (/centre/counter): the counter's screen, its reference data, its service worker and the API
 * its offline queue sends to. The screen keeps working when the server or the database cannot be
 * reached: a service worker (public/js/counter-sw.js) serves the screen and the reference data from
 * its cache, each form goes into IndexedDB with a key made at the counter, and the queue is sent by
 * itself when the server answers again (public/js/counter.js).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { SEPARATION_REASONS } from '../benefits/rules.ts';
import { DatabaseUnavailableError } from '../db/failover.ts';
import type { Database } from '../db/index.ts';
import { accountOf, allow } from '../identity/access.ts';
import { OCCUPATIONS } from '../reference/occupations.ts';
import { SIGUNGU_OPTIONS } from '../reference/regions.ts';
import { writes } from '../web/commands.ts';
import { alert, button, select, textInput } from '../web/components.ts';
import { UserError } from '../web/errors.ts';
import { type Html, html } from '../web/html.ts';
import { staticUrl } from '../web/krds/static.ts';
import { sendPage } from '../web/page.ts';
import { COUNTER_KINDS, COUNTER_OUTAGE_MIN_MS, type Counter, parseCounterOutage, parseSubmission } from './counter.ts';

const COUNSELLOR = allow('counsellor');
const SW_FILE = path.resolve(import.meta.dirname, '../../public/js/counter-sw.js');

/** The citizen's ID; counter.js attaches the centre's people (reference data) as suggestions. */
function citizenField(kind: string): Html {
  return textInput({
    id: `${kind}-citizen`,
    name: 'citizen',
    label: '대상자 개인회원 아이디',
    required: true,
    autocomplete: 'off',
    hint: '아이디를 적으면 이 센터의 목록에서 찾아 줍니다.',
  });
}

function counterPage(counsellor: { id: number; name: string; centreName: string | null }): Html {
  const occupations = OCCUPATIONS.filter((o) => o.level === 3).map((o) => ({
    value: o.code,
    label: `${o.name} (${o.code})`,
  }));
  return html`<h1 class="heading-xlarge">창구 접수</h1>
<p class="ilteo-lead">${counsellor.centreName ?? ''} · 상담원 ${counsellor.name}. 전산이 멈춰도 이 화면에서 계속 접수할 수 있습니다. 접수한 서류는 이 PC에 안전하게 보관되고, 연결되면 받은 시각 그대로 자동 전송됩니다.</p>
<noscript>${alert({ variant: 'warning', title: '창구 접수 화면은 JavaScript가 필요합니다', body: '오프라인 보관과 자동 전송에 쓰입니다. 브라우저에서 JavaScript를 켜 주세요.' })}</noscript>
<p id="counter-network" class="ilteo-counter-network" role="status" aria-live="polite">연결 상태 확인 중…</p>
<div id="counter" data-counsellor-id="${counsellor.id}" data-sw="/centre/counter-sw.js">
<datalist id="counter-people"></datalist>
<section class="ilteo-section" aria-labelledby="q-title">
	<h2 id="q-title" class="heading-medium">접수 대기열</h2>
	<p><button type="button" id="counter-send" class="krds-btn medium secondary">지금 전송</button> <span id="counter-summary" aria-live="polite"></span></p>
	<div class="krds-table-wrap ilteo-table-wrap" role="region" tabindex="0" aria-label="접수 대기열">
	<table class="tbl col data">
		<caption>접수 대기열: 접수 시각, 종류, 대상자, 상태, 내용</caption>
		<thead><tr><th scope="col">접수 시각</th><th scope="col">종류</th><th scope="col">대상자</th><th scope="col">상태</th><th scope="col">내용</th></tr></thead>
		<tbody id="counter-queue"><tr><td colspan="5">대기 중인 접수가 없습니다.</td></tr></tbody>
	</table>
	</div>
</section>
<section class="ilteo-section" aria-labelledby="f1-title">
	<h2 id="f1-title" class="heading-medium">${COUNTER_KINDS.jobseeking}</h2>
	<form data-kind="jobseeking" novalidate>
		${citizenField('jobseeking')}
		${select({ id: 'jobseeking-occupation0', name: 'occupation0', label: '희망직종', required: true, options: [{ value: '', label: '선택' }, ...occupations] })}
		${select({ id: 'jobseeking-region0', name: 'region0', label: '희망지역', required: true, options: [{ value: '', label: '선택' }, ...SIGUNGU_OPTIONS] })}
		${textInput({ id: 'jobseeking-wage', name: 'wageMonthly', label: '희망임금 (만원/월)', inputmode: 'numeric' })}
		${textInput({ id: 'jobseeking-from', name: 'availableFrom', label: '근무 가능일', type: 'date' })}
		<div class="ilteo-actions">${button({ label: '구직신청 접수', type: 'submit' })}</div>
	</form>
</section>
<section class="ilteo-section" aria-labelledby="f2-title">
	<h2 id="f2-title" class="heading-medium">${COUNTER_KINDS.claim}</h2>
	<form data-kind="claim" novalidate>
		${citizenField('claim')}
		${textInput({ id: 'claim-company', name: 'companyName', label: '마지막 사업장', required: true })}
		${textInput({ id: 'claim-separation', name: 'separationDate', label: '이직일', type: 'date', required: true })}
		${textInput({ id: 'claim-birth', name: 'birthDate', label: '생년월일', type: 'date', required: true })}
		${textInput({ id: 'claim-months', name: 'insuredMonths', label: '피보험기간 (개월)', inputmode: 'numeric', required: true })}
		${textInput({ id: 'claim-days', name: 'insuredUnitDays', label: '피보험단위기간 (일)', inputmode: 'numeric', required: true })}
		${select({ id: 'claim-reason', name: 'separationReason', label: '이직 사유', required: true, options: [{ value: '', label: '선택' }, ...SEPARATION_REASONS.map((r) => ({ value: r.code, label: `${r.code} ${r.label}` }))] })}
		${textInput({ id: 'claim-wage', name: 'averageDailyWage', label: '평균임금 (1일, 원)', inputmode: 'numeric', required: true })}
		${textInput({ id: 'claim-hours', name: 'dailyHours', label: '1일 소정근로시간', inputmode: 'decimal', value: '8' })}
		<div class="ilteo-actions">${button({ label: '수급자격 신청 접수', type: 'submit' })}</div>
	</form>
</section>
<section class="ilteo-section" aria-labelledby="f3-title">
	<h2 id="f3-title" class="heading-medium">${COUNTER_KINDS.recognition}</h2>
	<form data-kind="recognition" novalidate>
		${citizenField('recognition')}
		<p class="form-hint" id="recognition-claims" aria-live="polite"></p>
		${textInput({ id: 'recognition-claim', name: 'claimId', label: '구직급여 신청 번호', inputmode: 'numeric', required: true })}
		${textInput({ id: 'recognition-seq', name: 'seq', label: '차수', inputmode: 'numeric', required: true })}
		${select({
      id: 'recognition-worked',
      name: 'workedOrEarned',
      label: '이 기간에 일하거나 소득이 있었나요?',
      options: [
        { value: 'no', label: '없음' },
        { value: 'yes', label: '있음' },
      ],
    })}
		${select({
      id: 'recognition-activity-kind',
      name: 'activityKind',
      label: '재취업활동 종류',
      options: [
        { value: '', label: '없음' },
        { value: 'application', label: '입사 지원' },
        { value: 'interview', label: '면접' },
        { value: 'training', label: '직업훈련 수강' },
      ],
    })}
		${textInput({ id: 'recognition-activity-date', name: 'activityDate', label: '활동 날짜', type: 'date' })}
		${textInput({ id: 'recognition-activity-org', name: 'activityOrganisation', label: '기관·회사' })}
		<div class="ilteo-actions">${button({ label: '실업인정 신청 접수', type: 'submit' })}</div>
	</form>
</section>
</div>
<script src="${staticUrl('js/counter.js')}" defer></script>`;
}

export function counterRoutes(
  app: FastifyInstance,
  deps: { counter: Counter; database: Database; now: () => Date },
): void {
  app.get('/centre/counter', COUNSELLOR, async (request, reply) => {
    const me = accountOf(request);
    return sendPage(request, reply, {
      title: '창구 접수',
      breadcrumbs: [{ label: '고용센터 업무', href: '/centre' }, { label: '창구 접수' }],
      main: counterPage(me),
    });
  });

  app.get('/centre/counter/reference.json', COUNSELLOR, async (request, reply) => {
    reply.header('cache-control', 'no-cache');
    return deps.counter.reference(accountOf(request));
  });

  // The service worker, served from /centre/ so it may control /centre/counter.
  app.get('/centre/counter-sw.js', allow('public'), async (_request, reply) => {
    reply.header('cache-control', 'no-cache');
    reply.header('service-worker-allowed', '/centre/');
    return reply.type('application/javascript; charset=utf-8').send(await fs.readFile(SW_FILE, 'utf8'));
  });

  // Each counter reports its queue every 30 s while online: operators see what waits at which centre.
  // Each report carries a fresh Idempotency-Key (a resent report is answered once).
  app.post('/api/v1/counter/queue', writes(COUNSELLOR, 'counter.reportQueue'), async (request) => {
    const me = accountOf(request);
    const b = (request.body ?? {}) as Record<string, unknown>;
    const count = (v: unknown) =>
      Number.isSafeInteger(Number(v)) && Number(v) >= 0 ? Math.min(Number(v), 1_000_000) : 0;
    const oldest =
      typeof b.oldestTakenAt === 'string' && !Number.isNaN(Date.parse(b.oldestTakenAt)) ? b.oldestTakenAt : null;
    const { outcome } = await request.command(async () => {
      await deps.counter.reportQueue(me, { waiting: count(b.waiting), review: count(b.review), oldestTakenAt: oldest });
      return { ok: true };
    });
    return outcome;
  });

  // A counter that lost the server reports the window when it reaches it again (idempotent by its key,
  // which it also sends as the Idempotency-Key).
  app.post('/api/v1/counter/outages', writes(COUNSELLOR, 'counter.recordOutage'), async (request) => {
    const parsed = parseCounterOutage(request.body, deps.now());
    if (!parsed.ok) throw new UserError(parsed.status, 'BAD_OUTAGE', parsed.error);
    if (parsed.blip)
      return {
        ok: true,
        recorded: false,
        message: `${COUNTER_OUTAGE_MIN_MS / 60_000}분보다 짧은 연결 끊김은 기록하지 않습니다.`,
      };
    const { outcome } = await request.command(async () => {
      const { id } = await deps.counter.recordOutage(accountOf(request), parsed.value);
      return { ok: true, recorded: true, id };
    });
    return outcome;
  });

  // A form from the counter's queue, with the key made at the counter (also its Idempotency-Key).
  app.post('/api/v1/counter/submissions', writes(COUNSELLOR, 'counter.submitForm'), async (request, reply) => {
    const parsed = parseSubmission(request.body, deps.now());
    if (!parsed.ok) throw new UserError(400, 'BAD_SUBMISSION', parsed.error);
    try {
      const { outcome } = await request.command(async () => {
        const done = await deps.counter.submit(accountOf(request), parsed.value);
        return { key: done.key, status: done.status, message: done.message, ref: done.ref };
      });
      return outcome;
    } catch (err) {
      if (err instanceof DatabaseUnavailableError) {
        reply.header('retry-after', '10');
        throw err;
      }
      throw err;
    }
  });
}
