export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store.js';
export { eventStoreMigrations } from './migrations.js';
export { postgresPositions, comparePg, fromPosition as toPgPosition, type PgPosition } from './position.js';
