import { closedDayLabel, type DayClosedReason } from '#ardoise/catalogue';
import type { DayClosed, RejectionCode } from './domain/reservation-events.js';
import { NO_RULES } from './service-day/booking-terms.js';

/**
 * The words a parent reads for a refusal (French). Events and read models keep the code and
 * its parameters (`ReservationRejected.data`); the words are rendered here, at the edge: the
 * API's answers and error titles. Changing a sentence needs no migration nor rebuild.
 */
export const REJECTION_MESSAGES: Record<RejectionCode, string> = {
  DAY_CLOSED: 'La prestation n’a pas lieu ce jour-là.',
  DEADLINE_PASSED: 'Le délai de réservation prévu par le règlement est dépassé.',
  ALREADY_BOOKED: 'Cet enfant a déjà une réservation pour cette prestation ce jour-là.',
  NOT_OPEN_YET: 'Les réservations pour cette période ne sont pas encore ouvertes.',
  ALLOCATION_PENDING: 'Le dépôt des demandes est clos ; l’attribution des places est en cours.',
};

/** The sentence for a refusal, with why the day is closed when it is (« … (Jour férié (Lundi de Pâques)) »). */
export function rejectionMessage(code: RejectionCode, dayClosed?: DayClosed | null): string {
  if (code !== 'DAY_CLOSED' || !dayClosed) return REJECTION_MESSAGES[code];
  return `${REJECTION_MESSAGES.DAY_CLOSED} (${dayClosedLabel(dayClosed)})`;
}

function dayClosedLabel({ reason, name }: DayClosed): string {
  if (reason === NO_RULES.reason) return NO_RULES.label;
  return closedDayLabel(reason as DayClosedReason, name) ?? name ?? REJECTION_MESSAGES.DAY_CLOSED;
}
