export * from './reservations.module.js';
export * from './children/child-directory.js';
export { ServiceDayWriter } from './service-day/service-day-writer.js';
export * from './domain/reservation-events.js';
export * from './domain/basket.decider.js';
export * from './domain/service-day.decider.js';
export * from './domain/allocation.js';
export * from './projections/reservations.projector.js';
export * from './notifications/reservation-notifications.js';
export {
  CancelReservation,
  DeclareAbsence,
  JustifyAbsence,
  RecordAttendance,
  RequestReservations,
  ValidateBasket,
  type RequestedSlot,
} from './commands/reservation-commands.js';
