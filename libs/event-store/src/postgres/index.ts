export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store.js';
export { eventStoreMigrations } from './migrations.js';
export { postgresPositions, comparePg, fromPosition as toPgPosition, type PgPosition } from './position.js';
export { currentCut, NO_EVENTS_TRANSACTION_MARK, NO_EVENTS_TRANSACTION_MARK_SQL } from './read-all.js';
// For the lag bench's trace (bench/lag-trace.ts): the visibility cut and the NOTIFY listener.
export { NotificationListener } from './listener.js';
