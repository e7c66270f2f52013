import type { LineKind } from '../domain/billing.js';

/** The little billing needs to know of an event of a service day. */
export interface DayFact {
  id: string;
  type: string;
  data: { reservationId?: string | null; action?: string; status?: string; superseded?: boolean };
}

/** Why a line of each kind is on the invoice: the rule, in French, as the accountant reads it. */
export const LINE_RULES: Record<LineKind, string> = {
  service: 'Jour réservé (réservation validée, non annulée) ou présence pointée, au tarif de la tranche de quotient familial.',
  late_booking_surcharge: 'Majoration hors délai : réservation faite après la date limite, sur dérogation d’un agent.',
  unbooked_presence_surcharge: 'Majoration pour présence sans réservation : enfant pointé présent sans réservation validée.',
  justified_absence_credit: 'Absence justifiée par un certificat médical : le jour réservé est déduit.',
};

/**
 * The events that make one day of a line, among the child's events of that service day (in
 * log order): the booking still live at billing time (the last validation or promotion not
 * cancelled after it), the override that made it late, the attendance mark in force, the
 * justification. Mirrors what the billing-inputs projector folds (billing's read model).
 */
export function decisiveEvents(kind: LineKind, facts: readonly DayFact[]): Set<string> {
  const decisive = new Set<string>();
  const booking = liveBooking(facts);
  const mark = [...facts].reverse().find((f) => f.type === 'AttendanceRecorded' && !f.data.superseded);
  switch (kind) {
    case 'service':
      if (booking) decisive.add(booking.id);
      else if (mark) decisive.add(mark.id); // present without booking: billed on the mark
      break;
    case 'late_booking_surcharge': {
      const override = facts.find(
        (f) => f.type === 'DeadlineOverridden' && f.data.action === 'booking' && (!booking || f.data.reservationId === booking.data.reservationId),
      );
      if (override) decisive.add(override.id);
      if (booking) decisive.add(booking.id);
      break;
    }
    case 'unbooked_presence_surcharge':
      if (mark) decisive.add(mark.id);
      break;
    case 'justified_absence_credit': {
      const justified = facts.find((f) => f.type === 'AbsenceJustified' && (!booking || f.data.reservationId === booking.data.reservationId));
      if (justified) decisive.add(justified.id);
      else if (mark?.data.status === 'excused') decisive.add(mark.id);
      break;
    }
  }
  return decisive;
}

function liveBooking(facts: readonly DayFact[]): DayFact | undefined {
  let live: DayFact | undefined;
  for (const fact of facts) {
    if (fact.type === 'ReservationValidated' || fact.type === 'ReservationPromoted') live = fact;
    else if (fact.type === 'ReservationCancelled' && live && fact.data.reservationId === live.data.reservationId) live = undefined;
  }
  return live;
}
