export * from './health.js';
export * from './problem.js';
