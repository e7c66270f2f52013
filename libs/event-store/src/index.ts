export * from './event-store.port.js';
export * from './errors.js';
export * from './event-hash.js';
export * from './append-validation.js';
export * from './postgres/index.js';
export * from './eventstoredb/index.js';
export { matchesFilter } from './eventstoredb/filter.js';
