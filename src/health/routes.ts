import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/index.ts';
import { migrationStatus, ping } from '../db/migrate.ts';
import { allow } from '../identity/access.ts';
import { mayReadDetails } from '../web/security.ts';

/**
 * /healthz — the process is alive (never touches the database).
 * /readyz  — the database answers and every migration this build ships is applied; 503 otherwise.
 * /readyz/database — a primary answers (up) or not (down, 503); each node's address, role and
 *   replication lag only to an operator signed in or with the metrics token (`metricsToken`).
 */
export function healthRoutes(
  app: FastifyInstance,
  deps: { database: Database; startedAt: Date; metricsToken?: string | null },
): void {
  // Never rate-limited: HAProxy asks every 500 ms from its own address, and a refused check would take
  // a live process out of the pool.
  app.get('/healthz', { config: { ...allow('public').config, rateLimit: false } }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()), startedAt: deps.startedAt.toISOString() };
  });

  /** Each database node's role and replication state, for operators; up/down for everyone else. */
  app.get('/readyz/database', allow('public'), async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const nodes = await deps.database.nodes();
    const primary = nodes.filter((n) => n.role === 'primary' || n.role === 'embedded').length;
    if (primary === 0) reply.status(503);
    const status = primary > 0 ? 'up' : 'down';
    if (!mayReadDetails(request, deps.metricsToken ?? null)) return { status };
    const redundant = deps.database.kind === 'pglite' ? false : nodes.length > 1 && nodes.every((n) => n.reachable);
    return { status, database: deps.database.kind, primary: primary > 0, redundant, nodes };
  });

  app.get('/readyz', allow('public'), async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const started = performance.now();
    try {
      await ping(deps.database);
      const migrations = await migrationStatus(deps.database);
      const latencyMs = Math.round(performance.now() - started);
      if (!migrations.upToDate) {
        reply.status(503);
        return {
          status: 'not_ready',
          reason: '데이터베이스 스키마가 최신이 아닙니다.',
          database: deps.database.kind,
          migrations,
        };
      }
      return { status: 'ready', database: deps.database.kind, latencyMs, migrations };
    } catch (err) {
      request.log.warn({ err }, 'readiness check failed');
      reply.status(503);
      return { status: 'not_ready', reason: '데이터베이스에 연결할 수 없습니다.', database: deps.database.kind };
    }
  });
}
