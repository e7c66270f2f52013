export * from './embedded-postgres.js';
export * from './migrations.js';
export * from './tokens.js';
