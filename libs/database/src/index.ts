export * from './databases.js';
export * from './embedded-postgres.js';
export * from './migrations.js';
export * from './tokens.js';
export * from './connection-errors.js';
export * from './pool.js';
export * from './database-availability.js';
export * from './relation-exists.js';
export { inOneSnapshot } from './one-snapshot.js';
