/**
 * The projection engine: projectors fold the event log into PostgreSQL read models.
 *
 * Wiring: runMigrations(db, eventStoreMigrations, projectionMigrations, …); then
 * `const runner = new ProjectionRunner({ pool, db, store, projectors, logger })`;
 * `runner.start()` in the process that follows the log (worker / embedded default) and
 * `await runner.stop()` on shutdown, before the pool ends. Any process may call
 * `runner.health()` and `runner.rebuild(name, onProgress)` without `start()`.
 */
export * from './projector.js';
export * from './generation.js';
export * from './migrations.js';
export * from './projection-runner.js';
export * from './rebuild-progress.js';
export * from './errors.js';
export * from './logger.js';
export { projectionHealth, defaultHealthOptions, type ProjectionHealthOptions } from './projection-health.js';
export { physicalTableName } from './table-names.js';
export { generationRegistry } from './generation-registry.js';
export { inBatches } from './batches.js';
export { applyEvents, foldEach } from './apply-batch.js';
export { RowSet, insertRows, type Row, type RowSetSpec } from './row-set.js';
export { WrittenKeys } from './written-keys.js';
export { projectionsBehind, waitForProjections } from './position-wait.js';
export * from './reads-from.js';
export * from './lag-samples.migrations.js';
