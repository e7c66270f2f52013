import type { DayClosed, RejectionCode, ReservationRef } from './reservation-events.js';

/**
 * Version 1 of ReservationRejected carried the refusal's French words (`message`); version 2
 * keeps the code and why the day was closed (`dayClosed`). A version 1 closed-day message was
 * « La prestation n’a pas lieu ce jour-là. (<label>) » with the catalogue's label of that time,
 * so the reason and the town's name for it are read back from those words, frozen here as they
 * were written (they are history: later changes to the wording must not touch this file).
 */
type V1 = ReservationRef & { code: RejectionCode; message?: string };
type V2 = ReservationRef & { code: RejectionCode; dayClosed?: DayClosed };

const V1_CLOSED = /^La prestation n’a pas lieu ce jour-là\. \((.*)\)$/s;
const V1_FIXED_LABELS: Record<string, string> = {
  'Hors du calendrier de la commune': 'OUTSIDE_CALENDAR',
  'La prestation n’a pas lieu ce jour-là': 'NOT_A_SERVICE_DAY',
  'Prestation ouverte pendant les vacances seulement': 'NOT_HOLIDAYS',
  'Le règlement de cette prestation n’est pas encore fixé': 'NO_RULES',
};

export function reservationRejectedV1toV2({ message, ...data }: V1): V2 {
  const closed = data.code === 'DAY_CLOSED' && typeof message === 'string' ? V1_CLOSED.exec(message) : null;
  return closed ? { ...data, dayClosed: dayClosedFromV1Label(closed[1]!) } : data;
}

function dayClosedFromV1Label(label: string): DayClosed {
  const fixed = V1_FIXED_LABELS[label];
  if (fixed) return { reason: fixed };
  const holiday = /^Jour férié \((.*)\)$/s.exec(label);
  if (holiday) return { reason: 'PUBLIC_HOLIDAY', name: holiday[1]! };
  const closure = /^Fermeture : (.*)$/s.exec(label);
  if (closure) return { reason: 'CLOSURE', name: closure[1]! };
  return { reason: 'SCHOOL_HOLIDAYS', name: label }; // the holidays' own label (« Vacances de Noël »)
}
