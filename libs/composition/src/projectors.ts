import { servicesProjector } from '#ardoise/catalogue';
import { familiesProjector, familyErasuresProjector, familyLoginsProjector, familyPersonalData } from '#ardoise/families';
import { INVOICING_PROJECTORS, invoicingNotifications } from '#ardoise/invoicing';
import { newsProjector, notificationsProjector, requestNotifications, requestsProjector } from '#ardoise/messaging';
import type { Projector } from '#ardoise/projections';
import { reservationNotifications, reservationsProjector } from '#ardoise/reservations';

/** Every read model of Ardoise; each bounded context adds its projectors here. */
export const ALL_PROJECTORS: readonly Projector[] = [
  servicesProjector,
  familiesProjector,
  familyLoginsProjector,
  familyErasuresProjector,
  newsProjector,
  requestsProjector(familyPersonalData),
  notificationsProjector(requestNotifications(familyPersonalData), reservationNotifications, invoicingNotifications),
  reservationsProjector,
  ...INVOICING_PROJECTORS,
];
