export * from './errors.js';
export * from './local-date.js';
