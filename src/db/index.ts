import type { DatabaseConfig } from '../config/index.ts';
import type { Database } from './database.ts';

export type { AppDb, CallOptions, Database, SnapshotRead, Tx } from './database.ts';
export { DatabaseOpenError } from './database.ts';

/** Opens the configured database. Called by the composition root only. */
export async function openDatabase(
  config: DatabaseConfig,
  options: { applicationName?: string; lazy?: boolean } = {},
): Promise<Database> {
  if (config.kind === 'postgres') {
    const { openPostgres } = await import('./postgres.ts');
    return openPostgres(config.url, options);
  }
  const { openPglite } = await import('./pglite.ts');
  return openPglite(config.dataDir);
}
