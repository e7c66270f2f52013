export * from './app-config.js';
export * from './infrastructure.js';
export * from './logger.js';
