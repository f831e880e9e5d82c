/**
 * What the health checks ask of the database (src/health/routes.ts): each node's role and replication
 * state, and whether a primary answers with every migration this build ships applied.
 */
import type { Database } from '../db/index.ts';
import { migrationStatus, ping } from '../db/migrate.ts';

export function createHealthService(database: Database) {
  return {
    /** 'pglite' or 'postgres'. */
    get kind() {
      return database.kind;
    },

    /** Each node, whether a primary answers, and (PostgreSQL) whether every node is reachable. */
    async nodes() {
      const nodes = await database.nodes();
      const primary = nodes.filter((n) => n.role === 'primary' || n.role === 'embedded').length > 0;
      const redundant = database.kind === 'pglite' ? false : nodes.length > 1 && nodes.every((n) => n.reachable);
      return { nodes, primary, redundant };
    },

    /** Pings the primary and compares the migrations; throws when the database cannot be reached. */
    async readiness() {
      const started = performance.now();
      await ping(database);
      const migrations = await migrationStatus(database);
      return { latencyMs: Math.round(performance.now() - started), migrations };
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
