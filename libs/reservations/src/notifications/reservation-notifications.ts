import { serviceLabel } from '#ardoise/catalogue';
import { childFirstNames, familyEmail } from '#ardoise/families';
import type { MailBuilder, NotificationSource } from '#ardoise/messaging';
import type { ReservationPromoted } from '../domain/reservation-events.js';

/**
 * "A place freed up for Clara": the first in line is promoted and told by e-mail, through
 * the messaging context's notifications projector (outbox, exactly once per event).
 * The address, the child's first name and the prestation's label come from the families' and
 * the catalogue's readers at the time of sending, over the batch's transaction (all a projector
 * is handed: it is built outside Nest, and takes no second connection while its batch holds
 * one); a forgotten family (RGPD) has no address left, and gets no e-mail.
 */
const waitlistPromotion: MailBuilder = async (event, { trx }) => {
  const data = event.data as ReservationPromoted['data'];
  const to = await familyEmail(trx, data.familyId);
  if (!to) return undefined;
  const childName = (await childFirstNames(trx, [data.childId])).get(data.childId);
  return {
    to,
    template: 'waitlist-promotion',
    familyId: data.familyId,
    data: {
      childName: childName ?? 'votre enfant',
      serviceLabel: (await serviceLabel(trx, data.serviceCode)) ?? data.serviceCode,
      date: data.date,
      path: '/reservations',
    },
  };
};

export const reservationNotifications: NotificationSource = { mails: { ReservationPromoted: waitlistPromotion } };
