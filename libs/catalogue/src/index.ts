export * from './catalogue.module.js';
export * from './catalogue-reader.js';
export * from './commands/catalogue-command.js';
export * from './commands/define-service/define-service.command.js';
export * from './domain/catalogue-events.js';
export * from './domain/calendar.decider.js';
export * from './domain/deadline-rule.js';
export * from './domain/deadline-preview.js';
// The date kernel moved to libs/kernel; re-exported here for one step, import it from '#ardoise/kernel'.
export {
  TOWN_ZONE,
  addDays,
  daysBetween,
  eachDay,
  frenchDate,
  frenchDeadline,
  frenchInstant,
  isLocalDate,
  mondayOf,
  monthEnd,
  monthStart,
  parisDate,
  parisInstant,
  weekdayOf,
  type LocalDate,
} from '#ardoise/kernel';
export * from './domain/service-kind.js';
export * from './domain/service.decider.js';
export * from './domain/town-calendar.js';
export * from './http/is-local-date.js';
export * from './projections/services.projector.js';
export * from './seed/demo-catalogue.js';
export * from './seed/demo-calendar.js';
export * from './seed/seed-demo-catalogue.js';
