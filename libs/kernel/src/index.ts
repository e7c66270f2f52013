export * from './errors.js';
export * from './stream-name.js';
export * from './event-schemas.js';
export * from './retry.js';
export * from './local-date.js';
export * from './in-parallel.js';
export * from './escape-like.js';
export * from './uuid.js';
