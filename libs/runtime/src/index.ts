export * from './app-config.js';
export * from './core.module.js';
export * from './infrastructure.js';
export * from './logger.js';
export * from './mailer.port.js';
export * from './tokens.js';
export * from './town/index.js';
export * from './job-runs.js';
