import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { ensureDatabase, runMigrations, startEmbeddedPostgres, type Migrations, type RunningPostgres } from '#ardoise/database';
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
  stop(): Promise<void>;
}

const EMBEDDED_DATABASE = 'ardoise';

export async function startInfrastructure(
  config: AppConfig,
  logger: Logger,
  migrations: Migrations[] = [],
): Promise<Infrastructure> {
  let embedded: RunningPostgres | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    const dataDir = join(config.DATA_DIR, 'postgres');
    logger.info({ dataDir, port: config.EMBEDDED_POSTGRES_PORT }, 'starting embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({ dataDir, port: config.EMBEDDED_POSTGRES_PORT, persistent: true });
    databaseUrl = await ensureDatabase(embedded.url, EMBEDDED_DATABASE);
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: config.DATABASE_POOL_SIZE });
  pool.on('error', (error) => logger.error({ err: error.message }, 'idle PostgreSQL client error'));
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  const adapter: EventStoreAdapter = config.EVENTSTORE_CONNECTION_STRING ? 'eventstoredb' : 'postgresql';
  // Every append made while serving a request leaves its position for the response (read-your-writes).
  const store: EventStore = trackAppendedPositions(
    adapter === 'eventstoredb' ? new EventStoreDbEventStore(config.EVENTSTORE_CONNECTION_STRING!) : new PostgresEventStore(pool),
  );
  const applied = await runMigrations(db, ...(adapter === 'postgresql' ? [eventStoreMigrations] : []), ...migrations);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  return {
    config,
    databaseUrl,
    pool,
    db,
    store,
    adapter,
    async stop() {
      await store.close();
      await db.destroy();
      if (embedded) await embedded.stop();
    },
  };
}
