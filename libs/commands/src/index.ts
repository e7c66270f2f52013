export * from './aggregate-repository.js';
export * from './clock.js';
export * from './decider.js';
export * from './event-metadata.js';
export * from './request-context.js';
export * from './idempotency-store.js';
export * from './followed-streams.js';
export * from './appended-position.js';
