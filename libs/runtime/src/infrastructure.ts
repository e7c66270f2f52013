import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { join } from 'node:path';
import type { Logger } from 'pino';
import {
  clientConfigOf,
  createPool,
  DatabaseAvailability,
  dropPoolConnections,
  ensureDatabase,
  runMigrations,
  startEmbeddedPostgres,
  type Migrations,
  type RunningPostgres,
} from '#ardoise/database';
import { EventStoreDbEventStore, PostgresEventStore, eventStoreMigrations, type EventStore } from '#ardoise/event-store';
import { trackAppendedPositions } from '#ardoise/commands';
import type { AppConfig } from './app-config.js';

export type EventStoreAdapter = 'postgresql' | 'eventstoredb';

/** The connections every Ardoise process needs; built once at start, closed once at stop. */
export interface Infrastructure {
  config: AppConfig;
  databaseUrl: string;
  pool: pg.Pool;
  db: Kysely<any>;
  store: EventStore;
  adapter: EventStoreAdapter;
  /** Whether PostgreSQL answers right now (probed once started: the API starts it). */
  availability: DatabaseAvailability;
  stop(): Promise<void>;
}

const EMBEDDED_DATABASE = 'ardoise';

export async function startInfrastructure(config: AppConfig, logger: Logger, migrations: Migrations[] = []): Promise<Infrastructure> {
  let embedded: RunningPostgres | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    const dataDir = join(config.DATA_DIR, 'postgres');
    logger.info({ dataDir, port: config.EMBEDDED_POSTGRES_PORT }, 'starting embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({
      dataDir,
      port: config.EMBEDDED_POSTGRES_PORT,
      persistent: true,
      log: (message) => logger.debug({ postgres: String(message).trim() }, 'embedded PostgreSQL'),
      onUnexpectedExit: (reason) => logger.error({ reason }, 'embedded PostgreSQL stopped unexpectedly; restarting it'),
    });
    databaseUrl = await ensureDatabase(embedded.url, EMBEDDED_DATABASE);
  }
  const applicationName = `ardoise-${config.ARDOISE_ROLE}`;
  const adapter: EventStoreAdapter = config.EVENTSTORE_CONNECTION_STRING ? 'eventstoredb' : 'postgresql';

  // Migrations may run long (an index on a big table): their own short-lived pool, without the statement limit.
  const migrationPool = createPool({
    connectionString: databaseUrl,
    max: 2,
    applicationName: `${applicationName}-migrate`,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    acquireTimeoutMs: 0,
    queryTimeoutMs: 0,
  });
  const migrationDb = new Kysely<any>({ dialect: new PostgresDialect({ pool: migrationPool }) });
  try {
    const applied = await runMigrations(migrationDb, ...(adapter === 'postgresql' ? [eventStoreMigrations] : []), ...migrations);
    if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  } finally {
    await migrationDb.destroy();
  }

  // Connection errors are handled where they happen (the statement in flight fails, the
  // connection is dropped); logged here without their details, which may quote data.
  let lastLogged = 0;
  const pool = createPool({
    connectionString: databaseUrl,
    max: config.DATABASE_POOL_SIZE,
    applicationName,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    // Queueing for a connection in a rush is normal; for longer than this it is an outage or an overload.
    acquireTimeoutMs: config.DATABASE_QUERY_TIMEOUT_MS === 0 ? 0 : Math.max(10_000, 2 * config.DATABASE_QUERY_TIMEOUT_MS),
    queryTimeoutMs: config.DATABASE_QUERY_TIMEOUT_MS,
    onError: (error) => {
      if (Date.now() - lastLogged < 1_000) return; // one line per second at most during an outage
      lastLogged = Date.now();
      logger.warn({ err: error.message, code: (error as { code?: string }).code }, 'PostgreSQL connection lost');
    },
  });
  const availability = new DatabaseAvailability(clientConfigOf(pool), {
    timeoutMs: Math.min(2_000, config.DATABASE_CONNECT_TIMEOUT_MS),
    // Requests caught in flight fail now rather than each waiting out the statement bound.
    onProbeFailure: () => dropPoolConnections(pool),
    onChange: (available, reason) =>
      available ? logger.info('PostgreSQL answers again') : logger.error({ reason }, 'PostgreSQL unavailable: requests are refused with 503 until it answers'),
  });
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  // Every append made while serving a request leaves its position for the response (read-your-writes).
  const store: EventStore = trackAppendedPositions(
    adapter === 'eventstoredb' ? new EventStoreDbEventStore(config.EVENTSTORE_CONNECTION_STRING!) : new PostgresEventStore(pool),
  );
  return {
    config,
    databaseUrl,
    pool,
    db,
    store,
    adapter,
    availability,
    async stop() {
      await availability.stop();
      await store.close();
      await db.destroy();
      if (embedded) await embedded.stop();
    },
  };
}
