import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { seedDemoClaims } from './benefits/demo.ts';
import { koreanCalendar } from './benefits/schedule.ts';
import type { Config } from './config/index.ts';
import { type Database, DatabaseOpenError, openDatabase } from './db/index.ts';
import { LocaleError, migrate } from './db/migrate.ts';
import { seedDemoAccounts } from './identity/demo.ts';
import { seedDemoInsurance } from './insurance/demo.ts';
import { seedDemoIfEmpty } from './jobs/seed-demo.ts';
import { seedDemoApplications } from './market/demo.ts';
import { buildCatalogue } from './status/catalogue.ts';
import { seedDemoStatus } from './status/demo.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  close(): Promise<void>;
}

/**
 * Opens the database, applies migrations (under an advisory lock), optionally seeds demo data,
 * and listens. close() stops accepting connections, lets in-flight requests finish, then closes the db.
 */
export async function startServer(
  config: Config,
  options: { demo?: boolean /** Clock, for tests that need days to pass. */; now?: () => Date } = {},
): Promise<RunningServer> {
  let database: Database;
  let databaseReady: Promise<void> | undefined;
  let closed = false;
  try {
    database = await openDatabase(config.database);
  } catch (err) {
    // PostgreSQL with no node answering (a full outage): start anyway, serve what this server has on its
    // own disk (status snapshot, saved pages, the journal), and migrate as soon as a node answers.
    // The embedded database has no such outage: its errors stop the start.
    if (!(err instanceof DatabaseOpenError) || config.database.kind !== 'postgres') throw err;
    console.warn(`${err.message}\n데이터베이스 없이 시작합니다: 복구되면 스스로 연결합니다.`);
    database = await openDatabase(config.database, { lazy: true });
    const db = database;
    databaseReady = (async () => {
      for (;;) {
        try {
          await migrate(db);
          console.warn('데이터베이스에 연결되었습니다.');
          return;
        } catch (e) {
          if (closed) throw e;
          if (e instanceof LocaleError) console.error(e.message);
          await new Promise((r) => setTimeout(r, 2_000).unref());
        }
      }
    })();
    databaseReady.catch(() => {});
  }
  let app: FastifyInstance | undefined;
  try {
    if (!databaseReady) await migrate(database);
    if (options.demo && !databaseReady) {
      await seedDemoIfEmpty(database, config.demoPostings, (msg) => console.log(msg));
      await seedDemoAccounts(database, (msg) => console.log(msg));
      await seedDemoInsurance(database, (msg) => console.log(msg));
      await seedDemoClaims(database, koreanCalendar(), (msg) => console.log(msg));
      await seedDemoApplications(database, (msg) => console.log(msg));
      await seedDemoStatus(
        database,
        buildCatalogue(config.auth.providers, config.status.monitors),
        options.now?.() ?? new Date(),
        (msg) => console.log(msg),
      );
    }
    app = await buildApp({
      config,
      database,
      ...(options.now ? { now: options.now } : {}),
      ...(databaseReady ? { databaseReady } : {}),
      ...(options.demo ? { demo: true } : {}),
    });
    const address = await app.listen({ host: config.host, port: config.port });
    let closing: Promise<void> | undefined;
    return {
      app,
      database,
      url: address,
      close() {
        closing ??= (async () => {
          closed = true;
          await app?.close();
          await database.close();
        })();
        return closing;
      },
    };
  } catch (err) {
    closed = true;
    await app?.close().catch(() => {});
    await database.close().catch(() => {});
    throw err;
  }
}

/** SIGINT/SIGTERM → graceful shutdown; a second signal or a 10 s stall exits at once. */
export function handleSignals(server: RunningServer): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    server.app.log.info({ signal }, '종료 신호를 받았습니다. 처리 중인 요청을 마치고 종료합니다.');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    server.close().then(
      () => process.exit(0),
      (err) => {
        server.app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
