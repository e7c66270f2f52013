import { sql } from 'kysely';
import type { MailBuilder, NotificationSource } from '#ardoise/messaging';
import { CHILDREN_TABLE, FAMILIES_TABLE } from '#ardoise/families';
import { SERVICES_TABLE } from '#ardoise/catalogue';
import type { ReservationPromoted } from '../domain/reservation-events.js';

/**
 * "A place freed up for Clara": the first in line is promoted and told by e-mail, through
 * the messaging context's notifications projector (outbox, exactly once per event).
 * Names and the address come from the read models at the time of sending; a forgotten
 * family (RGPD) has none left, and gets no e-mail.
 */
const waitlistPromotion: MailBuilder = async (event, { trx }) => {
  const data = event.data as ReservationPromoted['data'];
  const rows = await sql<{ email: string | null; first_name: string | null; label: string | null }>`
    SELECT f.email, c.first_name, s.label
      FROM ${sql.table(FAMILIES_TABLE)} f
      LEFT JOIN ${sql.table(CHILDREN_TABLE)} c ON c.child_id = ${data.childId}::uuid
      LEFT JOIN ${sql.table(SERVICES_TABLE)} s ON s.code = ${data.serviceCode}
     WHERE f.family_id = ${data.familyId}::uuid`.execute(trx);
  const row = rows.rows[0];
  if (!row?.email) return undefined;
  return {
    to: row.email,
    template: 'waitlist-promotion',
    familyId: data.familyId,
    data: { childName: row.first_name ?? 'votre enfant', serviceLabel: row.label ?? data.serviceCode, date: data.date, path: '/reservations' },
  };
};

export const reservationNotifications: NotificationSource = { mails: { ReservationPromoted: waitlistPromotion } };
