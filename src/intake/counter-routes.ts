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
import { accountOf, allow } from '../identity/access.ts';
import { writes } from '../web/commands.ts';
import { UserError } from '../web/errors.ts';
import { sendPage } from '../web/page.ts';
import type { Counter } from './counter.ts';
import { COUNTER_OUTAGE_MIN_MS, parseCounterOutage, parseQueueReport, parseSubmission } from './counter-forms.ts';
import { counterPage } from './counter-views.ts';

const COUNSELLOR = allow('counsellor');
const SW_FILE = path.resolve(import.meta.dirname, '../../public/js/counter-sw.js');

export function counterRoutes(app: FastifyInstance, deps: { counter: Counter; now: () => Date }): void {
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
    const report = parseQueueReport(request.body);
    const { outcome } = await request.command(async () => {
      await deps.counter.reportQueue(me, report);
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

  // A form from the counter's queue, with the key made at the counter (also its Idempotency-Key). With no
  // database the error handler answers 503 with retry-after (src/web/errors.ts), and the counter's queue
  // keeps the form and sends it again.
  app.post('/api/v1/counter/submissions', writes(COUNSELLOR, 'counter.submitForm'), async (request) => {
    const parsed = parseSubmission(request.body, deps.now());
    if (!parsed.ok) throw new UserError(400, 'BAD_SUBMISSION', parsed.error);
    const { outcome } = await request.command(async () => {
      const done = await deps.counter.submit(accountOf(request), parsed.value);
      return { key: done.key, status: done.status, message: done.message, ref: done.ref };
    });
    return outcome;
  });
}
