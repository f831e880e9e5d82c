/**
 * The app's background work, on every process (src/app.ts): public pages saved ahead of an outage, alerts
 * and the e-mail outbox, 실업인정일 moved after outages, the journal replayed, the revocation list kept
 * for outages, and housekeeping. Work only one process should do runs under a database lease.
 */
import type { FastifyInstance } from 'fastify';
import { runOutageReschedules } from '../benefits/outage-job.ts';
import type { Config } from '../config/index.ts';
import type { Commands } from '../db/commands.ts';
import type { Database } from '../db/index.ts';
import { passLifetimeMs } from '../identity/access.ts';
import { listCentres } from '../identity/accounts.ts';
import type { RevocationList } from '../identity/revocations.ts';
import { purgeExpired } from '../identity/sessions.ts';
import type { Intake } from '../intake/service.ts';
import { deliverOutbox, holderId, runAlerts, spoolTransport } from '../market/alerts.ts';
import type { Services } from '../services.ts';
import type { StatusMetrics } from '../status/metrics.ts';
import { type PageCache, warmPageCache } from '../web/page-cache.ts';

export interface BackgroundContext {
  app: FastifyInstance;
  config: Config;
  database: Database;
  databaseReady?: Promise<void> | undefined;
  services: Services;
  intake: Intake;
  commands: Commands;
  revocations: RevocationList;
  pageCache: PageCache;
  metrics: StatusMetrics;
  databaseDown: () => boolean;
}

/** Starts the timers; the returned function stops them. */
export function startBackground(cx: BackgroundContext): () => void {
  const holder = holderId();
  const timers = [
    ...warmingTimers(cx),
    alertsTimer(cx, holder),
    reschedulesTimer(cx, holder),
    // The journal is applied as soon as a database takes writes again (every 2 s while it holds anything).
    setInterval(() => {
      if (cx.intake.pendingCount() === 0 || cx.databaseDown()) return;
      cx.intake.replay().catch((err: unknown) => cx.app.log.warn({ err }, 'journal replay failed'));
    }, 2_000),
    revocationsTimer(cx),
    setInterval(() => {
      const now = cx.services.now();
      Promise.all([purgeExpired(cx.database, now), cx.commands.purge(now)]).catch((err: unknown) =>
        cx.app.log.warn({ err }, 'housekeeping failed'),
      );
    }, 3_600_000),
  ].filter((t): t is NodeJS.Timeout => t !== null);
  for (const t of timers) t.unref();
  return () => {
    for (const t of timers) clearInterval(t);
  };
}

/** Public pages people need in an outage, rendered ahead of it: soon after start, once the database answers, and every 5 minutes. */
function warmingTimers(cx: BackgroundContext): NodeJS.Timeout[] {
  const { app, services, intake, pageCache } = cx;
  if (!cx.config.status.enabled) return [];
  const warm = async () => {
    if (cx.databaseDown()) return;
    // What a journaled 수급자격 신청 is checked against offline: the job centres, on this server's disk.
    await intake.remember('centres', await listCentres(cx.database));
    const latest = await services.jobs.latest(100);
    const kept = await warmPageCache(app, [
      '/',
      '/jobs',
      '/benefits',
      '/benefits/estimate',
      '/centers',
      '/jobs?page=2',
      '/jobs?page=3',
      ...latest.items.map((p) => `/jobs/${encodeURIComponent(p.wantedAuthNo)}`),
    ]);
    app.log.debug({ kept, cached: pageCache.size }, 'page cache warmed');
  };
  cx.databaseReady?.then(
    () => warm().catch(() => {}),
    () => {},
  );
  return [
    setInterval(() => void warm().catch((err: unknown) => app.log.warn({ err }, 'page cache warm-up failed')), 300_000),
    setTimeout(() => void warm().catch(() => {}), 3_000),
  ];
}

/** Alerts and the e-mail outbox: every process runs the timer; a lease lets one do the work. */
function alertsTimer(cx: BackgroundContext, holder: string): NodeJS.Timeout | null {
  const { config, services } = cx;
  if (config.alertsSeconds <= 0) return null;
  return setInterval(() => {
    const origin = config.publicUrl ?? `http://${config.host}:${config.port}`;
    runAlerts(cx.database, services.marketStore, {
      now: services.now(),
      today: services.jobs.today(),
      holder,
      publicUrl: origin,
    })
      .then(() => deliverOutbox(cx.database, spoolTransport(config.mailSpool)))
      .catch((err: unknown) => cx.app.log.warn({ err }, 'alerts failed'));
  }, config.alertsSeconds * 1000);
}

/** 실업인정일 after outages of the 실업급여 service: every minute, one process at a time (a lease). */
function reschedulesTimer(cx: BackgroundContext, holder: string): NodeJS.Timeout | null {
  if (!cx.config.status.enabled) return null;
  return setInterval(() => {
    runOutageReschedules(cx.database, cx.services.benefits, { holder, now: cx.services.now() })
      .then((r) => {
        if (r.moved || r.review) cx.app.log.warn(r, 'claimants rescheduled after an outage');
        cx.metrics.outageReschedules.inc({ result: 'moved' }, r.moved);
        cx.metrics.outageReschedules.inc({ result: 'review' }, r.review);
      })
      .catch((err: unknown) => cx.app.log.warn({ err }, 'outage rescheduling failed'));
  }, 60_000);
}

/** What a pass cannot know (sessions ended, accounts disabled), kept on this server's disk for outages. */
function revocationsTimer(cx: BackgroundContext): NodeJS.Timeout {
  const refresh = () => {
    if (cx.databaseDown()) return;
    cx.revocations
      .refresh(cx.database, cx.services.now(), passLifetimeMs(cx.services.policy))
      .catch((err: unknown) => cx.app.log.warn({ err }, 'revocation list not refreshed'));
  };
  if (cx.databaseReady === undefined) refresh();
  else cx.databaseReady.then(refresh, () => {});
  return setInterval(refresh, 15_000);
}
