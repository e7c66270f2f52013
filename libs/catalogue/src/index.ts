export * from './catalogue.module.js';
export * from './commands/define-service/define-service.command.js';
export * from './domain/catalogue-events.js';
export * from './domain/service-kind.js';
export * from './projections/services.projector.js';
export * from './seed/demo-catalogue.js';
