/** The chaos suite's common start: the cluster (started if it is not running) and a fresh, migrated database on it. */
import { createDatabase, dropDatabase } from '../../src/db/admin.ts';
import type { Database } from '../../src/db/index.ts';
import { migrate } from '../../src/db/migrate.ts';
import * as cluster from '../../src/ops/cluster.ts';

export async function freshClusterDatabase(
  layout: cluster.ClusterLayout,
  url: string,
  name: string,
  applicationName: string,
): Promise<{ database: Database; startedCluster: boolean }> {
  let startedCluster = false;
  if (!(await cluster.isHealthy(layout))) {
    await cluster.up(layout);
    startedCluster = true;
  }
  await cluster.waitHealthy(layout, 120_000);
  await dropDatabase(url, name);
  await createDatabase(url);
  const database = await cluster.openCreatedDatabase(url, applicationName);
  await migrate(database);
  return { database, startedCluster };
}
