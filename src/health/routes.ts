import type { FastifyInstance } from 'fastify';
import { allow } from '../identity/access.ts';
import { mayReadDetails } from '../web/security.ts';
import type { HealthService } from './service.ts';

/**
 * /healthz — the process is alive (never touches the database).
 * /readyz  — the database answers and every migration this build ships is applied; 503 otherwise.
 * /readyz/database — a primary answers (up) or not (down, 503); each node's address, role and
 *   replication lag only to an operator signed in or with the metrics token (`metricsToken`).
 */
export function healthRoutes(
  app: FastifyInstance,
  deps: { health: HealthService; startedAt: Date; metricsToken?: string | null },
): void {
  const { health } = deps;
  // Never rate-limited: HAProxy asks every 500 ms from its own address, and a refused check would take
  // a live process out of the pool.
  app.get('/healthz', { config: { ...allow('public').config, rateLimit: false } }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()), startedAt: deps.startedAt.toISOString() };
  });

  /** Each database node's role and replication state, for operators; up/down for everyone else. */
  app.get('/readyz/database', allow('public'), async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const { nodes, primary, redundant } = await health.nodes();
    if (!primary) reply.status(503);
    const status = primary ? 'up' : 'down';
    if (!mayReadDetails(request, deps.metricsToken ?? null)) return { status };
    return { status, database: health.kind, primary, redundant, nodes };
  });

  app.get('/readyz', allow('public'), async (request, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      const { latencyMs, migrations } = await health.readiness();
      if (!migrations.upToDate) {
        reply.status(503);
        return {
          status: 'not_ready',
          reason: '데이터베이스 스키마가 최신이 아닙니다.',
          database: health.kind,
          migrations,
        };
      }
      return { status: 'ready', database: health.kind, latencyMs, migrations };
    } catch (err) {
      request.log.warn({ err }, 'readiness check failed');
      reply.status(503);
      return { status: 'not_ready', reason: '데이터베이스에 연결할 수 없습니다.', database: health.kind };
    }
  });
}
