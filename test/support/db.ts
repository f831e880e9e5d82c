/**
 * Test databases: each call makes a fresh, migrated database and a cleanup that removes it.
 * - pglite: a new data directory under the OS temp dir.
 * - postgres: a new database (C.UTF-8, from template0) on TEST_DATABASE_URL's server
 *   (default postgres://postgres@127.0.0.1:5432/postgres), dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseConfig } from '../../src/config/index.ts';
import { createDatabase, dropDatabase } from '../../src/db/admin.ts';
import { type Database, openDatabase } from '../../src/db/index.ts';
import { migrate } from '../../src/db/migrate.ts';

export type DriverKind = 'pglite' | 'postgres';
export const DRIVERS: DriverKind[] = ['pglite', 'postgres'];

export const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function withDbName(url: string, name: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^/]*\/)[^?]*/, `$1${name}`);
}

export interface TestDatabase {
  database: Database;
  config: DatabaseConfig;
  cleanup(): Promise<void>;
}

/** A config for a fresh, empty database (not opened). */
export async function freshDatabaseConfig(
  kind: DriverKind,
): Promise<{ config: DatabaseConfig; remove(): Promise<void> }> {
  const id = `${process.pid}_${randomBytes(4).toString('hex')}`;
  if (kind === 'pglite') {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ilteo-test-'));
    const dataDir = path.join(dir, 'pglite');
    return { config: { kind: 'pglite', dataDir }, remove: () => fs.rm(dir, { recursive: true, force: true }) };
  }
  const name = `ilteo_test_${id}`;
  const url = withDbName(SERVER_URL, name);
  await createDatabase(url);
  return { config: { kind: 'postgres', url }, remove: () => dropDatabase(SERVER_URL, name) };
}

export async function openTestDatabase(kind: DriverKind): Promise<TestDatabase> {
  const fresh = await freshDatabaseConfig(kind);
  const database = await openDatabase(fresh.config);
  await migrate(database);
  return {
    database,
    config: fresh.config,
    async cleanup() {
      await database.close();
      await fresh.remove();
    },
  };
}
