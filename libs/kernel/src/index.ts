export * from './errors.js';
export * from './stream-name.js';
