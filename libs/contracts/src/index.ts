export * from './catalogue.js';
export * from './health.js';
export * from './problem.js';
export * from './messaging.js';
export * from './identity.js';
export * from './families.js';
export * from './reservations.js';
export * from './invoicing.js';
