export { ReservationsModule } from './reservations.module.js';
export { ServiceDayWriter } from './service-day/service-day-writer.js';
export {
  SERVICE_DAY_EVENT_TYPES,
  basketStream,
  serviceDayStream,
  type AbsenceJustified,
  type AttendanceRecorded,
  type DeadlineOverridden,
  type ReservationCancelled,
  type ReservationValidated,
} from './domain/reservation-events.js';
export { basketDecider } from './domain/basket.decider.js';
export { serviceDayDecider } from './domain/service-day.decider.js';
export { reservationsProjector } from './projections/reservations.projector.js';
export { reservationNotifications } from './notifications/reservation-notifications.js';
export { FamilyReservationsReader } from './readers/family-reservations-reader.js';
export { RequestReservations, type RequestedSlot } from './commands/request-reservations/request-reservations.command.js';
export { ValidateBasket } from './commands/validate-basket/validate-basket.command.js';
export { CancelReservation } from './commands/cancel-reservation/cancel-reservation.command.js';
export { DeclareAbsence } from './commands/declare-absence/declare-absence.command.js';
export { JustifyAbsence } from './commands/justify-absence/justify-absence.command.js';
export { RecordAttendance } from './commands/record-attendance/record-attendance.command.js';
